using System.CommandLine;
using System.Diagnostics;
using PolicyIngest.Cli;
using PolicyIngest.Core.Model;
using PolicyIngest.Ingest;
using PolicyIngest.Track.Alignment;

namespace PolicyIngest.Evaluation.Diff;

/// <summary>
/// `evaluate diff`: the revision simulator over the shared documents read by the real pipeline (structure parser and
/// amount extractor as wired), scored against the known edits; the real pairs C and G; the 公司法 pair's time.
/// </summary>
public sealed class DiffEvaluationMeasurement : IMeasurement
{
    public string Name => "diff";
    public string Description => "clause alignment F1, amount-change P/R and cosmetic-only false changes over ≥300 simulated revisions; real pairs; 公司法 speed";

    private static readonly Option<bool> RealOnlyOption = new("--real-only")
    {
        Description = "only the real revision pairs against the gold (and the 公司法 time); no simulator",
    };

    private static readonly Option<int> MissesOption = new("--misses")
    {
        Description = "how many misses to print per real pair (default 8)",
        DefaultValueFactory = _ => 8,
    };

    public IReadOnlyList<Option> Options => [RealOnlyOption, MissesOption];

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var o = context.Out;
        var shared = context.SharedRoot;
        var realOnly = context.Parse.GetValue(RealOnlyOption);
        var missesShown = context.Parse.GetValue(MissesOption);
        var files = Directory.GetFiles(Path.Combine(shared, "data", "revisions"), "*.txt")
            .Concat(Directory.GetFiles(Path.Combine(shared, "seeds"), "000_*.txt")).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) { context.Err.WriteLine($"error: no documents under {shared}"); return ExitCodes.BadInput; }
        var processor = context.Services.CreateProcessor();
        var documents = files.ToDictionary(f => Path.GetFileName(f), f => processor.Process(File.ReadAllBytes(f), f, cancellationToken));
        var goldDir = Path.Combine(context.Settings.CorpusDirectory, "revisions-gold");
        if (Directory.Exists(goldDir))
        {
            var real = RealPairScore.Score(goldDir, path => documents[Path.GetFileName(path)], Path.Combine(shared, "data", "revisions"));
            o.WriteLine("real revision pairs (../shared/data/revisions, gold corpus/revisions-gold written blind):");
            foreach (var pair in real)
                o.WriteLine($"  pair {pair.Pair}: article links {pair.Links}; amount changes {pair.AmountChanges}; amounts added/removed {pair.AmountsAddedRemoved}");
            o.WriteLine($"  all pairs: article links {real.Aggregate(new RealPairScore.Counts(0, 0, 0), (a, p) => a + p.Links)}");
            o.WriteLine($"  all pairs: amount changes {real.Aggregate(new RealPairScore.Counts(0, 0, 0), (a, p) => a + p.AmountChanges)} (range ends scored one by one)");
            o.WriteLine($"  all pairs: amounts added/removed {real.Aggregate(new RealPairScore.Counts(0, 0, 0), (a, p) => a + p.AmountsAddedRemoved)}");
            foreach (var (pair, links) in RealPairScore.Agreement(goldDir, Path.Combine(goldDir, "second-annotator")))
                o.WriteLine($"  second annotator, blind, against the gold: pair {pair} article links {links}");
            foreach (var (pair, links) in RealPairScore.AgainstSecond(real, goldDir, Path.Combine(goldDir, "second-annotator")))
                o.WriteLine($"  the aligner against the second annotator instead: pair {pair} article links {links}");
            foreach (var pair in real)
                foreach (var miss in pair.Misses.Take(missesShown)) o.WriteLine($"    {pair.Pair}: {miss}");
        }

        if (realOnly) { TimePairs(o, documents); return ExitCodes.Done; }

        var sources = documents.Values.Where(d => d.Clauses.Count(c => c.Kind == ClauseKind.Article) >= 4).ToList();
        o.WriteLine($"sources: {sources.Count} documents with articles ({sources.Sum(d => d.Amounts.Count)} amounts extracted) from {shared}");

        var revisions = DiffEvaluation.Simulate(sources, 400);
        var r = DiffEvaluation.Evaluate(revisions);
        o.WriteLine($"simulated revisions: {r.Revisions} (cosmetic-only {r.CosmeticRevisions})");
        o.WriteLine($"alignment links:     {r.Links}");
        o.WriteLine($"changed links only:  {r.ChangedLinks}");
        o.WriteLine($"change-type accuracy on matched links: {r.ChangeAccuracy:0.0000}");
        o.WriteLine(r.Amounts.Expected == 0
            ? "amount changes:      n/a — no amounts extracted by the wired amount extractor"
            : $"amount changes:      {r.Amounts}");
        o.WriteLine($"cosmetic-only revisions reporting any change: {r.CosmeticRevisionsWithChanges} of {r.CosmeticRevisions}");
        foreach (var (edit, s) in r.LinksByEdit.OrderBy(x => x.Key)) o.WriteLine($"  links with {edit,-20} {s}");
        o.WriteLine($"diff time per simulated revision: mean {r.MeanMs:0.0} ms, max {r.MaxMs:0.0} ms");
        foreach (var f in r.Failures.Take(10)) o.WriteLine($"  miss: {f}");
        TimePairs(o, documents);
        return ExitCodes.Done;
    }

    private static void TimePairs(TextWriter o, Dictionary<string, PolicyDocument> documents)
    {
        var differ = new DocumentDiffer();
        void Pair(string label, string a, string b)
        {
            if (!documents.TryGetValue(a, out var oldDoc) || !documents.TryGetValue(b, out var newDoc)) return;
            var watch = Stopwatch.StartNew();
            var diff = differ.Diff(oldDoc, newDoc);
            watch.Stop();
            o.WriteLine($"pair {label}: {diff.Summary.Modified} modified, {diff.Summary.Moved} moved, {diff.Summary.Added} added, {diff.Summary.Removed} removed, " +
                        $"{diff.Summary.Merged} merged, {diff.Summary.Split} split, {diff.Summary.Unchanged} unchanged; {diff.AmountChanges.Count} amount changes; {watch.Elapsed.TotalMilliseconds:0} ms");
            foreach (var a2 in diff.AmountChanges.Take(12))
                o.WriteLine($"    {a2.Change.ToId(),-12} {a2.Old?.Article} {a2.Old?.Text} → {a2.New?.Article} {a2.New?.Text}");
        }
        var names = documents.Keys.ToList();
        string? Find(string prefix) => names.FirstOrDefault(n => n.StartsWith(prefix, StringComparison.Ordinal));
        if (Find("25_") is { } j1 && Find("26_") is { } j2) differ.Diff(documents[j1], documents[j2]); // warm-up
        foreach (var (label, a, b) in new[] { ("B", "06_", "07_"), ("C", "08_", "09_"), ("G", "16_", "17_"), ("I", "23_", "24_"), ("J 公司法", "25_", "26_") })
            if (Find(a) is { } x && Find(b) is { } y) Pair(label, x, y);
    }
}
