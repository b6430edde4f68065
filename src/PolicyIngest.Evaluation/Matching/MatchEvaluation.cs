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
/// expected amount equals the analyst's. Every third profile (P03, P06, …) is held out: `--misses` never lists its
/// clauses, so rules are written from the dev profiles' misses only and the held-out figure says whether they carry over.
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
            var rows = new List<ProfileRow>();
            o.WriteLine($"{"profile",-8} {"asOf",10} | {"gold",4} {"found",5} {"right",5} {"P",6} {"R",6} | almost {"gold",4} {"found",5} {"right",5} | amount max exact");
            foreach (var entry in gold)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var profile = ProfileFile.Read(Path.Combine(folder, "profiles", entry.Profile + ".json"));
                var result = service.Match(profile, entry.AsOf, cancellationToken);
                var judged = misses > 0 ? service.JudgeAll(profile, entry.AsOf, cancellationToken) : [];
                var found = result.Matches.Select(m => Found(m, fileOfVersion)).ToList();
                var score = MatchScorer.Score(entry.Matches, found);
                var almost = MatchScorer.Score(entry.Almost, result.Almost.Select(m => Found(m, fileOfVersion)).ToList());
                var amounts = score.Pairs.Where(p => p.Gold.Max is not null).ToList();
                var row = new ProfileRow(entry.Profile, IsHeldOut(entry.Profile), score.Score, almost.Score,
                    amounts.Count, amounts.Count(p => p.Found.Max == p.Gold.Max), amounts.Count(p => p.Found.Max == p.Gold.Max && p.Found.Min == p.Gold.Min));
                rows.Add(row);
                o.WriteLine($"{entry.Profile + (row.HeldOut ? "*" : ""),-8} {entry.AsOf:yyyy-MM-dd} | {score.Score.Gold,4} {score.Score.Found,5} {score.Score.Right,5} {F(score.Score.Precision),6} {F(score.Score.Recall),6} | almost {almost.Score.Gold,4} {almost.Score.Found,5} {almost.Score.Right,5} | {row.MaxRight}/{row.Amounts}");
                if (misses > 0 && !row.HeldOut)
                {
                    PrintMisses(o, score, misses, judged, fileOfVersion);
                    PrintAlmost(o, almost, misses, result.Almost, judged, fileOfVersion);
                }
            }
            o.WriteLine("(* held out: every third profile; --misses lists dev profiles only)");
            o.WriteLine();
            o.WriteLine($"{gold.Count} profiles, {sources.Count} files");
            foreach (var (name, part) in new[] { ("dev", rows.Where(r => !r.HeldOut).ToList()), ("held-out", rows.Where(r => r.HeldOut).ToList()), ("all", rows) })
            {
                var total = part.Aggregate(Score.Zero, (a, r) => a + r.Matches);
                var almostTotal = part.Aggregate(Score.Zero, (a, r) => a + r.Almost);
                int amountGold = part.Sum(r => r.Amounts), maxRight = part.Sum(r => r.MaxRight), bothRight = part.Sum(r => r.BothRight);
                o.WriteLine($"{name} ({part.Count} profiles): matched clauses P {F(total.Precision)} R {F(total.Recall)} F1 {F(total.F1)} ({total.Right} right of {total.Found} found, {total.Gold} in the gold; mean over profiles P {F(part.Average(r => r.Matches.Precision))} R {F(part.Average(r => r.Matches.Recall))}); almost P {F(almostTotal.Precision)} R {F(almostTotal.Recall)} ({almostTotal.Right}/{almostTotal.Found}, gold {almostTotal.Gold}); amounts of the matches found: max exact {maxRight}/{amountGold}, min and max {bothRight}/{amountGold}");
            }
            return ExitCodes.Done;
        }
        finally
        {
            try { scratch.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private sealed record ProfileRow(string Profile, bool HeldOut, Score Matches, Score Almost, int Amounts, int MaxRight, int BothRight);

    /// <summary>Every third profile (P03, P06, …) is held out.</summary>
    public static bool IsHeldOut(string profile) =>
        int.TryParse(profile.TrimStart('P', 'p'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n % 3 == 0;

    private static FoundClause Found(PolicyIngest.Ingest.Matching.ClauseMatch m, IReadOnlyDictionary<string, string> fileOfVersion) =>
        new(fileOfVersion.TryGetValue(m.VersionId, out var file) ? file : m.VersionId, m.Part, m.ClauseId, m.Amount?.Min, m.Amount?.Max,
            $"{(m.PartTitle is { } t ? t : m.Title)} {m.Label} {Clip(m.Text, 40)} [满足：{string.Join("；", m.Verdict.Conditions.Where(v => v.State == PolicyIngest.Core.Model.ConditionState.Met && v.Condition.Type != PolicyIngest.Core.Model.ConditionType.Region).Select(v => Clip(v.Condition.Text, 24) + "（" + Clip(v.Why, 30) + "）"))}]");

    private static void PrintMisses(TextWriter o, ProfileScore score, int limit,
        IReadOnlyList<PolicyIngest.Ingest.Matching.ClauseMatch> judged, IReadOnlyDictionary<string, string> fileOfVersion)
    {
        foreach (var g in score.Missed.Take(limit))
        {
            o.WriteLine($"    missed {g.File} p{g.Part} {g.ClauseId} {g.Label}: {Clip(g.Why ?? "", 80)}");
            // Why the matcher left it out: not judged at all (not a support clause, not in force), or which conditions failed.
            var near = judged.Where(m => MatchScorer.Related(fileOfVersion.GetValueOrDefault(m.VersionId, m.VersionId), m.Part, m.ClauseId, g)).ToList();
            if (near.Count == 0) o.WriteLine("           matcher: not judged (no support clause there in force)");
            foreach (var m in near.Take(3))
                o.WriteLine($"           matcher {m.ClauseId}: {string.Join("; ", m.Verdict.Conditions.Where(v => v.State == PolicyIngest.Core.Model.ConditionState.Unmet).Select(v => Clip(v.Condition.Text, 30) + " ← " + v.Why))}");
        }
        foreach (var (g, f) in score.Pairs.Where(p => p.Gold.Max is not null && p.Found.Max != p.Gold.Max).Take(limit))
            o.WriteLine($"    amount {g.File} p{g.Part} {g.ClauseId} {g.Label}: gold {g.Min}–{g.Max}, found {f.Min}–{f.Max} ({f.ClauseId})");
        foreach (var f in score.Wrong.Take(limit))
            o.WriteLine($"    wrong  {f.File} p{f.Part} {f.ClauseId}: {f.Description}");
        // What the right ones were matched on, so a rule that drops wrong matches can be checked against them.
        foreach (var (_, f) in score.Pairs.Take(limit))
            o.WriteLine($"    right  {f.File} p{f.Part} {f.ClauseId}: {f.Description}");
    }

    /// <summary>
    /// The dev profiles' "almost" list: each entry found (right or wrong) with its one unmet condition and what it met, and
    /// the gold almost clauses not found with the conditions the matcher left unmet there.
    /// </summary>
    private static void PrintAlmost(TextWriter o, ProfileScore score, int limit, IReadOnlyList<PolicyIngest.Ingest.Matching.ClauseMatch> almost,
        IReadOnlyList<PolicyIngest.Ingest.Matching.ClauseMatch> judged, IReadOnlyDictionary<string, string> fileOfVersion)
    {
        var right = score.Pairs.Select(p => (p.Found.File, p.Found.Part, p.Found.ClauseId)).ToHashSet();
        foreach (var m in almost.Take(limit))
        {
            var file = fileOfVersion.GetValueOrDefault(m.VersionId, m.VersionId);
            var tag = right.Contains((file, m.Part, m.ClauseId)) ? "a-right" : "a-wrong";
            var unmet = string.Join("; ", m.Verdict.Conditions.Where(v => v.State == PolicyIngest.Core.Model.ConditionState.Unmet).Select(v => $"{v.Condition.Type} {Clip(v.Condition.Text, 30)} ← {Clip(v.Why, 40)}"));
            o.WriteLine($"    {tag} {file} p{m.Part} {m.ClauseId}: {Clip(m.PartTitle ?? m.Title, 20)} {Clip(m.Text, 30)} [缺：{unmet}] {Found(m, fileOfVersion).Description[(Found(m, fileOfVersion).Description.IndexOf("[满足", StringComparison.Ordinal))..]}");
        }
        foreach (var g in score.Missed.Take(limit))
        {
            o.WriteLine($"    a-miss {g.File} p{g.Part} {g.ClauseId} {g.Label}: {Clip(g.Why ?? "", 80)}");
            foreach (var m in judged.Where(m => MatchScorer.Related(fileOfVersion.GetValueOrDefault(m.VersionId, m.VersionId), m.Part, m.ClauseId, g)).Take(3))
                o.WriteLine($"           matcher {m.ClauseId}: unmet {m.Verdict.UnmetCount}, amount {(m.Amount is null ? "none" : "yes")}, fit {PolicyMatchService.ShowsFit(m)}: {string.Join("; ", m.Verdict.Conditions.Where(v => v.State == PolicyIngest.Core.Model.ConditionState.Unmet).Select(v => Clip(v.Condition.Text, 30) + " ← " + v.Why))}");
        }
    }

    private static string Clip(string s, int n)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length <= n ? s : s[..n] + "…";
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
}
