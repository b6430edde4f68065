using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using PolicyIngest.Catalogue;
using PolicyIngest.Index.Search;
using PolicyIngest.Web.Html;
using static PolicyIngest.Web.Html.Html;

namespace PolicyIngest.Web.Pages;

/// <summary>
/// What the search form asks, read from the query string with the names of the search command's options
/// (q, region, issuer, category, instrument, industry, status, min-amount, from, to, versions=all, page).
/// Values that do not parse are dropped and reported, never guessed.
/// </summary>
public sealed record SearchForm
{
    public const int PageSize = 20;
    public const int MaxPage = 50;

    public string Query { get; init; } = "";
    /// <summary>The filters exactly as the search seam takes them (status as of the page's today).</summary>
    public required ClauseFilter Filter { get; init; }
    public int Page { get; init; } = 1;
    public IReadOnlyList<string> Problems { get; init; } = [];

    public string? Region => Filter.Region;
    public string? Issuer => Filter.Issuer;
    public string? Category => Filter.Category;
    public string? Instrument => Filter.Instrument;
    public string? Industry => Filter.Industry;
    public string? Status => Filter.Status;
    public decimal? MinAmount => Filter.MinYuan;
    public DateOnly? From => Filter.From;
    public DateOnly? To => Filter.To;
    public bool AllVersions => Filter.AllVersions;

