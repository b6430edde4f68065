using System.Globalization;
using System.Text;

namespace PolicyIngest.Read.Tests;

/// <summary>
/// Hand-written PDFs for tests. Text is set in STSong-Light, not embedded (Adobe-GB1 through the UniGB-UCS2-H CMap: a
/// character code is its UCS-2 value), so renderers draw the right ideographs from the system's CJK font. A ToUnicode
/// map can be added that says each code means something else — the text layer of a PDF with a broken font — and
/// runs can be wrapped in marked content carrying /ActualText.
/// </summary>
public sealed class TestPdf
{
    /// <summary>One line of text at (x, y) from the page's top-left corner, in points.</summary>
    public sealed record Run(string Text, double X, double Y, double Size = 12, string? ActualText = null);

    private readonly List<List<Run>> _pages = [];

    /// <summary>What the text layer says each drawn character is; null: no ToUnicode map (the CMap's own Unicode).</summary>
    public Func<char, string>? ToUnicode { get; init; }

    /// <summary>The whole page content turned by this many degrees (counter-clockwise) about the page's lower-left corner.</summary>
    public double Rotation { get; init; }

    public TestPdf Page(params Run[] runs) { _pages.Add([.. runs]); return this; }

    /// <summary>A page of body text: lines of up to 30 characters, 12 pt, 20 pt apart, from 72 pt down.</summary>
    public TestPdf TextPage(string text)
    {
        var runs = new List<Run>();
        for (int at = 0, line = 0; at < text.Length; at += 30, line++)
            runs.Add(new Run(text.Substring(at, Math.Min(30, text.Length - at)), 72, 100 + 20 * line));
        return Page([.. runs]);
    }

    public byte[] Build()
    {
        var objects = new List<string>();
        int Add(string body) { objects.Add(body); return objects.Count; }
        int Reserve() => Add("");

        var catalog = Reserve();
        var pagesId = Reserve();
        var descriptor = Add("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");
        var cidFont = Add($"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor {descriptor} 0 R /DW 1000 >>");
        var toUnicode = "";
        if (ToUnicode is { } map)
        {
            var chars = _pages.SelectMany(p => p).SelectMany(r => r.Text).Distinct().Order().ToList();
            toUnicode = $" /ToUnicode {Add(Stream(ToUnicodeCMap(chars, map)))} 0 R";
        }
        var font = Add($"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [{cidFont} 0 R]{toUnicode} >>");
        var pageIds = new List<int>();
        foreach (var page in _pages)
        {
            var content = new StringBuilder();
            if (Rotation != 0)
            {
                var (sin, cos) = Math.SinCos(Rotation * Math.PI / 180);
                content.Append(CultureInfo.InvariantCulture, $"q {Num(cos)} {Num(sin)} {Num(-sin)} {Num(cos)} 0 0 cm\n");
            }
            foreach (var run in page)
            {
                var y = 842 - run.Y;
                var show = $"BT /F1 {Num(run.Size)} Tf 1 0 0 1 {Num(run.X)} {Num(y)} Tm <{Hex(run.Text)}> Tj ET\n";
                content.Append(run.ActualText is null ? show : $"/Span << /ActualText <FEFF{Hex(run.ActualText)}> >> BDC\n{show}EMC\n");
            }
            if (Rotation != 0) content.Append("Q\n");
            var stream = Add(Stream(content.ToString()));
            pageIds.Add(Add($"<< /Type /Page /Parent {pagesId} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} 0 R >> >> /Contents {stream} 0 R >>"));
        }
        objects[pagesId - 1] = $"<< /Type /Pages /Kids [{string.Join(" ", pageIds.Select(p => $"{p} 0 R"))}] /Count {pageIds.Count} >>";
        objects[catalog - 1] = $"<< /Type /Catalog /Pages {pagesId} 0 R >>";

        var output = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Length);
            output.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = output.Length;
        output.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) output.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        output.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(output.ToString()); // every byte written is ASCII, so string offsets are byte offsets
    }

    private static string Stream(string data) => $"<< /Length {Encoding.ASCII.GetByteCount(data)} >>\nstream\n{data}\nendstream";

    private static string ToUnicodeCMap(IReadOnlyList<char> chars, Func<char, string> map)
    {
        var sb = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n");
        sb.Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Test-UCS def\n/CMapType 2 def\n");
        sb.Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        foreach (var chunk in chars.Chunk(100))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{chunk.Length} beginbfchar\n");
            foreach (var c in chunk) sb.Append(CultureInfo.InvariantCulture, $"<{Hex(c.ToString())}> <{Hex(map(c))}>\n");
            sb.Append("endbfchar\n");
        }
        sb.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend");
        return sb.ToString();
    }

    private static string Hex(string text) => Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text));

    private static string Num(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
}
