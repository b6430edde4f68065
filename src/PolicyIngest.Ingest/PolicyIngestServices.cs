using System.Collections.Concurrent;
using PolicyIngest.Catalogue;
using PolicyIngest.Classify;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Extract;
using PolicyIngest.Extract.Amounts;
using PolicyIngest.Index;
using PolicyIngest.Index.Search;
using PolicyIngest.Search;
using PolicyIngest.Segmentation;
using PolicyIngest.Read;
using PolicyIngest.Structure;
using PolicyIngest.Track;

namespace PolicyIngest.Ingest;

/// <summary>
/// Everything wired up in one readable place, in pipeline order, from one <see cref="PolicyIngestSettings"/>. No
/// container, no process-wide cache: this instance owns the one segmenter (jieba's data, about a second to load) that
/// search and the classifier's word features share, and the clause classifier. Build one at start and pass it on.
/// </summary>
public sealed class PolicyIngestServices
{
    private readonly Lazy<JiebaSegmenter> _segmenter;
    private readonly Lazy<ClauseAnalyzer> _analyzer;
    private readonly Lazy<IClauseClassifier> _classifier;
    private readonly ConcurrentDictionary<string, Lazy<LuceneClauseIndex>> _searchIndexes;

    public PolicyIngestServices(PolicyIngestSettings settings)
    {
        Settings = settings;
        ReadOptions = ReadOptions.For(settings.Reader);
        _segmenter = new(() => SegmenterResources.ForModels(settings.ModelsDirectory).Load());
        _analyzer = new(() => new ClauseAnalyzer(Segmenter));
        _classifier = new(LoadClassifier);
        _searchIndexes = new(StringComparer.Ordinal);
    }

    /// <summary>Another catalogue or clock over the same models: shares what this one loaded (segmenter, classifier).</summary>
    private PolicyIngestServices(PolicyIngestSettings settings, PolicyIngestServices models)
    {
        Settings = settings;
        ReadOptions = ReadOptions.For(settings.Reader);
        _segmenter = models._segmenter;
        _analyzer = models._analyzer;
        _classifier = models._classifier;
        _searchIndexes = models._searchIndexes;
    }

    public PolicyIngestSettings Settings { get; }

    /// <summary>The readers' options with the settings' limits.</summary>
    public ReadOptions ReadOptions { get; }

    /// <summary>
    /// These services for other settings that keep the home and the classifier choice (another catalogue, another clock):
    /// the loaded segmenter and classifier are shared, not loaded again.
    /// </summary>
    public PolicyIngestServices With(PolicyIngestSettings settings) =>
        settings.ModelsDirectory == Settings.ModelsDirectory && settings.Classifier == Settings.Classifier
            ? new PolicyIngestServices(settings, this)
            : new PolicyIngestServices(settings);

    /// <summary>jieba's dictionary and HMM (models/jieba) plus models/dict/*.txt: built on first use, then shared.</summary>
    public JiebaSegmenter Segmenter => _segmenter.Value;

    /// <summary>The clause analyzer search and the clause index use (over <see cref="Segmenter"/>).</summary>
    public ClauseAnalyzer Analyzer => _analyzer.Value;

    /// <summary>
    /// The settings' catalogue, opened (and migrated): a SQLite file or a PostgreSQL database, with its local data directory.
    /// </summary>
    /// <exception cref="CatalogueUnavailableException">the catalogue cannot be reached</exception>
    public CatalogueStore OpenCatalogue() => new(Settings.CataloguePath, Settings.DataDirectory);

    public DocumentProcessor CreateProcessor(ReadOptions? readOptions = null)
    {
        var readers = DocumentReaders.CreateDefault();
        IStructureParser structure = new PolicyStructureParser();   // falls back to ParagraphStructureParser (with a warning) when it recognises nothing
        IAmountExtractor amounts = new AmountExtractor();
        return new DocumentProcessor(readers, structure, amounts, new DeferredClassifier(_classifier), readOptions ?? ReadOptions);
    }

