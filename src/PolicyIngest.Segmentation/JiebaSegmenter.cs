namespace PolicyIngest.Segmentation;

/// <summary>
/// jieba's cutter in C#: split the input into blocks, build each block's DAG from the prefix dictionary, take the
/// maximum-probability route right to left, and send runs of unknown single characters to the HMM. Optionally keeps
/// numbers with units, 发文字号 and article labels whole first (<see cref="KeepWholeRules"/>). Thread-safe and immutable.
/// </summary>
public sealed class JiebaSegmenter : ISegmenter
{
    private readonly JiebaDictionary _dictionary;
    private readonly HmmModel? _hmm;
    private readonly KeepWholeRules? _rules;

    public JiebaSegmenter(JiebaDictionary dictionary, HmmModel? hmm, KeepWholeRules? rules)
    {
        _dictionary = dictionary;
        _hmm = hmm;
        _rules = rules;
    }

    public JiebaDictionary Dictionary => _dictionary;

    IReadOnlyList<Token> ISegmenter.Cut(string text, SegmentMode mode) => Cut(text, mode);

    void ISegmenter.CutSpans(ReadOnlySpan<char> text, List<TokenSpan> output) => CutSpans(text, output, hmm: true);

    bool ISegmenter.AlwaysCutsAt(ReadOnlySpan<char> text, int at) => AlwaysCutsAt(text, at);

    public IReadOnlyList<Token> Cut(string text, SegmentMode mode = SegmentMode.Precise, SegmenterOptions? options = null)
    {
        var output = new List<Token>(text.Length / 2 + 4);
        Cut(text, output, mode, options);
        return output;
    }

    [ThreadStatic] private static List<TokenSpan>? t_spans;

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="output"/>, offsets into <paramref name="text"/>.</summary>
    public void Cut(string text, List<Token> output, SegmentMode mode = SegmentMode.Precise, SegmenterOptions? options = null)
    {
        var spans = t_spans ??= new List<TokenSpan>(256);
        spans.Clear();
        CutSpans(text, spans, mode, options);
        foreach (var s in spans) output.Add(new Token(text.Substring(s.Start, s.Length), s.Start, s.End));
    }

    /// <summary>
    /// The same cut as <see cref="Cut(string, List{Token}, SegmentMode, SegmenterOptions?)"/>, as spans only: no string
    /// per word and, once <paramref name="output"/> has grown, no allocation at all with keep-whole off.
    /// </summary>
    public void CutSpans(string text, List<TokenSpan> output, SegmentMode mode = SegmentMode.Precise, SegmenterOptions? options = null)
    {
        options ??= SegmenterOptions.Default;
        var hmm = options.Hmm && _hmm is not null;
        if (mode == SegmentMode.Precise)
        {
            CutPrecise(text, output, hmm, options.KeepWhole);
            return;
        }
        var first = output.Count;
        CutPrecise(text, output, hmm, options.KeepWhole);
        var last = output.Count;
        for (var k = first; k < last; k++) AddSearchPieces(text, output[k], output);
        output.RemoveRange(first, last - first);
    }

    /// <summary>jieba's tokenize(mode="search"): 2- and 3-character dictionary words inside longer words, then the word.</summary>
    private void AddSearchPieces(string text, TokenSpan w, List<TokenSpan> output)
    {
        var len = w.Length;
        if (len > 2)
        {
            for (var i = 0; i < len - 1; i++)
                if (_dictionary.IsWord(text.AsSpan(w.Start + i, 2))) output.Add(new TokenSpan(w.Start + i, w.Start + i + 2));
        }
        if (len > 3)
        {
            for (var i = 0; i < len - 2; i++)
                if (_dictionary.IsWord(text.AsSpan(w.Start + i, 3))) output.Add(new TokenSpan(w.Start + i, w.Start + i + 3));
        }
        output.Add(w);
    }

    private void CutPrecise(string text, List<TokenSpan> output, bool hmm, bool keepWhole)
    {
        if (!keepWhole || _rules is null)
        {
            CutRange(text, 0, text.Length, output, hmm);
            return;
        }
        var at = 0;
        foreach (var span in _rules.Find(text, _dictionary.PunctuatedWords))
        {
            CutRange(text, at, span.Start, output, hmm);
            output.Add(new TokenSpan(span.Start, span.End));
            at = span.End;
        }
        CutRange(text, at, text.Length, output, hmm);
    }

    /// <summary>
    /// jieba's <c>cut(text, HMM=hmm)</c> of a span, as spans into it: what the classifier's word features read (of a
    /// folded copy of the clause, so no string exists to cut). No allocation once <paramref name="output"/> has grown.
    /// </summary>
    public void CutSpans(ReadOnlySpan<char> text, List<TokenSpan> output, bool hmm = true) =>
        CutRange(text, 0, text.Length, output, hmm && _hmm is not null);

    /// <summary>
    /// Whether every cut of <paramref name="text"/> has a token boundary at <paramref name="at"/>, whatever the
    /// dictionary: at either end, or next to a character outside jieba's blocks (punctuation such as 。；;), which
    /// is always a token of its own. Then the cut of text[..at] and text[at..] alone is the cut of the whole there.
    /// </summary>
    public static bool AlwaysCutsAt(ReadOnlySpan<char> text, int at)
    {
        if (at <= 0 || at >= text.Length) return at == 0 || at == text.Length;
        if (char.IsLowSurrogate(text[at]) || (text[at - 1] == '\r' && text[at] == '\n')) return false; // one token of two chars
        return !CharClasses.IsBlock(text[at - 1]) || !CharClasses.IsBlock(text[at]);
    }

