using PolicyIngest.Catalogue;
using PolicyIngest.Ingest;
using PolicyIngest.Read;

namespace PolicyIngest.Fetch;

/// <summary>The fetch side wired up in one place: the CLI's run, the scheduler's job and the demo build runners here.</summary>
public static class FetchServices
{
    /// <summary>Originals and locks live next to the catalogue file: <c>&lt;db folder&gt;/archive</c>, <c>&lt;db folder&gt;/locks</c>.</summary>
    public static string DataDirectoryFor(string catalogueFile) => CatalogueLayout.DataDirectory(catalogueFile);

    public static PipelineRunner CreateRunner(CatalogueStore catalogue, HttpClient client, TimeProvider? clock = null,
        Action<DocumentOutcome>? onDocument = null, ReadOptions? readOptions = null)
    {
        var time = clock ?? TimeProvider.System;
        var ingest = PolicyIngestServices.CreateIngest(catalogue, time, readOptions);
        return new PipelineRunner(ingest, DataDirectoryFor(catalogue.Path), client, time) { OnDocument = onDocument };
    }
}
