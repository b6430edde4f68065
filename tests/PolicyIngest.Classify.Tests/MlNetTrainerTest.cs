using Microsoft.ML;
using Microsoft.ML.Data;
using PolicyIngest.Classify.Features;
using PolicyIngest.Classify.MachineLearning;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;

namespace PolicyIngest.Classify.Tests;

public class MlNetTrainerTest
{
    /// <summary>Every 8th real labelled clause (about 170, every category, most instruments): small enough to train in a second at 12 bits.</summary>
    private static readonly Lazy<IReadOnlyList<LabelledClause>> SmallReal = new(() =>
        [.. TrainingData.LoadClauses(Repo.Training).Where((_, i) => i % 8 == 0)]);

    private static readonly FeatureOptions SmallFeatures = FeatureOptions.Default with { Bits = 12 };

    private static MlNetClauseModel Train(MlNetLearner learner) =>
        new MlNetClauseModelTrainer(MlNetOptions.For(learner), SmallFeatures, TrainerTest.Segmenter.Value).TrainLinear(SmallReal.Value);

    public static TheoryData<MlNetLearner> LinearLearners => new()
    {
        MlNetLearner.LbfgsMaximumEntropy, // why: the softmax category model and LBFGS binaries (the default ML.NET trainer)
        MlNetLearner.SdcaMaximumEntropy,  // why: SDCA's models carry their own calibrators and L2 scale
        MlNetLearner.OneVersusAllLbfgs,   // why: one-versus-all sub-models are read by name out of ML.NET's model and normalised
    };

    [Theory]
    [MemberData(nameof(LinearLearners))]
    public void SaveLoad_RealClauses_SameLabelsAndConfidences(MlNetLearner learner)
    {
        var trained = Train(learner);
        using var dir = new TempDir();
        var folder = dir.File(MlNetModelFile.DirectoryName);
        trained.Save(folder);
        Assert.True(File.Exists(Path.Combine(folder, "category.zip")), "the category model is an ML.NET model file");
        var loaded = MlNetModelFile.Load(folder, TrainerTest.Segmenter.Value);
        Assert.Equal(learner == MlNetLearner.OneVersusAllLbfgs, loaded.CategoryOneVsRest);
        foreach (var clause in SmallReal.Value)
        {
            var before = trained.Predict(clause.Input);
            var after = loaded.Predict(clause.Input);
            Assert.Equal(before.Category, after.Category);
            Assert.Equal(before.CategoryConfidence, after.CategoryConfidence, 1e-9);
            Assert.Equal(before.Instruments, after.Instruments);
            Assert.Equal(before.Industries, after.Industries);
        }
    }

