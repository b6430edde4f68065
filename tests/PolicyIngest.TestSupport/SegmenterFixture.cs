using PolicyIngest.Segmentation;

namespace PolicyIngest.TestSupport;

/// <summary>
/// The real segmenter (the repository's models/jieba and models/dict), built once per test run of a project that shares
/// it: xunit wants the collection in the test assembly, so each such project declares
/// <c>[CollectionDefinition(SegmenterFixture.Collection)] class … : ICollectionFixture&lt;SegmenterFixture&gt;</c>.
/// </summary>
public sealed class SegmenterFixture
{
    public const string Collection = "segmenter";

    public SegmenterResources Resources { get; } = SegmenterResources.ForModels(RepositoryPaths.Models);

    public JiebaSegmenter Segmenter { get; }

    public SegmenterFixture() => Segmenter = Resources.Load();
}
