using System.Text.RegularExpressions;

namespace PolicyIngest.Structure.Text;

/// <summary>The administrative area of an issuer or a title: 北京市怀柔区, 上海市, 江西省新余市, 全国.</summary>
public static partial class Regions
{
    private static readonly string[] Municipalities = ["北京市", "天津市", "上海市", "重庆市"];

    /// <summary>Districts of Beijing, which titles name without the city (怀柔区促进…办法).</summary>
    private static readonly string[] BeijingDistricts =
        ["东城区", "西城区", "朝阳区", "海淀区", "丰台区", "石景山区", "门头沟区", "房山区", "通州区", "顺义区", "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区"];

    private static readonly string[] National = ["中华人民共和国", "国务院", "全国人民代表大会", "中共中央", "国家"];

    [GeneratedRegex(@"^(?<name>[\u4e00-\u9fff]{1,4}?(区|县|旗))")]
    private static partial Regex County();

    [GeneratedRegex(@"^(?<name>[\u4e00-\u9fff]{2,8}?(省|自治区))")]
    private static partial Regex Province();

    [GeneratedRegex(@"^(?<name>[\u4e00-\u9fff]{2,4}?(市|州|盟))")]
    private static partial Regex City();

    private static readonly string[] NotPlaceWords = ["人民", "经济", "发展", "政府", "办公", "委员", "管理", "科学", "技术", "开发", "财政", "商务", "市场", "各", "本", "全"];

    /// <summary>The region named at the start of an issuer or title, or null.</summary>
    public static string? Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var s = name.Trim();
        if (National.Any(s.StartsWith)) return s.StartsWith("国家") && !s.StartsWith("国家级") ? "全国" : s.StartsWith("国家级") ? null : "全国";
        foreach (var city in Municipalities)
        {
            if (s.StartsWith(city)) return city + (CountyAt(s[city.Length..]) ?? "");
        }
        foreach (var district in BeijingDistricts)
        {
            if (s.StartsWith(district)) return "北京市" + district;
        }
        var region = "";
        var rest = s;
        if (Province().Match(rest) is { Success: true } p && IsPlace(p.Value))
        {
            region += p.Value;
            rest = rest[p.Length..];
        }
        if (City().Match(rest) is { Success: true } c && IsPlace(c.Value))
        {
            region += c.Value;
            rest = rest[c.Length..];
            region += CountyAt(rest) ?? "";
        }
        else if (region.Length > 0)
        {
            region += CountyAt(rest) ?? "";
        }
        return region.Length > 0 ? region : null;
    }

    private static string? CountyAt(string rest) =>
        County().Match(rest) is { Success: true } m && IsPlace(m.Value) && !rest[m.Length..].StartsWith("域") ? m.Value : null;

    private static bool IsPlace(string s) => !NotPlaceWords.Any(s.Contains);
}
