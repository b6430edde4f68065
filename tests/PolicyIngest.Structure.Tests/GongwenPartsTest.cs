using PolicyIngest.Structure.Text;

namespace PolicyIngest.Structure.Tests;

/// <summary>The 公文 parts real files print (GB/T 9704-2012): joint issuers, 版头 marks, decree numbers, law histories.</summary>
public class GongwenPartsTest
{
    [Theory]
    // why: a notice title of a joint document keeps the spaces between agencies (real file 10)
    [InlineData("广州市医疗保障局 广州市财政局 广州市卫生健康委员会", "广州市医疗保障局|广州市财政局|广州市卫生健康委员会")]
    // why: pages that drop the spaces run the agencies together: split before each repeat of the region (real file 29)
    [InlineData("广州市民政局广州市财政局广州市市场监督管理局", "广州市民政局|广州市财政局|广州市市场监督管理局")]
    // why: 、 separates agencies in titles
    [InlineData("浙江省物价局、浙江省财政厅", "浙江省物价局|浙江省财政厅")]
    // why: one agency whose name repeats no region stays whole
    [InlineData("广州市人民政府办公厅", "广州市人民政府办公厅")]
    // why: a repost marker is not part of the issuer
    [InlineData("广州市民政局（转载）", "广州市民政局")]
    [InlineData("本网广州市住房保障办公室", "广州市住房保障办公室")]
    public void Issuers_Split(string raw, string expected) => Assert.Equal(expected, string.Join("|", Issuers.Split(raw)));

    [Theory]
    // why: the lead agency "and N departments" means the full list is in the 落款
    [InlineData("广州市卫生健康委等4部门", true)]
    [InlineData("广州市卫生健康委员会", false)]
    public void Issuers_IsAbbreviated(string issuer, bool expected) => Assert.Equal(expected, Issuers.IsAbbreviated(issuer));

    [Theory]
    // why: 份号, 密级 with 保密期限, 紧急程度 and 签发人 are 版头 marks (GB/T 9704 7.2), never a title
    [InlineData("001012", true)]
    [InlineData("机密★5年", true)]
    [InlineData("特急", true)]
    [InlineData("签发人：张三", true)]
    // why: ordinary lines are not marks
    [InlineData("测试公文标题", false)]
    [InlineData("2025年", false)]
    [InlineData("第一条 为了规范管理，制定本办法。", false)]
    public void Layers_IsBannerMark(string line, bool expected) => Assert.Equal(expected, Layers.IsBannerMark(line));

    [Theory]
    // why: the verb before 主席令 is not part of the number (real file 58's history ends …修正主席令第73号）)
    [InlineData("《关于修改＜中华人民共和国劳动合同法＞的决定》修正主席令第73号）", "主席令第73号")]
    // why: a city government's decree, with the space the page prints (real file 32)
    [InlineData("广州市人民政府令 第179号", "广州市人民政府令第179号")]
    [InlineData("中华人民共和国国务院令第802号", "中华人民共和国国务院令第802号")]
    public void DocNumbers_FindsDecreeNumbers(string text, string expected) => Assert.Equal(expected, DocNumbers.Find(text));

    [Fact]
    public void LawHistory_TheLastRevisionGivesDateAndBody()
    {
        // why: the version in force is the last revision's (real file 44: adopted 1991, revised 2009 and 2020); the
        // date may be broken over two lines
        var events = LawHistory.Parse("（1991年3月2日第七届全国人民代表大会常务委员会第十八次会议通过 根据2009年8月27日第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》第一次修正 根据2020年10月\n17日第十三届全国人民代表大会常务委员会第二十二次会议《关于修改<中华人民共和国国徽法>的决定》第二次修正）");
        Assert.Equal(3, events.Count);
        Assert.Equal(new DateOnly(2020, 10, 17), events[^1].Date);
        Assert.Equal("全国人民代表大会常务委员会", events[^1].Body);
        Assert.Equal("修正", events[^1].What);
    }

    [Theory]
    // why: ordinary bracketed sentences are not a history block
    [InlineData("（一）支持企业升规。")]
    [InlineData("为了规范管理，制定本办法。")]
    public void LawHistory_OpensOnlyOnADatedBlock(string line) => Assert.False(LawHistory.Opens(line));
}

public class GongwenLayoutTest
{
    private static PolicyIngest.Core.Model.PolicyDocument Parse(string text) => SharedFiles.Parse(text);

    [Fact]
    public void Parse_NoticeTitleBrokenAfter关于_IsJoined()
    {
        // why: real file 64 prints the notice title over two lines, broken right after 关于
        var d = Parse("""
            重庆市交通运输委员会关于
            印发重庆市公路路政、道路运输、港航海事、交通建设、安全生产及环保行政处罚裁量基准的通知
            渝交规〔2024〕2号
            各区县交通运输主管部门：
            《重庆市公路路政、道路运输行政处罚裁量基准（2024年）》已经审议通过，现印发你们，自2024年6月1日起施行。
            重庆市交通运输委员会
            2024年4月25日
            """);
        Assert.Equal("重庆市交通运输委员会关于印发重庆市公路路政、道路运输、港航海事、交通建设、安全生产及环保行政处罚裁量基准的通知", d.NoticeTitle);
        Assert.Equal("重庆市公路路政、道路运输、港航海事、交通建设、安全生产及环保行政处罚裁量基准", d.Title);
        Assert.Equal("渝交规〔2024〕2号", d.DocNumber);
        Assert.Equal(["重庆市交通运输委员会"], d.Issuers);
        Assert.Equal(new DateOnly(2024, 4, 25), d.IssuedOn);
    }

    [Fact]
    public void Parse_BannerThenTitleThenAddressees_TitleIsTheLineAfterTheBanner()
    {
        // why: GB/T 9704 order (版头 → 标题 → 主送): a title that ends in no known word is still the title (real files 37–41)
        var d = Parse("""
            001012
            机密★5年
            特急
            BJTU机密文件
            XXX〔2023〕X号
            测试公文标题
            各有关单位：
            本文件用于测试。
            BJTU单位
            （此处添加印章图片或文字说明）
            二〇二三年一月一日
            """);
        Assert.Equal("测试公文标题", d.Title);
        Assert.Equal("XXX〔2023〕X号", d.DocNumber);
        Assert.Equal(["BJTU单位"], d.Issuers);
        Assert.Equal(new DateOnly(2023, 1, 1), d.IssuedOn);
    }

    [Fact]
    public void Parse_TitleHintThatIsANumberedHeading_IsNotTheTitle()
    {
        // why: regression (demo): a 解读 DOCX whose core title repeats its first numbered question was titled by it, so its
        // PDF twin no longer matched and became a policy of its own
        var text = new PolicyIngest.Core.Model.ExtractedText
        {
            Format = PolicyIngest.Core.Model.SourceFormat.Docx,
            TitleHint = "一、《某区扶持办法》制定的背景依据是什么？",
            Blocks = [new("一、《某区扶持办法》制定的背景依据是什么？"), new("为贯彻落实有关部署，制定本办法。"), new("二、《某区扶持办法》的主要内容是什么？"), new("主要包括三个方面。")],
        };
        var d = new PolicyStructureParser().Parse(text, new DocumentIdentity("t.docx", new string('0', 64)));
        Assert.Equal("《某区扶持办法》政策解读", d.Title);
    }
}
