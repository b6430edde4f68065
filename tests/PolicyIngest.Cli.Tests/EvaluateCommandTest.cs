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
}
