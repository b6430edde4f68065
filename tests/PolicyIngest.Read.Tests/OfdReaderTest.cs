using System.Xml.Linq;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Read.Ofd;
using static PolicyIngest.Read.Tests.TestPackages;

namespace PolicyIngest.Read.Tests;

public class OfdReaderTest
{
    private static readonly DocumentReaders Readers = DocumentReaders.CreateDefault();

    private static ExtractedText Read(byte[] bytes, ReadOptions? options = null) => Readers.Read(bytes, "test.ofd", options ?? ReadOptions.Default);

    // ---- the real file ------------------------------------------------------------------------------------------

    private static readonly string[] MockGongwen =
    [
        "001012", "机密★5年", "特急", "BJTU机密文件", "XXX〔2023〕X号", "测试公文标题", "密级：秘密", "本文件用于安全检测测试，包含涉密信息。",
        "关键词测试如下：", "涉密", "SM", "禁止外传", "BMB", "以上内容用于验证文档类文件在不同格式下的敏感信息检测能力。",
        "BJTU单位（此处添加印章图片或文字说明）", "二〇二三年一月一日",
    ];

    [Fact]
    public void RealWpsExport_ReadsEveryLineInOrderWithItsPage()
    {
        var text = RealFiles.Read("41_FORMAT-ONLY_mock-gongwen-master-template.ofd");
        Assert.Equal(SourceFormat.Ofd, text.Format);
        Assert.Equal(1, text.PageCount);
        Assert.Equal(MockGongwen, text.Blocks.Select(b => b.Text));
        Assert.All(text.Blocks, b => Assert.Equal(1, b.Page));
    }

    [Fact]
    public void RealWpsExport_GivesTheSameBlocksAsItsPdfTwin()
    {
        // The same WPS document exported to PDF (poppler) and to OFD (our glyph positions): one layout analysis, one result.
        var ofd = RealFiles.Read("41_FORMAT-ONLY_mock-gongwen-master-template.ofd");
        var pdf = RealFiles.Read("40_FORMAT-ONLY_mock-gongwen-master-template.pdf");
        Assert.Equal(pdf.Blocks.Select(b => (b.Text, b.Page, b.Kind)), ofd.Blocks.Select(b => (b.Text, b.Page, b.Kind)));
    }

    // ---- a generated three-page document ------------------------------------------------------------------------

    private const double Size = 5.6, Left = 28, CharsPerLine = 28, Pitch = 10;

    /// <summary>A paragraph set like a 公文 body: first line indented two characters, 28 characters a line.</summary>
    private static IEnumerable<(double X, string Line)> Wrap(string paragraph, bool indent = true)
    {
        var rest = paragraph;
        var first = true;
        while (rest.Length > 0)
        {
            var width = (int)CharsPerLine - (first && indent ? 2 : 0);
            var line = rest[..Math.Min(width, rest.Length)];
            yield return (Left + (first && indent ? 2 * Size : 0), line);
            rest = rest[line.Length..];
            first = false;
        }
    }

    private static string Para(string start, int filler, string end) => start + string.Concat(Enumerable.Repeat("支持企业开展技术创新活动", filler)) + end;

    private static readonly string Paragraph1 = Para("第一条　为促进本市产业发展，", 4, "制定本措施。");
    private static readonly string Paragraph2 = Para("第二条　对符合条件的企业给予", 9, "最高奖励一百万元。");
    private static readonly string Paragraph3 = Para("第三条　本措施自印发之日起施行，", 1, "有效期三年。");

