using PolicyIngest.Classify;
using PolicyIngest.Classify.Evaluation;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;

namespace PolicyIngest.Evaluation.Classify;

/// <param name="Report">the outer cross-validation, every clause predicted by a model whose setting was chosen without it</param>
/// <param name="Chosen">per outer fold, the index into the candidates that its inner cross-validation chose</param>
public sealed record NestedReport(ClassifierEvaluationReport Report, IReadOnlyList<int> Chosen);

/// <summary>
/// Cross-validation with the setting chosen inside each outer fold: an inner grouped cross-validation on the outer
/// training clauses only picks the candidate trainer with the best instruments micro-F1, which is then trained on all of
/// them and scored on the held-out fold. Without it, a setting chosen by the same cross-validation it is reported on
/// looks a little better than it is; the difference measures that.
/// </summary>
public static class NestedCrossValidation
{
    public const int DefaultInnerFolds = 3;

    /// <summary>The instrument models' log-count mix and L2 around the shipped setting, and plain features.</summary>
    public static IReadOnlyList<(string Name, LogisticOptions Options)> InstrumentScalingCandidates { get; } =
    [
        .. new[] { (0.4, 3e-6), (0.4, 5e-6), (0.5, 3e-6), (0.5, 5e-6), (0.3, 3e-6), (0.0, 3e-5) }
            .Select(c => ($"mix {c.Item1}, L2 {c.Item2:0e0}", LogisticOptions.Default with { InstrumentLogCountMix = c.Item1, InstrumentL2 = c.Item2 })),
    ];

    public static NestedReport Run(IReadOnlyList<LabelledClause> clauses, IReadOnlyList<IClauseModelTrainer> candidates,
        int folds = ClassifierEvaluation.DefaultFolds, int seed = ClassifierEvaluation.DefaultSeed, int innerFolds = DefaultInnerFolds,
        IReadOnlyList<LabelledClause>? extraTraining = null)
    {
        if (candidates.Count == 0) throw new ArgumentException("no candidate trainers", nameof(candidates));
        extraTraining ??= [];
        var foldOf = GroupedFolds.Assign([.. clauses.Select(c => c.Group)], folds, seed);
        var predicted = new ClauseLabels[clauses.Count];
        var chosen = new int[folds];
        for (var f = 0; f < folds; f++)
        {
            var outer = clauses.Where((_, i) => foldOf[i] != f).ToList();
            var best = -1.0;
            for (var k = 0; k < candidates.Count; k++)
            {
                // Inner folds by another seed per outer fold, so the inner splits are not the outer ones again.
                var inner = ClassifierEvaluation.CrossValidate(outer, candidates[k], innerFolds, seed + 1 + f, extraTraining).Model.Instruments.MicroF1;
                if (inner > best + 1e-12) { best = inner; chosen[f] = k; }
            }
            var model = candidates[chosen[f]].Train([.. outer, .. extraTraining]);
            for (var i = 0; i < clauses.Count; i++)
                if (foldOf[i] == f) predicted[i] = model.Predict(clauses[i].Input);
        }
        var baseline = clauses.Select(c => KeywordRules.Predict(c.Input)).ToList();
        var report = new ClassifierEvaluationReport(clauses.Count, clauses.Select(c => c.Group).Distinct().Count(), folds, seed,
            ClassifierEvaluation.Score(clauses, predicted), ClassifierEvaluation.Score(clauses, baseline), extraTraining.Count);
        return new NestedReport(report, chosen);
    }
}
