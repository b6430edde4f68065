using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyIngest.Cli;
using PolicyIngest.Ingest;
using PolicyIngest.Track.Consolidation;
using PolicyIngest.Track.Reports;

namespace PolicyIngest.Evaluation.Consolidation;

/// <summary>
/// `evaluate consolidated`: the 整理版 of each real revision pair's new version, its 编注 compared with what the blind
/// gold (corpus/revisions-gold) implies for every new article: no note (same number, same text), 原第X条…改为本条
/// (same text, new number), 修改 from the old article, 增加, 合并 from the old articles, 拆分 from the old article.
/// </summary>
public sealed partial class ConsolidatedEvaluation : IMeasurement
{
    public string Name => "consolidated";
    public string Description => "整理版 编注 on the real revision pairs: notes per kind, agreement with the gold's alignment";

    private static readonly Option<int> MissesOption = new("--misses")
    {
        Description = "how many disagreements to print per pair (default 5)",
        DefaultValueFactory = _ => 5,
    };

    public IReadOnlyList<Option> Options => [MissesOption];

    /// <summary>What the gold says the note of a new article should be: its kind (null: no note) and old articles.</summary>
    private sealed record Expected(NoteKind? Kind, IReadOnlySet<string> Former);

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var o = context.Out;
        var goldDir = Path.Combine(context.Settings.CorpusDirectory, "revisions-gold");
        var revisions = Path.Combine(context.SharedRoot, "data", "revisions");
        if (!Directory.Exists(goldDir) || !Directory.Exists(revisions))
        {
            context.Err.WriteLine($"error: needs {goldDir} and {revisions}");
            return ExitCodes.BadInput;
        }
        var processor = context.Services.CreateProcessor();
        ChainVersion Read(string file, string id)
        {
            var path = Path.Combine(revisions, file);
            var doc = processor.Process(File.ReadAllBytes(path), path, cancellationToken);
            return new ChainVersion(id, doc, doc.DocNumber, doc.IssuedOn);
        }

        var (allNotes, allRight, allExpected, allSourceOnly) = (0, 0, 0, 0);
        foreach (var goldPath in Directory.GetFiles(goldDir, "pair-*.json").Order(StringComparer.Ordinal))
        {
            using var gold = JsonDocument.Parse(File.ReadAllText(goldPath));
            var root = gold.RootElement;
            var pair = root.GetProperty("pair").GetString()!;
            var d = ConsolidatedText.Build([Read(root.GetProperty("old").GetString()!, "old"), Read(root.GetProperty("new").GetString()!, "new")]);
            var expected = ExpectedNotes(root);
            var found = d.Notes.Where(n => ArticleLabel().IsMatch(n.Label)).GroupBy(n => n.Label).ToDictionary(g => g.Key, g => g.First());

            var (right, sourceOnly) = (0, 0);
            var misses = new List<string>();
            foreach (var (label, want) in expected)
            {
                var got = found.GetValueOrDefault(label);
                if (got?.Kind == want.Kind && (got is null || got.FormerLabels.ToHashSet().SetEquals(want.Former))) { right++; continue; }
                if (got is not null && want.Kind is not null && got.FormerLabels.ToHashSet().SetEquals(want.Former)) sourceOnly++;
                misses.Add($"{label}: gold {Describe(want.Kind, want.Former)}, found {(got is null ? "no note" : Describe(got.Kind, got.FormerLabels))}");
            }
            var goldDeleted = root.GetProperty("deleted").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
            var removedRight = d.Removed.Count(r => goldDeleted.Contains(r.Label));
            var kinds = string.Join(" · ", d.Notes.GroupBy(n => n.Kind).OrderBy(g => g.Key).Select(g => $"{ConsolidatedPlainText.KindName(g.Key)} {g.Count()}"));
            o.WriteLine($"pair {pair}: {d.Notes.Count()} notes ({kinds}); {d.Removed.Count} listed deleted ({removedRight} of the gold's {goldDeleted.Count}); "
                        + $"articles whose note agrees with the gold {right}/{expected.Count} ({(double)right / expected.Count:P1}), same source other kind {sourceOnly}");
            foreach (var miss in misses.Take(context.Parse.GetValue(MissesOption))) o.WriteLine($"    {pair}: {miss}");
            (allNotes, allRight, allExpected, allSourceOnly) = (allNotes + d.Notes.Count(), allRight + right, allExpected + expected.Count, allSourceOnly + sourceOnly);
        }
        o.WriteLine($"all pairs: {allNotes} notes; articles whose note agrees with the gold {allRight}/{allExpected} ({(double)allRight / allExpected:P1}), same source other kind {allSourceOnly}");
        return ExitCodes.Done;
    }

    private static Dictionary<string, Expected> ExpectedNotes(JsonElement root)
    {
        var expected = new Dictionary<string, Expected>();
        foreach (var label in root.GetProperty("added").EnumerateArray()) expected[label.GetString()!] = new Expected(NoteKind.Added, new HashSet<string>());
        foreach (var row in root.GetProperty("alignment").EnumerateArray())
        {
            var olds = row.GetProperty("old").EnumerateArray().Select(e => e.GetString()!).ToList();
            var news = row.GetProperty("new").EnumerateArray().Select(e => e.GetString()!).ToList();
            var change = row.GetProperty("change").GetString();
            foreach (var n in news)
            {
                // Many-to-many rows say which old article each new one derives from.
                var from = row.TryGetProperty("links", out var links)
                    ? links.EnumerateArray().Where(l => l[1].GetString() == n).Select(l => l[0].GetString()!).ToHashSet()
                    : olds.ToHashSet();
                expected[n] = change switch
                {
                    "unchanged" => new Expected(from.Contains(n) ? null : NoteKind.Renumbered, from.Contains(n) ? new HashSet<string>() : from),
                    "modified" => new Expected(NoteKind.Modified, from),
                    "merged" when from.Count > 1 => new Expected(NoteKind.Merged, from),
                    "merged" => new Expected(NoteKind.Modified, from),
                    _ when from.Count > 1 => new Expected(NoteKind.Merged, from),
                    _ => new Expected(NoteKind.Split, from),
                };
            }
        }
        return expected;
    }

    private static string Describe(NoteKind? kind, IEnumerable<string> former) =>
        kind is null ? "no note" : $"{ConsolidatedPlainText.KindName(kind.Value)}{(former.Any() ? " from " + string.Join("、", former) : "")}";

    [GeneratedRegex(@"^第[一二三四五六七八九十百零〇]+条$")]
    private static partial Regex ArticleLabel();
}
