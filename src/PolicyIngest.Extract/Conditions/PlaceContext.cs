namespace PolicyIngest.Extract.Conditions;

/// <summary>
/// The places a document means by 本省/省内, 本市/我市 and 本区/我区/区内/县内 (from its issuer or source). Any may be unknown;
/// an unknown one leaves the words as written.
/// </summary>
public sealed record PlaceContext(string? Province = null, string? City = null, string? District = null)
{
    public static readonly PlaceContext Unknown = new();
}

/// <summary>
/// A region as written, cut into its administrative units (广东省广州市天河区 → 广东省, 广州市, 天河区), and read into the
/// places a document of that region means by 本省/本市/本区.
/// </summary>
public static partial class PlaceContexts
{
    private static readonly HashSet<string> Municipalities = ["北京市", "上海市", "天津市", "重庆市"];

    /// <summary>The units of a region, largest first, each ending in 省, 市, 区 or 县.</summary>
    public static IReadOnlyList<string> Units(string region) => AdminUnit().Matches(region).Select(m => m.Value).ToList();

    public static PlaceContext Of(string? region)
    {
        if (string.IsNullOrWhiteSpace(region)) return PlaceContext.Unknown;
        string? province = null, city = null, district = null;
        foreach (var unit in Units(region.Trim()))
        {
            if (province is null && city is null && unit.EndsWith('省')) province = unit;
            else if (city is null && district is null && unit.EndsWith('市')) city = unit;
            else district ??= unit;
        }
        if (city is not null && Municipalities.Contains(city)) province ??= city;
        return new PlaceContext(province, city, district);
    }

    [System.Text.RegularExpressions.GeneratedRegex("[^省市区县]{1,12}?(?:省|市|区|县)")]
    private static partial System.Text.RegularExpressions.Regex AdminUnit();
}
