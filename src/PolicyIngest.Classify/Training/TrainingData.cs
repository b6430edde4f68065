using System.Security.Cryptography;
using System.Text.Json;
using PolicyIngest.Classify.Model;

namespace PolicyIngest.Classify.Training;

/// <summary>
/// Reads the hand-labelled clauses of models/training/clauses-*.jsonl (one JSON object a line), and the labelled
/// synthetic clauses of models/training/synthetic-*.jsonl (written documents, used for training, never scored).
/// </summary>
public static class TrainingData
{
    public const string ClausePattern = "clauses-*.jsonl";
    public const string SyntheticPattern = "synthetic-*.jsonl";

    /// <summary>The <c>source</c> prefix every synthetic clause carries.</summary>
    public const string SyntheticSourcePrefix = "synthetic:";

    public static IReadOnlyList<LabelledClause> LoadClauses(string directory)
    {
        var files = ClauseFiles(directory);
        if (files.Count == 0) throw new FileNotFoundException($"no {ClausePattern} under {directory}");
        var clauses = Load(files);
        if (clauses.FirstOrDefault(IsSynthetic) is { } s) throw new InvalidDataException($"{s.Id}: a synthetic clause belongs in {SyntheticPattern}");
        return clauses;
    }

    /// <summary>The synthetic clauses (none when there are no synthetic files); every one's source starts with <see cref="SyntheticSourcePrefix"/>.</summary>
    public static IReadOnlyList<LabelledClause> LoadSynthetic(string directory)
    {
        var clauses = Load(SyntheticFiles(directory));
        if (clauses.FirstOrDefault(c => !IsSynthetic(c)) is { } r) throw new InvalidDataException($"{r.Id}: a clause in {SyntheticPattern} must have a source starting '{SyntheticSourcePrefix}'");
        return clauses;
    }

    public static bool IsSynthetic(LabelledClause clause) => clause.Source.StartsWith(SyntheticSourcePrefix, StringComparison.Ordinal);

    private static List<LabelledClause> Load(IReadOnlyList<string> files)
    {
        var clauses = new List<LabelledClause>();
        foreach (var file in files)
        {
            var lineNo = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNo++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                try { clauses.Add(ParseClause(line)); }
                catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidDataException)
                {
                    throw new InvalidDataException($"{Path.GetFileName(file)}:{lineNo}: {ex.Message}", ex);
                }
            }
        }
        return clauses;
    }

    public static LabelledClause ParseClause(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var o = doc.RootElement;
        var category = o.GetProperty("category").GetString()!;
        if (!ClauseTaxonomy.Categories.Contains(category)) throw new InvalidDataException($"unknown category '{category}'");
        var instruments = Strings(o.GetProperty("instruments"));
        var industries = Strings(o.GetProperty("industries"));
        foreach (var i in instruments) if (!ClauseTaxonomy.Instruments.Contains(i)) throw new InvalidDataException($"unknown instrument '{i}'");
        foreach (var i in industries) if (!ClauseTaxonomy.Industries.Contains(i)) throw new InvalidDataException($"unknown industry '{i}'");
        var input = new ClauseInput(
            o.GetProperty("text").GetString()!,
            OptionalString(o, "heading"),
            OptionalString(o, "chapter"),
            o.GetProperty("kind").GetString()!,
            o.GetProperty("position").GetDouble());
        return new LabelledClause(o.GetProperty("id").GetString()!, o.GetProperty("source").GetString()!,
            o.GetProperty("group").GetString()!, input, category, instruments, industries);
    }

    /// <summary>SHA-256 over the training files' names and bytes in name order: the hash recorded with a model.</summary>
    public static string Hash(string directory)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in ClauseFiles(directory).Concat(SyntheticFiles(directory)).Concat(Directory.GetFiles(directory, "cards-*.jsonl").Order(StringComparer.Ordinal)))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static List<string> ClauseFiles(string directory) => Files(directory, ClausePattern);
    private static List<string> SyntheticFiles(string directory) => Files(directory, SyntheticPattern);

    private static List<string> Files(string directory, string pattern) =>
        Directory.Exists(directory) ? [.. Directory.GetFiles(directory, pattern).Order(StringComparer.Ordinal)] : [];

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static string? OptionalString(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
