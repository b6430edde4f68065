using System.Diagnostics;
using System.Globalization;
using PolicyIngest.Classify;
using PolicyIngest.Classify.Evaluation;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;
using PolicyIngest.Cli;
using PolicyIngest.Core.Json;

namespace PolicyIngest.Evaluation.Classify;

/// <summary>`evaluate classify` (default): every trainer side by side with the keyword rules, plain and nested CV, three fold splits.</summary>
public static class TrainerComparisonReport
{
    /// <summary>The three fold splits the comparison runs by default.</summary>
    public static readonly int[] DefaultSeeds = [ClassifierEvaluation.DefaultSeed, 1, 2];

    public static int Run(CliContext context, IReadOnlyList<LabelledClause> clauses, IReadOnlyList<LabelledClause> synthetic,
        IReadOnlyList<Contender> contenders, int[] seeds, int innerFolds, int threads, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var runs = new List<ContenderRun>();
        foreach (var seed in seeds)
        {
            var these = seed == seeds[0] ? contenders : [.. contenders.Where(c => !c.FirstSplitOnly)];
            runs.AddRange(TrainerComparison.Run(clauses, synthetic, these, seed, ClassifierEvaluation.DefaultFolds, innerFolds, threads, cancellationToken));
            context.Err.WriteLine($"evaluate classify: seed {seed} done at {clock.Elapsed.TotalSeconds:0} s");
        }
        var keywords = ClassifierEvaluation.Score(clauses, [.. clauses.Select(c => KeywordRules.Predict(c.Input))]);
        var elapsed = clock.Elapsed;
        var nested = innerFolds >= 2;
        if (context.Json)
        {
            context.Out.WriteLine(PolicyJson.Serialize(new
            {
                clauses = clauses.Count, groups = clauses.Select(c => c.Group).Distinct().Count(), syntheticClauses = synthetic.Count,
                folds = ClassifierEvaluation.DefaultFolds, innerFolds = nested ? innerFolds : 0, seeds, seconds = Math.Round(elapsed.TotalSeconds, 1), threads,
                keywordBaseline = TaskFigures.From(keywords),
                trainers = contenders.Select(c => new
                {
                    c.Name,
                    settings = c.Candidates.Select(x => x.Setting),
                    description = c.Candidates[0].Trainer.Name,
                    plain = Mean(runs.Where(r => r.Contender == c.Name).Select(r => TaskFigures.From(r.Plain)).ToList()),
                    nested = nested ? Mean(runs.Where(r => r.Contender == c.Name).Select(r => TaskFigures.From(r.Nested)).ToList()) : null,
                    perSeed = runs.Where(r => r.Contender == c.Name).Select(r => new
                    {
                        r.Seed, plain = TaskFigures.From(r.Plain), nested = nested ? TaskFigures.From(r.Nested) : null, chosenPerFold = nested ? r.Chosen : null,
                        seconds = Math.Round(r.Time.TotalSeconds, 1),
                    }),
                }),
            }));
            return ExitCodes.Done;
        }

        var o = context.Out;
        o.WriteLine($"clause classifiers compared: {clauses.Count} real clauses in {clauses.Select(c => c.Group).Distinct().Count()} groups, " +
                    $"{ClassifierEvaluation.DefaultFolds}-fold CV grouped by policy, fold splits (seeds) {string.Join(", ", seeds)}; " +
                    $"{synthetic.Count} synthetic clauses join every training set and are never scored");
        if (nested)
            o.WriteLine($"nested: in each outer fold an inner {innerFolds}-fold grouped CV of its training clauses chooses the setting " +
                        "(mean of category macro-F1, instruments micro-F1, industries micro-F1); plain: the default setting");
        o.WriteLine();
        foreach (var c in contenders)
            o.WriteLine($"  {c.Name,-16} {c.Candidates[0].Trainer.Name}" + (nested && c.Nested ? $"; settings tried: {string.Join(", ", c.Candidates.Select(x => x.Setting))}" : "")
                + (c.FirstSplitOnly ? $"; plain CV on split {seeds[0]} only (too slow for nested CV: see TrainerChoices)" : ""));
        o.WriteLine($"  {"keywords",-16} the keyword rules (KeywordRules), no training");
        if (nested) Table(o, "NESTED CV (headline)", contenders, runs, keywords, r => r.Nested, seeds);
        Table(o, nested ? "plain CV, default setting" : "plain CV", contenders, runs, keywords, r => r.Plain, seeds);

        var first = seeds[0];
        o.WriteLine();
        o.WriteLine($"per label F1, {(nested ? "nested" : "plain")} CV, fold split {first} (gold = real clauses with the label)");
        PerLabel(o, "category", ClauseTaxonomy.Categories, contenders, runs.Where(r => r.Seed == first).ToList(), keywords, nested, s => s.Category.PerLabel);
        PerLabel(o, "instruments", ClauseTaxonomy.Instruments, contenders, runs.Where(r => r.Seed == first).ToList(), keywords, nested, s => s.Instruments.PerLabel);
        PerLabel(o, "industries", ClauseTaxonomy.Industries, contenders, runs.Where(r => r.Seed == first).ToList(), keywords, nested, s => s.Industries.PerLabel);

        Review(o, clauses, contenders, runs.Where(r => r.Seed == first).ToList(), nested, first);

        if (nested)
        {
            o.WriteLine();
            o.WriteLine("settings chosen per outer fold");
            foreach (var r in runs) o.WriteLine($"  {r.Contender,-16} seed {r.Seed,-9} {string.Join(" | ", r.Chosen)}");
        }
        o.WriteLine();
        o.WriteLine("time (summed over work items; wall time is shorter with several threads)");
        foreach (var c in contenders)
            o.WriteLine($"  {c.Name,-16} {runs.Where(r => r.Contender == c.Name).Sum(r => r.Time.TotalSeconds),7:0} s");
        o.WriteLine($"evaluate classify: {elapsed.TotalSeconds:0} s wall time on {threads} thread(s)");
        return ExitCodes.Done;
    }

