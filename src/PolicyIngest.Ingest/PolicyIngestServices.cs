using PolicyIngest.Catalogue;
using PolicyIngest.Classify;
using PolicyIngest.Core.Model;
using PolicyIngest.Extract;
using PolicyIngest.Extract.Amounts;
using PolicyIngest.Index.Search;
using PolicyIngest.Segmentation;
using PolicyIngest.Read;
using PolicyIngest.Structure;
using PolicyIngest.Track;

namespace PolicyIngest.Ingest;

/// <summary>Everything wired up in one readable place, in pipeline order. No container.</summary>
public static class PolicyIngestServices
{
    public static DocumentProcessor CreateProcessor(ReadOptions? readOptions = null)
    {
        var readers = DocumentReaders.CreateDefault();
        IStructureParser structure = new PolicyStructureParser();   // falls back to ParagraphStructureParser (with a warning) when it recognises nothing
        IAmountExtractor amounts = new AmountExtractor();
        return new DocumentProcessor(readers, structure, amounts, new DeferredClassifier(Classifier), readOptions ?? ReadOptions.Default);
    }

    /// <summary>
    /// The shared classifier, loaded when the first document reaches classification: a file that cannot be read never
    /// waits for the model (~1.2 s), so `extract` of a bad file answers at once. A model that fails to load is the
    /// installation's fault, not the file's: <see cref="ComponentUnavailableException"/> (exit 4), as before the deferral.
    /// </summary>
    private sealed class DeferredClassifier(Lazy<IClauseClassifier> model) : IClauseClassifier
    {
        public IReadOnlyList<Clause> Classify(PolicyDocument document, IReadOnlyList<Clause> clauses)
        {
            IClauseClassifier loaded;
            try { loaded = model.Value; }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new ComponentUnavailableException($"the clause classifier could not be loaded: {ex.Message}", ex);
            }
            return loaded.Classify(document, clauses);
        }
    }


    /// <summary>
    /// The trained clause classifier from models/ ($POLICYINGEST_HOME, else found from the binary), loaded once.
    /// Without a model file the keyword rules label the clauses, and stderr says so once.
    /// </summary>
    private static readonly Lazy<IClauseClassifier> Classifier = new(() =>
    {
        var directory = ClassifierModels.DefaultDirectory();
        TrainedClauseClassifier? trained;
        try { trained = ClassifierModels.TryLoad(directory); }
        catch (FileNotFoundException ex)
        {
            // A model with word features needs jieba's dictionary; without it, say so and label by the keyword rules.
            Console.Error.WriteLine($"warning: the clause classifier in {directory} cannot load ({ex.Message}): clauses are labelled by keyword rules");
            return new KeywordClauseClassifier();
        }
        if (trained is not null)
        {
            if (ClassifierModels.SegmenterWarning(directory, SegmenterResources.ForModels(directory)) is { } warning)
                Console.Error.WriteLine(warning);
            return trained;
        }
        Console.Error.WriteLine($"warning: no trained clause classifier in {directory} (run `policyingest train`): clauses are labelled by keyword rules");
        return new KeywordClauseClassifier();
    });

    public static IngestService CreateIngest(CatalogueStore catalogue, TimeProvider? clock = null, ReadOptions? readOptions = null,
        ClauseAnalyzer? analyzer = null)
    {
        var time = clock ?? TimeProvider.System;
        return new(CreateProcessor(readOptions), catalogue, new VersionLinker(time), new ClauseIndexer(analyzer ?? CreateAnalyzer()),
            time, VersionTracker.For(catalogue, time));
    }

    /// <summary>
    /// jieba's dictionary and HMM (models/jieba) plus models/dict/*.txt of the classifier's models directory: the segmenter
    /// the classifier's word features use, built once per process and shared.
    /// </summary>
    public static ClauseAnalyzer CreateAnalyzer() => new(ClassifierModels.DefaultSegmenter());

    /// <summary>Clause search over the catalogue, as the CLI and the web UI use it.</summary>
    public static ISearchIndex CreateSearch(CatalogueStore catalogue, ClauseAnalyzer? analyzer = null) =>
        new Fts5SearchIndex(catalogue, analyzer ?? CreateAnalyzer());
}
