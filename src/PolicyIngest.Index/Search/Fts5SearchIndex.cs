using System.Diagnostics;
using System.Text.Json;
using PolicyIngest.Catalogue;

namespace PolicyIngest.Index.Search;

/// <summary>
/// Clause search over the catalogue's own full-text index (the FTS5 table clause_fts): match, filter, rank (bm25), facet,
/// then cut snippets for the page shown. It builds FTS5 expressions from the analysed query; the catalogue runs them
/// (<see cref="ClauseSearchStore"/>).
/// </summary>
public sealed class Fts5SearchIndex(CatalogueStore catalogue, ClauseAnalyzer analyzer, SearchOptions? options = null) : ISearchIndex
{
    public static readonly string[] FacetNames = ["region", "issuer", "category", "instrument", "industry", "status"];

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
    private (List<ClauseMatch> Matches, bool Relaxed) Matches(SearchQuery query, ClauseFilter filter)
    {
        var match = _expression.Build(query);
        if (match is null) return ([], false);
        var matches = ClauseSearchStore.Matches(catalogue, match, _options.WordsWeight, _options.GramsWeight, filter);
        var groups = _expression.Groups(query);
        if (matches.Count > 0 || !_options.RelaxWhenEmpty || groups.Count < 2) return (matches, false);
        matches = ClauseSearchStore.MostGroupsMatches(catalogue, groups, filter);
        if (matches.Count == 0) return (matches, false);
        var any = _expression.Any(query) ?? match;
        var ranks = ClauseSearchStore.RanksOfRows(catalogue, any, _options.WordsWeight, _options.GramsWeight,
            matches.Select(m => m.RowId).ToList());
        matches = matches.Select(m => m with { Rank = ranks.GetValueOrDefault(m.RowId) }).ToList();
        matches.Sort((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.RowId.CompareTo(b.RowId));
        return (matches, true);
    }

    public SearchResult Search(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var query = SearchQuery.Parse(request.Query);
        var facets = FacetNames.ToDictionary(n => n, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        var hits = new List<SearchHit>();
        // The matches and the details of the page shown come from one state of the catalogue.
        var (total, relaxed) = catalogue.ReadConsistently(() =>
        {
            var (matches, wasRelaxed) = Matches(query, request.Filter);
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
            var page = matches.Skip(Math.Max(0, request.Offset)).Take(Math.Max(0, request.Limit)).ToList();
            var ids = page.Select(m => m.RowId).ToList();
            var details = ClauseSearchStore.HitDetails(catalogue, ids, request.Filter.AsOf);
            var amounts = ClauseSearchStore.AmountsOfClauses(catalogue, ids);
            foreach (var m in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!details.TryGetValue(m.RowId, out var row)) continue;
                var hitAmounts = amounts.TryGetValue(m.RowId, out var list) ? list.Select(a => new HitAmount(a.Yuan, a.Role, a.Text)).ToList() : [];
                hits.Add(new SearchHit(row.PolicyId, row.VersionId, row.Title, row.DocNumber, row.Region, row.Status, row.ClauseId, row.Label,
                    JsonSerializer.Deserialize<string[]>(row.PathJson) ?? [], _highlighter.Snippet(SnippetSource(row.Heading, row.Text), query),
                    Math.Round(-m.Rank, 3), hitAmounts, row.Source, row.Issuer, row.IssuedOn, row.PartNo, row.Text));
            }
            return (matches.Count, wasRelaxed);
        });
        return new SearchResult(request.Query, total, Math.Round(clock.Elapsed.TotalMilliseconds, 1), hits, Freeze(facets)) { Relaxed = relaxed };
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
        if (!parsed.TryGetValue(json, out var list)) parsed[json] = list = JsonSerializer.Deserialize<string[]>(json) ?? [];
        return list;
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Freeze(Dictionary<string, Dictionary<string, int>> facets) =>
        facets.Where(f => f.Value.Count > 0).ToDictionary(
            f => f.Key,
            f => (IReadOnlyDictionary<string, int>)f.Value.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .ToDictionary(kv => kv.Key, kv => kv.Value));
}
