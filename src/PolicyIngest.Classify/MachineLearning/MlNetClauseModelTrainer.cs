using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using PolicyIngest.Classify.Features;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Classify.MachineLearning;

/// <summary>
/// Trains the clause models with ML.NET on the project's own features (<see cref="ClauseFeatures"/> as a
/// <see cref="FeatureColumn"/>): the category as one multiclass model, instruments (support clauses only, with the
/// instrument word block) and specific industries as one binary model per label, exactly the tasks, inputs, example
/// weights and rule industries of <see cref="ClauseModelTrainer"/>, and its instrument models' log-count scaling (the
/// scales of the training clauses, through the same <see cref="LogCountRatios.FitScaled"/>). A linear learner's weights are read out of the
/// ML.NET model into a <see cref="ClauseModel"/>, which scores with the project's sparse dot product (and its sentence
/// reading); LightGbm's trees are scored by ML.NET.
/// Deterministic: one thread, no shuffling, a fixed seed.
/// </summary>
public sealed class MlNetClauseModelTrainer(MlNetOptions options, FeatureOptions? features = null, ISegmenter? segmenter = null) : IClauseModelTrainer
{
    private const int Seed = 1;
    private readonly FeatureOptions featureOptions = features ?? FeatureOptions.Default;

    public string Name => options.Describe();
    public MlNetOptions Options => options;
    public FeatureOptions FeatureOptions => featureOptions;

    /// <summary>How the trained linear model reads long support clauses sentence by sentence; null: whole only.</summary>
    public SentenceReading? SentenceReading { get; init; } = SentenceReading.Default;

    ITrainedClauseModel IClauseModelTrainer.Train(IReadOnlyList<LabelledClause> clauses) => Train(clauses);

    public ITrainedClauseModel Train(IReadOnlyList<LabelledClause> clauses) =>
        options.Learner == MlNetLearner.LightGbm ? TrainTrees(clauses) : TrainLinear(clauses);

    /// <summary>A linear learner's models, read into a <see cref="ClauseModel"/> and kept as ML.NET transformers for saving.</summary>
    public MlNetClauseModel TrainLinear(IReadOnlyList<LabelledClause> clauses)
    {
        if (options.Learner == MlNetLearner.LightGbm) throw new InvalidOperationException("LightGbm is not a linear learner");
        var data = Prepare(clauses);
        var ml = new MLContext(Seed);
        var dimension = data.Features.Dimension;
        var category = FitCategory(ml, data, dimension);
        var instruments = FitLabels(ml, data.Support.Select(i => data.InstrumentX[i]).ToList(),
            ClauseTaxonomy.Instruments.Select(l => data.Support.Select(i => clauses[i].Instruments.Contains(l)).ToArray()).ToList(), dimension, options.InstrumentL2,
            options.InstrumentLogCountMix);
        var industries = FitLabels(ml, data.X, ClauseModelTrainer.SpecificIndustries.Select(l => clauses.Select(c => c.Industries.Contains(l)).ToArray()).ToList(),
            dimension, options.IndustryL2, logCountMix: 0);
        var parts = new MlNetParts(category, [.. instruments], [.. industries]);
        var model = MlNetModelFile.ToClauseModel(data.Features, parts, dimension, ClauseModelTrainer.RuleIndustriesFor(clauses), SentenceReading,
            oneVersusAll: options.Learner == MlNetLearner.OneVersusAllLbfgs);
        return new MlNetClauseModel(model, parts, ml, options);
    }

