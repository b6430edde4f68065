using PolicyIngest.Classify.MachineLearning;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Classify.Training;

/// <summary>The clause trainers by the names `train --trainer` and `evaluate classify --trainers` take: ML.NET learners.</summary>
public static class ClauseTrainers
{
    /// <summary>
    /// The shipped trainer (`train` without --trainer): ML.NET OneVersusAll over LbfgsLogisticRegression for the category,
    /// LbfgsLogisticRegression per instrument (log-count-scaled features) and per industry. Chosen by nested CV on three
    /// fold splits (docs/classify.md, issue 19), where its mean was at least the retired own logistic regression's on
    /// category macro-F1, instruments micro-F1 and industries micro-F1.
    /// </summary>
    public static string Default { get; } = MlNetOptions.NameOf(MlNetLearner.OneVersusAllLbfgs);

    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<MlNetLearner>().Select(MlNetOptions.NameOf)];

    /// <summary>The trainers whose models the product can load and score (linear models; LightGbm is measured only).</summary>
    public static IReadOnlyList<string> Shippable { get; } = [.. Names.Where(n => n != MlNetOptions.NameOf(MlNetLearner.LightGbm))];

    /// <param name="regularisation">
    /// the default setting's regularisation times this (every L2 weight; LightGbm: its number of trees) — the one
    /// hyper-parameter nested cross-validation chooses
    /// </param>
    public static MlNetClauseModelTrainer Create(string name, ISegmenter segmenter, double regularisation = 1)
    {
        if (MlNetOptions.Parse(name) is not { } learner) throw new ArgumentException($"unknown trainer '{name}': one of {string.Join(", ", Names)}", nameof(name));
        return new MlNetClauseModelTrainer(MlNetOptions.For(learner).Scaled(regularisation), null, segmenter);
    }
}
