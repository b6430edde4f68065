using PolicyIngest.Track.Text;

namespace PolicyIngest.Track.Tests;

/// <summary>Abbreviations folded for content similarity, on excerpts of the shared revision texts.</summary>
public class AbbreviationFoldingTest
{
    public static TheoryData<string, string> Folded => new()
    {
        // why: 科学技术进步条例 2010 old 6 writes 市科学技术行政部门; the 2024 text writes 市科技行政部门 for the same office.
        { "市科学技术行政部门负责本市科学技术进步工作的综合管理", "市科技行政部门负责本市科技进步工作的综合管理" },
        // why: 科学技术普及 is folded before 科学技术, or it would become 科技普及 and miss 科普 (2024 new 5: 开展科普工作).
        { "加强科学技术普及场馆、设施建设", "加强科普场馆、设施建设" },
        // why: 2010 writes 高等院校, 2024 高等学校: the same institutions.
        { "鼓励企业、高等院校、科学技术研究开发机构", "鼓励企业、高校、科技研发机构" },
        { "科学技术研究开发机构、高等学校", "科技研发机构、高校" },
        // why: department names written out or shortened (2010 old 6: 发展改革、经济和信息化、人力资源和社会保障).
        { "发展改革、经济和信息化、人力资源和社会保障", "发改、经信、人社" },
        { "市人力资源社会保障部门", "市人社部门" },
    };

    [Theory]
    [MemberData(nameof(Folded))]
    public void Fold_WritesTheShortForm(string text, string expected) =>
        Assert.Equal(expected, AbbreviationFolding.Fold(text));

    public static TheoryData<string> Unchanged => new()
    {
        // why: nothing to fold — 公司法 and 会计法 use none of these words; the text comes back as it was.
        "有限责任公司的股东以其认缴的出资额为限对公司承担责任",
        "各单位应当依法设置会计账簿",
        // why: 科学 alone and 技术 alone are not 科学技术 (自然科学基金 stays as written).
        "市人民政府设立自然科学基金，用于资助自然科学领域的基础研究",
        "",
    };

    [Theory]
    [MemberData(nameof(Unchanged))]
    public void Fold_LeavesOtherTextAlone(string text) => Assert.Equal(text, AbbreviationFolding.Fold(text));
}
