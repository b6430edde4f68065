using PolicyIngest.Classify.Evaluation;
using PolicyIngest.Classify.Features;
using PolicyIngest.Classify.MachineLearning;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;

namespace PolicyIngest.Classify.Tests;

/// <summary>
/// The instrument models' log-count scaling (<see cref="LogCountRatios.FitScaled"/>) in both trainers: present, folded into
/// the weights the product scores with, and computed from the training fold only — never from the clauses a fold is
/// scored on.
/// </summary>
public class LogCountScalingTest
{
    private static readonly FeatureOptions SmallFeatures = FeatureOptions.Default with { Bits = 12 };
    private const double Mix = 0.4;

    /// <summary>Every 8th real clause, split by policy as cross-validation splits them: fold 0 held out, the rest trained on.</summary>
    private static readonly Lazy<(IReadOnlyList<LabelledClause> Train, IReadOnlyList<LabelledClause> Held)> Fold = new(() =>
    {
        var clauses = TrainingData.LoadClauses(Repo.Training).Where((_, i) => i % 8 == 0).ToList();
        var foldOf = GroupedFolds.Assign([.. clauses.Select(c => c.Group)], ClassifierEvaluation.DefaultFolds, ClassifierEvaluation.DefaultSeed);
        return ([.. clauses.Where((_, i) => foldOf[i] != 0)], [.. clauses.Where((_, i) => foldOf[i] == 0)]);
    });

    private static readonly Lazy<ClauseFeatures> Features = new(() => new ClauseFeatures(SmallFeatures, TrainerTest.Segmenter.Value));

    /// <summary>What an instrument model reads of a clause: its features and its instrument word block.</summary>
    private static SparseVector InstrumentInput(LabelledClause c) =>
        SparseVector.Sum(Features.Value.Extract(c.Input), Features.Value.ExtractInstrumentWords(c.Input));

    private static (List<SparseVector> X, bool[] Y) SupportRows(IEnumerable<LabelledClause> clauses, string instrument)
    {
        var support = clauses.Where(c => c.Category == ClauseTaxonomy.SupportCategory).ToList();
        return ([.. support.Select(InstrumentInput)], [.. support.Select(c => c.Instruments.Contains(instrument))]);
    }

    public static TheoryData<MlNetLearner, string> MlNetInstruments => new()
    {
        // why: the most frequent instrument; SDCA and LBFGS binaries take the scaled rows through the same FitScaled
        { MlNetLearner.LbfgsMaximumEntropy, "grant" },
        { MlNetLearner.SdcaMaximumEntropy, "grant" },
        // why: the instrument the scaling helped most in the own model (0.68 → 0.74 nested); a rarer label, other counts
        { MlNetLearner.OneVersusAllLbfgs, "certification" },
        { MlNetLearner.LbfgsMaximumEntropy, "tax_fee" },
    };

    [Theory]
    [MemberData(nameof(MlNetInstruments))]
    public void MlNetTrain_InstrumentScales_AreTheTrainingFoldsOwn(MlNetLearner learner, string instrument)
    {
        var (train, held) = Fold.Value;
        var trained = new MlNetClauseModelTrainer(MlNetOptions.For(learner), SmallFeatures, TrainerTest.Segmenter.Value).TrainLinear(train);
        var part = trained.Parts.Instruments[IndexOf(ClauseTaxonomy.Instruments, instrument)];
        var dimension = Features.Value.Dimension;
        var (x, y) = SupportRows(train, instrument);
        var (xAll, yAll) = SupportRows([.. train, .. held], instrument);
        var fromTraining = LogCountRatios.Compute(x, y, dimension, Mix);
        var withHeldOut = LogCountRatios.Compute(xAll, yAll, dimension, Mix);
        Assert.NotNull(part.Scales); // dropped scaling: the ML.NET instrument models would read plain features
        Assert.Equal(fromTraining, part.Scales);
        Assert.NotEqual(withHeldOut, part.Scales); // the test can tell: the held-out fold's counts move the scales
    }

    [Fact]
    public void MlNetTrain_CategoryAndIndustries_AreNotScaled()
    {
        // why: as in the own trainer, only the instrument models are scaled; the category and industry models read plain features
        var trained = new MlNetClauseModelTrainer(MlNetOptions.For(MlNetLearner.LbfgsMaximumEntropy), SmallFeatures, TrainerTest.Segmenter.Value).TrainLinear(Fold.Value.Train);
        Assert.Null(trained.Parts.Category.Scales);
        Assert.All(trained.Parts.Industries, p => Assert.Null(p.Scales));
    }

    public static TheoryData<string> OwnInstruments => new()
    {
        "grant",         // why: the most frequent instrument
        "certification", // why: the instrument the scaling helped most
        "tax_fee",       // why: a rarer label, other counts
    };

    [Theory]
    [MemberData(nameof(OwnInstruments))]
    public void OwnTrain_InstrumentScores_AreThoseOfTheTrainingFoldsScales(string instrument)
    {
        // The own model keeps no scales (they are folded into half-precision weights): its held-out scores are compared
        // with a reference fitted by hand with the training fold's scales, and with one whose scales also counted the held-out fold.
        var (train, held) = Fold.Value;
        var options = LogisticOptions.Default;
        var model = new ClauseModelTrainer(SmallFeatures, options, TrainerTest.Segmenter.Value) { SentenceReading = null }.Train(train);
        var dimension = Features.Value.Dimension;
        var (x, y) = SupportRows(train, instrument);
        var (xAll, yAll) = SupportRows([.. train, .. held], instrument);
        var fitOptions = options with { L2 = options.InstrumentL2!.Value };
        float[] Reference(double[] scales) =>
            LogCountRatios.Fold(LogisticRegression.FitBinary([.. x.Select(v => LogCountRatios.Scale(v, scales))], y, dimension, fitOptions), scales);
        var right = Reference(LogCountRatios.Compute(x, y, dimension, Mix));
        var leaked = Reference(LogCountRatios.Compute(xAll, yAll, dimension, Mix));
        var plain = LogisticRegression.FitBinary(x, y, dimension, fitOptions);
        var column = model.Categories.Count + IndexOf(model.Instruments, instrument);
        double MaxDifference(float[] w) => held.Where(c => c.Category == ClauseTaxonomy.SupportCategory).Select(InstrumentInput)
            .Max(v => Math.Abs(model.Scores(v)[column] - (v.Dot(w) + w[dimension])));
        Assert.True(MaxDifference(right) < 0.02, $"held-out scores differ from the training-fold reference by up to {MaxDifference(right):0.####}");
        Assert.True(MaxDifference(leaked) > 0.05, $"scales counting the held-out fold give the same scores (within {MaxDifference(leaked):0.####}): the test cannot tell");
        Assert.True(MaxDifference(plain) > 0.05, $"plain features give the same scores (within {MaxDifference(plain):0.####}): the test cannot tell a dropped scaling");
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label) => labels.ToList().IndexOf(label);
}
