using PolicyIngest.Extract.Matching;

namespace PolicyIngest.Extract.Tests;

/// <summary>The size classes of 工信部联企业〔2011〕300号, row by row: the trade decides the bars.</summary>
public sealed class EnterpriseSizeTests
{
    public static TheoryData<string, string[], int?, long?, SizeClass?> Rows => new()
    {
        { "industry: 210 staff, 1.15亿元 is small (medium needs 300 staff and 2000万元)", ["仪器仪表制造业"], 210, 115_000_000, SizeClass.Small },
        { "industry: 300 staff and 2000万元 is medium", ["仪器仪表制造业"], 300, 20_000_000, SizeClass.Medium },
        { "industry: 1000 staff and 4亿元 is large", ["汽车制造业"], 1000, 400_000_000, SizeClass.Large },
        { "industry: many staff but little revenue is not large", ["汽车制造业"], 1500, 300_000_000, SizeClass.Medium },
        { "industry: 18 staff is micro whatever the revenue", ["农副食品加工业"], 18, 6_500_000, SizeClass.Micro },
        { "software: 85 staff, 3200万元 is small (10–100 staff, 50万–1000万 … medium needs 100 staff)", ["软件和信息技术服务业"], 85, 32_000_000, SizeClass.Small },
        { "retail: 60 staff, 2800万元 is medium (50 staff and 500万元)", ["零售业"], 60, 28_000_000, SizeClass.Medium },
        { "a trade not listed goes by staff only", ["专业设计服务"], 40, null, SizeClass.Small },
        { "an industrial firm without revenue has no class", ["专用设备制造业"], 120, null, null },
        { "no staff count, no class", ["软件和信息技术服务业"], null, 32_000_000, null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Of_GivesTheClassOfTheTradesBars(string why, string[] industries, int? employees, long? revenue, SizeClass? expected)
    {
        Assert.True(expected == EnterpriseSize.Of(industries, employees, revenue), why);
    }

    [Theory]
    [InlineData("中小微企业", "Medium,Small,Micro")]
    [InlineData("中小企业", "Medium,Small,Micro")]
    [InlineData("小微企业", "Small,Micro")]
    [InlineData("专精特新中小企业", "")]
    [InlineData("科技型中小企业", "")]
    [InlineData("高新技术企业", "")]
    public void Named_ReadsTheSizeATitleMeans(string title, string classes)
    {
        var named = EnterpriseSize.Named(title);
        Assert.Equal(classes, named is null ? "" : string.Join(",", named.Order()));
    }
}
