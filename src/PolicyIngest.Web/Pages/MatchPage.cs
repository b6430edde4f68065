using System.Globalization;
using Microsoft.AspNetCore.Http;
using PolicyIngest.Core.Model;
using PolicyIngest.Ingest.Matching;
using PolicyIngest.Web.Export;
using PolicyIngest.Web.Html;
using static PolicyIngest.Web.Html.Html;

namespace PolicyIngest.Web.Pages;

/// <summary>
/// 政策匹配: a form for the enterprise profile (GET, so a result can be linked and bookmarked), the clauses it can apply
/// for and those it misses by one condition, each condition with its state and reason and a link to its clause.
/// </summary>
public static class MatchPage
{
    /// <summary>The profile the form's fields describe; null with the reason when a field cannot be read.</summary>
    public static (EnterpriseProfile? Profile, string? Problem) ProfileFrom(IQueryCollection query)
    {
        static IReadOnlyList<string>? List(string? text) =>
            string.IsNullOrWhiteSpace(text) ? null : text.Split(['、', ',', '，', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var figures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var line in (query["figures"].ToString()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(['=', '＝', ':', '：'], 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                return (null, $"数据“{line}”应写成 名称=数值（元，或比例如 0.12）");
            figures[parts[0]] = value;
        }
        DateOnly? founded = null;
        if (query["founded"].ToString() is { Length: > 0 } f)
        {
            if (!DateOnly.TryParseExact(f, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return (null, $"成立日期“{f}”不是 yyyy-MM-dd 格式");
            founded = d;
        }
        int? employees = null;
        if (query["employees"].ToString() is { Length: > 0 } e)
        {
            if (!int.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return (null, $"从业人员“{e}”不是整数");
            employees = n;
        }
        return (new EnterpriseProfile
        {
            Name = NullIfEmpty(query["name"]), Region = NullIfEmpty(query["region"]), Industries = List(query["industries"]),
            Titles = List(query["titles"]), NewTitles = List(query["newTitles"]), Figures = figures, Founded = founded, Employees = employees,
        }, null);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static Markup Render(IQueryCollection query, DateOnly asOf, MatchResult? result, string? problem)
    {
        string V(string name) => query[name].ToString();
        var body = H($"""
            <h1>政策匹配</h1>
            <p class="small muted">填写企业情况（均可留空，未填写的条件显示为“待确认”），列出 {asOf.ToString("yyyy-MM-dd")} 现行有效政策中可申报的支持条款、预计金额和每个条件的判断依据。</p>
            <form class="match" action="/match" method="get">
            <label>企业名称 <input name="name" value="{V("name")}"></label>
            <label>注册地 <input name="region" value="{V("region")}" placeholder="北京市怀柔区"></label>
            <label>行业（顿号分隔） <input name="industries" value="{V("industries")}" placeholder="软件和信息技术服务业"></label>
            <label>已有资质/称号 <input name="titles" value="{V("titles")}" placeholder="规模以上工业企业、高新技术企业"></label>
            <label>当年新获称号 <input name="newTitles" value="{V("newTitles")}" placeholder="专精特新中小企业"></label>
            <label>经营数据（每行 名称=数值，元或比例） <textarea name="figures" rows="3" placeholder="营业收入=50000000">{V("figures")}</textarea></label>
            <label>成立日期 <input type="date" name="founded" value="{V("founded")}"></label>
            <label>从业人员 <input name="employees" value="{V("employees")}"></label>
            <label>日期 <input type="date" name="asOf" value="{asOf.ToString("yyyy-MM-dd")}"></label>
            <button type="submit">匹配</button>
            </form>
            {When(problem is not null, () => H($"<p class=\"status\">{problem}</p>"))}
            {(result is null ? Markup.Empty : Results(query, result))}
            """);
        return Layout.Page("政策匹配", body);
    }

    private static Markup Results(IQueryCollection query, MatchResult result)
    {
        var download = "/match.xlsx?" + string.Join("&", query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value.ToString())));
        return H($"""
            <p>可申报 <strong>{result.Matches.Count}</strong> 条，差一项 <strong>{result.Almost.Count}</strong> 条，可能适用 <strong>{result.Possible.Count}</strong> 条 · <a href="{download}">下载 xlsx</a></p>
            <h2>可申报</h2>
            {Table(result.Matches, "没有所有已知条件都满足的支持条款。")}
            <h2>差一项</h2>
            {Table(result.Almost, "没有只差一个条件的支持条款。")}
            <details><summary>可能适用（{result.Possible.Count}）：没有不满足的条件，但画像未显示本条面向该企业，或条款未写明金额</summary>
            {Table(result.Possible, "没有。")}
            </details>
            """);
    }

    private static Markup Table(IReadOnlyList<ClauseMatch> matches, string empty) =>
        matches.Count == 0 ? H($"<p class=\"muted\">{empty}</p>")
        : H($"<div class=\"tablewrap\"><table class=\"matches\"><thead><tr><th>预计金额</th><th>政策与条款</th><th>条件</th></tr></thead><tbody>{matches.Select(Row)}</tbody></table></div>");

    private static Markup Row(ClauseMatch m) => H($"""
        <tr><td class="amount">{m.Amount?.Text ?? "未写明金额"}</td>
        <td><a href="{PolicyPage.PolicyUrl(m.VersionId)}#{PolicyPage.Anchor(m.Part > 0 ? $"p{m.Part}-" : "", m.ClauseId)}">{m.Title}{(m.PartTitle is { Length: > 0 } card ? " · " + card : "")}</a> {m.Label} {m.Heading ?? ""}
        <div class="small muted">{m.DocNumber ?? ""} {m.Region ?? ""}</div></td>
        <td><ul class="conditions">{m.Verdict.Conditions.Select(Condition)}</ul>
        {When(m.Conflicts.Count > 0, () => H($"<div class=\"small\">⚠ 不重复支持：{string.Join("；", m.Conflicts)}</div>"))}</td></tr>
        """);

    private static Markup Condition(ConditionVerdict v) => H($"""
        <li class="cond-{v.State.ToId()}"><span class="state">{MatchExport.StateText(v.State)}</span> {v.Condition.Text} <span class="small muted">{v.Why}</span></li>
        """);
}
