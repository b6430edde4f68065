using System.Text.Json;

namespace PolicyIngest.Web.Tests;

/// <summary>施行/失效 with the sentence each came from on the policy page, the API and the expiring list of /changes.</summary>
public class ValidityPageTest
{
    private static string Measure(string date, string term = "本办法自印发之日起施行，有效期5年。") => $"""
        广州市人力资源和社会保障局文件
        穗人社规字〔2019〕6号
        广州市就业见习基地管理办法
        第一条 为规范就业见习基地管理，制定本办法。
        第二条 对就业见习基地按每人每月1000元给予见习补贴。
        第三条 {term}
        广州市人力资源和社会保障局
        {date}
        """;

    [Fact]
    public async Task PolicyPage_ShowsEachDateWithItsSentence_AndTheExpiredReason()
    {
        await using var site = new TestSite();
        var stored = site.IngestText("measure.txt", Measure("2019年10月9日"));
        await site.StartAsync();

        var html = await site.Client.GetStringAsync($"policies/{stored.PolicyId}");

        Assert.Contains("自印发之日起施行「本办法自印发之日起施行，有效期5年。」", html);   // why: the rule and the sentence as written
        Assert.Contains("href=\"#c-art3\"", html);                                          // why: the sentence links to its clause
        Assert.Contains("自施行之日 2019-10-09 起算5年", html);                               // why: how the end was counted
        Assert.Contains("已失效", html);
        Assert.Contains("有效期至2024年10月9日届满，依据：有效期N年「本办法自印发之日起施行，有效期5年。」", html); // why: 已失效 says which sentence
        using var api = JsonDocument.Parse(await site.Client.GetStringAsync($"api/policies/{stored.PolicyId}"));
        Assert.Equal("有效期N年", api.RootElement.GetProperty("validity").GetProperty("expiresOn").GetProperty("rule").GetString());
    }

    [Fact]
    public async Task PolicyPage_SaysWhenNothingStatesTheDates()
    {
        await using var site = new TestSite();
        var stored = site.IngestText("plain.txt", Measure("2025年3月1日", "本办法由市人力资源和社会保障局负责解释。"));
        await site.StartAsync();

        var html = await site.Client.GetStringAsync($"policies/{stored.PolicyId}");

        Assert.Contains("文中未写明施行日期", html);   // why: never invented, and said so
        Assert.Contains("文中未写明有效期", html);
    }

    [Fact]
    public async Task ChangesPage_ExpiringList_HasDaysLeftAndTheSentence()
    {
        await using var site = new TestSite();   // today 2026-06-01
        site.IngestText("measure.txt", Measure("2021年7月1日"));
        await site.StartAsync();

        var html = await site.Client.GetStringAsync("changes");

        Assert.Contains("2026-07-01", html);
        Assert.Contains("还有 30 天", html);
        Assert.Contains("依据：有效期N年「本办法自印发之日起施行，有效期5年。」", html);
    }

    [Fact]
    public async Task PolicyPage_ShowsAnExtensionWithItsDocument()
    {
        await using var site = new TestSite();
        var measure = site.IngestText("measure.txt", Measure("2019年10月9日"));
        var notice = site.IngestText("notice.txt", """
            广州市人力资源和社会保障局关于延长《广州市就业见习基地管理办法》有效期的通知
            穗人社规字〔2024〕9号
            各区人力资源和社会保障局：
            经研究，《广州市就业见习基地管理办法》（穗人社规字〔2019〕6号）有效期延长至2027年12月31日。
            本通知自印发之日起施行。
            广州市人力资源和社会保障局
            2024年9月1日
            """);
        await site.StartAsync();

        var html = await site.Client.GetStringAsync($"policies/{measure.PolicyId}");

        Assert.Contains("现行有效", html);
        Assert.Contains("2027-12-31", html);
        Assert.Contains("延长至2027年12月31日：经研究，《广州市就业见习基地管理办法》（穗人社规字〔2019〕6号）有效期延长至2027年12月31日。", html);
        Assert.Contains($"href=\"/policies/{notice.VersionId}\"", html);   // why: the analyst can open the extending document
        Assert.Contains("原定：2024-10-09", html);
    }
}
