using PolicyIngest.Core.Model;
using PolicyIngest.Evaluation.Structure;

namespace PolicyIngest.Structure.Tests;

public class PolicyParserEdgeTest
{
    private static PolicyDocument ParseBlocks(params TextBlock[] blocks) =>
        new PolicyStructureParser().Parse(new ExtractedText { Format = SourceFormat.Pdf, Blocks = blocks }, new DocumentIdentity("t.pdf", new string('0', 64)));

    [Fact]
    public void Parse_KeepsPageNumbersOfBlocks()
    {
        // why: a PDF reader gives each paragraph its page; clauses start on that page
        var d = ParseBlocks(
            new TextBlock("某区扶持办法", 1),
            new TextBlock("第一条 为了促进发展，制定本办法。", 1),
            new TextBlock("第二条 本办法自印发之日起施行。", 2));
        Assert.Equal([1, 2], d.Clauses.Where(c => c.Kind == ClauseKind.Article).Select(c => c.Page));
    }

    [Fact]
    public void Parse_DateInsideASentenceIsNotIssuedOn()
    {
        // why: only a date standing alone (a signature date) or a 印发 line is the issue date
        var d = SharedFiles.Parse("""
            某区促进发展办法
            第一条 经2025年3月1日区政府常务会审议通过，制定本办法。
            第二条 本办法自印发之日起施行。
            """);
        Assert.Null(d.IssuedOn);
        Assert.Null(d.EffectiveFrom);   // why: 自印发之日起 with no known issue date stays unknown
    }

    [Fact]
    public void Parse_GenericRepealIsKept()
    {
        var d = SharedFiles.Parse("""
            某区促进发展办法
            第一条 本办法自2025年1月1日起施行，有效期至2027年12月31日，以前出台的相关政策同时废止。
            """);
        var r = Assert.Single(d.Repeals);
        Assert.Null(r.Title);
        Assert.Equal(new DateOnly(2027, 12, 31), d.ExpiresOn);
    }

    [Fact]
    public void Parse_NoticeWithoutPolicyIsANotice()
    {
        // why: a notice that issues nothing numbered keeps its own title
        var d = SharedFiles.Parse("""
            北京市怀柔区人民政府办公室关于做好2025年防汛工作的通知
            怀政办发〔2025〕3号
            各镇乡人民政府，区政府各委、办、局：
            现就做好今年防汛工作通知如下，请认真落实。
            北京市怀柔区人民政府办公室
            2025年5月6日
            """);
        Assert.Equal(DocType.Notice, d.DocType);
        Assert.Equal("北京市怀柔区人民政府办公室关于做好2025年防汛工作的通知", d.Title);
        Assert.Equal("北京市怀柔区人民政府办公室", d.Issuer);
        Assert.Equal(new DateOnly(2025, 5, 6), d.IssuedOn);
    }

    [Fact]
    public void Parse_NoticeWithNumberedBodyKeepsItsTitle()
    {
        // why: a notice whose own text is numbered (一、二、) still has the notice as its title
        var d = SharedFiles.Parse("""
            北京市昌平区商务局关于开展2025年促消费活动的通知
            昌商发〔2025〕2号
            各有关企业：
            现将有关事项通知如下：
            一、活动时间
            2025年5月1日至5月31日。
            二、工作要求
            请各企业认真组织。
            北京市昌平区商务局
            2025年4月20日
            """);
        Assert.Equal("北京市昌平区商务局关于开展2025年促消费活动的通知", d.Title);
        Assert.Equal(DocType.Notice, d.DocType);
        Assert.Equal(new DateOnly(2025, 4, 20), d.IssuedOn);                 // why: the date after the signature, not the activity dates
        Assert.Equal("北京市昌平区商务局", d.Issuer);
        Assert.Equal(["一", "二"], d.Clauses.Where(c => c.Kind == ClauseKind.Section).Select(c => c.Label));
        Assert.DoesNotContain(d.Clauses, c => c.Id.StartsWith("s2/") && c.Text.Contains("昌平区商务局"));  // why: the signature is not part of 二
    }

