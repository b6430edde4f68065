using System.Text.RegularExpressions;
using PolicyIngest.Classify.Model;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Classify.Features;

/// <summary>
/// Turns a clause into a hashed sparse feature vector: character 1–3-grams of its text (L2-normalised), the
/// bigrams of its first characters, character 1–2-grams of its heading and of its chapter heading, and
/// structure (kind, position, whether it states an amount or a percentage, length) and which keyword rules
/// (<see cref="KeywordRules"/>) fire on its text, heading and chapter. Pure and thread-safe.
/// </summary>
/// <remarks>
/// Only the features are normalised: ASCII and full-width digits all hash as 0, so 30万元 and 500万元 share
/// their n-grams; the clause text itself is never changed.
/// </remarks>
public sealed partial class ClauseFeatures
{
    public const int DefaultBits = FeatureOptions.DefaultBits;

    private const int LeadChars = 8;

    /// <summary>1 + ln(n) for the small counts nearly every n-gram has (n = 0 unused).</summary>
    private static readonly float[] LogCounts = [.. Enumerable.Range(0, 64).Select(n => 1f + MathF.Log(n))];

    private readonly int mask;
    private readonly int[] ruleIndices;
    private readonly int amountIndex, percentIndex, noHeadingIndex;

    private readonly ISegmenter? segmenter;

    public ClauseFeatures(int bits = DefaultBits, ISegmenter? segmenter = null) : this(FeatureOptions.Default with { Bits = bits }, segmenter) { }

    /// <param name="segmenter">
    /// read when <paramref name="options"/> use words (models/jieba plus models/dict, the dictionaries the shipped model
    /// was trained with); required then
    /// </param>
    public ClauseFeatures(FeatureOptions options, ISegmenter? segmenter = null)
    {
        var bits = options.Bits;
        if (bits is < 10 or > 24) throw new ArgumentOutOfRangeException(nameof(options), bits, "hash bits must be 10..24");
        Options = options;
        this.segmenter = options.UsesWords
            ? segmenter ?? throw new ArgumentNullException(nameof(segmenter), "these feature options use words: pass the segmenter")
            : null;
        Bits = bits;
        Dimension = 1 << bits;
        mask = Dimension - 1;
        ruleIndices = [.. KeywordRules.RuleFeatures.Select(r => FlagIndex(Namespace.Rule, r.Name))];
        amountIndex = FlagIndex(Namespace.Structure, "amount");
        percentIndex = FlagIndex(Namespace.Structure, "percent");
        noHeadingIndex = FlagIndex(Namespace.Structure, "no-heading");
    }

    public FeatureOptions Options { get; }

    /// <summary>The hash bucket of rule feature <paramref name="ordinal"/> (of <see cref="KeywordRules.RuleFeatures"/>).</summary>
    public int RuleIndex(int ordinal) => ruleIndices[ordinal];
    public int Bits { get; }
    public int Dimension { get; }

    /// <summary>The features of one clause as a sorted vector of distinct indices (training; allocates).</summary>
    public SparseVector Extract(ClauseInput input)
    {
        var buffer = ThreadBuffer();
        ExtractInto(input, buffer);
        return buffer.ToSparseVector();
    }

    /// <summary>
    /// The instrument-only word block of a clause (<see cref="FeatureOptions.InstrumentWordWeight"/>) as a sorted vector
    /// (training; allocates). Empty when the options have no such block.
    /// </summary>
    public SparseVector ExtractInstrumentWords(ClauseInput input)
    {
        var buffer = ThreadBuffer();
        ExtractInstrumentWordsInto(input, buffer);
        return buffer.ToSparseVector();
    }

