using PolicyIngest.Catalogue;

namespace PolicyIngest.Index.Search;

/// <summary>Clause search as the CLI and the web UI call it.</summary>
public interface ISearchIndex
{
    SearchResult Search(SearchRequest request, CancellationToken cancellationToken = default);
}

public sealed record SearchRequest
{
    public required string Query { get; init; }
    public required ClauseFilter Filter { get; init; }
    public int Limit { get; init; } = 20;

    /// <summary>Hits to skip before the page (facets and Total still count every match).</summary>
    public int Offset { get; init; }
}

/// <summary>A sum of money of the hit's clause, as the amount table holds it.</summary>
public sealed record HitAmount(decimal Yuan, string Role, string Text);

/// <summary>One matching clause; <see cref="Snippet"/> is cut from the original text with &lt;em&gt; around the terms.</summary>
public sealed record SearchHit(
    string DocId, string VersionId, string Title, string? DocNumber, string? Region, string Status,
    string ClauseId, string Label, IReadOnlyList<string> Path, string Snippet, double Score,
    IReadOnlyList<HitAmount> Amounts, string Source, string? Issuer, string? IssuedOn, int PartNo, string Text)
{
    /// <summary>
    /// The clause has every term of the query but one: fewer clauses than the page holds have them all, so the page is
    /// filled with these after them (not counted in <see cref="SearchResult.Total"/> or the facets).
    /// </summary>
    public bool Partial { get; init; }
}

public sealed record SearchResult(
    string Query, int Total, double TookMs, IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets)
{
    /// <summary>No clause had every term: these clauses have some of them, most first.</summary>
    public bool Relaxed { get; init; }
}