    [Fact]
    public void Parse_TableOfContentsIsNotTheTree()
    {
        // why: a contents page lists chapters with dot leaders and page numbers; only the real chapters open units
        var d = SharedFiles.Parse("""
            某市促进发展条例
            目录
            第一章 总则……………………1
            第二章 附则……………………3
            第一章 总则
            第一条 为了促进发展，制定本条例。
            第二章 附则
            第二条 本条例自2025年1月1日起施行。
            """);
        Assert.Equal(["ch1", "ch1/art1", "ch2", "ch2/art2"], d.Clauses.Where(c => c.Kind != ClauseKind.Paragraph).Select(c => c.Id));
    }

    [Fact]
    public void Parse_OutOfSequenceNumberIsText()
    {
        // why: 第八条 after 第一条 is a citation that happens to start a line, not a new article
        var d = SharedFiles.Parse("""
            某区促进发展办法
            第一条 为了促进发展，制定本办法。
            第八条 所列情形另行规定。
            第二条 本办法自印发之日起施行。
            """);
        Assert.Equal(["第一条", "第二条"], d.Clauses.Where(c => c.Kind == ClauseKind.Article).Select(c => c.Label));
    }

    [Fact]
    public void Parse_CompilationCardsFromGluedTableCells()
    {
        // why: a PDF table glues field names to the previous cell and puts cell lines in one block
        var card = """
            1.北京市示范项目支持
            关于示范项目支持的通知依据文件 《关于示范项目支持的通知》
            发文机构 北京市经济和信息化局发文字号 京经信发〔2023〕5号
            发布日期 2023-01-02
            工具分类 资金支持服务对象 企业服务内容1．支持示范
            联络方式 12345
            """;
        var text = string.Concat(Enumerable.Range(0, 3).Select(_ => card + "\n"));
        var blocks = text.Split('\n').Where(l => l.Length > 0).Select(l => new TextBlock(l)).ToList();
        var d = new PolicyStructureParser().Parse(new ExtractedText { Format = SourceFormat.Pdf, Blocks = blocks }, new DocumentIdentity("g.pdf", new string('0', 64)));
        Assert.Equal(3, d.Parts.Count);
        var p = d.Parts[0];
        Assert.Equal("北京市示范项目支持", p.Title);
        Assert.Equal("京经信发〔2023〕5号", p.DocNumber);
        Assert.Equal("北京市经济和信息化局", p.Issuer);
        Assert.Equal("企业", p.Fields!["服务对象"]);
        Assert.Contains(p.Clauses, c => c.Id == "content/n1");
    }
}

public class StructureScorerTest
{
    [Theory]
    [InlineData("a,b,c", "a,b,c", 3)] // why: identical lists
    [InlineData("a,b,c", "a,c", 2)]   // why: one label missing
    [InlineData("a,b", "b,a", 1)]     // why: order matters
    [InlineData("", "a", 0)]          // why: nothing expected
    public void CommonSubsequence_CountsLabelsInOrder(string a, string b, int expected) =>
        Assert.Equal(expected, StructureScorer.CommonSubsequence(Split(a), Split(b)));

    [Fact]
    public void Score_NullGoldMeansTheFieldMustBeNull()
    {
        // why: a gold field written as null is scored; a field left out is not
        var gold = System.Text.Json.JsonSerializer.Deserialize<StructureGold>("""{"docNumber": null, "labels": ["第一条"]}""", StructureGold.Json)!;
        var d = SharedFiles.Parse("某区促进发展办法\n第一条 为了促进发展，制定本办法。");
        var s = StructureScorer.Score(gold, d, "t");
        Assert.Equal((1, 1), s.Fields["docNumber"]);
        Assert.False(s.Fields.ContainsKey("title"));
        Assert.Equal(1, s.TreesExact);
    }

    private static string[] Split(string s) => s.Length == 0 ? [] : s.Split(',');
}
