using PolicyIngest.Evaluation.Segmentation;
using PolicyIngest.Segmentation;
using Xunit.Abstractions;

namespace PolicyIngest.Index.Tests;

[Collection(SegmenterCollection.Name)]
public sealed class SegmenterParityTest(SegmenterFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Parity_SeedsAndRevisions_AtLeast999PerMille()
    {
        var sentences = SegmenterParity.SharedSentences(SegmenterFixture.SharedRoot);
        Assert.True(sentences.Count > 1000, $"only {sentences.Count} sentences found under {SegmenterFixture.SharedRoot}");
        var report = SegmenterParity.Measure(fixture.Segmenter, fixture.Resources, sentences);
        output.WriteLine($"parity {report.Equal}/{report.Sentences} = {report.Ratio:P3}");
        foreach (var d in report.Differences.Take(20))
            output.WriteLine($"{d.Sentence}\n  ours:   {string.Join('/', d.Ours)}\n  python: {string.Join('/', d.Python)}");
        Assert.True(report.Ratio >= 0.999, $"parity {report.Ratio:P3} below 99.9%: first difference {report.Differences.FirstOrDefault()}");
    }
}
