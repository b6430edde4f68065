using PolicyIngest.Classify.Evaluation;
using PolicyIngest.Classify.Features;
using PolicyIngest.Classify.Model;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Classify.Training;

/// <summary>Trains a <see cref="ClauseModel"/> from labelled clauses. Deterministic: same data and options, same weights.</summary>
/// <param name="segmenter">for feature options that use words (required then)</param>
public sealed class ClauseModelTrainer(FeatureOptions? features = null, LogisticOptions? options = null, ISegmenter? segmenter = null) : IClauseModelTrainer
{
    public string Name => "logistic regression (own L-BFGS), hashed features";

    ITrainedClauseModel IClauseModelTrainer.Train(IReadOnlyList<LabelledClause> clauses) => Train(clauses);

    private readonly LogisticOptions options = options ?? LogisticOptions.Default;
    private readonly FeatureOptions featureOptions = features ?? FeatureOptions.Default;

    public int HashBits => featureOptions.Bits;
    public FeatureOptions FeatureOptions => featureOptions;
    public LogisticOptions Options => options;

    /// <summary>How the trained model reads long support clauses sentence by sentence; null: whole only.</summary>
    public SentenceReading? SentenceReading { get; init; } = SentenceReading.Default;

    /// <summary>Specific industries (every taxonomy industry but general, which is given when none of them applies).</summary>
    public static IReadOnlyList<string> SpecificIndustries { get; } =
        [.. ClauseTaxonomy.Industries.Where(i => i != ClauseTaxonomy.GeneralIndustry)];

    /// <summary>
    /// A specific industry whose positives come from fewer documents (groups) than this is given by its keyword rule:
    /// grouped cross-validation showed the model then knows only those documents' wording (e.g. every
    /// scientific_instruments clause held out with its one guide family: F1 0) while the rule generalises. Chosen by that
    /// CV over the whole set (3/4/5/8 groups: industries micro-F1 0.814/0.811/0.802/0.820, against 0.800 with none).
    /// </summary>
    public const int MinIndustryGroups = 8;

    /// <summary>The specific industries the model should leave to their keyword rule, for these clauses.</summary>
    public static IReadOnlyList<string> RuleIndustriesFor(IReadOnlyList<LabelledClause> clauses) =>
        [.. SpecificIndustries.Where(i => clauses.Where(c => c.Industries.Contains(i)).Select(c => c.Group).Distinct().Count() < MinIndustryGroups)];

    public ClauseModel Train(IReadOnlyList<LabelledClause> clauses)
    {
        if (clauses.Count == 0) throw new ArgumentException("no training clauses", nameof(clauses));
        var features = new ClauseFeatures(featureOptions, segmenter);
        var x = clauses.Select(c => features.Extract(c.Input)).ToList();
        var dimension = features.Dimension;

        var categories = ClauseTaxonomy.Categories;
        var y = clauses.Select(c => IndexOf(categories, c.Category)).ToList();
        var categoryWeights = Quantise(FitCategories(x, y, categories.Count, dimension));

        var xInstruments = InstrumentInputs(features, clauses, x);
        var (instrumentWeights, industryWeights) = FitMultiLabel(clauses, x, xInstruments, dimension);
        double[]? instrumentThresholds = null, industryThresholds = null;
        if (options.ThresholdFolds >= 2) (instrumentThresholds, industryThresholds) = CalibrateThresholds(clauses, x, xInstruments, dimension);

        return new ClauseModel(features, categories, categoryWeights, ClauseTaxonomy.Instruments, [.. instrumentWeights.Select(Quantise)],
            SpecificIndustries, [.. industryWeights.Select(Quantise)], instrumentThresholds, industryThresholds, RuleIndustriesFor(clauses), SentenceReading)
        {
            CategoryOneVsRest = options.CategoryLogCountMix is not null,
        };
    }

    /// <summary>classes × (dimension + 1) weights: one softmax model, or one log-count-scaled binary model per category.</summary>
    private float[] FitCategories(IReadOnlyList<SparseVector> x, IReadOnlyList<int> y, int classes, int dimension)
    {
        if (options.CategoryLogCountMix is not { } mix) return LogisticRegression.FitSoftmax(x, y, classes, dimension, options);
        var binaryOptions = options with { L2 = options.CategoryL2 ?? options.L2 };
        var weights = new float[classes * (dimension + 1)];
        for (var k = 0; k < classes; k++)
            FitScaled(x, [.. y.Select(c => c == k)], dimension, binaryOptions, mix).CopyTo(weights, k * (dimension + 1));
        return weights;
    }

