using System.Text;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Index.Search;

/// <summary>Builds the FTS5 MATCH expression over clause_fts(words, grams) for a parsed query.</summary>
public sealed class FtsExpression(ClauseAnalyzer analyzer, SearchOptions options)
{
    /// <summary>The expression (every group ANDed), or null when no term has anything to match (only punctuation, or only exclusions).</summary>
    public string? Build(SearchQuery query) =>
        Positives(query) is { Count: > 0 } positives ? Excluding(string.Join(" AND ", positives), query) : null;

    /// <summary>Clauses with any of the groups, each named once: what relaxed matches are ranked under.</summary>
    public string? Any(SearchQuery query) =>
        Positives(query) is { Count: > 0 } positives ? Excluding(positives.Count == 1 ? positives[0] : "(" + string.Join(" OR ", positives) + ")", query) : null;

    /// <summary>Each ANDed group of the query on its own (with the query's exclusions), for counting how many a clause has.</summary>
    public IReadOnlyList<string> Groups(SearchQuery query) => Positives(query).Select(p => Excluding(p, query)).ToList();

    private List<string> Positives(SearchQuery query)
    {
        var positives = new List<string>();
        foreach (var group in query.Groups)
        {
            var alternatives = group.Select(Term).Where(e => e is not null).ToList();
            if (alternatives.Count == 0) continue;
            positives.Add(alternatives.Count == 1 ? alternatives[0]! : "(" + string.Join(" OR ", alternatives) + ")");
        }
        return positives;
    }

    private string Excluding(string core, SearchQuery query)
    {
        var sb = new StringBuilder(core);
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
        if (!term.Phrase && words.Count > 1 && words.Any(w => !FunctionWords.Contains(w))) words.RemoveAll(FunctionWords.Contains);
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

    /// <summary>
    /// Function characters dropped from the AND of a several-word term's words (认缴的出资额 → 认缴 AND 出资额). 的 is in
    /// more than half of all clauses, so its bm25 weight is nil and it narrows the AND by little, yet bm25 reads its
    /// whole posting list for every query that names it. The term's bigram phrase still requires the exact text.
    /// </summary>
    public static readonly IReadOnlySet<string> FunctionWords = new HashSet<string>(StringComparer.Ordinal) { "的", "之", "和", "与", "及", "或", "等", "了" };

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
