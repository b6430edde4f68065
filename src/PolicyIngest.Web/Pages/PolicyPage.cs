using System.Text;
using PolicyIngest.Catalogue;
using PolicyIngest.Catalogue.Reads;
using PolicyIngest.Core.Model;
using PolicyIngest.Web.Html;
using PolicyIngest.Web.Policies;
using static PolicyIngest.Web.Html.Html;

namespace PolicyIngest.Web.Pages;

/// <summary>One policy: metadata, status with its reason, clause tree with anchors, amounts, versions timeline, original file.</summary>
public static class PolicyPage
{
    public static Markup Render(PolicyDetails p)
    {
        var v = p.Version;
        var d = p.Document;
        var body = H($"""
            <article class="policy">
            <p class="small muted">{Labels.DocType(v.DocType)} · 第 {v.Seq} 版{When(!p.IsCurrent, () => H($" · <a href=\"{PolicyUrl(v.PolicyId)}\">查看现行版本</a>"))}</p>
            <h1>{v.Title}</h1>
            {When(!string.IsNullOrEmpty(v.NoticeTitle), () => H($"<p class=\"muted\">{v.NoticeTitle}</p>"))}
            <div class="status" id="status">{Layout.StatusBadge(v.Status)} <span class="reason">{p.StatusReason}</span>{RepealedByLink(v)}</div>
            {Metadata(v, d, p.Validity.GetValueOrDefault(v.VersionId))}
            {References(d)}
            {Amounts(d, "")}
            {Rates(d, "")}
            <h2 id="clauses">条款（{d.Clauses.Count}）</h2>
            {When(p.Versions.Count > 1, () => H($"<p class=\"small\"><a class=\"consolidated-link\" href=\"{ConsolidatedPage.Url(v.VersionId)}\">整理版（含编注）</a>：本版全文，每条注明最后一次修改</p>"))}
            {ClauseTree(d, "")}
            {Tables(d)}
            {Parts(d)}
            {Timeline(p)}
            </article>
            """);
        return Layout.Page(v.Title, body);
    }

    public static string PolicyUrl(string id) => "/policies/" + Uri.EscapeDataString(id);

    public static string OriginalUrl(string versionId) => $"/versions/{Uri.EscapeDataString(versionId)}/original";

    public static string RenditionUrl(string versionId, string sha256) =>
        $"/versions/{Uri.EscapeDataString(versionId)}/files/{Uri.EscapeDataString(sha256)}";

    /// <summary>
    /// The version's other files — the same text in another format, and files holding only part of it (its 印发 notice,
    /// a scanned page) — each its source and a download of its own.
    /// </summary>
    private static Markup Renditions(string versionId, IReadOnlyList<RenditionFile> files)
    {
        Markup Line(string caption, IEnumerable<RenditionFile> group)
        {
            var items = group.Select(f => H($"""<span>{f.Source} <a href="{RenditionUrl(versionId, f.Sha256)}">下载{f.Format.ToUpperInvariant()}</a></span>"""));
            return H($"""<div class="small muted renditions">{caption}：{Join(items, "、")}</div>""");
        }
        var same = files.Where(f => f.Role != VersionFileRoles.Part).ToList();
        var parts = files.Where(f => f.Role == VersionFileRoles.Part).ToList();
        return H($"""{When(same.Count > 0, () => Line("同一文本的其他文件", same))}{When(parts.Count > 0, () => Line("本版本的部分文件（如只含印发通知）", parts))}""");
    }

    public static string DiffUrl(string oldId, string newId) => "/diff" + Query(("old", oldId), ("new", newId));

