using PolicyIngest.Core.Model;
using PolicyIngest.Evaluation.Read;
using static PolicyIngest.Read.Tests.TestPackages;

namespace PolicyIngest.Read.Tests;

/// <summary>Text boxes read in document order; the first page's header read only when it is a 公文 版头; WPS/DOC through LibreOffice.</summary>
public class DocxTextBoxAndHeaderTest
{
    private static readonly DocumentReaders Readers = DocumentReaders.CreateDefault();

    private static List<string> Blocks(byte[] docx) => Readers.Read(docx, "test.docx", ReadOptions.Default).Blocks.Select(b => b.Text).ToList();

    // ---- text boxes -------------------------------------------------------------------------------------------

    private static string TextBoxRun(string text, bool wordArt = false) =>
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"1\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\">" +
        "<wp:simplePos x=\"0\" y=\"0\"/><wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>0</wp:posOffset></wp:positionV>" +
        "<wp:extent cx=\"2000000\" cy=\"500000\"/><wp:wrapNone/><wp:docPr id=\"1\" name=\"文本框 1\"/><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">" +
        "<wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:spPr/><wps:txbx><w:txbxContent>" + P(text) + "</w:txbxContent></wps:txbx>" +
        (wordArt ? "<wps:bodyPr wrap=\"none\" fromWordArt=\"1\"><a:prstTxWarp prst=\"textArchUp\"><a:avLst/></a:prstTxWarp></wps:bodyPr>" : "<wps:bodyPr/>") +
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>" +
        "<mc:Fallback><w:pict><v:shape id=\"tb1\" style=\"position:absolute\"><v:textbox><w:txbxContent>" + P(text) + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>" +
        "</mc:AlternateContent></w:r>";

    [Fact]
    public void TextBox_IsReadOnceAfterItsAnchorParagraph()
    {
        var body = P("第一段。") +
                   "<w:p><w:r><w:t>锚定段落</w:t></w:r>" + TextBoxRun("文本框中的发文机关标志") + "</w:p>" +
                   P("最后一段。");
        Assert.Equal(["第一段。", "锚定段落", "文本框中的发文机关标志", "最后一段。"], Blocks(BuildDocx(body)));
    }

    [Fact]
    public void VmlOnlyTextBox_IsRead()
    {
        var body = "<w:p><w:r><w:pict><v:shape id=\"s\"><v:textbox><w:txbxContent>" + P("抄送：市委办公厅。") + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>" + P("正文。");
        Assert.Equal(["抄送：市委办公厅。", "正文。"], Blocks(BuildDocx(body)));
    }

    [Fact]
    public void WordArt_IsNotRead()
    {
        // An arched seal inscription (WordArt) repeats the signing agency printed beside it: decoration, not text.
        var body = P("测试市人民政府") + "<w:p>" + TextBoxRun("测试市人民政府", wordArt: true) + "</w:p>" + P("2025年1月1日");
        Assert.Equal(["测试市人民政府", "2025年1月1日"], Blocks(BuildDocx(body)));
    }

    // ---- the first page's header ------------------------------------------------------------------------------

    private static string Section(bool titlePage = false, params (string Type, string Id)[] headers) =>
        "<w:sectPr>" + string.Concat(headers.Select(h => $"<w:headerReference w:type=\"{h.Type}\" r:id=\"{h.Id}\"/>")) + (titlePage ? "<w:titlePg/>" : "") + "</w:sectPr>";

    [Fact]
    public void HeaderOfBanTouLines_IsContentAndComesFirst()
    {
        var docx = BuildDocx(P("测试市人民政府文件") + P("测政发〔2025〕1号") + Section(false, ("default", "h1")),
            Header("header1.xml", "h1", "000123", "机密★1年", "特急"));
        Assert.Equal(["000123", "机密★1年", "特急", "测试市人民政府文件", "测政发〔2025〕1号"], Blocks(docx));
    }

    [Fact]
    public void RunningHeader_StaysOut()
    {
        var docx = BuildDocx(P("第一条 正文。") + Section(false, ("default", "h1")), Header("header1.xml", "h1", "测试市人民政府公报"));
        Assert.Equal(["第一条 正文。"], Blocks(docx));
    }

    [Fact]
    public void HeaderWithABanTouLineAndAnythingElse_StaysOut()
    {
        // All or nothing: a running header that happens to hold a six-digit number is still a running header.
        var docx = BuildDocx(P("第一条 正文。") + Section(false, ("default", "h1")), Header("header1.xml", "h1", "000123", "测试市人民政府公报"));
        Assert.Equal(["第一条 正文。"], Blocks(docx));
    }

    [Fact]
    public void TitlePage_TheFirstPageHeaderIsTheOneRead()
    {
        var docx = BuildDocx(P("第一条 正文。") + Section(true, ("first", "h1"), ("default", "h2")),
            Header("header1.xml", "h1", "份号：000456", "加急"),
            Header("header2.xml", "h2", "秘密"));
        Assert.Equal(["份号：000456", "加急", "第一条 正文。"], Blocks(docx));
        // Without a title page the default header is the first page's: here it is 版头-like too.
        var plain = BuildDocx(P("第一条 正文。") + Section(false, ("first", "h1"), ("default", "h2")),
            Header("header1.xml", "h1", "份号：000456", "加急"),
            Header("header2.xml", "h2", "秘密"));
        Assert.Equal(["秘密", "第一条 正文。"], Blocks(plain));
    }

    // ---- the real mock 公文 in four formats -------------------------------------------------------------------

    private static readonly string[] BanTouAndTitle = ["001012", "机密★5年", "特急", "BJTU机密文件", "XXX〔2023〕X号", "测试公文标题"];

    [Theory]
    // why: WPS's .docx: 份号/密级/紧急程度 in header1.xml (default header), the seal as VML WordArt
    [InlineData("39_FORMAT-ONLY_mock-gongwen-master-template.docx", SourceFormat.Docx)]
    // why: the Kingsoft .wps (OLE2) through LibreOffice: its header comes back as a default header, the seal as DrawingML WordArt
    [InlineData("37_FORMAT-ONLY_mock-gongwen-master-template.wps", SourceFormat.Doc)]
    // why: WPS's Word 97 .doc through LibreOffice
    [InlineData("38_FORMAT-ONLY_mock-gongwen-master-template.doc", SourceFormat.Doc)]
    public void RealMockGongwen_ReadsBanTouTitleBodyAndSignatureLikeItsPdf(string file, SourceFormat format)
    {
        var text = RealFiles.Read(file);
        Assert.Equal(format, text.Format);
        Assert.Equal(BanTouAndTitle, text.Blocks.Take(BanTouAndTitle.Length).Select(b => b.Text));
        Assert.Single(text.Blocks, b => b.Text == "BJTU单位"); // the printed signature once; the seal's WordArt copy not read
        Assert.Equal("二〇二三年一月一日", text.Blocks[^1].Text);
        var pdf = RealFiles.Read("40_FORMAT-ONLY_mock-gongwen-master-template.pdf");
        var score = TextFidelity.Compare(pdf.FullText, text.FullText);
        Assert.Equal(score.SourceHan, score.RecoveredInOrder);
        Assert.Equal(0, score.ExtraHan);
    }
}
