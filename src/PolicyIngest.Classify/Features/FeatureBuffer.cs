namespace PolicyIngest.Classify.Features;

/// <summary>
/// Reusable scratch space for <see cref="ClauseFeatures"/>: the features of the last clause as (index, value) pairs
/// in the order they were produced (an index may occur more than once, in different blocks; the model sums them),
/// plus the dense count array the n-gram blocks are summed in. One per thread: not thread-safe.
/// </summary>
public sealed class FeatureBuffer
{
    private int[] indices = new int[1024];
    private float[] values = new float[1024];
    private char[] chars = new char[512];

    internal FeatureBuffer(int dimension)
    {
        Counts = new float[dimension];
        Touched = new int[1024];
    }

    public int Count { get; private set; }
    public ReadOnlySpan<int> Indices => indices.AsSpan(0, Count);
    public ReadOnlySpan<float> Values => values.AsSpan(0, Count);

    internal float[] Counts { get; }

    /// <summary>The rule features that fired on the last heading (or chapter) seen by which feature set.</summary>
    internal sealed class RuleCache
    {
        public object? Owner;
        public string? Value;
        public List<int> Fired { get; } = new(8);
        /// <summary>The same rules as ordinals of <see cref="KeywordRules.RuleFeatures"/>.</summary>
        public List<int> FiredRules { get; } = new(8);
    }

    /// <summary>Ordinals of the <see cref="KeywordRules.RuleFeatures"/> that fired on the last clause's text.</summary>
    internal List<int> TextRules { get; } = new(16);

    /// <summary>Whether the text of the clause last extracted states an amount / a percentage.</summary>
    internal bool HasAmount { get; set; }
    internal bool HasPercent { get; set; }

    internal RuleCache HeadingRules { get; } = new();
    internal RuleCache ChapterRules { get; } = new();
    internal List<PolicyIngest.Segmentation.TokenSpan> Tokens { get; } = new(256);
    internal int[] Touched { get; private set; }
    internal int TouchedCount;

    internal void Clear()
    {
        Count = 0;
        TextRules.Clear();
    }

    internal void Add(int index, float value)
    {
        if (Count == indices.Length)
        {
            Array.Resize(ref indices, Count * 2);
            Array.Resize(ref values, Count * 2);
        }
        indices[Count] = index;
        values[Count++] = value;
    }

    /// <summary>Counts one n-gram occurrence in the current block.</summary>
    internal void Count1(int index)
    {
        if (Counts[index] == 0)
        {
            if (TouchedCount == Touched.Length) Touched = Grow(Touched);
            Touched[TouchedCount++] = index;
        }
        Counts[index] += 1f;
    }

    private char[] sentenceChars = new char[256];

    /// <summary>A second char buffer, for a sentence folded while <see cref="Chars"/> holds its clause.</summary>
    internal char[] SentenceChars(int length)
    {
        if (sentenceChars.Length < length) sentenceChars = new char[Math.Max(length, sentenceChars.Length * 2)];
        return sentenceChars;
    }

    /// <summary>The cut of a sentence that could not reuse its clause's (<see cref="Tokens"/> keeps the clause's).</summary>
    internal List<PolicyIngest.Segmentation.TokenSpan> SentenceTokens { get; } = new(64);

    /// <summary>How long the folded clause text in <see cref="Chars"/> is whose cut <see cref="Tokens"/> holds.</summary>
    internal int WordTextLength { get; set; }

    /// <summary>A char buffer of at least <paramref name="length"/> (its contents are the caller's).</summary>
    internal char[] Chars(int length)
    {
        if (chars.Length < length) chars = new char[Math.Max(length, chars.Length * 2)];
        return chars;
    }

    /// <summary>The features as a sorted vector of distinct indices (duplicates summed in index order of appearance).</summary>
    public SparseVector ToSparseVector()
    {
        var keys = indices.AsSpan(0, Count).ToArray();
        var items = values.AsSpan(0, Count).ToArray();
        // Stable order among equal indices (production order), so the summed value does not depend on the sort.
        var order = new int[Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        var outIndices = new List<int>(Count);
        var outValues = new List<float>(Count);
        foreach (var o in order)
        {
            if (outIndices.Count > 0 && outIndices[^1] == keys[o]) outValues[^1] += items[o];
            else { outIndices.Add(keys[o]); outValues.Add(items[o]); }
        }
        return new SparseVector([.. outIndices], [.. outValues]);
    }

    private static int[] Grow(int[] a)
    {
        var b = new int[a.Length * 2];
        a.CopyTo(b, 0);
        return b;
    }
}
