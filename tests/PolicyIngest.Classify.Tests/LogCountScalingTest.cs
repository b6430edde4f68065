using PolicyIngest.Classify.Evaluation;
using PolicyIngest.Classify.Features;
using PolicyIngest.Classify.MachineLearning;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;

namespace PolicyIngest.Classify.Tests;

/// <summary>
/// The instrument models' log-count scaling (<see cref="LogCountRatios.FitScaled"/>) in the ML.NET trainers: present, and
/// computed from the training fold only — never from the clauses a fold is scored on. (Folding the scales into the weights
/// the product scores with: <see cref="LogCountRatiosTest"/>; ML.NET's own scores against the read-out weights: MlNetTrainerTest.)
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
        // why: the instrument the scaling helped most (ML.NET nested 0.68 → 0.71); a rarer label, other counts
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
        // why: only the instrument models are scaled; the category and industry models read plain features
        var trained = new MlNetClauseModelTrainer(MlNetOptions.For(MlNetLearner.LbfgsMaximumEntropy), SmallFeatures, TrainerTest.Segmenter.Value).TrainLinear(Fold.Value.Train);
        Assert.Null(trained.Parts.Category.Scales);
        Assert.All(trained.Parts.Industries, p => Assert.Null(p.Scales));
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label) => labels.ToList().IndexOf(label);
}
