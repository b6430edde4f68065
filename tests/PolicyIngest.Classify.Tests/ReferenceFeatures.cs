using System.Text.RegularExpressions;
using PolicyIngest.Classify.Model;

namespace PolicyIngest.Classify.Tests;

using PolicyIngest.Classify.Features;

/// <summary>
/// The features as first written, the plain way (strings per n-gram block, sorted lists, rule names as strings):
/// the reference the allocation-free <see cref="ClauseFeatures"/> must agree with. Turns a clause into a hashed sparse feature vector: character 1–3-grams of its text (L2-normalised), the
/// bigrams of its first characters, character 1–2-grams of its heading and of its chapter heading, and
/// structure (kind, position, whether it states an amount or a percentage, length) and which keyword rules
/// (<see cref="KeywordRules"/>) fire on its text, heading and chapter. Pure and thread-safe.
/// </summary>
/// <remarks>
/// Only the features are normalised: ASCII and full-width digits all hash as 0, so 30万元 and 500万元 share
/// their n-grams; the clause text itself is never changed.
/// </remarks>
internal sealed partial class ReferenceFeatures
{
    public const int DefaultBits = 15;

    private const float LeadWeight = 0.5f;
    private const float HeadingWeight = 0.7f;
    private const float ChapterWeight = 0.7f;
    private const float StructureWeight = 0.5f;
    private const float RuleWeight = 0.5f;
    private const int LeadChars = 8;

    private readonly int mask;

    private readonly bool chapterRules;
    private readonly bool maskTitles;
    private readonly float wordWeight;

    /// <param name="chapterRules">whether category rules also fire on the chapter heading (FeatureOptions.ChapterRules)</param>
    /// <param name="maskTitles">whether what stands inside 《》 is left out of n-grams and rules (FeatureOptions.MaskCitedTitles)</param>
    /// <param name="wordWeight">weight of the segmented words of the folded text, cut by the string API (FeatureOptions.WordWeight)</param>
    public ReferenceFeatures(int bits = DefaultBits, bool chapterRules = false, bool maskTitles = false, float wordWeight = 0)
    {
        this.chapterRules = chapterRules;
        this.maskTitles = maskTitles;
        this.wordWeight = wordWeight;
        if (bits is < 10 or > 24) throw new ArgumentOutOfRangeException(nameof(bits), bits, "hash bits must be 10..24");
        Bits = bits;
        Dimension = 1 << bits;
        mask = Dimension - 1;
    }

    public int Bits { get; }
    public int Dimension { get; }

