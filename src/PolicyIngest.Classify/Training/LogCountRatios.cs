using PolicyIngest.Classify.Features;

namespace PolicyIngest.Classify.Training;

/// <summary>
/// Naive-Bayes log-count ratios as feature scales for a binary logistic model (NBSVM, Wang &amp; Manning 2012): a feature
/// seen mostly in positive examples is stretched, one seen equally in both is damped. The model is fitted on the
/// scaled features and the scales are then folded into its weights, so inference reads an ordinary linear model.
/// </summary>
public static class LogCountRatios
{
    /// <summary>
    /// Per feature, <c>(1 − mix) + mix · ln((p_i / Σp) / (q_i / Σq))</c>, where <c>p_i</c> (<c>q_i</c>) is one plus the number of
    /// positive (negative) examples in which feature <c>i</c> is present. mix 0 gives all ones (plain features).
    /// </summary>
    public static double[] Compute(IReadOnlyList<SparseVector> x, IReadOnlyList<bool> y, int dimension, double mix)
    {
        if (x.Count != y.Count) throw new ArgumentException("one label per example", nameof(y));
        if (mix is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(mix), "mix is in [0, 1]");
        var scales = new double[dimension];
        if (mix == 0)
        {
            Array.Fill(scales, 1.0);
            return scales;
        }
        var positive = new double[dimension];
        var negative = new double[dimension];
        for (var e = 0; e < x.Count; e++)
        {
            var counts = y[e] ? positive : negative;
            foreach (var i in x[e].Indices) counts[i]++;
        }
        double positiveTotal = dimension, negativeTotal = dimension; // the +1 smoothing of every feature
        for (var i = 0; i < dimension; i++)
        {
            positiveTotal += positive[i];
            negativeTotal += negative[i];
        }
        for (var i = 0; i < dimension; i++)
        {
            var ratio = Math.Log((positive[i] + 1) / positiveTotal / ((negative[i] + 1) / negativeTotal));
            scales[i] = (1 - mix) + mix * ratio;
        }
        return scales;
    }

    /// <summary>
    /// Fits a binary model on <paramref name="x"/> scaled by the log-count ratios of these examples and labels — the
    /// training fold's, never the clauses it is scored on — and returns it with the scales, which the caller folds into
    /// the weights it reads (<see cref="Fold"/>). mix 0: the model is fitted on <paramref name="x"/> as it is, no scales.
    /// The one place both clause trainers (the own logistic regression and ML.NET's) scale a label's features.
    /// </summary>
    /// <param name="fit">fits the model on the (scaled) examples, in the order of <paramref name="y"/></param>
    public static ScaledFit<T> FitScaled<T>(IReadOnlyList<SparseVector> x, IReadOnlyList<bool> y, int dimension, double mix, Func<IReadOnlyList<SparseVector>, T> fit)
    {
        if (mix == 0) return new ScaledFit<T>(fit(x), null);
        var scales = Compute(x, y, dimension, mix);
        return new ScaledFit<T>(fit([.. x.Select(v => Scale(v, scales))]), scales);
    }

    public static SparseVector Scale(SparseVector x, double[] scales)
    {
        var values = new float[x.Count];
        for (var k = 0; k < values.Length; k++) values[k] = (float)(x.Values[k] * scales[x.Indices[k]]);
        return new SparseVector(x.Indices, values);
    }

    /// <summary>Folds the scales into weights fitted on scaled features (dimension weights + bias; the bias is not scaled).</summary>
    public static float[] Fold(float[] weights, double[] scales)
    {
        if (weights.Length != scales.Length + 1) throw new ArgumentException("weights are dimension + 1 long", nameof(weights));
        var folded = new float[weights.Length];
        for (var i = 0; i < scales.Length; i++) folded[i] = (float)(weights[i] * scales[i]);
        folded[^1] = weights[^1];
        return folded;
    }
}

/// <summary>A model fitted on log-count-scaled features and the scales it was fitted with (null: plain features).</summary>
public sealed record ScaledFit<T>(T Model, double[]? Scales)
{
    /// <summary>Weights read from <see cref="Model"/> (dimension + 1, for the scaled features) as weights for the plain features.</summary>
    public float[] Fold(float[] weights) => Scales is null ? weights : LogCountRatios.Fold(weights, Scales);
}