    [Theory]
    [MemberData(nameof(LinearLearners))]
    public void Weights_ReadOutOfMlNet_GiveMlNetsOwnProbabilities(MlNetLearner learner)
    {
        // why: the product scores the weights read out of the ML.NET models with its own dot product; they must give what
        // ML.NET itself gives (class order, bias, the calibrator folded in) or the shipped labels are not the trained ones
        var trained = Train(learner);
        var model = trained.Model;
        var ml = new MLContext(1);
        var dimension = model.Features.Dimension;
        var inputs = SmallReal.Value.Take(40).Select(c => c.Input).ToList();
        var rows = inputs.Select(i => new ClauseRow { Features = FeatureColumn.ToVBuffer(model.Features.Extract(i), dimension), Class = 1 }).ToList();
        var categoryScores = trained.Parts.Category.Transformer!.Transform(FeatureColumn.Load(ml, rows, dimension, model.Categories.Count))
            .GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray()).ToList();
        // The instrument models were fitted on log-count-scaled features: ML.NET's own model reads them scaled, ours plain
        // with the scales folded into the weights.
        var grant = trained.Parts.Instruments[ClauseTaxonomy.Instruments.ToList().IndexOf("grant")];
        Assert.NotNull(grant.Scales);
        var scaledRows = inputs.Select(i => new ClauseRow { Features = FeatureColumn.ToVBuffer(LogCountRatios.Scale(model.Features.Extract(i), grant.Scales), dimension), Class = 1 }).ToList();
        var grantP = grant.Transformer!.Transform(FeatureColumn.Load(ml, scaledRows, dimension, 1)).GetColumn<float>("Probability").ToList();
        for (var i = 0; i < inputs.Count; i++)
        {
            var scores = model.Scores(model.Features.Extract(inputs[i]));
            var probabilities = Probabilities(scores[..model.Categories.Count], model.CategoryOneVsRest);
            for (var k = 0; k < probabilities.Length; k++) Assert.Equal(categoryScores[i][k], probabilities[k], 1e-4);
            var grantScore = scores[model.Categories.Count + ClauseTaxonomy.Instruments.ToList().IndexOf("grant")];
            Assert.Equal(grantP[i], 1 / (1 + Math.Exp(-grantScore)), 1e-4);
        }
    }

    [Theory]
    [MemberData(nameof(LinearLearners))]
    public void Predict_EveryGivenLabel_HasConfidenceInUnitInterval(MlNetLearner learner)
    {
        var trained = Train(learner);
        foreach (var clause in SmallReal.Value)
        {
            var p = trained.Predict(clause.Input);
            Assert.InRange(p.CategoryConfidence, 0, 1);
            Assert.Equal(p.Instruments.Order(), p.InstrumentConfidences.Keys.Order());
            Assert.Equal(p.Industries.Order(), p.IndustryConfidences.Keys.Order());
            foreach (var c in p.InstrumentConfidences.Values.Concat(p.IndustryConfidences.Values)) Assert.InRange(c, 0, 1);
        }
    }

    [Theory]
    [MemberData(nameof(LinearLearners))]
    public void Train_SmallRealSet_LearnsItsOwnCategories(MlNetLearner learner)
    {
        // why: a trainer that scrambles the class order (a key off by one) or trains one-versus-all on the wrong label
        // column still "trains", and ML.NET's own scores agree with ours; on its own training clauses it must be mostly right
        var trained = Train(learner);
        var right = SmallReal.Value.Count(c => trained.Predict(c.Input).Category == c.Category);
        Assert.True(right >= 0.9 * SmallReal.Value.Count, $"{right} of {SmallReal.Value.Count} categories right on the training clauses");
    }

    private static double[] Probabilities(double[] logits, bool oneVersusAll)
    {
        if (oneVersusAll)
        {
            var sigmoids = logits.Select(s => 1 / (1 + Math.Exp(-s))).ToArray();
            return [.. sigmoids.Select(s => s / sigmoids.Sum())];
        }
        var max = logits.Max();
        var exp = logits.Select(s => Math.Exp(s - max)).ToArray();
        return [.. exp.Select(e => e / exp.Sum())];
    }
}

public class MlNetClassifierModelsTest
{
    [Fact]
    public void TryLoad_FolderWithMlNetModel_LoadsIt_AndMetadataPicksTheNamedOne()
    {
        // why: ClassifierModels is how the product finds its model; an ML.NET folder must load, and with both formats
        // present the one classify.meta.json names wins (train removes the other, but a hand-copied folder may have both)
        var clauses = TrainingData.LoadClauses(Repo.Training).Where((_, i) => i % 8 == 0).ToList();
        var features = FeatureOptions.Default with { Bits = 12 };
        var mlnet = new MlNetClauseModelTrainer(MlNetOptions.For(MlNetLearner.OneVersusAllLbfgs), features, TrainerTest.Segmenter.Value).TrainLinear(clauses);
        using var dir = new TempDir();
        mlnet.Save(dir.File(MlNetModelFile.DirectoryName));
        var loaded = ClassifierModels.TryLoad(dir.Path, () => TrainerTest.Segmenter.Value);
        Assert.NotNull(loaded);
        Assert.True(loaded.Model.CategoryOneVsRest, "the ML.NET one-versus-all model was loaded");

        new ClauseModelTrainer(features, segmenter: TrainerTest.Segmenter.Value).Train(clauses).Save(dir.File(ClauseModel.FileName));
        Assert.False(ClassifierModels.TryLoad(dir.Path, () => TrainerTest.Segmenter.Value)!.Model.CategoryOneVsRest); // no metadata: the own file first
        File.WriteAllText(dir.File(ClassifierModels.MetadataFileName), $$"""{"model": "{{MlNetModelFile.DirectoryName}}"}""");
        Assert.True(ClassifierModels.TryLoad(dir.Path, () => TrainerTest.Segmenter.Value)!.Model.CategoryOneVsRest);
    }
}
