using System.Globalization;
using System.Text;
using System.Xml.Linq;
using PolicyIngest.Read.Pdf;

namespace PolicyIngest.Read.Ofd;

/// <summary>
/// OFD text objects → the positioned lines the PDF layout analysis reads. Pure. A <c>TextObject</c> places its
/// <c>TextCode</c>s at X/Y (the baseline of the first glyph, in millimetres, relative to the object's Boundary,
/// through its CTM when it has one); <c>DeltaX</c>/<c>DeltaY</c> give the advance to each next glyph
/// (<c>g N v</c> repeats v N times). Glyphs become words where they touch, words on one baseline become lines,
/// and a wide horizontal gap starts a new line so the analysis can see table cells. Output is in points, top-left origin.
/// </summary>
public static class OfdTextLayout
{
    public const double PointsPerMillimetre = 72.0 / 25.4;

    /// <summary>A line box spans the ascent and descent of its largest font: 0.88 and 0.12 of the size, the box poppler
    /// gives the FangSong/SimSun text of official documents, so geometry thresholds mean the same as for their PDFs.</summary>
    private const double Ascent = 0.88, Descent = 0.12;

    /// <summary>
    /// Glyphs of one TextCode further apart than this fraction of the font size belong to different words. DeltaX is the
    /// advance, not the glyph's width (unknown without the font: an em is assumed for CJK, half an em for the rest), so
    /// only a gap wider than any proportional letter leaves (letter-spaced headings: 通　知) separates words.
    /// </summary>
    private const double WordGap = 0.5;
    /// <summary>Words on one baseline further apart than this many font sizes are different lines (table cells, columns).</summary>
    private const double LineGap = 1.0;

    /// <summary>A word on the page in millimetres: horizontal extent, baseline and font size.</summary>
    public sealed record PlacedWord(double XMin, double XMax, double Baseline, double Size, string Text);

    /// <summary>The words of one <c>TextObject</c>; false (and no words) when the object is rotated or mirrored (seals, watermarks, margin notes).</summary>
    public static bool TryReadTextObject(XElement textObject, List<PlacedWord> words)
    {
        var boundary = Numbers(Attr(textObject, "Boundary"));
        double bx = boundary.Count >= 2 ? boundary[0] : 0, by = boundary.Count >= 2 ? boundary[1] : 0;
        double? boundaryRight = boundary.Count == 4 ? boundary[0] + boundary[2] : null;
        var ctm = Numbers(Attr(textObject, "CTM"));
        double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
        if (ctm.Count == 6) (a, b, c, d, e, f) = (ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5]);
        if (a <= 0 || d <= 0 || Math.Abs(b) > 0.05 * a || Math.Abs(c) > 0.05 * d) return false;
        var hScale = Number(Attr(textObject, "HScale")) ?? 1;
        var size = (Number(Attr(textObject, "Size")) ?? 0) * d;
        if (size <= 0) return true; // nothing readable can be placed without a size

