using System.Text;
using PolicyIngest.Index.Segmentation;

namespace PolicyIngest.Index.Search;

/// <summary>Builds the FTS5 MATCH expression over clause_fts(words, grams) for a parsed query.</summary>
public sealed class FtsExpression(ClauseAnalyzer analyzer, SearchOptions options)
{
    /// <summary>
    /// The expression, or null when no term has anything to match (only punctuation, or only exclusions).
    /// <paramref name="relaxed"/> joins the groups with OR instead of AND (bm25 then ranks clauses with more of them first).
    /// </summary>
    public string? Build(SearchQuery query, bool relaxed = false)
    {
        var positives = new List<string>();
        foreach (var group in query.Groups)
        {
            var alternatives = group.Select(Term).Where(e => e is not null).ToList();
            if (alternatives.Count == 0) continue;
            positives.Add(alternatives.Count == 1 ? alternatives[0]! : "(" + string.Join(" OR ", alternatives) + ")");
        }
        if (positives.Count == 0) return null;
        var sb = new StringBuilder(relaxed ? "(" + string.Join(" OR ", positives) + ")" : string.Join(" AND ", positives));
        foreach (var ex in query.Excluded)
        {
            if (Term(ex) is { } e) sb.Insert(0, '(').Append(") NOT ").Append(e);
        }
        return sb.ToString();
    }

    /// <summary>One term: its words in the words column and/or its bigram phrase in the grams column.</summary>
    public string? Term(QueryTerm term)
    {
        var text = IndexText.Of(term.Text);
        var words = analyzer.Words(text, SegmentMode.Precise).Select(t => t.Text).ToList();
        var grams = ClauseAnalyzer.Bigrams(text).Select(t => t.Text).ToList();
        string? w = words.Count == 0 ? null
            : term.Phrase || words.Count == 1 ? "words : " + Quote(string.Join(' ', words))
            : "words : (" + string.Join(" AND ", words.Select(Quote)) + ")";
        string? g = grams.Count == 0 ? null
            : grams.Count == 1 && grams[0].Length == 1 && IndexText.IsHan(grams[0][0]) ? "grams : " + Quote(grams[0]) + "*"
            : "grams : " + Quote(string.Join(' ', grams));
        return options.Analyzer switch
        {
            SearchAnalyzer.Words => w,
            SearchAnalyzer.Bigrams => g,
            _ when term.Phrase => g ?? w,
            _ => w is null ? g : g is null ? w : "(" + w + " OR " + g + ")",
        };
    }

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
