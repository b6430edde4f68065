using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using PolicyIngest.Index.Search;
using Highlighter = PolicyIngest.Index.Search.Highlighter;

namespace PolicyIngest.Search;

/// <summary>
/// Snippets cut by Lucene.Net.Highlighter from the Lucene query that matched (the strict one, or the relaxed level that
/// answered): a bigram phrase is marked only where its bigrams stand in a row (专精特新, not a stray 特新) and the snippet is
/// the best-scoring window of the clause rather than its first mention. The tokens are the index's bigrams of the
/// <see cref="IndexText"/>, and each query word longer than a bigram where it stands, with their offsets mapped back to the
/// original text, so a word broken by a PDF line break or written 首台（套） is marked where it is printed.
/// </summary>
/// <remarks>
/// Only the tokens that match the query are handed over: single terms and prefixes wherever they stand, a phrase's bigrams
/// only where the whole phrase stands in a row (found here, on the bigram list, not by the highlighter). Every other printed
/// character is a one-character filler that matches nothing: the highlighter groups overlapping tokens into one mark, and
/// with every bigram present a whole run of Han characters would be one group, marked from its first to its last matching
/// term. Because the phrases are already checked, the highlighter scores with <see cref="QueryTermScorer"/> (a lookup per
/// token): its <see cref="QueryScorer"/> built an in-memory index of every clause to run the phrases as span queries, about
/// 5 ms of each 20-hit page at a million clauses. When nothing in the text matches (a clause found by its policy's title)
/// the word-finding <see cref="Highlighter"/> cuts the snippet.
/// </remarks>
public sealed class LuceneSnippets : IClauseSnippets
{
    private readonly IClauseSnippets _fallback;
    private readonly HashSet<string> _terms = new(StringComparer.Ordinal);
    private readonly List<string[]> _phrases = [];
    private readonly List<string> _phraseTexts = [];
    private readonly List<string> _prefixes = [];
    private readonly List<string> _words = [];

    public LuceneSnippets(Query query, IClauseSnippets fallback)
    {
        _fallback = fallback;
        Collect(query);
    }

