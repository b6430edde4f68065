using System.Security.Cryptography;
using System.Text;
using PolicyIngest.Core.Model;
using PolicyIngest.Track.Text;

namespace PolicyIngest.Track.Renditions;

/// <summary>
/// A document's words as two renditions of one text share them: every clause's label, heading and text in reading
/// order, folded by <see cref="ComparableText"/> and stripped of everything but letters and digits, so line and
/// paragraph breaks, where a reader cut a clause, spacing, punctuation and bracket styles no longer count. Cut into
/// sentences at 。！？； (clause boundaries do not cut: readers disagree on them). <see cref="Key"/> is stored with
/// each version, so a file with the same words is found by one indexed look-up.
/// </summary>
public sealed partial class RenditionText
{
    private RenditionText(string folded, IReadOnlyList<string> sentences, bool ocr)
    {
        Folded = folded;
        Sentences = sentences;
        FromOcr = ocr;
        Key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folded)));
    }

    /// <summary>Letters and digits of the whole document, folded.</summary>
    public string Folded { get; }

    /// <summary>The folded sentences in reading order (none empty).</summary>
    public IReadOnlyList<string> Sentences { get; }

    /// <summary>Some page of the document was read by OCR: its words may hold recognition errors.</summary>
    public bool FromOcr { get; }

    /// <summary>SHA-256 of <see cref="Folded"/>, lower-case hex.</summary>
    public string Key { get; }

    public int Length => Folded.Length;

    public static RenditionText Of(PolicyDocument document)
    {
        var reading = new StringBuilder();
        Append(reading, document);
        // Addresses (a browser's print footer, a "来源：http…" or "source: http…" line a site adds) are not words of the text.
        var words = Address().Replace(reading.ToString(), " ");
        var comparable = ComparableText.From(words).Text;
        var folded = new StringBuilder(comparable.Length);
        foreach (var c in comparable)
            if (char.IsLetterOrDigit(c)) folded.Append(c);
        // The sentences leave out printed page numbers (— 3 —, 第3页): a page break in mid-sentence puts one between a
        // sum and its unit (奖励100 / — 3 — / 万元), where a digit alone could not be told from an edit. The folded text,
        // whose hash is stored with every version, keeps them. Most texts have none, and are folded once.
        var pages = PageNumberLine();
        var sentences = CutSentences(pages.IsMatch(words) ? ComparableText.From(pages.Replace(words, "\n")).Text : comparable);
        var ocr = document.Pages.Any(p => p.Engine == PageEngines.Ocr);
        return new RenditionText(folded.ToString(), sentences, ocr);
    }

    /// <summary>The folded sentences of a comparable text, cut at 。！？；.</summary>
    private static List<string> CutSentences(string comparable)
    {
        var sentences = new List<string>();
        var sentence = new StringBuilder();
        foreach (var c in comparable)
        {
            if (char.IsLetterOrDigit(c)) sentence.Append(c);
            else if (c is '。' or '！' or '？' or '；' && sentence.Length > 0)
            {
                sentences.Add(sentence.ToString());
                sentence.Clear();
            }
        }
        if (sentence.Length > 0) sentences.Add(sentence.ToString());
        return sentences;
    }

    /// <summary>
    /// A line that is only a printed page number in the forms 公文 and office printers use: — 3 — (GB/T 9704's 一字线), - 3 -,
    /// 第3页 (共12页). A bare number (or 2/3) on a line is not one of them: it may be a table cell.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[ \t\u3000]*(?:[-—–－―~～]+[ \t\u3000]*\d{1,4}[ \t\u3000]*[-—–－―~～]+|第[ \t\u3000]*\d{1,4}[ \t\u3000]*页(?:[ \t\u3000]*[,，/]?[ \t\u3000]*共[ \t\u3000]*\d{1,4}[ \t\u3000]*页)?)[ \t\u3000\r]*$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex PageNumberLine();

    /// <summary>Times <paramref name="piece"/> occurs in the folded text (non-overlapping).</summary>
    public int Count(string piece)
    {
        if (piece.Length == 0) return 0;
        var n = 0;
        for (var at = Folded.IndexOf(piece, StringComparison.Ordinal); at >= 0; at = Folded.IndexOf(piece, at + piece.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    private static void Append(StringBuilder reading, PolicyDocument document)
    {
        var inContents = false;
        foreach (var clause in document.Clauses)
        {
            // A 目录 (one copy prints it, another not) repeats the headings: navigation, not words of the text.
            if (clause.Kind == ClauseKind.Paragraph && clause.Label.Length == 0)
            {
                var bare = string.Concat((clause.Text ?? "").Where(c => !char.IsWhiteSpace(c)));
                if (bare == "目录") { inContents = true; continue; }
                if (inContents && ContentsEntry().IsMatch(bare)) continue;
            }
            inContents = false;
            reading.Append(clause.Label).Append(' ');
            var text = clause.Text ?? "";
            // A reader that lifts a lead sentence into the heading may also keep it in the text: count it once.
            if (clause.Heading is { Length: > 0 } heading && !Starts(text, heading)) reading.Append(heading).Append(' ');
            reading.Append(text).Append('\n');
        }
        foreach (var part in document.Parts) Append(reading, part);
    }

    // A long address wraps: its next line is ASCII with URL punctuation (t20250715_4149752.html). Chinese inside an
    // address (…/民法商法/公司法(2023-12-29).md) only where more of the address follows, so the sentence after it stays.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:(?:source|来源|原文链接|链接|网址)\s*[:：]?\s*)?https?://(?:[A-Za-z0-9_\-./?=&%#:~+()@!$*']|[\u4e00-\u9fff]+(?=[A-Za-z0-9_\-./?=&%#()]))+(?:[ \t]*\n[ \t]*[A-Za-z0-9_\-./?=&%#]*[/._=?&][A-Za-z0-9_\-./?=&%#]*)*", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Address();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[^\p{L}\p{N}]*第[一二三四五六七八九十百零〇0-9]+[编分章节]")]
    private static partial System.Text.RegularExpressions.Regex ContentsEntry();

    private static bool Starts(string text, string heading)
    {
        // Only the head of the text can match: folding the whole clause again would repeat the work of Of().
        var a = ComparableText.From(text[..Math.Min(text.Length, heading.Length * 2 + 16)]).Text;
        var b = ComparableText.From(heading).Text;
        return a.StartsWith(b, StringComparison.Ordinal);
    }
}
