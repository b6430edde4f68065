namespace PolicyIngest.Evaluation.Search;

/// <summary>nDCG@k (gain 2^grade − 1), reciprocal rank and recall@k of one ranked list against graded judgments.</summary>
public static class RankingMetrics
{
    public static double Ndcg(IReadOnlyList<long> ranked, IReadOnlyDictionary<long, int> grades, int k)
    {
        var dcg = 0.0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
            if (grades.TryGetValue(ranked[i], out var g) && g > 0) dcg += (Math.Pow(2, g) - 1) / Math.Log2(i + 2);
        var ideal = grades.Values.Where(g => g > 0).OrderDescending().Take(k).Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }

    public static double ReciprocalRank(IReadOnlyList<long> ranked, IReadOnlyDictionary<long, int> grades)
    {
        for (var i = 0; i < ranked.Count; i++)
            if (grades.TryGetValue(ranked[i], out var g) && g > 0) return 1.0 / (i + 1);
        return 0;
    }

    public static double Recall(IReadOnlyList<long> ranked, IReadOnlyDictionary<long, int> grades, int k)
    {
        var relevant = grades.Count(kv => kv.Value > 0);
        if (relevant == 0) return 0;
        return ranked.Take(k).Count(id => grades.TryGetValue(id, out var g) && g > 0) / (double)relevant;
    }
}
