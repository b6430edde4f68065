namespace PolicyIngest.Segmentation;

/// <summary>One segmented word and where it sits in the input: <c>input[Start..End]</c> (UTF-16 offsets).</summary>
public readonly record struct Token(string Text, int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>jieba's two cutting modes.</summary>
public enum SegmentMode
{
    /// <summary>One route through the sentence: the most probable words, no overlaps.</summary>
    Precise,

    /// <summary>Precise, plus the in-dictionary 2- and 3-character pieces of longer words (they overlap).</summary>
    Search,
}

/// <summary>
/// What the segmenter does beyond jieba. <see cref="KeepWhole"/> off and <see cref="Hmm"/> on is exactly jieba's
/// <c>cut(sentence, HMM=True)</c> (the parity test runs that way).
/// </summary>
public sealed record SegmenterOptions
{
    /// <summary>Viterbi over B/M/E/S for runs of characters the dictionary does not know.</summary>
    public bool Hmm { get; init; } = true;

    /// <summary>Keep numbers with units, 发文字号, article labels and dictionary terms with punctuation (首台（套）) as one token.</summary>
    public bool KeepWhole { get; init; } = true;

    public static SegmenterOptions Default { get; } = new();

    /// <summary>Python jieba's behaviour with the same dictionary.</summary>
    public static SegmenterOptions JiebaCompatible { get; } = new() { KeepWhole = false };
}

/// <summary>Where one segmented word sits in the input, without its text: <c>input[Start..End]</c>. What hot paths read.</summary>
public readonly record struct TokenSpan(int Start, int End)
{
    public int Length => End - Start;
}
