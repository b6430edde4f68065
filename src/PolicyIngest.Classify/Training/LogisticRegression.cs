using PolicyIngest.Classify.Features;

namespace PolicyIngest.Classify.Training;

/// <summary>Regularisation and class weighting of the logistic models.</summary>
/// <param name="PositiveWeightPower">a binary model weighs positives by (negatives/positives)^power: 0 none, 1 fully balanced</param>
/// <param name="ThresholdFolds">per-label thresholds of the multi-label tasks calibrated by this many grouped inner folds of the training data; 0 keeps the fixed defaults</param>
/// <param name="InstrumentLogCountMix">the instrument models see their features scaled by naive-Bayes log-count ratios (<see cref="LogCountRatios"/>), interpolated with plain features by this much; 0 is off</param>
/// <param name="InstrumentL2">L2 of the instrument models; null: <paramref name="L2"/></param>
/// <param name="CategoryLogCountMix">null: the category is one softmax model; a value: one binary model per category (one-vs-rest, the highest score wins) on features scaled by log-count ratios with this mix</param>
/// <param name="CategoryL2">L2 of the one-vs-rest category models; null: <paramref name="L2"/></param>
public sealed record LogisticOptions(double L2 = 3e-5, int MaxIterations = 300, bool BalanceClasses = true, double PositiveWeightPower = 1.0, int ThresholdFolds = 0,
    double InstrumentLogCountMix = 0.4, double? InstrumentL2 = 3e-6, double? CategoryLogCountMix = null, double? CategoryL2 = 5e-6,
    double IndustryChapterRuleScale = 3.0)
{
    public static LogisticOptions Default { get; } = new();
}

/// <summary>
/// Multinomial (softmax) and binary logistic regression over sparse hashed features, fitted by <see cref="Lbfgs"/>.
/// Weights of one class are <c>dimension</c> feature weights followed by a bias.
/// </summary>
public static class LogisticRegression
{
    /// <summary>Fits a softmax model; returns classes × (dimension + 1) weights, row-major.</summary>
    public static float[] FitSoftmax(IReadOnlyList<SparseVector> x, IReadOnlyList<int> y, int classes, int dimension, LogisticOptions options)
    {
        if (x.Count != y.Count) throw new ArgumentException("one label per example", nameof(y));
        var stride = dimension + 1;
        var sampleWeight = ClassWeights(y, classes, options.BalanceClasses);
        var total = y.Sum(c => sampleWeight[c]);
        var scores = new double[classes];

        double Loss(ReadOnlySpan<double> w, Span<double> grad)
        {
            grad.Clear();
            double loss = 0;
            for (var e = 0; e < x.Count; e++)
            {
                var v = x[e];
                var max = double.NegativeInfinity;
                for (var k = 0; k < classes; k++)
                {
                    scores[k] = v.Dot(w, k * stride) + w[k * stride + dimension];
                    max = Math.Max(max, scores[k]);
                }
                double z = 0;
                for (var k = 0; k < classes; k++) z += Math.Exp(scores[k] - max);
                var logZ = max + Math.Log(z);
                var weight = sampleWeight[y[e]] / total;
                loss += weight * (logZ - scores[y[e]]);
                for (var k = 0; k < classes; k++)
                {
                    var delta = weight * (Math.Exp(scores[k] - logZ) - (k == y[e] ? 1 : 0));
                    if (delta == 0) continue;
                    var offset = k * stride;
                    for (var i = 0; i < v.Count; i++) grad[offset + v.Indices[i]] += delta * v.Values[i];
                    grad[offset + dimension] += delta;
                }
            }
            loss += Regularise(w, grad, stride, dimension, options.L2);
            return loss;
        }

        var result = new Lbfgs(maxIterations: options.MaxIterations).Minimize(Loss, new double[classes * stride]);
        return Array.ConvertAll(result.Minimum, v => (float)v);
    }

    /// <summary>Fits one binary model; returns dimension + 1 weights. All-negative or all-positive data gives a bias-only model.</summary>
    public static float[] FitBinary(IReadOnlyList<SparseVector> x, IReadOnlyList<bool> y, int dimension, LogisticOptions options)
    {
        if (x.Count != y.Count) throw new ArgumentException("one label per example", nameof(y));
        var positives = y.Count(b => b);
        var negatives = y.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            var w = new float[dimension + 1];
            w[dimension] = positives == 0 ? -10f : 10f;
            return w;
        }
        // Rare labels count more, softened by the power so that they do not swamp precision.
        var positiveWeight = options.BalanceClasses ? Math.Pow((double)negatives / positives, options.PositiveWeightPower) : 1.0;
        var total = positives * positiveWeight + negatives;

        double Loss(ReadOnlySpan<double> w, Span<double> grad)
        {
            grad.Clear();
            double loss = 0;
            for (var e = 0; e < x.Count; e++)
            {
                var v = x[e];
                var score = v.Dot(w, 0) + w[dimension];
                var weight = (y[e] ? positiveWeight : 1.0) / total;
                // log(1 + exp(-t·score)) computed stably.
                var margin = y[e] ? score : -score;
                loss += weight * (margin > 0 ? double.LogP1(Math.Exp(-margin)) : -margin + double.LogP1(Math.Exp(margin)));
                var p = 1.0 / (1.0 + Math.Exp(-score));
                var delta = weight * (p - (y[e] ? 1 : 0));
                for (var i = 0; i < v.Count; i++) grad[v.Indices[i]] += delta * v.Values[i];
                grad[dimension] += delta;
            }
            loss += Regularise(w, grad, dimension + 1, dimension, options.L2);
            return loss;
        }

        var result = new Lbfgs(maxIterations: options.MaxIterations).Minimize(Loss, new double[dimension + 1]);
        return Array.ConvertAll(result.Minimum, v => (float)v);
    }

    private static double[] ClassWeights(IReadOnlyList<int> y, int classes, bool balance)
    {
        var counts = new int[classes];
        foreach (var c in y) counts[c]++;
        var weights = new double[classes];
        for (var k = 0; k < classes; k++)
            weights[k] = !balance || counts[k] == 0 ? 1.0 : (double)y.Count / (classes * counts[k]);
        return weights;
    }

    /// <summary>Adds (λ/2)·‖w‖² over the feature weights (never the biases) and its gradient.</summary>
    private static double Regularise(ReadOnlySpan<double> w, Span<double> grad, int stride, int dimension, double l2)
    {
        double sum = 0;
        for (var i = 0; i < w.Length; i++)
        {
            if (i % stride == dimension) continue;
            sum += w[i] * w[i];
            grad[i] += l2 * w[i];
        }
        return 0.5 * l2 * sum;
    }
}
