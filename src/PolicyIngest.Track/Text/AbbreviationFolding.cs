using System.Text;

namespace PolicyIngest.Track.Text;

/// <summary>
/// Standard abbreviations (简称) of administrative Chinese folded to one form, for content similarity only: a revision
/// that writes 科技行政部门 where the old text had 科学技术行政部门, 科普 for 科学技术普及 or 高等学校 for 高等院校 says the same
/// thing, and character bigrams would otherwise see different words. The change itself is still shown: the diff marks
/// run on <see cref="ComparableText"/>, which this does not touch. Pure.
/// </summary>
public static class AbbreviationFolding
{
    // Longest first: 科学技术普及 must become 科普 before 科学技术 becomes 科技.
    private static readonly (string Full, string Short)[] Table =
    [
        ("科学技术普及", "科普"),
        ("科学技术", "科技"),
        ("研究开发", "研发"),
        ("高等院校", "高校"),
        ("高等学校", "高校"),
        ("人力资源和社会保障", "人社"),
        ("人力资源社会保障", "人社"),
        ("发展和改革", "发改"),
        ("发展改革", "发改"),
        ("经济和信息化", "经信"),
        ("经济信息化", "经信"),
        ("国有资产监督管理", "国资"),
    ];

    public static string Fold(string text)
    {
        if (text.Length == 0) return text;
        var sb = new StringBuilder(text);
        foreach (var (full, abbreviation) in Table) sb.Replace(full, abbreviation);
        return sb.ToString();
    }
}
