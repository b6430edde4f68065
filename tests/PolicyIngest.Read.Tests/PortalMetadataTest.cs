using PolicyIngest.Core.Model;
using PolicyIngest.Read.Html;

namespace PolicyIngest.Read.Tests;

public class PortalMetadataTest
{
    private static string? Value(IReadOnlyList<PageField> fields, string name) => fields.FirstOrDefault(f => f.Name == name)?.Value;

    [Fact]
    public void Parse_LabelElementThenValueElement()
    {
        // why: gz.gov.cn 规范性文件 pages: <li><span>文 号：</span> 穗医保规字〔2019〕4号</li> (label with inner spaces)
        var fields = PortalMetadata.Parse(["统一编号：", "GZ0320190096", "文 号：", "穗医保规字〔2019〕4号", "实施日期：", "2019年07月01日", "失效日期：", "2024年06月30日"]);
        Assert.Equal("穗医保规字〔2019〕4号", Value(fields, PageField.DocNumber));
        Assert.Equal("2019年07月01日", Value(fields, PageField.EffectiveFrom));
        Assert.Equal("2024年06月30日", Value(fields, PageField.ExpiresOn));
    }

    [Fact]
    public void Parse_EmptyFieldStaysEmpty_DoesNotSwallowTheNextLabel()
    {
        // why: a reposted page whose 文号 cell is empty (real file 29): the next label is not its value
        var fields = PortalMetadata.Parse(["文号：", "发布日期：", "2024-10-15"]);
        Assert.Equal("", Value(fields, PageField.DocNumber));
        Assert.Equal("2024-10-15", Value(fields, PageField.PublishedOn));
    }

    [Fact]
    public void Parse_LabelAndValueInOneText_AndABareDateBesideTheSource()
    {
        // why: "来源：广州市医疗保障局" in one text node, the date printed bare before it
        var fields = PortalMetadata.Parse(["2023-12-14", "来源：广州市医疗保障局 广州市政务服务数据管理局"]);
        Assert.Equal("广州市医疗保障局 广州市政务服务数据管理局", Value(fields, PageField.Source));
        Assert.Equal("2023-12-14", Value(fields, PageField.PublishedOn));
    }

    [Theory]
    // why: prose that merely contains a colon is not a field
    [InlineData("现就有关事项通知如下：")]
    // why: menu words without a colon are not labels
    [InlineData("标题")]
    [InlineData("全文")]
    public void Parse_FindsNothing(string segment) => Assert.Empty(PortalMetadata.Parse([segment]));
}

public class HtmlTablesTest
{
    [Fact]
    public void Grid_ExpandsRowspanAndColspan_TextKeepsEachCellOnce()
    {
        // why: fee schedules merge the first column down and header cells across (real file 59)
        var html = "<table><tr><td rowspan=2>收费项目</td><td colspan=2>收费标准</td></tr><tr><td>主干道</td><td>其他道路</td></tr>"
                   + "<tr><td rowspan=2>经营性占道</td><td>0.80-1.50</td><td>0.60-1.10</td></tr><tr><td>0.60-1.20</td><td>0.40-0.80</td></tr></table>";
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var blocks = new List<PolicyIngest.Core.Model.TextBlock>();
        PolicyIngest.Read.Html.HtmlTables.AddBlocks(document.QuerySelector("table")!, blocks, c => c.TextContent.Trim());
        Assert.Equal(["收费项目", "收费标准", "收费标准"], blocks[0].Cells);
        Assert.Equal(["收费项目", "主干道", "其他道路"], blocks[1].Cells);
        Assert.Equal(["经营性占道", "0.60-1.20", "0.40-0.80"], blocks[3].Cells);
        Assert.Equal("0.60-1.20 0.40-0.80", blocks[3].Text);
        Assert.All(blocks, b => Assert.Equal(1, b.Table));
    }
}

public class PdfTableCellsTest
{
    [Fact]
    public void ToBlocks_TableRowsGetCellsByColumn_AnEmptyCellStaysEmpty()
    {
        // why: tables in PDFs keep rows and cells; a row missing its middle cell must not shift the last one left
        static PolicyIngest.Read.Pdf.PdfLine Line(double x, double y, string text) =>
            new(x, y, x + text.Length * 10, y + 10, [new PolicyIngest.Read.Pdf.PdfWord(x, x + text.Length * 10, text)]);
        var page = new PolicyIngest.Read.Pdf.PdfPage(1, 600, 800,
        [
            Line(50, 300, "项目"), Line(200, 300, "标准"), Line(400, 300, "备注"),
            Line(50, 320, "甲类"), Line(200, 320, "30万元"), Line(400, 320, "一次性"),
            Line(50, 340, "乙类"), Line(400, 340, "另行规定"),
        ]);
        var blocks = PolicyIngest.Read.Pdf.PdfLayoutAnalyzer.ToBlocks([page]);
        var rows = blocks.Where(b => b.Kind == PolicyIngest.Core.Model.TextBlockKind.TableRow).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["项目", "标准", "备注"], rows[0].Cells);
        Assert.Equal(["乙类", "", "另行规定"], rows[2].Cells);
        Assert.All(rows, r => Assert.Equal(1, r.Table));
    }
}
