using System.Diagnostics;
using Lucene.Net.Search.Similarities;
using PolicyIngest.Catalogue;
using PolicyIngest.Index.Search;

namespace PolicyIngest.Search;

/// <summary>
/// Clause search on the Lucene index behind the same <see cref="ISearchIndex"/> as FTS5: strict AND of the groups,
/// else the clauses with the most of them (minimum-should-match, all but one, all but two, …) with <c>Relaxed</c> set.
/// Lucene finds and ranks; the catalogue filters the matches with the same SQL as for FTS5 (current versions, region,
/// issuer, category, instrument, industry, status as of the date, dates, amount) and the facets are counted over every
/// match that passes (up to <see cref="MaxCandidates"/>).
/// </summary>
/// <remarks>Before each search the index catches up with the catalogue's change log (one query when it is current).</remarks>
public sealed class LuceneSearchIndex(CatalogueStore catalogue, LuceneClauseIndex index, LuceneQueryBuilder builder, Similarity? similarity = null) : ISearchIndex
{
    /// <summary>Matches read from the index per search: filters and facets see this many at most.</summary>
    public const int MaxCandidates = 20_000;

    private readonly Highlighter _highlighter = new(index.ClauseAnalyzer);
    private readonly SqliteClauseFeed _feed = new(catalogue);

    /// <summary>Row ids of the best matches passing the filter, best first, at most <paramref name="max"/> (for evaluation).</summary>
    public IReadOnlyList<long> MatchIds(string query, ClauseFilter filter, int max)
    {
        index.EnsureCurrent(_feed);
        var rows = Matches(SearchQuery.Parse(query), MaxCandidates).Rows.Select(r => r.RowId).ToList();
        return ClauseSearchStore.FilterMatches(catalogue, rows, filter).Take(max).Select(m => m.RowId).ToList();
    }

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
        index.EnsureCurrent(_feed, cancellationToken);
        var query = SearchQuery.Parse(request.Query);
        var (rows, relaxed) = Matches(query, MaxCandidates);
        cancellationToken.ThrowIfCancellationRequested();
        var scores = new Dictionary<long, float>(rows.Count);
        foreach (var (rowId, score) in rows) scores[rowId] = score;
        var (total, hits, facets) = catalogue.ReadConsistently(() =>
        {
            var matches = ClauseSearchStore.FilterMatches(catalogue, rows.Select(r => r.RowId).ToList(), request.Filter);
            var (hits, facets) = ResultPage.Build(catalogue, matches, m => scores.GetValueOrDefault(m.RowId), query, request, _highlighter, cancellationToken);
            return (matches.Count, hits, facets);
        });
        return new SearchResult(request.Query, total, Math.Round(clock.Elapsed.TotalMilliseconds, 1), hits, facets) { Relaxed = relaxed };
    }
}
