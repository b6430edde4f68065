using PolicyIngest.Evaluation.Matching;

namespace PolicyIngest.Evaluation.Tests;

/// <summary>How `evaluate match` counts: nested clauses are one answer, alternatives of a gold clause count for it.</summary>
public sealed class MatchScorerTests
{
    private static GoldClause G(string id, int part = 0, params ClausePlace[] alt) => new("f.docx", part, id, null, null, null, null, alt);
    private static FoundClause F(string id, int part = 0, string file = "f.docx") => new(file, part, id, null, null, "");

    public static TheoryData<string, GoldClause[], FoundClause[], int, int, int> Rows => new()
    {
        { "the same clause", [G("ch2/art2")], [F("ch2/art2")], 1, 1, 1 },
        { "a paragraph inside the gold article counts for it", [G("ch2/art2")], [F("ch2/art2/p1")], 1, 1, 1 },
        { "the article around a gold paragraph counts for it", [G("ch2/art2/p1")], [F("ch2/art2")], 1, 1, 1 },
        { "an article and its paragraph found together are one right answer", [G("ch2/art2")], [F("ch2/art2"), F("ch2/art2/p1")], 1, 1, 1 },
        { "a prefix of the id that is not a parent does not count", [G("ch2/art2")], [F("ch2/art20")], 1, 1, 0 },
        { "another part is another clause", [G("content/n1", 1)], [F("content/n1", 2)], 1, 1, 0 },
        { "wrong clauses nested in one another are one wrong answer", [G("ch2/art2")], [F("ch3/art5"), F("ch3/art5/p1")], 1, 1, 0 },
        { "the 实施指南 paragraph named as an alternative counts", [G("ch2/art2", 0, new ClausePlace("f.docx", 1, "s2/i1/p1"))], [F("s2/i1/p1", 1)], 1, 1, 1 },
        { "nothing found", [G("ch2/art2")], [], 1, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Score_CountsUnits(string why, GoldClause[] gold, FoundClause[] found, int goldCount, int foundCount, int right)
    {
        var score = MatchScorer.Score(gold, found).Score;
        Assert.True((goldCount, foundCount, right) == (score.Gold, score.Found, score.Right), $"{why}: {score}");
    }

    [Theory]
    [InlineData("P03", true)]
    [InlineData("P24", true)]
    [InlineData("P01", false)]
    [InlineData("P20", false)]
    public void EveryThirdProfile_IsHeldOut(string profile, bool heldOut) => Assert.Equal(heldOut, MatchEvaluation.IsHeldOut(profile));
}
