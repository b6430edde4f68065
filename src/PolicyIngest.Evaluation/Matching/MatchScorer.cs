using System.Globalization;
using System.Text.Json;
using PolicyIngest.Cli;

namespace PolicyIngest.Evaluation.Matching;

/// <summary>Where a clause is: the file, its part (0 = the document, N = its N-th attachment or card), its id.</summary>
public sealed record ClausePlace(string File, int Part, string ClauseId);

/// <summary>
/// A clause of the gold and the yuan the analyst expects from it. <see cref="Alternatives"/> name other clauses stating
/// the same award (the 实施指南 paragraph of an article): finding any of them finds this one.
/// </summary>
public sealed record GoldClause(string File, int Part, string ClauseId, string? Label, decimal? Min, decimal? Max, string? Why,
    IReadOnlyList<ClausePlace>? Alternatives = null)
{
    public IEnumerable<ClausePlace> Places => new[] { new ClausePlace(File, Part, ClauseId) }.Concat(Alternatives ?? []);
}

/// <summary>A clause the matcher returned, in the gold's terms.</summary>
public sealed record FoundClause(string File, int Part, string ClauseId, decimal? Min, decimal? Max, string Description);

/// <summary>One profile of the gold: the date asked about, the clauses it may apply for, those it misses by one condition.</summary>
public sealed record GoldEntry(string Profile, DateOnly AsOf, IReadOnlyList<GoldClause> Matches, IReadOnlyList<GoldClause> Almost);

/// <summary>Gold clauses, found units and right units (a right unit is a gold clause found, so it counts for both P and R).</summary>
public readonly record struct Score(int Gold, int Found, int Right)
{
    public static Score Zero => default;
    public double Precision => Found == 0 ? (Gold == 0 ? 1 : 0) : (double)Right / Found;
    public double Recall => Gold == 0 ? 1 : (double)Right / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public static Score operator +(Score a, Score b) => new(a.Gold + b.Gold, a.Found + b.Found, a.Right + b.Right);
}

public sealed record ProfileScore(Score Score, IReadOnlyList<(GoldClause Gold, FoundClause Found)> Pairs,
    IReadOnlyList<GoldClause> Missed, IReadOnlyList<FoundClause> Wrong);

/// <summary>
/// Scores matched clauses against the gold. The gold names the most specific clause that states the award; the matcher
/// may return that clause, an enclosing one or pieces inside it (an article and its paragraph), so a found clause counts
/// for a gold clause when one contains the other (same file and part, ids equal or one a path prefix of the other).
/// Found clauses are counted as units: all found clauses that fall on one gold clause are one right answer, and wrong
/// clauses nested in one another are one wrong answer, so cutting a clause finer neither helps nor hurts.
/// </summary>
public static class MatchScorer
{
    public static bool Related(string file, int part, string id, GoldClause gold) =>
        gold.Places.Any(p => string.Equals(file, p.File, StringComparison.Ordinal) && part == p.Part && Nested(id, p.ClauseId));

    private static bool Nested(string a, string b) =>
        a == b || a.StartsWith(b + "/", StringComparison.Ordinal) || b.StartsWith(a + "/", StringComparison.Ordinal);

    public static ProfileScore Score(IReadOnlyList<GoldClause> gold, IReadOnlyList<FoundClause> found)
    {
        var pairs = new List<(GoldClause, FoundClause)>();
        var missed = new List<GoldClause>();
        foreach (var g in gold)
        {
            var hits = found.Where(f => Related(f.File, f.Part, f.ClauseId, g)).ToList();
            if (hits.Count == 0) { missed.Add(g); continue; }
            // The found clause nearest the gold's: the same id, else the one whose id is longest (the most specific).
            pairs.Add((g, hits.FirstOrDefault(h => h.ClauseId == g.ClauseId) ?? hits.MaxBy(h => h.ClauseId.Length)!));
        }
        var wrongAll = found.Where(f => !gold.Any(g => Related(f.File, f.Part, f.ClauseId, g))).ToList();
        var wrong = wrongAll.Where(f => !wrongAll.Any(o => o != f && o.File == f.File && o.Part == f.Part
            && f.ClauseId.StartsWith(o.ClauseId + "/", StringComparison.Ordinal))).ToList();
        return new ProfileScore(new Score(gold.Count, pairs.Count + wrong.Count, pairs.Count), pairs, missed, wrong);
    }
}

/// <summary>Reads corpus/match-gold: gold.jsonl (one profile a line) and sources.json (the files the catalogue holds).</summary>
public static class MatchGold
{
    public static IReadOnlyList<GoldEntry> Load(string folder)
    {
        var entries = new List<GoldEntry>();
        foreach (var line in File.ReadLines(Path.Combine(folder, "gold.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            entries.Add(new GoldEntry(root.GetProperty("profile").GetString()!,
                DateOnly.ParseExact(root.GetProperty("asOf").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Clauses(root, "matches"), Clauses(root, "almost")));
        }
        return entries;
    }

    private static List<GoldClause> Clauses(JsonElement root, string name) =>
        root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(c => new GoldClause(
                FileName(c.GetProperty("file").GetString()!), c.TryGetProperty("part", out var p) ? p.GetInt32() : 0,
                c.GetProperty("clauseId").GetString()!, Text(c, "label"), Yuan(c, "min"), Yuan(c, "max"),
                Text(c, "why") ?? Text(c, "missing"),
                c.TryGetProperty("alt", out var alt) && alt.ValueKind == JsonValueKind.Array
                    ? alt.EnumerateArray().Select(a => new ClausePlace(FileName(a.GetProperty("file").GetString()!),
                        a.TryGetProperty("part", out var ap) ? ap.GetInt32() : 0, a.GetProperty("clauseId").GetString()!)).ToList()
                    : null)).ToList()
            : [];

    /// <summary>The source file's own name (a gold row may name the reading it was written from, with .json added).</summary>
    private static string FileName(string file) => Path.GetFileName(file.EndsWith(".json", StringComparison.Ordinal) ? file[..^5] : file);

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static decimal? Yuan(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;

    /// <summary>The files of sources.json, as paths: "shared/…" under ../shared, anything else under the repository.</summary>
    public static IReadOnlyList<string> Sources(string folder, CliContext context)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "sources.json")));
        return json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!)
            .Select(relative => relative.StartsWith("shared/", StringComparison.Ordinal)
                ? Path.Combine(context.SharedRoot, relative["shared/".Length..])
                : Path.Combine(context.Settings.Home, relative))
            .ToList();
    }
}