    private MlNetTreeClauseModel TrainTrees(IReadOnlyList<LabelledClause> clauses)
    {
        var data = Prepare(clauses);
        var ml = new MLContext(Seed);
        // The hash buckets present in the most training clauses (instrument words counted too), ties by index.
        var counts = new Dictionary<int, int>();
        foreach (var v in data.X.Concat(data.Support.Select(i => data.InstrumentX[i])))
            foreach (var index in v.Indices) counts[index] = counts.GetValueOrDefault(index) + 1;
        int[] selected = [.. counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(options.SelectedFeatures).Select(p => p.Key).Order()];
        var selection = new FeatureSelection(selected);
        var x = data.X.Select(selection.Apply).ToList();
        var categoryRows = CategoryRows(clauses, x, selection.Dimension);
        var categoryData = FeatureColumn.Load(ml, categoryRows, selection.Dimension, ClauseTaxonomy.Categories.Count);
        var category = ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            LabelColumnName = FeatureColumn.Class, FeatureColumnName = FeatureColumn.Features, ExampleWeightColumnName = FeatureColumn.Weight,
            NumberOfIterations = options.Trees, NumberOfLeaves = options.Leaves, MinimumExampleCountPerLeaf = options.MinimumLeafExamples,
            LearningRate = options.LearningRate, NumberOfThreads = 1, Silent = true, UseSoftmax = true,
        }).Fit(categoryData);
        var supportX = data.Support.Select(i => selection.Apply(data.InstrumentX[i])).ToList();
        var instruments = ClauseTaxonomy.Instruments.Select(l => FitTree(ml, supportX, [.. data.Support.Select(i => clauses[i].Instruments.Contains(l))], selection.Dimension)).ToArray();
        var industries = ClauseModelTrainer.SpecificIndustries.Select(l => FitTree(ml, x, [.. clauses.Select(c => c.Industries.Contains(l))], selection.Dimension)).ToArray();
        return new MlNetTreeClauseModel(ml, data.Features, selection, category, instruments, industries, ClauseModelTrainer.RuleIndustriesFor(clauses), options);
    }

    private MlNetPart FitTree(MLContext ml, IReadOnlyList<SparseVector> x, bool[] y, int dimension)
    {
        var positives = y.Count(b => b);
        if (positives == 0 || positives == y.Length) return MlNetPart.Constant(positives == 0 ? -10f : 10f);
        var data = FeatureColumn.Load(ml, BinaryRows(x, y, dimension), dimension, 1);
        var transformer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = FeatureColumn.Positive, FeatureColumnName = FeatureColumn.Features, ExampleWeightColumnName = FeatureColumn.Weight,
            NumberOfIterations = options.Trees, NumberOfLeaves = options.Leaves, MinimumExampleCountPerLeaf = options.MinimumLeafExamples,
            LearningRate = options.LearningRate, NumberOfThreads = 1, Silent = true,
        }).Fit(data);
        return new MlNetPart(transformer, null);
    }

    private MlNetPart FitCategory(MLContext ml, Prepared data, int dimension)
    {
        var classes = ClauseTaxonomy.Categories.Count;
        var rows = CategoryRows(data.Clauses, data.X, dimension);
        var view = FeatureColumn.Load(ml, rows, dimension, classes);
        var weightSum = rows.Sum(r => (double)r.Weight);
        ITransformer transformer = options.Learner switch
        {
            MlNetLearner.LbfgsMaximumEntropy => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = FeatureColumn.Class, FeatureColumnName = FeatureColumn.Features, ExampleWeightColumnName = FeatureColumn.Weight,
                L2Regularization = (float)(options.CategoryL2 * weightSum), L1Regularization = 0, MaximumNumberOfIterations = options.MaxIterations,
                NumberOfThreads = 1, OptimizationTolerance = 1e-7f,
            }).Fit(view),
            MlNetLearner.SdcaMaximumEntropy => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = FeatureColumn.Class, FeatureColumnName = FeatureColumn.Features, ExampleWeightColumnName = FeatureColumn.Weight,
                L2Regularization = (float)(options.CategoryL2 * weightSum / rows.Count), L1Regularization = 0, MaximumNumberOfIterations = options.SdcaEpochs,
                NumberOfThreads = 1, Shuffle = false, ConvergenceTolerance = 1e-3f,
            }).Fit(view),
            // The binary trainer reads the multiclass label column: OneVersusAll turns it into each class's positives.
            MlNetLearner.OneVersusAllLbfgs => ml.MulticlassClassification.Trainers.OneVersusAll(
                LbfgsBinary(ml, options.CategoryL2 * weightSum / classes, FeatureColumn.Class), FeatureColumn.Class, useProbabilities: true).Fit(view),
            _ => throw new InvalidOperationException($"not a linear learner: {options.Learner}"),
        };
        return new MlNetPart(transformer, null);
    }

    /// <summary>One binary model per label, on rows <paramref name="x"/>.</summary>
    /// <param name="logCountMix">each label's model is fitted on features scaled by its log-count ratios, computed from these rows (as the own trainer's instrument models); 0: plain features</param>
    private List<MlNetPart> FitLabels(MLContext ml, IReadOnlyList<SparseVector> x, IReadOnlyList<bool[]> labels, int dimension, double l2, double logCountMix)
    {
        var parts = new List<MlNetPart>(labels.Count);
        foreach (var y in labels)
        {
            var positives = y.Count(b => b);
            if (positives == 0 || positives == y.Length)
            {
                parts.Add(MlNetPart.Constant(positives == 0 ? -10f : 10f)); // as the project's own trainer: a bias-only model
                continue;
            }
            var fitted = LogCountRatios.FitScaled(x, y, dimension, logCountMix, scaled => FitBinary(ml, scaled, y, dimension, l2));
            parts.Add(new MlNetPart(fitted.Model, null, fitted.Scales));
        }
        return parts;
    }

    private ITransformer FitBinary(MLContext ml, IReadOnlyList<SparseVector> x, bool[] y, int dimension, double l2)
    {
        var rows = BinaryRows(x, y, dimension);
        var weightSum = rows.Sum(r => (double)r.Weight);
        var view = FeatureColumn.Load(ml, rows, dimension, 1);
        return options.Learner == MlNetLearner.SdcaMaximumEntropy
            ? ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = FeatureColumn.Positive, FeatureColumnName = FeatureColumn.Features, ExampleWeightColumnName = FeatureColumn.Weight,
                L2Regularization = (float)(l2 * weightSum / rows.Count), L1Regularization = 0, MaximumNumberOfIterations = options.SdcaEpochs,
                NumberOfThreads = 1, Shuffle = false, ConvergenceTolerance = 1e-3f,
            }).Fit(view)
            : LbfgsBinary(ml, l2 * weightSum).Fit(view);
    }

    private LbfgsLogisticRegressionBinaryTrainer LbfgsBinary(MLContext ml, double l2, string label = FeatureColumn.Positive) =>
        ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = label, FeatureColumnName = FeatureColumn.Features, ExampleWeightColumnName = FeatureColumn.Weight,
            L2Regularization = (float)l2, L1Regularization = 0, MaximumNumberOfIterations = options.MaxIterations, NumberOfThreads = 1,
            OptimizationTolerance = 1e-7f,
        });

    /// <summary>Category rows, class-balanced as the project's softmax model weighs them (n / (classes · n_class)).</summary>
    private static List<ClauseRow> CategoryRows(IReadOnlyList<LabelledClause> clauses, IReadOnlyList<SparseVector> x, int dimension)
    {
        var categories = ClauseTaxonomy.Categories;
        var y = clauses.Select(c => IndexOf(categories, c.Category)).ToArray();
        var counts = new int[categories.Count];
        foreach (var k in y) counts[k]++;
        return [.. y.Select((k, i) => new ClauseRow
        {
            Features = FeatureColumn.ToVBuffer(x[i], dimension),
            Class = (uint)k,
            Weight = (float)((double)y.Length / (categories.Count * counts[k])),
        })];
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++) if (labels[i] == label) return i;
        throw new ArgumentException($"unknown label '{label}'", nameof(label));
    }

    /// <summary>Binary rows, positives weighted by negatives / positives as the project's binary models weigh them.</summary>
    private static List<ClauseRow> BinaryRows(IReadOnlyList<SparseVector> x, bool[] y, int dimension)
    {
        var positives = y.Count(b => b);
        var positiveWeight = (float)((double)(y.Length - positives) / positives);
        return [.. y.Select((p, i) => new ClauseRow { Features = FeatureColumn.ToVBuffer(x[i], dimension), Class = 1, Positive = p, Weight = p ? positiveWeight : 1f })];
    }

    private sealed record Prepared(IReadOnlyList<LabelledClause> Clauses, ClauseFeatures Features, IReadOnlyList<SparseVector> X,
        IReadOnlyList<SparseVector> InstrumentX, IReadOnlyList<int> Support);

    private Prepared Prepare(IReadOnlyList<LabelledClause> clauses)
    {
        if (clauses.Count == 0) throw new ArgumentException("no training clauses", nameof(clauses));
        var features = new ClauseFeatures(featureOptions, segmenter);
        var cache = CacheFor(featureOptions);
        var extracted = clauses.Select(c => cache.GetValue(c.Input, input =>
        {
            var x = features.Extract(input);
            return new Extracted(x, features.Options.InstrumentWordWeight > 0 ? SparseVector.Sum(x, features.ExtractInstrumentWords(input)) : x);
        })).ToList();
        var support = Enumerable.Range(0, clauses.Count).Where(i => clauses[i].Category == ClauseTaxonomy.SupportCategory).ToList();
        return new Prepared(clauses, features, [.. extracted.Select(e => e.X)], [.. extracted.Select(e => e.InstrumentX)], support);
    }

    /// <summary>A clause's features and its instrument models' input (features + instrument words).</summary>
    private sealed record Extracted(SparseVector X, SparseVector InstrumentX);

    // Cross-validation trains the same clauses many times: their features are extracted once per feature setting.
    private static readonly Dictionary<FeatureOptions, ConditionalWeakTable<ClauseInput, Extracted>> Caches = [];

    private static ConditionalWeakTable<ClauseInput, Extracted> CacheFor(FeatureOptions options)
    {
        lock (Caches)
        {
            if (!Caches.TryGetValue(options, out var cache)) Caches[options] = cache = [];
            return cache;
        }
    }
}

