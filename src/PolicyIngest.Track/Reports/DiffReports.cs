using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Serialization;
using PolicyIngest.Core.Json;
using PolicyIngest.Core.Model;
using PolicyIngest.Core;
using PolicyIngest.Track.Alignment;

namespace PolicyIngest.Track.Reports;

/// <summary>`diff --json`: exactly the shape of spec/cli.md.</summary>
public static class DiffJson
{
    public sealed record Side(string Title, string? DocNumber, DateOnly? IssuedOn);
    public sealed record Unit(string Label, IReadOnlyList<string> Path, string Text);
    public sealed record Pair(Unit? Old, Unit? New, string Change, double Similarity);
    public sealed record Amount(string Article, decimal Yuan, string Role, string Text)
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? YuanHigh { get; init; }
    }
    public sealed record AmountChangeRow(Amount? Old, Amount? New, string Change);
    public sealed record Summary(int Unchanged, int Modified, int Moved, int Added, int Removed, int Merged, int Split);
    public sealed record Document(Side Old, Side New, IReadOnlyList<Pair> Pairs, IReadOnlyList<AmountChangeRow> AmountChanges, Summary Summary);

    public static Document Build(DocumentDiff diff) => new(
        SideOf(diff.Old), SideOf(diff.New),
        diff.Pairs.Select(p => new Pair(UnitOf(p.Pair.Old), UnitOf(p.Pair.New), p.Change.ToId(), p.Pair.Similarity)).ToList(),
        diff.AmountChanges.Select(a => new AmountChangeRow(AmountOf(a.Old), AmountOf(a.New), a.Change.ToId())).ToList(),
        new Summary(diff.Summary.Unchanged, diff.Summary.Modified, diff.Summary.Moved, diff.Summary.Added, diff.Summary.Removed,
            diff.Summary.Merged, diff.Summary.Split));

    public static string Serialize(DocumentDiff diff) => PolicyJson.Serialize(Build(diff));

    private static Side SideOf(PolicyDocument d) => new(d.Title, d.DocNumber, d.IssuedOn);

    private static Unit? UnitOf(DiffUnit? u) => u is null ? null : new Unit(u.Label, u.Path, u.Text);

    private static Amount? AmountOf(MonetaryAmount? a) =>
        a is null ? null : new Amount(a.Article, a.Yuan, a.Role.ToId(), a.Text) { YuanHigh = a.YuanHigh };
}

/// <summary>Chinese names of changes, as the reports show them.</summary>
public static class ChangeNames
{
    public static string Of(PairChange c) => c switch
    {
        PairChange.Unchanged => "未变",
        PairChange.Modified => "修改",
        PairChange.Moved => "条号变化",
        PairChange.Added => "新增",
        PairChange.Removed => "删除",
        PairChange.Merged => "合并",
        PairChange.Split => "拆分",
        _ => c.ToId(),
    };

    public static string Of(AmountChangeKind c) => c switch
    {
        AmountChangeKind.Increased => "提高",
        AmountChangeKind.Decreased => "降低",
        AmountChangeKind.Added => "新增",
        AmountChangeKind.Removed => "删除",
        AmountChangeKind.RoleChanged => "性质变化",
        _ => c.ToId(),
    };

    public static string Role(AmountRole r) => r switch
    {
        AmountRole.Fixed => "定额", AmountRole.Cap => "上限", AmountRole.Floor => "下限", AmountRole.Range => "区间",
        AmountRole.Threshold => "门槛", AmountRole.Fund => "资金规模", AmountRole.Penalty => "罚款", _ => "其他",
    };

    public static string Yuan(MonetaryAmount a) =>
        Format(a.Yuan) + (a.YuanHigh is { } h ? "—" + Format(h) : "") + (a.Per is { Length: > 0 } per ? "/" + per : "");

    private static string Format(decimal yuan) =>
        yuan >= 100_000_000m && yuan % 1_000_000m == 0 ? DecimalText.Canonical(yuan / 100_000_000m) + "亿元"
        : yuan >= 10_000m && yuan % 100m == 0 ? DecimalText.Canonical(yuan / 10_000m) + "万元"
        : DecimalText.Canonical(yuan) + "元";
}

