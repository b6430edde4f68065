using PolicyIngest.Classify.Evaluation;
using PolicyIngest.Classify.Training;
using PolicyIngest.Core.Json;

namespace PolicyIngest.Cli.Commands;

/// <summary>`evaluate classify`: 5-fold cross-validated quality of the clause classifiers against the keyword baseline.</summary>
public sealed class ClassifyEvaluation : IMeasurement
{
    public string Name => "classify";
    public string Description => "5-fold cross-validated macro/micro-F1, per-label precision/recall and confusion matrix of the clause classifiers, keyword baseline side by side, and seed 002's card 工具分类";

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var dataDir = Path.Combine(CliContext.RepositoryRoot, "models", "training");
        IReadOnlyList<PolicyIngest.Classify.Model.LabelledClause> clauses, synthetic;
        try { (clauses, synthetic) = (TrainingData.LoadClauses(dataDir), TrainingData.LoadSynthetic(dataDir)); }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            context.Err.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        var report = ClassifierEvaluation.CrossValidate(clauses, new ClauseModelTrainer(), extraTraining: synthetic);
        var realOnly = synthetic.Count == 0 ? null : ClassifierEvaluation.CrossValidate(clauses, new ClauseModelTrainer());
        var cards = File.Exists(Path.Combine(dataDir, CardToolTask.FileName)) ? CardToolTask.CrossValidate(CardToolTask.Load(dataDir)) : null;
        if (context.Json)
        {
            context.Out.WriteLine(PolicyJson.Serialize(new
            {
                report.Clauses, report.Groups, report.Folds, report.Seed, syntheticClauses = report.ExtraTraining,
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
        else ClassifyReportPrinter.Print(context.Out, report, cards, realOnly);
        return ExitCodes.Done;
    }
}