    public static SearchForm Parse(Func<string, string?> get, DateOnly asOf)
    {
        var problems = new List<string>();
        string? Text(string name) => get(name) is { } v && v.Trim().Length > 0 ? v.Trim() : null;
        DateOnly? Date(string name, string label)
        {
            if (Text(name) is not { } v) return null;
            if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            problems.Add($"{label}“{v}”不是 yyyy-MM-dd 格式的日期，已忽略");
            return null;
        }
        decimal? amount = null;
        if (Text("min-amount") is { } m)
        {
            if (decimal.TryParse(m, NumberStyles.Number, CultureInfo.InvariantCulture, out var y) && y >= 0) amount = y;
            else problems.Add($"最低金额“{m}”不是以元计的数字，已忽略");
        }
        var page = int.TryParse(Text("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, MaxPage) : 1;
        return new SearchForm
        {
            Query = Text("q") ?? "",
            Filter = new ClauseFilter
            {
                Region = Text("region"),
                Issuer = Text("issuer"),
                Category = Text("category"),
                Instrument = Text("instrument"),
                Industry = Text("industry"),
                Status = Text("status"),
                MinYuan = amount,
                From = Date("from", "起始日期"),
                To = Date("to", "截止日期"),
                AllVersions = Text("versions") == "all",
                AsOf = asOf,
            },
            Page = page,
            Problems = problems,
        };
    }

    /// <summary>The query string of this form with some fields replaced (facet links, pages, clearing a filter).</summary>
    public string Url(string path = "/search", (string Name, string? Value)[]? replace = null)
    {
        var fields = new List<(string Name, string? Value)>
        {
            ("q", Query), ("region", Region), ("issuer", Issuer), ("category", Category), ("instrument", Instrument),
            ("industry", Industry), ("status", Status), ("min-amount", MinAmount is { } m ? Core.DecimalText.Canonical(m) : null),
            ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("versions", AllVersions ? "all" : null), ("page", Page > 1 ? Page.ToString(CultureInfo.InvariantCulture) : null),
        };
        foreach (var (name, value) in replace ?? [])
        {
            var i = fields.FindIndex(f => f.Name == name);
            if (i >= 0) fields[i] = (name, value);
        }
        if (replace is not null && !replace.Any(r => r.Name == "page")) fields.RemoveAll(f => f.Name == "page");
        return path + Query([.. fields]);
    }
}

/// <summary>The search page: the form and facets beside the hits, with snippets, amount chips, status badges and pages.</summary>
public static partial class SearchPage
{
    private static readonly (string Field, string Param, string Name)[] FacetFields =
    [
        ("status", "status", "状态"), ("region", "region", "地区"), ("issuer", "issuer", "发文机构"),
        ("category", "category", "条款类别"), ("instrument", "instrument", "支持方式"), ("industry", "industry", "行业"),
    ];

    public static Markup Render(SearchForm form, SearchResult? result)
    {
        var body = H($"""
            <h1>检索条款</h1>
            <div class="layout">
            <aside class="filters">{Form(form)}{(result is null ? Markup.Empty : Facets(form, result))}</aside>
            <section class="results">{Results(form, result)}</section>
            </div>
            """);
        return Layout.Page(form.Query.Length > 0 ? $"检索：{form.Query}" : "检索", body, form.Query);
    }

    private static Markup Form(SearchForm f)
    {
        static Markup Options(IEnumerable<string> ids, string? selected, Func<string, string> name) => Join(
            ids.Select(id => id == selected ? H($"<option value=\"{id}\" selected>{name(id)}</option>") : H($"<option value=\"{id}\">{name(id)}</option>")));
        return H($"""
            <form action="/search" method="get">
            <label for="f-q">检索词</label><input id="f-q" type="search" name="q" value="{f.Query}" placeholder="词语 “短语” A OR B -排除">
            <label for="f-region">地区</label><input id="f-region" name="region" value="{f.Region ?? ""}" placeholder="如 怀柔">
            <label for="f-issuer">发文机构</label><input id="f-issuer" name="issuer" value="{f.Issuer ?? ""}">
            <label for="f-status">状态</label><select id="f-status" name="status"><option value="">不限</option>{Options(Labels.StatusIds, f.Status, Labels.Status)}</select>
            <label for="f-category">条款类别</label><select id="f-category" name="category"><option value="">不限</option>{Options(Labels.CategoryIds, f.Category, Labels.Category)}</select>
            <label for="f-instrument">支持方式</label><select id="f-instrument" name="instrument"><option value="">不限</option>{Options(Labels.InstrumentIds, f.Instrument, Labels.Instrument)}</select>
            <label for="f-industry">行业</label><select id="f-industry" name="industry"><option value="">不限</option>{Options(Labels.IndustryIds, f.Industry, Labels.Industry)}</select>
            <label for="f-min">最低金额（元）</label><input id="f-min" name="min-amount" inputmode="decimal" value="{(f.MinAmount is { } m ? Core.DecimalText.Canonical(m) : "")}" placeholder="如 1000000">
            <label for="f-from">印发日期自</label><input id="f-from" type="date" name="from" value="{f.From?.ToString("yyyy-MM-dd") ?? ""}">
            <label for="f-to">印发日期至</label><input id="f-to" type="date" name="to" value="{f.To?.ToString("yyyy-MM-dd") ?? ""}">
            <label><input type="checkbox" name="versions" value="all"{(f.AllVersions ? Raw(" checked") : Markup.Empty)} style="width:auto"> 包括历史版本</label>
            <p><button type="submit">检索</button> <a class="small" href="/search">清空</a></p>
            </form>
            """);
    }

    private static Markup Facets(SearchForm form, SearchResult result)
    {
        var blocks = FacetFields.Where(f => result.Facets.ContainsKey(f.Field)).Select(f =>
        {
            var counts = result.Facets[f.Field];
            var items = counts.Take(12).Select(kv => H($"""<li><a href="{form.Url(replace: [(f.Param, kv.Key)])}">{Labels.FacetValue(f.Field, kv.Key)}</a><span class="muted">{kv.Value}</span></li>"""));
            return H($"<div class=\"facet\"><h3>{f.Name}</h3><ul>{items}</ul></div>");
        });
        return H($"<div class=\"facets\">{blocks}</div>");
    }

    private static Markup Results(SearchForm form, SearchResult? result)
    {
        var problems = Join(form.Problems.Select(p => H($"<p class=\"status\">{p}</p>")));
        if (result is null)
            return H($"{problems}<p class=\"muted\">输入检索词：多个词同时出现（AND），“引号”内为短语，OR 表示或者，-词 表示排除。可按地区、机构、类别、状态、金额和日期筛选。</p>");
        var shownFrom = (form.Page - 1) * SearchForm.PageSize;
        var hits = result.Hits.Take(SearchForm.PageSize).ToList();
        var active = ActiveFilters(form);
        return H($"""
            {problems}
            <p class="small muted">共 {result.Total} 条匹配条款，用时 {result.TookMs.ToString("0.#", CultureInfo.InvariantCulture)} 毫秒{(result.Total > 0 ? $"，第 {shownFrom + 1}–{shownFrom + hits.Count} 条" : "")}。 <a href="{form.Url("/api/search")}">JSON</a></p>
            {active}
            {(hits.Count == 0 ? H($"<p>没有找到匹配的条款。</p>") : H($"<ol class=\"hits\" start=\"{shownFrom + 1}\">{hits.Select(Hit)}</ol>"))}
            {Pager(form, result.Total)}
            """);
    }

    private static Markup ActiveFilters(SearchForm form)
    {
        var chips = new List<Markup>();
        void Add(string param, string? value, string name)
        {
            if (value is not null) chips.Add(H($"""<a class="chip" href="{form.Url(replace: [(param, null)])}" title="去掉这个条件">{name} ✕</a>"""));
        }
        Add("status", form.Status, "状态：" + Labels.Status(form.Status));
        Add("region", form.Region, "地区：" + form.Region);
        Add("issuer", form.Issuer, "机构：" + form.Issuer);
        Add("category", form.Category, "类别：" + Labels.Category(form.Category));
        Add("instrument", form.Instrument, "支持方式：" + Labels.Instrument(form.Instrument));
        Add("industry", form.Industry, "行业：" + Labels.Industry(form.Industry));
        Add("min-amount", form.MinAmount is { } m ? Money.Format(m) : null, "金额 ≥ " + (form.MinAmount is { } mm ? Money.Format(mm) : ""));
        Add("from", form.From?.ToString("yyyy-MM-dd"), "自 " + form.From?.ToString("yyyy-MM-dd"));
        Add("to", form.To?.ToString("yyyy-MM-dd"), "至 " + form.To?.ToString("yyyy-MM-dd"));
        Add("versions", form.AllVersions ? "all" : null, "含历史版本");
        return chips.Count == 0 ? Markup.Empty : H($"<p class=\"active\">{chips}</p>");
    }

    private static Markup Hit(SearchHit h)
    {
        var anchor = PolicyPage.Anchor(h.PartNo == 0 ? "" : $"p{h.PartNo}-", h.ClauseId);
        var where = h.Path.Count > 0 ? string.Join(" / ", h.Path) : h.Label;
        var meta = string.Join(" · ", new[] { h.DocNumber, h.Region, h.Issuer, h.IssuedOn }.Where(s => !string.IsNullOrEmpty(s)));
        var snippet = h.Snippet.Length > 0 ? Snippet(h.Snippet) : H($"{(h.Text.Length > 120 ? h.Text[..120] + "…" : h.Text)}");
        return H($"""
            <li class="hit">
            <div><a class="title" href="{PolicyPage.PolicyUrl(h.VersionId)}#{anchor}">{h.Title}</a> {Layout.StatusBadge(h.Status)}{When(h.Partial, () => H($" <span class=\"badge partial\" title=\"含全部检索词的条款不足一页，此条缺其中一个\">缺一个检索词</span>"))}</div>
            <p class="small muted">{meta}</p>
            <p>{When(where.Length > 0, () => H($"<strong>{where}</strong> "))}{snippet}</p>
            {When(h.Amounts.Count > 0, () => H($"<div class=\"tags\">{h.Amounts.Select(a => Layout.AmountChip(a.Yuan, null, "元", a.Role, a.Text))}</div>"))}
            </li>
            """);
    }

    private static Markup Pager(SearchForm form, int total)
    {
        var pages = Math.Min(SearchForm.MaxPage, (total + SearchForm.PageSize - 1) / SearchForm.PageSize);
        if (pages <= 1) return Markup.Empty;
        string PageUrl(int p) => form.Url(replace: [("page", p > 1 ? p.ToString(CultureInfo.InvariantCulture) : null)]);
        var numbers = Enumerable.Range(1, pages).Where(p => p == 1 || p == pages || Math.Abs(p - form.Page) <= 2)
            .Select(p => p == form.Page ? H($"<strong aria-current=\"page\">{p}</strong>") : H($"<a href=\"{PageUrl(p)}\">{p}</a>"));
        return H($"""
            <nav class="pager" aria-label="分页">
            {When(form.Page > 1, () => H($"<a class=\"button\" href=\"{PageUrl(form.Page - 1)}\" rel=\"prev\">上一页</a>"))}
            {numbers}
            {When(form.Page < pages, () => H($"<a class=\"button\" href=\"{PageUrl(form.Page + 1)}\" rel=\"next\">下一页</a>"))}
            </nav>
            """);
    }

    /// <summary>
    /// A search snippet (terms in &lt;em&gt;) as markup: every text piece is decoded and encoded again by us, only the
    /// highlight becomes a tag (&lt;mark&gt;), balanced even if the snippet is not.
    /// </summary>
    public static Markup Snippet(string snippet)
    {
        var pieces = new List<Markup>();
        var open = false;
        foreach (var part in EmTag().Split(snippet))
        {
            switch (part)
            {
                case "<em>" when !open: pieces.Add(Raw("<mark>")); open = true; break;
                case "</em>" when open: pieces.Add(Raw("</mark>")); open = false; break;
                case "<em>" or "</em>": break;
                default: pieces.Add(H($"{WebUtility.HtmlDecode(part)}")); break;
            }
        }
        if (open) pieces.Add(Raw("</mark>"));
        return Join(pieces);
    }

    [GeneratedRegex("(</?em>)")]
    private static partial Regex EmTag();
}
