namespace PolicyIngest.Extract.Conditions;

/// <summary>
/// The places a document means by 本省/省内, 本市/我市 and 本区/我区/区内/县内 (from its issuer or source). Any may be unknown;
/// an unknown one leaves the words as written.
/// </summary>
public sealed record PlaceContext(string? Province = null, string? City = null, string? District = null)
{
    public static readonly PlaceContext Unknown = new();
}

/// <summary>Reads a document's region as written (北京市怀柔区, 广东省广州市天河区, 重庆市) into the places its 本市/本区 mean.</summary>
public static partial class PlaceContexts
{
    private static readonly HashSet<string> Municipalities = ["北京市", "上海市", "天津市", "重庆市"];

    public static PlaceContext Of(string? region)
    {
        if (string.IsNullOrWhiteSpace(region)) return PlaceContext.Unknown;
        var m = RegionParts().Match(region.Trim());
        if (!m.Success) return PlaceContext.Unknown;
        string? province = m.Groups["province"].Success ? m.Groups["province"].Value : null;
        string? city = m.Groups["city"].Success ? m.Groups["city"].Value : null;
        string? district = m.Groups["district"].Success && m.Groups["district"].Value.Length > 0 ? m.Groups["district"].Value : null;
        if (city is not null && Municipalities.Contains(city)) province ??= city;
        return new PlaceContext(province, city, district);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<province>[^省]{2,7}省|[^区]{2,8}自治区)?(?<city>.{1,7}?(?:市|自治州|盟)|[^区]{2,5}地区)?(?<district>.{1,12}?(?:区|县|旗|市))?$")]
    private static partial System.Text.RegularExpressions.Regex RegionParts();
}
