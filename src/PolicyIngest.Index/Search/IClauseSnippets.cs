namespace PolicyIngest.Index.Search;

/// <summary>
/// Cuts the snippet shown for a hit from a clause's ORIGINAL text (PDF line breaks and 首台（套） as printed), HTML-escaped,
/// with what matched in &lt;em&gt;. Each engine brings its own: FTS5 finds the query's words (<see cref="Highlighter"/>),
/// Lucene asks its highlighter what the query that matched marks.
/// </summary>
public interface IClauseSnippets
{
    string Snippet(string original, SearchQuery query);
}