    /// <summary>
    /// Writes only the instrument-only word block of <paramref name="input"/>'s text into <paramref name="buffer"/>
    /// (replacing what it held): what the instrument models add to the clause's own features.
    /// </summary>
    public void ExtractInstrumentWordsInto(ClauseInput input, FeatureBuffer buffer)
    {
        buffer.Clear();
        buffer.WordTextLength = 0;
        buffer.Tokens.Clear();
        if (Options.InstrumentWordWeight <= 0) return;
        var chars = buffer.Chars(input.Text.Length);
        var n = Fold(input.Text, chars, Options.MaskCitedTitles);
        buffer.WordTextLength = n;
        AddWordBlock(chars.AsSpan(0, n), buffer, Cut(chars.AsSpan(0, n), buffer.Tokens), Namespace.InstrumentWord, Options.InstrumentWordWeight);
    }

    /// <summary>
    /// The instrument-only word block of one sentence of the clause whose block <paramref name="buffer"/> holds (from
    /// <see cref="ExtractInstrumentWordsInto"/>), equal to that of the sentence read as a clause. Where the folded
    /// sentence is a run of the folded clause that starts and ends where jieba always cuts (after 。；;), it takes the
    /// clause's words in that run instead of cutting again; otherwise it cuts the sentence.
    /// </summary>
    /// <param name="from">where in the folded clause to look for the sentence; moved past it when found</param>
    public void ExtractSentenceInstrumentWordsInto(string sentence, FeatureBuffer buffer, ref int from)
    {
        buffer.Clear();
        if (Options.InstrumentWordWeight <= 0) return;
        var own = buffer.SentenceChars(sentence.Length);
        var n = Fold(sentence, own, Options.MaskCitedTitles);
        var folded = own.AsSpan(0, n);
        var clause = buffer.Chars(0).AsSpan(0, buffer.WordTextLength);
        var at = from <= clause.Length ? clause[from..].IndexOf(folded) : -1;
        if (at >= 0) at += from;
        if (n == 0 || at < 0 || !segmenter!.AlwaysCutsAt(clause, at) || !segmenter.AlwaysCutsAt(clause, at + n))
        {
            AddWordBlock(folded, buffer, Cut(folded, buffer.SentenceTokens), Namespace.InstrumentWord, Options.InstrumentWordWeight);
            return;
        }
        from = at + n;
        var tokens = buffer.Tokens;
        var first = 0;
        while (first < tokens.Count && tokens[first].Start < at) first++;
        var run = buffer.SentenceTokens;
        run.Clear();
        for (var k = first; k < tokens.Count && tokens[k].End <= at + n; k++) run.Add(new TokenSpan(tokens[k].Start - at, tokens[k].End - at));
        AddWordBlock(folded, buffer, run, Namespace.InstrumentWord, Options.InstrumentWordWeight);
    }

    /// <summary>A second scratch buffer per thread, for the instrument words of a clause whose features the first holds.</summary>
    public FeatureBuffer ThreadWordBuffer() =>
        threadWordBuffer is { } b && b.Counts.Length == Dimension ? b : threadWordBuffer = NewBuffer();

    [ThreadStatic] private static FeatureBuffer? threadWordBuffer;

    /// <summary>A scratch buffer for <see cref="ExtractInto"/>; keep one per thread.</summary>
    public FeatureBuffer NewBuffer() => new(Dimension);

    [ThreadStatic] private static FeatureBuffer? threadBuffer;

    /// <summary>This thread's scratch buffer for this dimension (replaced when a model of another size asks).</summary>
    public FeatureBuffer ThreadBuffer() =>
        threadBuffer is { } b && b.Counts.Length == Dimension ? b : threadBuffer = NewBuffer();

    /// <summary>
    /// Writes the features of one clause into <paramref name="buffer"/> (replacing what it held) without allocating:
    /// n-grams are hashed straight from a folded copy of the text, counted in the buffer's dense array, and the keyword
    /// rules' feature indices are hashed once per instance.
    /// </summary>
    public void ExtractInto(ClauseInput input, FeatureBuffer buffer)
    {
        buffer.Clear();
        var chars = buffer.Chars(1 + input.Text.Length + (input.Heading?.Length ?? 0) + (input.Chapter?.Length ?? 0));
        var textEnd = AddTextFeatures(input, buffer, chars, clauseMatches: null);
        AddContextFeatures(input, buffer, chars.AsSpan(textEnd));
    }

