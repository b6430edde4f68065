using PolicyIngest.Classify.Training;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Evaluation.Classify;

/// <summary>The trainers `evaluate classify` compares and the settings nested cross-validation chooses among.</summary>
public static class TrainerChoices
{
    public const string Own = ClauseTrainers.Own;

    public static string[] Names => [.. ClauseTrainers.Names];

    /// <summary>Regularisation factors tried by nested CV (the first is the default): every L2 weight × factor.</summary>
    public static IReadOnlyList<double> Factors(string name) => [1.0, 3.0];

    /// <summary>
    /// LightGbm is cross-validated plainly on the first fold split only: one training (26 boosted models on 2,000 selected
    /// features) took about 45 CPU seconds here (86 s of wall time per work item under load), so nested CV on three
    /// splits would take about 2 hours. Linear learners: about 8–10 CPU seconds a training.
    /// </summary>
    public static bool PlainFirstSplitOnly(string name) => name == "mlnet-lightgbm";

    public static Contender Contender(string name, ISegmenter segmenter, bool nested) =>
        new(name, [.. (nested && !PlainFirstSplitOnly(name) ? Factors(name) : [1.0]).Select(f => (Setting(name, f), ClauseTrainers.Create(name, segmenter, f)))])
        {
            FirstSplitOnly = PlainFirstSplitOnly(name),
        };

    private static string Setting(string name, double factor) => name == "mlnet-lightgbm" ? $"trees ×{factor:0.#}" : $"L2 ×{factor:0.#}";
}
