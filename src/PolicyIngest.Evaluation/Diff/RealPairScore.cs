using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;
using PolicyIngest.Track.Alignment;

namespace PolicyIngest.Evaluation.Diff;

/// <summary>
/// The differ on the real revision pairs of ../shared/data/revisions against the gold a helper wrote blind
/// (corpus/revisions-gold/pair-*.json): article links old→new (P/R/F1) and changed amounts (old yuan → new yuan).
/// </summary>
public static partial class RealPairScore
{
    public sealed record Counts(int Tp, int Fp, int Fn)
    {
        public double P => Tp + Fp == 0 ? 1 : (double)Tp / (Tp + Fp);
        public double R => Tp + Fn == 0 ? 1 : (double)Tp / (Tp + Fn);
        public double F1 => P + R == 0 ? 0 : 2 * P * R / (P + R);
        public static Counts operator +(Counts a, Counts b) => new(a.Tp + b.Tp, a.Fp + b.Fp, a.Fn + b.Fn);
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"P {P:0.000} R {R:0.000} F1 {F1:0.000} ({Tp} right, {Fp} wrong, {Fn} missed)");

        /// <summary>A set of links scored against a reference set.</summary>
        public static Counts Of(IReadOnlySet<(string, string)> found, IReadOnlySet<(string, string)> reference)
        {
            var tp = found.Count(reference.Contains);
            return new Counts(tp, found.Count - tp, reference.Count - tp);
        }
    }

    public sealed record PairResult(string Pair, Counts Links, Counts AmountChanges, Counts AmountsAddedRemoved, IReadOnlyList<string> Misses)
    {
        /// <summary>The aligner's article links (old label, new label).</summary>
        public IReadOnlySet<(string Old, string New)> Found { get; init; } = new HashSet<(string, string)>();
    }

    [GeneratedRegex(@"^第[一二三四五六七八九十百零〇]+条$")]
    private static partial Regex ArticleLabel();

    public static IReadOnlyList<PairResult> Score(string goldDir, Func<string, PolicyDocument> read, string revisionsDir)
    {
        var results = new List<PairResult>();
        foreach (var path in Directory.GetFiles(goldDir, "pair-*.json").Order(StringComparer.Ordinal))
        {
            using var gold = JsonDocument.Parse(File.ReadAllText(path));
            var root = gold.RootElement;
            var oldDoc = read(Path.Combine(revisionsDir, root.GetProperty("old").GetString()!));
            var newDoc = read(Path.Combine(revisionsDir, root.GetProperty("new").GetString()!));
            var diff = new DocumentDiffer().Diff(oldDoc, newDoc);

            var goldLinks = Links(root);
            var found = diff.Pairs.Where(p => p.Pair.Old is not null && p.Pair.New is not null)
                .Select(p => (Old: p.Pair.Old!.Label, New: p.Pair.New!.Label))
                .Where(l => ArticleLabel().IsMatch(l.Old) && ArticleLabel().IsMatch(l.New))
                .ToHashSet();
            var misses = new List<string>();
            misses.AddRange(found.Where(l => !goldLinks.Contains(l)).Select(l => $"wrong link {l.Old}→{l.New}"));
            misses.AddRange(goldLinks.Where(l => !found.Contains(l)).Select(l => $"missed link {l.Item1}→{l.Item2}"));
            var linkCounts = Counts.Of(found, goldLinks);

            // Amounts end by end, as the gold lists them: a range 三千元以上五万元以下 is two sums (its lower and upper
            // end), and each end is scored on its own (old article, new article, old yuan, new yuan). Ends whose value
            // did not change are in neither list. Ends without a successor are scored separately (added / removed).
            var goldChanges = root.GetProperty("amountChanges").EnumerateArray()
                .Select(a => $"{a.GetProperty("oldArticle").GetString()} {a.GetProperty("oldYuan").GetDecimal():0.##} → {a.GetProperty("newArticle").GetString()} {a.GetProperty("newYuan").GetDecimal():0.##}").ToList();
            var goldAddedRemoved = root.GetProperty("amountsAdded").EnumerateArray()
                .Select(a => $"added {a.GetProperty("newArticle").GetString()} {a.GetProperty("yuan").GetDecimal():0.##}")
                .Concat(root.GetProperty("amountsRemoved").EnumerateArray()
                    .Select(a => $"removed {a.GetProperty("oldArticle").GetString()} {a.GetProperty("yuan").GetDecimal():0.##}")).ToList();
            var foundChanges = new List<string>();
            var foundAddedRemoved = new List<string>();
            foreach (var change in diff.AmountChanges)
                foreach (var (o, n) in change.EndChanges())
                {
                    if (o is { } x && n is { } y) foundChanges.Add($"{change.Old!.Article} {x:0.##} → {change.New!.Article} {y:0.##}");
                    else if (o is { } r) foundAddedRemoved.Add($"removed {change.Old!.Article} {r:0.##}");
                    else if (n is { } d) foundAddedRemoved.Add($"added {change.New!.Article} {d:0.##}");
                }
            var changeCounts = Match(goldChanges, foundChanges, "amount change", misses);
            var addedRemovedCounts = Match(goldAddedRemoved, foundAddedRemoved, "amount", misses);
            results.Add(new PairResult(root.GetProperty("pair").GetString()!, linkCounts, changeCounts, addedRemovedCounts, misses) { Found = found });
        }
        return results;
    }

    /// <summary>The article links old→new of a gold file: every old × new label of a row, or a many-to-many row's own links.</summary>
    private static HashSet<(string, string)> Links(JsonElement root)
    {
        var links = new HashSet<(string, string)>();
        foreach (var row in root.GetProperty("alignment").EnumerateArray())
        {
            if (row.TryGetProperty("links", out var explicitLinks))
            {
                foreach (var l in explicitLinks.EnumerateArray()) links.Add((Label(l, 0, "old"), Label(l, 1, "new")));
                continue;
            }
            foreach (var o in row.GetProperty("old").EnumerateArray())
                foreach (var n in row.GetProperty("new").EnumerateArray()) links.Add((o.GetString()!, n.GetString()!));
        }
        return links;
    }

    /// <summary>
    /// How far a second annotator, labelling blind, agrees with the gold's links: the gold as reference (P: the second's
    /// links the gold has; R: the gold's links the second has), per pair the second labelled.
    /// </summary>
    public static IReadOnlyList<(string Pair, Counts Links)> Agreement(string goldDir, string secondDir)
    {
        var results = new List<(string, Counts)>();
        foreach (var (pair, gold, second) in SecondAnnotations(goldDir, secondDir)) results.Add((pair, Counts.Of(second, gold)));
        return results;
    }

    /// <summary>The aligner's links scored against the second annotator's instead of the gold, per pair the second labelled.</summary>
    public static IReadOnlyList<(string Pair, Counts Links)> AgainstSecond(IEnumerable<PairResult> aligned, string goldDir, string secondDir)
    {
        var found = aligned.ToDictionary(p => p.Pair, p => p.Found);
        var results = new List<(string, Counts)>();
        foreach (var (pair, _, second) in SecondAnnotations(goldDir, secondDir))
        {
            if (found.TryGetValue(pair, out var links)) results.Add((pair, Counts.Of(links, second)));
        }
        return results;
    }

    private static IEnumerable<(string Pair, HashSet<(string, string)> Gold, HashSet<(string, string)> Second)> SecondAnnotations(string goldDir, string secondDir)
    {
        if (!Directory.Exists(secondDir)) yield break;
        foreach (var path in Directory.GetFiles(secondDir, "pair-*.json").Order(StringComparer.Ordinal))
        {
            var first = Path.Combine(goldDir, Path.GetFileName(path));
            if (!File.Exists(first)) continue;
            using var a = JsonDocument.Parse(File.ReadAllText(first));
            using var b = JsonDocument.Parse(File.ReadAllText(path));
            yield return (a.RootElement.GetProperty("pair").GetString()!, Links(a.RootElement), Links(b.RootElement));
        }
    }

    /// <summary>Multiset match of gold and found items; what is left over on either side goes to <paramref name="misses"/>.</summary>
    private static Counts Match(List<string> gold, List<string> found, string what, List<string> misses)
    {
        var pool = found.ToList();
        var tp = 0;
        foreach (var g in gold)
        {
            var i = pool.IndexOf(g);
            if (i >= 0) { pool.RemoveAt(i); tp++; }
            else misses.Add($"missed {what} {g}");
        }
        misses.AddRange(pool.Select(p => $"wrong {what} {p}"));
        return new Counts(tp, pool.Count, gold.Count - tp);
    }

    private static string Label(JsonElement link, int index, string name) =>
        link.ValueKind == JsonValueKind.Array ? link[index].GetString()! : link.GetProperty(name).GetString()!;
}