    public string Snippet(string original, SearchQuery query)
    {
        var tokens = Tokens(original);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in tokens)
            if (t.Position >= 0) terms.Add(t.Text);
        var matched = terms.Select(t => new WeightedTerm(1f, t)).ToArray();
        if (matched.Length == 0) return _fallback.Snippet(original, query);
        var highlighter = new Lucene.Net.Search.Highlight.Highlighter(new SimpleHTMLFormatter("<em>", "</em>"), new HtmlEscaper(), new QueryTermScorer(matched))
        {
            TextFragmenter = new SimpleFragmenter(Highlighter.SnippetLength),
        };
        TextFragment[] fragments;
        try { fragments = highlighter.GetBestTextFragments(new SnippetTokenStream(tokens), original, false, 1); }
        catch (InvalidTokenOffsetsException) { return _fallback.Snippet(original, query); }
        if (fragments.FirstOrDefault(f => f is { Score: > 0 }) is not { } best) return _fallback.Snippet(original, query);
        var marked = best.ToString();
        var plain = Plain(marked);
        var at = original.IndexOf(plain, StringComparison.Ordinal);
        var shown = marked.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ').Trim();
        return (at > 0 ? "…" : "") + shown + (at >= 0 && at + plain.Length < original.Length ? "…" : "");
    }

    /// <summary>A snippet token: the term, its original offsets, its position among the bigrams (-1 for a filler).</summary>
    internal readonly record struct SnippetToken(string Text, int Start, int End, int Position);

    /// <summary>The query's matches in the text at their positions, and a filler for every other printed character.</summary>
    /// <remarks>
    /// Only the bigrams are computed: a query word longer than one bigram (a jieba word such as 专精特新, a kept-whole amount
    /// such as 50万元 or 5家) is looked for where it is printed in the index text. Measured at a million clauses: cutting each
    /// hit's text into jieba words (and placing each word among the bigrams) was most of a snippet's cost.
    /// </remarks>
    internal List<SnippetToken> Tokens(string original)
    {
        var text = IndexText.Of(original);
        var grams = ClauseAnalyzer.Bigrams(text);
        var (inPhrase, occurrences) = PhraseOccurrences(grams);
        // About one token per printed character (a term or a filler): reserved up front rather than grown through copies of a long clause.
        var tokens = new List<SnippetToken>(original.Length + 16);
        var covered = new bool[original.Length];
        for (var k = 0; k < grams.Count; k++)
        {
            if (!inPhrase[k] && !IsQueryTerm(grams[k].Text)) continue;
            var token = Mapped(original, text, grams[k], k);
            tokens.Add(token);
            Array.Fill(covered, true, token.Start, token.End - token.Start);
        }
        foreach (var word in _words)
        {
            for (var at = text.Text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.Text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var start = text.OriginalStart(at);
                var token = new SnippetToken(word, start, Highlighter.BalancedEnd(original, start, text.OriginalEnd(at + word.Length)), FirstGramAtOrAfter(grams, at));
                tokens.Add(token);
                Array.Fill(covered, true, token.Start, token.End - token.Start);
            }
        }
        // A whole occurrence as one token as well: the highlighter marks overlapping tokens as one, and the bigrams of 500万元
        // (500, 万元) do not overlap.
        foreach (var (first, count, phraseText) in occurrences)
        {
            var start = text.OriginalStart(grams[first].Start);
            tokens.Add(new SnippetToken(phraseText, start, Highlighter.BalancedEnd(original, start, text.OriginalEnd(grams[first + count - 1].End)), first));
        }
        for (var i = 0; i < original.Length; i++)
            if (!covered[i] && !char.IsWhiteSpace(original[i])) tokens.Add(new SnippetToken(Filler, i, i + 1, -1));
        tokens.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return tokens;
    }

    /// <summary>The position of the first bigram starting at or after <paramref name="at"/> (the bigrams' starts ascend).</summary>
    private static int FirstGramAtOrAfter(List<PolicyIngest.Index.Search.Term> grams, int at)
    {
        int lo = 0, hi = grams.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (grams[mid].Start < at) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>A filler's term: no query term can equal it (the highlighter takes the text shown from the offsets).</summary>
    private const string Filler = "\u0001";

    /// <summary>
    /// Which bigrams belong to an occurrence of one of the query's phrases (all its bigrams at consecutive positions), and
    /// each occurrence: first bigram, number of bigrams, the phrase's text.
    /// </summary>
    private (bool[] InPhrase, List<(int First, int Count, string Text)> Occurrences) PhraseOccurrences(List<PolicyIngest.Index.Search.Term> grams)
    {
        var inPhrase = new bool[grams.Count];
        var occurrences = new List<(int, int, string)>();
        for (var p = 0; p < _phrases.Count; p++)
        {
            var phrase = _phrases[p];
            for (var k = 0; k + phrase.Length <= grams.Count; k++)
            {
                var i = 0;
                while (i < phrase.Length && string.Equals(grams[k + i].Text, phrase[i], StringComparison.Ordinal)) i++;
                if (i < phrase.Length) continue;
                Array.Fill(inPhrase, true, k, phrase.Length);
                occurrences.Add((k, phrase.Length, _phraseTexts[p]));
            }
        }
        return (inPhrase, occurrences);
    }

    private static SnippetToken Mapped(string original, IndexText text, PolicyIngest.Index.Search.Term term, int position)
    {
        var start = text.OriginalStart(term.Start);
        return new SnippetToken(term.Text, start, Highlighter.BalancedEnd(original, start, text.OriginalEnd(term.End)), position);
    }

    private bool IsQueryTerm(string term) => _terms.Contains(term) || _prefixes.Exists(p => term.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The terms, phrases and prefixes a match can rest on: every clause but the excluded ones, any field.</summary>
    private void Collect(Query query)
    {
        switch (query)
        {
            case BooleanQuery b:
                foreach (var clause in b.Clauses) if (clause.Occur != Occur.MUST_NOT) Collect(clause.Query);
                break;
            case TermQuery t:
                _terms.Add(t.Term.Text);
                // A word longer than a bigram (专精特新, 5家, 〔2020〕1号) is found where it is printed, not among the bigrams.
                if (ClauseAnalyzer.Bigrams(IndexText.Of(t.Term.Text)).Count > 1 && !_words.Contains(t.Term.Text)) _words.Add(t.Term.Text);
                break;
            case PhraseQuery p: AddPhrase(p.GetTerms().Select(t => t.Text).ToArray()); break;
            case PrefixQuery p: _prefixes.Add(p.Prefix.Text); break;
            case HeadJoinQuery h: Collect(h.Head); break;
        }
    }

    /// <summary>A phrase once, however many fields asked for it.</summary>
    private void AddPhrase(string[] bigrams)
    {
        var text = "\u0002" + string.Join('\u0002', bigrams);
        if (_phraseTexts.Contains(text)) return;
        _phrases.Add(bigrams);
        _phraseTexts.Add(text);
    }

    /// <summary>The fragment's text without the marks, as in the original (to tell whether it starts or ends the clause).</summary>
    private static string Plain(string marked) => marked.Replace("<em>", "", StringComparison.Ordinal).Replace("</em>", "", StringComparison.Ordinal)
        .Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>&lt; &gt; &amp; escaped and nothing else (Lucene's SimpleHTMLEncoder writes every Han character as a numeric entity).</summary>
    private sealed class HtmlEscaper : IEncoder
    {
        public string EncodeText(string originalText)
        {
            var sb = new StringBuilder(originalText.Length + 8);
            foreach (var c in originalText)
                sb.Append(c switch { '<' => "&lt;", '>' => "&gt;", '&' => "&amp;", _ => c.ToString() });
            return sb.ToString();
        }
    }

    /// <summary>The snippet tokens as a Lucene token stream: bigram positions kept (phrases), fillers stacked on the last one.</summary>
    private sealed class SnippetTokenStream : TokenStream
    {
        private readonly List<SnippetToken> _tokens;
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private readonly IPositionIncrementAttribute _increment;
        private int _next;
        private int _position;

        public SnippetTokenStream(List<SnippetToken> tokens)
        {
            _tokens = tokens;
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            if (_next >= _tokens.Count) return false;
            var t = _tokens[_next++];
            var increment = t.Position < 0 ? 0 : Math.Max(0, t.Position - _position);
            if (_next == 1) increment = Math.Max(1, increment);
            _position = Math.Max(_position, t.Position);
            _term.SetEmpty().Append(t.Text);
            _offset.SetOffset(t.Start, t.End);
            _increment.PositionIncrement = increment;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
            _position = 0;
        }
    }
}
