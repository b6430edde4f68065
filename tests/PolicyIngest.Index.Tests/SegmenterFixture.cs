using PolicyIngest.Segmentation;

namespace PolicyIngest.Index.Tests;

/// <summary>The real segmenter (the repository's models/jieba and models/dict), built once for all tests.</summary>
public sealed class SegmenterFixture
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public SegmenterResources Resources { get; } = SegmenterResources.ForModels(Path.Combine(RepositoryRoot, "models"));

    public JiebaSegmenter Segmenter { get; }

    public SegmenterFixture() => Segmenter = Resources.Load();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PolicyIngest.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}

[CollectionDefinition(Name)]
public sealed class SegmenterCollection : ICollectionFixture<SegmenterFixture>
{
    public const string Name = "segmenter";
}
