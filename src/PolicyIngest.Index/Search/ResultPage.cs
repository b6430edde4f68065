using System.Text.Json;
using PolicyIngest.Catalogue;

namespace PolicyIngest.Index.Search;

/// <summary>
/// What every engine does once it has its matches (filtered by the catalogue, best first): count the facets over all of
/// them, read the details and amounts of the page shown, cut the snippets. One definition, so FTS5 and Lucene results
/// differ only in which clauses match and in what order.
/// </summary>
public static class ResultPage
{
    public static readonly string[] FacetNames = ["region", "issuer", "category", "instrument", "industry", "status"];

    /// <summary>Call inside <see cref="CatalogueStore.ReadConsistently{T}"/> with the matches read there.</summary>
    public static (List<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets) Build(
        CatalogueStore catalogue, IReadOnlyList<ClauseMatch> matches, Func<ClauseMatch, double> score, SearchQuery query,
        SearchRequest request, IClauseSnippets snippets, CancellationToken cancellationToken)
    {
        var page = matches.Skip(Math.Max(0, request.Offset)).Take(Math.Max(0, request.Limit)).Select(m => (m.RowId, score(m))).ToList();
        return (Hits(catalogue, page, query, request.Filter.AsOf, snippets, cancellationToken), Facets(matches));
    }

    /// <summary>The facets counted over every match.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets(IReadOnlyList<ClauseMatch> matches)
    {
        var facets = FacetNames.ToDictionary(n => n, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        var lists = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var m in matches)
        {
            Count(facets["region"], m.Region);
            Count(facets["issuer"], m.Issuer);
            Count(facets["category"], m.Category);
            foreach (var v in JsonList(lists, m.InstrumentsJson)) Count(facets["instrument"], v);
            foreach (var v in JsonList(lists, m.IndustriesJson)) Count(facets["industry"], v);
            Count(facets["status"], m.Status);
        }
        return Freeze(facets);
    }

    /// <summary>The hits of the page shown (row id and score each, best first): details, amounts, snippets.</summary>
    public static List<SearchHit> Hits(CatalogueStore catalogue, IReadOnlyList<(long RowId, double Score)> page, SearchQuery query, DateOnly asOf,
        IClauseSnippets snippets, CancellationToken cancellationToken, IReadOnlySet<long>? partial = null)
    {
        var ids = page.Select(m => m.RowId).ToList();
        var details = ClauseSearchStore.HitDetails(catalogue, ids, asOf);
        var amounts = ClauseSearchStore.AmountsOfClauses(catalogue, ids);
        var hits = new List<SearchHit>(page.Count);
        foreach (var (rowId, score) in page)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!details.TryGetValue(rowId, out var row)) continue;
            var hitAmounts = amounts.TryGetValue(rowId, out var list) ? list.Select(a => new HitAmount(a.Yuan, a.Role, a.Text)).ToList() : [];
            hits.Add(new SearchHit(row.PolicyId, row.VersionId, row.Title, row.DocNumber, row.Region, row.Status, row.ClauseId, row.Label,
                StringArray(row.PathJson), snippets.Snippet(SnippetSource(row.Heading, row.Text), query),
                Math.Round(score, 3), hitAmounts, row.Source, row.Issuer, row.IssuedOn, row.PartNo, row.Text) { Partial = partial?.Contains(rowId) == true });
        }
        return hits;
    }

    /// <summary>Heading and text are both indexed, so a heading-only match (e.g. an item whose text is empty) still gets a snippet.</summary>
    private static string SnippetSource(string? heading, string text) =>
        string.IsNullOrEmpty(heading) || text.Contains(heading, StringComparison.Ordinal) ? text
        : text.Length == 0 ? heading : heading + " " + text;

    private static void Count(Dictionary<string, int> facet, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        facet[value] = facet.GetValueOrDefault(value) + 1;
    }

    /// <summary>A label list column, parsed once per distinct value (a few dozen label combinations cover thousands of matches).</summary>
    private static string[] JsonList(Dictionary<string, string[]> parsed, string json)
    {
        if (json.Length <= 2) return [];
        if (!parsed.TryGetValue(json, out var list)) parsed[json] = list = StringArray(json);
        return list;
    }

    /// <summary>
    /// A JSON array of strings (a clause's path, a label list) read with the reader alone: measured at a million clauses,
    /// the serializer's <c>Deserialize&lt;string[]&gt;</c> was a tenth of reading a page's details.
    /// </summary>
    public static string[] StringArray(string json)
    {
        if (json.Length <= 2) return [];
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) throw new JsonException("not a JSON array: " + json);
        var list = new List<string>(4);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String) throw new JsonException("not a JSON array of strings: " + json);
            list.Add(reader.GetString()!);
        }
        return [.. list];
    }

    /// <summary>Each facet's values, most frequent first (ties by value); empty facets left out.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Freeze(Dictionary<string, Dictionary<string, int>> facets) =>
        facets.Where(f => f.Value.Count > 0).ToDictionary(
            f => f.Key,
            f => (IReadOnlyDictionary<string, int>)f.Value.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .ToDictionary(kv => kv.Key, kv => kv.Value));
}
