using PolicyIngest.Core.Model;
using PolicyIngest.Structure.Text;

namespace PolicyIngest.Structure.Tests;

public class LogicalLinesTest
{
    [Theory]
    [InlineData("12")]          // why: a bare page number
    [InlineData(" 1 ")]         // why: pdftotext pads page numbers with spaces
    [InlineData("- 3 -")]       // why: dashed page numbers of gov PDFs
    [InlineData("I")]           // why: Roman page numbers of a preface
    [InlineData("第2页 共9页")] // why: 第N页 共M页 footers
    public void IsPageNumber_RecognisesFooters(string line) => Assert.True(LogicalLines.IsPageNumber(line));

    [Theory]
    [InlineData("13699120158")]  // why: a phone number alone on a line is content
    [InlineData("一、总则")]     // why: a heading
    public void IsPageNumber_KeepsContent(string line) => Assert.False(LogicalLines.IsPageNumber(line));

    [Fact]
    public void Build_RejoinsHardWrappedLinesAndDropsPageNumbers()
    {
        // why: pdftotext breaks every ~35 CJK characters; a paragraph ends at 。 or a short line
        var full = new string('字', 34) + "，";
        var blocks = new List<TextBlock>();
        for (var i = 0; i < 12; i++)
        {
            blocks.Add(new TextBlock(full));
            blocks.Add(new TextBlock(full));
            blocks.Add(new TextBlock("结束。"));
        }
        blocks.Insert(4, new TextBlock(" 7 "));
        var lines = LogicalLines.Build(blocks);
        Assert.Equal(12, lines.Count);
        Assert.All(lines, l => Assert.Equal(full + full + "结束。", l.Text));
    }

    [Fact]
    public void Build_KeepsWebParagraphs()
    {
        // why: text that is not hard-wrapped passes through line by line
        var blocks = new[] { "第一条 为了规范管理，制定本办法。", "第二条 本办法适用于本区。", "短行" }.Select(t => new TextBlock(t)).ToList();
        Assert.Equal(3, LogicalLines.Build(blocks).Count);
    }

    [Theory]
    [InlineData("高质量发展", "若干措施", "高质量发展若干措施")] // why: no space between CJK pieces
    [InlineData("LPR", "rate", "LPR rate")]                       // why: Latin words keep a space
    public void Join_JoinsPieces(string left, string right, string expected) => Assert.Equal(expected, LogicalLines.Join(left, right));
}
