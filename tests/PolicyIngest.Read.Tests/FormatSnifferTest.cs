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

    public static TheoryData<string, string> HtmlFragments => new()
    {
        // why: a law-database copy (real file 59): <p align> first, a table further down
        { "p with attributes", "<p align=\"center\">浙江省物价局关于收费的通知\n（浙价费〔2007〕136号）</p>\n<p>\n省建设厅：</p>\n<p>为规范收费管理。</p>" },
        // why: a CMS article body (real file 62): the TRS editor's div, then p/strong/span
        { "div span strong", "<div class=\"view TRS_UEDITOR\">\n\t<p style=\"text-align: center\">\n\t\t<strong><span>“十四五”冷链物流发展规划</span></strong></p>" },
        // why: leading whitespace and a BOM-less UTF-8 body; span soup on one line (real file 64)
        { "span soup", "  \n<span><span>重庆市交通运输委员会</span></span><span>印发</span>" },
        // why: a fragment that starts with a table
        { "table", "<table border=1><tr><td>项目</td><td>金额</td></tr></table>" },
        // why: a heading first, upper-case tags (old editors write <P>, <TBODY>)
        { "upper-case heading", "<H1>第一章 总则</H1><P>第一条 为了规范管理。</P>" },
        // why: a comment first, as some exports begin
        { "comment first", "<!-- saved from editor --><div><p>第一条</p><p>第二条</p></div>" },
    };

    [Theory]
    [MemberData(nameof(HtmlFragments))]
    public void Detect_HtmlFragmentWithoutHtmlOrHead_IsHtml(string name, string fragment) =>
        Assert.True(FormatSniffer.Detect(Encoding.UTF8.GetBytes(fragment)) == SourceFormat.Html, name);

    public static TheoryData<string, string> NotHtml => new()
    {
        // why: a text that merely contains "<" (a comparison) stays text
        { "less-than in prose", "第一条 年营业收入<500万元的企业，给予补助。\n第二条 本办法自印发之日起施行。" },
        // why: text starting with an angle-bracketed title (书名号 written with ASCII brackets) is not markup
        { "angle-bracketed title", "<关于印发若干措施的通知>\n各区人民政府：现将措施印发给你们。" },
        // why: one tag at the start of a text is not enough to call it HTML
        { "single tag", "<p>第一条 为了规范管理，制定本办法。\n第二条 本办法适用于本区。" },
        // why: an unknown element name at the start (an e-mail address in brackets) is not markup
        { "address in brackets", "<zhangsan@example.gov.cn> 来函收悉。<p>见附件</p><p>此复</p>" },
        // why: markup that does not start the file: a text with tags quoted further down
        { "tags later", "说明：网页用<p>、<div>、<span>等标签排版。" },
    };

    [Theory]
    [MemberData(nameof(NotHtml))]
    public void Detect_TextWithAngleBrackets_StaysText(string name, string text) =>
        Assert.True(FormatSniffer.Detect(Encoding.UTF8.GetBytes(text)) == SourceFormat.Txt, name);

    [Fact]
    public void Detect_ZipWithOfdXml_IsOfdWhateverItsOrder()
    {
        // OFD.xml last, as WPS writes it (real file 41): found in the central directory, not only at the start.
        var ofd = TestPackages.Zip(("Doc_0/Pages/Page_0/Content.xml", "<Page/>"u8.ToArray()), ("Doc_0/Document.xml", "<Document/>"u8.ToArray()), ("OFD.xml", "<OFD/>"u8.ToArray()));
        Assert.Equal(SourceFormat.Ofd, FormatSniffer.Detect(ofd));
        // A truncated copy (no central directory) is still recognised from its local headers.
        var noise = new byte[5000];
        new Random(3).NextBytes(noise); // incompressible: the cut falls inside this entry, before the central directory
        var truncated = TestPackages.Zip(("OFD.xml", "<OFD/>"u8.ToArray()), ("Doc_0/Document.xml", noise));
        Assert.Equal(SourceFormat.Ofd, FormatSniffer.Detect(truncated.AsSpan(0, truncated.Length / 2)));
        // A Word package, and a zip that only mentions OFD.xml inside another entry's name, stay DOCX candidates.
        Assert.Equal(SourceFormat.Docx, FormatSniffer.Detect(TestPackages.Zip(("word/document.xml", "<w:document/>"u8.ToArray()))));
        Assert.Equal(SourceFormat.Docx, FormatSniffer.Detect(TestPackages.Zip(("docs/OFD.xml.bak", "x"u8.ToArray()))));
    }

    [Fact]
    public void Detect_RealFiles_FromTheirBytes()
    {
        Assert.Equal(SourceFormat.Ofd, FormatSniffer.Detect(File.ReadAllBytes(RealFiles.PathOf("41_FORMAT-ONLY_mock-gongwen-master-template.ofd"))));
        Assert.Equal(SourceFormat.Doc, FormatSniffer.Detect(File.ReadAllBytes(RealFiles.PathOf("37_FORMAT-ONLY_mock-gongwen-master-template.wps"))));
        foreach (var fragment in new[] { "59_zhejiang-chengshi-daolu-zhandao-wajue-shoufei-2007.html", "60_ningbo-shangmao-liutong-pingjia-jiangli-2007.html",
                     "61_zizhiqu-renshe-xingzheng-chufa-cailiang-guize-2014.html", "62_shisiwu-lenglian-wuliu-fazhan-guihua-2021.html",
                     "63_chongqing-putong-gaoxiao-zhaosheng-banfa-2020.html", "64_chongqing-jiaotong-xingzheng-chufa-cailiang-jizhun-2024.html" })
            Assert.True(FormatSniffer.Detect(File.ReadAllBytes(RealFiles.PathOf(fragment))) == SourceFormat.Html, fragment);
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
