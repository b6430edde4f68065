namespace PolicyIngest.Classify.Evaluation;

/// <summary>
/// Assigns examples to k folds so that every group (a policy and its other versions, identical texts) stays in one
/// fold: groups are shuffled with a fixed seed, then placed largest first into the currently smallest fold.
/// </summary>
public static class GroupedFolds
{
    public static int[] Assign(IReadOnlyList<string> groups, int folds, int seed)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), folds, "at least 2 folds");
        var sizes = groups.GroupBy(g => g, StringComparer.Ordinal)
            .Select(g => (Group: g.Key, Size: g.Count()))
            .OrderBy(g => g.Group, StringComparer.Ordinal)
            .ToList();
        var random = new Random(seed);
        for (var i = sizes.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (sizes[i], sizes[j]) = (sizes[j], sizes[i]);
        }
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var load = new int[folds];
        foreach (var (group, size) in sizes.OrderByDescending(g => g.Size)) // stable: ties keep the shuffled order
        {
            var target = 0;
            for (var f = 1; f < folds; f++) if (load[f] < load[target]) target = f;
            foldOf[group] = target;
            load[target] += size;
        }
        return [.. groups.Select(g => foldOf[g])];
    }
}
