namespace PolicyIngest.Segmentation;

/// <summary>
/// jieba's cutter in C#: split the input into blocks, build each block's DAG from the prefix dictionary, take the
/// maximum-probability route right to left, and send runs of unknown single characters to the HMM. Optionally keeps
/// numbers with units, 发文字号 and article labels whole first (<see cref="KeepWholeRules"/>). Thread-safe and immutable.
/// </summary>
public sealed class JiebaSegmenter
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

    public IReadOnlyList<Token> Cut(string text, SegmentMode mode = SegmentMode.Precise, SegmenterOptions? options = null)
    {
        var output = new List<Token>(text.Length / 2 + 4);
        Cut(text, output, mode, options);
        return output;
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="output"/>, offsets into <paramref name="text"/>.</summary>
    public void Cut(string text, List<Token> output, SegmentMode mode = SegmentMode.Precise, SegmenterOptions? options = null)
    {
        options ??= SegmenterOptions.Default;
        var hmm = options.Hmm && _hmm is not null;
        if (mode == SegmentMode.Precise)
        {
            CutPrecise(text, output, hmm, options.KeepWhole);
            return;
        }
        var precise = new List<Token>(text.Length / 2 + 4);
        CutPrecise(text, precise, hmm, options.KeepWhole);
        foreach (var w in precise) AddSearchPieces(text, w, output);
    }

    /// <summary>jieba's tokenize(mode="search"): 2- and 3-character dictionary words inside longer words, then the word.</summary>
    private void AddSearchPieces(string text, Token w, List<Token> output)
    {
        var len = w.Length;
        if (len > 2)
        {
            for (var i = 0; i < len - 1; i++)
                if (_dictionary.IsWord(text.AsSpan(w.Start + i, 2))) output.Add(new Token(w.Text.Substring(i, 2), w.Start + i, w.Start + i + 2));
        }
        if (len > 3)
        {
            for (var i = 0; i < len - 2; i++)
                if (_dictionary.IsWord(text.AsSpan(w.Start + i, 3))) output.Add(new Token(w.Text.Substring(i, 3), w.Start + i, w.Start + i + 3));
        }
        output.Add(w);
    }

    private void CutPrecise(string text, List<Token> output, bool hmm, bool keepWhole)
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
            output.Add(new Token(text[span.Start..span.End], span.Start, span.End));
            at = span.End;
        }
        CutRange(text, at, text.Length, output, hmm);
    }

    /// <summary>jieba.cut over text[start..end): re_han_default blocks through the DAG, the rest one character (or \r\n) at a time.</summary>
    private void CutRange(string text, int start, int end, List<Token> output, bool hmm)
    {
        var i = start;
        while (i < end)
        {
            if (CharClasses.IsBlock(text[i]))
            {
                var j = i + 1;
                while (j < end && CharClasses.IsBlock(text[j])) j++;
                if (hmm) CutDag(text, i, j, output);
                else CutDagNoHmm(text, i, j, output);
                i = j;
                continue;
            }
            var width = 1;
            if (text[i] == '\r' && i + 1 < end && text[i + 1] == '\n') width = 2;
            else if (char.IsHighSurrogate(text[i]) && i + 1 < end && char.IsLowSurrogate(text[i + 1])) width = 2;
            output.Add(new Token(text.Substring(i, width), i, i + width));
            i += width;
        }
    }

    /// <summary>
    /// jieba's get_DAG + calc in one right-to-left pass: for each position the end of the most probable word,
    /// ties going to the longer word as Python's max over (prob, end) tuples does.
    /// </summary>
    private int[] Route(string text, int start, int end)
    {
        var n = end - start;
        var ends = new int[n];
        var score = new double[n + 1];
        var logTotal = _dictionary.LogTotal;
        for (var idx = n - 1; idx >= 0; idx--)
        {
            var best = double.NegativeInfinity;
            var bestEnd = -1;
            for (var i = idx; i < n; i++)
            {
                var f = _dictionary.Frequency(text.AsSpan(start + idx, i - idx + 1));
                if (f < 0) break;
                if (f == 0) continue;
                var p = Math.Log(f) - logTotal + score[i + 1];
                if (p >= best) { best = p; bestEnd = i; }
            }
            if (bestEnd < 0)
            {
                var f = _dictionary.Frequency(text.AsSpan(start + idx, 1));
                best = Math.Log(f > 0 ? f : 1) - logTotal + score[idx + 1];
                bestEnd = idx;
            }
            score[idx] = best;
            ends[idx] = bestEnd;
        }
        return ends;
    }

    private void CutDag(string text, int start, int end, List<Token> output)
    {
        var route = Route(text, start, end);
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
                output.Add(new Token(text.Substring(start + x, y - x), start + x, start + y));
            }
            x = y;
        }
        if (bufStart >= 0) FlushBuffer(text, start + bufStart, end, output);
    }

    /// <summary>A run of single characters: one token if single, the HMM's words if unknown, else character by character.</summary>
    private void FlushBuffer(string text, int start, int end, List<Token> output)
    {
        if (end - start == 1)
        {
            output.Add(new Token(text.Substring(start, 1), start, end));
        }
        else if (!_dictionary.IsWord(text.AsSpan(start, end - start)))
        {
            _hmm!.Cut(text, start, end, output);
        }
        else
        {
            for (var i = start; i < end; i++) output.Add(new Token(text.Substring(i, 1), i, i + 1));
        }
    }

    /// <summary>jieba's __cut_DAG_NO_HMM: the route, with runs of single ASCII letters/digits joined.</summary>
    private void CutDagNoHmm(string text, int start, int end, List<Token> output)
    {
        var route = Route(text, start, end);
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
                    output.Add(new Token(text.Substring(start + bufStart, x - bufStart), start + bufStart, start + x));
                    bufStart = -1;
                }
                output.Add(new Token(text.Substring(start + x, y - x), start + x, start + y));
            }
            x = y;
        }
        if (bufStart >= 0) output.Add(new Token(text.Substring(start + bufStart, n - bufStart), start + bufStart, end));
    }
}
