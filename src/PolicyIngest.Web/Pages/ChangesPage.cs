using PolicyIngest.Catalogue;
using PolicyIngest.Track;
using PolicyIngest.Web.Html;
using static PolicyIngest.Web.Html.Html;

namespace PolicyIngest.Web.Pages;

/// <summary>What changed since a date (Track's ChangeLog: new, revised, repealed, expired) and what expires soon.</summary>
public static class ChangesPage
{
    public const int ExpiringDays = 90;

    public static Markup Render(DateOnly since, DateOnly asOf, IReadOnlyList<ChangeLog.ChangeEntry> entries,
        IReadOnlyList<ExpiringPolicy> expiring, string? problem)
    {
        var counts = entries.GroupBy(e => e.Kind).Select(g => Layout.Chip($"{Labels.Change(g.Key)} {g.Count()}"));
        var rows = entries.OrderByDescending(e => e.Date, StringComparer.Ordinal).Select(Row);
        var body = H($"""
            <h1>变更</h1>
            <form class="topsearch" action="/changes" method="get">
            <label for="since" class="small muted" style="align-self:center">自</label>
            <input id="since" type="date" name="since" value="{since.ToString("yyyy-MM-dd")}">
            <button type="submit">查看</button>
            </form>
            {When(problem is not null, () => H($"<p class=\"status\">{problem}</p>"))}
            <p class="small muted">{since.ToString("yyyy-MM-dd")} 至 {asOf.ToString("yyyy-MM-dd")}：共 {entries.Count} 项 {counts}
            · <a href="/changes{Query(("since", asOf.AddDays(-30).ToString("yyyy-MM-dd")))}">近 30 天</a>
            · <a href="/changes{Query(("since", asOf.AddDays(-365).ToString("yyyy-MM-dd")))}">近一年</a></p>
            {(entries.Count == 0 ? H($"<p>这段时间没有变更。</p>") : H($"<div class=\"tablewrap\"><table class=\"changes\"><thead><tr><th>日期</th><th>变更</th><th>政策</th><th>状态</th><th>对照</th></tr></thead><tbody>{rows}</tbody></table></div>"))}
            <h2>{ExpiringDays} 天内到期（{expiring.Count}）</h2>
            {(expiring.Count == 0 ? H($"<p class=\"muted\">没有即将到期的现行政策。</p>") : H($"<ul class=\"expiring\">{expiring.Select(Expiring)}</ul>"))}
            """);
        return Layout.Page("变更", body);
    }

    /// <summary>An expiring policy: its end, the days left, and the sentence (or page field, or later document) the end rests on.</summary>
    private static Markup Expiring(ExpiringPolicy e) => H($"""
        <li>{e.ExpiresOn.ToString("yyyy-MM-dd")} <span class="small">（还有 {e.DaysLeft} 天）</span> <a href="{PolicyPage.PolicyUrl(e.Version.Id)}">{e.Version.Title}</a>
        <span class="small muted">{e.Version.DocNumber ?? ""}</span><div class="small muted">依据：{e.Basis}</div></li>
        """);

    private static Markup Row(ChangeLog.ChangeEntry e)
    {
        var compare = e.PreviousVersionId is { } previous
            ? H($"<a href=\"{PolicyPage.DiffUrl(previous, e.VersionId)}\">新旧对照</a>")
            : e.ByVersionId is { } by ? H($"<a href=\"{PolicyPage.PolicyUrl(by)}\">废止文件</a>") : Markup.Empty;
        return H($"""
            <tr class="ch-{e.Kind}"><td>{e.Date}</td><td>{Labels.Change(e.Kind)}</td>
            <td><a href="{PolicyPage.PolicyUrl(e.VersionId)}">{e.Title}</a><div class="small muted">{e.DocNumber ?? ""}{(e.Reason is null ? "" : " · " + e.Reason)}</div></td>
            <td>{Layout.StatusBadge(e.Status)}</td><td>{compare}</td></tr>
            """);
    }
}
