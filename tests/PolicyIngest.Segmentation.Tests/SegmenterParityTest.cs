using PolicyIngest.Evaluation.Segmentation;
using PolicyIngest.Segmentation;
using Xunit.Abstractions;

namespace PolicyIngest.Segmentation.Tests;

[Collection(SegmenterFixture.Collection)]
public sealed class SegmenterParityTest(SegmenterFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Parity_SeedsAndRevisions_AtLeast999PerMille()
    {
        var sentences = SegmenterParity.SharedSentences(RepositoryPaths.Shared);
        Assert.True(sentences.Count > 1000, $"only {sentences.Count} sentences found under {RepositoryPaths.Shared}");
        var report = SegmenterParity.Measure(fixture.Segmenter, fixture.Resources, sentences);
        output.WriteLine($"parity {report.Equal}/{report.Sentences} = {report.Ratio:P3}");
        foreach (var d in report.Differences.Take(20))
            output.WriteLine($"{d.Sentence}\n  ours:   {string.Join('/', d.Ours)}\n  python: {string.Join('/', d.Python)}");
        Assert.True(report.Ratio >= 0.999, $"parity {report.Ratio:P3} below 99.9%: first difference {report.Differences.FirstOrDefault()}");
    }
}
