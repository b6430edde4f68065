using DiffPlex;

namespace PolicyIngest.Track.Renditions;

/// <summary>How an incoming document's words relate to a catalogued version's.</summary>
public enum TextRelation
{
    /// <summary>Different words: possibly a revision, possibly another policy.</summary>
    Different,
    /// <summary>The same folded words, character for character.</summary>
    SameText,
    /// <summary>The same text in another format: what differs is where readers cut, put table labels or page numbers, or OCR noise.</summary>
    Rendition,
    /// <summary>The incoming holds only part of the catalogued version (its 印发 notice, one scanned page).</summary>
    PartOfCatalogued,
    /// <summary>The catalogued version is only part of the incoming one (the notice arrived before the whole).</summary>
    ContainsCatalogued,
}

/// <summary>The relation found, with the figures behind it, for the reason an analyst reads.</summary>
public sealed record TextVerdict(TextRelation Relation, double Similarity, int UnexplainedChars, int ExplainedChars)
{
    /// <summary>The first differences nothing cosmetic explains (「old」→「new」), for an analyst asking why.</summary>
    public IReadOnlyList<string> Differences { get; init; } = [];
}

/// <summary>
/// Decides whether two documents are renditions or parts of one text, comparing words rather than clauses: sentences
/// of both are matched as multisets first (moves and re-flow cost nothing), and only the sentences left over are
/// diffed character by character. A left-over difference is explained when it is moved or duplicated text (the other
/// document holds it elsewhere), a short table or card label the other document prints elsewhere, or a page number; OCR
/// copies may also differ by recognition errors up to <see cref="RenditionOptions.OcrTolerance"/>. Anything else — a
/// changed sum, a deleted sentence, a new word — makes the texts different.
/// </summary>
public static class RenditionJudge
{
    private static readonly Differ Chars = new();