/// <summary>
/// What marks a file as written by the report writer (DiffHtml, DiffMarkdown), so that an ingest walking a folder does
/// not catalogue a 新旧对照 report as a policy: a generator meta tag in the HTML head, an HTML comment on the Markdown's
/// first line. Both carry <see cref="Token"/>.
/// </summary>
public static class ReportMarker
{
    public const string Token = "PolicyIngest-report";
    public const string HtmlMeta = "<meta name=\"generator\" content=\"" + Token + " 新旧对照\">";
    public const string MarkdownComment = "<!-- " + Token + " 新旧对照 -->";
    /// <summary>What marks a 整理版 export: the HTML's generator tag and the DOCX's core Description property.</summary>
    public const string Consolidated = Token + " 整理版";
    public const string ConsolidatedHtmlMeta = "<meta name=\"generator\" content=\"" + Consolidated + "\">";

    /// <summary>
    /// Whether the first bytes of an HTML or text file are a report's: the marker, or for reports written before it
    /// existed, the report page's fixed opening (title and heading 新旧对照：, the 原版本/新版本 table).
    /// </summary>
    public static bool IsReport(string head) =>
        head.Contains(Token, StringComparison.Ordinal)
        || head.Contains("<title>新旧对照：", StringComparison.Ordinal) && head.Contains("<th>原版本</th><th>新版本</th>", StringComparison.Ordinal);
}

/// <summary>`diff --html`: a self-contained side-by-side 新旧对照 page, readable when printed.</summary>
public static class DiffHtml
{
    public static string Render(DocumentDiff diff, string? oldName = null, string? newName = null)
    {
        var sb = new StringBuilder();
        var title = diff.New.Title.Length > 0 ? diff.New.Title : diff.Old.Title;
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">").Append(ReportMarker.HtmlMeta)
          .Append("<title>新旧对照：").Append(E(title)).Append("</title>\n<style>")
          .Append(Css).Append("</style></head><body>\n");
        sb.Append("<h1>新旧对照：").Append(E(title)).Append("</h1>\n<table class=\"meta\"><tr><th></th><th>原版本</th><th>新版本</th></tr>");
        Row(sb, "标题", diff.Old.Title, diff.New.Title);
        Row(sb, "发文字号", diff.Old.DocNumber, diff.New.DocNumber);
        Row(sb, "发布日期", Iso(diff.Old.IssuedOn), Iso(diff.New.IssuedOn));
        if (oldName is not null || newName is not null) Row(sb, "来源", oldName ?? diff.Old.Source, newName ?? diff.New.Source);
        sb.Append("</table>\n");
        var s = diff.Summary;
        sb.Append("<p class=\"summary\">修改 ").Append(s.Modified).Append(" · 新增 ").Append(s.Added).Append(" · 删除 ").Append(s.Removed)
          .Append(" · 条号变化 ").Append(s.Moved).Append(" · 合并 ").Append(s.Merged).Append(" · 拆分 ").Append(s.Split)
          .Append(" · 未变 ").Append(s.Unchanged).Append("</p>\n");

        sb.Append("<h2>金额变化</h2>\n");
        if (diff.AmountChanges.Count == 0) sb.Append("<p>无金额变化。</p>\n");
        else
        {
            sb.Append("<table class=\"amounts\"><thead><tr><th>原条款</th><th>原金额</th><th>新条款</th><th>新金额</th><th>性质</th><th>变化</th></tr></thead><tbody>\n");
            foreach (var a in diff.AmountChanges)
            {
                var role = a.New?.Role ?? a.Old!.Role;
                var roleText = a.Change == AmountChangeKind.RoleChanged ? $"{ChangeNames.Role(a.Old!.Role)} → {ChangeNames.Role(a.New!.Role)}" : ChangeNames.Role(role);
                sb.Append("<tr class=\"").Append(a.Change.ToId()).Append("\"><td><a href=\"#pair-").Append(a.PairIndex).Append("\">")
                  .Append(E(a.Old?.Article ?? "—")).Append("</a></td><td>").Append(E(a.Old is null ? "—" : ChangeNames.Yuan(a.Old)))
                  .Append(a.Old is null ? "" : "<br><small>" + E(a.Old.Text) + "</small>")
                  .Append("</td><td><a href=\"#pair-").Append(a.PairIndex).Append("\">").Append(E(a.New?.Article ?? "—")).Append("</a></td><td>")
                  .Append(E(a.New is null ? "—" : ChangeNames.Yuan(a.New))).Append(a.New is null ? "" : "<br><small>" + E(a.New.Text) + "</small>")
                  .Append("</td><td>").Append(E(roleText)).Append("</td><td>").Append(ChangeNames.Of(a.Change)).Append("</td></tr>\n");
            }
            sb.Append("</tbody></table>\n");
        }

