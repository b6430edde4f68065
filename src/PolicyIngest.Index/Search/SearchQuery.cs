namespace PolicyIngest.Index.Search;

/// <summary>One query term as typed: a word (or unspaced run of words) or a "quoted phrase".</summary>
public sealed record QueryTerm(string Text, bool Phrase)
{
    /// <summary>
    /// A word the segmenter cut from a question (<see cref="QuestionTerms"/>), not typed: a lone character such as 不 is
    /// then that word, not the start of every word beginning with it.
    /// </summary>
    public bool Word { get; init; }
}

/// <summary>
/// The query language: terms are ANDed; <c>OR</c> (or <c>|</c>) between terms makes a group; <c>"…"</c> is an exact
/// phrase; a leading <c>-</c> excludes. <c>贷款贴息 "专精特新" 北京 OR 天津 -废止</c>.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<IReadOnlyList<QueryTerm>> Groups, IReadOnlyList<QueryTerm> Excluded)
{
    public bool IsEmpty => Groups.Count == 0;

    /// <summary>Every term that must or may match (not the excluded ones): what snippets highlight.</summary>
    public IEnumerable<QueryTerm> PositiveTerms => Groups.SelectMany(g => g);

    public static SearchQuery Parse(string input)
    {
        var groups = new List<List<QueryTerm>>();
        var excluded = new List<QueryTerm>();
        var joinNext = false;
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var negate = false;
            if (c is '-' or '－' && i + 1 < input.Length && !char.IsWhiteSpace(input[i + 1]))
            {
                negate = true;
                i++;
                c = input[i];
            }
            QueryTerm term;
            if (c is '"' or '“' or '”')
            {
                var end = input.IndexOfAny(['"', '“', '”'], i + 1);
                if (end < 0) end = input.Length;
                term = new QueryTerm(input[(i + 1)..end].Trim(), Phrase: true);
                i = Math.Min(input.Length, end + 1);
            }
            else
            {
                var end = i;
                while (end < input.Length && !char.IsWhiteSpace(input[end]) && input[end] is not '"' and not '“' and not '”') end++;
                var word = input[i..end];
                i = end;
                if (!negate && (word == "OR" || word == "|"))
                {
                    joinNext = groups.Count > 0;
                    continue;
                }
                term = new QueryTerm(word, Phrase: false);
            }
            if (term.Text.Length == 0) continue;
            if (negate) { excluded.Add(term); continue; }
            if (joinNext) groups[^1].Add(term);
            else groups.Add([term]);
            joinNext = false;
        }
        return new SearchQuery(groups, excluded);
    }
}
