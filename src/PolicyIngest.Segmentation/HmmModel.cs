namespace PolicyIngest.Segmentation;

/// <summary>
/// jieba's finalseg: an HMM over the states B (begin), M (middle), E (end), S (single) that cuts runs of
/// characters the dictionary does not know. Tables are read from models/jieba/hmm.tsv, a copy of python3-jieba's
/// prob_start/prob_trans/prob_emit.py.
/// Immutable once built. The Viterbi below reproduces finalseg.viterbi exactly, ties included.
/// </summary>
public sealed class HmmModel
{
    /// <summary>finalseg's MIN_FLOAT: the log-probability of an emission the tables do not list.</summary>
    internal const double MinFloat = -3.14e100;

    private const int B = 0, M = 1, E = 2, S = 3;
    private static readonly char[] StateLetters = ['B', 'M', 'E', 'S'];

    // finalseg.PrevStatus, in its order: B←ES, M←MB, E←BM, S←SE.
    private static readonly int[][] Previous = [[E, S], [M, B], [B, M], [S, E]];

    private readonly double[] _start = new double[4];
    private readonly double[,] _trans = new double[4, 4];
    private readonly double[][] _emit = new double[4][];

    private HmmModel() { }

    /// <summary>
    /// Reads <c>models/jieba/hmm.tsv</c> (written by <c>scripts/jieba-models.py</c> from finalseg's prob_start, prob_trans
    /// and prob_emit): <c>start state logp</c>, <c>trans from to logp</c> and <c>emit state character logp</c> rows,
    /// tab-separated, <c>#</c> lines comments. A transition or emission the file does not list is <see cref="MinFloat"/>,
    /// as in finalseg; every state needs a start row.
    /// </summary>
    public static HmmModel Load(string path)
    {
        var model = new HmmModel();
        Array.Fill(model._start, double.NaN);
        for (var y = 0; y < 4; y++)
        {
            for (var z = 0; z < 4; z++) model._trans[y, z] = MinFloat;
            model._emit[y] = new double[char.MaxValue + 1];
            Array.Fill(model._emit[y], MinFloat);
        }
        var lineNo = 0;
        foreach (var line in File.ReadLines(path, System.Text.Encoding.UTF8))
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.TrimEnd('\r').Split('\t');
            switch (f[0])
            {
                case "start" when f.Length == 3:
                    model._start[State(f[1])] = Probability(f[2]);
                    break;
                case "trans" when f.Length == 4:
                    model._trans[State(f[1]), State(f[2])] = Probability(f[3]);
                    break;
                case "emit" when f.Length == 4 && f[2].Length == 1:
                    model._emit[State(f[1])][f[2][0]] = Probability(f[3]);
                    break;
                default:
                    throw Invalid("expected start/trans/emit with 3/4/4 tab-separated fields (one character in emit)");
            }
        }
        for (var y = 0; y < 4; y++)
            if (double.IsNaN(model._start[y])) throw new FormatException($"{path}: no start row for state {StateLetters[y]}");
        return model;

        int State(string letter) =>
            letter.Length == 1 && Array.IndexOf(StateLetters, letter[0]) is var s and >= 0 ? s : throw Invalid($"unknown state '{letter}'");

