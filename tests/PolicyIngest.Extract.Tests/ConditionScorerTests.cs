using PolicyIngest.Core.Model;
using PolicyIngest.Evaluation.Conditions;
using PolicyIngest.Extract.Conditions;

namespace PolicyIngest.Extract.Tests;

/// <summary>The `evaluate conditions` comparison: span overlap, one-to-one matching, the fields the strict score compares.</summary>
public sealed class ConditionScorerTests
{
    private const string Text = "在北京市注册，具有独立法人资格，年营业收入不低于10亿元。";

    private static GoldCondition Gold(ConditionType type, string text, string? place = null, ComparisonOp? op = null, decimal? normalized = null) =>
        new(type, text, place, null, [], op, normalized, null, null, null);

    private static ConditionUnit Unit(params GoldCondition[] gold) => new("u", "002_x.txt", null, Text, false, gold, null);

    private static EligibilityCondition Found(ConditionType type, string text, string? place = null, ComparisonOp? op = null, decimal? normalized = null) =>
        new() { Type = type, Span = new TextSpan(text, Text.IndexOf(text, StringComparison.Ordinal)), Place = place, Op = op, Normalized = normalized };

    [Theory]
    [InlineData("在北京市注册", "在北京市注册", 1.0)] // why: same range
    [InlineData("在北京市注册", "北京市注册，具有独立", 0.833)] // why: five of the six characters of the shorter range (gold here) are shared
    [InlineData("年营业收入不低于10亿元", "具有独立法人资格", 0.0)] // why: disjoint
    public void Overlap_IsAShareOfTheShorter(string gold, string found, double expected) =>
        Assert.Equal(expected, ConditionScorer.Overlap(Text, gold, new TextSpan(found, Text.IndexOf(found, StringComparison.Ordinal))), 3);

    [Fact]
    public void Score_MatchesEachGoldOnce()
    {
        var unit = Unit(Gold(ConditionType.Region, "在北京市注册", place: "北京市"));
        var found = new[] { Found(ConditionType.Region, "在北京市注册", "北京"), Found(ConditionType.Region, "在北京市注册", "北京市") };
        var score = ConditionScorer.Score(unit, found).ByType[ConditionType.Region];
        Assert.Equal(new TypeScore(1, 2, 1, 1), score);
    }

    [Fact]
    public void Score_StrictNeedsTheSameNormalizedValue()
    {
        var unit = Unit(Gold(ConditionType.Threshold, "年营业收入不低于10亿元", op: ComparisonOp.AtLeast, normalized: 1_000_000_000m));
        var wrong = Found(ConditionType.Threshold, "年营业收入不低于10亿元", op: ComparisonOp.AtLeast, normalized: 10m);
        var score = ConditionScorer.Score(unit, [wrong]).ByType[ConditionType.Threshold];
        Assert.Equal(1, score.SpanMatched);
        Assert.Equal(0, score.StrictMatched);
    }

    [Fact]
    public void Score_TypeMustAgree()
    {
        var unit = Unit(Gold(ConditionType.Title, "具有独立法人资格"));
        var score = ConditionScorer.Score(unit, [Found(ConditionType.Other, "具有独立法人资格")]);
        Assert.Equal(0, score.ByType[ConditionType.Title].SpanMatched);
        Assert.Equal(0, score.ByType[ConditionType.Other].SpanMatched);
    }

    [Theory]
    [InlineData("北京", "北京市", true)] // why: 北京 and 北京市 are one place
    [InlineData("怀柔区", "北京市", false)] // why: a district is not its city
    public void SamePlace_ComparesNormalised(string gold, string found, bool same) => Assert.Equal(same, ConditionScorer.SamePlace(gold, found));

    [Fact]
    public void PlaceOf_FollowsTheGoldReadme()
    {
        Assert.Equal("怀柔区", ConditionGoldFile.PlaceOf("000_cf5a06cb7cce2435.txt").District);
        Assert.Equal("广州市", ConditionGoldFile.PlaceOf("data/real/27_guangzhou-canjiren.html").City);
        Assert.Equal(PlaceContext.Unknown, ConditionGoldFile.PlaceOf("unknown.txt"));
    }
}