    /// <summary>The fragment id of a clause: ASCII only, unique across the document and its parts.</summary>
    public static string Anchor(string partPrefix, string clauseId)
    {
        var sb = new StringBuilder("c-").Append(partPrefix);
        foreach (var ch in clauseId) sb.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '-');
        return sb.ToString();
    }

    private static Markup RepealedByLink(VersionStatusRow v) =>
        v.RepealedBy is null ? Markup.Empty : H($" · <a href=\"{PolicyUrl(v.RepealedBy)}\">查看废止文件</a>");

    private static Markup Metadata(VersionStatusRow v, PolicyDocument d, ValidityRow? validity)
    {
        var rows = new List<(string, Markup)>();
        void Add(string name, string? value) { if (!string.IsNullOrWhiteSpace(value)) rows.Add((name, H($"{value}"))); }
        Add("发文字号", v.DocNumber);
        Add("发文机构", d.Issuers.Count > 1 ? string.Join("、", d.Issuers) : v.Issuer);
        Add("地区", v.Region);
        Add("印发日期", v.IssuedOn?.ToString("yyyy-MM-dd"));
        if (validity is null)
        {
            Add("施行日期", v.EffectiveFrom?.ToString("yyyy-MM-dd"));
            Add("失效日期", v.ExpiresOn?.ToString("yyyy-MM-dd"));
        }
        else rows.AddRange(ValidityRows(v, validity));
        Add("解读对象", v.Interprets);
        Add("来源", v.Source);
        rows.Add(("原文", H($"<a href=\"{OriginalUrl(v.VersionId)}\" download>下载原文件（{v.Format}）</a> <span class=\"small muted\">SHA-256 {v.Sha256[..12]}…</span>")));
        Add("入库时间", v.IngestedAt.ToString("yyyy-MM-dd HH:mm"));
        Add("统计", $"条款 {d.Clauses.Count} · 金额 {d.Amounts.Count} · 比例 {d.Rates.Count} · 附件/卡片 {d.Parts.Count}");
        foreach (var w in d.Warnings) Add("提示", w);
        return H($"""<dl class="meta">{rows.Select(r => H($"<dt>{r.Item1}</dt><dd>{r.Item2}</dd>"))}</dl>""");
    }

    /// <summary>施行 and 失效 each with the sentence it came from (linked to its clause), 有效期调整 and 试行; "未写明" when nothing states it.</summary>
    private static IEnumerable<(string, Markup)> ValidityRows(VersionStatusRow v, ValidityRow validity)
    {
        yield return ("施行日期", Dated(v.EffectiveFrom, validity.EffectiveFrom, "文中未写明施行日期"));
        yield return ("失效日期", validity.ChangedBy is { } by
            ? H($"""{v.ExpiresOn?.ToString("yyyy-MM-dd") ?? ""}<div class="small">{validity.ChangeReason} · <a href="{PolicyUrl(by)}">调整文件</a></div><div class="small muted">原定：{Dated(validity.StatedExpiresOn, validity.ExpiresOn, "未写明有效期")}</div>""")
            : Dated(v.ExpiresOn, validity.ExpiresOn, "文中未写明有效期"));
        if (validity.Trial is { } trial) yield return ("试行", H($"{trial.Rule}「{trial.Sentence}」"));
    }

    private static Markup Dated(DateOnly? date, ValidityBasis? basis, string unstated)
    {
        if (date is null && basis is null) return H($"<span class=\"muted\">{unstated}</span>");
        var clause = basis?.ClauseId is { } id ? H($" · <a href=\"#{Anchor("", id)}\">见条款</a>") : Markup.Empty;
        var why = basis is null
            ? H($"<div class=\"small muted\">依据未记录</div>")
            : H($"<div class=\"small validity-basis\">{basis.Rule}「{basis.Sentence}」{clause}{When(basis.Note is not null, () => H($"<div class=\"muted\">{basis.Note}</div>"))}</div>");
        return H($"{date?.ToString("yyyy-MM-dd") ?? "日期不明"}{why}");
    }

    private static Markup References(PolicyDocument d)
    {
        if (d.Repeals.Count == 0 && d.References.Count == 0) return Markup.Empty;
        static Markup Ref(DocRef r) => H($"<li>{(r.Title is null ? "" : $"《{r.Title}》")}{(r.DocNumber is null ? "" : $"（{r.DocNumber}）")} <span class=\"small muted\">{r.Text}</span></li>");
        return H($"""
            {When(d.Repeals.Count > 0, () => H($"<h2>本文件废止</h2><ul>{d.Repeals.Select(Ref)}</ul>"))}
            {When(d.References.Count > 0, () => H($"<h2>制定依据</h2><ul>{d.References.Select(Ref)}</ul>"))}
            """);
    }

    private static Markup Amounts(PolicyDocument d, string partPrefix)
    {
        if (d.Amounts.Count == 0) return Markup.Empty;
        var rows = d.Amounts.Select(a => H($"""
            <tr><td><a href="#{Anchor(partPrefix, a.ClauseId)}">{a.Article}</a></td><td>{a.Text}</td>
            <td class="num">{Money.Format(a.Yuan, a.YuanHigh, a.Unit)}</td><td>{Labels.AmountRole(a.Role.ToId())}</td>
            <td>{Labels.Per(a.Per)}</td><td>{a.Condition ?? ""}</td></tr>
            """));
        return H($"""
            <h2 id="{partPrefix}amounts">金额（{d.Amounts.Count}）</h2>
            <div class="tablewrap"><table class="amounts"><thead><tr><th>条款</th><th>原文</th><th>金额</th><th>性质</th><th>计量</th><th>条件</th></tr></thead>
            <tbody>{rows}</tbody></table></div>
            """);
    }

    private static Markup Rates(PolicyDocument d, string partPrefix)
    {
        if (d.Rates.Count == 0) return Markup.Empty;
        var rows = d.Rates.Select(r => H($"""
            <tr><td><a href="#{Anchor(partPrefix, r.ClauseId)}">{r.Article}</a></td><td>{r.Text}</td>
            <td class="num">{Core.DecimalText.Canonical(r.Percent)}{(r.PercentHigh is { } h ? "–" + Core.DecimalText.Canonical(h) : "")}%</td>
            <td>{Labels.RateRole(r.Role.ToId())}</td><td>{r.Base ?? ""}</td></tr>
            """));
        return H($"""
            <h2>比例（{d.Rates.Count}）</h2>
            <div class="tablewrap"><table><thead><tr><th>条款</th><th>原文</th><th>比例</th><th>性质</th><th>基数</th></tr></thead>
            <tbody>{rows}</tbody></table></div>
            """);
    }

    /// <summary>The document's tables as printed: rows and cells, the caption above, header rows (those before the first
    /// row with a number) as table headers.</summary>
    private static Markup Tables(PolicyDocument d)
    {
        if (d.Tables.Count == 0) return Markup.Empty;
        var tables = d.Tables.Select(t =>
        {
            var firstData = t.Rows.ToList().FindIndex(r => r.Any(c => c.Any(char.IsAsciiDigit)));
            var headRows = firstData <= 0 ? 0 : Math.Min(firstData, 3);
            var head = Join(t.Rows.Take(headRows).Select(r => H($"<tr>{Join(r.Select(c => H($"<th>{c}</th>")))}</tr>")));
            var rows = Join(t.Rows.Skip(headRows).Select(r => H($"<tr>{Join(r.Select(c => H($"<td>{c}</td>")))}</tr>")));
            return H($"""
                <figure class="doc-table" id="table-{t.Number}">
                {When(t.Caption is not null, () => H($"<figcaption class='small muted'>{t.Caption}</figcaption>"))}
                <div class="tablewrap"><table><thead>{head}</thead><tbody>{rows}</tbody></table></div>
                {When(t.Page is not null, () => H($"<p class='small muted'>第{t.Page}页</p>"))}
                </figure>
                """);
        });
        return H($"""<h2 id="tables">表格（{d.Tables.Count}）</h2>{Join(tables)}""");
    }

    public static Markup ClauseTree(PolicyDocument d, string partPrefix)
    {
        var amountsByClause = d.Amounts.ToLookup(a => a.ClauseId);
        return Join(d.Clauses.Select(c =>
        {
            var depth = Math.Clamp(c.Path.Count - 1, 0, 4);
            var anchor = Anchor(partPrefix, c.Id);
            var tags = new List<Markup>();
            if (!string.IsNullOrEmpty(c.Category)) tags.Add(Layout.Chip(Labels.Category(c.Category), "cat"));
            tags.AddRange(c.Instruments.Select(i => Layout.Chip(Labels.Instrument(i))));
            tags.AddRange(c.Industries.Select(i => Layout.Chip(Labels.Industry(i))));
            if (ClauseReview.LowestConfidence(c) is { } lowest && ClauseReview.NeedsReview(lowest))
                tags.Add(Layout.Chip($"{ClauseReview.Flag} {lowest.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}", "review"));
            tags.AddRange(amountsByClause[c.Id].Select(a => Layout.AmountChip(a.Yuan, a.YuanHigh, a.Unit, a.Role.ToId(), a.Text)));
            var showHeading = !string.IsNullOrEmpty(c.Heading) && !c.Text.StartsWith(c.Heading, StringComparison.Ordinal);
            return H($"""
                <div class="clause k-{c.Kind.ToId()} d{depth}" id="{anchor}">
                <div class="head">{When(c.Label.Length > 0, () => H($"<a class=\"label\" href=\"#{anchor}\">{c.Label}</a>"))}{When(showHeading, () => H($"<span class=\"heading\">{c.Heading}</span>"))}{When(c.Page is not null, () => H($" <span class=\"small muted\">第{c.Page}页</span>"))}</div>
                {When(c.Text.Length > 0, () => H($"<div class=\"text\">{c.Text}</div>"))}
                {When(tags.Count > 0, () => H($"<div class=\"tags\">{tags}</div>"))}
                </div>
                """);
        }));
    }

    private static Markup Parts(PolicyDocument d)
    {
        if (d.Parts.Count == 0) return Markup.Empty;
        var parts = d.Parts.Select((part, i) =>
        {
            var prefix = $"p{i + 1}-";
            return H($"""
                <details id="part{i + 1}"{(d.Parts.Count <= 3 ? Raw(" open") : Markup.Empty)}>
                <summary>{part.Title}{When(!string.IsNullOrEmpty(part.DocNumber), () => H($" <span class=\"small muted\">{part.DocNumber}</span>"))}</summary>
                {When(part.Fields is { Count: > 0 }, () => H($"<dl class=\"meta\">{part.Fields!.Select(f => H($"<dt>{f.Key}</dt><dd>{f.Value}</dd>"))}</dl>"))}
                {Amounts(part, prefix)}
                {ClauseTree(part, prefix)}
                </details>
                """);
        });
        return H($"""<h2 id="parts">附件与卡片（{d.Parts.Count}）</h2>{parts}""");
    }

    private static Markup Timeline(PolicyDetails p)
    {
        var items = p.Versions.OrderByDescending(v => v.Seq).Select(v =>
        {
            var previous = p.Previous(v);
            var isShown = v.VersionId == p.Version.VersionId;
            return H($"""
                <li class="{(v.SupersededBy is null ? "current" : "")}">
                <div><strong>第 {v.Seq} 版</strong> {Layout.StatusBadge(v.Status)} {(isShown ? H($"<span class=\"small muted\">（当前查看）</span>") : H($"<a href=\"{PolicyUrl(v.VersionId)}\">查看此版</a>"))}</div>
                <div class="small">{v.Title}{(v.DocNumber is null ? "" : " · " + v.DocNumber)}{(v.IssuedOn is { } i ? $" · 印发 {i:yyyy-MM-dd}" : "")} · 入库 {v.IngestedAt:yyyy-MM-dd}</div>
                {When(previous is not null, () => H($"<div class=\"small\"><a class=\"difflink\" href=\"{DiffUrl(previous!.VersionId, v.VersionId)}\">与第 {previous!.Seq} 版对照</a></div>"))}
                {When(!string.IsNullOrEmpty(v.LinkReason) && v.Seq > 1, () => H($"<div class=\"small muted\">关联依据：{v.LinkReason}</div>"))}
                {When(p.OtherFiles.GetValueOrDefault(v.VersionId) is { Count: > 0 }, () => Renditions(v.VersionId, p.OtherFiles[v.VersionId]))}
                </li>
                """);
        });
        return H($"""<h2 id="versions">版本（{p.Versions.Count}）</h2><ol class="timeline">{items}</ol>""");
    }
}
