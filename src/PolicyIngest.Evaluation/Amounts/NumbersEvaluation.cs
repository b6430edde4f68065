using PolicyIngest.Cli;
using PolicyIngest.Core.Json;

namespace PolicyIngest.Evaluation.Amounts;

/// <summary>`evaluate numbers`: pass rate of the peer test vectors (cn2an, JioNLP, Duckling) per file, with listed deviations.</summary>
public sealed class NumbersEvaluation : IMeasurement
{
    public string Name => "numbers";
    public string Description => "pass rate of the peer number/money test vectors in ../shared/data/peer, per file";

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var peer = Path.Combine(context.SharedRoot, "data", "peer");
        if (!Directory.Exists(peer))
        {
            context.Err.WriteLine($"error: {peer}: peer vectors not found");
            return ExitCodes.BadInput;
        }
        var results = PeerSuites.RunAll(peer);
        if (context.Json)
        {
            context.Out.WriteLine(PolicyJson.Serialize(results.Select(r => new
            {
                file = r.File, rows = r.Cases.Count, passed = r.Passed, deviations = r.Deviations, failed = r.Failed,
                failures = r.Cases.Where(c => !c.Passed).Select(c => new { c.Line, c.Input, c.Expected, c.Actual, c.Deviation }),
            })));
            return ExitCodes.Done;
        }
        foreach (var r in results)
        {
            context.Out.WriteLine($"{r.File,-24} {r.Passed,4}/{r.Cases.Count,-4} passed ({100.0 * r.Passed / r.Cases.Count:0.0}%), {r.Deviations} listed deviations, {r.Failed} unexplained failures");
            foreach (var c in r.Cases.Where(c => !c.Passed))
                context.Out.WriteLine($"  line {c.Line}: {c.Input} expected {c.Expected}, got {c.Actual}{(c.Deviation is null ? "" : " — deviation: " + c.Deviation)}");
        }
        return ExitCodes.Done;
    }
}
