using System.Text.RegularExpressions;

namespace PolicyIngest.Structure.Text;

/// <summary>
/// The agencies of a joint document (联合发文) from how real files write them: separated by spaces or 、 in a title
/// or 落款 (广州市医疗保障局 广州市财政局…), one per line in a signature block, or run together where a page
/// dropped the spaces (广州市民政局广州市财政局…), which is split before each repeat of the first agency's region.
/// </summary>
public static partial class Issuers
{
    [GeneratedRegex(@"[（(]\s*(转载|转发|来源[^）)]*)\s*[）)]|^本网")]
    private static partial Regex ReprintMarker();

    [GeneratedRegex(@"等\s*[0-9一二三四五六七八九十]+\s*(个)?(部门|单位)$")]
    private static partial Regex AndOthers();

    /// <summary>Every agency named in <paramref name="raw"/>, in order, each without reprint markers; empty when none.</summary>
    public static IReadOnlyList<string> Split(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return [];
        var cleaned = ReprintMarker().Replace(raw, "").Trim();
        var pieces = Regex.Split(cleaned, @"[\s　、，,；;]+").Where(p => p.Length > 0).ToList();
        var result = new List<string>();
        foreach (var piece in pieces) result.AddRange(SplitRunTogether(piece));
        return result.Where(p => p.Length >= 2).Distinct().ToList();
    }

    /// <summary>True when a title's issuer names only the lead agency of several (广州市卫生健康委等4部门).</summary>
    public static bool IsAbbreviated(string issuer) => AndOthers().IsMatch(issuer.Trim());

    private static IEnumerable<string> SplitRunTogether(string piece)
    {
        var region = Regions.Of(piece);
        // Only a region written out in full repeats verbatim (广州市…广州市…); "全国" is a category, not a prefix.
        if (region is null || region == "全国" || !piece.StartsWith(region, StringComparison.Ordinal)) return [piece];
        var starts = new List<int> { 0 };
        for (var i = piece.IndexOf(region, region.Length, StringComparison.Ordinal); i > 0; i = piece.IndexOf(region, i + region.Length, StringComparison.Ordinal))
        {
            if (Layers.IsOrganisation(piece[starts[^1]..i])) starts.Add(i);
        }
        return starts.Select((s, k) => piece[s..(k + 1 < starts.Count ? starts[k + 1] : piece.Length)]);
    }
}
