using System.Diagnostics;
using System.Text.Json;
using Lucene.Net.Search.Similarities;
using PolicyIngest.Catalogue;
using PolicyIngest.Index.Search;

namespace PolicyIngest.Search;

/// <summary>
/// Clause search on the Lucene index behind the same <see cref="ISearchIndex"/> as FTS5: strict AND of the groups,
/// else the clauses with the most of them (minimum-should-match, all but one, all but two, …) with <c>Relaxed</c> set;
/// then the catalogue resolves the hits (a document whose clause row is gone is dropped).
/// </summary>
/// <remarks>
/// First slice (issue #18): filters region / issuer (contains), category and status (as of the filter's date) are
/// checked on the catalogue rows of the best <see cref="MaxCandidates"/> matches, and facets region, issuer,
/// category, status are counted over them. Instrument, industry, amount and date filters, facets over every match and
/// current-version selection inside the index are not done yet: the index holds what it was built from.
/// </remarks>
public sealed class LuceneSearchIndex(CatalogueStore catalogue, LuceneClauseIndex index, LuceneQueryBuilder builder, Similarity? similarity = null) : ISearchIndex
{
    public const int MaxCandidates = 1000;

    private readonly Highlighter _highlighter = new(index.ClauseAnalyzer);

    /// <summary>Row ids of the best matches, best first (for evaluation; no filter is checked).</summary>
    public IReadOnlyList<long> MatchIds(string query, int max = MaxCandidates) =>
        Matches(SearchQuery.Parse(query), max).Rows.Select(r => r.RowId).ToList();

    private (List<(long RowId, float Score)> Rows, bool Relaxed) Matches(SearchQuery query, int max)
    {
        var groups = builder.Groups(query);
        if (builder.Build(query, groups, groups.Count) is not { } strict) return ([], false);
        var rows = index.Top(strict, max, similarity);
        if (rows.Count > 0 || groups.Count < 2) return (rows, false);
        for (var minimum = groups.Count - 1; minimum >= 1; minimum--)
        {
            rows = index.Top(builder.Build(query, groups, minimum)!, max, similarity);
            if (rows.Count > 0) return (rows, true);
        }
        return (rows, false);
    }

    public SearchResult Search(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var query = SearchQuery.Parse(request.Query);
        var (rows, relaxed) = Matches(query, MaxCandidates);
        cancellationToken.ThrowIfCancellationRequested();
        var details = ClauseSearchStore.HitDetails(catalogue, rows.Select(r => r.RowId).ToList(), request.Filter.AsOf);
        var passing = rows.Where(r => details.TryGetValue(r.RowId, out var d) && Passes(d, request.Filter)).ToList();
        var facets = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal)
        {
            ["region"] = new(StringComparer.Ordinal), ["issuer"] = new(StringComparer.Ordinal),
            ["category"] = new(StringComparer.Ordinal), ["status"] = new(StringComparer.Ordinal),
        };
        foreach (var r in passing)
        {
            var d = details[r.RowId];
            Count(facets["region"], d.Region);
            Count(facets["issuer"], d.Issuer);
            Count(facets["category"], d.Category);
            Count(facets["status"], d.Status);
        }
        var page = passing.Skip(Math.Max(0, request.Offset)).Take(Math.Max(0, request.Limit)).ToList();
        var amounts = ClauseSearchStore.AmountsOfClauses(catalogue, page.Select(p => p.RowId).ToList());
        var hits = new List<SearchHit>(page.Count);
        foreach (var (rowId, score) in page)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = details[rowId];
            var hitAmounts = amounts.TryGetValue(rowId, out var list) ? list.Select(a => new HitAmount(a.Yuan, a.Role, a.Text)).ToList() : [];
            var source = string.IsNullOrEmpty(row.Heading) || row.Text.Contains(row.Heading, StringComparison.Ordinal) ? row.Text
                : row.Text.Length == 0 ? row.Heading : row.Heading + " " + row.Text;
            hits.Add(new SearchHit(row.PolicyId, row.VersionId, row.Title, row.DocNumber, row.Region, row.Status, row.ClauseId, row.Label,
                JsonSerializer.Deserialize<string[]>(row.PathJson) ?? [], _highlighter.Snippet(source, query), Math.Round(score, 3),
                hitAmounts, row.Source, row.Issuer, row.IssuedOn, row.PartNo, row.Text));
        }
        var frozen = facets.Where(f => f.Value.Count > 0).ToDictionary(
            f => f.Key,
            f => (IReadOnlyDictionary<string, int>)f.Value.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .ToDictionary(kv => kv.Key, kv => kv.Value));
        return new SearchResult(request.Query, passing.Count, Math.Round(clock.Elapsed.TotalMilliseconds, 1), hits, frozen) { Relaxed = relaxed };
    }

    private static bool Passes(ClauseHitRow row, ClauseFilter filter) =>
        (filter.Region is null || (row.Region ?? "").Contains(filter.Region, StringComparison.Ordinal))
        && (filter.Issuer is null || (row.Issuer ?? "").Contains(filter.Issuer, StringComparison.Ordinal))
        && (filter.Category is null || row.Category == filter.Category)
        && (filter.Status is null || row.Status == filter.Status);

    private static void Count(Dictionary<string, int> facet, string? value)
    {
        if (!string.IsNullOrEmpty(value)) facet[value] = facet.GetValueOrDefault(value) + 1;
    }
}
