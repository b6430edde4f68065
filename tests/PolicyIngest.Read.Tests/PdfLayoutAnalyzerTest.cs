using PolicyIngest.Core.Model;
using PolicyIngest.Read.Pdf;

namespace PolicyIngest.Read.Tests;

/// <summary>The layout analysis on hand-placed lines: A4 (595×842 pt), 12 pt text, body from x=72 to x=504 (36 characters).</summary>
public class PdfLayoutAnalyzerTest
{
    private const double Left = 72, Right = 504, Em = 12, Pitch = 20;

    private static PdfLine Line(double y, string text, double? x = null, double? xMax = null)
    {
        var x0 = x ?? Left;
        var x1 = xMax ?? Math.Min(Right, x0 + text.Length * Em);
        return new PdfLine(x0, y, x1, y + 15.6, [new PdfWord(x0, x1, text)]);
    }

    private static string Full(int n, string seed = "政策") => string.Concat(Enumerable.Repeat(seed, n / seed.Length + 1))[..n];

    private static PdfPage Page(int number, params PdfLine[] body) => Page(number, false, body);

    private static PdfPage Page(int number, bool runningHeader, params PdfLine[] body)
    {
        var lines = new List<PdfLine>();
        if (runningHeader) lines.Add(Line(40, "北京市产业政策导引（市级版）", 210, 378));
        lines.AddRange(body);
        lines.Add(Line(800, $"— {number} —", 280, 316));                                    // page number
        return new PdfPage(number, 595, 842, lines);
    }

    private static IReadOnlyList<string> Texts(params PdfPage[] pages) => PdfLayoutAnalyzer.ToBlocks(pages).Select(b => b.Text).ToList();

    [Fact]
    public void RunningHeaderAndPageNumbers_AreRemoved()
    {
        var texts = Texts(
            Page(1, true, Line(100, "第一条 为了规范管理，制定本办法。", xMax: 300), Line(120, "第二条 本办法适用于本区。", xMax: 260)),
            Page(2, true, Line(100, "第三条 本办法自印发之日起施行。", xMax: 290)),
            Page(3, true, Line(100, "第四条 本办法由区经信局负责解释。", xMax: 300)));
        Assert.Equal(["第一条 为了规范管理，制定本办法。", "第二条 本办法适用于本区。", "第三条 本办法自印发之日起施行。", "第四条 本办法由区经信局负责解释。"], texts);
    }

    [Fact]
    public void FullLines_AreJoinedWithoutSpaces_AndAShortLineEndsTheParagraph()
    {
        var first = Full(36, "对符合条件的企业给予");
        var texts = Texts(Page(1,
            Line(100, first, Left + 2 * Em),                        // indented first line, full to the right edge
            Line(120, Full(36, "资金支持按照实际投资额")),             // continuation, full
            Line(140, "的百分之二十给予补助。", xMax: 200),             // short last line
            Line(160, Full(36, "第二段落开始的文字内容"), Left + 2 * Em),
            Line(180, "结束。", xMax: 110)));
        Assert.Equal(2, texts.Count);
        Assert.StartsWith(first, texts[0]);
        Assert.EndsWith("的百分之二十给予补助。", texts[0]);
        Assert.DoesNotContain(" ", texts[0]);
    }

    [Fact]
    public void ParagraphContinuingOnTheNextPage_IsJoined()
    {
        var texts = Texts(
            Page(1, Line(100, "第一条 短的一条。", xMax: 200), Line(680, Full(36, "跨页的段落在这里开始并且"))),
            Page(2, Line(100, "在下一页继续到结束。", xMax: 220)));
        Assert.Equal(["第一条 短的一条。", Full(36, "跨页的段落在这里开始并且") + "在下一页继续到结束。"], texts);
    }

    [Fact]
    public void StructuralMarkers_StartParagraphsEvenAfterAFullLine()
    {
        var texts = Texts(Page(1,
            Line(100, Full(36, "本办法所称企业包括下列")),
            Line(120, "（一）制造业企业；", xMax: 190),
            Line(140, "（二）软件和信息技术服务业企业。", xMax: 270)));
        Assert.Equal(3, texts.Count);
        Assert.Equal("（一）制造业企业；", texts[1]);
    }

    [Fact]
    public void CellsOnOneBaseline_BecomeOneTableRow()
    {
        var page = Page(1,
            new PdfLine(72, 100, 120, 115.6, [new PdfWord(72, 120, "发文字号")]),
            new PdfLine(200, 100, 340, 115.6, [new PdfWord(200, 290, "京发改规〔2023〕12"), new PdfWord(291, 303, "号")]));
        var blocks = PdfLayoutAnalyzer.ToBlocks([page]);
        var row = Assert.Single(blocks);
        Assert.Equal(TextBlockKind.TableRow, row.Kind);
        Assert.Equal("发文字号 京发改规〔2023〕12号", row.Text);
    }

    /// <summary>A card table: label cells at x=72, value cells at x=180 (and 300/410 on the four-cell row), rows 31 pt apart.</summary>
    private static PdfLine Cell(double x, double y, string text) => new(x, y, x + text.Length * Em, y + 15.6, [new PdfWord(x, x + text.Length * Em, text)]);

    private static PdfLine[] CardTable(params PdfLine[] after) =>
    [
        Cell(72, 100, "依据文件"), Cell(180, 100, "《北京市关于支持新型储能产业发展的若干政策措施》"),
        Cell(72, 131, "发文机构"), Cell(180, 131, "北京市经济和信息化局"),
        Cell(72, 162, "发布日期"), Cell(180, 162, "2023-11-23"),
        Cell(72, 193, "工具分类"), Cell(180, 193, "资金支持、政策支"), Cell(300, 193, "服务对象"), Cell(410, 193, "新型储能企业"),
        .. after,
    ];

