using System.CommandLine;
using System.Diagnostics;
using PolicyIngest.Classify;
using PolicyIngest.Classify.Evaluation;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;
using PolicyIngest.Core.Json;

namespace PolicyIngest.Cli.Commands;

/// <summary>`train`: rebuilds the clause classifier from models/training into models/ (deterministic), with metadata.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "training data folder (default models/training under the home)" };
        var output = new Option<string?>("--out") { Description = "where the model files go (default models/ under the home)" };
        var trainerOption = new Option<string?>("--trainer")
        {
            Description = $"what fits the models: {string.Join(", ", ClauseTrainers.Shippable)} (default {ClauseTrainers.Own}; the mlnet-* trainers write an ML.NET model folder, {ClassifierModels.MlNetDirectoryName})",
        };
        var command = new Command("train", "build the clause classifiers from the hand-labelled data in models/training; print their cross-validated quality");
        command.Options.Add(data);
        command.Options.Add(output);
        command.Options.Add(trainerOption);
        command.SetAction((parse, ct) =>
        {
            var ctx = new CliContext(parse);
            var trainerName = parse.GetValue(trainerOption) ?? ClauseTrainers.Own;
            if (!ClauseTrainers.Shippable.Contains(trainerName))
            {
                ctx.Err.WriteLine($"error: --trainer: '{trainerName}' is not one of {string.Join(", ", ClauseTrainers.Shippable)}");
                return Task.FromResult(ExitCodes.BadInput);
            }
            var modelsDir = parse.GetValue(output) ?? ctx.Settings.ModelsDirectory;
            var dataDir = parse.GetValue(data) ?? ctx.Settings.TrainingDirectory;
            IReadOnlyList<LabelledClause> clauses, synthetic;
            try { (clauses, synthetic) = (TrainingData.LoadClauses(dataDir), TrainingData.LoadSynthetic(dataDir)); }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                ctx.Err.WriteLine($"error: {ex.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }
            Directory.CreateDirectory(modelsDir);
            // The segmenter's dictionaries are the home's, wherever --out puts the model; the metadata records them.
            var segmenterModels = ctx.Settings.ModelsDirectory;
            var trainer = ClauseTrainers.Create(trainerName, ctx.Services.Segmenter);
            var own = trainer as ClauseModelTrainer;
            var mlnet = trainer as PolicyIngest.Classify.MachineLearning.MlNetClauseModelTrainer;
            var featureOptions = own?.FeatureOptions ?? mlnet!.FeatureOptions;

            var clock = Stopwatch.StartNew();
            var trained = trainer.Train([.. clauses, .. synthetic]);
            var model = trained as ClauseModel ?? ((PolicyIngest.Classify.MachineLearning.MlNetClauseModel)trained).Model;
            var modelPath = Path.Combine(modelsDir, trained.FileName);
            trained.Save(modelPath);
            // One model in the folder: the other format's file goes, so nothing can load a stale model.
            var otherPath = Path.Combine(modelsDir, trained.FileName == ClauseModel.FileName ? ClassifierModels.MlNetDirectoryName : ClauseModel.FileName);
            if (Directory.Exists(otherPath)) Directory.Delete(otherPath, recursive: true);
            else if (File.Exists(otherPath)) File.Delete(otherPath);
            var modelBytes = Directory.Exists(modelPath) ? Directory.GetFiles(modelPath).Sum(f => new FileInfo(f).Length) : new FileInfo(modelPath).Length;
            var withSynthetic = synthetic.Count == 0 ? "" : $" + {synthetic.Count} synthetic";
            ctx.Err.WriteLine($"trained ({trainerName}) on {clauses.Count}{withSynthetic} clauses in {clock.Elapsed.TotalSeconds:0.0} s -> {modelPath} ({modelBytes / 1024} KiB)");

            ct.ThrowIfCancellationRequested();
            var report = ClassifierEvaluation.CrossValidate(clauses, trainer, extraTraining: synthetic);
            CardToolReport? cards = null;
            if (File.Exists(Path.Combine(dataDir, CardToolTask.FileName))) cards = CardToolTask.CrossValidate(CardToolTask.Load(dataDir));

            var metadata = new ModelMetadata(
                trained.FileName, ctx.Settings.Clock.GetUtcNow(), TrainingData.Hash(dataDir), clauses.Count, report.Groups,
                featureOptions.Bits, own?.Options.L2 ?? mlnet!.Options.CategoryL2, own?.Options.MaxIterations ?? mlnet!.Options.MaxIterations,
                report.Folds, report.Seed, modelBytes,
                featureOptions, own?.Options,
                model.Instruments.Zip(model.InstrumentThresholds).Concat(model.Industries.Zip(model.IndustryThresholds)).ToDictionary(p => p.First, p => p.Second),
                TaskFigures.From(report.Model), TaskFigures.From(report.Baseline),
                cards is null ? null : new CardFigures(cards.Cards, Math.Round(cards.Model.MacroF1, 4), Math.Round(cards.Model.Accuracy, 4),
                    Math.Round(cards.Keywords.MacroF1, 4), Math.Round(cards.Keywords.Accuracy, 4), Math.Round(cards.Majority.Accuracy, 4)))
            {
                Trainer = trainerName,
                TrainerDescription = trainer.Name,
                MlNet = mlnet?.Options,
                RuleIndustries = model.RuleIndustries,
                SyntheticClauses = synthetic.Count,
                SentenceReading = model.SentenceReading,
                SegmenterDictionarySha256 = featureOptions.UsesWords
                    ? PolicyIngest.Segmentation.SegmenterResources.ForModels(segmenterModels).DictionarySha256()
                    : null,
            };
            File.WriteAllText(Path.Combine(modelsDir, ClassifierModels.MetadataFileName), PolicyJson.Serialize(metadata) + "\n");
            File.WriteAllText(Path.Combine(modelsDir, ClassifierModels.TaxonomyFileName), ClauseTaxonomy.ToJson());

            if (ctx.Json) ctx.Out.WriteLine(PolicyJson.Serialize(metadata));
            else ClassifyReportPrinter.Print(ctx.Out, report, cards);
            return Task.FromResult(ExitCodes.Done);
        });
        return command;
    }
}
