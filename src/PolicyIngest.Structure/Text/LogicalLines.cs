using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Structure.Text;

/// <summary>One logical line (a paragraph) with the page it starts on.</summary>
public sealed record Line(string Text, int? Page);

/// <summary>
/// Reader blocks → logical lines: drops page-number lines and re-joins text that was hard-wrapped at a fixed
/// width (pdftotext output: a break every ~35 CJK characters). Web text and re-joined PDF paragraphs pass through.
/// </summary>
public static partial class LogicalLines
{
    [GeneratedRegex(@"^[\s　]*(?:[-—–－]\s*)?(?:\d{1,4}|[IVXLC]{1,6}|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?)(?:\s*[-—–－])?[\s　]*$")]
    private static partial Regex PageNumberLine();

    private const string ParagraphEnders = "。；！？!?：:」』”）)】〕";

    /// <summary>True when a line is only a page number (12, - 3 -, I, 第2页).</summary>
    public static bool IsPageNumber(string line) => PageNumberLine().IsMatch(line);

    /// <summary>Display width: CJK and full-width characters count two columns.</summary>
    public static int Width(string s)
    {
        var w = 0;
        foreach (var c in s) w += c >= 0x1100 && (c <= 0x115F || c >= 0x2E80) && c != 0x303F && !(c is >= '\uFF61' and <= '\uFFDC') ? 2 : 1;
        return w;
    }

    /// <summary>The wrap width when the text was hard-wrapped (many lines end at nearly the same width), else null.</summary>
    public static int? WrapWidth(IReadOnlyList<string> lines)
    {
        var widths = lines.Select(l => Width(l.Trim())).Where(w => w > 0).OrderBy(w => w).ToList();
        if (widths.Count < 20) return null;
        var top = widths[(int)(widths.Count * 0.95)];
        if (top < 30) return null;
        var nearTop = widths.Count(w => w >= top * 0.88 && w <= top + 4);
        return nearTop >= widths.Count * 0.3 ? top : null;
    }

    /// <summary>
    /// Builds logical lines. <paramref name="startsBlock"/> marks lines that always start a new paragraph
    /// (e.g. a compilation's field names) even after a full-width line.
    /// </summary>
    public static IReadOnlyList<Line> Build(IReadOnlyList<TextBlock> blocks, Func<string, bool>? startsBlock = null)
    {
        var kept = blocks.Where(b => !IsPageNumber(b.Text) && b.Text.Trim(' ', '　', '\t').Length > 0).ToList();
        var wrap = WrapWidth(kept.Select(b => b.Text).ToList());
        var result = new List<Line>();
        string? current = null;
        int? page = null;
        var previousFull = false;
        foreach (var block in kept)
        {
            var text = block.Text.Trim(' ', '\t', '\u00A0');
            var startsNew = current is null
                || wrap is null
                || !previousFull
                || ParagraphEnders.Contains(current.TrimEnd()[^1])
                || (startsBlock?.Invoke(text) ?? false);
            if (startsNew)
            {
                if (current is not null) result.Add(new Line(current, page));
                current = text;
                page = block.Page;
            }
            else
            {
                current = Join(current!, text);
            }
            previousFull = wrap is { } w && Width(text) >= w * 0.88;
        }
        if (current is not null) result.Add(new Line(current, page));
        return result;
    }

    /// <summary>Joins two pieces of one wrapped paragraph: no space between CJK characters, one between Latin words.</summary>
    public static string Join(string left, string right)
    {
        var l = left.TrimEnd();
        var r = right.TrimStart();
        if (l.Length == 0) return r;
        if (r.Length == 0) return l;
        return char.IsAsciiLetterOrDigit(l[^1]) && char.IsAsciiLetterOrDigit(r[0]) ? l + " " + r : l + r;
    }
}
