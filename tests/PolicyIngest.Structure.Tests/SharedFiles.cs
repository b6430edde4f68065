using PolicyIngest.Core.Model;

namespace PolicyIngest.Structure.Tests;

/// <summary>The user's material in ../shared, read the way PlainTextReader reads a .txt: one block per non-empty line.</summary>
public static class SharedFiles
{
    public static string Root => RepositoryPaths.Shared;

    public static IEnumerable<string> AllTextFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "seeds"), "*.txt")
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "data", "revisions"), "*.txt"))
            .Order(StringComparer.Ordinal);

    public static string Path_(string relative) => Path.Combine(Root, relative);

    public static ExtractedText Read(string path) => FromText(File.ReadAllText(path));

    public static ExtractedText FromText(string text) => new()
    {
        Format = SourceFormat.Txt,
        Blocks = text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => new TextBlock(l)).ToList(),
    };

    public static PolicyDocument Parse(string text) =>
        new PolicyStructureParser().Parse(FromText(text), new DocumentIdentity("test.txt", new string('0', 64)));

    public static PolicyDocument ParseFile(string relative) =>
        new PolicyStructureParser().Parse(Read(Path_(relative)), new DocumentIdentity(relative, new string('0', 64)));
}