    /// <summary>
    /// Only the features that come from a clause's text (text and lead n-grams, length, amounts, text rules) of a part
    /// of a clause (one sentence, as its own input) whose whole text matched <paramref name="clauseMatches"/>: only those
    /// keyword rules and amount patterns are tried, since a part can only match what its clause matched. With
    /// <see cref="ExtractContextInto"/> of the clause, these are the features of the part read as a clause.
    /// </summary>
    public void ExtractTextInto(ClauseInput part, FeatureBuffer buffer, TextMatches clauseMatches)
    {
        buffer.Clear();
        AddTextFeatures(part, buffer, buffer.Chars(1 + part.Text.Length), clauseMatches);
    }

    /// <summary>Only the features that come from a clause's place (heading, chapter, kind, position and their rules), the same for every part of it.</summary>
    public void ExtractContextInto(ClauseInput input, FeatureBuffer buffer)
    {
        buffer.Clear();
        AddContextFeatures(input, buffer, buffer.Chars((input.Heading?.Length ?? 0) + (input.Chapter?.Length ?? 0)));
    }

    /// <summary>Whether one of the instrument keyword rules its clause matched also matches this part of the clause.</summary>
    public bool HasInstrumentCue(string part, TextMatches clauseMatches)
    {
        string? text = null;
        foreach (var r in clauseMatches.Rules)
        {
            if (!KeywordRules.IsInstrumentRule(r)) continue;
            text ??= Options.MaskCitedTitles ? MaskTitles(part) : part;
            if (KeywordRules.RuleFeatures[r].Pattern.IsMatch(text)) return true;
        }
        return false;
    }

    /// <summary>What the text of the clause whose features <paramref name="buffer"/> holds matched.</summary>
    public static TextMatches MatchesOf(FeatureBuffer buffer) => new([.. buffer.TextRules], buffer.HasAmount, buffer.HasPercent);

    /// <summary>The keyword rules (ordinals of <see cref="KeywordRules.RuleFeatures"/>, ascending) and amount patterns a clause's text matched.</summary>
    public sealed record TextMatches(int[] Rules, bool Amount, bool Percent);

    /// <returns>how much of <paramref name="chars"/> the folded text used</returns>
    private int AddTextFeatures(ClauseInput input, FeatureBuffer buffer, char[] chars, TextMatches? clauseMatches)
    {
        // chars = '^' + folded text: the lead bigrams read "^" + the first chars.
        chars[0] = '^';
        var mask = Options.MaskCitedTitles;
        var textLength = Fold(input.Text, chars.AsSpan(1), mask);
        ReadOnlySpan<char> text = chars.AsSpan(1, textLength);

        var o = Options;
        CountGrams(buffer, text, Namespace.Text, maxN: o.TextMaxN);
        AppendBlock(buffer, 1f, logCounts: o.TextLogCounts);

        CountGrams(buffer, chars.AsSpan(0, 1 + Math.Min(LeadChars, textLength)), Namespace.Lead, maxN: 2, minN: 2);
        AppendBlock(buffer, o.LeadWeight, logCounts: false);

        if (Options.WordWeight > 0 || Options.WordPairWeight > 0) AddWords(text, buffer);

        buffer.Add(NumberIndex(Namespace.Length, (int)Math.Log2(textLength + 1)), o.StructureWeight);
        buffer.HasAmount = (clauseMatches?.Amount ?? true) && AmountPattern().IsMatch(input.Text);
        if (buffer.HasAmount) buffer.Add(amountIndex, o.StructureWeight);
        buffer.HasPercent = (clauseMatches?.Percent ?? true) && PercentPattern().IsMatch(input.Text);
        if (buffer.HasPercent) buffer.Add(percentIndex, o.StructureWeight);
        var rules = KeywordRules.RuleFeatures;
        var ruleText = mask ? MaskTitles(input.Text) : input.Text;
        if (clauseMatches is null)
        {
            for (var r = 0; r < rules.Count; r++)
                if (rules[r].Field == KeywordRules.RuleField.Text && rules[r].Pattern.IsMatch(ruleText)) AddTextRule(buffer, r);
        }
        else
        {
            foreach (var r in clauseMatches.Rules)
                if (rules[r].Pattern.IsMatch(ruleText)) AddTextRule(buffer, r);
        }
        return 1 + textLength;
    }

