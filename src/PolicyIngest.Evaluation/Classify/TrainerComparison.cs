using PolicyIngest.Classify;
using PolicyIngest.Classify.Evaluation;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;

namespace PolicyIngest.Evaluation.Classify;

/// <summary>A trainer to compare: its name and its candidate settings (the first is its default), each a trainer.</summary>
public sealed record Contender(string Name, IReadOnlyList<(string Setting, IClauseModelTrainer Trainer)> Candidates)
{
    /// <summary>Cross-validated on the first fold split only (too slow for more; the report says so).</summary>
    public bool FirstSplitOnly { get; init; }

    /// <summary>Whether nested CV chooses among settings (one candidate: nested is the plain figure).</summary>
    public bool Nested => Candidates.Count > 1;
}

/// <param name="Plain">grouped CV of the default setting</param>
/// <param name="Nested">grouped CV with the setting chosen inside each outer fold</param>
/// <param name="Chosen">per outer fold, the setting its inner CV chose</param>
/// <param name="NestedPredictions">every scored clause's labels under nested CV (plain CV without nesting), in the clauses' order</param>
public sealed record ContenderRun(string Contender, int Seed, TaskScores Plain, TaskScores Nested, IReadOnlyList<string> Chosen, TimeSpan Time,
    IReadOnlyList<ClauseLabels> NestedPredictions);

/// <summary>
/// Every contender under the same grouped folds: plain cross-validation of its default setting, and nested
/// cross-validation — in each outer fold an inner grouped CV on that fold's training clauses (another seed per fold)
/// scores every candidate setting by the mean of the three headline figures (category macro-F1, instruments micro-F1,
/// industries micro-F1), and the best one is trained on the whole outer training set and scored on the held-out fold.
/// Extra (synthetic) clauses join every training set and are never scored. Work items (contender × outer fold) run on
/// up to <c>threads</c> threads; every item is deterministic, so the figures do not depend on the thread count.
/// </summary>
public static class TrainerComparison
{
    public static IReadOnlyList<ContenderRun> Run(IReadOnlyList<LabelledClause> clauses, IReadOnlyList<LabelledClause> extra,
        IReadOnlyList<Contender> contenders, int seed, int folds, int innerFolds, int threads, CancellationToken cancellationToken)
    {
        var foldOf = GroupedFolds.Assign([.. clauses.Select(c => c.Group)], folds, seed);
        var work = contenders.SelectMany((_, c) => Enumerable.Range(0, folds).Select(f => (Contender: c, Fold: f))).ToList();
        var plain = contenders.Select(_ => new ClauseLabels[clauses.Count]).ToArray();
        var nested = contenders.Select(_ => new ClauseLabels[clauses.Count]).ToArray();
        var chosen = contenders.Select(_ => new string[folds]).ToArray();
        var ticks = new long[contenders.Count];
        Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken }, item =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var contender = contenders[item.Contender];
            var f = item.Fold;
            var outer = clauses.Where((_, i) => foldOf[i] != f).ToList();
            var held = Enumerable.Range(0, clauses.Count).Where(i => foldOf[i] == f).ToList();
            var best = 0;
            if (contender.Candidates.Count > 1)
            {
                var bestScore = double.NegativeInfinity;
                for (var k = 0; k < contender.Candidates.Count; k++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // Inner folds by another seed per outer fold, so the inner splits are not the outer ones again.
                    var inner = ClassifierEvaluation.CrossValidate(outer, contender.Candidates[k].Trainer, innerFolds, seed + 1 + f, extra).Model;
                    var score = Headline(inner);
                    if (score > bestScore + 1e-12) { bestScore = score; best = k; }
                }
            }
            var defaultModel = contender.Candidates[0].Trainer.Train([.. outer, .. extra]);
            var chosenModel = best == 0 ? defaultModel : contender.Candidates[best].Trainer.Train([.. outer, .. extra]);
            foreach (var i in held)
            {
                plain[item.Contender][i] = defaultModel.Predict(clauses[i].Input);
                nested[item.Contender][i] = best == 0 ? plain[item.Contender][i] : chosenModel.Predict(clauses[i].Input);
            }
            chosen[item.Contender][f] = contender.Candidates[best].Setting;
            Interlocked.Add(ref ticks[item.Contender], clock.Elapsed.Ticks);
        });
        return [.. contenders.Select((c, k) => new ContenderRun(c.Name, seed, ClassifierEvaluation.Score(clauses, plain[k]),
            ClassifierEvaluation.Score(clauses, nested[k]), chosen[k], TimeSpan.FromTicks(ticks[k]), nested[k]))];
    }

    /// <summary>What the inner CV maximises: the mean of the three tasks' headline figures.</summary>
    public static double Headline(TaskScores s) => (s.Category.MacroF1 + s.Instruments.MicroF1 + s.Industries.MicroF1) / 3;
}