    /// <summary>
    /// The classifier, loaded when the first document reaches classification: a file that cannot be read never waits for
    /// the model (~1.2 s), so `extract` of a bad file answers at once. A model that is missing or fails to load is the
    /// installation's fault, not the file's: <see cref="ComponentUnavailableException"/> (exit 4).
    /// </summary>
    private sealed class DeferredClassifier(Lazy<IClauseClassifier> model) : IClauseClassifier
    {
        public IReadOnlyList<Clause> Classify(PolicyDocument document, IReadOnlyList<Clause> clauses)
        {
            IClauseClassifier loaded;
            try { loaded = model.Value; }
            catch (ComponentUnavailableException) { throw; }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new ComponentUnavailableException($"the clause classifier could not be loaded: {ex.Message}", ex);
            }
            return loaded.Classify(document, clauses);
        }
    }

    /// <summary>
    /// The trained clause classifier from the settings' models/, or the keyword rules when the settings ask for them by
    /// name (said on stderr once). No model file is an error, not a fall-back.
    /// </summary>
    private IClauseClassifier LoadClassifier()
    {
        if (Settings.Classifier == ClassifierChoice.Keywords)
        {
            Console.Error.WriteLine("note: clauses are labelled by the keyword rules (classifier: keywords), not the trained model");
            return new KeywordClauseClassifier();
        }
        var directory = Settings.ModelsDirectory;
        var trained = ClassifierModels.TryLoad(directory, () => Segmenter)
            ?? throw new ComponentUnavailableException(
                $"no trained clause classifier in {directory}: run `policyingest train`, or label clauses by the keyword rules with --classifier keywords");
        if (ClassifierModels.SegmenterWarning(directory, SegmenterResources.ForModels(directory)) is { } warning)
            Console.Error.WriteLine(warning);
        return trained;
    }

    /// <summary>
    /// Ingest into the catalogue. Search is the Lucene index, which follows the catalogue's change log, so nothing is
    /// indexed inside the catalogue's transaction; <paramref name="clauseTerms"/> (evaluation only) also writes the FTS5
    /// rows the side-by-side baseline of `evaluate search` and `bench search` reads.
    /// </summary>
    public IngestService CreateIngest(CatalogueStore catalogue, ReadOptions? readOptions = null, IClauseIndexer? clauseTerms = null)
    {
        var time = Settings.Clock;
        return new(CreateProcessor(readOptions), catalogue, new VersionLinker(time), clauseTerms, time, VersionTracker.For(catalogue, time));
    }

    /// <summary>
    /// Clause search over the catalogue, as the CLI and the web UI use it: the Lucene index beside the catalogue
    /// (<see cref="CatalogueLayout.SearchIndex"/>), caught up with the catalogue before each search.
    /// </summary>
    public ISearchIndex CreateSearch(CatalogueStore catalogue)
    {
        var index = SearchIndexOf(catalogue);
        return new LuceneSearchIndex(catalogue, index, ShippedQuery(index));
    }

    /// <summary>
    /// The query fields and weights `evaluate search` chose on the queries seen while choosing (Q01–Q52), confirmed on
    /// the blind ones: jieba words and bigrams 1:1 and the version's head at 0.2.
    /// </summary>
    public static LuceneQueryBuilder ShippedQuery(LuceneClauseIndex index) =>
        new(index, LuceneEngine.JiebaAndBigrams, jiebaBoost: 1f, gramsBoost: 1f, headBoost: 0.2f);

    /// <summary>The catalogue's Lucene index, opened once per process (searchers are shared, writers open only to catch up).</summary>
    public LuceneClauseIndex SearchIndexOf(CatalogueStore catalogue) =>
        _searchIndexes.GetOrAdd(catalogue.SearchIndexPath,
            path => new Lazy<LuceneClauseIndex>(() => LuceneClauseIndex.Open(path, Analyzer))).Value;

    /// <summary>
    /// Brings the search index up to the catalogue after a batch of writes (ingest, a pipeline run), so the next search
    /// does not pay for it. A failure loses nothing (the next search catches up, `reindex` rebuilds): it comes back as a
    /// warning line for stderr, never as a failed command.
    /// </summary>
    public string? CatchUpSearch(CatalogueStore catalogue, CancellationToken cancellationToken = default)
    {
        try
        {
            SearchIndexOf(catalogue).EnsureCurrent(new CatalogueClauseFeed(catalogue), cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Lucene.Net.Store.LockObtainFailedException)
        {
            return $"warning: search index not brought up to date ({ex.Message}); the next search catches up, `reindex` rebuilds it";
        }
    }
}