    private static void Table(TextWriter o, string title, IReadOnlyList<Contender> contenders, IReadOnlyList<ContenderRun> runs, TaskScores keywords,
        Func<ContenderRun, TaskScores> pick, int[] seeds)
    {
        o.WriteLine();
        o.WriteLine($"{title}: mean over {seeds.Length} fold split(s)" + (seeds.Length > 1 ? "; each split's figure in brackets" : ""));
        o.WriteLine($"  {"trainer",-16} {"category macro-F1",-26} {"category acc.",-14} {"instruments micro-F1",-26} {"industries micro-F1",-26} {"specific only",-13}");
        foreach (var c in contenders)
        {
            var mine = runs.Where(r => r.Contender == c.Name).Select(pick).ToList();
            if (title.StartsWith("NESTED", StringComparison.Ordinal) && !c.Nested)
            {
                o.WriteLine($"  {c.Name,-16} (no nested CV; plain figures below)");
                continue;
            }
            o.WriteLine($"  {c.Name,-16} {Cell(mine, s => s.Category.MacroF1),-26} {Cell(mine, s => s.Category.Accuracy, false),-14} " +
                        $"{Cell(mine, s => s.Instruments.MicroF1),-26} {Cell(mine, s => s.Industries.MicroF1),-26} {Cell(mine, s => s.SpecificIndustries.MicroF1, false),-13}");
        }
        List<TaskScores> k = [keywords];
        o.WriteLine($"  {"keywords",-16} {Cell(k, s => s.Category.MacroF1),-26} {Cell(k, s => s.Category.Accuracy, false),-14} " +
                    $"{Cell(k, s => s.Instruments.MicroF1),-26} {Cell(k, s => s.Industries.MicroF1),-26} {Cell(k, s => s.SpecificIndustries.MicroF1, false),-13}");
    }

    private static string Cell(IReadOnlyList<TaskScores> scores, Func<TaskScores, double> figure, bool each = true)
    {
        var values = scores.Select(figure).ToList();
        var mean = values.Average().ToString("0.000", CultureInfo.InvariantCulture);
        return each && values.Count > 1 ? $"{mean} ({string.Join("/", values.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture)))})" : mean;
    }

