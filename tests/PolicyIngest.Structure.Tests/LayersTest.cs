using PolicyIngest.Structure.Text;

namespace PolicyIngest.Structure.Tests;

public class LayersTest
{
    [Theory]
    [InlineData("北京市昌平区人民政府办公室文件")]   // why: the red header of a district office
    [InlineData("北京市怀柔区经济和信息化局 文件")] // why: a space before 文件 in PDF text
    public void IsRedHeader_RecognisesHeaders(string line) => Assert.True(Layers.IsRedHeader(line));

    [Theory]
    [InlineData("请各单位认真学习有关文件。")]    // why: a sentence that ends with 文件 is not a header
    [InlineData("《关于加强管理的文件》")]          // why: a cited title
    public void IsRedHeader_RejectsSentences(string line) => Assert.False(Layers.IsRedHeader(line));

    [Theory]
    [InlineData("区各委办局、各镇乡、各有关单位：")]                // why: seed 000 addressees
    [InlineData("各区、县人民政府，市政府各委、办、局，临港地区管委会：")] // why: commas inside addressees (临港)
    public void IsAddressees_RecognisesAddressees(string line) => Assert.True(Layers.IsAddressees(line));

    [Theory]
    [InlineData("第二条 经营者集中是指下列情形：")]      // why: a labelled article is never an addressee line
    [InlineData("经研究，现通知如下。")]                 // why: a sentence
    public void IsAddressees_RejectsBodyLines(string line) => Assert.False(Layers.IsAddressees(line));

    [Theory]
    [InlineData("北京市怀柔区经济和信息化局关于印发《怀柔区扶持办法》的通知")] // why: issuer + 关于印发《》的通知
    [InlineData("关于印发《若干措施》的通知")]                                   // why: without issuer
    [InlineData("北京市人民政府关于同意设立某园区的批复")]                       // why: 批复 is a wrapper too
    public void IsNoticeTitle_RecognisesNotices(string line) => Assert.True(Layers.IsNoticeTitle(line));

    [Theory]
    [InlineData("现将《扶持办法》印发给你们，请遵照执行。")]  // why: the notice text, not its title
    [InlineData("怀柔区促进产业发展扶持办法")]                // why: a policy title
    public void IsNoticeTitle_RejectsOtherLines(string line) => Assert.False(Layers.IsNoticeTitle(line));

    [Theory]
    [InlineData("北京市怀柔区经济和信息化局关于印发《怀柔区扶持办法》的通知", "怀柔区扶持办法")] // why: the issued document
    [InlineData("关于转发《国务院办公厅关于促进消费的意见》的通知", "国务院办公厅关于促进消费的意见")] // why: 转发 too
    public void IssuedTitleOf_ReadsTheIssuedTitle(string notice, string expected) => Assert.Equal(expected, Layers.IssuedTitleOf(notice));

    [Theory]
    [InlineData("怀柔区促进先进制造业发展扶持办法")]     // why: 办法
    [InlineData("关于支持企业发展的若干措施（试行）")]   // why: a bracketed suffix after the kind
    [InlineData("中华人民共和国反垄断法")]               // why: a law
    [InlineData("北京市产业政策导引")]                   // why: a compilation
    public void EndsLikeTitle_AcceptsTitles(string title) => Assert.True(Layers.EndsLikeTitle(title));

    [Theory]
    [InlineData("北京市怀柔区经济和信息化局")]   // why: an organisation, not a title
    [InlineData("高质量发展若")]                 // why: a broken title line alone
    [InlineData("北京市昌平区人民政府办公室文件")] // why: the red header
    public void EndsLikeTitle_RejectsNonTitles(string line) => Assert.False(Layers.EndsLikeTitle(line));

    [Theory]
    [InlineData("北京市怀柔区经济和信息化局")]    // why: 局
    [InlineData("上海市人民政府")]                // why: 政府
    [InlineData("北京市大数据工作推进小组办公室")] // why: 办公室
    public void IsOrganisation_RecognisesSignatures(string line) => Assert.True(Layers.IsOrganisation(line));

    [Theory]
    [InlineData("2025年7月10日")]                 // why: a date, not a signature
    [InlineData("本办法由区经济和信息化局负责解释。")] // why: a sentence naming a bureau
    public void IsOrganisation_RejectsOtherLines(string line) => Assert.False(Layers.IsOrganisation(line));

    [Theory]
    [InlineData(new[] { "怀柔区促进高质量发展 若", "干措施" }, "怀柔区促进高质量发展若干措施")] // why: a PDF breaks the title mid-word
    [InlineData(new[] { "关于支持 AI 产业", "发展的若干措施" }, "关于支持AI产业发展的若干措施")] // why: spaces around Latin inside a title go
    public void JoinTitle_RejoinsBrokenTitles(string[] lines, string expected) => Assert.Equal(expected, Layers.JoinTitle(lines));
}

public class HeadingsTest
{
    [Theory]
    [InlineData("第二章 加大培育赋能力度", "加大培育赋能力度", "")]                          // why: a chapter has heading and empty text
    [InlineData("第一章 总 则", "总则", "")]                                                  // why: spaces inside a chapter heading collapse
    [InlineData("第五条 支持企业升规。鼓励企业升规纳统。", "支持企业升规", "支持企业升规。鼓励企业升规纳统。")] // why: article heading kept in the text too
    [InlineData("第四条 反垄断工作坚持中国共产党的领导。", null, "反垄断工作坚持中国共产党的领导。")] // why: a one-sentence article has no heading
    [InlineData("第二条 机关采购货物，应当遵守本条例。", null, "机关采购货物，应当遵守本条例。")]     // why: a first sentence with a comma is not a heading
    [InlineData("一、申报条件、申报材料要求", "申报条件、申报材料要求", "")]                  // why: an outline heading line
    [InlineData("一、《办法》制定的背景依据是什么？", "《办法》制定的背景依据是什么？", "")] // why: a question heading of a 解读
    [InlineData("1.申报表；", null, "申报表；")]                                               // why: a list item is text
    [InlineData("（一）进一步简政放权。市、区两级政府下放权限。", "进一步简政放权", "进一步简政放权。市、区两级政府下放权限。")] // why: outline item with a heading sentence
    public void Split_SeparatesHeadingAndText(string line, string? heading, string text)
    {
        var (h, t) = Headings.Split(ClauseLabels.Match(line)!);
        Assert.Equal(heading, h);
        Assert.Equal(text, t);
    }
}
