using System.Diagnostics;
using System.Globalization;
using PolicyIngest.Cli;
using PolicyIngest.Evaluation.Segmentation;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Evaluation.Bench;

/// <summary>`bench segment`: characters per second of our segmenter and of python jieba on seed 002, side by side in one run.</summary>
public sealed class SegmentBenchmark : IMeasurement
{
    private const int Rounds = 5;

    public string Name => "segment";
    public string Description => "segmenter speed (chars/s) vs python jieba on seed 002, same run";

    public int Run(CliContext context, CancellationToken cancellationToken)
    {
        var seed = Directory.GetFiles(Path.Combine(context.SharedRoot, "seeds"), "002_*.txt").Single();
        var lines = File.ReadAllLines(seed).Where(l => l.Length > 0).ToArray();
        var chars = lines.Sum(l => (long)l.Length);
        var resources = SegmenterResources.ForModels(context.Settings.ModelsDirectory);
        var load = Stopwatch.StartNew();
        var segmenter = resources.Load();
        load.Stop();
        var o = context.Out;
        o.WriteLine($"seed 002: {lines.Length:N0} lines, {chars:N0} characters; dictionary load {load.Elapsed.TotalMilliseconds:N0} ms ({segmenter.Dictionary.Count:N0} entries)");

        var whole = new[] { string.Join('\n', lines) };
        var tokens = new List<Token>(1 << 18);
        var spans = new List<TokenSpan>(1 << 18);
        double Rate(string[] input, SegmentMode mode, SegmenterOptions options, bool spansOnly = false)
        {
            var fastest = double.MaxValue;
            for (var round = 0; round < Rounds; round++)
            {
                var sw = Stopwatch.StartNew();
                foreach (var line in input)
                {
                    if (spansOnly)
                    {
                        spans.Clear();
                        segmenter.CutSpans(line, spans, mode, options);
                        continue;
                    }
                    tokens.Clear();
                    segmenter.Cut(line, tokens, mode, options);
                }
                fastest = Math.Min(fastest, sw.Elapsed.TotalSeconds);
            }
            return input.Sum(l => (long)l.Length) / fastest;
        }

        var available = PythonJiebaReference.IsAvailable();
        o.WriteLine($"{"chars/s",-34} {"line by line",14} {"whole text",14}");
        var ours = (Lines: Rate(lines, SegmentMode.Precise, SegmenterOptions.JiebaCompatible), Whole: Rate(whole, SegmentMode.Precise, SegmenterOptions.JiebaCompatible));
        Row("C# precise, jieba-compatible", ours.Lines, ours.Whole);
        Row("C# spans only (classifier words)", Rate(lines, SegmentMode.Precise, SegmenterOptions.JiebaCompatible, spansOnly: true),
            Rate(whole, SegmentMode.Precise, SegmenterOptions.JiebaCompatible, spansOnly: true));
        Row("C# precise, keep-whole rules", Rate(lines, SegmentMode.Precise, SegmenterOptions.Default), Rate(whole, SegmentMode.Precise, SegmenterOptions.Default));
        Row("C# search mode, rules", Rate(lines, SegmentMode.Search, SegmenterOptions.Default), Rate(whole, SegmentMode.Search, SegmenterOptions.Default));
        if (!available)
        {
            o.WriteLine("python jieba: not available (/usr/bin/python3 + python3-jieba)");
            return ExitCodes.Done;
        }
        var pyLines = chars / PythonJiebaReference.Cut(lines, resources.UserDictionaries, repeat: 3).Seconds;
        var pyWhole = whole[0].Length / PythonJiebaReference.Cut(whole, resources.UserDictionaries, repeat: 3).Seconds;
        Row("python jieba lcut(HMM=True)", pyLines, pyWhole);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"speed-up, jieba-compatible precise vs python: {ours.Lines / pyLines:0.0}× line by line, {ours.Whole / pyWhole:0.0}× whole text (target ≥ 5×)"));
        return ExitCodes.Done;

        void Row(string name, double a, double b) =>
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} {a,14:N0} {b,14:N0}"));
    }
}
