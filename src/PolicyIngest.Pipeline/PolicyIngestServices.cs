using PolicyIngest.Catalogue;
using PolicyIngest.Extract;
using PolicyIngest.Read;
using PolicyIngest.Structure;
using PolicyIngest.Track;

namespace PolicyIngest.Pipeline;

/// <summary>Everything wired up in one readable place, in pipeline order. No container.</summary>
public static class PolicyIngestServices
{
    public static DocumentProcessor CreateProcessor(ReadOptions? readOptions = null)
    {
        var readers = DocumentReaders.CreateDefault();
        IStructureParser structure = new PolicyStructureParser();   // falls back to ParagraphStructureParser (with a warning) when it recognises nothing
        IAmountExtractor amounts = new NoAmountExtractor();
        return new DocumentProcessor(readers, structure, amounts, classifier: null, readOptions ?? ReadOptions.Default);
    }

    public static IngestService CreateIngest(CatalogueStore catalogue, TimeProvider? clock = null, ReadOptions? readOptions = null) =>
        new(CreateProcessor(readOptions), catalogue, new SourceVersionLinker(), indexer: null, clock ?? TimeProvider.System);

    /// <summary>Placeholder until the amount extractor lands: finds nothing, and says so nowhere else.</summary>
    private sealed class NoAmountExtractor : IAmountExtractor
    {
        public AmountFindings Extract(IReadOnlyList<PolicyIngest.Core.Model.Clause> clauses) => AmountFindings.None;
    }
}