    /// <param name="chars">room for the folded heading and chapter</param>
    private void AddContextFeatures(ClauseInput input, FeatureBuffer buffer, Span<char> chars)
    {
        var heading = string.IsNullOrWhiteSpace(input.Heading) ? null : input.Heading;
        var chapter = string.IsNullOrWhiteSpace(input.Chapter) ? null : input.Chapter;
        var mask = Options.MaskCitedTitles;
        var o = Options;
        var next = 0;
        if (heading is not null)
        {
            var n = Fold(heading, chars[next..], mask);
            CountGrams(buffer, chars.Slice(next, n), Namespace.Heading, maxN: 2);
            AppendBlock(buffer, o.HeadingWeight, logCounts: false);
            next += n;
        }
        if (chapter is not null)
        {
            var n = Fold(chapter, chars[next..], mask);
            CountGrams(buffer, chars.Slice(next, n), Namespace.Chapter, maxN: o.ChapterMaxN);
            AppendBlock(buffer, o.ChapterWeight, logCounts: false);
        }

        buffer.Add(FlagIndex(Namespace.Kind, input.Kind), o.StructureWeight);
        buffer.Add(FlagIndex(Namespace.Position, PositionBucket(input.Position)), o.StructureWeight);
        if (heading is null) buffer.Add(noHeadingIndex, o.StructureWeight);
        // Consecutive clauses mostly share their heading or chapter: the rules that fire on one are kept per thread.
        if (input.Heading is { } h) AddRules(buffer, buffer.HeadingRules, h, KeywordRules.RuleField.Heading);
        if (input.Chapter is { } c) AddRules(buffer, buffer.ChapterRules, c, KeywordRules.RuleField.Chapter);
    }

    private void AddTextRule(FeatureBuffer buffer, int rule)
    {
        buffer.Add(ruleIndices[rule], Options.RuleWeight);
        buffer.TextRules.Add(rule);
    }

    /// <summary>
    /// Whether any of the given rules (ordinals of <see cref="KeywordRules.RuleFeatures"/>) fired on the clause whose
    /// features <paramref name="buffer"/> holds: the extraction has already evaluated them.
    /// </summary>
    public static bool AnyRuleFired(FeatureBuffer buffer, ClauseInput input, ReadOnlySpan<int> ordinals)
    {
        foreach (var r in ordinals)
        {
            if (buffer.TextRules.Contains(r)
                || input.Heading is not null && buffer.HeadingRules.FiredRules.Contains(r)
                || input.Chapter is not null && buffer.ChapterRules.FiredRules.Contains(r))
                return true;
        }
        return false;
    }

    private void AddRules(FeatureBuffer buffer, FeatureBuffer.RuleCache cache, string value, KeywordRules.RuleField field)
    {
        if (!ReferenceEquals(cache.Owner, this) || !string.Equals(cache.Value, value, StringComparison.Ordinal))
        {
            cache.Owner = this;
            cache.Value = value;
            cache.Fired.Clear();
            cache.FiredRules.Clear();
            var matched = Options.MaskCitedTitles ? MaskTitles(value) : value; // masked only on a miss: the cache keys the raw value
            var rules = KeywordRules.RuleFeatures;
            for (var r = 0; r < rules.Count; r++)
            {
                if (rules[r].Field != field || (!Options.ChapterRules && KeywordRules.IsChapterCategoryRule(rules[r]))) continue;
                if (!rules[r].Pattern.IsMatch(matched)) continue;
                cache.Fired.Add(ruleIndices[r]);
                cache.FiredRules.Add(r);
            }
        }
        foreach (var index in cache.Fired) buffer.Add(index, Options.RuleWeight);
    }

