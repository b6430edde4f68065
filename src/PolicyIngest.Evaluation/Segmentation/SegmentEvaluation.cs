using System.Globalization;
using PolicyIngest.Cli;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Evaluation.Segmentation;

/// <summary>`evaluate segment`: sentences of the seeds and revisions cut exactly as python jieba cuts them (keep-whole rules off).</summary>
public sealed class SegmentEvaluation : IMeasurement
{
    public string Name => "segment";
    public string Description => "parity of the C# jieba segmenter with python jieba (same dictionaries, our rules off)";

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        if (!PythonJiebaReference.IsAvailable())
        {
            context.Err.WriteLine("error: python3-jieba not installed (/usr/bin/python3 with Debian's jieba)");
            return ExitCodes.BadInput;
        }
        var resources = SegmenterResources.ForModels(context.Settings.ModelsDirectory);
        var segmenter = resources.Load();
        var sentences = SegmenterParity.SharedSentences(context.SharedRoot);
        var report = SegmenterParity.Measure(segmenter, resources, sentences);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"parity: {report.Equal}/{report.Sentences} sentences identical = {report.Ratio:P3} (target ≥ 99.9%); dictionaries: dict.txt + {string.Join(", ", resources.UserDictionaries.Select(Path.GetFileName))}"));
        foreach (var d in report.Differences.Take(50))
        {
            context.Out.WriteLine($"  {d.Sentence}");
            context.Out.WriteLine($"    ours:   {string.Join('/', d.Ours)}");
            context.Out.WriteLine($"    python: {string.Join('/', d.Python)}");
        }
        return ExitCodes.Done;
    }
}
