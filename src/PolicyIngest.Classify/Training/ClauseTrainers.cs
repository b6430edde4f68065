using PolicyIngest.Classify.MachineLearning;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Classify.Training;

/// <summary>The clause trainers by the names `train --trainer` and `evaluate classify --trainers` take.</summary>
public static class ClauseTrainers
{
    /// <summary>The project's own logistic regression (L-BFGS), the shipped model's trainer.</summary>
    public const string Own = "own-lr";

    public static IReadOnlyList<string> Names { get; } =
        [Own, .. Enum.GetValues<MlNetLearner>().Select(MlNetOptions.NameOf)];

    /// <summary>The trainers whose models the product can load and score (linear models; LightGbm is measured only).</summary>
    public static IReadOnlyList<string> Shippable { get; } = [.. Names.Where(n => n != MlNetOptions.NameOf(MlNetLearner.LightGbm))];

    /// <param name="regularisation">
    /// the default setting's regularisation times this (every L2 weight; LightGbm: its number of trees) — the one
    /// hyper-parameter nested cross-validation chooses
    /// </param>
    public static IClauseModelTrainer Create(string name, ISegmenter segmenter, double regularisation = 1)
    {
        if (name == Own)
        {
            var o = LogisticOptions.Default;
            return new ClauseModelTrainer(null, o with { L2 = o.L2 * regularisation, InstrumentL2 = o.InstrumentL2 * regularisation, CategoryL2 = o.CategoryL2 * regularisation }, segmenter);
        }
        if (MlNetOptions.Parse(name) is not { } learner) throw new ArgumentException($"unknown trainer '{name}': one of {string.Join(", ", Names)}", nameof(name));
        return new MlNetClauseModelTrainer(MlNetOptions.For(learner).Scaled(regularisation), null, segmenter);
    }
}
