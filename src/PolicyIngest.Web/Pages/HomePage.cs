using PolicyIngest.Catalogue.Reads;
using PolicyIngest.Web.Html;
using static PolicyIngest.Web.Html.Html;

namespace PolicyIngest.Web.Pages;

/// <summary>The start page: what the catalogue holds and what came in last.</summary>
public static class HomePage
{
    public static Markup Render((long Policies, long Versions, long Clauses, long Amounts) counts, IReadOnlyList<VersionStatusRow> recent)
    {
        var body = H($"""
            <h1>政策目录</h1>
            <p>收录政策 <strong>{counts.Policies}</strong> 件 · 版本 {counts.Versions} 个 · 条款 {counts.Clauses} 条 · 金额 {counts.Amounts} 项</p>
            <form class="topsearch" action="/search" method="get"><input type="search" name="q" placeholder="检索条款，如 专精特新 贴息" aria-label="检索词"><button type="submit">检索</button></form>
            <h2>最近入库</h2>
            {(recent.Count == 0 ? H($"<p class=\"muted\">目录还是空的：用 <code>policyingest ingest 文件或目录</code> 入库。</p>") : PolicyList(recent))}
            """);
        return Layout.Page("政策目录", body);
    }

    public static Markup PolicyList(IEnumerable<VersionStatusRow> versions) => H($"""
        <ul class="hits">{versions.Select(v => H($"""
            <li class="hit"><div><a class="title" href="{PolicyPage.PolicyUrl(v.PolicyId)}">{v.Title}</a> {Layout.StatusBadge(v.Status)}</div>
            <p class="small muted">{string.Join(" · ", new[] { v.DocNumber, v.Issuer, v.Region, v.IssuedOn?.ToString("yyyy-MM-dd") }.Where(s => !string.IsNullOrEmpty(s)))}</p></li>
            """))}</ul>
        """);
}

/// <summary>Download links for the catalogue exports.</summary>
public static class ExportPageView
{
    public static Markup Render(bool allVersions)
    {
        var scope = allVersions ? "all" : null;
        string Link(string path) => path + Query(("versions", scope));
        var body = H($"""
            <h1>导出</h1>
            <p>{(allVersions ? "包括每一个历史版本。" : "只含各政策的现行版本。")} <a href="{(allVersions ? "/export" : "/export?versions=all")}">{(allVersions ? "只导出现行版本" : "改为导出全部版本")}</a></p>
            <ul>
            <li><a href="{Link("/export/catalogue.xlsx")}" download>Excel 工作簿（catalogue.xlsx）</a>：工作表 policies（政策）、amounts（金额）、clauses（条款）</li>
            <li><a href="{Link("/export/catalogue.json")}" download>JSON（catalogue.json）</a>：同样三张表</li>
            <li>CSV：<a href="{Link("/export/policies.csv")}" download>policies.csv</a> · <a href="{Link("/export/amounts.csv")}" download>amounts.csv</a> · <a href="{Link("/export/clauses.csv")}" download>clauses.csv</a></li>
            </ul>
            <p class="small muted">命令行：<code>policyingest export --format xlsx|csv|json 输出路径</code></p>
            """);
        return Layout.Page("导出", body);
    }
}
