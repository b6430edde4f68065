using PolicyIngest.Segmentation;

namespace PolicyIngest.Evaluation.Segmentation;

/// <summary>Our segmenter (keep-whole rules off) against python jieba on the same sentences and dictionaries.</summary>
public static class SegmenterParity
{
    public sealed record Difference(string Sentence, IReadOnlyList<string> Ours, IReadOnlyList<string> Python);

    public sealed record Report(int Sentences, int Equal, IReadOnlyList<Difference> Differences)
    {
        public double Ratio => Sentences == 0 ? 1 : (double)Equal / Sentences;
    }

    public static Report Measure(JiebaSegmenter segmenter, SegmenterResources resources, IReadOnlyList<string> sentences)
    {
        var reference = PythonJiebaReference.Cut(sentences, resources.UserDictionaries);
        var differences = new List<Difference>();
        for (var i = 0; i < sentences.Count; i++)
        {
            var ours = segmenter.Cut(sentences[i], SegmentMode.Precise, SegmenterOptions.JiebaCompatible).Select(t => t.Text).ToArray();
            if (!ours.SequenceEqual(reference.Tokens[i], StringComparer.Ordinal))
                differences.Add(new Difference(sentences[i], ours, reference.Tokens[i]));
        }
        return new Report(sentences.Count, sentences.Count - differences.Count, differences);
    }

    /// <summary>Every sentence of the user's seeds and revisions (../shared/seeds, ../shared/data/revisions).</summary>
    public static IReadOnlyList<string> SharedSentences(string sharedRoot) =>
        new[] { Path.Combine(sharedRoot, "seeds"), Path.Combine(sharedRoot, "data", "revisions") }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.txt").Order(StringComparer.Ordinal))
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.Ordinal))
            .SelectMany(f => SentenceSplitter.Split(File.ReadAllText(f)))
            .ToArray();
}
