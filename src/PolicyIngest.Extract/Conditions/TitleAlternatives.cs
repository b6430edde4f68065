using System.Text.RegularExpressions;

namespace PolicyIngest.Extract.Conditions;

/// <summary>
/// Titles that list alternatives, any of which qualifies, written with '/' between them and a shared ending once:
/// 药品注册批件、医疗器械注册批件 → 药品/医疗器械注册批件; 农业领域部市级重点实验室和市级工程研究中心 →
/// 农业领域部市级重点实验室/市级工程研究中心.
/// </summary>
public static partial class TitleAlternatives
{
    /// <summary>A shared ending shorter than this (中心, 企业) is too common to say the items share a name.</summary>
    private const int SharedEndingLength = 3;

    public static string Join(string title)
    {
        var parts = Separator().Split(title).Where(p => p.Length > 0).ToList();
        if (parts.Count < 2 || parts.Any(p => p.Length < 2)) return title;
        var shared = SharedEnding(parts);
        if (shared >= SharedEndingLength && parts.All(p => p.Length > shared))
            return string.Join("/", parts.Select(p => p[..^shared])) + parts[0][^shared..];
        return string.Join("/", parts);
    }

    /// <summary>
    /// The alternatives of a title written A/B, as written: the shared ending stays on the last one (药品/医疗器械注册批件 →
    /// 药品, 医疗器械注册批件), so a comparison by containment still finds 药品注册批件 through 药品.
    /// </summary>
    public static IReadOnlyList<string> Expand(string title)
    {
        var parts = title.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length < 2 ? [title] : parts;
    }

    private static int SharedEnding(List<string> parts)
    {
        var n = 0;
        while (parts.All(p => p.Length > n && p[^(n + 1)] == parts[0][^(n + 1)])) n++;
        return n;
    }

    /// <summary>Joints of a list of titles: 、, 或, 和, 及 (not inside brackets).</summary>
    [GeneratedRegex("、|或(?:者)?|和|及(?!以上)(?![^（(]*[）)])")]
    private static partial Regex Separator();
}