    private static void PerLabel(TextWriter o, string task, IReadOnlyList<string> labels, IReadOnlyList<Contender> contenders, IReadOnlyList<ContenderRun> runs,
        TaskScores keywords, bool nested, Func<TaskScores, IReadOnlyList<LabelScore>> perLabel)
    {
        o.WriteLine($"  {task,-24}{"gold",6}" + string.Concat(contenders.Select(c => $"{Short(c.Name),15}")) + $"{"keywords",10}");
        var keywordScores = perLabel(keywords);
        for (var j = 0; j < labels.Count; j++)
        {
            var line = $"  {labels[j],-24}{keywordScores[j].Support,6}";
            foreach (var c in contenders)
            {
                var run = runs.Single(r => r.Contender == c.Name);
                line += $"{perLabel(nested ? run.Nested : run.Plain)[j].F1,15:0.00}";
            }
            o.WriteLine(line + $"{keywordScores[j].F1,10:0.00}");
        }
    }

    /// <summary>How many clauses the review threshold flags, and how often a flagged / an unflagged clause has a wrong label.</summary>
    private static void Review(TextWriter o, IReadOnlyList<LabelledClause> clauses, IReadOnlyList<Contender> contenders, IReadOnlyList<ContenderRun> runs, bool nested, int seed)
    {
        o.WriteLine();
        o.WriteLine($"{PolicyIngest.Core.Model.ClauseReview.Flag} (review flag: the least sure given label below a threshold), {(nested ? "nested" : "plain")} CV, fold split {seed}: " +
                    "share of clauses flagged; share with any label wrong (category, instruments or industries) among flagged / unflagged");
        double[] thresholds = [0.5, PolicyIngest.Core.Model.ClauseReview.Threshold, 0.7, 0.8];
        o.WriteLine($"  {"trainer",-16}" + string.Concat(thresholds.Select(t => $"{(t == PolicyIngest.Core.Model.ClauseReview.Threshold ? $"< {t:0.0} (shipped)" : $"< {t:0.0}"),-26}")));
        foreach (var c in contenders)
        {
            var predicted = runs.Single(r => r.Contender == c.Name).NestedPredictions;
            var wrong = clauses.Select((g, i) => g.Category != predicted[i].Category || !g.Instruments.Order().SequenceEqual(predicted[i].Instruments.Order())
                || !g.Industries.Order().SequenceEqual(predicted[i].Industries.Order())).ToArray();
            var lowest = predicted.Select(p => PolicyIngest.Core.Model.ClauseReview.LowestConfidence(p.CategoryConfidence, p.InstrumentConfidences, p.IndustryConfidences) ?? 1).ToArray();
            var line = $"  {c.Name,-16}";
            foreach (var t in thresholds)
            {
                var flagged = Enumerable.Range(0, clauses.Count).Where(i => lowest[i] < t).ToList();
                var rest = Enumerable.Range(0, clauses.Count).Where(i => lowest[i] >= t).ToList();
                double Wrong(List<int> set) => set.Count == 0 ? 0 : set.Count(i => wrong[i]) / (double)set.Count;
                line += $"{$"{flagged.Count / (double)clauses.Count:P0}: {Wrong(flagged):P0} / {Wrong(rest):P0}",-26}";
            }
            o.WriteLine(line);
        }
    }

    private static string Short(string name) => name.Length <= 14 ? name : name[..14];

    private static TaskFigures Mean(IReadOnlyList<TaskFigures> figures) => new(
        Math.Round(figures.Average(f => f.CategoryMacroF1), 4), Math.Round(figures.Average(f => f.CategoryAccuracy), 4),
        Math.Round(figures.Average(f => f.InstrumentsMicroF1), 4), Math.Round(figures.Average(f => f.IndustriesMicroF1), 4),
        Math.Round(figures.Average(f => f.SpecificIndustriesMicroF1), 4));
}
