using System.Diagnostics;
using PolicyIngest.Catalogue;

namespace PolicyIngest.Index.Search;

/// <summary>
/// Clause search over the catalogue's own full-text index (the FTS5 table clause_fts): match, filter, rank (bm25), facet,
/// then cut snippets for the page shown. It builds FTS5 expressions from the analysed query; the catalogue runs them
/// (<see cref="ClauseSearchStore"/>).
/// </summary>
public sealed class Fts5SearchIndex(CatalogueStore catalogue, ClauseAnalyzer analyzer, SearchOptions? options = null) : ISearchIndex
{
    private readonly SearchOptions _options = options ?? SearchOptions.Default;
    private readonly FtsExpression _expression = new(analyzer, options ?? SearchOptions.Default);
    private readonly Highlighter _highlighter = new(analyzer);

    public SearchOptions Options => _options;

    /// <summary>The FTS5 expression a query becomes (null when nothing in it can match).</summary>
    public string? Expression(string query) => _expression.Build(SearchQuery.Parse(query));

    /// <summary>Row ids of all matches, best first (for evaluation).</summary>
    public IReadOnlyList<long> MatchIds(string query, ClauseFilter filter)
    {
        return catalogue.ReadConsistently(() => Matches(SearchQuery.Parse(query), filter).Matches.Select(m => m.RowId).ToList());
    }

    /// <summary>
    /// Clauses with every term; when none has them all and the query has several terms, clauses with all terms but
    /// one, then all but two, … (bm25 ranks within), and <c>Relaxed</c> set, so a long query still finds its best clauses.
    /// </summary>
    /// <remarks>
    /// Relaxing matches each group once and counts, per clause, how many it has (an "all but k" expression would repeat
    /// every term in many combinations, and be evaluated again for every k); the clauses with the most are then ranked
    /// by bm25 under the expression that names each group once.
    /// </remarks>
    private (List<ClauseMatch> Matches, bool Relaxed, SearchQuery Answered) Matches(SearchQuery query, ClauseFilter filter)
    {
        var match = _expression.Build(query);
        if (match is null) return ([], false, query);
        var matches = ClauseSearchStore.Matches(catalogue, match, _options.WordsWeight, _options.GramsWeight, filter);
        if (matches.Count > 0 || !_options.RelaxWhenEmpty) return (matches, false, query);
        var original = query;
        query = QuestionTerms.Split(query, analyzer);
        var groups = _expression.Groups(query);
        if (groups.Count < 2) return (matches, false, original);
        matches = ClauseSearchStore.MostGroupsMatches(catalogue, groups, filter);
        if (matches.Count == 0) return (matches, false, original);
        var any = _expression.Any(query) ?? match;
        var ranks = ClauseSearchStore.RanksOfRows(catalogue, any, _options.WordsWeight, _options.GramsWeight,
            matches.Select(m => m.RowId).ToList());
        matches = matches.Select(m => m with { Rank = ranks.GetValueOrDefault(m.RowId) }).ToList();
        matches.Sort((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.RowId.CompareTo(b.RowId));
        return (matches, true, query);
    }

    public SearchResult Search(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var query = SearchQuery.Parse(request.Query);
        // The matches and the details of the page shown come from one state of the catalogue.
        var (total, relaxed, hits, facets) = catalogue.ReadConsistently(() =>
        {
            var (matches, wasRelaxed, answered) = Matches(query, request.Filter);
            // Snippets highlight what was matched: the words a question was cut into, when it was.
            var (hits, facets) = ResultPage.Build(catalogue, matches, m => -m.Rank, answered, request, _highlighter, cancellationToken);
            return (matches.Count, wasRelaxed, hits, facets);
        });
        return new SearchResult(request.Query, total, Math.Round(clock.Elapsed.TotalMilliseconds, 1), hits, facets) { Relaxed = relaxed };
    }
}
