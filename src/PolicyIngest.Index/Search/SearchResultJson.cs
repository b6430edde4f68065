namespace PolicyIngest.Index.Search;

/// <summary>
/// The `search --json` document of ../shared/spec/cli.md (plus source, issuer, issuedOn per hit): one definition
/// for the CLI and the web API's <c>/api/search</c>.
/// </summary>
public static class SearchResultJson
{
    public static object ToJson(SearchResult r) => new
    {
        query = r.Query,
        total = r.Total,
        tookMs = r.TookMs,
        relaxed = r.Relaxed,
        hits = r.Hits.Select(h => new
        {
            docId = h.DocId,
            versionId = h.VersionId,
            title = h.Title,
            docNumber = h.DocNumber,
            region = h.Region,
            status = h.Status,
            clauseId = h.ClauseId,
            label = h.Label,
            path = h.Path,
            snippet = h.Snippet,
            score = h.Score,
            amounts = h.Amounts.Select(a => new { yuan = a.Yuan, role = a.Role, text = a.Text }),
            source = h.Source,
            issuer = h.Issuer,
            issuedOn = h.IssuedOn,
            partial = h.Partial,
        }),
        facets = r.Facets,
    };
}
