using PolicyIngest.Index.Search;

namespace PolicyIngest.Evaluation.Search;

/// <summary>
/// The baseline `evaluate search` compares against: FTS5's own trigram tokenizer over the original text, each
/// query term a substring. Terms under three characters match nothing there — the reason the index uses words and bigrams.
/// </summary>
public static class TrigramBaseline
{
    public static string? Expression(SearchQuery query)
    {
        var groups = query.Groups
            .Select(g => g.Select(t => Quote(t.Text)).ToList())
            .Where(g => g.Count > 0)
            .Select(g => g.Count == 1 ? g[0] : "(" + string.Join(" OR ", g) + ")")
            .ToList();
        if (groups.Count == 0) return null;
        var expression = string.Join(" AND ", groups);
        foreach (var ex in query.Excluded) expression = "(" + expression + ") NOT " + Quote(ex.Text);
        return expression;
    }

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
