using System.Text;

namespace PolicyIngest.Read.Pdf;

/// <summary>
/// One drawn character in the frame of its text direction: x along the baseline, y down from the top of the page,
/// points. <see cref="Size"/> is the font size in points; <see cref="Text"/> is what the glyph stands for (a space
/// glyph is " ").
/// </summary>
public readonly record struct PdfGlyph(string Text, double X0, double X1, double Baseline, double Size);

/// <summary>
/// Glyphs → lines and words, the way poppler's pdftotext -bbox-layout would give them, so that
/// <see cref="PdfLayoutAnalyzer"/> sees the same kind of input from every engine. Pure.
/// <list type="number">
/// <item>Lines: glyphs whose vertical extents overlap by at least half the smaller one share a baseline (a superscript
/// joins its line; two lines set one font size apart never do).</item>
/// <item>Within a line, glyphs in x order; a glyph drawn again at (almost) the same place with the same text is an
/// overprint ("fake bold") and is dropped.</item>
/// <item>A gap wider than <see cref="SegmentGap"/> font sizes starts a new line on the same baseline (table cells,
/// columns: the layout analyser decides what they are); a space glyph or a gap wider than <see cref="WordGap"/> starts a
/// new word.</item>
/// </list>
/// PdfPig's own word extractors are not used: their default distance and angle settings merge or scramble CJK lines.
/// </summary>
public static class PdfLineBuilder
{
    /// <summary>Extent above the baseline, in font sizes: poppler's default font ascent, so line heights (≈ 1.3 em)
    /// match what <see cref="PdfLayoutAnalyzer"/> was tuned on.</summary>
    public const double Ascent = 0.95;
    /// <summary>Extent below the baseline, in font sizes: poppler's default descent.</summary>
    public const double Descent = 0.35;
    /// <summary>Two glyphs are on one line when their vertical extents overlap by this share of the smaller extent.
    /// Lines of one size set solid (pitch = 1 em) overlap by 0.3 em of 1.3 em (23%); a superscript overlaps fully.</summary>
    public const double SameLineOverlap = 0.5;
    /// <summary>A gap between glyphs wider than this many font sizes separates words. Kerning and CJK justification
    /// stay below 0.1 em; the narrowest typed space in the fonts met (Noto Sans CJK's, 0.224 em) stays above.</summary>
    public const double WordGap = 0.15;
    /// <summary>A gap wider than this many font sizes separates two pieces of text on one baseline (table cells,
    /// columns). An ideographic space (1 em) after 第一条 stays inside the line.</summary>
    public const double SegmentGap = 1.5;
    /// <summary>A glyph whose start lies within this many font sizes of an earlier one with the same text, on the same
    /// baseline, is the same glyph drawn again (overprinted bold, shadows).</summary>
    public const double OverprintTolerance = 0.3;

    public static IReadOnlyList<PdfLine> Build(IReadOnlyList<PdfGlyph> glyphs)
    {
        if (glyphs.Count == 0) return [];
        var order = Enumerable.Range(0, glyphs.Count)
            .Where(i => glyphs[i].Text.Length > 0)
            .OrderBy(i => glyphs[i].Baseline).ThenBy(i => glyphs[i].X0).ToList();

        var clusters = new List<Cluster>();
        foreach (var i in order)
        {
            var g = glyphs[i];
            var size = SizeOf(g);
            var top = g.Baseline - Ascent * size;
            var bottom = g.Baseline + Descent * size;
            Cluster? home = null;
            // Glyphs come top to bottom: only the last few clusters can still overlap this one.
            for (var k = clusters.Count - 1; k >= 0 && k >= clusters.Count - 3; k--)
            {
                var c = clusters[k];
                var overlap = Math.Min(bottom, c.Bottom) - Math.Max(top, c.Top);
                if (overlap >= SameLineOverlap * Math.Min(bottom - top, c.Bottom - c.Top)) { home = c; break; }
            }
            if (home is null) { home = new Cluster(top, bottom); clusters.Add(home); }
            home.Top = Math.Min(home.Top, top);
            home.Bottom = Math.Max(home.Bottom, bottom);
            home.Members.Add(i);
        }

        var lines = new List<PdfLine>();
        foreach (var cluster in clusters.OrderBy(c => c.Top))
        {
            var members = cluster.Members.OrderBy(i => glyphs[i].X0).ThenBy(i => i).ToList();
            SplitLine(glyphs, WithoutOverprints(glyphs, members), lines);
        }
        return lines;
    }

    private sealed class Cluster(double top, double bottom)
    {
        public double Top { get; set; } = top;
        public double Bottom { get; set; } = bottom;
        public List<int> Members { get; } = [];
    }

    private static double SizeOf(PdfGlyph g) => g.Size > 0 ? g.Size : Math.Max(g.X1 - g.X0, 1);

    private static List<int> WithoutOverprints(IReadOnlyList<PdfGlyph> glyphs, List<int> members)
    {
        var kept = new List<int>(members.Count);
        foreach (var i in members)
        {
            var g = glyphs[i];
            var duplicate = false;
            if (!string.IsNullOrWhiteSpace(g.Text))
            {
                var tolerance = OverprintTolerance * SizeOf(g);
                for (var k = kept.Count - 1; k >= 0 && k >= kept.Count - 4; k--)
                {
                    var other = glyphs[kept[k]];
                    if (g.X0 - other.X0 > tolerance) break;
                    if (other.Text == g.Text && Math.Abs(other.Baseline - g.Baseline) <= tolerance) { duplicate = true; break; }
                }
            }
            if (!duplicate) kept.Add(i);
        }
        return kept;
    }

    private static void SplitLine(IReadOnlyList<PdfGlyph> glyphs, List<int> members, List<PdfLine> lines)
    {
        var words = new List<PdfWord>();
        var word = new StringBuilder();
        double wordX0 = 0, wordX1 = 0;
        double top = double.MaxValue, bottom = double.MinValue;
        double? lastX1 = null;
        var lastSize = 0.0;

        void FlushWord()
        {
            if (word.Length > 0) words.Add(new PdfWord(wordX0, wordX1, word.ToString()));
            word.Clear();
        }

        void FlushLine()
        {
            FlushWord();
            if (words.Count > 0) lines.Add(new PdfLine(words[0].XMin, top, words.Max(w => w.XMax), bottom, words.ToList()));
            words.Clear();
            top = double.MaxValue;
            bottom = double.MinValue;
        }

        foreach (var i in members)
        {
            var g = glyphs[i];
            if (string.IsNullOrWhiteSpace(g.Text)) { FlushWord(); continue; }
            var size = SizeOf(g);
            if (lastX1 is { } previousEnd)
            {
                var gap = g.X0 - previousEnd;
                var scale = Math.Max(size, lastSize);
                if (gap > SegmentGap * scale) FlushLine();
                else if (gap > WordGap * scale) FlushWord();
            }
            if (word.Length == 0) { wordX0 = g.X0; wordX1 = g.X1; }
            word.Append(g.Text);
            wordX1 = Math.Max(wordX1, g.X1);
            top = Math.Min(top, g.Baseline - Ascent * size);
            bottom = Math.Max(bottom, g.Baseline + Descent * size);
            lastX1 = Math.Max(lastX1 ?? g.X1, g.X1);
            lastSize = size;
        }
        FlushLine();
    }
}