    /// <summary>
    /// What the instrument models read of each clause: its features, plus the instrument-only word block for the
    /// support clauses (the only ones instruments are trained on) when the options have one.
    /// </summary>
    internal static IReadOnlyList<SparseVector> InstrumentInputs(ClauseFeatures features, IReadOnlyList<LabelledClause> clauses, IReadOnlyList<SparseVector> x)
    {
        if (features.Options.InstrumentWordWeight <= 0) return x;
        return [.. clauses.Select((c, i) => c.Category == ClauseTaxonomy.SupportCategory ? SparseVector.Sum(x[i], features.ExtractInstrumentWords(c.Input)) : x[i])];
    }

    /// <summary>One-vs-rest models: instruments from support clauses alone (they are only ever given to support clauses), specific industries from all.</summary>
    /// <param name="xInstruments">what the instrument models read (<see cref="InstrumentInputs"/>)</param>
    private (float[][] Instruments, float[][] Industries) FitMultiLabel(IReadOnlyList<LabelledClause> clauses, IReadOnlyList<SparseVector> x,
        IReadOnlyList<SparseVector> xInstruments, int dimension)
    {
        var support = Enumerable.Range(0, clauses.Count).Where(i => clauses[i].Category == ClauseTaxonomy.SupportCategory).ToList();
        var supportX = support.Select(i => xInstruments[i]).ToList();
        var instrumentOptions = options with { L2 = options.InstrumentL2 ?? options.L2 };
        var instruments = ClauseTaxonomy.Instruments
            .Select(label => FitScaled(supportX, [.. support.Select(i => clauses[i].Instruments.Contains(label))], dimension, instrumentOptions, options.InstrumentLogCountMix))
            .ToArray();
        var (xIndustries, chapterRuleColumns) = IndustryInputs(x);
        var industries = SpecificIndustries
            .Select(label => FoldColumnScale(LogisticRegression.FitBinary(xIndustries, [.. clauses.Select(c => c.Industries.Contains(label))], dimension, options),
                chapterRuleColumns, options.IndustryChapterRuleScale))
            .ToArray();
        return (instruments, industries);
    }

    /// <summary>
    /// What the industry models are fitted on: the features with the industry rules on the chapter heading (ind:X@chapter,
    /// "the chapter or card title names the sector") scaled by <see cref="LogisticOptions.IndustryChapterRuleScale"/>,
    /// which is an L2 penalty on those weights divided by the scale squared. The scale is folded back into the fitted
    /// weights (<see cref="FoldColumnScale"/>), so the model reads the ordinary features and the category and instrument
    /// models are untouched. Why: models/README.md has a guide card's title decide the sector of its 服务内容 and 条件要求,
    /// and this flag is the one chapter feature that carries a sector across titles; with the default penalty its weight
    /// shrank as documents whose sector is named in their own text (not their chapter) joined the training set.
    /// </summary>
    private (IReadOnlyList<SparseVector> X, HashSet<int> Columns) IndustryInputs(IReadOnlyList<SparseVector> x)
    {
        var features = new ClauseFeatures(featureOptions with { InstrumentWordWeight = 0, WordWeight = 0, WordPairWeight = 0 });
        var columns = KeywordRules.RuleFeatures.Select((rule, ordinal) => (rule, ordinal))
            .Where(r => KeywordRules.IsIndustryChapterRule(r.rule)).Select(r => features.RuleIndex(r.ordinal)).ToHashSet();
        var scale = options.IndustryChapterRuleScale;
        if (scale == 1.0) return (x, columns);
        return ([.. x.Select(v =>
        {
            var values = v.Values.ToArray();
            for (var i = 0; i < v.Count; i++) if (columns.Contains(v.Indices[i])) values[i] = (float)(values[i] * scale);
            return new SparseVector(v.Indices, values);
        })], columns);
    }

    /// <summary>The weights of a model fitted on columns scaled by <paramref name="scale"/>, for the unscaled columns.</summary>
    private static float[] FoldColumnScale(float[] weights, HashSet<int> columns, double scale)
    {
        if (scale == 1.0) return weights;
        foreach (var c in columns) weights[c] = (float)(weights[c] * scale);
        return weights;
    }

