using System.Diagnostics;
using PolicyIngest.Core.Model;
using PolicyIngest.Track.Alignment;

namespace PolicyIngest.Evaluation.Diff;

/// <summary>Precision, recall and F1 from counts.</summary>
public readonly record struct Score(int TruePositives, int Predicted, int Expected)
{
    public double Precision => Predicted == 0 ? 1 : (double)TruePositives / Predicted;
    public double Recall => Expected == 0 ? 1 : (double)TruePositives / Expected;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public static Score operator +(Score a, Score b) => new(a.TruePositives + b.TruePositives, a.Predicted + b.Predicted, a.Expected + b.Expected);
    public override string ToString() => $"P={Precision:0.0000} R={Recall:0.0000} F1={F1:0.0000} (tp {TruePositives}, predicted {Predicted}, expected {Expected})";
}

/// <summary>What the diff got right on a set of simulated revisions.</summary>
public sealed record DiffEvaluationResult(
    int Revisions, Score Links, Score ChangedLinks, double ChangeAccuracy, Score Amounts,
    int CosmeticRevisions, int CosmeticRevisionsWithChanges, double MeanMs, double MaxMs,
    IReadOnlyDictionary<RevisionEdit, Score> LinksByEdit, IReadOnlyList<string> Failures);

/// <summary>Runs the simulator over source documents and scores the diff against the known edits.</summary>
public static class DiffEvaluation
{
    /// <summary>Edit mixes: every edit alone, realistic combinations, and cosmetic-only rewrites.</summary>
    public static IReadOnlyList<RevisionEdit[]> Plans { get; } =
    [
        [RevisionEdit.ChangeAmounts],
        [RevisionEdit.InsertArticle],
        [RevisionEdit.DeleteArticle],
        [RevisionEdit.MoveArticle],
        [RevisionEdit.MergeArticles],
        [RevisionEdit.SplitArticle],
        [RevisionEdit.ModifyText],
        [RevisionEdit.RewordSentence],
        [RevisionEdit.RewordSentence, RevisionEdit.RewordSentence, RevisionEdit.MoveArticle, RevisionEdit.ChangeAmounts],
        [RevisionEdit.Cosmetic],
        [RevisionEdit.RestructureChapters, RevisionEdit.Cosmetic],
        [RevisionEdit.ChangeAmounts, RevisionEdit.InsertArticle, RevisionEdit.DeleteArticle],
        [RevisionEdit.InsertArticle, RevisionEdit.InsertArticle, RevisionEdit.ModifyText, RevisionEdit.RestructureChapters],
        [RevisionEdit.MergeArticles, RevisionEdit.SplitArticle, RevisionEdit.ChangeAmounts],
        [RevisionEdit.DeleteArticle, RevisionEdit.MoveArticle, RevisionEdit.ModifyText, RevisionEdit.ChangeAmounts],
        [RevisionEdit.ChangeAmounts, RevisionEdit.Cosmetic],
    ];

    /// <summary>Simulates <paramref name="count"/> revisions over the sources (round robin) with a fixed seed.</summary>
    public static IReadOnlyList<SimulatedRevision> Simulate(IReadOnlyList<PolicyDocument> sources, int count, int seed = 20250101)
    {
        var random = new Random(seed);
        var simulator = new RevisionSimulator(random);
        var revisions = new List<SimulatedRevision>();
        var attempts = 0;
        while (revisions.Count < count && attempts < count * 20 && sources.Count > 0)
        {
            var source = sources[attempts % sources.Count];
            var donor = sources[(attempts + 1) % sources.Count];
            var plan = Plans[attempts / sources.Count % Plans.Count];
            attempts++;
            var name = $"sim{attempts:0000}";
            if (simulator.Revise(name, source, donor, plan) is { } revision) revisions.Add(revision);
        }
        return revisions;
    }

    public static DiffEvaluationResult Evaluate(IReadOnlyList<SimulatedRevision> revisions, DocumentDiffer? differ = null)
    {
        differ ??= new DocumentDiffer();
        Score links = default, changed = default, amounts = default;
        int correctChange = 0, matchedLinks = 0, cosmetic = 0, cosmeticWithChanges = 0;
        var byEdit = new Dictionary<RevisionEdit, Score>();
        var failures = new List<string>();
        double totalMs = 0, maxMs = 0;
        foreach (var r in revisions)
        {
            var watch = Stopwatch.StartNew();
            var diff = differ.Diff(r.Old, r.New);
            var ms = watch.Elapsed.TotalMilliseconds;
            totalMs += ms;
            maxMs = Math.Max(maxMs, ms);

            var predicted = diff.Pairs.Select(p => (p.Pair.Old?.Key, p.Pair.New?.Key, p.Change)).ToList();
            var expected = r.Links.Select(l => (l.OldKey, l.NewKey, l.Change)).ToList();
            var expectedByLink = expected.ToDictionary(e => (e.OldKey, e.NewKey), e => e.Change);
            var tp = 0;
            foreach (var (o, n, change) in predicted)
            {
                if (!expectedByLink.TryGetValue((o, n), out var truth)) continue;
                tp++;
                matchedLinks++;
                if (truth == change) correctChange++;
            }
            var s = new Score(tp, predicted.Count, expected.Count);
            links += s;
            foreach (var edit in r.Edits.Distinct()) byEdit[edit] = byEdit.GetValueOrDefault(edit) + s;
            var predictedChanged = predicted.Where(p => p.Change != PairChange.Unchanged).Select(p => (p.Item1, p.Item2, p.Change)).ToList();
            var expectedChanged = expected.Where(e => e.Change != PairChange.Unchanged).ToHashSet();
            changed += new Score(predictedChanged.Count(expectedChanged.Contains), predictedChanged.Count, expectedChanged.Count);

            var predictedAmounts = diff.AmountChanges
                .Select(a => new ExpectedAmountChange(a.Old?.Article, a.Old?.Yuan, a.New?.Article, a.New?.Yuan, a.Change)).ToList();
            var amountTp = CountMultisetOverlap(predictedAmounts, r.AmountChanges);
            amounts += new Score(amountTp, predictedAmounts.Count, r.AmountChanges.Count);

            if (r.CosmeticOnly)
            {
                cosmetic++;
                if (diff.Summary.Changed > 0 || diff.AmountChanges.Count > 0) cosmeticWithChanges++;
            }
            if (tp != predicted.Count || tp != expected.Count || amountTp != predictedAmounts.Count || amountTp != r.AmountChanges.Count)
                failures.Add($"{r.Name} [{string.Join('+', r.Edits)}] {r.Old.Title}: links {s}; amounts {amountTp}/{predictedAmounts.Count}/{r.AmountChanges.Count}");
        }
        return new DiffEvaluationResult(revisions.Count, links, changed, matchedLinks == 0 ? 1 : (double)correctChange / matchedLinks, amounts,
            cosmetic, cosmeticWithChanges, revisions.Count == 0 ? 0 : totalMs / revisions.Count, maxMs, byEdit, failures);
    }

    private static int CountMultisetOverlap<T>(IEnumerable<T> predicted, IEnumerable<T> expected) where T : notnull
    {
        var left = expected.GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count());
        var tp = 0;
        foreach (var p in predicted)
        {
            if (left.TryGetValue(p, out var n) && n > 0) { tp++; left[p] = n - 1; }
        }
        return tp;
    }
}
