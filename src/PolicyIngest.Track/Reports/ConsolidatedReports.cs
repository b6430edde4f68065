using System.Globalization;
using System.Net;
using System.Text;
using PolicyIngest.Core.Json;
using PolicyIngest.Core.Model;
using PolicyIngest.Track.Consolidation;

namespace PolicyIngest.Track.Reports;

/// <summary>How a clause of the consolidated text is printed: its label, heading and text, the label not repeated.</summary>
public sealed record ClauseLine(ClauseKind Kind, string Label, string? Heading, string Text, int Depth)
{
    public bool IsHeading => Kind is ClauseKind.Chapter or ClauseKind.Section;

    public static ClauseLine Of(Clause c)
    {
        var text = c.Text.Trim();
        // Some readers keep the label in the text (第一条 为了…): print it once.
        var label = c.Label.Length > 0 && text.StartsWith(c.Label, StringComparison.Ordinal) ? "" : c.Label;
        var heading = !string.IsNullOrEmpty(c.Heading) && !text.Contains(c.Heading, StringComparison.Ordinal) ? c.Heading : null;
        return new ClauseLine(c.Kind, label, heading, text, Math.Clamp(c.Path.Count - 1, 0, 4));
    }

    /// <summary>The line as plain text: 第一条 为了…, 第一章 总则.</summary>
    public string Plain => string.Join(IsHeading ? "　" : " ", new[] { Label, Heading, Text }.Where(s => !string.IsNullOrEmpty(s)));
}

/// <summary>`show ID --consolidated --json`.</summary>
public static class ConsolidatedJson
{
    public sealed record Version(string VersionId, string Title, string? DocNumber, DateOnly? IssuedOn);
    public sealed record RevisionRow(string VersionId, DateOnly? IssuedOn, string Act, string? DocNumber, string Phrase);
    public sealed record NoteRow(string Label, string Kind, string RevisionVersionId, IReadOnlyList<string> FormerLabels, string Text);
    public sealed record ClauseRow(int Part, string Id, string Kind, string Label, IReadOnlyList<string> Path, string? Heading, string Text, NoteRow? Note);
    public sealed record RemovedRow(string Label, string Text, string RevisionVersionId, string Note);
    public sealed record Document(Version Version, IReadOnlyList<RevisionRow> Revisions, IReadOnlyList<string> PartTitles, int NoteCount,
        IReadOnlyList<ClauseRow> Clauses, IReadOnlyList<RemovedRow> Removed);

    public static Document Build(ConsolidatedDocument d) => new(
        new Version(d.Current.VersionId, d.Current.Document.Title, d.Current.DocNumber, d.Current.IssuedOn),
        d.Revisions.Select(r => new RevisionRow(r.VersionId, r.IssuedOn, r.Act, r.DocNumber, r.Phrase)).ToList(),
        d.PartTitles, d.Notes.Count(),
        d.Clauses.Select(c => new ClauseRow(c.Part, c.Clause.Id, c.Clause.Kind.ToId(), c.Clause.Label, c.Clause.Path, c.Clause.Heading, c.Clause.Text,
            c.Note is { } n ? new NoteRow(n.Label, n.Kind.ToId(), n.Revision.VersionId, n.FormerLabels, n.Display) : null)).ToList(),
        d.Removed.Select(r => new RemovedRow(r.Label, r.Text, r.Revision.VersionId, r.Display)).ToList());

    public static string Serialize(ConsolidatedDocument d) => PolicyJson.Serialize(Build(d));
}

/// <summary>The consolidated text as the terminal shows it: clauses, each note on its own line under its provision.</summary>
public static class ConsolidatedPlainText
{
    public static string Render(ConsolidatedDocument d)
    {
        var sb = new StringBuilder();
        sb.Append(d.Current.Document.Title).Append("（整理版）\n");
        foreach (var line in Header(d)) sb.Append(line).Append('\n');
        sb.Append('\n');
        var part = 0;
        foreach (var c in d.Clauses)
        {
            if (c.Part != part) { part = c.Part; sb.Append('\n').Append(d.PartTitles[part - 1]).Append('\n'); }
            var line = ClauseLine.Of(c.Clause);
            sb.Append(line.IsHeading ? "" : new string(' ', 2 * line.Depth)).Append(line.Plain).Append('\n');
            if (c.Note is { } note) sb.Append("  ").Append(note.Display).Append('\n');
        }
        if (d.Removed.Count > 0)
        {
            sb.Append('\n').Append(RemovedHeading).Append('\n');
            foreach (var r in d.Removed) sb.Append(r.Display).Append('\n');
        }
        return sb.ToString();
    }

    public const string RemovedHeading = "已删除的条文";

    public static string KindName(NoteKind kind) => kind switch
    {
        NoteKind.Modified => "修改",
        NoteKind.Added => "增加",
        NoteKind.Merged => "合并",
        NoteKind.Split => "拆分",
        _ => "仅条号变化",
    };

