using PolicyIngest.Core.Model;
using PolicyIngest.Ingest;
using PolicyIngest.Track.Alignment;

namespace PolicyIngest.Track.Tests;

/// <summary>The real pairs read by the wired pipeline (structure parser and amount extractor), not the fixture.</summary>
public class RealPipelinePairTest
{
    private static readonly DocumentProcessor Processor = TestServices.Instance.CreateProcessor();

    private static PolicyDocument Read(string prefix)
    {
        var path = LawTextFixture.RevisionPath(prefix);
        return Processor.Process(File.ReadAllBytes(path), path);
    }

    [Fact]
    public void PairC_ThroughThePipeline_ReportsTheRaisedThresholds()
    {
        var diff = new DocumentDiffer().Diff(Read("08_"), Read("09_"));
        var changes = diff.AmountChanges.Select(a => (a.Old?.Yuan, a.New?.Yuan, a.Change)).ToList();
        // why: the three thresholds the issue names, 4亿 → 8亿 once per item of 第三条.
        Assert.Contains((10_000_000_000m, 12_000_000_000m, AmountChangeKind.Increased), changes);
        Assert.Contains((2_000_000_000m, 4_000_000_000m, AmountChangeKind.Increased), changes);
        Assert.Equal(2, changes.Count(c => c == (400_000_000m, 800_000_000m, AmountChangeKind.Increased)));
        Assert.All(diff.AmountChanges, a => Assert.Equal("第三条", a.New?.Article));
        // why: 第二条's items only changed (一) → （一）.
        Assert.Equal(PairChange.Unchanged, diff.Pairs.Single(p => p.Pair.Old?.Label == "第二条").Change);
    }

    [Fact]
    public void PairG_ThroughThePipeline_ReportsTheFinesInChineseNumerals()
    {
        var diff = new DocumentDiffer().Diff(Read("16_"), Read("17_"));
        var changes = diff.AmountChanges.Select(a => (a.Old?.Article, a.Old?.Yuan, a.New?.Article, a.New?.Yuan, a.Change)).ToList();
        // why: 经营者违法实施集中 五十万元 → 五百万元 (第四十八条 → 第五十八条).
        Assert.Contains(("第四十八条", 500_000m, "第五十八条", 5_000_000m, AmountChangeKind.Increased), changes);
        Assert.Contains(changes, c => c.Item1 == "第四十六条" && c.Item2 == 500_000m && c.Item4 == 3_000_000m);
    }

    [Fact]
    public void PairB_ThroughThePipeline_FollowsTheRenumbering()
    {
        var diff = new DocumentDiffer().Diff(Read("06_"), Read("07_"));
        var byOld = diff.Pairs.Where(p => p.Pair.Old is { Label.Length: > 0 }).GroupBy(p => p.Pair.Old!.Label).ToDictionary(g => g.Key, g => g.First());
        // why: read side by side — 行业协会 5→6, 30日内支付 8→9, 施行日期 29→37; new articles sit in 5 chapters.
        Assert.Equal("第六条", byOld["第五条"].Pair.New?.Label);
        Assert.Equal("第九条", byOld["第八条"].Pair.New?.Label);
        Assert.Equal("第三十七条", byOld["第二十九条"].Pair.New?.Label);
        Assert.Equal("第二章", byOld["第八条"].Pair.New?.Path[0]);
    }
}
