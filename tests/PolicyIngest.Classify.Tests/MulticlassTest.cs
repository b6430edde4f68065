using PolicyIngest.Classify.Evaluation;
using PolicyIngest.Classify.Features;
using PolicyIngest.Classify.MachineLearning;

namespace PolicyIngest.Classify.Tests;

/// <summary>
/// The class-balanced softmax the card 工具分类 task is fitted with (<see cref="MlNetMulticlass"/>, ML.NET
/// LbfgsMaximumEntropy, weights read out), which replaced the project's own L-BFGS softmax.
/// </summary>
public class MulticlassTest
{
    private const int Dimension = 8;

    private static SparseVector V(params (int Index, float Value)[] entries) =>
        new([.. entries.Select(e => e.Index)], [.. entries.Select(e => e.Value)]);

    /// <summary>
    /// Three classes, each marked by its own feature (0, 1, 2) and sharing feature 7; class 2 is rare (1 example against 6
    /// and 5), so only the class balancing lets it win its own feature.
    /// </summary>
    private static readonly (SparseVector X, int Y)[] Training =
    [
        .. Enumerable.Range(0, 6).Select(i => (V((0, 1f), (7, 0.5f + i * 0.05f)), 0)),
        .. Enumerable.Range(0, 5).Select(i => (V((1, 1f), (7, 0.5f), (3 + i % 3, 0.2f)), 1)),
        (V((2, 1f), (7, 0.5f)), 2),
    ];

    private static readonly Lazy<float[]> Weights = new(() =>
        MlNetMulticlass.Fit([.. Training.Select(t => t.X)], [.. Training.Select(t => t.Y)], 3, Dimension));

    private static int Predict(float[] w, SparseVector x)
    {
        var best = -1;
        var bestScore = double.NegativeInfinity;
        for (var k = 0; k < 3; k++)
        {
            var row = w.AsSpan(k * (Dimension + 1), Dimension + 1);
            var score = x.Dot(row) + row[^1];
            if (score > bestScore) { bestScore = score; best = k; }
        }
        return best;
    }

    public static TheoryData<int[], float[], int> Probes => new()
    {
        // why: each class's own feature alone decides it (class order and bias read out correctly)
        { [0], [1f], 0 },
        { [1], [1f], 1 },
        // why: the rare class (1 example of 12) must still win its own feature: the rows are class-balanced
        { [2], [1f], 2 },
        // why: the shared feature does not outweigh a class's own one
        { [1, 7], [1f, 1f], 1 },
        { [2, 7], [1f, 0.5f], 2 },
    };

    [Theory]
    [MemberData(nameof(Probes))]
    public void Fit_SeparableClasses_PredictsEach(int[] indices, float[] values, int expected) =>
        Assert.Equal(expected, Predict(Weights.Value, new SparseVector(indices, values)));

    [Fact]
    public void Fit_Twice_SameWeights()
    {
        // why: the card figures in classify.meta.json must be reproducible (one thread, fixed seed)
        var again = MlNetMulticlass.Fit([.. Training.Select(t => t.X)], [.. Training.Select(t => t.Y)], 3, Dimension);
        Assert.Equal(Weights.Value, again);
        Assert.Equal(3 * (Dimension + 1), again.Length);
    }

    [Fact]
    public void Fit_OneLabelPerExample_Required()
    {
        Assert.Throws<ArgumentException>(() => MlNetMulticlass.Fit([V((0, 1f))], [0, 1], 2, Dimension));
    }

    [Fact]
    public void CardToolTask_RealCards_BeatsMajorityAndKeywords()
    {
        // why: the card task's model is the only user of this softmax; on the 133 real cards it must clearly beat always
        // answering the commonest tool (0.782) and the keyword rules, as the retired own softmax did (0.880 accuracy)
        var report = CardToolTask.CrossValidate(CardToolTask.Load(Repo.Training));
        Assert.Equal(133, report.Cards);
        Assert.True(report.Model.Accuracy >= report.Majority.Accuracy + 0.05, $"card accuracy {report.Model.Accuracy:0.000} against majority {report.Majority.Accuracy:0.000}");
        Assert.True(report.Model.MacroF1 > report.Keywords.MacroF1 + 0.2, $"card macro-F1 {report.Model.MacroF1:0.000} against keywords {report.Keywords.MacroF1:0.000}");
    }
}