/// <summary>One fitted ML.NET model of a clause model (the category, or one label), or a constant score where the training data had only one class.</summary>
/// <param name="Scales">the log-count scales the model's features were multiplied by when it was fitted (<see cref="LogCountRatios"/>); null: plain features</param>
public sealed record MlNetPart(ITransformer? Transformer, float? ConstantScore, double[]? Scales = null)
{
    public static MlNetPart Constant(float score) => new(null, score);
}

/// <summary>The category model and one model per instrument and per specific industry.</summary>
public sealed record MlNetParts(MlNetPart Category, IReadOnlyList<MlNetPart> Instruments, IReadOnlyList<MlNetPart> Industries);

/// <summary>The hash buckets LightGbm reads, renumbered 0..n-1.</summary>
public sealed class FeatureSelection(int[] selected)
{
    private readonly Dictionary<int, int> slot = selected.Select((index, s) => (index, s)).ToDictionary(p => p.index, p => p.s);

    public IReadOnlyList<int> Selected { get; } = selected;
    public int Dimension => Math.Max(1, Selected.Count);

    public SparseVector Apply(SparseVector x)
    {
        var indices = new List<int>();
        var values = new List<float>();
        for (var i = 0; i < x.Count; i++)
        {
            if (!slot.TryGetValue(x.Indices[i], out var s)) continue;
            indices.Add(s);
            values.Add(x.Values[i]);
        }
        return new SparseVector([.. indices], [.. values]); // selected is sorted, so the slots are too
    }
}