        double Probability(string text) =>
            double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var p)
                ? p : throw Invalid($"'{text}' is not a number");

        FormatException Invalid(string what) => new($"{path} line {lineNo}: {what}");
    }

    /// <summary>The log-probability finalseg starts in <paramref name="state"/> (B, M, E or S) with.</summary>
    internal double StartLogProbability(char state) => _start[Array.IndexOf(StateLetters, state)];

    /// <summary>The log-probability of going from state <paramref name="from"/> to <paramref name="to"/>; <see cref="MinFloat"/> when not listed.</summary>
    internal double TransitionLogProbability(char from, char to) => _trans[Array.IndexOf(StateLetters, from), Array.IndexOf(StateLetters, to)];

    /// <summary>The log-probability of <paramref name="state"/> emitting <paramref name="c"/>; <see cref="MinFloat"/> when not listed.</summary>
    internal double EmissionLogProbability(char state, char c) => _emit[Array.IndexOf(StateLetters, state)][c];

    /// <summary>finalseg.cut over text[start..end): Han runs through Viterbi, the rest split as finalseg's re_skip does.</summary>
    internal void Cut(ReadOnlySpan<char> text, int start, int end, List<TokenSpan> output)
    {
        var i = start;
        while (i < end)
        {
            var j = i;
            if (CharClasses.IsHan(text[i]))
            {
                while (j < end && CharClasses.IsHan(text[j])) j++;
                Viterbi(text, i, j, output);
            }
            else
            {
                while (j < end && !CharClasses.IsHan(text[j])) j++;
                SplitSkip(text, i, j, output);
            }
            i = j;
        }
    }

    /// <summary>finalseg's re_skip <c>([a-zA-Z0-9]+(?:\.\d+)?%?)</c> split: matches and the pieces between them, each one token.</summary>
    private static void SplitSkip(ReadOnlySpan<char> text, int start, int end, List<TokenSpan> output)
    {
        var pending = start;
        var p = start;
        while (p < end)
        {
            if (!char.IsAsciiLetterOrDigit(text[p])) { p++; continue; }
            var q = p;
            while (q < end && char.IsAsciiLetterOrDigit(text[q])) q++;
            if (q + 1 < end && text[q] == '.' && char.IsAsciiDigit(text[q + 1]))
            {
                q += 2;
                while (q < end && char.IsAsciiDigit(text[q])) q++;
            }
            if (q < end && text[q] == '%') q++;
            if (p > pending) output.Add(new TokenSpan(pending, p));
            output.Add(new TokenSpan(p, q));
            pending = p = q;
        }
        if (end > pending) output.Add(new TokenSpan(pending, end));
    }

    private const int StackStates = 128;

    private void Viterbi(ReadOnlySpan<char> text, int start, int end, List<TokenSpan> output)
    {
        var n = end - start;
        double[]? rentedV = null;
        byte[]? rentedBack = null;
        var v = n <= StackStates ? stackalloc double[n * 4] : (rentedV = System.Buffers.ArrayPool<double>.Shared.Rent(n * 4));
        var back = n <= StackStates ? stackalloc byte[n * 5] : (rentedBack = System.Buffers.ArrayPool<byte>.Shared.Rent(n * 5));
        var c0 = text[start];
        for (var y = 0; y < 4; y++) v[y] = _start[y] + _emit[y][c0];
        for (var t = 1; t < n; t++)
        {
            var c = text[start + t];
            for (var y = 0; y < 4; y++)
            {
                var em = _emit[y][c];
                var p0 = Previous[y][0];
                var p1 = Previous[y][1];
                var a = v[(t - 1) * 4 + p0] + _trans[p0, y] + em;
                var b = v[(t - 1) * 4 + p1] + _trans[p1, y] + em;
                // Python's max over (prob, state) tuples: on equal prob the larger state letter wins.
                int best;
                if (a > b) best = p0;
                else if (b > a) best = p1;
                else best = StateLetters[p0] > StateLetters[p1] ? p0 : p1;
                v[t * 4 + y] = best == p0 ? a : b;
                back[t * 4 + y] = (byte)best;
            }
        }
        var last = (n - 1) * 4;
        var state = v[last + S] >= v[last + E] ? S : E;
        var states = back.Slice(n * 4, n);
        for (var t = n - 1; t >= 0; t--)
        {
            states[t] = (byte)state;
            state = back[t * 4 + state];
        }
        int begin = 0, next = 0;
        for (var i = 0; i < n; i++)
        {
            switch (states[i])
            {
                case B: begin = i; break;
                case E:
                    output.Add(new TokenSpan(start + begin, start + i + 1));
                    next = i + 1;
                    break;
                case S:
                    output.Add(new TokenSpan(start + i, start + i + 1));
                    next = i + 1;
                    break;
            }
        }
        if (next < n) output.Add(new TokenSpan(start + next, end));
        if (rentedV is not null) System.Buffers.ArrayPool<double>.Shared.Return(rentedV);
        if (rentedBack is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rentedBack);
    }
}
