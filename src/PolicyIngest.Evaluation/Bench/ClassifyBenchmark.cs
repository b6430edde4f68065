using System.Diagnostics;
using PolicyIngest.Classify;
using PolicyIngest.Classify.Model;
using PolicyIngest.Classify.Training;
using PolicyIngest.Cli;

namespace PolicyIngest.Evaluation.Bench;

/// <summary>`bench classify`: clauses per second through feature extraction and the trained model, on one thread.</summary>
public sealed class ClassifyBenchmark : IMeasurement
{
    private static readonly TimeSpan MinimumRun = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public string Name => "classify";
    public string Description => "clause classifier inference speed (features + category, instruments, industries) on the labelled corpus clauses, one thread";

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var modelsDir = context.Settings.ModelsDirectory;
        var classifier = ClassifierModels.TryLoad(modelsDir, () => context.Services.Segmenter);
        if (classifier is null)
        {
            context.Err.WriteLine($"error: no {ClauseModel.FileName} in {modelsDir}: run `policyingest train` first");
            return ExitCodes.BadInput;
        }
        var inputs = TrainingData.LoadClauses(Path.Combine(modelsDir, "training")).Select(c => c.Input).ToList();
        var model = classifier.Model;
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < WarmUp) foreach (var input in inputs) model.Predict(input); // JIT and tiered compilation

        // Rounds of one pass each: this VM's other tenants take the CPU away for whole seconds at a time, so the median
        // round and the CPU time the process was actually given say more than one long average.
        var rates = new List<double>();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long clauses = 0, chars = 0, support = 0;
        while (clock.Elapsed < MinimumRun && !cancellationToken.IsCancellationRequested)
        {
            var round = Stopwatch.StartNew();
            foreach (var input in inputs)
            {
                if (model.Predict(input).Category == ClauseTaxonomy.SupportCategory) support++;
                chars += input.Text.Length;
            }
            rates.Add(inputs.Count / round.Elapsed.TotalSeconds);
            clauses += inputs.Count;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        rates.Sort();
        var median = rates[rates.Count / 2];
        context.Out.WriteLine($"classify: {clauses} clauses ({inputs.Count} distinct, mean {chars / (double)clauses:0} chars, {support * 100.0 / clauses:0}% support) in {seconds:0.00} s on 1 thread, {rates.Count} rounds");
        context.Out.WriteLine($"  median round {median:0} clauses/s (slowest {rates[0]:0}, fastest {rates[^1]:0}); whole run {clauses / seconds:0} clauses/s, {chars / seconds / 1e6:0.00} M chars/s");
        context.Out.WriteLine($"  per CPU second the process was given: {clauses / cpuSeconds:0} clauses/s");
        context.Out.WriteLine($"  target >= 20000 clauses/s (median round): {(median >= 20000 ? "met" : "NOT met")}");
        return ExitCodes.Done;
    }
}
