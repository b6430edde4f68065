namespace PolicyIngest.Classify.MachineLearning;

/// <summary>Which ML.NET learner fits the clause models.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MlNetLearner>))]
public enum MlNetLearner
{
    /// <summary>category: LbfgsMaximumEntropy (softmax); instruments and industries: LbfgsLogisticRegression per label</summary>
    LbfgsMaximumEntropy,
    /// <summary>category: SdcaMaximumEntropy; instruments and industries: SdcaLogisticRegression per label</summary>
    SdcaMaximumEntropy,
    /// <summary>category: OneVersusAll over LbfgsLogisticRegression (probabilities normalised); instruments and industries: LbfgsLogisticRegression per label</summary>
    OneVersusAllLbfgs,
    /// <summary>category: LightGbm multiclass; instruments and industries: LightGbm binary per label; all on a selected feature set</summary>
    LightGbm,
}

/// <summary>
/// How the ML.NET clause models are fitted. The L2 weights are per weighted mean example loss, the scale of the project's
/// own logistic regression (<see cref="Training.LogisticOptions.L2"/>): they are converted to each ML.NET trainer's own
/// scale (LBFGS: the sum of example weights; SDCA: the mean example weight), so one setting means the same objective.
/// Examples are weighted as the project's own trainer weighs them: categories balanced, a label's positives by
/// negatives/positives.
/// </summary>
/// <param name="InstrumentLogCountMix">the instrument models are fitted on features scaled by each label's naive-Bayes log-count ratios
/// (<see cref="Training.LogCountRatios"/>), interpolated with plain features by this much, as the own trainer's
/// (<see cref="Training.LogisticOptions.InstrumentLogCountMix"/>, whose value and instrument L2 these defaults are); 0 is off</param>
/// <param name="MaxIterations">LBFGS iterations; SDCA epochs are <see cref="SdcaEpochs"/></param>
/// <param name="SelectedFeatures">LightGbm reads only the hash buckets present in the most training clauses, this many</param>
public sealed record MlNetOptions(
    MlNetLearner Learner = MlNetLearner.LbfgsMaximumEntropy,
    double CategoryL2 = 3e-5,
    double InstrumentL2 = 3e-6,
    double IndustryL2 = 3e-5,
    double InstrumentLogCountMix = 0.4,
    int MaxIterations = 300,
    int SdcaEpochs = 30,
    int SelectedFeatures = 2000,
    int Trees = 100,
    int Leaves = 16,
    int MinimumLeafExamples = 5,
    double LearningRate = 0.1)
{
    public static MlNetOptions For(MlNetLearner learner) => new(learner);

    /// <summary>The same options with every L2 weight multiplied by <paramref name="factor"/> (LightGbm: the number of trees).</summary>
    public MlNetOptions Scaled(double factor) => Learner == MlNetLearner.LightGbm
        ? this with { Trees = (int)Math.Round(Trees * factor) }
        : this with { CategoryL2 = CategoryL2 * factor, InstrumentL2 = InstrumentL2 * factor, IndustryL2 = IndustryL2 * factor };

    /// <summary>The learner's name on the command line and in reports.</summary>
    public static string NameOf(MlNetLearner learner) => learner switch
    {
        MlNetLearner.LbfgsMaximumEntropy => "mlnet-lbfgs",
        MlNetLearner.SdcaMaximumEntropy => "mlnet-sdca",
        MlNetLearner.OneVersusAllLbfgs => "mlnet-ova",
        MlNetLearner.LightGbm => "mlnet-lightgbm",
        _ => throw new ArgumentOutOfRangeException(nameof(learner)),
    };

    public static MlNetLearner? Parse(string name) =>
        Enum.GetValues<MlNetLearner>().Select(l => (MlNetLearner?)l).FirstOrDefault(l => NameOf(l!.Value) == name);

    /// <summary>What a report says fits the models.</summary>
    public string Describe() => Learner switch
    {
        MlNetLearner.LbfgsMaximumEntropy => $"ML.NET LbfgsMaximumEntropy + LbfgsLogisticRegression per label (L2 {CategoryL2:0.#e0}/{InstrumentL2:0.#e0}/{IndustryL2:0.#e0}{Mix})",
        MlNetLearner.SdcaMaximumEntropy => $"ML.NET SdcaMaximumEntropy + SdcaLogisticRegression per label (L2 {CategoryL2:0.#e0}/{InstrumentL2:0.#e0}/{IndustryL2:0.#e0}{Mix})",
        MlNetLearner.OneVersusAllLbfgs => $"ML.NET OneVersusAll(LbfgsLogisticRegression) + LbfgsLogisticRegression per label (L2 {CategoryL2:0.#e0}/{InstrumentL2:0.#e0}/{IndustryL2:0.#e0}{Mix})",
        MlNetLearner.LightGbm => $"ML.NET LightGbm multiclass + binary per label, {SelectedFeatures} most frequent features, {Trees} trees of {Leaves} leaves",
        _ => Learner.ToString(),
    };

    private string Mix => InstrumentLogCountMix == 0 ? "" : $"; instruments on log-count-scaled features, mix {InstrumentLogCountMix:0.##}";
}
