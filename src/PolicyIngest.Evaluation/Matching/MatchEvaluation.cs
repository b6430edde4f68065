using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PolicyIngest.Catalogue;
using PolicyIngest.Cli;
using PolicyIngest.Cli.Commands;
using PolicyIngest.Core;
using PolicyIngest.Ingest;
using PolicyIngest.Ingest.Matching;
using PolicyIngest.Track;

namespace PolicyIngest.Evaluation.Matching;

/// <summary>
/// `evaluate match`: the files of corpus/match-gold/sources.json ingested into an empty catalogue, then every hand-built
/// profile of corpus/match-gold/profiles matched on its gold date (<see cref="PolicyMatchService"/>, as `match` does), and
/// the matched clauses scored against the clauses a careful analyst said the enterprise may apply for (gold.jsonl,
/// written blind): precision and recall per profile and overall, the same for the "almost" list, and how often the
/// expected amount equals the analyst's.
/// </summary>
public sealed class MatchEvaluation : IMeasurement
{
    public string Name => "match";
    public string Description => "precision/recall of the matched clauses and their amounts for the hand-built enterprise profiles of corpus/match-gold";

    private static readonly Option<int> MissesOption = new("--misses")
    {
        Description = "print up to N wrong and missed clauses per profile",
        DefaultValueFactory = _ => 0,
    };

    public IReadOnlyList<Option> Options => [MissesOption];

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(context.Settings.CorpusDirectory, "match-gold");
        if (!File.Exists(Path.Combine(folder, "gold.jsonl")) || !File.Exists(Path.Combine(folder, "sources.json")))
        {
            context.Err.WriteLine($"error: {folder}: no gold.jsonl or sources.json");
            return ExitCodes.BadInput;
        }
        var o = context.Out;
        var gold = MatchGold.Load(folder);
        var sources = MatchGold.Sources(folder, context);
        var scratch = Directory.CreateTempSubdirectory("policyingest-match-");
        try
        {
            using var catalogue = new CatalogueStore(Path.Combine(scratch.FullName, "catalogue.db"));
            var clock = context.Settings.Clock;
            var ingest = new IngestService(context.Services.CreateProcessor(context.ReadOptions), catalogue, new VersionLinker(clock),
                indexer: null, clock, VersionTracker.For(catalogue, clock));
            var fileOfVersion = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var path in sources)
            {
                var result = ingest.IngestFile(path, cancellationToken);
                if (result.VersionId is null)
                {
                    context.Err.WriteLine($"error: {path}: {result.Error ?? "not ingested"}");
                    return ExitCodes.BadInput;
                }
                fileOfVersion[result.VersionId] = Path.GetFileName(path);
            }

            var service = new PolicyMatchService(catalogue);
            var misses = context.Parse.GetValue(MissesOption);
            Score total = Score.Zero, totalAlmost = Score.Zero;
            int amountGold = 0, maxRight = 0, bothRight = 0;
            var perProfile = new List<(double P, double R)>();
            o.WriteLine($"{"profile",-8} {"asOf",10} | {"gold",4} {"found",5} {"right",5} {"P",6} {"R",6} | almost {"gold",4} {"found",5} {"right",5} | amount max exact");
            foreach (var entry in gold)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var profile = ProfileFile.Read(Path.Combine(folder, "profiles", entry.Profile + ".json"));
                var result = service.Match(profile, entry.AsOf, cancellationToken);
                var found = result.Matches.Select(m => Found(m, fileOfVersion)).ToList();
                var score = MatchScorer.Score(entry.Matches, found);
                var almost = MatchScorer.Score(entry.Almost, result.Almost.Select(m => Found(m, fileOfVersion)).ToList());
                total += score.Score;
                totalAlmost += almost.Score;
                int profileAmounts = 0, profileMax = 0;
                foreach (var (g, f) in score.Pairs.Where(p => p.Gold.Max is not null))
                {
                    profileAmounts++;
                    if (f.Max == g.Max) { profileMax++; if (f.Min == g.Min) bothRight++; }
                }
                amountGold += profileAmounts;
                maxRight += profileMax;
                perProfile.Add((score.Score.Precision, score.Score.Recall));
                o.WriteLine($"{entry.Profile,-8} {entry.AsOf:yyyy-MM-dd} | {score.Score.Gold,4} {score.Score.Found,5} {score.Score.Right,5} {F(score.Score.Precision),6} {F(score.Score.Recall),6} | almost {almost.Score.Gold,4} {almost.Score.Found,5} {almost.Score.Right,5} | {profileMax}/{profileAmounts}");
                if (misses > 0) PrintMisses(o, score, misses);
            }
            o.WriteLine();
            o.WriteLine($"{gold.Count} profiles, {sources.Count} files; matched clauses (micro): P {F(total.Precision)} R {F(total.Recall)} F1 {F(total.F1)} ({total.Right} right of {total.Found} found, {total.Gold} in the gold)");
            o.WriteLine($"matched clauses (mean over profiles): P {F(perProfile.Average(p => p.P))} R {F(perProfile.Average(p => p.R))}");
            o.WriteLine($"almost (one condition unmet): P {F(totalAlmost.Precision)} R {F(totalAlmost.Recall)} ({totalAlmost.Right} right of {totalAlmost.Found}, {totalAlmost.Gold} in the gold)");
            o.WriteLine($"amounts of the gold matches found: max exact {maxRight}/{amountGold} ({F(amountGold == 0 ? 0 : (double)maxRight / amountGold)}), min and max exact {bothRight}/{amountGold}");
            return ExitCodes.Done;
        }
        finally
        {
            try { scratch.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static FoundClause Found(PolicyIngest.Ingest.Matching.ClauseMatch m, IReadOnlyDictionary<string, string> fileOfVersion) =>
        new(fileOfVersion.TryGetValue(m.VersionId, out var file) ? file : m.VersionId, m.Part, m.ClauseId, m.Amount?.Min, m.Amount?.Max,
            $"{m.Title}{(m.PartTitle is { } t ? " · " + t : "")} {m.Label} {Clip(m.Text, 60)}");

    private static void PrintMisses(TextWriter o, ProfileScore score, int limit)
    {
        foreach (var g in score.Missed.Take(limit))
            o.WriteLine($"    missed {g.File} p{g.Part} {g.ClauseId} {g.Label}: {Clip(g.Why ?? "", 80)}");
        foreach (var f in score.Wrong.Take(limit))
            o.WriteLine($"    wrong  {f.File} p{f.Part} {f.ClauseId}: {f.Description}");
    }

    private static string Clip(string s, int n)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length <= n ? s : s[..n] + "…";
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
}
