using System.CommandLine;
using PolicyIngest.Classify.Evaluation;
using PolicyIngest.Classify.Training;
using PolicyIngest.Cli;
using PolicyIngest.Cli.Commands;
using PolicyIngest.Core.Json;

namespace PolicyIngest.Evaluation.Classify;

/// <summary>`evaluate classify`: 5-fold cross-validated quality of the clause classifiers against the keyword baseline.</summary>
public sealed class ClassifyEvaluation : IMeasurement
{
    public string Name => "classify";
    public string Description => "the clause trainers (own logistic regression, ML.NET LBFGS/SDCA/one-versus-all/LightGbm) side by side with the keyword rules: nested and plain grouped 5-fold CV on three fold splits, per-label F1, the review flag; --detail: one trainer's full report";

    private static readonly Option<string?> SeedsOption = new("--seeds")
    {
        Description = $"fold splits to cross-validate, comma-separated (default {ClassifierEvaluation.DefaultSeed}); with several, the headline figures of each and their mean follow the first one's report",
    };

    private static readonly Option<bool> NestedOption = new("--nested")
    {
        Description = "choose the instrument models' log-count mix and L2 inside each outer fold by an inner 3-fold CV (about 9 minutes per seed) and print the outer figures and the choices",
    };

    private static readonly Option<bool> DetailOption = new("--detail")
    {
        Description = "one trainer's full report instead of the comparison: per-label tables, confusion matrix, real-data-only run and seed 002's card task (the report before ML.NET; with --trainer NAME, that trainer's)",
    };

    private static readonly Option<string?> TrainersOption = new("--trainers")
    {
        Description = $"the trainers to compare, comma-separated (default all: {string.Join(", ", TrainerChoices.Names)})",
    };

    private static readonly Option<string?> TrainerOption = new("--trainer")
    {
        Description = $"with --detail: the trainer whose report to print (default {TrainerChoices.Own})",
    };

    private static readonly Option<int> InnerFoldsOption = new("--inner-folds")
    {
        Description = "inner folds of the comparison's nested cross-validation (default 2, to keep the run near ten minutes; 0: plain cross-validation only)",
        DefaultValueFactory = _ => 2,
    };

