using PolicyIngest.Evaluation.Amounts;

namespace PolicyIngest.Evaluation.Tests;

/// <summary>The scoring behind `evaluate amounts`.</summary>
public sealed class AmountScoringTests
{
    private static ScoredItem I(string article, decimal value, string role, string part = "") => new(part, article, value, role);

    [Fact]
    public void Match_SameKeyTwice_PairsSameRolesFirst()
    {
        // why: 第四十一条 of 会计法 2024 has 200000 three times (two thresholds, one fine); pairing must not lose roles.
        var gold = new[] { I("第四十一条", 200000, "threshold"), I("第四十一条", 200000, "threshold"), I("第四十一条", 200000, "penalty") };
        var found = new[] { I("第四十一条", 200000, "penalty"), I("第四十一条", 200000, "threshold"), I("第四十一条", 200000, "threshold") };
        var score = AmountScoring.Match(gold, found, "amount");
        Assert.Equal(3, score.Matched);
        Assert.Equal(3, score.RoleCorrect);
        Assert.Equal(1.0, score.F1);
    }

    [Fact]
    public void Match_WrongArticleAndExtra_CountAgainstPrecisionAndRecall()
    {
        var gold = new[] { I("第五条", 300000, "fixed"), I("第六条", 1000000, "cap") };
        var found = new[] { I("第五条", 300000, "cap"), I("第七条", 1000000, "cap"), I("第八条", 5, "fixed") };
        var differences = new List<string>();
        var score = AmountScoring.Match(gold, found, "amount", differences);
        Assert.Equal(1, score.Matched);
        Assert.Equal(1.0 / 3, score.Precision, 6);
        Assert.Equal(0.5, score.Recall, 6);
        Assert.Equal(0, score.RoleCorrect);
        Assert.Contains(differences, d => d.StartsWith("missed amount 第六条", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("role of amount 第五条", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("一/1.", "一/1")] // why: an outline label may keep its point
    [InlineData("服务内容/2./（1）", "服务内容/2/（1）")] // why: card-field paths
    [InlineData("第 五 条", "第五条")] // why: whitespace is never significant
    public void NormalizeArticle_IgnoresPointsAndSpaces(string raw, string expected) => Assert.Equal(expected, AmountScoring.NormalizeArticle(raw));

    [Fact]
    public void PartKey_PrefersExactTitleOverContainment()
    {
        var parts = new[] { "北京市人工智能算力券", "北京市人工智能算力券实施方案" };
        Assert.Equal("北京市人工智能算力券实施方案", AmountScoring.PartKey("北京市人工智能算力券实施方案", parts));
        Assert.Equal("其他卡片", AmountScoring.PartKey("其他卡片", parts));
    }
}
