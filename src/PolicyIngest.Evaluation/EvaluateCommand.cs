using System.CommandLine;
using PolicyIngest.Cli;
using PolicyIngest.Evaluation.Amounts;
using PolicyIngest.Evaluation.Bench;
using PolicyIngest.Evaluation.Classify;
using PolicyIngest.Evaluation.Conditions;
using PolicyIngest.Evaluation.Consolidation;
using PolicyIngest.Evaluation.Diff;
using PolicyIngest.Evaluation.Matching;
using PolicyIngest.Evaluation.Read;
using PolicyIngest.Evaluation.Real;
using PolicyIngest.Evaluation.Renditions;
using PolicyIngest.Evaluation.Search;
using PolicyIngest.Evaluation.Segmentation;
using PolicyIngest.Evaluation.Structure;

namespace PolicyIngest.Evaluation;

/// <summary>
/// One measurement that prints figures: a quality evaluation (structure, amounts, search, diff, classify, read)
/// or an end-to-end speed benchmark. Each lives in its own file and is listed once below.
/// </summary>
public interface IMeasurement
{
    string Name { get; }
    string Description { get; }
    /// <summary>Prints the figures; returns an exit code (non-zero when the measurement could not run).</summary>
    int Run(CliContext context, CancellationToken cancellationToken);

    /// <summary>Options of this measurement's own command (read from <see cref="CliContext.Parse"/>).</summary>
    IReadOnlyList<Option> Options => [];
}

public static class EvaluateCommand
{
    /// <summary>`evaluate NAME`: quality figures.</summary>
    public static IReadOnlyList<IMeasurement> Evaluations { get; } =
    [
        new ReadEvaluation(),
        new StructureEvaluation(),
        new RealEvaluation(),
        new AmountsEvaluation(),
        new NumbersEvaluation(),
        new ClassifyEvaluation(),
        new SearchEvaluation(),
        new SegmentEvaluation(),
        new DiffEvaluationMeasurement(),
        new RenditionEvaluation(),
        new ConsolidatedEvaluation(),
        new ConditionsEvaluation(),
        new MatchEvaluation(),
    ];

    /// <summary>`bench NAME`: speed figures.</summary>
    public static IReadOnlyList<IMeasurement> Benchmarks { get; } =
    [
        new ReadBenchmark(),
        new AmountsBenchmark(),
        new ClassifyBenchmark(),
        new FetchBenchmark(),
        new SearchBenchmark(),
        new SegmentBenchmark(),
        new ScaleBenchmark(),
        new ClusterBenchmark(),
    ];

    public static Command Create() => Group("evaluate", "print measured quality figures", Evaluations);

    public static Command CreateBench() => Group("bench", "run speed benchmarks and print their figures", Benchmarks);

    private static Command Group(string name, string description, IReadOnlyList<IMeasurement> measurements)
    {
        var command = new Command(name, $"{description}: {string.Join(", ", measurements.Select(e => e.Name))}");
        foreach (var measurement in measurements)
        {
            var sub = new Command(measurement.Name, measurement.Description);
            foreach (var option in measurement.Options) sub.Options.Add(option);
            // A bar on a terminal's stderr (elapsed time and a spinner: the measurements do not report their steps yet).
            sub.SetAction((parse, ct) => Task.FromResult(ConsoleProgress.Run(parse.GetValue(GlobalOptions.Json), $"{name} {measurement.Name}", null,
                _ => measurement.Run(new CliContext(parse), ct))));
            command.Subcommands.Add(sub);
        }
        return command;
    }
}
