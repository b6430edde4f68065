using System.Diagnostics;
using PolicyIngest.Extract.Amounts;

namespace PolicyIngest.Extract.Tests;

/// <summary>Regressions from the robustness suite (tests/PolicyIngest.Cli.Tests/Robustness), named after the bug.</summary>
public sealed class LongClauseRegressionTest
{
    [Fact]
    public void OneLongClauseWithManyAmounts_TookMinutes()
    {
        // A 2 MB one-line text file is one clause of 43,690 amounts and no punctuation: every amount scanned the whole
        // text before it (bound words, phrase start, the previous number), 102 s in all. Now each looks at its own phrase.
        const string unit = "第一条为支持企业发展给予50万元奖励";
        var text = string.Concat(Enumerable.Repeat(unit, 400_000 / unit.Length));
        var watch = Stopwatch.StartNew();
        var found = AmountPhrases.Find(text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        Assert.Equal(400_000 / unit.Length, found.Amounts.Count);
        // why: the same reading as for one copy of the phrase alone
        var alone = Assert.Single(AmountPhrases.Find(unit).Amounts);
        Assert.All(found.Amounts, a => Assert.Equal((alone.Yuan, alone.Role, alone.Text), (a.Yuan, a.Role, a.Text)));
    }
}
