using System.Net;
using System.Text.Json;

namespace PolicyIngest.Web.Tests;

/// <summary>The diff page, /api/diff and the changes page over two real versions (经营者集中申报标准 2018 → 2024).</summary>
public class DiffAndChangesTest
{
    private static string Revision(string name) => Path.Combine(Repo.Shared, "data", "revisions", name);

    private static async Task<(TestSite Site, string Old, string New)> TwoVersions()
    {
        var site = new TestSite();
        var first = site.IngestText("jizhong.txt", await File.ReadAllTextAsync(Revision("08_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2018.txt")));
        var second = site.IngestText("jizhong.txt", await File.ReadAllTextAsync(Revision("09_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2024.txt")));
        await site.StartAsync();
        return (site, first.VersionId!, second.VersionId!);
    }

    [Fact]
    public async Task ApiDiff_IsTheDiffCommandJson_WithTheThresholdChanges()
    {
        var (site, oldId, newId) = await TwoVersions();
        await using var owned = site;

        using var json = JsonDocument.Parse(await site.Client.GetStringAsync($"api/diff?old={oldId}&new={newId}"));
        var root = json.RootElement;

        foreach (var field in new[] { "old", "new", "pairs", "amountChanges", "summary" }) Assert.True(root.TryGetProperty(field, out _), field);
        var changes = root.GetProperty("amountChanges").EnumerateArray()
            .Select(a => (Old: a.GetProperty("old").GetProperty("yuan").GetRawText(), New: a.GetProperty("new").GetProperty("yuan").GetRawText()))
            .ToList();
        Assert.Contains(("10000000000", "12000000000"), changes); // 100亿 → 120亿
        Assert.Contains(("2000000000", "4000000000"), changes); // 20亿 → 40亿
    }

    [Fact]
    public async Task DiffPage_ShowsAmountChangesAndMarkedText()
    {
        var (site, oldId, newId) = await TwoVersions();
        await using var owned = site;

        var html = await site.Client.GetStringAsync($"diff?old={oldId}&new={newId}&only=changed");

        Assert.Contains("金额变化", html);
        Assert.Contains("100亿元", html);
        Assert.Contains("120亿元", html);
        Assert.Contains("提高", html);
        Assert.Contains("<ins>", html);
        Assert.Contains("href=\"#pair", html);
    }

    [Theory]
    [InlineData("diff?old=vnosuch000000&new=vnosuch111111")] // why: unknown versions
    [InlineData("diff?old=../../etc/passwd&new=x")] // why: not ids at all
    [InlineData("api/diff?old=&new=")] // why: missing
    public async Task Diff_UnknownVersions_Are404(string url)
    {
        var (site, _, _) = await TwoVersions();
        await using var owned = site;

        using var response = await site.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ChangesPage_ListsTheRevisionWithItsDiffLink()
    {
        var (site, oldId, newId) = await TwoVersions();
        await using var owned = site;

        var html = await site.Client.GetStringAsync("changes?since=2026-01-01");

        Assert.Contains("修订", html);
        Assert.Contains($"/diff?old={oldId}&amp;new={newId}", html);
        Assert.Contains("国务院关于经营者集中申报标准的规定", html);
    }

    [Fact]
    public async Task ChangesPage_BadDate_SaysSoAndShowsTheLastWeek()
    {
        var (site, _, _) = await TwoVersions();
        await using var owned = site;

        var html = await site.Client.GetStringAsync("changes?since=%3Cscript%3E");

        Assert.Contains("不是 yyyy-MM-dd 格式", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("2026-05-25 至 2026-06-01", html);
    }
}
