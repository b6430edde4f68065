using System.Text;
using PolicyIngest.Catalogue;
using PolicyIngest.Ingest;

namespace PolicyIngest.Track.Tests;

/// <summary>
/// Validity in the catalogue on real SQLite, the documents read by the real pipeline: the basis stored with each version,
/// 有效期调整 in both arrival orders, 重新印发 with 原《X》同时废止, and the expiring list with its sentences.
/// </summary>
public sealed class ValidityCatalogueTest : IDisposable
{
    private readonly TrackCatalogue _track = new();
    private readonly ValidityStore _validity;
    private static readonly DateOnly AsOf = new(2025, 6, 1);

    public ValidityCatalogueTest() => _validity = new ValidityStore(_track.Catalogue);

    public void Dispose() => _track.Dispose();

    // A 办法 valid for five years from its 印发 (2019-10-09 → 2024-10-09), as real/16 states it.
    private const string Measure = """
        广州市人力资源和社会保障局文件
        穗人社规字〔2019〕6号
        广州市就业见习基地管理办法
        第一条 为规范就业见习基地管理，制定本办法。
        第二条 对就业见习基地按每人每月1000元给予见习补贴。
        第三条 本办法自印发之日起施行，有效期5年。
        广州市人力资源和社会保障局
        2019年10月9日
        """;

    private static string Extension(string sentence) => $"""
        广州市人力资源和社会保障局关于延长《广州市就业见习基地管理办法》有效期的通知
        穗人社规字〔2024〕9号
        各区人力资源和社会保障局：
        {sentence}
        本通知自印发之日起施行。
        广州市人力资源和社会保障局
        2024年9月1日
        """;

    private IngestResult Ingest(string name, string text)
    {
        var result = _track.Ingest.IngestBytes(Encoding.UTF8.GetBytes(text), $"https://gov.example/{name}.txt");
        Assert.NotEqual(IngestOutcome.Failed, result.Outcome);
        return result;
    }

    private TrackedVersion V(string id) => _track.Store.Version(id, AsOf)!;

    [Fact]
    public void Store_KeepsTheBasisOfEachDate()
    {
        var m = Ingest("measure", Measure);
        var row = _validity.Of(m.VersionId!)!;
        // why: the analyst sees the rule, the sentence as written and its clause, and how the date was counted
        Assert.Equal("自印发之日起施行", row.EffectiveFrom!.Rule);
        Assert.Equal("本办法自印发之日起施行，有效期5年。", row.EffectiveFrom.Sentence);
        Assert.Equal("art3", row.EffectiveFrom.ClauseId);
        Assert.Equal("有效期N年", row.ExpiresOn!.Rule);
        Assert.Equal(new DateOnly(2024, 10, 8), row.StatedExpiresOn);
        Assert.Null(row.Trial);
        // why: the 已失效 reason names the sentence that set the end
        Assert.Equal("expired", V(m.VersionId!).Status);
        Assert.Equal("有效期至2024年10月8日届满，依据：有效期N年「本办法自印发之日起施行，有效期5年。」（art3；自施行之日 2019-10-09 起算5年）",
            ValidityReport.Expired(_track.Store, V(m.VersionId!)));
    }

