using System.Text.Json;

namespace PolicyIngest.Web.Tests;

/// <summary>
/// 施行/失效 with the sentence each came from on the policy page, the API and the expiring list of /changes, on real files:
/// real/30 (广州市居家社区养老服务管理办法: 成文 2022-09-06, 版记 …2022年9月13日印发, 第五十二条 本办法自印发之日起施行，有效期5年。)
/// and real/11 (an 通告 that states no validity).
/// </summary>
public class ValidityPageTest
{
    private static string Real(string prefix) => Directory.GetFiles(Path.Combine(Repo.Shared, "data", "real"), prefix + "*").Single();

    private const string Sentence = "本办法自印发之日起施行，有效期5年。";

    [Fact]
    public async Task PolicyPage_ShowsEachDateWithItsSentence_AndTheExpiredReason()
    {
        await using var site = new TestSite { Now = new DateTimeOffset(2027, 10, 1, 9, 0, 0, TimeSpan.Zero) };
        var stored = site.IngestFile(Real("30_"));
        await site.StartAsync();

        var html = await site.Client.GetStringAsync($"policies/{stored.PolicyId}");

        Assert.Contains($"自印发之日起施行「{Sentence}」", html);               // why: the rule and the sentence as written
        Assert.Contains("href=\"#c-ch7-art52\"", html);                        // why: the sentence links to its clause
        Assert.Contains("按版记印发日期：广州市人民政府办公厅秘书处2022年9月13日印发", html); // why: how the start was counted
        Assert.Contains("已失效", html);
        Assert.Contains($"有效期至2027年9月12日届满，依据：有效期N年「{Sentence}」", html); // why: 已失效 says which sentence
        using var api = JsonDocument.Parse(await site.Client.GetStringAsync($"api/policies/{stored.PolicyId}"));
        Assert.Equal("有效期N年", api.RootElement.GetProperty("validity").GetProperty("expiresOn").GetProperty("rule").GetString());
    }

    [Fact]
    public async Task PolicyPage_SaysWhenNothingStatesTheDates()
    {
        await using var site = new TestSite();
        var stored = site.IngestFile(Real("11_"));
        await site.StartAsync();

        var html = await site.Client.GetStringAsync($"policies/{stored.PolicyId}");

        Assert.Contains("文中未写明施行日期", html);   // why: never invented, and said so
        Assert.Contains("文中未写明有效期", html);
    }

    [Fact]
    public async Task ChangesPage_ExpiringList_HasDaysLeftAndTheSentence()
    {
        await using var site = new TestSite { Now = new DateTimeOffset(2027, 8, 20, 9, 0, 0, TimeSpan.Zero) };
        site.IngestFile(Real("30_"));
        await site.StartAsync();

        var html = await site.Client.GetStringAsync("changes");

        Assert.Contains("2027-09-12", html);
        Assert.Contains("还有 23 天", html);
        Assert.Contains($"依据：有效期N年「{Sentence}」", html);
    }

    [Fact]
    public async Task PolicyPage_ShowsAnExtensionWithItsDocument()
    {
        // why: 有效期调整 — no shared file extends another policy, so the notice is written here in the usual wording
        await using var site = new TestSite { Now = new DateTimeOffset(2027, 10, 1, 9, 0, 0, TimeSpan.Zero) };
        var measure = site.IngestFile(Real("30_"));
        var notice = site.IngestText("notice.txt", """
            广州市人民政府办公厅关于延长《广州市居家社区养老服务管理办法》有效期的通知
            穗府办规〔2027〕5号
            各区人民政府，市政府各部门、各直属机构：
            经市人民政府同意，《广州市居家社区养老服务管理办法》（穗府办规〔2022〕13号）有效期延长至2029年12月31日。
            本通知自印发之日起施行。
            广州市人民政府办公厅
            2027年8月1日
            """);
        await site.StartAsync();

        var html = await site.Client.GetStringAsync($"policies/{measure.PolicyId}");

        Assert.Contains("现行有效", html);
        Assert.Contains("2029-12-31", html);
        Assert.Contains("延长至2029年12月31日：经市人民政府同意，《广州市居家社区养老服务管理办法》（穗府办规〔2022〕13号）有效期延长至2029年12月31日。", html);
        Assert.Contains($"href=\"/policies/{notice.VersionId}\"", html);   // why: the analyst can open the extending document
        Assert.Contains("原定：2027-09-12", html);
    }
}
