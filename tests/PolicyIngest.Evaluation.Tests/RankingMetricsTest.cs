using PolicyIngest.Evaluation.Search;

namespace PolicyIngest.Evaluation.Tests;

public sealed class RankingMetricsTest
{
    private static readonly Dictionary<long, int> Grades = new() { [1] = 3, [2] = 1, [3] = 0 };

    public static TheoryData<long[], double, double, double> Rows => new()
    {
        { [1, 2], 1.0, 1.0, 1.0 },                  // why: ideal order
        { [2, 1], (1 + 7 / Math.Log2(3)) / (7 + 1 / Math.Log2(3)), 1.0, 1.0 }, // why: swapped: lower nDCG, same MRR and recall
        { [9, 3, 1], 7 / Math.Log2(4) / (7 + 1 / Math.Log2(3)), 1.0 / 3, 0.5 }, // why: grade 0 and unjudged count as not relevant
        { [], 0.0, 0.0, 0.0 },                      // why: nothing found
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Metrics_Table(long[] ranked, double ndcg, double rr, double recall)
    {
        Assert.Equal(ndcg, RankingMetrics.Ndcg(ranked, Grades, 10), 9);
        Assert.Equal(rr, RankingMetrics.ReciprocalRank(ranked, Grades), 9);
        Assert.Equal(recall, RankingMetrics.Recall(ranked, Grades, 20), 9);
    }
}
