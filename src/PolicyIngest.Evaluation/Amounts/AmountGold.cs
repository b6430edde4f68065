using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Evaluation.Amounts;

/// <summary>One hand-written gold file: corpus/gold/&lt;stem&gt;.amounts.json.</summary>
public sealed record AmountGoldFile
{
    /// <summary>The input, relative to ../shared (e.g. seeds/000_….txt) or to the repository.</summary>
    public required string Source { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
    public IReadOnlyList<GoldAmount> Amounts { get; init; } = [];
    public IReadOnlyList<GoldRate> Rates { get; init; } = [];
    /// <summary>
    /// For a gold file covering only some parts (the first 65 cards of a compilation): their titles. Findings in other
    /// parts are not scored. Null: the whole document and all its parts are covered.
    /// </summary>
    public IReadOnlyList<string>? CoveredParts { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static AmountGoldFile Load(string path) =>
        JsonSerializer.Deserialize<AmountGoldFile>(File.ReadAllText(path), Options)
        ?? throw new InvalidDataException($"{path}: empty gold file");
}

/// <summary>A gold amount; <see cref="Part"/> is the title of the attachment or card holding it, null for the main document.</summary>
public sealed record GoldAmount(string? Part, string Article, string Text, decimal Yuan, decimal? YuanHigh, string Role, string? Per, string? Condition, string? Unit);

public sealed record GoldRate(string? Part, string Article, string Text, decimal Percent, decimal? PercentHigh, string Role, string? Base);

/// <summary>What is compared: where (part, article), how much, and the role given to it.</summary>
public sealed record ScoredItem(string Part, string Article, decimal Value, string Role);

/// <summary>Precision/recall/F1 of (part, article, value) and role accuracy over the matched pairs.</summary>
public sealed record Score(int Gold, int Predicted, int Matched, int RoleCorrect)
{
    public double Precision => Predicted == 0 ? (Gold == 0 ? 1 : 0) : (double)Matched / Predicted;
    public double Recall => Gold == 0 ? (Predicted == 0 ? 1 : 0) : (double)Matched / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double RoleAccuracy => Matched == 0 ? 1 : (double)RoleCorrect / Matched;

    public static Score operator +(Score a, Score b) =>
        new(a.Gold + b.Gold, a.Predicted + b.Predicted, a.Matched + b.Matched, a.RoleCorrect + b.RoleCorrect);

    public static readonly Score Zero = new(0, 0, 0, 0);
}

/// <summary>One document's comparison, with the differences a person should look at.</summary>
public sealed record DocumentScore(string Name, Score Amounts, Score Rates, IReadOnlyList<string> Differences);

public static class AmountScoring
{
    /// <summary>Scores a processed document (with its parts) against its gold file.</summary>
    public static DocumentScore Compare(string name, AmountGoldFile gold, PolicyDocument document)
    {
        var partNames = gold.Amounts.Select(a => a.Part).Concat(gold.Rates.Select(r => r.Part)).OfType<string>()
            .Concat(gold.CoveredParts ?? []).Distinct().ToList();
        var predictedAmounts = new List<ScoredItem>();
        var predictedRates = new List<ScoredItem>();
        Collect(document, "");

        var goldAmounts = gold.Amounts.Select(a => new ScoredItem(a.Part ?? "", NormalizeArticle(a.Article), a.Yuan, a.Role)).ToList();
        var goldRates = gold.Rates.Select(r => new ScoredItem(r.Part ?? "", NormalizeArticle(r.Article), r.Percent, r.Role)).ToList();
        var differences = new List<string>();
        var amounts = Match(goldAmounts, predictedAmounts, "amount", differences);
        var rates = Match(goldRates, predictedRates, "rate", differences);
        return new DocumentScore(name, amounts, rates, differences);

        void Collect(PolicyDocument doc, string part)
        {
            foreach (var a in doc.Amounts) predictedAmounts.Add(new ScoredItem(part, NormalizeArticle(a.Article), a.Yuan, a.Role.ToId()));
            foreach (var r in doc.Rates) predictedRates.Add(new ScoredItem(part, NormalizeArticle(r.Article), r.Percent, r.Role.ToId()));
            foreach (var p in doc.Parts)
            {
                var key = PartKey(p.Title, partNames);
                if (gold.CoveredParts is { } covered && !covered.Contains(key)) continue;
                Collect(p, key);
            }
        }
    }

    /// <summary>Multiset match on (part, article, value); within a key, same-role pairs are matched first.</summary>
    public static Score Match(IReadOnlyList<ScoredItem> gold, IReadOnlyList<ScoredItem> predicted, string what, List<string>? differences = null)
    {
        var matched = 0;
        var roleCorrect = 0;
        var goldByKey = gold.GroupBy(Key).ToDictionary(g => g.Key, g => g.ToList());
        var predByKey = predicted.GroupBy(Key).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var key in goldByKey.Keys.Union(predByKey.Keys))
        {
            var g = goldByKey.GetValueOrDefault(key) ?? [];
            var p = predByKey.GetValueOrDefault(key) ?? [];
            var pairs = Math.Min(g.Count, p.Count);
            matched += pairs;
            var sameRole = g.GroupBy(i => i.Role).Sum(r => Math.Min(r.Count(), p.Count(i => i.Role == r.Key)));
            roleCorrect += Math.Min(sameRole, pairs);
            if (differences is null) continue;
            if (g.Count > p.Count) differences.Add($"missed {what} {Describe(key)} ×{g.Count - p.Count} ({string.Join(",", g.Select(i => i.Role))})");
            if (p.Count > g.Count) differences.Add($"extra {what} {Describe(key)} ×{p.Count - g.Count} ({string.Join(",", p.Select(i => i.Role))})");
            if (pairs > 0 && sameRole < pairs)
                differences.Add($"role of {what} {Describe(key)}: gold {string.Join(",", g.Select(i => i.Role))}, found {string.Join(",", p.Select(i => i.Role))}");
        }
        return new Score(gold.Count, predicted.Count, matched, roleCorrect);

        static (string, string, decimal) Key(ScoredItem i) => (i.Part, i.Article, i.Value);
        static string Describe((string Part, string Article, decimal Value) k) =>
            $"{(k.Part.Length > 0 ? k.Part + " › " : "")}{k.Article} {Core.DecimalText.Canonical(k.Value)}";
    }

    /// <summary>第五条 stays; 一/1. and 一/1 compare equal; whitespace is ignored.</summary>
    public static string NormalizeArticle(string article)
    {
        var segments = article.Split('/').Select(s => new string(s.Where(c => !char.IsWhiteSpace(c)).ToArray()).TrimEnd('.', '．', '、'));
        return string.Join("/", segments);
    }

    /// <summary>The gold name of a part whose title names the same attachment or card, else the title itself.</summary>
    public static string PartKey(string title, IReadOnlyList<string> goldParts)
    {
        var t = Squash(title);
        foreach (var name in goldParts)
        {
            if (Squash(name) == t) return name;
        }
        foreach (var name in goldParts)
        {
            var n = Squash(name);
            if (n.Length == 0 || t.Length == 0) continue;
            if (t == n || t.Contains(n, StringComparison.Ordinal) || n.Contains(t, StringComparison.Ordinal)) return name;
        }
        return title;
    }

    private static string Squash(string s) =>
        new(s.Where(c => !char.IsWhiteSpace(c) && c is not ('《' or '》' or '“' or '”' or '"' or '「' or '」')).ToArray());
}
