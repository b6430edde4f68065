using PolicyIngest.Extract.Matching;

namespace PolicyIngest.Extract.Tests;

/// <summary>Whether an enterprise's industry, as it writes it, falls under a sector a policy names.</summary>
public sealed class IndustryFamiliesTests
{
    [Theory]
    [InlineData("制造业", "农副食品加工业", true)]         // GB/T 4754 C13: no 制造 in the name
    [InlineData("制造业", "金属制品业", true)]
    [InlineData("先进制造业", "仪器仪表制造业", true)]
    [InlineData("商贸流通业", "便利店", true)]
    [InlineData("商贸流通业", "餐饮业", true)]
    [InlineData("软件信息服务业", "软件和信息技术服务业", true)]
    [InlineData("北京市文化产业", "专业设计服务", true)]      // a region in front of the family's name
    [InlineData("制造业", "软件和信息技术服务业", false)]
    [InlineData("商贸流通业", "汽车制造业", false)]
    [InlineData("人工智能", "仪器仪表制造业", false)]        // not a family: judged by the names alone elsewhere
    public void Holds(string sector, string industry, bool expected) => Assert.Equal(expected, IndustryFamilies.Holds(sector, industry));
}
