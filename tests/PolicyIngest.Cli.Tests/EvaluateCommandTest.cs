namespace PolicyIngest.Cli.Tests;

public class EvaluateCommandTest
{
    [Theory]
    // why: a seed that is not a number, and a list with no seed in it, must stop before any training starts
    [InlineData("1,x")]
    [InlineData(",")]
    public void EvaluateClassify_BadSeeds_Exits2WithOneLine(string seeds)
    {
        var result = CliRunner.Run("evaluate", "classify", "--seeds", seeds);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --seeds", line);
        Assert.Contains(seeds, line);
        Assert.Equal("", result.StdOut);
    }

    [Theory]
    // why: a trainer name that does not exist, and LightGbm (measured, never shipped: the product scores linear
    // models), must stop train before anything is trained or written
    [InlineData("train", "--trainer", "no-such-trainer")]
    [InlineData("train", "--trainer", "mlnet-lightgbm")]
    // why: the comparison refuses an unknown trainer before any training starts
    [InlineData("evaluate", "classify", "--trainers", "own-lr,no-such-trainer")]
    public void Trainer_Unknown_Exits2WithOneLine(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --trainer", line);
        Assert.Equal("", result.StdOut);
    }

    [Fact]
    public void EvaluateAndBench_ListedByTheCli_RunByTheEvaluationTool()
    {
        // why: evaluate and bench live outside the product (policyingest-eval); ./policyingest must still list both
        // in its help and hand them to that tool, which knows every measurement
        var help = CliRunner.Run("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("\n  evaluate ", help.StdOut);
        Assert.Contains("\n  bench ", help.StdOut);
        var bench = CliRunner.Run("bench", "--help");
        Assert.Equal(0, bench.ExitCode);
        Assert.Contains("policyingest bench [command] [options]", bench.StdOut);
        foreach (var name in new[] { "read", "amounts", "classify", "fetch", "search", "segment" })
            Assert.Contains($"\n  {name} ", bench.StdOut);
        // why: an unknown measurement is a usage error (exit 1), as before the move
        Assert.Equal(1, CliRunner.Run("evaluate", "no-such-measurement").ExitCode);
    }

    [Theory]
    // why: global options may come before the command (spec/cli.md); the script must still hand evaluate and bench to
    // the evaluation tool, skipping an option's value, not run the CLI's stand-in (which exits 1)
    [InlineData("--json", "bench", "--help")]
    [InlineData("--db", "/tmp/policyingest-not-used.db", "bench", "--help")]
    [InlineData("--pdf-engine", "pdfpig", "--json", "evaluate", "--help")]
    public void EvaluateAndBench_AfterGlobalOptions_RunByTheEvaluationTool(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(args.Contains("bench") ? "policyingest bench [command] [options]" : "policyingest evaluate [command] [options]", result.StdOut);
    }
}
