using System.Diagnostics;
using PolicyIngest.Classify;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;

namespace PolicyIngest.Cli.Commands;

/// <summary>`bench classify`: clauses per second through feature extraction and the trained model, on one thread.</summary>
public sealed class ClassifyBenchmark : IMeasurement
{
    private static readonly TimeSpan MinimumRun = TimeSpan.FromSeconds(3);

    public string Name => "classify";
    public string Description => "clause classifier inference speed (features + category, instruments, industries) on the labelled corpus clauses, one thread";

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var modelsDir = Path.Combine(CliContext.RepositoryRoot, "models");
        var classifier = ClassifierModels.TryLoad(modelsDir);
        if (classifier is null)
        {
            context.Err.WriteLine($"error: no {ClauseModel.FileName} in {modelsDir}: run `policyingest train` first");
            return ExitCodes.BadInput;
        }
        var inputs = TrainingData.LoadClauses(Path.Combine(modelsDir, "training")).Select(c => c.Input).ToList();
        var model = classifier.Model;
        foreach (var input in inputs) model.Predict(input); // warm-up (JIT, tiered compilation)

        var clock = Stopwatch.StartNew();
        long clauses = 0, chars = 0, support = 0;
        while (clock.Elapsed < MinimumRun && !cancellationToken.IsCancellationRequested)
        {
            foreach (var input in inputs)
            {
                if (model.Predict(input).Category == ClauseTaxonomy.SupportCategory) support++;
                chars += input.Text.Length;
            }
            clauses += inputs.Count;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var rate = clauses / seconds;
        context.Out.WriteLine($"classify: {clauses} clauses ({inputs.Count} distinct, mean {chars / (double)clauses:0} chars) in {seconds:0.00} s on 1 thread");
        context.Out.WriteLine($"  {rate:0} clauses/s, {chars / seconds / 1e6:0.00} M chars/s (target >= 20000 clauses/s: {(rate >= 20000 ? "met" : "NOT met")})");
        return ExitCodes.Done;
    }
}
