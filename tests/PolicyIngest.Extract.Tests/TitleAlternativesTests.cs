using PolicyIngest.Extract.Conditions;

namespace PolicyIngest.Extract.Tests;

/// <summary>Titles listing alternatives written A/B, their shared ending once (corpus/conditions-gold's way of writing them).</summary>
public sealed class TitleAlternativesTests
{
    [Theory]
    [InlineData("药品注册批件、医疗器械注册批件", "药品/医疗器械注册批件")] // why: a shared ending of 3+ characters is named once (S000-0745)
    [InlineData("农业领域部市级重点实验室和市级工程研究中心", "农业领域部市级重点实验室/市级工程研究中心")] // why: 和 joins alternatives (C145-1259)
    [InlineData("国家工程研究中心、国家技术创新中心", "国家工程研究中心/国家技术创新中心")] // why: 中心 is too short an ending to say the two share a name
    [InlineData("国际标准组织或技术委员会秘书处", "国际标准组织/技术委员会秘书处")] // why: 或 joins alternatives (C119-1129)
    [InlineData("北京四板市场文化创意板挂牌", "北京四板市场文化创意板挂牌")] // why: one name stays as it is
    public void Join_WritesAlternativesWithSlash(string title, string expected) => Assert.Equal(expected, TitleAlternatives.Join(title));

    [Theory]
    [InlineData("药品/医疗器械注册批件", "药品|医疗器械注册批件")] // why: the shared ending stays on the last alternative
    [InlineData("高新技术企业", "高新技术企业")] // why: a title without alternatives is itself
    public void Expand_GivesEachAlternative(string title, string expected) => Assert.Equal(expected, string.Join("|", TitleAlternatives.Expand(title)));
}
