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
}
