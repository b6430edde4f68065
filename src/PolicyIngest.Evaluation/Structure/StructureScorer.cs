using System.Text.Json;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Evaluation.Structure;

/// <summary>Tallies of right/total per metadata field, and tree agreement, over many documents.</summary>
public sealed class StructureScore
{
    private readonly SortedDictionary<string, (int Right, int Total)> fields = new(StringComparer.Ordinal);
    private readonly List<string> misses = [];

    public int TreesExact { get; private set; }
    public int Trees { get; private set; }
    public int LabelsMatched { get; private set; }
    public int LabelsTotal { get; private set; }

    public IReadOnlyDictionary<string, (int Right, int Total)> Fields => fields;
    public IReadOnlyList<string> Misses => misses;

    public void Field(string name, bool right, string where, string expected, string actual)
    {
        var (r, t) = fields.GetValueOrDefault(name);
        fields[name] = (r + (right ? 1 : 0), t + 1);
        if (!right) misses.Add($"{where}: {name} expected {expected}, got {actual}");
    }

    public void Tree(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string where)
    {
        Trees++;
        var lcs = StructureScorer.CommonSubsequence(expected, actual);
        LabelsMatched += lcs;
        LabelsTotal += Math.Max(expected.Count, actual.Count);
        if (lcs == expected.Count && expected.Count == actual.Count) TreesExact++;
        else
        {
            var firstDiff = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i], Math.Min(expected.Count, actual.Count));
            misses.Add($"{where}: labels differ at {firstDiff} (expected {expected.Count}, got {actual.Count}): "
                + $"expected {expected.ElementAtOrDefault(firstDiff) ?? "∅"}, got {actual.ElementAtOrDefault(firstDiff) ?? "∅"}");
        }
    }

    public void Add(StructureScore other)
    {
        foreach (var (k, (r, t)) in other.fields)
        {
            var (r0, t0) = fields.GetValueOrDefault(k);
            fields[k] = (r0 + r, t0 + t);
        }
        misses.AddRange(other.misses);
        TreesExact += other.TreesExact;
        Trees += other.Trees;
        LabelsMatched += other.LabelsMatched;
        LabelsTotal += other.LabelsTotal;
    }

    public int Right => fields.Values.Sum(v => v.Right);
    public int Total => fields.Values.Sum(v => v.Total);
}

/// <summary>Compares a parsed document with its gold. Pure.</summary>
public static class StructureScorer
{
    /// <summary>The labels gold files list: article labels when the document has 条, else every numbered clause's path.</summary>
    public static IReadOnlyList<string> Labels(PolicyDocument d)
    {
        var articles = d.Clauses.Where(c => c.Kind == ClauseKind.Article).Select(c => c.Label).ToList();
        if (articles.Count > 0) return articles;
        return d.Clauses.Where(c => c.Kind is not (ClauseKind.Paragraph or ClauseKind.CardField) && c.Label.Length > 0)
            .Select(c => string.Join("/", c.Path)).ToList();
    }

    public static StructureScore Score(StructureGold gold, PolicyDocument d, string where)
    {
        var s = new StructureScore();
        Text(s, "title", gold.Title, d.Title, where);
        Text(s, "noticeTitle", gold.NoticeTitle, d.NoticeTitle, where);
        Text(s, "docNumber", gold.DocNumber, d.DocNumber, where);
        Text(s, "issuer", gold.Issuer, d.Issuer, where);
        Text(s, "region", gold.Region, d.Region, where);
        Text(s, "issuedOn", gold.IssuedOn, d.IssuedOn?.ToString("yyyy-MM-dd"), where);
        Text(s, "effectiveFrom", gold.EffectiveFrom, d.EffectiveFrom?.ToString("yyyy-MM-dd"), where);
        Text(s, "expiresOn", gold.ExpiresOn, d.ExpiresOn?.ToString("yyyy-MM-dd"), where);
        Text(s, "docType", gold.DocType, d.DocType.ToId(), where);
        Text(s, "interprets", gold.Interprets, d.Interprets, where);
        Refs(s, "repeals", gold.Repeals, d.Repeals, where);
        Refs(s, "references", gold.References, d.References, where);
        if (gold.Fields is not null)
        {
            foreach (var (k, v) in gold.Fields)
            {
                var actual = d.Fields?.GetValueOrDefault(k);
                s.Field($"fields.{k}", actual is not null && Squash(actual) == Squash(v), where, v, actual ?? "null");
            }
        }
        if (gold.Labels is not null) s.Tree(gold.Labels, Labels(d), where);
        if (gold.Parts is not null)
        {
            s.Field("parts.count", gold.Parts.Count == d.Parts.Count, where, gold.Parts.Count.ToString(), d.Parts.Count.ToString());
            for (var i = 0; i < Math.Min(gold.Parts.Count, d.Parts.Count); i++) s.Add(Score(gold.Parts[i], d.Parts[i], $"{where} part {i + 1}"));
        }
        if (gold.CardCount is { } count) s.Field("cards.count", count == d.Parts.Count, where, count.ToString(), d.Parts.Count.ToString());
        foreach (var card in gold.Cards ?? [])
        {
            var index = card.Index ?? throw new InvalidDataException($"{where}: a gold card without index");
            if (index >= d.Parts.Count)
            {
                s.Field("cards.present", false, where, $"card {index + 1}", "missing");
                continue;
            }
            s.Add(Score(card, d.Parts[index], $"{where} card {index + 1}"));
        }
        return s;
    }

    private static void Text(StructureScore s, string name, JsonElement g, string? actual, string where)
    {
        if (g.ValueKind == JsonValueKind.Undefined) return;
        var expected = g.ValueKind == JsonValueKind.Null ? null : g.GetString();
        s.Field(name, expected == actual, where, expected ?? "null", actual ?? "null");
    }

    private static void Refs(StructureScore s, string name, IReadOnlyList<GoldRef>? gold, IReadOnlyList<DocRef> actual, string where)
    {
        if (gold is null) return;
        var expected = gold.Select(r => $"{r.Title}|{r.DocNumber}").ToList();
        var got = actual.Select(r => $"{r.Title}|{r.DocNumber}").ToList();
        s.Field(name, expected.SequenceEqual(got), where, $"[{string.Join("; ", expected)}]", $"[{string.Join("; ", got)}]");
    }

    private static string Squash(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Length of the longest common subsequence (labels in order).</summary>
    public static int CommonSubsequence(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            (previous, current) = (current, previous);
        }
        return previous[b.Count];
    }
}