    public SparseVector Extract(ClauseInput input)
    {
        if (maskTitles) input = input with { Text = Unquote(input.Text), Heading = input.Heading is null ? null : Unquote(input.Heading), Chapter = input.Chapter is null ? null : Unquote(input.Chapter) };
        var text = Fold(input.Text);
        var parts = new List<(int Index, float Value)>(text.Length * 3 + 64);

        var grams = new List<(int Index, float Value)>(text.Length * 3);
        AddGrams(grams, text, Namespace.Text, maxN: 3);
        AppendNormalised(parts, grams, 1f, logCounts: true);

        AddGrams(grams, "^" + text[..Math.Min(LeadChars, text.Length)], Namespace.Lead, maxN: 2, minN: 2);
        AppendNormalised(parts, grams, LeadWeight, logCounts: false);

        if (wordWeight > 0) AddWords(parts, grams, text, Namespace.Word, wordWeight);

        if (!string.IsNullOrWhiteSpace(input.Heading))
        {
            AddGrams(grams, Fold(input.Heading), Namespace.Heading, maxN: 2);
            AppendNormalised(parts, grams, HeadingWeight, logCounts: false);
        }
        if (!string.IsNullOrWhiteSpace(input.Chapter))
        {
            AddGrams(grams, Fold(input.Chapter), Namespace.Chapter, maxN: 2);
            AppendNormalised(parts, grams, ChapterWeight, logCounts: false);
        }

        AddFlag(parts, Namespace.Kind, input.Kind);
        AddFlag(parts, Namespace.Position, PositionBucket(input.Position));
        AddFlag(parts, Namespace.Length, ((int)Math.Log2(text.Length + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (AmountPattern().IsMatch(input.Text)) AddFlag(parts, Namespace.Structure, "amount");
        if (PercentPattern().IsMatch(input.Text)) AddFlag(parts, Namespace.Structure, "percent");
        if (string.IsNullOrWhiteSpace(input.Heading)) AddFlag(parts, Namespace.Structure, "no-heading");
        foreach (var rule in KeywordRules.FiringRules(input).Where(r => chapterRules || !r.StartsWith("chapter:", StringComparison.Ordinal))) AddFlag(parts, Namespace.Rule, rule, RuleWeight);

        return Merge(parts);
    }

    /// <summary>The instrument-only word block (FeatureOptions.InstrumentWordWeight) of the clause's folded, masked text.</summary>
    public SparseVector ExtractInstrumentWords(ClauseInput input, float weight)
    {
        var parts = new List<(int Index, float Value)>();
        AddWords(parts, [], Fold(maskTitles ? Unquote(input.Text) : input.Text), Namespace.InstrumentWord, weight);
        return Merge(parts);
    }

    /// <summary>The words of two letters or more of the folded text, cut by the segmenter's string API, as one block.</summary>
    private void AddWords(List<(int, float)> parts, List<(int Index, float Value)> grams, string folded, Namespace ns, float weight)
    {
        var segmenter = TrainerTest.Segmenter.Value;
        foreach (var token in segmenter.Cut(folded, PolicyIngest.Segmentation.SegmentMode.Precise, PolicyIngest.Segmentation.SegmenterOptions.JiebaCompatible))
        {
            var letters = new string([.. token.Text.Where(char.IsLetterOrDigit)]);
            if (letters.Length < 2) continue;
            var h = Seed(ns);
            foreach (var c in letters) h = Mix(h, c);
            grams.Add(((int)(Finish(h, letters.Length) & (uint)mask), 1f));
        }
        AppendNormalised(parts, grams, weight, logCounts: true);
    }

    /// <summary>The text with every outermost 《…》 emptied to 《》 (an unclosed 《 empties the rest), written the plain way.</summary>
    private static string Unquote(string text)
    {
        var result = "";
        var depth = 0;
        foreach (var c in text)
        {
            var opens = c == '《';
            var closes = c == '》' && depth > 0;
            if (opens) depth++;
            if (closes) depth--;
            var outermostBracket = (opens && depth == 1) || (closes && depth == 0);
            if (outermostBracket || (depth == 0 && !closes)) result += c;
        }
        return result;
    }

    /// <summary>Whitespace removed, every digit written as 0: the form n-grams are taken from.</summary>
    public static string Fold(string text)
    {
        var chars = new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            chars[n++] = c is >= '0' and <= '9' or >= '０' and <= '９' ? '0' : c;
        }
        return new string(chars, 0, n);
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

    private void AddGrams(List<(int, float)> into, string s, Namespace ns, int maxN, int minN = 1)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var h = Seed(ns);
            for (var n = 1; n <= maxN && i + n <= s.Length; n++)
            {
                h = Mix(h, s[i + n - 1]);
                if (n >= minN) into.Add(((int)(Finish(h, n) & (uint)mask), 1f));
            }
        }
    }

    private void AddFlag(List<(int, float)> into, Namespace ns, string value, float weight = StructureWeight)
    {
        var h = Seed(ns);
        foreach (var c in value) h = Mix(h, c);
        into.Add(((int)(Finish(h, 0) & (uint)mask), weight));
    }

    /// <summary>Sums duplicate indices of <paramref name="grams"/>, scales the block to unit length times weight, appends it and clears the block.</summary>
    private static void AppendNormalised(List<(int, float)> into, List<(int Index, float Value)> grams, float weight, bool logCounts)
    {
        if (grams.Count == 0) return;
        grams.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        var start = into.Count;
        double norm = 0;
        var i = 0;
        while (i < grams.Count)
        {
            var index = grams[i].Index;
            float count = 0;
            for (; i < grams.Count && grams[i].Index == index; i++) count += grams[i].Value;
            var value = logCounts ? 1f + MathF.Log(count) : 1f;
            into.Add((index, value));
            norm += value * value;
        }
        var scale = (float)(weight / Math.Sqrt(norm));
        for (var j = start; j < into.Count; j++) into[j] = (into[j].Item1, into[j].Item2 * scale);
        grams.Clear();
    }

    private static SparseVector Merge(List<(int Index, float Value)> parts)
    {
        parts.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        var indices = new List<int>(parts.Count);
        var values = new List<float>(parts.Count);
        foreach (var (index, value) in parts)
        {
            if (indices.Count > 0 && indices[^1] == index) values[^1] += value;
            else { indices.Add(index); values.Add(value); }
        }
        return new SparseVector([.. indices], [.. values]);
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
