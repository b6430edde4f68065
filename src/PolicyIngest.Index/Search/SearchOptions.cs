namespace PolicyIngest.Index.Search;

/// <summary>Which columns of clause_fts a query term is matched against.</summary>
public enum SearchAnalyzer
{
    /// <summary>jieba words only: a term's words ANDed (a phrase's words adjacent).</summary>
    Words,

    /// <summary>CJK bigrams only: every term is a substring match (bigram phrase).</summary>
    Bigrams,

    /// <summary>Either: words or bigram phrase, scored with both columns' weights.</summary>
    WordsAndBigrams,
}

/// <summary>How queries are matched and ranked (bm25 column weights). The default is the best measured by <c>evaluate search</c>.</summary>
public sealed record SearchOptions(SearchAnalyzer Analyzer, double WordsWeight, double GramsWeight)
{
    /// <summary>When no clause has every term of a several-term query, return clauses with all but one, all but two, … (flagged Relaxed).</summary>
    public bool RelaxWhenEmpty { get; init; } = true;

    public static SearchOptions Default { get; } = new(SearchAnalyzer.WordsAndBigrams, 1.0, 2.0);

    public string Name => Analyzer switch
    {
        SearchAnalyzer.Words => "words",
        SearchAnalyzer.Bigrams => "bigrams",
        _ => $"words+bigrams {WordsWeight:0.#}:{GramsWeight:0.#}",
    } + (RelaxWhenEmpty ? "" : ", strict AND");
}
