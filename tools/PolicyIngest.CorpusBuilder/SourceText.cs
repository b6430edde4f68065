using System.Text.RegularExpressions;

namespace PolicyIngest.CorpusBuilder;

/// <summary>One source text from ../shared split into paragraphs (non-empty lines), as the corpus files will carry them.</summary>
public sealed record SourceText(string SharedPath, string Title, IReadOnlyList<string> Paragraphs)
{
    private static readonly Regex PageNumberLine = new(@"^\s*(\d{1,3}|[IVX]{1,4})\s*$", RegexOptions.Compiled);

    /// <param name="dropPageNumbers">seed 002 is pdftotext output: its page-number lines are not document text.</param>
    public static SourceText Load(string sharedRoot, string sharedPath, bool dropPageNumbers = false)
    {
        var lines = File.ReadAllLines(Path.Combine(sharedRoot, sharedPath));
        var paragraphs = lines
            .Where(l => !l.StartsWith("# source:", StringComparison.Ordinal))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .Where(l => !dropPageNumbers || !PageNumberLine.IsMatch(l))
            .ToList();
        return new SourceText(sharedPath, paragraphs[0], paragraphs);
    }

    public SourceText Take(int count) => this with { Paragraphs = Paragraphs.Take(count).ToList() };
}