    /// <summary>Whitespace removed, every digit written as 0: the form n-grams are taken from.</summary>
    public static string Fold(string text)
    {
        var chars = new char[text.Length];
        return new string(chars, 0, Fold(text, chars));
    }

    /// <summary>Writes the folded <paramref name="text"/> into <paramref name="into"/> (at least text.Length long); returns its length.</summary>
    /// <param name="maskTitles">leave out what stands between 《 and 》 (the brackets stay)</param>
    public static int Fold(ReadOnlySpan<char> text, Span<char> into, bool maskTitles = false)
    {
        var n = 0;
        var depth = 0;
        foreach (var c in text)
        {
            if (maskTitles)
            {
                // Like MaskTitles: only the outermost brackets of a title stay.
                if (c == '《') { if (depth++ > 0) continue; }
                else if (c == '》' && depth > 0) { if (--depth > 0) continue; }
                else if (depth > 0) continue;
            }
            if (char.IsWhiteSpace(c)) continue;
            into[n++] = c is >= '0' and <= '9' or >= '０' and <= '９' ? '0' : c;
        }
        return n;
    }

    /// <summary>
    /// <paramref name="text"/> with what stands inside 《》 left out (the brackets stay): a cited document's title says
    /// what that document is about, not what this clause does (根据《…扶持办法》 is not a support measure).
    /// Returns the same string when there is no 《.
    /// </summary>
    public static string MaskTitles(string text)
    {
        if (text.IndexOf('《') < 0) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '《') { if (depth++ == 0) sb.Append(c); }
            else if (c == '》' && depth > 0) { if (--depth == 0) sb.Append(c); }
            else if (depth == 0) sb.Append(c);
        }
        return sb.ToString();
    }

    private static string PositionBucket(double position) => position switch
    {
        <= 0 => "first",
        >= 1 => "last",
        < 0.2 => "q0",
        < 0.4 => "q1",
        < 0.6 => "q2",
        < 0.8 => "q3",
        _ => "q4",
    };

    private void CountGrams(FeatureBuffer buffer, ReadOnlySpan<char> s, Namespace ns, int maxN, int minN = 1)
    {
        var seed = Seed(ns);
        for (var i = 0; i < s.Length; i++)
        {
            var h = seed;
            for (var n = 1; n <= maxN && i + n <= s.Length; n++)
            {
                h = Mix(h, s[i + n - 1]);
                if (n >= minN) buffer.Count1((int)(Finish(h, n) & (uint)mask));
            }
        }
    }

    /// <summary>
    /// Segmented words (jieba's own cut, HMM on) of the folded text the n-grams read — whitespace out, digits 0, cited
    /// titles masked — two characters or more (one-character words are already character unigrams), and pairs of
    /// adjacent words (punctuation breaks a pair), each block L2-normalised. Spans only: no string per word.
    /// </summary>
    private void AddWords(ReadOnlySpan<char> text, FeatureBuffer buffer)
    {
        var tokens = Cut(text, buffer.Tokens);
        if (Options.WordWeight > 0) AddWordBlock(text, buffer, tokens, Namespace.Word, Options.WordWeight);
        if (Options.WordPairWeight > 0)
        {
            var pair = Seed(Namespace.WordPair);
            var previous = 0u;
            var hasPrevious = false;
            foreach (var t in tokens)
            {
                var (h, n) = HashWord(text.Slice(t.Start, t.Length), 0);
                if (n == 0) { hasPrevious = false; continue; } // punctuation or whitespace
                if (hasPrevious) buffer.Count1((int)(Finish((pair ^ previous) * 16777619u ^ h, 2) & (uint)mask));
                previous = h;
                hasPrevious = true;
            }
            AppendBlock(buffer, Options.WordPairWeight, logCounts: true);
        }
    }

    /// <summary>One L2-normalised block of the words (<paramref name="tokens"/>, spans into <paramref name="text"/>) of two letters or more.</summary>
    private void AddWordBlock(ReadOnlySpan<char> text, FeatureBuffer buffer, List<TokenSpan> tokens, Namespace ns, float weight)
    {
        var seed = Seed(ns);
        foreach (var t in tokens)
        {
            if (t.Length < 2) continue;
            var (h, n) = HashWord(text.Slice(t.Start, t.Length), seed);
            if (n >= 2) buffer.Count1((int)(Finish(h, n) & (uint)mask));
        }
        AppendBlock(buffer, weight, logCounts: true);
    }

    private List<TokenSpan> Cut(ReadOnlySpan<char> text, List<TokenSpan> tokens)
    {
        tokens.Clear();
        segmenter!.CutSpans(text, tokens);
        return tokens;
    }

    /// <summary>FNV-1a of a word's letters and digits (digits as 0, other characters skipped); n = how many were hashed.</summary>
    private static (uint Hash, int Count) HashWord(ReadOnlySpan<char> word, uint seed)
    {
        var h = seed;
        var n = 0;
        foreach (var c in word)
        {
            if (c is < '\u4E00' or > '\u9FD5' && !char.IsLetterOrDigit(c)) continue; // Han is a letter: skip the Unicode lookup
            h = Mix(h, c is >= '0' and <= '9' or >= '０' and <= '９' ? '0' : c);
            n++;
        }
        return (h, n);
    }

    private int FlagIndex(Namespace ns, string value)
    {
        var h = Seed(ns);
        foreach (var c in value) h = Mix(h, c);
        return (int)(Finish(h, 0) & (uint)mask);
    }

    /// <summary>The index of the flag whose value is <paramref name="number"/> written in invariant decimal digits.</summary>
    private int NumberIndex(Namespace ns, int number)
    {
        Span<char> digits = stackalloc char[11];
        number.TryFormat(digits, out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        var h = Seed(ns);
        foreach (var c in digits[..written]) h = Mix(h, c);
        return (int)(Finish(h, 0) & (uint)mask);
    }

    /// <summary>
    /// Turns the block counted in the buffer into features: presence (or 1 + log count), scaled to unit length times
    /// <paramref name="weight"/>, appended in first-seen order; clears the counts for the next block.
    /// </summary>
    private static void AppendBlock(FeatureBuffer buffer, float weight, bool logCounts)
    {
        var touched = buffer.Touched.AsSpan(0, buffer.TouchedCount);
        if (touched.Length == 0) return;
        var counts = buffer.Counts;
        double norm = 0;
        foreach (var index in touched)
        {
            var count = counts[index];
            var value = !logCounts ? 1f : count < LogCounts.Length ? LogCounts[(int)count] : 1f + MathF.Log(count);
            counts[index] = value;
            norm += value * value;
        }
        var scale = (float)(weight / Math.Sqrt(norm));
        foreach (var index in touched)
        {
            buffer.Add(index, counts[index] * scale);
            counts[index] = 0;
        }
        buffer.TouchedCount = 0;
    }

    // FNV-1a over UTF-16 code units, a distinct seed per namespace, the n-gram length mixed in at the end.
    private static uint Seed(Namespace ns) => 2166136261u ^ ((uint)ns * 0x9E3779B9u);
    private static uint Mix(uint h, char c) => (h ^ c) * 16777619u;
    private static uint Finish(uint h, int n)
    {
        h ^= (uint)n * 0x85EBCA6Bu;
        h ^= h >> 16;
        h *= 0x7FEB352Du;
        h ^= h >> 15;
        return h;
    }

    private enum Namespace { Text = 1, Lead, Heading, Chapter, Kind, Position, Length, Structure, Rule, Word, WordPair, InstrumentWord }

    [GeneratedRegex(@"[0-9０-９.．,，]+\s*(万|亿|千)?\s*(元|美元)|[零〇一二三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+(万|亿)?元")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"[0-9０-９]\s*[%％]|百分之")]
    private static partial Regex PercentPattern();
}
