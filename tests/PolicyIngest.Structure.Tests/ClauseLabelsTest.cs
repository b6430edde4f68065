using PolicyIngest.Structure.Text;

namespace PolicyIngest.Structure.Tests;

public class ClauseLabelsTest
{
    [Theory]
    [InlineData("第一章 总则", LabelLevel.Chapter, "第一章", "总则")]                // why: chapter with heading
    [InlineData("第一章　总　则", LabelLevel.Chapter, "第一章", "总　则")]          // why: full-width spaces of law texts
    [InlineData("第二编 物权", LabelLevel.Part, "第二编", "物权")]                  // why: 编 above 章
    [InlineData("第一千一百一十一条 自收养关系成立之日起", LabelLevel.Article, "第一千一百一十一条", "自收养关系成立之日起")] // why: 民法典 numbers run to seven numerals (real files 47/48)
    [InlineData("第三节 监督检查", LabelLevel.Section, "第三节", "监督检查")]        // why: 节 between 章 and 条
    [InlineData("第二部分 重点任务", LabelLevel.Part, "第二部分", "重点任务")]       // why: 部分 divides plans and opinions like 编
    [InlineData("第十条 支持生物医药产业发展。", LabelLevel.Article, "第十条", "支持生物医药产业发展。")] // why: article with text
    [InlineData("第10条 本办法自发布之日起施行。", LabelLevel.Article, "第十条", "本办法自发布之日起施行。")] // why: Arabic number → Chinese label
    [InlineData("第 1 0 条 本办法自发布之日起施行。", LabelLevel.Article, "第十条", "本办法自发布之日起施行。")] // why: pdftotext spaces digits
    [InlineData("第一百零一条　公司", LabelLevel.Article, "第一百零一条", "公司")]   // why: hundreds with 零
    [InlineData("　　第一条　为了加强管理", LabelLevel.Article, "第一条", "为了加强管理")] // why: indented web text (新余)
    [InlineData("一、申报条件", LabelLevel.Outline1, "一", "申报条件")]              // why: outline level 1, label without 、
    [InlineData("十二、附则", LabelLevel.Outline1, "十二", "附则")]                  // why: two-character numeral
    [InlineData("（一）申报条件", LabelLevel.Outline2, "（一）", "申报条件")]        // why: full-width parentheses
    [InlineData("(一)经营者合并；", LabelLevel.Outline2, "（一）", "经营者合并；")] // why: ASCII parentheses → full-width (pair C 2018)
    [InlineData("㈠新型节能建筑体系", LabelLevel.Outline2, "（一）", "新型节能建筑体系")] // why: parenthesised ideograph ㈠ (新余)
    [InlineData("㈧建筑绿色照明", LabelLevel.Outline2, "（八）", "建筑绿色照明")]   // why: ㈧ maps to （八）
    [InlineData("1.申报表；", LabelLevel.Outline3, "1.", "申报表；")]               // why: half-width dot
    [InlineData("1．改造目标", LabelLevel.Outline3, "1.", "改造目标")]              // why: full-width dot of the compilation
    [InlineData("3.项目获得市级认定的证书", LabelLevel.Outline3, "3.", "项目获得市级认定的证书")] // why: 项 after a dot is text, not a unit
    [InlineData("2、优化政策审批。", LabelLevel.Outline3, "2.", "优化政策审批。")]  // why: 、 after an Arabic number
    [InlineData("（1）申报表；", LabelLevel.Outline4, "（1）", "申报表；")]         // why: parenthesised Arabic
    [InlineData("(2)担保合同；", LabelLevel.Outline4, "（2）", "担保合同；")]      // why: ASCII parentheses → full-width
    [InlineData("①资金支持", LabelLevel.Outline5, "①", "资金支持")]               // why: circled numbers are the fifth level
    public void Match_FindsLabels(string line, LabelLevel level, string label, string rest)
    {
        var m = ClauseLabels.Match(line);
        Assert.NotNull(m);
        Assert.Equal(level, m.Level);
        Assert.Equal(label, m.Label);
        Assert.Equal(rest, m.Rest);
    }

    [Theory]
    [InlineData("依照本办法第三条规定执行。")]     // why: an article cited mid-sentence
    [InlineData("第三条规定的情形除外。")]         // why: a line that starts with a citation of 第三条
    [InlineData("第五条、第六条所列企业")]         // why: a list of cited articles
    [InlineData("第二款所称中小企业")]             // why: 款 is never a label here
    [InlineData("第十二条")]                       // why: a bare article reference line (a wrapped citation)
    [InlineData("1.5亿元以上的项目")]             // why: a decimal, not a label
    [InlineData("2025年7月10日")]                 // why: a date, not a label
    [InlineData("30 万元")]                       // why: number with unit after pdftotext's space
    [InlineData("一是体系完善。")]                // why: 一是 enumerates in prose
    [InlineData("为贯彻落实相关部署")]            // why: ordinary text
    public void Match_RejectsNonLabels(string line) => Assert.Null(ClauseLabels.Match(line));

    [Theory]
    [InlineData("第 1 0 条 施行", "第十条 施行")]  // why: canonicalises only the label, keeps the text
    [InlineData("(三)其他", "（三）其他")]         // why: brackets made full-width
    [InlineData("没有标号的段落", "没有标号的段落")] // why: text without a label is unchanged
    public void Canonicalise_RewritesOnlyTheLabel(string line, string expected) =>
        Assert.Equal(expected.Replace(" ", ""), ClauseLabels.Canonicalise(line).Replace(" ", ""));
}
