namespace PolicyIngest.Segmentation;

/// <summary>
/// Cuts text into words with their offsets: the one seam search analysis and the classifier's word features go
/// through (<see cref="JiebaSegmenter"/> is the implementation). Implementations are immutable and thread-safe.
/// </summary>
public interface ISegmenter
{
    /// <summary>
    /// The words of <paramref name="text"/> in order, offsets into it, with the segmenter's own rules on (numbers with
    /// units, 发文字号 and article labels kept whole); <see cref="SegmentMode.Search"/> adds the overlapping dictionary
    /// pieces of longer words. What search indexes clauses and queries with.
    /// </summary>
    IReadOnlyList<Token> Cut(string text, SegmentMode mode);

    /// <summary>
    /// The plain dictionary cut of <paramref name="text"/> (no keep-whole rules; runs the dictionary does not know go
    /// through the HMM) as spans into it, appended to <paramref name="output"/>: what the classifier's word features read.
    /// </summary>
    void CutSpans(ReadOnlySpan<char> text, List<TokenSpan> output);

    /// <summary>
    /// Whether <see cref="CutSpans"/> of <paramref name="text"/> has a boundary at <paramref name="at"/> whatever the
    /// dictionary, so that cutting <c>text[..at]</c> and <c>text[at..]</c> alone gives the same words there. False
    /// when unsure: a caller then cuts again instead of reusing words.
    /// </summary>
    bool AlwaysCutsAt(ReadOnlySpan<char> text, int at);
}
