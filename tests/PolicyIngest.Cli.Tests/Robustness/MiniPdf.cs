using System.Globalization;
using System.Text;

namespace PolicyIngest.Cli.Tests.Robustness;

/// <summary>
/// Small PDFs written by hand as PDF text: object 1 is the catalog, the body objects are given in order, and the
/// cross-reference table and trailer are computed. Text uses a Type3 font (square glyphs) whose ToUnicode CMap maps
/// each one-byte code to a character, so any Unicode text (Chinese, control characters) can be put on a page.
/// </summary>
public static class MiniPdf
{
    /// <summary>A PDF from its objects (numbered from 1, object 1 must be the catalog).</summary>
    public static byte[] Build(IReadOnlyList<string> objects, string? trailerExtra = null)
    {
        var latin1 = Encoding.Latin1;
        using var ms = new MemoryStream();
        void Write(string s) { var b = latin1.GetBytes(s); ms.Write(b); }
        Write("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(ms.Position);
            Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = ms.Position;
        Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Write($"{o.ToString("D10", CultureInfo.InvariantCulture)} 00000 n \n");
        Write($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {trailerExtra} >>\nstartxref\n{xref}\n%%EOF\n");
        return ms.ToArray();
    }

    /// <summary>A stream object; <paramref name="content"/> is written as Latin-1 bytes (one char = one byte).</summary>
    public static string Stream(string content, string dictionaryExtra = "") =>
        $"<< /Length {Encoding.Latin1.GetByteCount(content)} {dictionaryExtra} >>\nstream\n{content}\nendstream";

    /// <summary>
    /// One-page (or <paramref name="pages"/>-page, all sharing one content stream) PDF showing <paramref name="lines"/>
    /// in a Type3 font; extra objects (e.g. an AcroForm) are appended after the font and referenced via <paramref name="catalogExtra"/>.
    /// </summary>
    public static byte[] Type3Text(IReadOnlyList<string> lines, int pages = 1, string catalogExtra = "", string pageExtra = "",
        Func<int, IReadOnlyList<string>>? extraObjects = null, int? declaredCount = null)
    {
        var chars = lines.SelectMany(l => EnumerateCodePoints(l)).Distinct().ToList();
        if (chars.Count > 250) throw new ArgumentException("at most 250 distinct characters", nameof(lines));
        var code = chars.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (byte)(x.i + 1));

        var content = new StringBuilder("BT\n/F1 14 Tf\n16 TL\n72 760 Td\n");
        foreach (var line in lines)
        {
            content.Append('<');
            foreach (var c in EnumerateCodePoints(line)) content.Append(code[c].ToString("X2", CultureInfo.InvariantCulture));
            content.Append("> Tj T*\n");
        }
        content.Append("ET");

        // 1 catalog, 2 pages, 3 content, 4 font, 5 charprocs, 6 glyph, 7 tounicode, 8.. extra, then the page objects
        var glyphs = string.Join(" ", chars.Select((_, i) => $"/g{i + 1} 6 0 R"));
        var differences = string.Join(" ", chars.Select((_, i) => $"/g{i + 1}"));
        var cmap = new StringBuilder("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n/CMapName /Mini def /CMapType 2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n");
        cmap.Append(chars.Count).Append(" beginbfchar\n");
        foreach (var c in chars) cmap.Append('<').Append(code[c].ToString("X2", CultureInfo.InvariantCulture)).Append("> <").Append(Utf16Hex(c)).Append(">\n");
        cmap.Append("endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end");

        var extra = extraObjects?.Invoke(8) ?? [];
        var firstPage = 8 + extra.Count;
        var kids = string.Join(" ", Enumerable.Range(0, pages).Select(i => $"{firstPage + i} 0 R"));
        var objects = new List<string>
        {
            $"<< /Type /Catalog /Pages 2 0 R {catalogExtra} >>",
            $"<< /Type /Pages /Kids [{kids}] /Count {declaredCount ?? pages} >>",
            Stream(content.ToString()),
            $"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs 5 0 R " +
            $"/Encoding << /Type /Encoding /Differences [1 {differences}] >> /FirstChar 1 /LastChar {chars.Count} " +
            $"/Widths [{string.Join(" ", chars.Select(_ => "1000"))}] /Resources << >> /ToUnicode 7 0 R >>",
            $"<< {glyphs} >>",
            Stream("1000 0 0 0 900 900 d1\n50 50 800 800 re f"),
            Stream(cmap.ToString()),
        };
        objects.AddRange(extra);
        for (var i = 0; i < pages; i++)
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R {pageExtra} >>");
        return Build(objects);
    }

    /// <summary>A page that holds one gray image and no text at all.</summary>
    public static byte[] ImageOnly()
    {
        var pixels = new StringBuilder();
        for (var y = 0; y < 32; y++)
            for (var x = 0; x < 32; x++) pixels.Append((char)((x / 4 + y / 4) % 2 == 0 ? 40 : 220));
        return Build(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
            Stream("q 400 0 0 400 97 221 cm /Im1 Do Q"),
            Stream(pixels.ToString(), "/Type /XObject /Subtype /Image /Width 32 /Height 32 /ColorSpace /DeviceGray /BitsPerComponent 8"),
        ]);
    }

    /// <summary>A page tree with no pages.</summary>
    public static byte[] ZeroPages() => Build(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"]);

    /// <summary>A page tree whose only kid is the tree itself.</summary>
    public static byte[] RecursivePageTree() => Build(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]);

    private static IEnumerable<int> EnumerateCodePoints(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { yield return char.ConvertToUtf32(s[i], s[i + 1]); i++; }
            else yield return s[i];
        }
    }

    /// <summary>A code point as ToUnicode hex; lone surrogates are written as the raw code unit (hostile on purpose).</summary>
    private static string Utf16Hex(int codePoint) =>
        codePoint is >= 0xD800 and <= 0xDFFF || codePoint < 0x10000
            ? codePoint.ToString("X4", CultureInfo.InvariantCulture)
            : string.Concat(char.ConvertFromUtf32(codePoint).Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)));
}