    /// <summary>
    /// Page 1: centred title, paragraph 1, paragraph 2 running onto page 2; page 2: the rest of paragraph 2, a two-cell
    /// table row, paragraph 3 on page 3. Every page: a running header from a template page and a page number "— N —".
    /// </summary>
    private static byte[] ThreePageOfd()
    {
        var lines = new List<(double X, string Text)> { (Left + 5 * Size, "测试市促进产业发展若干措施") };
        lines.AddRange(Wrap(Paragraph1));
        lines.AddRange(Wrap(Paragraph2));
        var id = 1;
        var pages = new List<List<string>> { new(), new(), new() };
        double y = 50;
        var page = 0;
        foreach (var (x, line) in lines)
        {
            if (y > 90) { page++; y = 40; }
            pages[page].Add(TextObject(id++, x, y, Size, line));
            y += Pitch;
        }
        // A table row: two cells far apart on one baseline.
        pages[page].Add(TextObject(id++, Left, y, Size, "项目名称"));
        pages[page].Add(TextObject(id++, Left + 100, y, Size, "奖励金额"));
        page++;
        y = 40;
        foreach (var (x, line) in Wrap(Paragraph3)) { pages[page].Add(TextObject(id++, x, y, Size, line)); y += Pitch; }
        for (var p = 0; p < 3; p++) pages[p].Add(TextObject(id++, 100, 282, 4.2, $"— {p + 1} —", pitch: 2.1));
        const string templateRef = "<ofd:Template TemplateID=\"100\" ZOrder=\"Background\"/>";
        var template = PageContent([TextObject(900, 80, 15, 4.2, "测试市人民政府公报")]);
        return BuildOfd(pages.Select(p => PageContent(p, templateRef)).ToList(), template, title: "测试市促进产业发展若干措施");
    }

    [Fact]
    public void Generated_ParagraphsRejoinedAcrossLinesAndPages_RunningHeaderAndPageNumbersDropped()
    {
        var text = Read(ThreePageOfd());
        Assert.Equal(SourceFormat.Ofd, text.Format);
        Assert.Equal(3, text.PageCount);
        Assert.Equal("测试市促进产业发展若干措施", text.TitleHint);
        // The ideographic space after 第N条 is a gap between glyphs: one space, as poppler gives it for a PDF.
        static string Spaced(string s) => s.Replace('\u3000', ' ');
        Assert.Equal(
            [
                ("测试市促进产业发展若干措施", 1, TextBlockKind.Paragraph),
                (Spaced(Paragraph1), 1, TextBlockKind.Paragraph),
                (Spaced(Paragraph2), 1, TextBlockKind.Paragraph), // starts on page 1, ends on page 2
                ("项目名称 奖励金额", 2, TextBlockKind.TableRow),
                (Spaced(Paragraph3), 3, TextBlockKind.Paragraph),
            ],
            text.Blocks.Select(b => (b.Text, b.Page ?? 0, b.Kind)));
    }

