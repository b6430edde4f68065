using Microsoft.ML;
using Microsoft.ML.Trainers;
using PolicyIngest.Classify.Features;

namespace PolicyIngest.Classify.MachineLearning;

/// <summary>
/// A class-balanced softmax model (ML.NET LbfgsMaximumEntropy) over the project's sparse features, its weights read out:
/// the card 工具分类 task's model. Deterministic: one thread, a fixed seed.
/// </summary>
public static class MlNetMulticlass
{
    /// <summary>L2 per weighted mean example loss, as <see cref="MlNetOptions.CategoryL2"/>.</summary>
    public const double DefaultL2 = 3e-5;

    /// <summary>classes × (dimension + 1) weights (each class's feature weights, then its bias).</summary>
    /// <param name="y">each example's class, 0 … classes − 1</param>
    public static float[] Fit(IReadOnlyList<SparseVector> x, IReadOnlyList<int> y, int classes, int dimension, double l2 = DefaultL2, int maxIterations = 300)
    {
        if (x.Count != y.Count) throw new ArgumentException("one label per example", nameof(y));
        var counts = new int[classes];
        foreach (var k in y) counts[k]++;
        var rows = y.Select((k, i) => new ClauseRow
        {
            Features = FeatureColumn.ToVBuffer(x[i], dimension),
            Class = (uint)k,
            Weight = (float)((double)y.Count / (classes * counts[k])),
        }).ToList();
        var ml = new MLContext(1);
        var weightSum = rows.Sum(r => (double)r.Weight);
        var transformer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = FeatureColumn.Class, FeatureColumnName = FeatureColumn.Features, ExampleWeightColumnName = FeatureColumn.Weight,
            L2Regularization = (float)(l2 * weightSum), L1Regularization = 0, MaximumNumberOfIterations = maxIterations,
            NumberOfThreads = 1, OptimizationTolerance = 1e-7f,
        }).Fit(FeatureColumn.Load(ml, rows, dimension, classes));
        return MlNetModelFile.CategoryWeights(new MlNetPart(transformer, null), classes, dimension);
    }
}
