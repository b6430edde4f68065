using PolicyIngest.Catalogue.Reads;
using PolicyIngest.Core.Model;
using PolicyIngest.Track.Alignment;
using PolicyIngest.Track.Reports;
using PolicyIngest.Web.Html;
using static PolicyIngest.Web.Html.Html;

namespace PolicyIngest.Web.Pages;

/// <summary>The 新旧对照 of two versions: amount changes on top (linked to their provisions), then the provisions side by side.</summary>
public static class DiffPage
{
    public static Markup Render(VersionStatusRow oldVersion, VersionStatusRow newVersion, DocumentDiff diff, bool changedOnly)
    {
        var s = diff.Summary;
        var rows = diff.Pairs.Select((p, i) => (Pair: p, Index: i))
            .Where(x => !changedOnly || x.Pair.Change != PairChange.Unchanged)
            .Select(x => Row(x.Pair, x.Index));
        var toggle = changedOnly
            ? H($"<a href=\"{Url(oldVersion, newVersion, false)}\">显示全部条款</a>")
            : H($"<a href=\"{Url(oldVersion, newVersion, true)}\">只看有变化的条款</a>");
        var body = H($"""
            <h1>新旧对照</h1>
            <div class="tablewrap"><table class="versions"><thead><tr><th></th><th>旧版本</th><th>新版本</th></tr></thead><tbody>
            <tr><th>标题</th><td><a href="{PolicyPage.PolicyUrl(oldVersion.VersionId)}">{oldVersion.Title}</a></td><td><a href="{PolicyPage.PolicyUrl(newVersion.VersionId)}">{newVersion.Title}</a></td></tr>
            <tr><th>发文字号</th><td>{oldVersion.DocNumber ?? "—"}</td><td>{newVersion.DocNumber ?? "—"}</td></tr>
            <tr><th>印发日期</th><td>{Date(oldVersion.IssuedOn)}</td><td>{Date(newVersion.IssuedOn)}</td></tr>
            <tr><th>状态</th><td>{Layout.StatusBadge(oldVersion.Status)}</td><td>{Layout.StatusBadge(newVersion.Status)}</td></tr>
            </tbody></table></div>
            <p class="summary">{Count(PairChange.Modified, s.Modified)}{Count(PairChange.Moved, s.Moved)}{Count(PairChange.Added, s.Added)}{Count(PairChange.Removed, s.Removed)}{Count(PairChange.Merged, s.Merged)}{Count(PairChange.Split, s.Split)}{Count(PairChange.Unchanged, s.Unchanged)}</p>
            {AmountChanges(diff)}
            <h2 id="pairs">条款对照</h2>
            <p class="small">{toggle} · <a href="/api/diff{Query(("old", oldVersion.VersionId), ("new", newVersion.VersionId))}">JSON</a></p>
            <div class="tablewrap"><table class="diff"><thead><tr><th>旧版本</th><th>新版本</th></tr></thead><tbody>{rows}</tbody></table></div>
            """);
        return Layout.Page("新旧对照 · " + newVersion.Title, body);
    }

    public static string Url(VersionStatusRow oldVersion, VersionStatusRow newVersion, bool changedOnly) =>
        "/diff" + Query(("old", oldVersion.VersionId), ("new", newVersion.VersionId), ("only", changedOnly ? "changed" : null));

    public static string PairAnchor(int index) => $"pair{index}";

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd") ?? "—";

    private static Markup Count(PairChange change, int n) => n == 0 ? Markup.Empty : Layout.Chip($"{ChangeNames.Of(change)} {n}");

    private static Markup AmountChanges(DocumentDiff diff)
    {
        if (diff.AmountChanges.Count == 0) return H($"<h2 id=\"amounts\">金额变化</h2><p class=\"muted\">金额没有变化。</p>");
        var rows = diff.AmountChanges.Select(a => H($"""
            <tr><td><a href="#{PairAnchor(a.PairIndex)}">{a.Old?.Article ?? "—"} → {a.New?.Article ?? "—"}</a></td>
            <td>{Amount(a.Old)}</td><td>{Amount(a.New)}</td><td>{ChangeNames.Of(a.Change)}</td></tr>
            """));
        return H($"""
            <h2 id="amounts">金额变化（{diff.AmountChanges.Count}）</h2>
            <div class="tablewrap"><table class="amount-changes"><thead><tr><th>条款（旧 → 新）</th><th>旧</th><th>新</th><th>变化</th></tr></thead><tbody>{rows}</tbody></table></div>
            """);
    }

    private static Markup Amount(MonetaryAmount? a) => a is null
        ? H($"—")
        : H($"{Money.Format(a.Yuan, a.YuanHigh, a.Unit)} <span class=\"small muted\">{Labels.AmountRole(a.Role.ToId())} · {a.Text}</span>");

    private static Markup Row(PairDiff pair, int index) => H($"""
        <tr id="{PairAnchor(index)}" class="ch-{pair.Change.ToId()}">
        <td>{Side(pair.Pair.Old, pair.OldMarks, "del")}</td>
        <td>{Side(pair.Pair.New, pair.NewMarks, "ins")}{When(pair.Change != PairChange.Unchanged, () => H($" <span class=\"badge chg\">{ChangeNames.Of(pair.Change)}</span>"))}</td>
        </tr>
        """);

    private static Markup Side(DiffUnit? unit, IReadOnlyList<TextMark> marks, string tag)
    {
        if (unit is null) return H($"<span class=\"muted\">（无）</span>");
        var label = unit.Path.Count > 1 ? string.Join(" / ", unit.Path) : unit.Label;
        return H($"""<div class="small muted">{label}</div><div>{Marked(unit.Text, marks, tag)}</div>""");
    }

    /// <summary>The text with the changed spans wrapped in &lt;del&gt; or &lt;ins&gt;; every piece encoded.</summary>
    public static Markup Marked(string text, IReadOnlyList<TextMark> marks, string tag)
    {
        var pieces = new List<Markup>();
        var at = 0;
        foreach (var m in marks.Where(m => m.End > m.Start).OrderBy(m => m.Start))
        {
            var start = Math.Clamp(m.Start, at, text.Length);
            var end = Math.Clamp(m.End, start, text.Length);
            if (start > at) pieces.Add(H($"{text[at..start]}"));
            if (end > start) pieces.Add(tag == "del" ? H($"<del>{text[start..end]}</del>") : H($"<ins>{text[start..end]}</ins>"));
            at = end;
        }
        if (at < text.Length) pieces.Add(H($"{text[at..]}"));
        return Join(pieces);
    }
}