    private static readonly Option<int> ThreadsOption = new("--threads")
    {
        Description = "work items (trainer × outer fold) run at once (default: the processor count); the figures do not depend on it",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public IReadOnlyList<Option> Options => [SeedsOption, NestedOption, DetailOption, TrainersOption, TrainerOption, InnerFoldsOption, ThreadsOption];

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var compare = !context.Parse.GetValue(DetailOption) && !context.Parse.GetValue(NestedOption);
        int[] seeds = compare ? TrainerComparisonReport.DefaultSeeds : [ClassifierEvaluation.DefaultSeed];
        if (context.Parse.GetValue(SeedsOption) is { Length: > 0 } list)
        {
            try { seeds = [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)]; }
            catch (FormatException) { seeds = []; }
            if (seeds.Length == 0)
            {
                context.Err.WriteLine($"error: --seeds takes whole numbers separated by commas, not '{list}'");
                return ExitCodes.BadInput;
            }
        }
        var dataDir = context.Settings.TrainingDirectory;
        IReadOnlyList<PolicyIngest.Classify.Model.LabelledClause> clauses, synthetic;
        try { (clauses, synthetic) = (TrainingData.LoadClauses(dataDir), TrainingData.LoadSynthetic(dataDir)); }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            context.Err.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        if (compare)
        {
            var names = context.Parse.GetValue(TrainersOption) is { Length: > 0 } t
                ? t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : TrainerChoices.Names;
            if (names.FirstOrDefault(n => !TrainerChoices.Names.Contains(n)) is { } unknown)
            {
                context.Err.WriteLine($"error: --trainers: '{unknown}' is not one of {string.Join(", ", TrainerChoices.Names)}");
                return ExitCodes.BadInput;
            }
            var innerFolds = context.Parse.GetValue(InnerFoldsOption);
            if (innerFolds is 1 or < 0)
            {
                context.Err.WriteLine($"error: --inner-folds takes 0 (no nested CV) or 2 and more, not {innerFolds}");
                return ExitCodes.BadInput;
            }
            return TrainerComparisonReport.Run(context, clauses, synthetic, [.. names.Select(n => TrainerChoices.Contender(n, context.Services.Segmenter, nested: innerFolds >= 2))],
                seeds, innerFolds, context.Parse.GetValue(ThreadsOption), cancellationToken);
        }
        if (context.Parse.GetValue(NestedOption)) return RunNested(context, clauses, synthetic, seeds, cancellationToken);
        var trainerName = context.Parse.GetValue(TrainerOption) ?? TrainerChoices.Own;
        if (!TrainerChoices.Names.Contains(trainerName))
        {
            context.Err.WriteLine($"error: --trainer: '{trainerName}' is not one of {string.Join(", ", TrainerChoices.Names)}");
            return ExitCodes.BadInput;
        }
        IClauseModelTrainer Trainer() => TrainerChoices.Contender(trainerName, context.Services.Segmenter, nested: false).Candidates[0].Trainer;
        var report = ClassifierEvaluation.CrossValidate(clauses, Trainer(), seed: seeds[0], extraTraining: synthetic);
        var realOnly = synthetic.Count == 0 ? null : ClassifierEvaluation.CrossValidate(clauses, Trainer(), seed: seeds[0]);
        List<(int Seed, TaskFigures Figures)> perSeed = [(seeds[0], TaskFigures.From(report.Model))];
        foreach (var seed in seeds.Skip(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            perSeed.Add((seed, TaskFigures.From(ClassifierEvaluation.CrossValidate(clauses, Trainer(), seed: seed, extraTraining: synthetic).Model)));
        }
        var cards = File.Exists(Path.Combine(dataDir, CardToolTask.FileName)) ? CardToolTask.CrossValidate(CardToolTask.Load(dataDir)) : null;
        if (context.Json)
        {
            context.Out.WriteLine(PolicyJson.Serialize(new
            {
                report.Clauses, report.Groups, report.Folds, report.Seed, syntheticClauses = report.ExtraTraining,
                seeds = perSeed.Count < 2 ? null : perSeed.Select(p => new { p.Seed, p.Figures }),
                meanOverSeeds = perSeed.Count < 2 ? null : Mean(perSeed.Select(p => p.Figures).ToList()),
                model = TaskFigures.From(report.Model),
                modelRealDataOnly = realOnly is null ? null : TaskFigures.From(realOnly.Model),
                baseline = TaskFigures.From(report.Baseline),
                categoryPerLabel = report.Model.Category.PerLabel.Select(s => new { s.Label, s.Support, precision = Math.Round(s.Precision, 4), recall = Math.Round(s.Recall, 4) }),
                instrumentsPerLabel = report.Model.Instruments.PerLabel.Select(s => new { s.Label, s.Support, precision = Math.Round(s.Precision, 4), recall = Math.Round(s.Recall, 4) }),
                industriesPerLabel = report.Model.Industries.PerLabel.Select(s => new { s.Label, s.Support, precision = Math.Round(s.Precision, 4), recall = Math.Round(s.Recall, 4) }),
                cardTools = cards is null ? null : new { cards.Cards, macroF1 = Math.Round(cards.Model.MacroF1, 4), accuracy = Math.Round(cards.Model.Accuracy, 4),
                    keywordMacroF1 = Math.Round(cards.Keywords.MacroF1, 4), keywordAccuracy = Math.Round(cards.Keywords.Accuracy, 4), majorityAccuracy = Math.Round(cards.Majority.Accuracy, 4) },
            }));
        }
        else
        {
            ClassifyReportPrinter.Print(context.Out, report, cards, realOnly);
            if (perSeed.Count > 1) PrintSeeds(context.Out, perSeed, Mean(perSeed.Select(p => p.Figures).ToList()));
        }
        return ExitCodes.Done;
    }

