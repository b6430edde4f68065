using PolicyIngest.Core.Model;

namespace PolicyIngest.Structure.Tests;

/// <summary>A labelled line cut at the page width is the start of the item's text, not a heading (seed 002's guide).</summary>
public class WrappedHeadingTest
{
    public static TheoryData<string, string, string?, string> Rows => new()
    {
        // why: seed 002 p.107 (PDF): the line ends mid-word (研究中 / 心), the next line closes the clause after one character.
        { "1．支持各类机构在京建设高端仪器装备和传感器领域北京市工程研究中", "心，对于符合条件的创新能力建设项目按相关规定给予支持。", null,
          "支持各类机构在京建设高端仪器装备和传感器领域北京市工程研究中心，对于符合条件的创新能力建设项目按相关规定给予支持。" },
        // why: seed 002 (DOCX made line by line): the bracketed tail 以下）。 is the end of the same sentence.
        { "（1）项目每场应设置不少于可售票20%的惠民低票价（票价在100元〔含〕", "以下）。", null, "项目每场应设置不少于可售票20%的惠民低票价（票价在100元〔含〕以下）。" },
        // why: a short heading followed by its text stays a heading (1．线上演艺服务 / 依据规模体量…).
        { "1．线上演艺服务", "依据规模体量、成本投入、社会效益等因素综合评定，每个项目资助额度不超过200万元。", "线上演艺服务", "" },
        // why: a long heading whose next line is a sentence of its own (no punctuation in its first characters) stays a heading.
        { "（一）支持首都高端仪器装备和传感器产业创新发展和集群建设的若干措施", "对符合条件的企业给予支持。", "支持首都高端仪器装备和传感器产业创新发展和集群建设的若干措施", "" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Item_WrappedLine_JoinsItsText(string labelled, string next, string? heading, string text)
    {
        var d = SharedFiles.Parse($"某项目申报指南\n一、支持内容\n{labelled}\n{next}\n");
        var item = d.Clauses.First(c => c.Kind is ClauseKind.Item or ClauseKind.Subitem);
        Assert.Equal(heading, item.Heading);
        Assert.Equal(text, item.Text);
    }
}