    /// <param name="partsAllowed">
    /// Whether one may be a part of the other: only when both name the same 发文字号 or issue date. Words alone cannot
    /// tell a notice page from an old version whose articles a revision kept and then added to.
    /// </param>
    public static TextVerdict Compare(RenditionText catalogued, RenditionText incoming, RenditionOptions? options = null, bool partsAllowed = true)
    {
        options ??= RenditionOptions.Default;
        if (catalogued.Key == incoming.Key) return new TextVerdict(TextRelation.SameText, 1, 0, 0);
        if (catalogued.Length == 0 || incoming.Length == 0) return new TextVerdict(TextRelation.Different, 0, 0, 0);

        var ocr = catalogued.FromOcr || incoming.FromOcr;
        var shorter = Math.Min(catalogued.Length, incoming.Length);
        var longer = Math.Max(catalogued.Length, incoming.Length);
        if (shorter <= longer * options.PartRatio)
        {
            if (!partsAllowed) return new TextVerdict(TextRelation.Different, (double)shorter / longer, longer - shorter, 0);
            // One may be a part of the other: its every sentence lies in the longer text.
            var (part, whole) = incoming.Length < catalogued.Length ? (incoming, catalogued) : (catalogued, incoming);
            var missing = part.Sentences.Where(s => !Inside(s, whole)).Sum(s => s.Length);
            var allowed = ocr ? part.Length * options.OcrTolerance : 0;
            if (part.Length >= options.MinPartChars && missing <= allowed)
                return new TextVerdict(part == incoming ? TextRelation.PartOfCatalogued : TextRelation.ContainsCatalogued,
                    1 - (double)missing / part.Length, missing, 0);
            return new TextVerdict(TextRelation.Different, (double)shorter / longer, longer - shorter, 0);
        }

        var (onlyOld, onlyNew) = Unmatched(catalogued.Sentences, incoming.Sentences);
        var leftOld = string.Concat(onlyOld);
        var leftNew = string.Concat(onlyNew);
        if (leftOld.Length + leftNew.Length > Math.Max(longer * options.MaxLeftOver, options.AlwaysDiffChars))
            return new TextVerdict(TextRelation.Different, 1 - (double)(leftOld.Length + leftNew.Length) / (2.0 * longer), leftOld.Length + leftNew.Length, 0);

        var unexplained = 0;
        var explained = 0;
        var differences = new List<string>();
        foreach (var block in Chars.CreateCharacterDiffs(leftOld, leftNew, ignoreWhitespace: false).DiffBlocks)
        {
            var removed = leftOld.Substring(block.DeleteStartA, block.DeleteCountA);
            var added = leftNew.Substring(block.InsertStartB, block.InsertCountB);
            var cost = 0;
            if (removed.Length > 0 && !Explained(removed, catalogued, incoming, options, pureEdit: added.Length == 0, Isolated(leftOld, block.DeleteStartA, removed.Length)))
                cost += removed.Length;
            if (added.Length > 0 && !Explained(added, incoming, catalogued, options, pureEdit: removed.Length == 0, Isolated(leftNew, block.InsertStartB, added.Length)))
                cost += added.Length;
            // OCR misreads a character or two in place: a small substitution without digits.
            if (cost > 0 && ocr && removed.Length is > 0 and <= 3 && added.Length is > 0 and <= 3 && !removed.Any(char.IsAsciiDigit) && !added.Any(char.IsAsciiDigit))
            {
                explained += cost;
                continue;
            }
            if (cost > 0 && differences.Count < 5) differences.Add($"「{Clip(removed)}」→「{Clip(added)}」");
            unexplained += cost;
            explained += removed.Length + added.Length - cost;
        }
        var similarity = 1 - (double)(unexplained + explained) / (2.0 * longer);
        var ocrAllowed = ocr && unexplained <= longer * options.OcrTolerance;
        return new TextVerdict(unexplained == 0 || ocrAllowed ? TextRelation.Rendition : TextRelation.Different, similarity, unexplained, explained)
        {
            Differences = differences,
        };
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>
    /// A piece of one text missing from the other at this place is cosmetic when the other text holds it elsewhere
    /// (moved, cut differently, or duplicated by a reader), or it is a short label the other prints elsewhere, or a page number.
    /// </summary>
    private static bool Explained(string piece, RenditionText own, RenditionText other, RenditionOptions options, bool pureEdit, bool isolated)
    {
        // Moved, cut elsewhere, or printed twice by one reader (a hyperlink's text, a heading kept twice).
        if (piece.Length > options.MaxLabelChars && other.Count(piece) > 0) return true;
        if (!pureEdit) return false;
        if (piece.All(char.IsAsciiDigit)) return isolated && piece.Length <= options.MaxPageNumberDigits;
        return piece.Length <= options.MaxLabelChars && !piece.Any(char.IsAsciiDigit) && other.Count(piece) >= 2;
    }

    /// <summary>
    /// A run of digits stands alone, as a page number does: no digit next to it and no unit after it (100万元 → 1000万元
    /// inserts a 0 that is a change, not a page).
    /// </summary>
    private static bool Isolated(string text, int start, int length)
    {
        var before = start > 0 ? text[start - 1] : ' ';
        var after = start + length < text.Length ? text[start + length] : ' ';
        return !char.IsAsciiDigit(before) && !char.IsAsciiDigit(after) && "万亿千百元年月日号条款项个家人次倍岁天".IndexOf(after) < 0;
    }

    private static bool Inside(string sentence, RenditionText whole) =>
        whole.Folded.Contains(sentence, StringComparison.Ordinal);

    /// <summary>The sentences each side has more often than the other, in reading order.</summary>
    private static (List<string> OnlyOld, List<string> OnlyNew) Unmatched(IReadOnlyList<string> old, IReadOnlyList<string> @new)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in @new) counts[s] = counts.GetValueOrDefault(s) + 1;
        var onlyOld = new List<string>();
        foreach (var s in old)
        {
            if (counts.TryGetValue(s, out var n) && n > 0) counts[s] = n - 1;
            else onlyOld.Add(s);
        }
        var onlyNew = new List<string>();
        foreach (var s in @new)
        {
            if (counts.TryGetValue(s, out var n) && n > 0)
            {
                onlyNew.Add(s);
                counts[s] = n - 1;
            }
        }
        return (onlyOld, onlyNew);
    }
}

/// <summary>The judge's thresholds, named in one place.</summary>
public sealed record RenditionOptions
{
    public static RenditionOptions Default { get; } = new();

    /// <summary>A text at most this fraction of the other's length is considered as a part of it, not a rendition.</summary>
    public double PartRatio { get; init; } = 0.6;

    /// <summary>A part holds at least this many letters (a title alone is not a part).</summary>
    public int MinPartChars { get; init; } = 40;

    /// <summary>More left-over sentence text than this fraction of the longer document: different without diffing.</summary>
    public double MaxLeftOver { get; init; } = 0.2;

    /// <summary>Left-over text up to this many letters is always diffed, however short the documents.</summary>
    public int AlwaysDiffChars { get; init; } = 2000;

    /// <summary>Longest inserted or deleted label (办理流程, 条件要求) explained by the other document printing it elsewhere.</summary>
    public int MaxLabelChars { get; init; } = 6;

    /// <summary>Longest run of digits inserted or deleted alone that is read as a page number.</summary>
    public int MaxPageNumberDigits { get; init; } = 3;

    /// <summary>Recognition errors an OCR copy may carry: this fraction of the longer text.</summary>
    public double OcrTolerance { get; init; } = 0.03;
}
