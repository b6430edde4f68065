using System.Globalization;
using System.Text.Json;
using PolicyIngest.Cli;
using PolicyIngest.Core;
using PolicyIngest.Ingest;

namespace PolicyIngest.Evaluation.Structure;

/// <summary>
/// `evaluate structure`: per-field accuracy and tree accuracy of the structure parser against the hand-written gold in
/// corpus/gold/*.structure.json — over the shared text each gold names (`from`) and over every corpus file made from it.
/// </summary>
public sealed class StructureEvaluation : IMeasurement
{
    public string Name => "structure";
    public string Description => "per-field and tree accuracy of the structure parser over corpus/gold/*.structure.json";

    private sealed record ManifestEntry(string File, string From, string Format, string? Notes, string? Gold);

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var o = context.Out;
        var goldDir = Path.Combine(context.Settings.CorpusDirectory, "gold");
        var goldFiles = Directory.Exists(goldDir) ? Directory.GetFiles(goldDir, "*.structure.json").Order(StringComparer.Ordinal).ToList() : [];
        if (goldFiles.Count == 0)
        {
            context.Err.WriteLine($"error: no gold files in {goldDir}");
            return ExitCodes.BadInput;
        }
        var manifestPath = Path.Combine(context.Settings.CorpusDirectory, "manifest.json");
        var manifest = File.Exists(manifestPath)
            ? JsonSerializer.Deserialize<List<ManifestEntry>>(File.ReadAllText(manifestPath), StructureGold.Json) ?? []
            : [];
        var processor = context.Services.CreateProcessor();
        var shared = new StructureScore();
        var corpus = new StructureScore();
        var skipped = new List<string>();
        foreach (var goldPath in goldFiles)
        {
            var gold = StructureGold.Load(goldPath);
            if (gold.From is null) { skipped.Add($"{Path.GetFileName(goldPath)}: no \"from\""); continue; }
            var sharedPath = Path.Combine(context.SharedRoot, gold.From);
            if (Score(processor, sharedPath, gold, gold.From, cancellationToken) is { } s) shared.Add(s);
            else skipped.Add(gold.From);
            foreach (var entry in manifest.Where(e => e.From == gold.From && e.Gold is null))
            {
                var file = Path.Combine(context.Settings.CorpusDirectory, entry.File);
                if (Score(processor, file, gold, "corpus/" + entry.File, cancellationToken) is { } c) corpus.Add(c);
                else skipped.Add("corpus/" + entry.File);
            }
        }
        Print(o, $"shared text ({goldFiles.Count} gold files)", shared);
        Print(o, "corpus files made from them", corpus);
        var all = new StructureScore();
        all.Add(shared);
        all.Add(corpus);
        o.WriteLine($"overall: fields {Pct(all.Right, all.Total)} ({all.Right}/{all.Total}), trees exact {all.TreesExact}/{all.Trees}, labels {Pct(all.LabelsMatched, all.LabelsTotal)}");
        foreach (var s in skipped) o.WriteLine($"  not scored: {s}");
        if (all.Misses.Count > 0)
        {
            o.WriteLine($"misses ({all.Misses.Count}):");
            foreach (var m in all.Misses.Take(60)) o.WriteLine($"  {m}");
        }
        return ExitCodes.Done;
    }

    private static StructureScore? Score(DocumentProcessor processor, string path, StructureGold gold, string where, CancellationToken ct)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var document = processor.Process(File.ReadAllBytes(path), path, ct);
            return StructureScorer.Score(gold, document, where);
        }
        catch (UnreadableDocumentException ex)
        {
            var s = new StructureScore();
            s.Field("readable", false, where, "readable", ex.Reason);
            return s;
        }
    }

    private static void Print(TextWriter o, string heading, StructureScore s)
    {
        o.WriteLine($"{heading}:");
        if (s.Total == 0 && s.Trees == 0) { o.WriteLine("  (nothing scored)"); return; }
        foreach (var (field, (right, total)) in s.Fields) o.WriteLine($"  {field,-22} {Pct(right, total),7}  ({right}/{total})");
        o.WriteLine($"  {"tree: exact",-22} {Pct(s.TreesExact, s.Trees),7}  ({s.TreesExact}/{s.Trees} documents with every label right)");
        o.WriteLine($"  {"tree: labels",-22} {Pct(s.LabelsMatched, s.LabelsTotal),7}  ({s.LabelsMatched}/{s.LabelsTotal} labels in order)");
    }

    private static string Pct(int right, int total) =>
        total == 0 ? "n/a" : (100.0 * right / total).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
