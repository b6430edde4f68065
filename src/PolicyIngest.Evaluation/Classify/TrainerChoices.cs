using PolicyIngest.Classify.Training;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Evaluation.Classify;

/// <summary>The trainers `evaluate classify` compares and the settings nested cross-validation chooses among.</summary>
public static class TrainerChoices
{
    public const string Own = ClauseTrainers.Own;

    public static string[] Names => [.. ClauseTrainers.Names];

    /// <summary>Regularisation factors tried by nested CV (the first is the default): L2 × factor; LightGbm: trees × factor.</summary>
    public static IReadOnlyList<double> Factors(string name) => name == "mlnet-lightgbm" ? [1.0, 2.0] : [1.0, 0.3, 3.0];

    public static Contender Contender(string name, ISegmenter segmenter, bool nested) =>
        new(name, [.. (nested ? Factors(name) : [1.0]).Select(f => (Setting(name, f), ClauseTrainers.Create(name, segmenter, f)))]);

    private static string Setting(string name, double factor) => name == "mlnet-lightgbm" ? $"trees ×{factor:0.#}" : $"L2 ×{factor:0.#}";
}
