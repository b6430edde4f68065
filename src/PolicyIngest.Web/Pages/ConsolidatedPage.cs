using PolicyIngest.Catalogue.Reads;
using PolicyIngest.Core.Model;
using PolicyIngest.Track.Consolidation;
using PolicyIngest.Track.Reports;
using PolicyIngest.Web.Html;
using static PolicyIngest.Web.Html.Html;

namespace PolicyIngest.Web.Pages;

/// <summary>The 整理版 of a version: its text in order with a 编注 under each provision a revision changed; prints on A4.</summary>
public static class ConsolidatedPage
{
    public static string Url(string id) => PolicyPage.PolicyUrl(id) + "/consolidated";

    public static string DocxUrl(string id) => PolicyPage.PolicyUrl(id) + "/consolidated.docx";

    public static Markup Render(VersionStatusRow version, ConsolidatedDocument d)
    {
        var part = 0;
        var clauses = new List<Markup>();
        foreach (var c in d.Clauses)
        {
            if (c.Part != part)
            {
                part = c.Part;
                clauses.Add(H($"<h2 class=\"part\">{d.PartTitles[part - 1]}</h2>"));
            }
            clauses.Add(Clause(c, part == 0 ? "" : $"p{part}-"));
            if (c.Note is { } note) clauses.Add(Note(d, note));
        }
        var removed = When(d.Removed.Count > 0, () => H($"""
            <h2 class="part">{ConsolidatedPlainText.RemovedHeading}（{d.Removed.Count}）</h2>
            {d.Removed.Select(r => H($"<p class=\"note removed\">{r.Display}</p><p class=\"old small muted\">{r.Text}</p>"))}
            """));
        var body = H($"""
            <article class="consolidated">
            <p class="small muted noprint"><a href="{PolicyPage.PolicyUrl(version.VersionId)}">返回政策页</a> · <a href="{DocxUrl(version.VersionId)}">下载 Word 版</a></p>
            <h1>{version.Title}</h1>
            <p class="muted">整理版（含编注） {Layout.StatusBadge(version.Status)}</p>
            <div class="about small muted">{ConsolidatedPlainText.Header(d).Select(line => H($"<p>{line}</p>"))}</div>
            {clauses}
            {removed}
            </article>
            """);
        return Layout.Page("整理版 · " + version.Title, body);
    }

    private static Markup Clause(ConsolidatedClause c, string partPrefix)
    {
        var line = ClauseLine.Of(c.Clause);
        var anchor = PolicyPage.Anchor(partPrefix, c.Clause.Id);
        if (line.IsHeading) return H($"<h2 class=\"ch\" id=\"{anchor}\">{line.Plain}</h2>");
        return H($"""
            <p class="c k-{c.Clause.Kind.ToId()}" id="{anchor}">{When(line.Label.Length > 0, () => H($"<b>{line.Label}</b> "))}{When(line.Heading is not null, () => H($"<b>{line.Heading}</b> "))}{line.Text}</p>
            """);
    }

    private static Markup Note(ConsolidatedDocument d, EditorNote note) => H($"""
        <p class="note {note.Kind.ToId()}">{note.Display} <a class="small noprint" href="{"/diff" + Query(("old", d.PreviousOf(note.Revision)), ("new", note.Revision.VersionId), ("only", "changed"))}">对照</a></p>
        """);
}
