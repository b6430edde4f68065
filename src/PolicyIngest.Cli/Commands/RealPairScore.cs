using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;
using PolicyIngest.Track.Alignment;

namespace PolicyIngest.Cli.Commands;

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
    }

    public sealed record PairResult(string Pair, Counts Links, Counts AmountChanges, IReadOnlyList<string> Misses);

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

            var goldLinks = new HashSet<(string, string)>();
            foreach (var row in root.GetProperty("alignment").EnumerateArray())
            {
                if (row.TryGetProperty("links", out var links))
                {
                    foreach (var l in links.EnumerateArray()) goldLinks.Add((Label(l, 0, "old"), Label(l, 1, "new")));
                    continue;
                }
                foreach (var o in row.GetProperty("old").EnumerateArray())
                    foreach (var n in row.GetProperty("new").EnumerateArray()) goldLinks.Add((o.GetString()!, n.GetString()!));
            }
            var found = diff.Pairs.Where(p => p.Pair.Old is not null && p.Pair.New is not null)
                .Select(p => (Old: p.Pair.Old!.Label, New: p.Pair.New!.Label))
                .Where(l => ArticleLabel().IsMatch(l.Old) && ArticleLabel().IsMatch(l.New))
                .ToHashSet();
            var misses = new List<string>();
            var tp = found.Count(goldLinks.Contains);
            misses.AddRange(found.Where(l => !goldLinks.Contains(l)).Select(l => $"wrong link {l.Old}→{l.New}"));
            misses.AddRange(goldLinks.Where(l => !found.Contains(l)).Select(l => $"missed link {l.Item1}→{l.Item2}"));
            var linkCounts = new Counts(tp, found.Count - tp, goldLinks.Count - tp);

            var goldChanges = root.GetProperty("amountChanges").EnumerateArray()
                .Select(a => (a.GetProperty("oldYuan").GetDecimal(), a.GetProperty("newYuan").GetDecimal())).ToList();
            var foundChanges = diff.AmountChanges.Where(a => a.Old is not null && a.New is not null && a.Old.Yuan != a.New.Yuan)
                .Select(a => (a.Old!.Yuan, a.New!.Yuan)).ToList();
            var pool = foundChanges.ToList();
            var ctp = 0;
            foreach (var g in goldChanges)
            {
                var i = pool.IndexOf(g);
                if (i >= 0) { pool.RemoveAt(i); ctp++; }
                else misses.Add($"missed amount change {g.Item1:0.##} → {g.Item2:0.##}");
            }
            misses.AddRange(pool.Select(p => $"wrong amount change {p.Item1:0.##} → {p.Item2:0.##}"));
            results.Add(new PairResult(root.GetProperty("pair").GetString()!, linkCounts, new Counts(ctp, pool.Count, goldChanges.Count - ctp), misses));
        }
        return results;
    }

    private static string Label(JsonElement link, int index, string name) =>
        link.ValueKind == JsonValueKind.Array ? link[index].GetString()! : link.GetProperty(name).GetString()!;
}