        sb.Append("<h2>条文对照</h2>\n<table class=\"pairs\"><thead><tr><th>原条文</th><th>新条文</th><th>变化</th></tr></thead><tbody>\n");
        for (var k = 0; k < diff.Pairs.Count; k++)
        {
            var p = diff.Pairs[k];
            sb.Append("<tr id=\"pair-").Append(k).Append("\" class=\"").Append(p.Change.ToId()).Append("\"><td>");
            Cell(sb, p.Pair.Old, p.OldMarks, "del");
            sb.Append("</td><td>");
            Cell(sb, p.Pair.New, p.NewMarks, "ins");
            sb.Append("</td><td class=\"change\">").Append(ChangeNames.Of(p.Change));
            if (p.Change is PairChange.Modified or PairChange.Merged or PairChange.Split)
                sb.Append("<br><small>相似度 ").Append(p.Pair.Similarity.ToString("0.00", CultureInfo.InvariantCulture)).Append("</small>");
            sb.Append("</td></tr>\n");
        }
        sb.Append("</tbody></table>\n<p class=\"legend\"><del>删除的文字</del> <ins>新增的文字</ins>；括号、空格、换行、条号写法（第15条/第十五条）的差异不视为修改。</p>\n</body></html>\n");
        return sb.ToString();
    }

    private static void Cell(StringBuilder sb, DiffUnit? unit, IReadOnlyList<TextMark> marks, string tag)
    {
        if (unit is null) { sb.Append("<span class=\"none\">—</span>"); return; }
        var path = unit.Path.Count > 1 ? string.Join(" › ", unit.Path.Take(unit.Path.Count - 1)) + " › " : "";
        sb.Append("<div class=\"label\">").Append(E(path)).Append("<b>").Append(E(unit.Label)).Append("</b></div><div class=\"text\">");
        var at = 0;
        foreach (var m in marks.OrderBy(m => m.Start))
        {
            if (m.Start < at) continue;
            sb.Append(E(unit.Text[at..m.Start])).Append('<').Append(tag).Append('>').Append(E(unit.Text[m.Start..m.End])).Append("</").Append(tag).Append('>');
            at = m.End;
        }
        sb.Append(E(unit.Text[at..])).Append("</div>");
    }

    private static void Row(StringBuilder sb, string name, string? a, string? b) =>
        sb.Append("<tr><th>").Append(name).Append("</th><td>").Append(E(a ?? "—")).Append("</td><td>").Append(E(b ?? "—")).Append("</td></tr>");

    private static string E(string s) => WebUtility.HtmlEncode(s).Replace("\n", "<br>");

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Printed on A4 landscape: two clause columns side by side get ~30 characters a line instead of ~20 in portrait,
    // so rows are about a third shorter and fewer of them are too tall to keep on one page; the amount table's six
    // columns fit without squeezing. Fixed table layout: a long unbroken string (a URL, a file path) wraps inside its
    // column instead of widening the table past the right margin.
    private const string Css = """
        @page{size:A4 landscape;margin:12mm}
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2em;line-height:1.6;color:#222;overflow-wrap:anywhere}
        h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em;border-bottom:1px solid #ccc}
        table{border-collapse:collapse;width:100%;table-layout:fixed}thead{display:table-header-group}
        th,td{border:1px solid #ccc;padding:.4em .6em;vertical-align:top;text-align:left;overflow-wrap:anywhere;word-break:break-word}
        table.meta th:first-child{width:6em}
        table.amounts th:nth-child(1),table.amounts th:nth-child(3){width:7em}table.amounts th:nth-child(5){width:6em}table.amounts th:nth-child(6){width:4.5em}
        table.pairs th:nth-child(3){width:6em}
        .label{color:#555;font-size:.9em}.text{white-space:normal}
        del{background:#fdd;color:#900;text-decoration:line-through}ins{background:#dfd;color:#060;text-decoration:underline}
        tr.unchanged{color:#777}tr.added td:nth-child(2){background:#f3fff3}tr.removed td:nth-child(1){background:#fff3f3}
        tr.increased td:last-child{color:#060}tr.decreased td:last-child{color:#900}
        .summary{font-weight:bold}.none{color:#aaa}.legend{font-size:.9em;color:#555}
        @media print{body{margin:0;font-size:10pt}tr{break-inside:avoid;page-break-inside:avoid}h2{break-after:avoid}a{color:inherit;text-decoration:none}
          del{background:none;color:#000}ins{background:none;color:#000;font-weight:bold}tr.unchanged{color:#444}}
        """;
}

