using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using PolicyIngest.Index.Search;

namespace PolicyIngest.Search;

/// <summary>
/// Terms already cut by the project's analysis (<see cref="ClauseAnalyzer"/>: jieba words with the keep-whole rules, CJK
/// bigrams) handed to Lucene as a token stream, one position each, so the Lucene fields hold exactly the terms the FTS5
/// columns hold. Offsets are not indexed (jieba's search mode emits pieces before the longer word that contains them).
/// One stream serves document after document on one indexing thread (<see cref="ClauseDocumentFields"/>): <see cref="SetTerms"/>
/// before each.
/// </summary>
internal sealed class TermListTokenStream : TokenStream
{
    private IReadOnlyList<PolicyIngest.Index.Search.Term> _terms = [];
    private readonly ICharTermAttribute _term;
    private int _next;

    public TermListTokenStream() => _term = AddAttribute<ICharTermAttribute>();

    public void SetTerms(IReadOnlyList<PolicyIngest.Index.Search.Term> terms)
    {
        _terms = terms;
        _next = 0;
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        if (_next >= _terms.Count) return false;
        _term.SetEmpty().Append(_terms[_next++].Text);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