    /// <summary>The lines above the text: which version, which revisions, how many notes.</summary>
    public static IReadOnlyList<string> Header(ConsolidatedDocument d)
    {
        var lines = new List<string>
        {
            $"整理版，据第 {d.Revisions.Count + 1} 版（{d.Current.VersionId}{(d.Current.IssuedOn is { } i ? "，" + Revision.ChineseDate(i) : "")}）"
            + (d.Current.DocNumber is { Length: > 0 } n ? "，" + n : ""),
        };
        if (d.Revisions.Count == 0) lines.Add("目录中只有这一个版本：没有修改记录，不加编注。");
        else
        {
            var first = d.Chain[0];
            lines.Add($"第 1 版：{first.Document.Title}{(first.IssuedOn is { } f ? "，" + Revision.ChineseDate(f) : "")}（{first.VersionId}）");
            lines.AddRange(d.Revisions.Select((r, k) => $"第 {k + 2} 版：{r.Phrase}（{r.VersionId}）"));
            var kinds = d.Notes.GroupBy(n => n.Kind).OrderBy(g => g.Key).Select(g => $"{KindName(g.Key)} {g.Count()}");
            lines.Add($"编注 {d.Notes.Count()} 条（{string.Join(" · ", kinds)}），已删除 {d.Removed.Count} 条：注明最后一次改动该条的修改及改动方式；与第 1 版相同的条文不加编注。");
        }
        return lines;
    }
}

/// <summary>`show ID --consolidated --html OUT`: a self-contained 整理版 page, printed on A4 portrait.</summary>
public static class ConsolidatedHtml
{
    public static string Render(ConsolidatedDocument d)
    {
        var title = d.Current.Document.Title;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
.Append(ReportMarker.ConsolidatedHtmlMeta)
          .Append("<title>整理版：").Append(E(title)).Append("</title>\n<style>").Append(Css).Append("</style></head><body>\n");
        sb.Append("<h1>").Append(E(title)).Append("</h1>\n<p class=\"sub\">整理版（含编注）</p>\n<div class=\"about\">");
        foreach (var line in ConsolidatedPlainText.Header(d)) sb.Append("<p>").Append(E(line)).Append("</p>");
        sb.Append("</div>\n");
        var part = 0;
        foreach (var c in d.Clauses)
        {
            if (c.Part != part) { part = c.Part; sb.Append("<h2 class=\"part\">").Append(E(d.PartTitles[part - 1])).Append("</h2>\n"); }
            var line = ClauseLine.Of(c.Clause);
            if (line.IsHeading) sb.Append("<h2>").Append(E(line.Plain)).Append("</h2>\n");
            else
            {
                sb.Append("<p class=\"").Append(c.Clause.Kind.ToId()).Append(" d").Append(line.Depth.ToString(CultureInfo.InvariantCulture)).Append("\">");
                if (line.Label.Length > 0) sb.Append("<b>").Append(E(line.Label)).Append("</b> ");
                if (line.Heading is { } h) sb.Append("<b>").Append(E(h)).Append("</b> ");
                sb.Append(E(line.Text)).Append("</p>\n");
            }
            if (c.Note is { } note) sb.Append("<p class=\"note ").Append(note.Kind.ToId()).Append("\">").Append(E(note.Display)).Append("</p>\n");
        }
        if (d.Removed.Count > 0)
        {
            sb.Append("<h2 class=\"removed\">").Append(ConsolidatedPlainText.RemovedHeading).Append("</h2>\n");
            foreach (var r in d.Removed)
                sb.Append("<p class=\"note removed\">").Append(E(r.Display)).Append("</p>\n<p class=\"old\">").Append(E(r.Text)).Append("</p>\n");
        }
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s).Replace("\n", "<br>");

    // Portrait: one column of running text reads best at the width of a printed law.
    private const string Css = """
        @page{size:A4 portrait;margin:20mm 18mm}
        body{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun",serif;line-height:1.8;color:#222;max-width:46em;margin:2em auto;padding:0 1em;overflow-wrap:anywhere}
        h1{font-size:1.5em;text-align:center;margin-bottom:.2em}.sub{text-align:center;color:#555;margin-top:0}
        .about{font-size:.9em;color:#555;border-top:1px solid #ccc;border-bottom:1px solid #ccc;padding:.3em 0;margin-bottom:1.5em}.about p{margin:.2em 0}
        h2{font-size:1.1em;text-align:center;margin:1.2em 0 .6em}h2.part,h2.removed{text-align:left;border-bottom:1px solid #ccc}
        p{margin:.3em 0}p.article,p.paragraph{text-indent:2em}p.item,p.subitem{padding-left:2em}
        p.note{margin:.2em 0 .9em 2em;padding:.15em .6em;border-left:3px solid #b08800;background:#fdf6e3;color:#6b5200;font-family:"Noto Sans CJK SC",sans-serif;font-size:.88em;text-indent:0}
        p.old{color:#777;font-size:.9em;padding-left:2em}
        @media print{body{max-width:none;margin:0;padding:0;font-size:11pt}p.note{background:none;break-before:avoid}h1,h2{break-after:avoid}}
        """;
}