    [Theory]
    [InlineData(true, "经研究，《广州市就业见习基地管理办法》（穗人社规字〔2019〕6号）有效期延长至2027年12月31日。", "2027-12-31")] // why: the policy arrives first
    [InlineData(false, "经研究，《广州市就业见习基地管理办法》（穗人社规字〔2019〕6号）有效期延长至2027年12月31日。", "2027-12-31")] // why: the extending notice arrives first
    [InlineData(true, "经研究，《广州市就业见习基地管理办法》有效期延长2年。", "2026-10-08")]   // why: a length counted from its own end, matched by title
    [InlineData(false, "经研究，《广州市就业见习基地管理办法》有效期延长2年。", "2026-10-08")]  // why: the same, notice first
    public void Extension_SetsTheEndWithAReason_InEitherOrder(bool policyFirst, string sentence, string end)
    {
        var (measure, notice) = policyFirst
            ? (Ingest("measure", Measure), Ingest("notice", Extension(sentence)))
            : (Ingest("notice", Extension(sentence)), Ingest("measure", Measure)).Swap();

        var v = V(measure.VersionId!);
        Assert.Equal(DateOnly.Parse(end), v.ExpiresOn);
        Assert.Equal("in_force", v.Status);   // why: without the extension it expired on 2024-10-09
        var row = _validity.Of(measure.VersionId!)!;
        Assert.Equal(notice.VersionId, row.ChangedBy);
        Assert.Equal(new DateOnly(2024, 10, 8), row.StatedExpiresOn);   // why: what the 办法 itself says is kept
        Assert.StartsWith("有效期由《广州市人力资源和社会保障局关于延长《广州市就业见习基地管理办法》有效期的通知》（穗人社规字〔2024〕9号）延长至", row.ChangeReason);
        Assert.EndsWith("：" + sentence, row.ChangeReason);
        Assert.NotEqual(measure.PolicyId, notice.PolicyId);   // why: the notice is a document of its own, not a version of the 办法
        Assert.Null(V(notice.VersionId!).ExpiresOn);
    }

    [Fact]
    public void Extension_DoesNotReachAVersionIssuedAfterIt()
    {
        // why: the notice of 2024 extends the 2019 text; the 办法 re-issued in 2025 under the same title has its own term
        Ingest("notice", Extension("经研究，《广州市就业见习基地管理办法》有效期延长至2027年12月31日。"));
        var old = Ingest("measure", Measure);
        var reissued = Ingest("measure-2025", Measure.Replace("穗人社规字〔2019〕6号", "穗人社规字〔2025〕2号").Replace("2019年10月9日", "2025年3月1日")
            .Replace("1000元", "1500元"));
        Assert.Equal(new DateOnly(2027, 12, 31), V(old.VersionId!).ExpiresOn);
        Assert.Equal(new DateOnly(2030, 2, 28), V(reissued.VersionId!).ExpiresOn);
        Assert.Null(_validity.Of(reissued.VersionId!)!.ChangedBy);
    }

    [Theory]
    [InlineData("本办法自2025年3月1日起施行，《广州市就业见习基地管理办法》（穗人社规字〔2019〕6号）同时废止。")]     // why: the usual closing article of a re-issued text
    [InlineData("本办法自2025年3月1日起施行。经修订，现重新印发，原《广州市就业见习基地管理办法》同时废止。")]          // why: 重新印发 with 原《X》同时废止, by title only
    public void Reissue_RepealsTheOldText(string closing)
    {
        var old = Ingest("measure", Measure);
        var reissued = Ingest("measure-2025", $"""
            广州市人力资源和社会保障局文件
            穗人社规字〔2025〕2号
            广州市就业见习基地管理办法
            第一条 为规范就业见习基地管理，制定本办法。
            第二条 对就业见习基地按每人每月1500元给予见习补贴。
            第三条 {closing}
            广州市人力资源和社会保障局
            2025年2月20日
            """);
        Assert.Equal(old.PolicyId, reissued.PolicyId);
        var o = V(old.VersionId!);
        Assert.Equal("repealed", o.Status);
        Assert.Equal(reissued.VersionId, o.RepealedBy);
        Assert.Contains("同时废止", o.StatusReason);
        Assert.Equal("in_force", V(reissued.VersionId!).Status);
    }

    [Fact]
    public void Expiring_GivesTheEndTheDaysLeftAndTheSentence()
    {
        var m = Ingest("measure", Measure.Replace("2019年10月9日", "2020年7月1日"));
        var e = Assert.Single(ValidityReport.Expiring(_track.Store, AsOf, 60));
        Assert.Equal(m.VersionId, e.Version.Id);
        Assert.Equal(new DateOnly(2025, 6, 30), e.ExpiresOn);
        Assert.Equal(29, e.DaysLeft);
        Assert.Contains("「本办法自印发之日起施行，有效期5年。」", e.Basis);
        Assert.Empty(ValidityReport.Expiring(_track.Store, AsOf, 28));
    }
}

internal static class PairExtensions
{
    public static (T, T) Swap<T>(this (T A, T B) pair) => (pair.B, pair.A);
}