        double x = 0, y = 0;
        var codes = textObject.Elements().Where(el => el.Name.LocalName == "TextCode").ToList();
        foreach (var code in codes)
        {
            x = Number(Attr(code, "X")) ?? x;
            y = Number(Attr(code, "Y")) ?? y;
            var text = code.Value;
            var dx = Deltas(Attr(code, "DeltaX"), text.Length);
            var dy = Deltas(Attr(code, "DeltaY"), text.Length);
            var current = new StringBuilder();
            double wordMin = 0, wordMax = 0, wordBaseline = 0;

            void Flush()
            {
                if (current.Length > 0) words.Add(new PlacedWord(wordMin, wordMax, wordBaseline, size, current.ToString()));
                current.Clear();
            }

            var i = 0;
            var glyphs = text.EnumerateRunes().Count();
            foreach (var rune in text.EnumerateRunes())
            {
                var defaultAdvance = (IsWide(rune) ? 1.0 : 0.5) * size / d * hScale;   // object units
                // A glyph without its own DeltaX (the last one, or a short list) advances by its default width.
                var advance = i < dx.Count ? dx[i] : defaultAdvance;
                var left = bx + a * x + e;
                var right = bx + a * (x + Math.Min(advance, defaultAdvance)) + e;
                // The object's last glyph reaches to the Boundary's right edge (up to an em): ★ and ① are full width in CJK fonts.
                if (i == glyphs - 1 && code == codes[^1] && boundaryRight is { } edge) right = Math.Max(right, Math.Min(edge, left + size));
                var baseline = by + d * y + f;
                if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune)) Flush();
                else
                {
                    var gap = left - wordMax;
                    if (current.Length > 0 && (Math.Abs(baseline - wordBaseline) > 0.2 * size || gap > WordGap * size || gap < -0.5 * size)) Flush();
                    if (current.Length == 0) (wordMin, wordMax, wordBaseline) = (left, right, baseline);
                    else wordMax = Math.Max(wordMax, right);
                    current.Append(rune.ToString());
                }
                x += advance;
                if (i < dy.Count) y += dy[i];
                i++;
            }
            Flush();
        }
        return true;
    }

    /// <summary>Words (millimetres) → lines (points) grouped by baseline, split at wide gaps, sorted top to bottom.</summary>
    public static IReadOnlyList<PdfLine> Lines(IEnumerable<PlacedWord> words)
    {
        var sorted = words.OrderBy(w => w.Baseline).ThenBy(w => w.XMin).ToList();
        var clusters = new List<List<PlacedWord>>();
        foreach (var word in sorted)
        {
            var last = clusters.Count > 0 ? clusters[^1] : null;
            if (last is not null && Math.Abs(word.Baseline - last[0].Baseline) <= 0.3 * Math.Max(word.Size, last.Max(w => w.Size))) last.Add(word);
            else clusters.Add([word]);
        }
        var lines = new List<PdfLine>();
        foreach (var cluster in clusters)
        {
            var segment = new List<PlacedWord>();
            foreach (var word in cluster.OrderBy(w => w.XMin))
            {
                if (segment.Count > 0)
                {
                    var previous = segment[^1];
                    if (word.XMin - segment.Max(w => w.XMax) > LineGap * Math.Max(word.Size, previous.Size)) { lines.Add(ToLine(segment)); segment = []; }
                    // The same text printed twice on top of itself ("fake bold") is kept once.
                    else if (word.Text == previous.Text && Overlap(word, previous) > 0.5 * (word.XMax - word.XMin)) continue;
                }
                segment.Add(word);
            }
            if (segment.Count > 0) lines.Add(ToLine(segment));
        }
        return lines;
    }

    private static double Overlap(PlacedWord a, PlacedWord b) => Math.Min(a.XMax, b.XMax) - Math.Max(a.XMin, b.XMin);

    private static PdfLine ToLine(List<PlacedWord> words)
    {
        const double k = PointsPerMillimetre;
        var size = words.Max(w => w.Size);
        var baseline = words.Average(w => w.Baseline);
        return new PdfLine(words.Min(w => w.XMin) * k, (baseline - Ascent * size) * k, words.Max(w => w.XMax) * k, (baseline + Descent * size) * k,
            words.Select(w => new PdfWord(w.XMin * k, w.XMax * k, w.Text)).ToList());
    }

    /// <summary>CJK ideographs, kana, hangul, CJK punctuation and full-width forms advance a full em; everything else half.</summary>
    private static bool IsWide(Rune rune) =>
        rune.Value is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000;

    /// <summary><c>DeltaX</c>/<c>DeltaY</c>: numbers, where <c>g N v</c> stands for N copies of v; at most <paramref name="max"/>
    /// (the glyph count: a hostile <c>g 1000000000 1</c> must not allocate).</summary>
    public static IReadOnlyList<double> Deltas(string? spec, int max = int.MaxValue)
    {
        var result = new List<double>();
        if (string.IsNullOrWhiteSpace(spec)) return result;
        var tokens = spec.Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length && result.Count < max; i++)
        {
            if (tokens[i] == "g" && i + 2 < tokens.Length && int.TryParse(tokens[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                && Number(tokens[i + 2]) is { } repeated)
            {
                for (var k = 0; k < n && result.Count < max; k++) result.Add(repeated);
                i += 2;
            }
            else if (Number(tokens[i]) is { } v) result.Add(v);
        }
        return result;
    }

    public static List<double> Numbers(string? spec) =>
        string.IsNullOrWhiteSpace(spec) ? [] : spec.Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries).Select(Number).OfType<double>().ToList();

    private static double? Number(string? s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    private static string? Attr(XElement element, string name) => element.Attribute(name)?.Value;
}
