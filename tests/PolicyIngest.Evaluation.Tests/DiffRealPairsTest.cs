using PolicyIngest.Evaluation.Diff;
using PolicyIngest.Ingest;

namespace PolicyIngest.Evaluation.Tests;

/// <summary>
/// The differ on the real revision pairs against the blind gold (corpus/revisions-gold): the figures reached when this
/// was written, so a regression fails. They are below the targets (links F1 0.97, amount changes F1 0.95).
/// </summary>
public class DiffRealPairsTest
{
    private static readonly IReadOnlyList<RealPairScore.PairResult> Results = Score();

    private static IReadOnlyList<RealPairScore.PairResult> Score()
    {
        var root = RepositoryPaths.Root;
        var processor = new PolicyIngestServices(PolicyIngest.Core.PolicyIngestSettings.ForHome(root)).CreateProcessor();
        var revisions = Path.Combine(RepositoryPaths.Shared, "data", "revisions");
        return RealPairScore.Score(Path.Combine(root, "corpus", "revisions-gold"),
            path => processor.Process(File.ReadAllBytes(path), path), revisions);
    }

    private static RealPairScore.Counts Sum(Func<RealPairScore.PairResult, RealPairScore.Counts> f) =>
        Results.Aggregate(new RealPairScore.Counts(0, 0, 0), (a, p) => a + f(p));

    [Fact]
    public void AllPairs_ArticleLinks_AtLeastTheMeasuredF1()
    {
        // why: 0.882 before content similarity; 0.904 after (P 0.946 R 0.865); 0.938 with the session-7 rules
        // (in-place slot, mutual best over all units, split/merge pieces by residual coverage; P 0.965 R 0.913);
        // 0.941 with neighbour consistency for pieces (session 8; P 0.965 R 0.917); 0.942 with many-to-many pieces (P 0.963 R 0.922);
        // 0.946 (session 15); 0.964 with distinct wording, pieces beyond the closest, leftover groups and the position fixes (P 0.983 R 0.946).
        Assert.True(Sum(p => p.Links).F1 >= 0.96, Sum(p => p.Links).ToString());
    }

    [Theory]
    // why: per pair, what was measured in session 7 (rounded down): the full rewrite E and the partial one F are the
    // weak ones; G lost one link (54 → 67, a split piece taken by the residual rule) for the gains elsewhere.
    [InlineData("B", 0.98)]
    [InlineData("C", 1.00)]
    [InlineData("E", 0.80)]
    [InlineData("F", 0.88)]
    [InlineData("G", 1.00)]
    [InlineData("I", 1.00)]
    [InlineData("J", 0.96)]
    public void Pair_ArticleLinks_AtLeastTheMeasuredF1(string pair, double f1)
    {
        var links = Results.Single(r => r.Pair == pair).Links;
        Assert.True(links.F1 >= f1 - 1e-9, $"{pair}: {links}");
    }

    [Fact]
    public void AllPairs_AmountChanges_PairedByWhatTheyAreFor()
    {
        var changes = Sum(p => p.AmountChanges);
        // why: 0.500 before (positions and context only); 0.933 with every gold change found and 3 wrong; 0.955 since a
        // sum may be succeeded by a percentage (G 对单位 二十万元 → 销售额百分之一, removed); 2 wrong left (J 202→251), gone since
        // a link needs wording beyond the penalty template (session 16).
        Assert.Equal(new RealPairScore.Counts(21, 0, 0), changes);
        // why: 会计法 43 + 44 → 41: each old article's fines paired with the new ones (8 changes), tiers kept apart.
        Assert.Equal(new RealPairScore.Counts(12, 0, 0), Results.Single(r => r.Pair == "I").AmountChanges);
    }
}
