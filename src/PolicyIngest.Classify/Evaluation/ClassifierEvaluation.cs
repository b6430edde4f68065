using PolicyIngest.Classify.Features;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;

namespace PolicyIngest.Classify.Evaluation;

/// <summary>Scores of one predictor (the trained model or the keyword baseline) on the three clause tasks.</summary>
public sealed record TaskScores(
    SingleLabelScores Category,
    MultiLabelScores Instruments,
    MultiLabelScores Industries,
    MultiLabelScores SpecificIndustries);

/// <param name="ExtraTraining">clauses added to every fold's training set and never scored (the synthetic clauses)</param>
public sealed record ClassifierEvaluationReport(int Clauses, int Groups, int Folds, int Seed, TaskScores Model, TaskScores Baseline, int ExtraTraining = 0);

/// <summary>
/// k-fold cross-validation grouped by policy (versions of one policy and identical texts never straddle folds):
/// every clause is predicted by a model that never saw it; the keyword baseline is scored on the same clauses.
/// Extra training clauses (the synthetic documents) join every fold's training set and are never scored: the figures
/// are about real clauses only.
/// </summary>
public static class ClassifierEvaluation
{
    public const int DefaultFolds = 5;
    public const int DefaultSeed = 20250710;

    public static ClassifierEvaluationReport CrossValidate(IReadOnlyList<LabelledClause> clauses, IClauseModelTrainer trainer, int folds = DefaultFolds, int seed = DefaultSeed,
        IReadOnlyList<LabelledClause>? extraTraining = null)
    {
        extraTraining ??= [];
        var foldOf = GroupedFolds.Assign([.. clauses.Select(c => c.Group)], folds, seed);
        var predicted = new ClauseLabels[clauses.Count];
        for (var f = 0; f < folds; f++)
        {
            var train = clauses.Where((_, i) => foldOf[i] != f).Concat(extraTraining).ToList();
            var model = trainer.Train(train);
            for (var i = 0; i < clauses.Count; i++)
                if (foldOf[i] == f) predicted[i] = model.Predict(clauses[i].Input);
        }
        var baseline = clauses.Select(c => KeywordRules.Predict(c.Input)).ToList();
        return new ClassifierEvaluationReport(clauses.Count, clauses.Select(c => c.Group).Distinct().Count(), folds, seed,
            Score(clauses, predicted), Score(clauses, baseline), extraTraining.Count);
    }

    public static TaskScores Score(IReadOnlyList<LabelledClause> gold, IReadOnlyList<ClauseLabels> predicted)
    {
        var specific = ClauseModelTrainer.SpecificIndustries;
        return new TaskScores(
            SingleLabelScores.Compute(ClauseTaxonomy.Categories, [.. gold.Select(c => c.Category)], [.. predicted.Select(p => p.Category)]),
            MultiLabelScores.Compute(ClauseTaxonomy.Instruments, [.. gold.Select(c => c.Instruments)], [.. predicted.Select(p => p.Instruments)]),
            MultiLabelScores.Compute(ClauseTaxonomy.Industries, [.. gold.Select(c => c.Industries)], [.. predicted.Select(p => p.Industries)]),
            MultiLabelScores.Compute(specific, [.. gold.Select(c => c.Industries)], [.. predicted.Select(p => p.Industries)]));
    }
}
