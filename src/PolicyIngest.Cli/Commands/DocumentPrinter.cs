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
        Dated(o, pad, "施行日期", d.EffectiveFrom, d.Validity.EffectiveFrom, "文中未写明施行日期", indent == 0);
        Dated(o, pad, "失效日期", d.ExpiresOn, d.Validity.ExpiresOn, "文中未写明有效期", indent == 0);
        if (d.Validity.Trial is { } trial) Field(o, pad, "试行", trial.Describe());
        foreach (var c in d.Validity.Changes)
            Field(o, pad, "有效期调整", $"{(c.Title is null ? "" : $"《{c.Title}》")}{c.DocNumber} → {(c.ExpiresOn is { } to ? to.ToString("yyyy-MM-dd") : $"延长{c.ExtendMonths}个月")}「{c.Text}」");
        foreach (var r in d.Repeals) Field(o, pad, "废止", $"{r.Title} {r.DocNumber}".Trim());
        o.WriteLine($"{pad}  条款 {d.Clauses.Count} · 金额 {d.Amounts.Count} · 比例 {d.Rates.Count} · 附件/卡片 {d.Parts.Count}");
        // The main document's tree whole (a law of 1,260 articles too); an attachment's or card's first PartClauses, and a
        // line saying how many more there are, so a cut list never reads as the end of the document.
        var shown = indent == 0 ? d.Clauses.Count : Math.Min(d.Clauses.Count, PartClauses);
        foreach (var c in d.Clauses.Take(shown))
        {
            var depth = new string(' ', 2 + 2 * Math.Max(0, c.Path.Count - 1));
            var review = ClauseReview.LowestConfidence(c) is { } lowest && ClauseReview.NeedsReview(lowest)
                ? $"  [{ClauseReview.Flag} {lowest.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}]" : "";
            o.WriteLine($"{pad}{depth}{c.Label} {Line(c)}".TrimEnd() + review);
        }
        if (shown < d.Clauses.Count) o.WriteLine($"{pad}  …另有 {d.Clauses.Count - shown} 条未列出（--json 列出全部）");
        var flagged = d.Clauses.Count(ClauseReview.NeedsReview);
        if (flagged > 0)
            o.WriteLine($"{pad}  {ClauseReview.Flag} {flagged} 条（分类置信度低于 {ClauseReview.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}）");
        foreach (var a in d.Amounts)
            o.WriteLine($"{pad}  ¥ {a.Article} {a.Text} = {DecimalText.Canonical(a.Yuan)}{(a.YuanHigh is { } h ? "–" + DecimalText.Canonical(h) : "")} 元 [{a.Role.ToId()}]");
        foreach (var part in d.Parts.Take(indent == 0 ? d.Parts.Count : 0))
        {
            o.WriteLine();
            Print(o, part, indent + 2);
        }
    }

    /// <summary>Clauses listed for each attachment or card under the main document.</summary>
    private const int PartClauses = 40;

    /// <summary>
    /// A clause in one line: its text's start, led by its heading when the text does not already begin with it (a heading
    /// read from the text's first sentence is not all the clause says: 十八周岁以上的自然人为成年人。不满十八周岁的…).
    /// </summary>
    private static string Line(Clause c)
    {
        var text = c.Heading is { Length: > 0 } h && !c.Text.StartsWith(h, StringComparison.Ordinal) ? h + " " + c.Text : c.Text;
        return text.Length > 60 ? text[..60] + "…" : text;
    }

    /// <summary>A validity date with the rule and sentence it came from; when nothing states it, says so (main document only).</summary>
    private static void Dated(TextWriter o, string pad, string name, DateOnly? date, ValidityBasis? basis, string unstated, bool sayUnstated)
    {
        if (date is null && basis is null)
        {
            if (sayUnstated) Field(o, pad, name, unstated);
            return;
        }
        Field(o, pad, name, date?.ToString("yyyy-MM-dd") ?? "日期不明");
        if (basis is not null) o.WriteLine($"{pad}    依据：{basis.Describe()}");
    }

    private static void Field(TextWriter o, string pad, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) o.WriteLine($"{pad}  {name}：{value}");
    }
}
