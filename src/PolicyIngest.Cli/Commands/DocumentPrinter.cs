using PolicyIngest.Core;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Cli.Commands;

/// <summary>The human view of a PolicyDocument: metadata, then the clause tree, then amounts.</summary>
public static class DocumentPrinter
{
    public static void Print(TextWriter o, PolicyDocument d, int indent = 0)
    {
        var pad = new string(' ', indent);
        o.WriteLine($"{pad}{d.Title}");
        Field(o, pad, "格式", $"{d.Format.ToId()} · {d.DocType.ToId()}" + (d.PageCount is { } p ? $" · {p} 页" : ""));
        Field(o, pad, "发文字号", d.DocNumber);
        Field(o, pad, "发文机构", d.Issuer);
        Field(o, pad, "地区", d.Region);
        Field(o, pad, "印发日期", d.IssuedOn?.ToString("yyyy-MM-dd"));
        Field(o, pad, "施行日期", d.EffectiveFrom?.ToString("yyyy-MM-dd"));
        Field(o, pad, "失效日期", d.ExpiresOn?.ToString("yyyy-MM-dd"));
        foreach (var r in d.Repeals) Field(o, pad, "废止", $"{r.Title} {r.DocNumber}".Trim());
        o.WriteLine($"{pad}  条款 {d.Clauses.Count} · 金额 {d.Amounts.Count} · 比例 {d.Rates.Count} · 附件/卡片 {d.Parts.Count}");
        foreach (var c in d.Clauses.Take(indent == 0 ? 400 : 40))
        {
            var depth = new string(' ', 2 + 2 * Math.Max(0, c.Path.Count - 1));
            var text = c.Text.Length > 60 ? c.Text[..60] + "…" : c.Text;
            o.WriteLine($"{pad}{depth}{c.Label} {c.Heading ?? text}".TrimEnd());
        }
        foreach (var a in d.Amounts)
            o.WriteLine($"{pad}  ¥ {a.Article} {a.Text} = {DecimalText.Canonical(a.Yuan)}{(a.YuanHigh is { } h ? "–" + DecimalText.Canonical(h) : "")} 元 [{a.Role.ToId()}]");
        foreach (var part in d.Parts.Take(indent == 0 ? 200 : 0))
        {
            o.WriteLine();
            Print(o, part, indent + 2);
        }
    }

    private static void Field(TextWriter o, string pad, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) o.WriteLine($"{pad}  {name}：{value}");
    }
}
