using System.Text;

namespace PolicyIngest.Read.Tests;

/// <summary>What a folder walk skips, told by the bytes; and inputs that must never be taken for something else.</summary>
public class ContentKindsTest
{
    public static TheoryData<string, byte[], string> NotDocuments => new()
    {
        // why: gold annotations, manifests and `export --format json` are JSON data, not text to catalogue
        { "json object", "{\"title\": \"第一条\", \"amounts\": [1, 2]}"u8.ToArray(), "JSON data" },
        // why: a JSON array, after a BOM and blank lines
        { "json array", [0xEF, 0xBB, 0xBF, .. "\n  [1, {\"a\": null}]"u8.ToArray()], "JSON data" },
        // why: images by their signatures, whatever the name
        { "png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "a PNG image" },
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F'], "a JPEG image" },
        { "gif", "GIF89a\u0001\0\u0001\0"u8.ToArray(), "a GIF image" },
        { "tiff", "II*\0\u0008\0\0\0"u8.ToArray(), "a TIFF image" },
        { "webp", "RIFF\u0024\0\0\0WEBPVP8 "u8.ToArray(), "a WebP image" },
        { "bmp", [(byte)'B', (byte)'M', 0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0], "a BMP image" },
        // why: the catalogue itself and its write-ahead log
        { "sqlite", "SQLite format 3\0\u0010\0"u8.ToArray(), "a SQLite database" },
        { "sqlite wal", [0x37, 0x7F, 0x06, 0x82, 0, 0x2D, 0xE2, 0x18], "a SQLite write-ahead log" },
        // why: archives that are no document container
        { "gzip", [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0], "a gzip archive" },
        { "7z", [(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C, 0, 4], "a 7z archive" },
        { "rar", "Rar!\u001A\u0007\u0001\0"u8.ToArray(), "a RAR archive" },
    };

    [Theory]
    [MemberData(nameof(NotDocuments))]
    public void NotADocument_NamesWhatTheBytesAre(string name, byte[] bytes, string expected) =>
        Assert.True(expected == ContentKinds.NotADocument(bytes, whole: true), $"{name}: {ContentKinds.NotADocument(bytes, whole: true)}");

    public static TheoryData<string, byte[]> Documents => new()
    {
        // why: a PDF, a zip and an OLE2 file are documents or containers to look into, not skipped by their first bytes
        { "pdf", "%PDF-1.7\n%âãÏÓ\n"u8.ToArray() },
        { "zip", [0x50, 0x4B, 0x03, 0x04, 0x14, 0] },
        { "ole2", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0] },
        // why: Chinese policy text and an HTML page
        { "text", Encoding.UTF8.GetBytes("第一条 为了规范管理，制定本办法。") },
        { "html", "<!DOCTYPE html><html><body>第一条</body></html>"u8.ToArray() },
        // why: text that opens with a brace or bracket is not JSON unless it parses as JSON
        { "brace text", Encoding.UTF8.GetBytes("{第一条} 为了规范管理，制定本办法。") },
        { "bracket text", Encoding.UTF8.GetBytes("[2024] 第一条 为了规范管理。") },
        // why: "BM" at the start of text (no zero reserved bytes) is no bitmap
        { "BM text", Encoding.UTF8.GetBytes("BMW 汽车产业扶持办法 第一条 为了规范管理，制定本办法。") },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void NotADocument_LeavesDocumentsAndContainersAlone(string name, byte[] bytes) =>
        Assert.True(ContentKinds.NotADocument(bytes, whole: true) is null, name);

    [Fact]
    public void JsonCutOffByTheHead_IsStillJson()
    {
        var json = Encoding.UTF8.GetBytes("{\"clauses\": [" + string.Join(",", Enumerable.Repeat("\"第一条\"", 20000)) + "]}");
        Assert.Equal("JSON data", ContentKinds.NotADocument(json.AsSpan(0, ContentKinds.HeadLength), whole: false));
        Assert.Null(ContentKinds.NotADocument(json.AsSpan(0, ContentKinds.HeadLength), whole: true));
    }

    public static TheoryData<string[], string?, string?> Packages => new()
    {
        // why: Word, OFD and OpenDocument text are documents (the readers say what they make of them)
        { ["[Content_Types].xml", "word/document.xml"], null, null },
        { ["OFD.xml", "Doc_0/Document.xml"], null, null },
        { ["mimetype", "content.xml", "styles.xml"], "application/vnd.oasis.opendocument.text", null },
        // why: spreadsheets and presentations (exports among them) are not
        { ["[Content_Types].xml", "xl/workbook.xml"], null, "an xlsx spreadsheet" },
        { ["[Content_Types].xml", "ppt/presentation.xml"], null, "a pptx presentation" },
        { ["mimetype", "content.xml"], "application/vnd.oasis.opendocument.spreadsheet", "an OpenDocument spreadsheet" },
        // why: any other zip is an archive
        { ["photos/1.jpg", "readme.txt"], null, "a zip archive" },
    };

    [Theory]
    [MemberData(nameof(Packages))]
    public void NotADocumentPackage_ByEntryNames(string[] names, string? mime, string? expected) =>
        Assert.Equal(expected, ContentKinds.NotADocumentPackage(names, mime));

    [Fact]
    public void NotADocumentCompound_TellsWord97FromExcel()
    {
        Assert.Null(ContentKinds.NotADocumentCompound(File.ReadAllBytes(Corpus.PathOf("seeds/000_huairou-fuchi-banfa.doc"))));
        Assert.Equal("an xls spreadsheet", ContentKinds.NotADocumentCompound(Ole2WithStreams("Root Entry", "Workbook")));
        Assert.Null(ContentKinds.NotADocumentCompound(Ole2WithStreams("Root Entry", "WordDocument", "1Table")));
    }

    /// <summary>A minimal OLE2 header (512-byte sectors, directory in sector 0) and one directory sector holding the names.</summary>
    private static byte[] Ole2WithStreams(params string[] names)
    {
        var file = new byte[1024];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(file, 0);
        file[0x1E] = 9;
        for (var i = 0; i < names.Length; i++)
        {
            var at = 512 + i * 128;
            var utf16 = Encoding.Unicode.GetBytes(names[i]);
            utf16.CopyTo(file, at);
            BitConverter.GetBytes((ushort)(utf16.Length + 2)).CopyTo(file, at + 64);
        }
        return file;
    }
}
