using System.Globalization;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PolicyIngest.Catalogue;
using PolicyIngest.Index.Search;
using Term = Lucene.Net.Index.Term;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PolicyIngest.Search;

/// <summary>How an index stands against its catalogue after a catch-up.</summary>
public sealed record IndexCatchUp(long AppliedChange, long ChangesApplied, long DocumentsWritten, bool Rebuilt);

/// <summary>
/// The Lucene clause index: one document per catalogue clause (row id, version, SmartCn words, jieba words, CJK bigrams,
/// and the version's head fields). It follows the catalogue's change log (<see cref="IClauseFeed"/>): changes are applied
/// after the catalogue has committed them, the last sequence applied and the catalogue's identity go into the index's
/// commit data, and <see cref="CatchUp"/> applies whatever came after, so a process killed between the two commits, or an
/// index opened beside a catalogue that moved on, loses nothing. A catalogue made anew behind it (another identity) or
/// reset to an older state is rebuilt from scratch.
/// </summary>
/// <remarks>
/// Several processes may share the folder (the web UI serves while `ingest` runs): the writer is opened only to catch
/// up, under Lucene's write lock (a native file lock, waited for), so one process applies a range while the others wait
/// and then find it applied. Searchers come from a <see cref="SearcherManager"/>: a search holds its reader until done
/// while a catch-up swaps in the next.
/// </remarks>
public sealed class LuceneClauseIndex : IDisposable
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string AppliedKey = "catalogue.seq", CatalogueKey = "catalogue.id", LayoutKey = "index.layout";

    /// <summary>
    /// The document layout this code writes (fields and their index options). An index written with another layout is
    /// rebuilt at its next catch-up, as one that follows another catalogue is. 2: row id as a doc value only, jieba
    /// fields without positions. 3: dates and amount as doc values only (no trie terms).
    /// </summary>
    private const string Layout = "3";
    private const int ChangesPerCommit = 2000;

    /// <summary>
    /// A catch-up that wrote at least this many documents (a rebuild, a first build, a large import) ends by merging the
    /// index into one segment. A query looks up each of its terms in every segment, through file reads (NIOFSDirectory,
    /// see <see cref="Open"/>): measured at a million clauses, the ~25 segments a build leaves cost twice the CPU per query
    /// of one segment (p50 15.7 → 5.2 ms). Smaller catch-ups leave their segments to the merge policy.
    /// </summary>
    private const int MergeAfterDocuments = 100_000;

    /// <summary>A catch-up of at least this many changes (versions) is written as a bulk load (<see cref="OpenWriter"/>).</summary>
    private const int BulkChanges = 1_000;

    private readonly LuceneDirectory _directory;
    private readonly ClauseAnalyzer _analyzer;
    private readonly object _catchUpGate = new();
    private readonly SearcherManager _searchers;
    private static readonly Similarity Bm25 = new BM25Similarity();
    private readonly BitSetFilterCache _filterCache = new();

    private readonly bool _withSmartCn;

    /// <summary>Each indexing thread's reusable document fields.</summary>
    private readonly ThreadLocal<ClauseDocumentFields> _fields = new(() => new ClauseDocumentFields(WordsOnly));

    private LuceneClauseIndex(LuceneDirectory directory, ClauseAnalyzer analyzer, bool withSmartCn)
    {
        _directory = directory;
        _analyzer = analyzer;
        _withSmartCn = withSmartCn;
        SmartCn = new SmartChineseAnalyzer(Version);
        if (!DirectoryReader.IndexExists(directory))
        {
            using var writer = OpenWriter();
            writer.Commit();
        }
        _searchers = new SearcherManager(directory, null);
    }

    /// <summary>SmartChineseAnalyzer as the index uses it (queries go through the same instance).</summary>
    public SmartChineseAnalyzer SmartCn { get; }

    public ClauseAnalyzer ClauseAnalyzer => _analyzer;

    /// <summary>
    /// Opens (or creates) the index in <paramref name="path"/>. NIOFSDirectory on purpose: FSDirectory.Open picks
    /// MMapDirectory on 64-bit Linux, which crashes in Lucene.Net 4.8.0-beta00017 (Lucene.NET issue #1013).
    /// </summary>
    /// <param name="withSmartCn">
    /// Also index SmartChineseAnalyzer's words. `evaluate search` does, to measure it beside the project's jieba cut and
    /// bigrams; the product does not: measured, it adds nothing to the engine shipped (jieba + bigrams + head) and is the
    /// slowest analysis of the three.
    /// </param>
    public static LuceneClauseIndex Open(string path, ClauseAnalyzer analyzer, bool withSmartCn = false) =>
        new(new NIOFSDirectory(new DirectoryInfo(path)), analyzer, withSmartCn);

    /// <summary>The last catalogue change the searchable index holds, and the catalogue it follows (null: none yet).</summary>
    public (string? CatalogueId, long AppliedChange) Applied => Read(SearchableCommitData());

    /// <summary>The commit data of the commit searches read.</summary>
    private IDictionary<string, string> SearchableCommitData()
    {
        var searcher = _searchers.Acquire();
        try { return ((DirectoryReader)searcher.IndexReader).IndexCommit.UserData; }
        finally { _searchers.Release(searcher); }
    }

    /// <summary>Whether the index holds every change of <paramref name="position"/> (after picking up what other processes committed).</summary>
    public bool IsCurrent(CataloguePosition position)
    {
        _searchers.MaybeRefresh();
        var data = SearchableCommitData();
        var (id, applied) = Read(data);
        return id == position.CatalogueId && applied == position.LatestChange && LayoutOf(data) == Layout;
    }

    /// <summary>Catches up when the catalogue has moved on; cheap when it has not (one query and a refresh check).</summary>
    public IndexCatchUp? EnsureCurrent(IClauseFeed feed, CancellationToken cancellationToken = default) =>
        IsCurrent(feed.Position()) ? null : CatchUp(feed, null, cancellationToken);

    /// <summary>
    /// Applies every catalogue change after the last one applied, committing every <see cref="ChangesPerCommit"/> changes
    /// (a catch-up that is killed resumes from its last commit). <paramref name="progress"/> gets (applied, latest).
    /// </summary>
    public IndexCatchUp CatchUp(IClauseFeed feed, Action<long, long>? progress = null, CancellationToken cancellationToken = default)
    {
        lock (_catchUpGate)
        {
            using var writer = OpenWriter(bulk: PendingChanges(feed.Position()) >= BulkChanges);
            var position = feed.Position();
            var (id, applied) = Read(writer.CommitData);
            var rebuilt = false;
            if (id != position.CatalogueId || applied > position.LatestChange || LayoutOf(writer.CommitData) != Layout)
            {
                writer.DeleteAll();
                applied = 0;
                rebuilt = true;
            }
            var (changesApplied, written) = Apply(writer, feed, position, ref applied, progress, cancellationToken);
            if (written >= MergeAfterDocuments)
            {
                writer.ForceMerge(1);
                writer.Commit();
            }
            if (rebuilt && changesApplied == 0)
            {
                writer.SetCommitData(new Dictionary<string, string> { [AppliedKey] = "0", [CatalogueKey] = position.CatalogueId, [LayoutKey] = Layout });
                writer.Commit();
            }
            writer.Dispose();
            _searchers.MaybeRefreshBlocking();
            return new IndexCatchUp(applied, changesApplied, written, rebuilt);
        }
    }

    /// <summary>
    /// Applies the changes after <paramref name="applied"/> in batches of <see cref="ChangesPerCommit"/>, one commit each;
    /// the next batch is read from the catalogue while this one is analysed and written.
    /// </summary>
    private (long Changes, long Documents) Apply(IndexWriter writer, IClauseFeed feed, CataloguePosition position, ref long applied,
        Action<long, long>? progress, CancellationToken cancellationToken)
    {
        long changesApplied = 0, written = 0;
        var from = applied;
        var next = Task.Run(() => ReadBatch(feed, from), cancellationToken);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (changes, versions, documents) = next.GetAwaiter().GetResult();
                if (changes.Count == 0) break;
                var after = changes[^1].Seq;
                next = Task.Run(() => ReadBatch(feed, after), cancellationToken);
                foreach (var v in versions) writer.DeleteDocuments(new Term(LuceneFields.Version, v));
                // Analysis (SmartCn inside AddDocument, jieba and bigrams in Document) is the cost; the writer takes documents from both cores.
                // The head is the same on every clause of a version: analysed once per version, not once per clause.
                var heads = new System.Collections.Concurrent.ConcurrentDictionary<string, HeadTerms>(StringComparer.Ordinal);
                // As many threads as cores: the thread pool adds threads while indexers wait on the writer's thread states, and
                // more indexers than states only queue on them (Monitor.Wait in DocumentsWriterPerThreadPool.GetAndLock, profiled).
                Parallel.ForEach(documents, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
                    d => writer.AddDocument(Document(d, heads.GetOrAdd(d.VersionId, _ => HeadOf(d.Head)))));
                written += documents.Count;
                changesApplied += changes.Count;
                applied = after;
                writer.SetCommitData(new Dictionary<string, string>
                {
                    [AppliedKey] = applied.ToString(CultureInfo.InvariantCulture),
                    [CatalogueKey] = position.CatalogueId,
                    [LayoutKey] = Layout,
                });
                writer.Commit();
                progress?.Invoke(applied, Math.Max(applied, position.LatestChange));
            }
        }
        finally
        {
            // Never leave a read of the catalogue running behind a catch-up that failed or was cancelled.
            try { next.Wait(CancellationToken.None); } catch (AggregateException) { }
        }
        return (changesApplied, written);
    }

    /// <summary>Drops every document and the applied position, then catches up from the first change (`reindex`).</summary>
    public IndexCatchUp Rebuild(IClauseFeed feed, Action<long, long>? progress = null, CancellationToken cancellationToken = default)
    {
        lock (_catchUpGate)
        {
            using (var writer = OpenWriter())
            {
                writer.DeleteAll();
                writer.SetCommitData(new Dictionary<string, string>());
                writer.Commit();
            }
            var result = CatchUp(feed, progress, cancellationToken);
            return result with { Rebuilt = true };
        }
    }

    /// <summary>Documents the searchable index holds.</summary>
    public int Count
    {
        get
        {
            _searchers.MaybeRefresh();
            var searcher = _searchers.Acquire();
            try { return searcher.IndexReader.NumDocs; }
            finally { _searchers.Release(searcher); }
        }
    }

    /// <summary>
    /// The best <paramref name="max"/> documents for <paramref name="query"/> among those passing <paramref name="filter"/>
    /// (which does not change scores), best first; with <paramref name="asOf"/> set, also the number of matches and
    /// the facets over all of them.
    /// </summary>
    /// <remarks>
    /// Ranked by <paramref name="similarity"/> (BM25, k1 1.2 b 0.75, when null, as FTS5's bm25; Lucene 4.8's own default
    /// is TF-IDF). Both read the same length norms, so the choice is the searcher's alone.
    /// </remarks>
    public (List<(long RowId, float Score)> Rows, int Total, Dictionary<string, Dictionary<string, int>>? Facets) Search(
        Query query, Query? filter, int max, DateOnly? asOf = null, Similarity? similarity = null, CancellationToken cancellationToken = default)
    {
        var acquired = _searchers.Acquire();
        try
        {
            var searcher = new IndexSearcher(acquired.IndexReader) { Similarity = similarity ?? Bm25 };
            var filtered = Filtered(query, filter);
            var top = TopScoreDocCollector.Create(Math.Max(1, max), true);
            FacetCollector? facets = asOf is { } day ? new FacetCollector(LuceneFilter.DayNumber(day)) : null;
            cancellationToken.ThrowIfCancellationRequested();
            searcher.Search(filtered, new CancellableCollector(facets is null ? top : MultiCollector.Wrap(top, facets), cancellationToken));
            var docs = top.GetTopDocs();
            var rows = new List<(long, float)>(docs.ScoreDocs.Length);
            if (docs.ScoreDocs.Length > 0)
            {
                // Row ids from doc values, not stored fields (decoded one by one).
                var rowIds = MultiDocValues.GetNumericValues(acquired.IndexReader, LuceneFields.RowId);
                foreach (var sd in docs.ScoreDocs) rows.Add((rowIds.Get(sd.Doc), sd.Score));
            }
            return (rows, facets?.Total ?? docs.TotalHits, facets?.Facets());
        }
        finally
        {
            _searchers.Release(acquired);
        }
    }

    /// <summary>
    /// Whether any clause matches: the search stops at the first hit (no scoring, no facets). The relaxed search uses
    /// it to find the highest minimum-should-match level with matches before running that one level in full.
    /// </summary>
    public bool Any(Query query, Query? filter, CancellationToken cancellationToken = default)
    {
        var acquired = _searchers.Acquire();
        try
        {
            var first = new FirstHitCollector();
            cancellationToken.ThrowIfCancellationRequested();
            new IndexSearcher(acquired.IndexReader) { Similarity = Bm25 }.Search(Filtered(query, filter), new CancellableCollector(first, cancellationToken));
            return first.Found;
        }
        finally
        {
            _searchers.Release(acquired);
        }
    }

    /// <summary>The query restricted by the filter (a cached bit set, leading the query when sparse) without changing scores.</summary>
    private Query Filtered(Query query, Query? filter) =>
        filter is null ? query : new FilteredQuery(query, _filterCache.For(filter), FilterDensityStrategy.Instance);

    /// <summary>Notes the first hit and ends the search: the rest of that segment, and every later one, is skipped.</summary>
    private sealed class FirstHitCollector : ICollector
    {
        public bool Found { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) { }

        public void SetNextReader(AtomicReaderContext context)
        {
            if (Found) throw new CollectionTerminatedException();
        }

        public void Collect(int doc)
        {
            Found = true;
            throw new CollectionTerminatedException();
        }
    }

    /// <summary>The analysed head of a version: its jieba words and bigrams.</summary>
    private sealed record HeadTerms(List<PolicyIngest.Index.Search.Term> Words, List<PolicyIngest.Index.Search.Term> Grams);

    private HeadTerms HeadOf(VersionHead h)
    {
        var head = IndexText.Of(string.Join(' ', new[] { h.Title, h.NoticeTitle, h.DocNumber, h.Issuer, h.Region }
            .Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal)));
        return new HeadTerms(_analyzer.Words(head), ClauseAnalyzer.Bigrams(head));
    }

    private Document Document(ClauseDocument d, HeadTerms head)
    {
        var text = d.Heading.Length == 0 ? d.Text : d.Heading + " " + d.Text;
        var indexText = IndexText.Of(text);
        var fields = _fields.Value!;
        var document = fields.Fill(d, _analyzer.Words(indexText), ClauseAnalyzer.Bigrams(indexText), head.Words, head.Grams);
        if (_withSmartCn) document.Add(new TextField(LuceneFields.SmartCn, text, Field.Store.NO));
        return document;
    }

    /// <summary>
    /// The jieba fields are only ever queried as words ANDed (search-mode pieces make positions meaningless for phrases),
    /// so they keep documents and frequencies, not positions: less to write per clause and a smaller index.
    /// </summary>
    private static readonly FieldType WordsOnly = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>Changes after the last one applied (all of them when the index follows another catalogue or none).</summary>
    private long PendingChanges(CataloguePosition position)
    {
        var (id, applied) = Applied;
        return id == position.CatalogueId ? position.LatestChange - applied : position.LatestChange;
    }

    private static (IReadOnlyList<CatalogueChange> Changes, List<string> Versions, IReadOnlyList<ClauseDocument> Documents) ReadBatch(
        IClauseFeed feed, long after)
    {
        var changes = feed.ChangesAfter(after, ChangesPerCommit);
        if (changes.Count == 0) return (changes, [], []);
        var versions = changes.Select(c => c.VersionId).Distinct(StringComparer.Ordinal).ToList();
        return (changes, versions, feed.ClauseDocuments(versions));
    }

    /// <summary>
    /// The writer. The write lock is a native file lock: another process catching up holds it for a while, so wait for it.
    /// In <paramref name="bulk"/> (a catch-up of at least <see cref="BulkChanges"/> changes, which ends in one merge anyway)
    /// segments are flushed larger and left unmerged until that merge, so each clause is rewritten once, not once per tier.
    /// </summary>
    private IndexWriter OpenWriter(bool bulk = false) =>
        // The writer's analyzer only analyses the SmartCn field; the other fields arrive as token streams.
        new(_directory, new IndexWriterConfig(Version, SmartCn)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND, Similarity = Bm25, WriteLockTimeout = 120_000, RAMBufferSizeMB = bulk ? 256 : 64,
            MergePolicy = bulk ? new TieredMergePolicy { SegmentsPerTier = 100, MaxMergeAtOnce = 100 } : new TieredMergePolicy(),
        });

    private static (string? CatalogueId, long Applied) Read(IDictionary<string, string>? data) =>
        data is null ? (null, 0)
        : (data.TryGetValue(CatalogueKey, out var id) ? id : null,
           data.TryGetValue(AppliedKey, out var seq) && long.TryParse(seq, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0);

    private static string? LayoutOf(IDictionary<string, string>? data) =>
        data is not null && data.TryGetValue(LayoutKey, out var layout) ? layout : null;

    public void Dispose()
    {
        _searchers.Dispose();
        _fields.Dispose();
        SmartCn.Dispose();
        _directory.Dispose();
    }
}
