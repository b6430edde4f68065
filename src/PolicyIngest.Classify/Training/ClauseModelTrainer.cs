using PolicyIngest.Classify.Features;
using PolicyIngest.Classify.Model;

namespace PolicyIngest.Classify.Training;

/// <summary>Trains a <see cref="ClauseModel"/> from labelled clauses. Deterministic: same data and options, same weights.</summary>
public sealed class ClauseModelTrainer(int hashBits = ClauseFeatures.DefaultBits, LogisticOptions? options = null)
{
    private readonly LogisticOptions options = options ?? LogisticOptions.Default;

    public int HashBits => hashBits;

    /// <summary>Specific industries (every taxonomy industry but general, which is given when none of them applies).</summary>
    public static IReadOnlyList<string> SpecificIndustries { get; } =
        [.. ClauseTaxonomy.Industries.Where(i => i != ClauseTaxonomy.GeneralIndustry)];

    public ClauseModel Train(IReadOnlyList<LabelledClause> clauses)
    {
        if (clauses.Count == 0) throw new ArgumentException("no training clauses", nameof(clauses));
        var features = new ClauseFeatures(hashBits);
        var x = clauses.Select(c => features.Extract(c.Input)).ToList();
        var dimension = features.Dimension;

        var categories = ClauseTaxonomy.Categories;
        var y = clauses.Select(c => IndexOf(categories, c.Category)).ToList();
        var categoryWeights = Quantise(LogisticRegression.FitSoftmax(x, y, categories.Count, dimension, options));

        // Instruments are only ever given to support clauses, so they are learnt from support clauses alone.
        var support = Enumerable.Range(0, clauses.Count).Where(i => clauses[i].Category == ClauseTaxonomy.SupportCategory).ToList();
        var supportX = support.Select(i => x[i]).ToList();
        var instrumentWeights = ClauseTaxonomy.Instruments
            .Select(label => Quantise(LogisticRegression.FitBinary(supportX, [.. support.Select(i => clauses[i].Instruments.Contains(label))], dimension, options)))
            .ToArray();

        var industryWeights = SpecificIndustries
            .Select(label => Quantise(LogisticRegression.FitBinary(x, [.. clauses.Select(c => c.Industries.Contains(label))], dimension, options)))
            .ToArray();

        return new ClauseModel(hashBits, categories, categoryWeights, ClauseTaxonomy.Instruments, instrumentWeights, SpecificIndustries, industryWeights);
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
