using System.Text.RegularExpressions;
using PolicyIngest.Track.Text;

namespace PolicyIngest.Track;

/// <summary>The keys two versions of one policy share: title and issuer without year, （试行）, 修订 and spacing; 发文字号 in one bracket style.</summary>
public static partial class PolicyKeys
{
    public static string? Title(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var s = ComparableText.From(title).Text.Replace("《", "").Replace("》", "").Replace("\"", "");
        s = Edition().Replace(s, "");
        s = Trial().Replace(s, "");
        s = LeadingYear().Replace(s, "");
        return s.Length == 0 ? null : s;
    }

    /// <summary>
    /// The title key a reference to this title is looked up by: null when the key is shorter than four characters, which
    /// names nothing (a reference matches by title only on a key of four or more).
    /// </summary>
    public static string? TitleToMatch(string? title) => Title(title) is { Length: >= 4 } key ? key : null;

    public static string? Issuer(string? issuer) =>
        string.IsNullOrWhiteSpace(issuer) ? null : ComparableText.From(issuer).Text;

    public static string? DocNumber(string? docNumber)
    {
        if (string.IsNullOrWhiteSpace(docNumber)) return null;
        var s = ComparableText.From(docNumber).Text;
        return Brackets().Replace(s, m => m.Value[0] is '（' or '【' or '﹝' or '〔' ? "〔" : "〕");
    }

    // (2024年修订) / （2018年修正） / 2020年版 / 修订稿 / （修订）
    [GeneratedRegex(@"（?(?:(?:19|20)\d{2}年)?(?:第[一二三四五六七八九十]+次)?(?:修订|修正|修改)(?:版|稿)?）?|（(?:19|20)\d{2}年?(?:版)?）|(?:19|20)\d{2}年版")]
    private static partial Regex Edition();

    [GeneratedRegex(@"（?(?:试行|暂行|草案)）?")]
    private static partial Regex Trial();

    // 2024年怀柔区… / 2024-2026年… at the start of a title
    [GeneratedRegex(@"^(?:19|20)\d{2}(?:-(?:19|20)\d{2})?年(?:度)?")]
    private static partial Regex LeadingYear();

    [GeneratedRegex(@"[（）【】﹝﹞〔〕]")]
    private static partial Regex Brackets();
}
