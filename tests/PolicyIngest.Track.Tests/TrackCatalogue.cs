using PolicyIngest.Catalogue;
using PolicyIngest.Ingest;

namespace PolicyIngest.Track.Tests;

/// <summary>One composition root over this checkout's models for every test (loading them takes seconds).</summary>
internal static class TestServices
{
    public static PolicyIngestServices Instance { get; } = new(PolicyIngest.Core.PolicyIngestSettings.ForHome(RepositoryPaths.Root));
}

/// <summary>
/// A real SQLite catalogue in a temporary folder, filled through the real ingest service with the version linker and
/// tracker, on a clock the test sets (2025-06-01 to start). Disposed with its files.
/// </summary>
internal sealed class TrackCatalogue : IDisposable
{
    public TrackCatalogue()
    {
        Catalogue = new CatalogueStore(Path.Combine(Folder, "cat.db"));
        Ingest = new IngestService(TestServices.Instance.CreateProcessor(), Catalogue, new VersionLinker(Clock), null, Clock,
            VersionTracker.For(Catalogue, Clock));
        Store = new TrackStore(Catalogue);
    }

    private readonly TempDir _dir = new("policyingest-track-");

    public string Folder => _dir.Path;
    public FixedClock Clock { get; } = new(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero));
    public CatalogueStore Catalogue { get; }
    public IngestService Ingest { get; }
    public TrackStore Store { get; }

    public void Dispose()
    {
        Catalogue.Dispose();
        _dir.Dispose();
    }
}
