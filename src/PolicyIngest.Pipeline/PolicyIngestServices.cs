using PolicyIngest.Catalogue;
using PolicyIngest.Classify;
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
        return new DocumentProcessor(readers, structure, amounts, Classifier.Value, readOptions ?? ReadOptions.Default);
    }

    /// <summary>
    /// The trained clause classifier from models/ ($POLICYINGEST_HOME, else found from the binary), loaded once.
    /// Without a model file the keyword rules label the clauses, and stderr says so once.
    /// </summary>
    private static readonly Lazy<IClauseClassifier> Classifier = new(() =>
    {
        var directory = ClassifierModels.DefaultDirectory();
        if (ClassifierModels.TryLoad(directory) is { } trained) return trained;
        Console.Error.WriteLine($"warning: no trained clause classifier in {directory} (run `policyingest train`): clauses are labelled by keyword rules");
        return new KeywordClauseClassifier();
    });

    public static IngestService CreateIngest(CatalogueStore catalogue, TimeProvider? clock = null, ReadOptions? readOptions = null) =>
        new(CreateProcessor(readOptions), catalogue, new SourceVersionLinker(), indexer: null, clock ?? TimeProvider.System);

    /// <summary>Placeholder until the amount extractor lands: finds nothing, and says so nowhere else.</summary>
    private sealed class NoAmountExtractor : IAmountExtractor
    {
        public AmountFindings Extract(IReadOnlyList<PolicyIngest.Core.Model.Clause> clauses) => AmountFindings.None;
    }
}
