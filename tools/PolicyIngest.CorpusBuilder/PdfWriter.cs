using System.Globalization;
using System.Text;

namespace PolicyIngest.CorpusBuilder;

/// <summary>Hand-written PDF files: objects, cross-reference table, trailer. Only what the corpus needs.</summary>
public sealed class PdfWriter
{
    private readonly List<byte[]> _objects = [];

    public int Reserve() { _objects.Add([]); return _objects.Count; }
    public void Set(int id, string body) => _objects[id - 1] = Encoding.ASCII.GetBytes(body);
    public void Set(int id, byte[] body) => _objects[id - 1] = body;
    public int Add(string body) { var id = Reserve(); Set(id, body); return id; }

    public static byte[] Stream(string dictionaryEntries, byte[] data)
    {
        var head = Encoding.ASCII.GetBytes($"<< {dictionaryEntries} /Length {data.Length} >>\nstream\n");
        var tail = Encoding.ASCII.GetBytes("\nendstream");
        return [.. head, .. data, .. tail];
    }

    public byte[] Build(int catalogId)
    {
        using var output = new MemoryStream();
        void Write(string s) => output.Write(Encoding.ASCII.GetBytes(s));
        Write("%PDF-1.4\n");
        output.Write([0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A]);
        var offsets = new long[_objects.Count];
        for (var i = 0; i < _objects.Count; i++)
        {
            offsets[i] = output.Position;
            Write($"{i + 1} 0 obj\n");
            output.Write(_objects[i]);
            Write("\nendobj\n");
        }
        var xref = output.Position;
        Write($"xref\n0 {_objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Write($"{o.ToString("D10", CultureInfo.InvariantCulture)} 00000 n \n");
        Write($"trailer\n<< /Size {_objects.Count + 1} /Root {catalogId} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }
}

/// <summary>
/// A PDF whose Chinese font is NOT embedded: the standard Adobe-GB1 font STSong-Light with the UniGB-UCS2-H CMap.
/// A reader needs poppler-data to map its CIDs back to Unicode.
/// </summary>
public static class NonEmbeddedFontPdf
{
    private const int CharsPerLine = 36, LinesPerPage = 38, FontSize = 12, Leading = 18;

    public static byte[] Create(SourceText source)
    {
        var lines = new List<(string Text, bool Indent)>();
        foreach (var p in source.Paragraphs)
        {
            var first = true;
            for (var at = 0; at < p.Length;)
            {
                var width = first ? CharsPerLine - 2 : CharsPerLine;
                var take = Math.Min(width, p.Length - at);
                lines.Add((p.Substring(at, take), first));
                at += take;
                first = false;
            }
        }
        var pdf = new PdfWriter();
        var catalog = pdf.Reserve();
        var pages = pdf.Reserve();
        var descriptor = pdf.Add("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");
        var cidFont = pdf.Add($"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor {descriptor} 0 R /DW 1000 >>");
        var font = pdf.Add($"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [{cidFont} 0 R] >>");
        var pageIds = new List<int>();
        var pageCount = (lines.Count + LinesPerPage - 1) / LinesPerPage;
        for (var page = 0; page < pageCount; page++)
        {
            var content = new StringBuilder("BT\n");
            content.Append($"/F1 {FontSize} Tf\n");
            var y = 842 - 72;
            foreach (var (text, indent) in lines.Skip(page * LinesPerPage).Take(LinesPerPage))
            {
                var x = 72 + (indent ? 2 * FontSize : 0);
                content.Append($"1 0 0 1 {x} {y} Tm <{Hex(text)}> Tj\n");
                y -= Leading;
            }
            var number = $"- {page + 1} -";
            content.Append($"1 0 0 1 {297 - number.Length * FontSize / 2} 40 Tm <{Hex(number)}> Tj\nET\n");
            var stream = pdf.Add(Encoding.ASCII.GetString(PdfWriter.Stream("", Encoding.ASCII.GetBytes(content.ToString()))));
            pageIds.Add(pdf.Add($"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} 0 R >> >> /Contents {stream} 0 R >>"));
        }
        pdf.Set(pages, $"<< /Type /Pages /Kids [{string.Join(" ", pageIds.Select(p => $"{p} 0 R"))}] /Count {pageIds.Count} >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {pages} 0 R >>");
        return pdf.Build(catalog);
    }

    private static string Hex(string text) => Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text));
}

/// <summary>A scanned page: one JPEG drawn over a whole A4 page, no text layer.</summary>
public static class ImageOnlyPdf
{
    public static byte[] Create(byte[] jpeg, int widthPx, int heightPx, bool gray)
    {
        var pdf = new PdfWriter();
        var catalog = pdf.Reserve();
        var pages = pdf.Reserve();
        var image = pdf.Reserve();
        pdf.Set(image, PdfWriter.Stream(
            $"/Type /XObject /Subtype /Image /Width {widthPx} /Height {heightPx} /ColorSpace /{(gray ? "DeviceGray" : "DeviceRGB")} /BitsPerComponent 8 /Filter /DCTDecode", jpeg));
        var content = pdf.Add(Encoding.ASCII.GetString(PdfWriter.Stream("", Encoding.ASCII.GetBytes("q 595 0 0 842 0 0 cm /Im1 Do Q"))));
        var page = pdf.Add($"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 {image} 0 R >> >> /Contents {content} 0 R >>");
        pdf.Set(pages, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {pages} 0 R >>");
        return pdf.Build(catalog);
    }
}