    [Fact]
    public void WrappedTableCell_GoesBackIntoItsCell()
    {
        // why: 持 wraps under the second cell, one line pitch (26 pt) below: it ends that cell, not the row
        var texts = Texts(Page(1, CardTable(Cell(180, 219, "持"), Line(255, "服务内容"))));
        Assert.Contains("工具分类 资金支持、政策支持 服务对象 新型储能企业", texts);
        Assert.Equal("服务内容", texts[^1]);
    }

    [Fact]
    public void WrappedTableCells_InTwoColumns_GoBackIntoTheirCells()
    {
        // why: both value cells wrap onto the same next line
        var texts = Texts(Page(1, CardTable(Cell(180, 219, "持"), Cell(410, 219, "和机构"))));
        Assert.Contains("工具分类 资金支持、政策支持 服务对象 新型储能企业和机构", texts);
    }

    [Fact]
    public void LineUnderTheFirstCell_IsNotACellContinuation()
    {
        // why: body text starts where the first cell starts; a label that wraps is handled by the structure parser
        var texts = Texts(Page(1, CardTable(Cell(72, 219, "服务内容"))));
        Assert.Contains("工具分类 资金支持、政策支 服务对象 新型储能企业", texts);
        Assert.Equal("服务内容", texts[^1]);
    }

    [Fact]
    public void NextRowAtTheTablePitch_IsNotACellContinuation()
    {
        // why: a row whose first cell is empty, one row pitch (31 pt) below: a row of its own
        var texts = Texts(Page(1, CardTable(Cell(180, 224, "另一行"))));
        Assert.Contains("工具分类 资金支持、政策支 服务对象 新型储能企业", texts);
        Assert.Equal("另一行", texts[^1]);
    }

    [Fact]
    public void InsertedSpacesBetweenCjkAndDigits_AreRemoved_WordsSplitByAGapKeepNone()
    {
        var line = new PdfLine(72, 100, 300, 115.6,
            [new PdfWord(72, 120, "给予"), new PdfWord(123, 140, "30"), new PdfWord(143, 180, "万元")]);
        Assert.Equal("给予30万元", Assert.Single(PdfLayoutAnalyzer.ToBlocks([new PdfPage(1, 595, 842, [line])])).Text);
    }

    [Fact]
    public void ALineLyingOverAWiderOneOnTheSameBaseline_IsADuplicateAndDropped()
    {
        // why: tesseract sometimes reports a fragment of a line a second time as its own block
        var page = new PdfPage(1, 595, 842,
        [
            new PdfLine(72, 400, 480, 415.6, [new PdfWord(72, 480, "怀柔区促进先进制造业及软件和信息技术服务业高质量发展扶持办法")]),
            new PdfLine(360, 401, 400, 414, [new PdfWord(360, 400, "业高质")]),
        ]);
        Assert.Equal(["怀柔区促进先进制造业及软件和信息技术服务业高质量发展扶持办法"], Texts(page));
    }

    [Fact]
    public void PageNumbersOnlyInTheMarginBand_AreRemoved()
    {
        // why: "12" in the middle of the page is body text (e.g. a table cell), not a page number
        var page = new PdfPage(1, 595, 842, [Line(400, "12", 72, 86), Line(800, "第 1 页", 270, 320)]);
        Assert.Equal(["12"], Texts(page));
    }

    [Fact]
    public void BboxLayoutXhtml_IsParsed()
    {
        const string xhtml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title></title></head><body><doc>
              <page width="595.3" height="841.9"><flow><block xMin="79.5" yMin="100" xMax="300" yMax="115">
                <line xMin="79.5" yMin="100" xMax="300" yMax="115"><word xMin="79.5" yMin="100" xMax="200" yMax="115">给予&lt;不超过&gt;</word><word xMin="202" yMin="100" xMax="300" yMax="115">30</word></line>
              </block></flow></page>
              <page width="595.3" height="841.9"></page>
            </doc></body></html>
            """;
        var pages = PopplerTextSource.ParseBboxLayout(xhtml, 5);
        Assert.Equal([5, 6], pages.Select(p => p.Number));
        var line = Assert.Single(pages[0].Lines);
        Assert.Equal(["给予<不超过>", "30"], line.Words.Select(w => w.Text));
        Assert.False(pages[1].HasText);
    }

    [Fact]
    public void TesseractTsv_IsParsedIntoPoints()
    {
        const string tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
                           + "1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t\n"
                           + "5\t1\t1\t1\t1\t1\t200\t300\t100\t50\t95\t区各\n"
                           + "5\t1\t1\t1\t1\t2\t310\t300\t100\t50\t95\t委办局\n"
                           + "5\t1\t1\t1\t2\t1\t200\t400\t100\t50\t95\t经区\n";
        var page = TesseractPageOcr.ParseTsv(tsv, 3);
        Assert.True(page.Ocr);
        Assert.Equal(2, page.Lines.Count);
        Assert.Equal(72.0, page.Lines[0].XMin, 3);   // 200 px at 200 dpi = 1 inch
        Assert.Equal(595.4, page.Width, 1);
        Assert.Equal(["区各委办局", "经区"], PdfLayoutAnalyzer.ToBlocks([page]).Select(b => b.Text));
    }
}
