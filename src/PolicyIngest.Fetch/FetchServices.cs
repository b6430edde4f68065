using PolicyIngest.Catalogue;
using PolicyIngest.Ingest;
using PolicyIngest.Read;

namespace PolicyIngest.Fetch;

/// <summary>The fetch side wired up in one place: the CLI's run, the scheduler's job and the demo build runners here.</summary>
public static class FetchServices
{
    /// <summary>Originals and locks live next to the catalogue file: <c>&lt;db folder&gt;/archive</c>, <c>&lt;db folder&gt;/locks</c>.</summary>
    public static string DataDirectoryFor(string catalogueFile) => CatalogueLayout.DataDirectory(catalogueFile);

    /// <summary>A runner over <paramref name="catalogue"/> with the services' ingest and clock (the settings').</summary>
    public static PipelineRunner CreateRunner(PolicyIngestServices services, CatalogueStore catalogue, HttpClient client,
        Action<DocumentOutcome>? onDocument = null, ReadOptions? readOptions = null)
    {
        var ingest = services.CreateIngest(catalogue, readOptions);
        return new PipelineRunner(ingest, catalogue.DataDirectory, client, services.Settings.Clock)
        {
            OnDocument = onDocument,
            AfterWrites = ct => { if (services.CatchUpSearch(catalogue, ct) is { } warning) Console.Error.WriteLine(warning); },
        };
    }
}
