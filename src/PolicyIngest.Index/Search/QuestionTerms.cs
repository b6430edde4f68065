using PolicyIngest.Segmentation;

namespace PolicyIngest.Index.Search;

/// <summary>
/// An analyst's question typed without spaces (用人单位违法解除劳动合同要支付多少赔偿金) is one term to the query language,
/// so a clause must hold every word of it, and none does. When a query finds nothing, its long unquoted terms are cut
/// into their content words, each a group of its own, so the relaxed "most of the terms" search can rank the clauses
/// that hold most of them. Question and function words (多少, 是否, 吗, 的 …) are left out: every clause could match them.
/// </summary>
public static class QuestionTerms
{
    /// <summary>A term is cut when it is at least this long and has at least this many content words (不存在的词 is not a question).</summary>
    public const int MinimumLength = 8, MinimumWords = 3;

    public static readonly IReadOnlySet<string> QuestionWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "多少", "什么", "怎么", "怎样", "如何", "是否", "能否", "可否", "可以", "需要", "哪些", "哪个", "哪里", "几", "谁",
        "吗", "呢", "吧", "还", "还能", "要", "是", "有", "能", "会", "该", "请问",
    };

    /// <summary>The query with each long unquoted term that stands alone in its group cut into word groups; the query itself when none is.</summary>
    public static SearchQuery Split(SearchQuery query, ClauseAnalyzer analyzer)
    {
        var groups = new List<IReadOnlyList<QueryTerm>>();
        var changed = false;
        foreach (var group in query.Groups)
        {
            if (group.Count == 1 && !group[0].Phrase && group[0].Text.Length >= MinimumLength && ContentWords(group[0].Text, analyzer) is { Count: >= MinimumWords } words)
            {
                groups.AddRange(words.Select(w => (IReadOnlyList<QueryTerm>)[new QueryTerm(w, Phrase: false) { Word = true }]));
                changed = true;
            }
            else
            {
                groups.Add(group);
            }
        }
        return changed ? query with { Groups = groups } : query;
    }

    private static List<string> ContentWords(string text, ClauseAnalyzer analyzer) =>
        analyzer.Words(IndexText.Of(text), SegmentMode.Precise).Select(t => t.Text)
            .Where(w => !QuestionWords.Contains(w) && !FtsExpression.FunctionWords.Contains(w) && w.Any(char.IsLetterOrDigit))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
