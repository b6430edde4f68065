namespace PolicyIngest.Search.Tests;

/// <summary>The tests that share one real segmenter (<see cref="SegmenterFixture"/>).</summary>
[CollectionDefinition(SegmenterFixture.Collection)]
public sealed class SegmenterCollection : ICollectionFixture<SegmenterFixture>;