    /// <summary>A binary model fitted on features scaled by their log-count ratios for this label, the scales folded into its weights.</summary>
    /// <param name="mix">how far the features are scaled (0: plain features)</param>
    private static float[] FitScaled(IReadOnlyList<SparseVector> x, bool[] y, int dimension, LogisticOptions options, double mix)
    {
        var fitted = LogCountRatios.FitScaled(x, y, dimension, mix, scaled => LogisticRegression.FitBinary(scaled, y, dimension, options));
        return fitted.Fold(fitted.Model);
    }

    /// <summary>Candidate thresholds, and how many held-out positives a label needs before its threshold moves off the default.</summary>
    private static readonly double[] ThresholdGrid = [.. Enumerable.Range(2, 15).Select(i => i * 0.05)]; // 0.10 … 0.80
    private const int MinimumPositivesToCalibrate = 8;

    /// <summary>
    /// Per-label thresholds chosen on the training clauses only: grouped inner folds give every clause a probability
    /// from a model that did not see its policy; each label takes the grid threshold with the best F1 on those
    /// (ties: the one nearest the default), and keeps the default when it has too few positives to say.
    /// </summary>
    private (double[] Instruments, double[] Industries) CalibrateThresholds(IReadOnlyList<LabelledClause> clauses, IReadOnlyList<SparseVector> x,
        IReadOnlyList<SparseVector> xInstruments, int dimension)
    {
        var foldOf = GroupedFolds.Assign([.. clauses.Select(c => c.Group)], options.ThresholdFolds, CalibrationSeed);
        var instrumentP = new double[clauses.Count, ClauseTaxonomy.Instruments.Count];
        var industryP = new double[clauses.Count, SpecificIndustries.Count];
        for (var f = 0; f < options.ThresholdFolds; f++)
        {
            var train = Enumerable.Range(0, clauses.Count).Where(i => foldOf[i] != f).ToList();
            var (instrumentWeights, industryWeights) = FitMultiLabel([.. train.Select(i => clauses[i])], [.. train.Select(i => x[i])],
                [.. train.Select(i => xInstruments[i])], dimension);
            for (var i = 0; i < clauses.Count; i++)
            {
                if (foldOf[i] != f) continue;
                for (var j = 0; j < instrumentWeights.Length; j++) instrumentP[i, j] = Probability(xInstruments[i], instrumentWeights[j], dimension);
                for (var j = 0; j < industryWeights.Length; j++) industryP[i, j] = Probability(x[i], industryWeights[j], dimension);
            }
        }
        var support = Enumerable.Range(0, clauses.Count).Where(i => clauses[i].Category == ClauseTaxonomy.SupportCategory).ToList();
        var instruments = ClauseTaxonomy.Instruments.Select((label, j) => BestThreshold(
            [.. support.Select(i => (instrumentP[i, j], clauses[i].Instruments.Contains(label)))], ClauseModel.InstrumentThreshold)).ToArray();
        var industries = SpecificIndustries.Select((label, j) => BestThreshold(
            [.. Enumerable.Range(0, clauses.Count).Select(i => (industryP[i, j], clauses[i].Industries.Contains(label)))], ClauseModel.IndustryThreshold)).ToArray();
        return (instruments, industries);
    }

    private const int CalibrationSeed = 7;

    private static double Probability(SparseVector x, float[] w, int dimension) => 1 / (1 + Math.Exp(-(x.Dot(w) + w[dimension])));

    private static double BestThreshold(IReadOnlyList<(double P, bool Gold)> scored, double fallback)
    {
        if (scored.Count(s => s.Gold) < MinimumPositivesToCalibrate) return fallback;
        var best = fallback;
        var bestF1 = -1.0;
        foreach (var t in ThresholdGrid.OrderBy(t => Math.Abs(t - fallback)))
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var (p, gold) in scored)
            {
                if (p >= t) { if (gold) tp++; else fp++; }
                else if (gold) fn++;
            }
            var f1 = tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
            if (f1 > bestF1 + 1e-12) { bestF1 = f1; best = t; }
        }
        return best;
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++) if (labels[i] == label) return i;
        throw new ArgumentException($"unknown label '{label}'", nameof(label));
    }

    /// <summary>Rounds to half precision, as the model file stores it, so a trained model and its saved copy agree exactly.</summary>
    private static float[] Quantise(float[] weights)
    {
        for (var i = 0; i < weights.Length; i++) weights[i] = (float)(Half)weights[i];
        return weights;
    }
}
