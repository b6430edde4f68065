using System.Text;
using PolicyIngest.Core.Model;
using PolicyIngest.Read;

namespace PolicyIngest.Read.Tests;

public class FormatSnifferTest
{
    public static TheoryData<string, byte[], SourceFormat?> Cases => new()
    {
        // why: the PDF header is the only thing that makes a PDF, whatever the name says
        { "pdf header", "%PDF-1.7\n%âãÏÓ\n"u8.ToArray(), SourceFormat.Pdf },
        // why: some generators put junk before %PDF-; readers accept it within the first KiB
        { "pdf header after junk", [.. "\r\n\r\n"u8.ToArray(), .. "%PDF-1.4"u8.ToArray()], SourceFormat.Pdf },
        // why: a zip container is a DOCX candidate; the reader checks for word/document.xml
        { "zip", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], SourceFormat.Docx },
        // why: OLE2 compound file is a Word 97 .doc candidate
        { "ole2", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], SourceFormat.Doc },
        // why: government pages often start with a doctype
        { "html doctype", "<!DOCTYPE html><html><body>x</body></html>"u8.ToArray(), SourceFormat.Html },
        // why: BOM before markup must not hide it
        { "html with bom", [0xEF, 0xBB, 0xBF, .. "<html><head>"u8.ToArray()], SourceFormat.Html },
        // why: plain UTF-8 Chinese text
        { "utf8 text", Encoding.UTF8.GetBytes("第一条 为了规范管理，制定本办法。"), SourceFormat.Txt },
        // why: GB18030 text (not valid UTF-8) is still text
        { "gb18030 text", TextDecoding.Gb18030.GetBytes("第一条 为了规范管理，制定本办法。"), SourceFormat.Txt },
        // why: UTF-16 with BOM is text
        { "utf16 text", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("第一条")], SourceFormat.Txt },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Detect_ReturnsFormatFromBytes(string name, byte[] bytes, SourceFormat? expected)
    {
        Assert.True(expected == FormatSniffer.Detect(bytes), name);
    }

    [Fact]
    public void Detect_RandomBytes_IsNotAFormat()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x01; // not a magic number
        Assert.Null(FormatSniffer.Detect(bytes));
    }

    [Fact]
    public void Detect_Empty_IsNotAFormat() => Assert.Null(FormatSniffer.Detect([]));
}
