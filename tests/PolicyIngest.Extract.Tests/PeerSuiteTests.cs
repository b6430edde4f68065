using PolicyIngest.Evaluation.Amounts;
using Xunit.Abstractions;

namespace PolicyIngest.Extract.Tests;

/// <summary>The peer vectors of ../shared/data/peer: every row passes unless it is a listed, reasoned deviation.</summary>
public sealed class PeerSuiteTests(ITestOutputHelper output)
{
    private static string Peer => Path.Combine(TestPaths.Shared, "data", "peer");

    [Theory]
    [InlineData("cn2an_numbers.tsv")]
    [InlineData("jionlp_money.tsv")]
    [InlineData("duckling_zh_money.tsv")]
    public void PeerFile_EveryRowPassesOrIsAListedDeviation(string file)
    {
        var result = PeerSuites.RunAll(Peer).Single(r => r.File == file);
        output.WriteLine($"{file}: {result.Passed}/{result.Cases.Count} passed, {result.Deviations} listed deviations");
        var failures = result.Cases.Where(c => !c.Passed && c.Deviation is null).ToList();
        foreach (var f in failures) output.WriteLine($"  line {f.Line}: {f.Input} [{f.Mode}] expected {f.Expected}, got {f.Actual}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => $"line {f.Line}: '{f.Input}' [{f.Mode}] expected {f.Expected}, got {f.Actual}")));
        Assert.True(result.Cases.Count > 20, "peer file has rows");
    }
}