    private static int RunNested(CliContext context, IReadOnlyList<PolicyIngest.Classify.Model.LabelledClause> clauses,
        IReadOnlyList<PolicyIngest.Classify.Model.LabelledClause> synthetic, int[] seeds, CancellationToken cancellationToken)
    {
        var candidates = NestedCrossValidation.InstrumentScalingCandidates;
        var trainers = candidates.Select(c => new ClauseModelTrainer(null, c.Options, context.Services.Segmenter)).ToList();
        var runs = new List<(int Seed, TaskFigures Figures, string[] Chosen)>();
        foreach (var seed in seeds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var nested = NestedCrossValidation.Run(clauses, trainers, seed: seed, extraTraining: synthetic);
            runs.Add((seed, TaskFigures.From(nested.Report.Model), [.. nested.Chosen.Select(k => candidates[k].Name)]));
        }
        if (context.Json)
        {
            context.Out.WriteLine(PolicyJson.Serialize(new
            {
                nested = true, innerFolds = NestedCrossValidation.DefaultInnerFolds, candidates = candidates.Select(c => c.Name),
                seeds = runs.Select(r => new { r.Seed, r.Figures, chosenPerFold = r.Chosen }),
                meanOverSeeds = runs.Count < 2 ? null : Mean(runs.Select(r => r.Figures).ToList()),
            }));
            return ExitCodes.Done;
        }
        context.Out.WriteLine($"nested cross-validation: 5 outer folds grouped by policy; in each, an inner {NestedCrossValidation.DefaultInnerFolds}-fold CV on its training clauses chooses the instrument setting");
        context.Out.WriteLine($"candidates: {string.Join("; ", candidates.Select(c => c.Name))}");
        foreach (var (seed, f, chosen) in runs)
            context.Out.WriteLine($"  seed {seed}: category macro-F1 {f.CategoryMacroF1:F3}, instruments micro-F1 {f.InstrumentsMicroF1:F4}, industries micro-F1 {f.IndustriesMicroF1:F3}; chosen per fold: {string.Join(" | ", chosen)}");
        if (runs.Count > 1)
        {
            var m = Mean(runs.Select(r => r.Figures).ToList());
            context.Out.WriteLine($"  mean: category macro-F1 {m.CategoryMacroF1:F3}, instruments micro-F1 {m.InstrumentsMicroF1:F4}, industries micro-F1 {m.IndustriesMicroF1:F3}");
        }
        return ExitCodes.Done;
    }

    /// <summary>The headline figures of every fold split, and their mean.</summary>
    private static void PrintSeeds(TextWriter o, IReadOnlyList<(int Seed, TaskFigures Figures)> perSeed, TaskFigures mean)
    {
        o.WriteLine();
        o.WriteLine("headline figures by fold split (seed), model with synthetic training clauses");
        o.WriteLine($"  {"seed",-12} {"cat macro-F1",12} {"cat acc",8} {"instruments",12} {"industries",11} {"specific",9}");
        foreach (var (seed, f) in perSeed) Row(seed.ToString(System.Globalization.CultureInfo.InvariantCulture), f);
        Row("mean", mean);

        void Row(string name, TaskFigures f) =>
            o.WriteLine($"  {name,-12} {f.CategoryMacroF1,12:F3} {f.CategoryAccuracy,8:F3} {f.InstrumentsMicroF1,12:F3} {f.IndustriesMicroF1,11:F3} {f.SpecificIndustriesMicroF1,9:F3}");
    }

    private static TaskFigures Mean(IReadOnlyList<TaskFigures> figures) => new(
        Math.Round(figures.Average(f => f.CategoryMacroF1), 4), Math.Round(figures.Average(f => f.CategoryAccuracy), 4),
        Math.Round(figures.Average(f => f.InstrumentsMicroF1), 4), Math.Round(figures.Average(f => f.IndustriesMicroF1), 4),
        Math.Round(figures.Average(f => f.SpecificIndustriesMicroF1), 4));
}
