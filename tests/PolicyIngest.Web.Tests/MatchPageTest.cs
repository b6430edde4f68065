using System.IO.Compression;
using PolicyIngest.Catalogue;
using PolicyIngest.Catalogue.Reads;
using PolicyIngest.Core.Model;
using PolicyIngest.Ingest.Matching;

namespace PolicyIngest.Web.Tests;

/// <summary>
/// 政策匹配 on the user's seed 000 (怀柔区促进先进制造业…扶持办法, in force since 2025-07-10) through the real pipeline
/// and the real web server, and the service's rules on a document built for them.
/// </summary>
public class MatchPageTest
{
    private const string Query = "match?name=%E6%9F%90%E5%85%AC%E5%8F%B8&region=%E5%8C%97%E4%BA%AC%E5%B8%82%E6%80%80%E6%9F%94%E5%8C%BA"   // 北京市怀柔区
                                 + "&newTitles=%E4%B8%93%E7%B2%BE%E7%89%B9%E6%96%B0%E4%B8%AD%E5%B0%8F%E4%BC%81%E4%B8%9A";                // 专精特新中小企业

    [Fact]
    public async Task MatchPage_ListsTheClausesTheProfileMeets_WithEachConditionAndItsClauseLink()
    {
        await using var site = new TestSite();
        var stored = site.IngestFile(Repo.Seed("000_cf5a06cb7cce2435.txt"));
        await site.StartAsync();

        var form = await site.Client.GetStringAsync("match");
        Assert.Contains("<form class=\"match\"", form);
        Assert.DoesNotContain("可申报 <strong>", form);   // no profile yet: the form alone

        var html = await site.Client.GetStringAsync(Query);
        Assert.Contains("可申报 <strong>", html);
        Assert.Contains($"/policies/{stored.VersionId}#c-ch2-art2", html);               // 第二条 专精特新: linked to its clause…
        var policy = await site.Client.GetStringAsync($"policies/{stored.VersionId}");
        Assert.Contains("id=\"c-ch2-art2\"", policy);                                     // …whose anchor the policy page has
        Assert.Contains("当年新获 专精特新中小企业", html);                                  // the reason the condition is met
        Assert.Contains("30万元–80万元", html);
        Assert.Contains("/match.xlsx?", html);
    }

    [Fact]
    public async Task MatchXlsx_IsAWorkbookWithBothSheets()
    {
        await using var site = new TestSite();
        site.IngestFile(Repo.Seed("000_cf5a06cb7cce2435.txt"));
        await site.StartAsync();

        using var response = await site.Client.GetAsync(Query.Replace("match?", "match.xlsx?", StringComparison.Ordinal));
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        using var workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
        var xml = await workbook.ReadToEndAsync();
        Assert.Contains("可申报", xml);
        Assert.Contains("差一项", xml);
    }

    [Fact]
    public async Task MatchPage_AFieldThatCannotBeRead_SaysWhichAndMatchesNothing()
    {
        await using var site = new TestSite();
        site.IngestFile(Repo.Seed("000_cf5a06cb7cce2435.txt"));
        await site.StartAsync();

        var html = await site.Client.GetStringAsync("match?region=x&employees=many");

        Assert.Contains("从业人员“many”不是整数", html);
        Assert.DoesNotContain("可申报 <strong>", html);
    }

    [Fact]
    public void Service_ScopeClausesCoverTheirSection_AndThePolicyRegionStandsInWhenTheTextNamesNone()
    {
        var document = new PolicyDocument
        {
            Source = "built.txt", Sha256 = new string('a', 64), Format = SourceFormat.Txt, DocType = DocType.Policy,
            Title = "测试区扶持办法", Region = "北京市测试区",
            Clauses =
            [
                Clause("art1", ["第一章", "第一条"], "本办法适用于年营业收入不低于2000万元的企业。", "scope"),
                Clause("art2", ["第一章", "第二条"], "对首次认定为高新技术企业的，给予一次性奖励20万元。", "support"),
                Clause("c1", ["卡片甲", "条件要求"], "从业人员不少于100人。", "scope"),
                Clause("c2", ["卡片乙", "服务内容"], "给予最高50万元资金支持。", "support"),
            ],
        };
        var version = Version(document);
        var small = new EnterpriseProfile { Region = "北京市测试区", Figures = new Dictionary<string, decimal> { ["营业收入"] = 10_000_000m }, Employees = 50 };

        var judged = PolicyMatchService.Judge(small, version, document, new DateOnly(2026, 6, 1)).ToDictionary(m => m.ClauseId);

        // 第一章's 适用范围 article covers 第二条: its threshold is judged there (and not met).
        Assert.Contains(judged["art2"].Verdict.Conditions, v => v.Condition.Type == ConditionType.Threshold && v.State == ConditionState.Unmet);
        // 卡片甲's 条件要求 does not reach 卡片乙.
        Assert.DoesNotContain(judged["c2"].Verdict.Conditions, v => v.Condition.Type == ConditionType.Threshold);
        // Neither clause names a place: the policy's region is the region condition, met for an enterprise there.
        Assert.All(judged.Values, m => Assert.Contains(m.Verdict.Conditions,
            v => v.Condition.Type == ConditionType.Region && v.Condition.Place == "北京市测试区" && v.State == ConditionState.Met));
        Assert.Equal(50_0000m, judged["c2"].Amount!.Max);

        var elsewhere = small with { Region = "北京市朝阳区" };
        Assert.All(PolicyMatchService.Judge(elsewhere, version, document, new DateOnly(2026, 6, 1)),
            m => Assert.Contains(m.Verdict.Conditions, v => v.Condition.Type == ConditionType.Region && v.State == ConditionState.Unmet));
    }

    private static Clause Clause(string id, string[] path, string text, string category) =>
        new() { Id = id, Kind = ClauseKind.Article, Label = path[^1], Path = path, Text = text, Category = category };

    private static VersionStatusRow Version(PolicyDocument d) => new(
        "p1", "v1", 1, d.Title!, null, null, null, d.Region, "policy", "txt", null, null, null, null, "in_force", null, null, null,
        null, null, d.Source, d.Sha256, DateTimeOffset.UnixEpoch, null, d.Clauses.Count, 0);
}
