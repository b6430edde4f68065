using System.CommandLine;

namespace PolicyIngest.Cli.Commands;

/// <summary>
/// `evaluate` and `bench` as the CLI's help lists them. They run in the evaluation tool (src/PolicyIngest.Evaluation,
/// <c>policyingest-eval</c>), which is not part of the product: ./policyingest starts that tool when the first argument
/// is evaluate or bench, so these stand-ins answer only when the CLI itself is started with them.
/// </summary>
public static class EvaluationToolCommands
{
    public static Command Evaluate() =>
        StandIn("evaluate", "print measured quality figures (from the evaluation tool; ./policyingest evaluate --help lists them)");

    public static Command Bench() =>
        StandIn("bench", "run speed benchmarks and print their figures (from the evaluation tool; ./policyingest bench --help lists them)");

    private static Command StandIn(string name, string description)
    {
        var command = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(_ =>
        {
            Console.Error.WriteLine($"error: {name} runs in the evaluation tool (policyingest-eval), not in this CLI: run it as ./policyingest {name} …");
            return ExitCodes.Usage;
        });
        return command;
    }
}
