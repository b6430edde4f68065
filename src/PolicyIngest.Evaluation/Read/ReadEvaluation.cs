using System.Diagnostics;
using System.Text.Json;
using PolicyIngest.Cli;
using PolicyIngest.Core;
using PolicyIngest.Core.Json;
using PolicyIngest.Core.Model;
using PolicyIngest.Read;

namespace PolicyIngest.Evaluation.Read;

/// <summary>One corpus/manifest.json entry (see corpus/README.md).</summary>
public sealed record CorpusEntry(string File, string From, string Format, string Notes, string? Gold = null)
{
    public static IReadOnlyList<CorpusEntry> Load(string corpusDir) =>
        JsonSerializer.Deserialize<List<CorpusEntry>>(System.IO.File.ReadAllText(Path.Combine(corpusDir, "manifest.json")), PolicyJson.Options) ?? [];

    /// <summary>The text this file was made from: its gold file, else the ../shared source without its "# source:" line.</summary>
    public string SourceText(string corpusDir, string sharedDir)
    {
        if (Gold is not null) return System.IO.File.ReadAllText(Path.Combine(corpusDir, Gold));
        var lines = System.IO.File.ReadAllLines(Path.Combine(sharedDir, From)).Where(l => !l.StartsWith("# source:", StringComparison.Ordinal));
        return string.Join("\n", lines);
    }

    public bool Scanned => Notes.Contains("image-only", StringComparison.Ordinal);
}

/// <summary>
/// `evaluate read`: every corpus file read with the production readers and compared with the text it was made from.
/// Han characters only, whitespace ignored: recovered as a multiset (order ignored) and in order (LCS), plus extra
/// characters the source does not have (left-over running headers, tracked deletions). OCR pages: character error rate.
/// PDFs are read three times: PdfPig only, poppler only, and auto (the default: PdfPig, poppler for garbled pages).
/// </summary>
public sealed class ReadEvaluation : IMeasurement
{
    public string Name => "read";
    public string Description => "reader fidelity on corpus/: Han characters recovered vs the source text per file (PDFs per engine: pdfpig, poppler, auto); OCR character error rate";

    private static readonly (string Name, PdfEngine Engine)[] PdfEngines = [("pdfpig", PdfEngine.PdfPig), ("poppler", PdfEngine.Poppler), ("auto", PdfEngine.Auto)];

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var corpus = context.Settings.CorpusDirectory;
        var readers = DocumentReaders.CreateDefault();
        var rows = new List<object>();
        if (!context.Json)
        {
            context.Out.WriteLine("Han characters recovered vs the source text (whitespace and non-Han ignored); multiset = order ignored, in order = LCS");
            context.Out.WriteLine($"{"file",-62} {"fmt",-4} {"engine",-7} {"source",7} {"multiset",9} {"in order",9} {"extra",6} {"blocks",6} {"s",6}  pages by engine");
        }
        // Per engine name ("auto" also stands for the non-PDF readers): born-digital files read perfectly, of how many.
        var perfect = new Dictionary<string, (int Perfect, int Files)>();
        var perfectPdfs = new Dictionary<string, (int Perfect, int Files)>();
        foreach (var entry in CorpusEntry.Load(corpus))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(corpus, entry.File);
            var source = entry.SourceText(corpus, context.SharedRoot);
            var bytes = File.ReadAllBytes(path);
            var runs = entry.Format == "pdf" ? PdfEngines : [("", PdfEngine.Auto)];
            foreach (var (engineName, engine) in runs)
            {
                var watch = Stopwatch.StartNew();
                string output;
                int blocks;
                string? error = null;
                IReadOnlyList<PageInfo> pages = [];
                try
                {
                    var text = readers.Read(bytes, path, ReadOptions.Default with { PdfEngine = engine }, cancellationToken);
                    output = text.FullText;
                    blocks = text.Blocks.Count;
                    pages = text.Pages;
                }
                catch (UnreadableDocumentException ex) { output = ""; blocks = 0; error = ex.Reason; }
                var seconds = watch.Elapsed.TotalSeconds;
                var score = TextFidelity.Compare(source, output);
                double? cer = entry.Scanned ? TextFidelity.CharacterErrorRate(source, output) : null;
                if (!entry.Scanned)
                {
                    var ok = score.RecoveredMultiset == score.SourceHan && score.RecoveredInOrder == score.SourceHan && score.ExtraHan == 0 ? 1 : 0;
                    foreach (var key in engineName.Length == 0 ? PdfEngines.Select(e => e.Name) : [engineName])
                    {
                        var (p, n) = perfect.GetValueOrDefault(key);
                        perfect[key] = (p + ok, n + 1);
                    }
                    if (engineName.Length > 0)
                    {
                        var (p, n) = perfectPdfs.GetValueOrDefault(engineName);
                        perfectPdfs[engineName] = (p + ok, n + 1);
                    }
                }
                var byEngine = string.Join(" ", pages.GroupBy(p => p.Engine).Select(g => $"{g.Key}={g.Count()}"));
                rows.Add(new { file = entry.File, format = entry.Format, engine = engineName.Length == 0 ? null : engineName,
                    sourceHan = score.SourceHan, recovered = score.RecoveredMultiset,
                    recoveredInOrder = score.RecoveredInOrder, extraHan = score.ExtraHan, recall = Math.Round(score.Recall, 5),
                    characterErrorRate = cer is null ? (double?)null : Math.Round(cer.Value, 5), blocks, seconds = Math.Round(seconds, 2),
                    pages = pages.GroupBy(p => p.Engine).ToDictionary(g => g.Key, g => g.Count()), error });
                if (!context.Json)
                {
                    var inOrder = score.InOrderRecall is { } r ? $"{r:P3}" : "n/a";
                    context.Out.WriteLine($"{entry.File,-62} {entry.Format,-4} {engineName,-7} {score.SourceHan,7} {score.Recall,9:P2} {inOrder,9} {score.ExtraHan,6} {blocks,6} {seconds,6:0.00}  {byEngine}"
                        + (cer is { } c ? $"  OCR character error rate {c:P2} (all non-space characters)" : "")
                        + (error is null ? "" : $"  error: {error}"));
                }
            }
        }
        var summary = perfect.Select(kv => new
        {
            engine = kv.Key, bornDigitalPerfect = kv.Value.Perfect, bornDigital = kv.Value.Files,
            bornDigitalPdfsPerfect = perfectPdfs.GetValueOrDefault(kv.Key).Perfect, bornDigitalPdfs = perfectPdfs.GetValueOrDefault(kv.Key).Files,
        }).ToList();
        var auto = perfect.GetValueOrDefault("auto");
        if (context.Json)
            context.Out.WriteLine(JsonSerializer.Serialize(new { files = rows, bornDigital = auto.Files, bornDigitalPerfect = auto.Perfect, byEngine = summary }, PolicyJson.Options));
        else
        {
            context.Out.WriteLine($"born-digital files recovered completely, in order and with no extra Han characters (PDFs read by the named engine, other formats by their reader):");
            foreach (var (name, _) in PdfEngines)
                context.Out.WriteLine($"  {name,-8} {perfect.GetValueOrDefault(name).Perfect}/{perfect.GetValueOrDefault(name).Files} files"
                    + $" (born-digital PDFs: {perfectPdfs.GetValueOrDefault(name).Perfect}/{perfectPdfs.GetValueOrDefault(name).Files})");
        }
        return ExitCodes.Done;
    }
}