    /// <summary>jieba.cut over text[start..end): re_han_default blocks through the DAG, the rest one character (or \r\n) at a time.</summary>
    private void CutRange(ReadOnlySpan<char> text, int start, int end, List<TokenSpan> output, bool hmm)
    {
        var i = start;
        while (i < end)
        {
            if (CharClasses.IsBlock(text[i]))
            {
                var j = i + 1;
                while (j < end && CharClasses.IsBlock(text[j])) j++;
                CutBlock(text, i, j, output, hmm);
                i = j;
                continue;
            }
            var width = 1;
            if (text[i] == '\r' && i + 1 < end && text[i + 1] == '\n') width = 2;
            else if (char.IsHighSurrogate(text[i]) && i + 1 < end && char.IsLowSurrogate(text[i + 1])) width = 2;
            output.Add(new TokenSpan(i, i + width));
            i += width;
        }
    }

    private const int StackRoute = 256;

    private void CutBlock(ReadOnlySpan<char> text, int start, int end, List<TokenSpan> output, bool hmm)
    {
        var n = end - start;
        int[]? rented = null;
        var route = n <= StackRoute ? stackalloc int[n] : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(n));
        Route(text.Slice(start, n), route);
        if (hmm) CutDag(text, start, end, route, output);
        else CutDagNoHmm(text, start, end, route, output);
        if (rented is not null) System.Buffers.ArrayPool<int>.Shared.Return(rented);
    }

    /// <summary>
    /// jieba's get_DAG + calc in one right-to-left pass: for each position the end of the most probable word,
    /// ties going to the longer word as Python's max over (prob, end) tuples does. A word's probability is
    /// ln(freq) − ln(total); a position no word starts at counts as a word of frequency 1.
    /// </summary>
    private void Route(ReadOnlySpan<char> block, Span<int> ends)
    {
        var n = block.Length;
        double[]? rented = null;
        var score = n < StackRoute ? stackalloc double[n + 1] : (rented = System.Buffers.ArrayPool<double>.Shared.Rent(n + 1));
        var trie = _dictionary.Trie;
        var logTotal = _dictionary.LogTotal;
        score[n] = 0;
        for (var idx = n - 1; idx >= 0; idx--)
        {
            var best = double.NegativeInfinity;
            var bestEnd = -1;
            var node = trie.RootChild(block[idx]);
            for (var i = idx; node >= 0;)
            {
                var logFrequency = trie.LogFrequency(node);
                if (!double.IsNegativeInfinity(logFrequency)) // else a prefix, not a word
                {
                    var p = logFrequency - logTotal + score[i + 1];
                    if (p >= best) { best = p; bestEnd = i; }
                }
                if (++i == n) break;
                node = trie.ChildBelowRoot(node, block[i]);
            }
            if (bestEnd < 0)
            {
                best = -logTotal + score[idx + 1];
                bestEnd = idx;
            }
            score[idx] = best;
            ends[idx] = bestEnd;
        }
        if (rented is not null) System.Buffers.ArrayPool<double>.Shared.Return(rented);
    }

    private void CutDag(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<int> route, List<TokenSpan> output)
    {
        var n = end - start;
        var x = 0;
        var bufStart = -1;
        while (x < n)
        {
            var y = route[x] + 1;
            if (y - x == 1)
            {
                if (bufStart < 0) bufStart = x;
            }
            else
            {
                if (bufStart >= 0)
                {
                    FlushBuffer(text, start + bufStart, start + x, output);
                    bufStart = -1;
                }
                output.Add(new TokenSpan(start + x, start + y));
            }
            x = y;
        }
        if (bufStart >= 0) FlushBuffer(text, start + bufStart, end, output);
    }

    /// <summary>A run of single characters: one token if single, the HMM's words if unknown, else character by character.</summary>
    private void FlushBuffer(ReadOnlySpan<char> text, int start, int end, List<TokenSpan> output)
    {
        if (end - start == 1)
        {
            output.Add(new TokenSpan(start, end));
        }
        else if (!_dictionary.IsWord(text[start..end]))
        {
            _hmm!.Cut(text, start, end, output);
        }
        else
        {
            for (var i = start; i < end; i++) output.Add(new TokenSpan(i, i + 1));
        }
    }

    /// <summary>jieba's __cut_DAG_NO_HMM: the route, with runs of single ASCII letters/digits joined.</summary>
    private static void CutDagNoHmm(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<int> route, List<TokenSpan> output)
    {
        var n = end - start;
        var x = 0;
        var bufStart = -1;
        while (x < n)
        {
            var y = route[x] + 1;
            if (y - x == 1 && char.IsAsciiLetterOrDigit(text[start + x]))
            {
                if (bufStart < 0) bufStart = x;
            }
            else
            {
                if (bufStart >= 0)
                {
                    output.Add(new TokenSpan(start + bufStart, start + x));
                    bufStart = -1;
                }
                output.Add(new TokenSpan(start + x, start + y));
            }
            x = y;
        }
        if (bufStart >= 0) output.Add(new TokenSpan(start + bufStart, end));
    }
}
