using PolicyIngest.Core.Model;

namespace PolicyIngest.Structure.Tests;

public class PolicyParserTest
{
    private const string Notice = """
        北京市昌平区人民政府办公室文件
        昌政办发〔2025〕8 号
        北京市昌平区人民政府办公室关于印发《昌平区促进产业高质量发展若干措施》的通知
        各镇人民政府，区政府各委、办、局：
        经区政府同意，现将《昌平区促进产业高质量发展若干措施》印发给你们，请认真贯彻落实。
        北京市昌平区人民政府办公室
        2025年3月5日
        （此件公开发布）
        昌平区促进产业高质量发展若
        干措施
        第一章 总 则
        第一条 为促进产业发展，依据《北京市促进产业发展条例》（京政发[2024]3号），制定本措施。
        第二条 支持企业落地。对新落地企业给予不超过100万元奖励。
        依照本措施第三条规定
        执行的除外。
        第二章 附 则
        第3条 本措施自2025年4月1日起施行，有效期3年。《昌平区产业扶持办法》（昌政发〔2020〕1号）同时废止。
        抄送：区委各部门。
        北京市昌平区人民政府办公室 2025年3月5日印发
        """;

    [Fact]
    public void Parse_ReadsEveryLayerOfANotice()
    {
        var d = SharedFiles.Parse(Notice);
        Assert.Equal("昌平区促进产业高质量发展若干措施", d.Title);                       // why: title re-joined across lines, not the red header
        Assert.Equal("北京市昌平区人民政府办公室关于印发《昌平区促进产业高质量发展若干措施》的通知", d.NoticeTitle);
        Assert.Equal("昌政办发〔2025〕8号", d.DocNumber);                                // why: inner space removed
        Assert.Equal("北京市昌平区人民政府办公室", d.Issuer);
        Assert.Equal("北京市昌平区", d.Region);
        Assert.Equal(new DateOnly(2025, 3, 5), d.IssuedOn);                               // why: the signature date, not the 施行 date
        Assert.Equal(new DateOnly(2025, 4, 1), d.EffectiveFrom);
        Assert.Equal(new DateOnly(2028, 3, 31), d.ExpiresOn);
        Assert.Equal(DocType.Policy, d.DocType);
        var repeal = Assert.Single(d.Repeals);
        Assert.Equal("昌政发〔2020〕1号", repeal.DocNumber);
        var reference = Assert.Single(d.References);
        Assert.Equal("京政发〔2024〕3号", reference.DocNumber);                            // why: [2024] → 〔2024〕
    }

    [Fact]
    public void Parse_BuildsTheTreeWithCanonicalLabels()
    {
        var d = SharedFiles.Parse(Notice);
        var articles = d.Clauses.Where(c => c.Kind == ClauseKind.Article).ToList();
        Assert.Equal(["第一条", "第二条", "第三条"], articles.Select(a => a.Label));     // why: 第3条 → 第三条; 依照本措施第三条规定 is not an article
        Assert.Equal(["第二章", "第三条"], articles[2].Path);
        Assert.Equal("ch2/art3", articles[2].Id);
        Assert.Equal("总则", d.Clauses.Single(c => c.Id == "ch1").Heading);            // why: spaces inside a chapter heading collapse
        Assert.Equal("支持企业落地", articles[1].Heading);
        var paragraph = d.Clauses.Single(c => c.Text.StartsWith("依照本措施"));
        Assert.Equal("ch1/art2/p1", paragraph.Id);                                      // why: the citation line is the article's next paragraph
        Assert.Contains(d.Clauses, c => c.Text.StartsWith("抄送"));                     // why: closing lines are kept as paragraphs
    }

    [Fact]
    public void Parse_OutlineDocumentNestsLevels()
    {
        var d = SharedFiles.Parse("""
            关于支持企业发展的若干措施
            一、支持创新
            （一）研发投入。对研发投入给予补助。
            1.申报表；
            2.营业执照。
            (二)人才引进
            二、附则
            本措施自印发之日起施行。
            """);
        Assert.Equal(["一", "（一）", "1.", "2.", "（二）", "二"], d.Clauses.Where(c => c.Label != "").Select(c => c.Label));
        Assert.Equal("s1/i1/n2", d.Clauses.Single(c => c.Label == "2.").Id);
        Assert.Equal("s2/p1", d.Clauses.Single(c => c.Text.StartsWith("本措施")).Id); // why: a paragraph under a heading-only outline unit
        Assert.Equal("研发投入", d.Clauses.Single(c => c.Id == "s1/i1").Heading);
    }

    [Fact]
    public void Parse_AttachmentBecomesAPart()
    {
        var d = SharedFiles.Parse("""
            某区促进发展办法
            第一条 为了促进发展，制定本办法。
            第二条 本办法自印发之日起施行。
            附件：某区促进发展办法实施细则
            附件
            某区促进发展办法实施细则
            一、申报条件
            （一）注册在本区。
            """);
        var part = Assert.Single(d.Parts);
        Assert.Equal("某区促进发展办法实施细则", part.Title);
        Assert.Equal(["一", "（一）"], part.Clauses.Where(c => c.Label != "").Select(c => c.Label));
        Assert.DoesNotContain(d.Clauses, c => c.Text.Contains("注册在本区"));          // why: attachment text lives in the part only
    }

    [Fact]
    public void Parse_FallsBackToParagraphsWhenNothingIsRecognised()
    {
        // why: free text with no title, number or labels is read as paragraphs, with a warning
        var d = SharedFiles.Parse("今天天气很好。\n我们去公园散步，看到很多人。");
        Assert.Equal(DocType.Other, d.DocType);
        Assert.Contains(d.Warnings, w => w.Contains("plain paragraphs"));
    }

    [Fact]
    public void Parse_SeedNoticeAndItsAttachment()
    {
        var d = SharedFiles.ParseFile("seeds/000_cf5a06cb7cce2435.txt");
        Assert.Equal("怀柔区促进先进制造业及软件和信息技术服务业高质量发展扶持办法", d.Title);
        Assert.Equal(15, d.Clauses.Count(c => c.Kind == ClauseKind.Article));
        var guide = Assert.Single(d.Parts);
        Assert.Equal("怀柔区促进先进制造业及软件和信息技术服务业高质量发展扶持办法实施指南", guide.Title);
        Assert.Equal(2, guide.References.Count);
        Assert.Contains("相关解读", d.Fields!.Keys);
    }

    [Fact]
    public void Parse_SeedInterpretationNamesThePolicyItExplains()
    {
        var d = SharedFiles.ParseFile("seeds/001_b6577d9982b2cb39.txt");
        Assert.Equal(DocType.Interpretation, d.DocType);
        Assert.Equal("怀柔区促进先进制造业及软件和信息技术服务业高质量发展扶持办法", d.Interprets);
    }
}
