using System.Diagnostics;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using PolicyIngest.Catalogue;
using PolicyIngest.Index.Search;

namespace PolicyIngest.Search;

/// <summary>
/// Clause search on the Lucene index behind the same <see cref="ISearchIndex"/> as FTS5: strict AND of the groups,
/// else the clauses with the most of them (minimum-should-match, all but one, all but two, …) with <c>Relaxed</c> set.
/// Lucene matches, filters (<see cref="LuceneFilter"/>: the catalogue's filter meanings on the indexed facts), ranks and
/// counts the facets over every match; the catalogue gives the details of the page shown.
/// </summary>
/// <remarks>Before each search the index catches up with the catalogue's change log (one query when it is current).</remarks>
public sealed class LuceneSearchIndex(CatalogueStore catalogue, LuceneClauseIndex index, LuceneQueryBuilder builder, Similarity? similarity = null) : ISearchIndex
{
    private readonly Highlighter _highlighter = new(index.ClauseAnalyzer);
    private readonly CatalogueClauseFeed _feed = new(catalogue);

    /// <summary>Row ids of the best matches passing the filter, best first, at most <paramref name="max"/> (for evaluation).</summary>
    public IReadOnlyList<long> MatchIds(string query, ClauseFilter filter, int max)
    {
        index.EnsureCurrent(_feed);
        return Run(SearchQuery.Parse(query), LuceneFilter.Of(filter), max, null, default).Rows.Select(r => r.RowId).ToList();
    }

    /// <summary>
    /// The matches, and the query they answer: a question cut into words when the relaxed search needed that, the
    /// Lucene query that found them (what the snippets mark), and the rows added to fill the page (<see cref="SearchHit.Partial"/>).
    /// </summary>
    private (List<(long RowId, float Score)> Rows, int Total, Dictionary<string, Dictionary<string, int>>? Facets, bool Relaxed, SearchQuery Answered, Query? Matched, HashSet<long>? Partial) Run(
        SearchQuery query, Query? filter, int max, DateOnly? facetsAsOf, CancellationToken cancellationToken)
    {
        var groups = builder.Groups(query);
        if (builder.Build(query, groups, groups.Count) is not { } strict) return ([], 0, null, false, query, null, null);
        // Fewer clauses with every term than the page holds: the page is filled, after them, with clauses that have all
        // terms but one. Measured on the judged queries (`evaluate search`): a term found only in a policy's title let one
        // weak clause pass the strict query and shut out the clauses with the other terms (房屋租赁合同 登记备案 期限).
        var original = query;
        var split = QuestionTerms.Split(query, index.ClauseAnalyzer);
        int floor = groups.Count - 1, step = 1;
        (List<(long RowId, float Score)> Rows, int Total, Dictionary<string, Dictionary<string, int>>? Facets) found;
        if (groups.Count >= 3 && ReferenceEquals(split, query))
        {
            // Three groups or more, relaxed (if need be) on these same groups: the complete matches, the fill and the first
            // relaxed level come from one all-but-one pass (with two, all but one is any one of them: a far larger pass).
            var allButOneQuery = builder.Build(query, groups, floor)!;
            var (complete, allButOne) = index.SearchWithFill(allButOneQuery, groups.Count, filter, max, facetsAsOf, similarity, cancellationToken);
            if (complete.Total > 0) return Filled(complete.Rows, complete.Total, complete.Facets, allButOne.Rows, max, query, strict);
            if (allButOne.Total > 0) return (allButOne.Rows, allButOne.Total, allButOne.Facets, true, query, allButOneQuery, null);
            found = ([], 0, complete.Facets);
            (floor, step) = (floor - 1, 2);
        }
        else
        {
            found = index.Search(strict, filter, max, facetsAsOf, similarity, cancellationToken);
            if (found.Total > 0 && (found.Rows.Count >= max || groups.Count < 2)) return (found.Rows, found.Total, found.Facets, false, query, strict, null);
            if (found.Total > 0)
            {
                // All but one of two or more groups (those with all of them are among these, so this level always matches).
                var fill = index.Search(builder.Build(query, groups, groups.Count - 1)!, filter, max, null, similarity, cancellationToken);
                return Filled(found.Rows, found.Total, found.Facets, fill.Rows, max, query, strict);
            }
            query = split;
            groups = builder.Groups(query);
            floor = groups.Count - 1;
        }
        if (groups.Count < 2 || floor < 1) return (found.Rows, found.Total, found.Facets, false, original, strict, null);
        // One pass counts, for every clause matching at least a floor of the groups, how many it matches; the answer is the
        // clauses with the most (all but one at best). A high floor keeps the pass cheap (minimum-should-match skips what
        // cannot reach it) and is the common answer, so the floor starts at all but one and steps down by 1, 2, 4….
        var top = groups.Count - 1;
        for (; ; floor = Math.Max(1, floor - step), step *= 2)
        {
            if (index.SearchMostGroups(builder.Build(query, groups, floor)!, top, filter, max, facetsAsOf, similarity, cancellationToken) is { } most)
                return (most.Rows, most.Total, most.Facets, true, query, builder.Build(query, groups, most.Level), null);
            if (floor == 1) return (found.Rows, found.Total, found.Facets, false, original, strict, null);
        }
    }

    /// <summary>The complete matches, then as many of the clauses missing one term as the page still holds, flagged.</summary>
    private static (List<(long RowId, float Score)>, int, Dictionary<string, Dictionary<string, int>>?, bool, SearchQuery, Query?, HashSet<long>?) Filled(
        List<(long RowId, float Score)> complete, int total, Dictionary<string, Dictionary<string, int>>? facets, List<(long RowId, float Score)> fill,
        int max, SearchQuery query, Query strict)
    {
        if (complete.Count >= max) return (complete, total, facets, false, query, strict, null);
        var rows = complete.ToList();
        var seen = rows.Select(r => r.RowId).ToHashSet();
        var partial = new HashSet<long>();
        foreach (var r in fill)
        {
            if (rows.Count >= max) break;
            if (!seen.Add(r.RowId)) continue;
            rows.Add(r);
            partial.Add(r.RowId);
        }
        return (rows, total, facets, false, query, strict, partial);
    }

    public SearchResult Search(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        index.EnsureCurrent(_feed, cancellationToken);
        var query = SearchQuery.Parse(request.Query);
        var offset = Math.Max(0, request.Offset);
        var limit = Math.Max(0, request.Limit);
        var (rows, total, facets, relaxed, answered, matched, partial) = Run(query, LuceneFilter.Of(request.Filter), offset + limit, request.Filter.AsOf, cancellationToken);
        var page = rows.Skip(offset).Take(limit).Select(r => (r.RowId, (double)r.Score)).ToList();
        // Snippets mark what was matched: the Lucene query that answered (a relaxed level's terms when it was relaxed).
        IClauseSnippets snippets = matched is null ? _highlighter : new LuceneSnippets(matched, _highlighter);
        var hits = catalogue.ReadConsistently(() => ResultPage.Hits(catalogue, page, answered, request.Filter.AsOf, snippets, cancellationToken, partial));
        return new SearchResult(request.Query, total, Math.Round(clock.Elapsed.TotalMilliseconds, 1), hits,
            ResultPage.Freeze(facets ?? [])) { Relaxed = relaxed };
    }
}
