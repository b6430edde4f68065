using System.Globalization;
using PolicyIngest.Cli;
using PolicyIngest.Core;
using PolicyIngest.Core.Json;
using PolicyIngest.Ingest;

namespace PolicyIngest.Evaluation.Amounts;

/// <summary>
/// `evaluate amounts`: runs the real pipeline on every input that has a hand-written gold file in corpus/gold/
/// (&lt;stem&gt;.amounts.json) and prints precision, recall and F1 of (article, yuan) and role accuracy, per document
/// and overall; rates the same way on (article, percent).
/// </summary>
public sealed class AmountsEvaluation : IMeasurement
{
    public string Name => "amounts";
    public string Description => "precision/recall/F1 of (article, yuan) and role accuracy against corpus/gold/*.amounts.json";

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var goldDir = Path.Combine(context.Settings.CorpusDirectory, "gold");
        var files = Directory.Exists(goldDir) ? Directory.GetFiles(goldDir, "*.amounts.json").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            context.Err.WriteLine($"error: no gold files in {goldDir}");
            return ExitCodes.BadInput;
        }
        var results = Evaluate(context, files, cancellationToken);
        var amounts = results.Aggregate(Score.Zero, (s, r) => s + r.Amounts);
        var rates = results.Aggregate(Score.Zero, (s, r) => s + r.Rates);

        if (context.Json)
        {
            context.Out.WriteLine(PolicyJson.Serialize(new
            {
                documents = results.Select(r => new { name = r.Name, amounts = Figures(r.Amounts), rates = Figures(r.Rates), differences = r.Differences }),
                overall = new { amounts = Figures(amounts), rates = Figures(rates) },
            }));
            return ExitCodes.Done;
        }

        context.Out.WriteLine($"{"document",-52} {"gold",5} {"found",5} {"P",6} {"R",6} {"F1",6} {"role",6} | {"rates F1",8} {"role",6}");
        foreach (var r in results)
        {
            context.Out.WriteLine($"{Short(r.Name),-52} {r.Amounts.Gold,5} {r.Amounts.Predicted,5} {P(r.Amounts.Precision)} {P(r.Amounts.Recall)} {P(r.Amounts.F1)} {P(r.Amounts.RoleAccuracy)} | {P(r.Rates.F1),8} {P(r.Rates.RoleAccuracy)}");
        }
        context.Out.WriteLine($"{"overall",-52} {amounts.Gold,5} {amounts.Predicted,5} {P(amounts.Precision)} {P(amounts.Recall)} {P(amounts.F1)} {P(amounts.RoleAccuracy)} | {P(rates.F1),8} {P(rates.RoleAccuracy)}");
        var differences = results.SelectMany(r => r.Differences.Select(d => $"{Short(r.Name)}: {d}")).ToList();
        if (differences.Count > 0)
        {
            context.Out.WriteLine();
            context.Out.WriteLine($"differences ({differences.Count}):");
            foreach (var d in differences) context.Out.WriteLine("  " + d);
        }
        return ExitCodes.Done;
    }

    public static IReadOnlyList<DocumentScore> Evaluate(CliContext context, IReadOnlyList<string> goldFiles, CancellationToken cancellationToken)
    {
        var processor = context.Services.CreateProcessor();
        var results = new List<DocumentScore>();
        foreach (var file in goldFiles)
        {
            var gold = AmountGoldFile.Load(file);
            var source = ResolveSource(context, gold.Source);
            var document = processor.Process(File.ReadAllBytes(source), source, cancellationToken);
            results.Add(AmountScoring.Compare(Path.GetFileName(file).Replace(".amounts.json", "", StringComparison.Ordinal), gold, document));
        }
        return results;
    }

    /// <summary>Gold sources name a file under ../shared (seeds/…, data/revisions/…) or under the repository (corpus/…).</summary>
    public static string ResolveSource(CliContext context, string source)
    {
        foreach (var root in new[] { context.SharedRoot, context.Settings.Home })
        {
            var path = Path.Combine(root, source);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException($"gold source not found under ../shared or the repository: {source}");
    }

    private static object Figures(Score s) => new
    {
        gold = s.Gold, found = s.Predicted, matched = s.Matched,
        precision = Math.Round(s.Precision, 4), recall = Math.Round(s.Recall, 4), f1 = Math.Round(s.F1, 4), roleAccuracy = Math.Round(s.RoleAccuracy, 4),
    };

    private static string P(double v) => v.ToString("0.000", CultureInfo.InvariantCulture).PadLeft(6);

    private static string Short(string name) => name.Length <= 52 ? name : name[..52];
}
