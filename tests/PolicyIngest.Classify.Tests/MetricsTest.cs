using PolicyIngest.Classify.Evaluation;

namespace PolicyIngest.Classify.Tests;

public class MetricsTest
{
    [Fact]
    public void SingleLabel_MacroF1_AveragesLabelsPresentInGold()
    {
        string[] labels = ["a", "b", "c"];
        // gold a a b b, predicted a b b b: a P=1 R=.5 F=.667; b P=.667 R=1 F=.8; c never in gold (excluded)
        var s = SingleLabelScores.Compute(labels, ["a", "a", "b", "b"], ["a", "b", "b", "b"]);
        Assert.Equal((2.0 / 3 + 0.8) / 2, s.MacroF1, 6);
        Assert.Equal(0.75, s.Accuracy, 6);
        Assert.Equal(1, s.Confusion[0, 1]);
        Assert.Equal(0, s.PerLabel[2].Support);
    }

    [Fact]
    public void MultiLabel_MicroF1_CountsEveryDecision()
    {
        string[] labels = ["x", "y"];
        IReadOnlyList<string>[] gold = [["x"], ["x", "y"], []];
        IReadOnlyList<string>[] predicted = [["x"], ["y"], ["y"]];
        // tp: x1 + y1 = 2; predicted 3; gold 3 → P = R = F = 2/3
        var s = MultiLabelScores.Compute(labels, gold, predicted);
        Assert.Equal(2.0 / 3, s.MicroF1, 6);
        Assert.Equal(0.5, s.PerLabel[0].Recall, 6);
        Assert.Equal(0.5, s.PerLabel[1].Precision, 6);
    }

    [Fact]
    public void GroupedFolds_GroupsNeverStraddle_AndAreDeterministic()
    {
        var groups = Enumerable.Range(0, 200).Select(i => $"g{i % 37}").ToList();
        var a = GroupedFolds.Assign(groups, 5, 7);
        var b = GroupedFolds.Assign(groups, 5, 7);
        Assert.Equal(a, b);
        foreach (var g in groups.Distinct())
            Assert.Single(Enumerable.Range(0, groups.Count).Where(i => groups[i] == g).Select(i => a[i]).Distinct());
        var sizes = Enumerable.Range(0, 5).Select(f => a.Count(x => x == f)).ToList();
        Assert.True(sizes.Max() - sizes.Min() <= 6, string.Join(",", sizes));
    }
}
