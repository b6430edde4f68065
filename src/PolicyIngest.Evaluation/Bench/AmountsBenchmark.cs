using System.Diagnostics;
using System.Globalization;
using PolicyIngest.Cli;
using PolicyIngest.Core.Json;
using PolicyIngest.Core.Model;
using PolicyIngest.Extract.Amounts;
using PolicyIngest.Ingest;

namespace PolicyIngest.Evaluation.Bench;

/// <summary>
/// `bench amounts`: amounts per second of <see cref="AmountExtractor"/> over the whole corpus (the shared seeds,
/// data/revisions and the text files under corpus/), after reading and structuring each file once.
/// </summary>
public sealed class AmountsBenchmark : IMeasurement
{
    public string Name => "amounts";
    public string Description => "amounts (and rates) extracted per second over the whole corpus";

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var files = CorpusFiles(context).ToList();
        var processor = context.Services.CreateProcessor();
        var clauseLists = new List<IReadOnlyList<Clause>>();
        long characters = 0;
        foreach (var file in files)
        {
            try
            {
                var doc = processor.Process(File.ReadAllBytes(file), file, cancellationToken);
                foreach (var d in Flatten(doc))
                {
                    clauseLists.Add(d.Clauses);
                    characters += d.Clauses.Sum(c => (long)c.Text.Length);
                }
            }
            catch (Exception ex) when (ex is Core.UnreadableDocumentException or IOException)
            {
                context.Err.WriteLine($"warning: {file}: skipped ({ex.Message})");
            }
        }

        var extractor = new AmountExtractor();
        long amounts = 0, rates = 0, rounds = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(3) || rounds == 0)
        {
            foreach (var clauses in clauseLists)
            {
                var found = extractor.Extract(clauses);
                amounts += found.Amounts.Count;
                rates += found.Rates.Count;
            }
            rounds++;
            cancellationToken.ThrowIfCancellationRequested();
        }
        clock.Stop();
        var seconds = clock.Elapsed.TotalSeconds;
        var figures = new
        {
            files = files.Count,
            documents = clauseLists.Count,
            rounds,
            amountsPerRound = amounts / rounds,
            ratesPerRound = rates / rounds,
            amountsPerSecond = Math.Round(amounts / seconds),
            findingsPerSecond = Math.Round((amounts + rates) / seconds),
            charactersPerSecond = Math.Round(characters * rounds / seconds),
        };
        if (context.Json) context.Out.WriteLine(PolicyJson.Serialize(figures));
        else
        {
            context.Out.WriteLine($"corpus: {figures.files} files, {figures.documents} documents and parts, {characters.ToString("N0", CultureInfo.InvariantCulture)} characters of clause text");
            context.Out.WriteLine($"per pass: {figures.amountsPerRound} amounts, {figures.ratesPerRound} rates; {rounds} passes in {seconds:0.00} s");
            context.Out.WriteLine($"amounts/s: {figures.amountsPerSecond.ToString("N0", CultureInfo.InvariantCulture)}  (amounts+rates/s: {figures.findingsPerSecond.ToString("N0", CultureInfo.InvariantCulture)}, characters/s: {figures.charactersPerSecond.ToString("N0", CultureInfo.InvariantCulture)})");
        }
        return ExitCodes.Done;
    }

    private static IEnumerable<PolicyDocument> Flatten(PolicyDocument doc) => new[] { doc }.Concat(doc.Parts.SelectMany(Flatten));

    private static IEnumerable<string> CorpusFiles(CliContext context)
    {
        var shared = context.SharedRoot;
        foreach (var dir in new[] { Path.Combine(shared, "seeds"), Path.Combine(shared, "data", "revisions") })
        {
            if (!Directory.Exists(dir)) continue;
            foreach (var f in Directory.GetFiles(dir, "*.txt").Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal)) yield return f;
        }
        var corpus = context.Settings.CorpusDirectory;
        if (!Directory.Exists(corpus)) yield break;
        foreach (var f in Directory.GetFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (f.Contains($"{Path.DirectorySeparatorChar}gold{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            if (Path.GetExtension(f) is ".txt" or ".html" or ".htm" or ".pdf" or ".docx" or ".doc") yield return f;
        }
    }
}
