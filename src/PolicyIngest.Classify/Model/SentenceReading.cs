namespace PolicyIngest.Classify.Model;

/// <summary>
/// How a long support clause is also read sentence by sentence for instruments. A guide card's 服务内容 lists several
/// measures and is labelled with all their instruments, but its n-grams are normalised together, so one sentence on
/// 贴息 in a 600-character list weighs little. Each sentence is therefore scored on its own as well, and an instrument
/// that one sentence gives with high probability is added (never removed).
/// </summary>
/// <param name="MinimumClauseLength">clauses shorter than this (characters) are read whole only</param>
/// <param name="MinimumSentenceLength">pieces shorter than this are joined to the next one (list numbers, short headings)</param>
/// <param name="Probability">a sentence gives an instrument from this probability (or the label's threshold, if higher)</param>
public sealed record SentenceReading(int MinimumClauseLength = 120, int MinimumSentenceLength = 20, double Probability = 0.85)
{
    public static SentenceReading Default { get; } = new();

    /// <summary>
    /// The sentences of <paramref name="text"/>: cut after 。；; and line breaks, a piece shorter than the minimum
    /// joined to the next, a short remainder joined to the last sentence. Trimmed; never empty for non-blank text.
    /// </summary>
    public IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        var pending = -1; // start of a piece still too short to stand alone
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('。' or '；' or ';' or '\n') && i != text.Length - 1) continue;
            var from = pending >= 0 ? pending : start;
            var piece = text.AsSpan(from, i + 1 - from).Trim();
            if (piece.Length >= MinimumSentenceLength)
            {
                sentences.Add(piece.ToString());
                pending = -1;
            }
            else pending = from;
            start = i + 1;
        }
        if (pending >= 0)
        {
            var rest = text.AsSpan(pending).Trim();
            if (rest.Length > 0)
            {
                if (sentences.Count == 0) sentences.Add(rest.ToString());
                else sentences[^1] = sentences[^1] + text[pending..].TrimEnd();
            }
        }
        return sentences;
    }
}