/// <summary>`diff --md`: a short summary for e-mail.</summary>
public static class DiffMarkdown
{
    public static string Render(DocumentDiff diff)
    {
        var sb = new StringBuilder();
        var s = diff.Summary;
        sb.Append(ReportMarker.MarkdownComment).Append('\n');
        sb.Append("# 新旧对照：").Append(diff.New.Title).Append("\n\n");
        sb.Append("- 原版本：").Append(Describe(diff.Old)).Append('\n');
        sb.Append("- 新版本：").Append(Describe(diff.New)).Append('\n');
        sb.Append($"- 修改 {s.Modified}，新增 {s.Added}，删除 {s.Removed}，条号变化 {s.Moved}，合并 {s.Merged}，拆分 {s.Split}，未变 {s.Unchanged}\n\n");
        sb.Append("## 金额变化\n\n");
        if (diff.AmountChanges.Count == 0) sb.Append("无金额变化。\n\n");
        else
        {
            sb.Append("| 原条款 | 原金额 | 新条款 | 新金额 | 性质 | 变化 |\n|---|---|---|---|---|---|\n");
            foreach (var a in diff.AmountChanges)
                sb.Append($"| {a.Old?.Article ?? "—"} | {(a.Old is null ? "—" : ChangeNames.Yuan(a.Old))} | {a.New?.Article ?? "—"} | " +
                          $"{(a.New is null ? "—" : ChangeNames.Yuan(a.New))} | {ChangeNames.Role((a.New ?? a.Old)!.Role)} | {ChangeNames.Of(a.Change)} |\n");
            sb.Append('\n');
        }
        sb.Append("## 条文变化\n\n");
        var changed = diff.Pairs.Where(p => p.Change is not (PairChange.Unchanged or PairChange.Moved)).ToList();
        if (changed.Count == 0) sb.Append("条文内容无实质变化。\n");
        foreach (var p in changed)
        {
            sb.Append("- **").Append(ChangeNames.Of(p.Change)).Append("** ")
              .Append(p.Pair.Old?.Label is { Length: > 0 } ol ? ol : p.Pair.Old is null ? "" : "（无编号）")
              .Append(p.Pair.Old is not null && p.Pair.New is not null ? " → " : "")
              .Append(p.Pair.New?.Label is { Length: > 0 } nl ? nl : p.Pair.New is null ? "" : "（无编号）");
            if (p.Change == PairChange.Modified && p.Edits.Count > 0)
                sb.Append("：").Append(string.Join("；", p.Edits.Take(3).Select(e => Edit(p.Pair.Old!.Text, p.Pair.New!.Text, e))))
                  .Append(p.Edits.Count > 3 ? $"；等 {p.Edits.Count} 处" : "");
            else if (p.Change is PairChange.Added or PairChange.Removed)
                sb.Append("：").Append(Clip((p.Pair.New ?? p.Pair.Old)!.Text, 60));
            sb.Append('\n');
        }
        if (diff.Summary.Moved > 0) sb.Append($"\n另有 {diff.Summary.Moved} 条仅条号变化。\n");
        return sb.ToString();
    }

    private static string Describe(PolicyDocument d) =>
        string.Join(" ", new[] { d.Title, d.DocNumber, d.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }.Where(x => !string.IsNullOrEmpty(x)));

    /// <summary>「old」→「new」 with a few characters of context on each side.</summary>
    private static string Edit(string oldText, string newText, TextEdit e)
    {
        const int context = 4;
        string Around(string text, TextMark? m)
        {
            if (m is not { } mark) return "";
            var start = Math.Max(0, mark.Start - context);
            var end = Math.Min(text.Length, mark.End + context);
            return text[start..end].Replace("\n", " ");
        }
        if (e.Old is null) return "增「" + Clip(Around(newText, e.New), 60) + "」";
        if (e.New is null) return "删「" + Clip(Around(oldText, e.Old), 60) + "」";
        return "「" + Clip(Around(oldText, e.Old), 60) + "」→「" + Clip(Around(newText, e.New), 60) + "」";
    }

    private static string Clip(string s, int max) => s.Length <= max ? s.Replace("\n", " ") : s[..max].Replace("\n", " ") + "…";
}