    [Fact]
    public void Generated_RotatedTextObject_IsSkippedWithAWarning()
    {
        var page = PageContent([TextObject(1, Left, 50, Size, "第一条　正文。"), TextObject(2, 150, 200, Size, "印章文字", extra: " CTM=\"0.7071 0.7071 -0.7071 0.7071 0 0\"")]);
        var text = Read(BuildOfd([page]));
        Assert.Equal(["第一条 正文。"], text.Blocks.Select(b => b.Text));
        Assert.Contains(text.Warnings, w => w.Contains("rotated", StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_ScaledTextObject_IsPlacedThroughItsCtm()
    {
        // CTM scales the object's coordinates by 2: X/Y/Size/DeltaX are given at half size.
        var scaled = "<ofd:TextObject ID=\"2\" Boundary=\"28 60 100 10\" Font=\"1\" Size=\"2.8\" CTM=\"2 0 0 2 0 0\">" +
                     "<ofd:TextCode X=\"0\" Y=\"2.8\" DeltaX=\"g 4 2.8\">第二段落。</ofd:TextCode></ofd:TextObject>";
        var page = PageContent([TextObject(1, Left, 50, Size, "第一段落。"), scaled]);
        var text = Read(BuildOfd([page]));
        Assert.Equal(["第一段落。", "第二段落。"], text.Blocks.Select(b => b.Text));
        var words = new List<OfdTextLayout.PlacedWord>();
        Assert.True(OfdTextLayout.TryReadTextObject(XElement.Parse(scaled.Replace("ofd:", "")), words));
        var word = Assert.Single(words);
        Assert.Equal((28.0, 56.0, 65.6, 5.6), (word.XMin, Math.Round(word.XMax, 3), Math.Round(word.Baseline, 3), Math.Round(word.Size, 3)));
    }

    // ---- hostile and broken input -------------------------------------------------------------------------------

    [Fact]
    public void Dtd_IsRefusedNotExpanded()
    {
        const string billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>" +
                                     "<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content><ofd:Layer>&lol2;</ofd:Layer></ofd:Content></ofd:Page>";
        var ex = Assert.Throws<UnreadableDocumentException>(() => Read(BuildOfd([billionLaughs])));
        Assert.Contains("holds a DTD: refused", ex.Reason);
    }

    [Fact]
    public void ExternalEntity_IsRefused()
    {
        const string xxe = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
                           "<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content><ofd:Layer><ofd:TextObject ID=\"1\" Boundary=\"0 0 100 10\" Size=\"5\">" +
                           "<ofd:TextCode X=\"0\" Y=\"5\">&x;</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>";
        var ex = Assert.Throws<UnreadableDocumentException>(() => Read(BuildOfd([xxe])));
        Assert.DoesNotContain("root:", ex.Reason);
        Assert.Contains("holds a DTD: refused", ex.Reason);
    }

    [Fact]
    public void ZipBomb_IsRefusedByTheUncompressedLimit()
    {
        var huge = new byte[64 * 1024 * 1024];
        Array.Fill(huge, (byte)' ');
        var bomb = Zip(("OFD.xml", Utf8("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>")), ("Doc_0/Pages/Page_0/Content.xml", huge));
        var ex = Assert.Throws<UnreadableDocumentException>(() => Read(bomb, ReadOptions.Default with { MaxUncompressedBytes = 16L * 1024 * 1024 }));
        Assert.Contains("zip bomb guard", ex.Reason);
    }

    [Fact]
    public void NoDocument_IsRefusedAsDamaged()
    {
        var ex = Assert.Throws<UnreadableDocumentException>(() => Read(Zip(("OFD.xml", Utf8("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>")))));
        Assert.Contains("names no document", ex.Reason);
    }

    [Fact]
    public void PagesWithoutText_AreRefusedAsNoText()
    {
        var ex = Assert.Throws<UnreadableDocumentException>(() => Read(BuildOfd([PageContent([])])));
        Assert.Contains("no text found in the OFD", ex.Reason);
    }

    // ---- pieces -------------------------------------------------------------------------------------------------

    public static TheoryData<string, double[]> DeltaCases => new()
    {
        // why: plain list of advances
        { "5.6 5.6 2.8", [5.6, 5.6, 2.8] },
        // why: "g N v" repeats v N times (WPS writes most lines this way)
        { "g 3 4.2333", [4.2333, 4.2333, 4.2333] },
        // why: repeats mixed with single values, as in the real file's 001012
        { "2.8784 g 4 2.8363", [2.8784, 2.8363, 2.8363, 2.8363, 2.8363] },
        // why: nothing given
        { "", [] },
    };

    [Theory]
    [MemberData(nameof(DeltaCases))]
    public void Deltas_ExpandsTheGNotation(string spec, double[] expected) => Assert.Equal(expected, OfdTextLayout.Deltas(spec));

    [Fact]
    public void Deltas_AHugeRepeatIsCappedAtTheGlyphCount() => Assert.Equal(4, OfdTextLayout.Deltas("g 2000000000 1", max: 4).Count);

    [Fact]
    public void TextObject_GlyphsFollowDeltaXAndWhitespaceSplitsWords()
    {
        var element = XElement.Parse("<TextObject Boundary=\"10 20 100 10\" Size=\"4\"><TextCode X=\"1\" Y=\"4\" DeltaX=\"g 5 4\">总则 第一条</TextCode></TextObject>");
        var words = new List<OfdTextLayout.PlacedWord>();
        Assert.True(OfdTextLayout.TryReadTextObject(element, words));
        Assert.Equal(["总则", "第一条"], words.Select(w => w.Text));
        Assert.Equal(11, words[0].XMin, 3);      // Boundary x + X
        Assert.Equal(23, words[1].XMin, 3);      // three advances of 4 mm later
        Assert.All(words, w => Assert.Equal(24, w.Baseline, 3));
    }
}
