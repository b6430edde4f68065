using System.Security.Cryptography;
using System.Text.Json;
using PolicyIngest.Classify.Model;

namespace PolicyIngest.Classify.Training;

/// <summary>Reads the hand-labelled clauses of models/training/clauses-*.jsonl (one JSON object a line).</summary>
public static class TrainingData
{
    public const string ClausePattern = "clauses-*.jsonl";

    public static IReadOnlyList<LabelledClause> LoadClauses(string directory)
    {
        var files = ClauseFiles(directory);
        if (files.Count == 0) throw new FileNotFoundException($"no {ClausePattern} under {directory}");
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
        foreach (var file in ClauseFiles(directory).Concat(Directory.GetFiles(directory, "cards-*.jsonl").Order(StringComparer.Ordinal)))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static List<string> ClauseFiles(string directory) =>
        Directory.Exists(directory) ? [.. Directory.GetFiles(directory, ClausePattern).Order(StringComparer.Ordinal)] : [];

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static string? OptionalString(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
