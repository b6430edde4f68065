using System.Net;
using System.Text.Json;
using PolicyIngest.Web.Pages;

namespace PolicyIngest.Web.Tests;

public class SearchPageTest
{
    public static TheoryData<string, string> Snippets => new()
    {
        { "对<em>专精特新</em>企业", "对<mark>专精特新</mark>企业" }, // why: the highlight becomes a mark
        { "a &lt;b&gt; <em>c</em>", "a &lt;b&gt; <mark>c</mark>" }, // why: text the highlighter escaped stays escaped, once
        { "<script>x</script><em>y</em>", "&lt;script&gt;x&lt;/script&gt;<mark>y</mark>" }, // why: a raw tag in a snippet is never trusted
        { "<em>未闭合", "<mark>未闭合</mark>" }, // why: an unbalanced highlight is closed
        { "多余</em>结束", "多余结束" }, // why: a stray closing tag is dropped
        { "R&amp;D <em>贴息</em>", "R&amp;D <mark>贴息</mark>" }, // why: entities are decoded and encoded again, not doubled
    };

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_OnlyTheHighlightIsMarkup(string snippet, string expected) =>
        Assert.Equal(expected, SearchPage.Snippet(snippet).Value);

    [Fact]
    public void Form_BadDateAndAmount_AreReportedAndIgnored()
    {
        var values = new Dictionary<string, string> { ["q"] = " 贴息 ", ["from"] = "2025/01/01", ["min-amount"] = "十万", ["page"] = "999" };
        var form = SearchForm.Parse(n => values.GetValueOrDefault(n), new DateOnly(2026, 6, 1));

        Assert.Equal("贴息", form.Query);
        Assert.Null(form.From);
        Assert.Null(form.MinAmount);
        Assert.Equal(2, form.Problems.Count);
        Assert.Equal(SearchForm.MaxPage, form.Page);
    }

    [Fact]
    public void Form_Url_ReplacesOneFieldAndResetsThePage()
    {
        var values = new Dictionary<string, string> { ["q"] = "贴息", ["region"] = "怀柔", ["page"] = "3" };
        var form = SearchForm.Parse(n => values.GetValueOrDefault(n), new DateOnly(2026, 6, 1));

        Assert.Equal("/search?q=%E8%B4%B4%E6%81%AF&status=in_force", form.Url(replace: [("status", "in_force"), ("region", null)]));
        Assert.Equal("/search?q=%E8%B4%B4%E6%81%AF&region=%E6%80%80%E6%9F%94&page=3", form.Url());
    }

    [Fact]
    public async Task Search_FindsClausesWithHighlightsBadgesAndFacets()
    {
        await using var site = new TestSite();
        site.IngestFile(Repo.Seed("000_cf5a06cb7cce2435.txt"));
        await site.StartAsync();

        var html = await site.Client.GetStringAsync("search?q=%E4%B8%93%E7%B2%BE%E7%89%B9%E6%96%B0"); // 专精特新

        Assert.Contains("<mark>专精特新</mark>", html);
        Assert.Contains("现行有效", html);
        Assert.Contains("怀柔区促进先进制造业及软件和信息技术服务业高质量发展扶持办法", html);
        Assert.Contains("<h3>地区</h3>", html);
        Assert.Matches("href=\"/policies/v[0-9a-f]+#c-[a-z0-9-]+\"", html);
        Assert.Contains("class=\"chip amt", html); // the 专精特新 article gives 30万元 and 80万元
    }

    [Fact]
    public async Task Search_ManyHits_PagesThroughThem()
    {
        await using var site = new TestSite();
        site.IngestText("many.txt", "分页测试办法\n" + string.Join("\n", Enumerable.Range(1, 45).Select(i => $"第{i}条 企业可以申请贴息支持，编号{i}。")));
        await site.StartAsync();

        var first = await site.Client.GetStringAsync("search?q=%E8%B4%B4%E6%81%AF");
        var third = await site.Client.GetStringAsync("search?q=%E8%B4%B4%E6%81%AF&page=3");

        Assert.Contains("共 45 条匹配条款", first);
        Assert.Contains("rel=\"next\"", first);
        Assert.Contains("第 41–45 条", third);
        Assert.DoesNotContain("rel=\"next\"", third);
    }

    [Fact]
    public async Task ApiSearch_IsTheSearchCommandJson()
    {
        await using var site = new TestSite();
        site.IngestFile(Repo.Seed("000_cf5a06cb7cce2435.txt"));
        await site.StartAsync();

        using var json = JsonDocument.Parse(await site.Client.GetStringAsync("api/search?q=%E4%B8%93%E7%B2%BE%E7%89%B9%E6%96%B0&status=in_force"));
        var root = json.RootElement;

        Assert.Equal("专精特新", root.GetProperty("query").GetString());
        Assert.True(root.GetProperty("total").GetInt32() > 0);
        var hit = root.GetProperty("hits")[0];
        foreach (var field in new[] { "docId", "versionId", "title", "docNumber", "region", "status", "clauseId", "label", "path", "snippet", "score", "amounts" })
            Assert.True(hit.TryGetProperty(field, out _), field);
        Assert.Contains(root.GetProperty("hits").EnumerateArray(), h => h.GetProperty("snippet").GetString()!.Contains("<em>专精特新</em>"));
        Assert.True(root.GetProperty("facets").TryGetProperty("region", out _));
    }

    [Theory]
    [InlineData("api/search")] // why: no query
    [InlineData("api/search?q=%E8%B4%B4%E6%81%AF&from=yesterday")] // why: a date that does not parse is an error for a machine client
    public async Task ApiSearch_BadRequests_Are400(string url)
    {
        await using var site = new TestSite();
        await site.StartAsync();

        using var response = await site.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
