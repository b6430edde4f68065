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

namespace PolicyIngest.Search;

/// <summary>How an index stands against its catalogue after a catch-up.</summary>
public sealed record IndexCatchUp(long AppliedChange, long ChangesApplied, long DocumentsWritten, bool Rebuilt);

/// <summary>
/// The Lucene clause index: one document per catalogue clause (row id, version, SmartCn words, jieba words, CJK bigrams),
/// each version's clauses written as one block closed by a head document (title, 发文字号, issuer, region:
/// <see cref="HeadJoinQuery"/>). It follows the catalogue's change log (<see cref="IClauseFeed"/>): changes are applied
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
    /// fields without positions. 3: dates and amount as doc values only (no trie terms). 4: a version's clauses and then
    /// its head document as one block (the head fields once per version, <see cref="HeadJoinQuery"/>).
    /// </summary>
    private const string Layout = "4";
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

    private readonly FSDirectory _directory;
    private readonly MemoryReadDirectory _readDirectory;
    private readonly ClauseAnalyzer _analyzer;
    private readonly object _catchUpGate = new();
    private readonly SearcherManager _searchers;
    /// <summary>
    /// BM25 with k1 1.2 and a weak length normalisation (b 0.2, not the usual 0.75). Clause lengths run from a card's
    /// one-line title (北京市人工智能算力券实施方案) to articles of a page; at 0.75 such title lines and lists outranked the
    /// articles that say what the query asks (算力券, 独角兽企业). Measured in `evaluate search` (sweep in docs/search.md):
    /// nDCG@10 0.673 → 0.695, MRR 0.785 → 0.833, on the blind-written queries too. Norms are stored the same for any b, so
    /// changing it needs no reindex.
    /// </summary>
    public static readonly Similarity Ranking = new BM25Similarity(k1: 1.2f, b: 0.2f);
    private readonly BitSetFilterCache _filterCache = new();

    private readonly bool _withSmartCn;

    /// <summary>Each indexing thread's reusable document fields.</summary>
    private readonly ThreadLocal<ClauseDocumentFields> _fields = new(() => new ClauseDocumentFields(WordsOnly));

    private LuceneClauseIndex(FSDirectory directory, ClauseAnalyzer analyzer, bool withSmartCn)
    {
        _directory = directory;
        // Searches read from memory; the writer (flushes, compound files, deletes, merges) reads and writes the files.
        _readDirectory = new MemoryReadDirectory(directory, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);
        _analyzer = analyzer;
        _withSmartCn = withSmartCn;
        SmartCn = new SmartChineseAnalyzer(Version);
        if (!DirectoryReader.IndexExists(directory))
        {
            using var writer = OpenWriter();
            writer.Commit();
        }
        _searchers = new SearcherManager(_readDirectory, null);
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
    /// <remarks>
    /// Searches read the index files from memory (<see cref="MemoryReadDirectory"/>), up to a quarter of the memory the
    /// process may use; beyond that, from the files.
    /// </remarks>
    public static LuceneClauseIndex Open(string path, ClauseAnalyzer analyzer, bool withSmartCn = false) =>
        new(new NIOFSDirectory(new DirectoryInfo(path), new ExclusiveFileLockFactory(path)), analyzer, withSmartCn);

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
    public IndexCatchUp CatchUp(IClauseFeed feed, Action<long, long>? progress = null, CancellationToken cancellationToken = default) =>
        CatchUp(feed, progress, rebuild: false, cancellationToken);

    /// <summary>
    /// One writer from start to end, so the write lock is held throughout: with <paramref name="rebuild"/> the index is
    /// cleared in that writer (the clearing is committed with the first batch, so a rebuild stopped before it leaves the
    /// index as it was) and no other process can take the lock between clearing and catching up.
    /// </summary>
    private IndexCatchUp CatchUp(IClauseFeed feed, Action<long, long>? progress, bool rebuild, CancellationToken cancellationToken)
    {
        lock (_catchUpGate)
        {
            using var writer = OpenWriter(bulk: rebuild || PendingChanges(feed.Position()) >= BulkChanges);
            IndexCatchUp result;
            try
            {
                result = CatchUp(writer, feed, progress, rebuild, cancellationToken);
            }
            catch
            {
                // Disposing a writer commits what it holds: a cancelled or failed catch-up would commit a cleared index, or
                // versions deleted and not yet written again, under the last commit's data, so the index would look current.
                // The batches already committed stay; the rest is dropped.
                writer.Rollback();
                throw;
            }
            writer.Dispose();
            _searchers.MaybeRefreshBlocking();
            return result;
        }
    }

    private IndexCatchUp CatchUp(IndexWriter writer, IClauseFeed feed, Action<long, long>? progress, bool rebuild, CancellationToken cancellationToken)
    {
        var position = feed.Position();
        var (id, applied) = Read(writer.CommitData);
        var rebuilt = false;
        if (rebuild || id != position.CatalogueId || applied > position.LatestChange || LayoutOf(writer.CommitData) != Layout)
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
        return new IndexCatchUp(applied, changesApplied, written, rebuilt);
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
                // A version is one block: its clauses, then its head document (HeadJoinQuery reads the block).
                // As many threads as cores: the thread pool adds threads while indexers wait on the writer's thread states, and
                // more indexers than states only queue on them (Monitor.Wait in DocumentsWriterPerThreadPool.GetAndLock, profiled).
                var blocks = documents.GroupBy(d => d.VersionId, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
                Parallel.ForEach(blocks, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
                    block => writer.AddDocuments(Block(block)));
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

    /// <summary>Drops every document and catches up from the first change (`reindex`), in one writer holding the lock throughout.</summary>
    public IndexCatchUp Rebuild(IClauseFeed feed, Action<long, long>? progress = null, CancellationToken cancellationToken = default)
    {
        var result = CatchUp(feed, progress, rebuild: true, cancellationToken);
        return result with { Rebuilt = true };
    }

    /// <summary>Clause documents the searchable index holds.</summary>
    public int Count
    {
        get
        {
            _searchers.MaybeRefresh();
            var searcher = _searchers.Acquire();
            try
            {
                // Every document but the head documents (one per version) is a clause.
                var heads = new TotalHitCountCollector();
                searcher.Search(new TermQuery(new Term(LuceneFields.HeadMarker, LuceneFields.HeadMarkerValue)), heads);
                return searcher.IndexReader.NumDocs - heads.TotalHits;
            }
            finally { _searchers.Release(searcher); }
        }
    }

    /// <summary>
    /// The best <paramref name="max"/> documents for <paramref name="query"/> among those passing <paramref name="filter"/>
    /// (which does not change scores), best first; with <paramref name="asOf"/> set, also the number of matches and
    /// the facets over all of them.
    /// </summary>
    /// <remarks>
    /// Ranked by <paramref name="similarity"/> (<see cref="Ranking"/> when null; Lucene 4.8's own default
    /// is TF-IDF). Both read the same length norms, so the choice is the searcher's alone.
    /// </remarks>
    public (List<(long RowId, float Score)> Rows, int Total, Dictionary<string, Dictionary<string, int>>? Facets) Search(
        Query query, Query? filter, int max, DateOnly? asOf = null, Similarity? similarity = null, CancellationToken cancellationToken = default)
    {
        var top = TopScoreDocCollector.Create(Math.Max(1, max), true);
        FacetCollector? facets = asOf is { } day ? new FacetCollector(LuceneFilter.DayNumber(day)) : null;
        return Collect(query, filter, similarity, facets is null ? top : MultiCollector.Wrap(top, facets), cancellationToken, rowIds =>
        {
            var docs = top.GetTopDocs();
            return (rowIds.Of(docs), facets?.Total ?? docs.TotalHits, facets?.Facets());
        });
    }

    /// <summary>
    /// Runs <paramref name="query"/> (restricted by <paramref name="filter"/>) into <paramref name="collector"/> on the current
    /// searcher, and reads the answer with that searcher's row ids while it is still held.
    /// </summary>
    private T Collect<T>(Query query, Query? filter, Similarity? similarity, ICollector collector, CancellationToken cancellationToken,
        Func<RowIds, T> answer)
    {
        var acquired = _searchers.Acquire();
        try
        {
            var searcher = new IndexSearcher(acquired.IndexReader) { Similarity = similarity ?? Ranking };
            cancellationToken.ThrowIfCancellationRequested();
            searcher.Search(Filtered(query, filter), new CancellableCollector(collector, cancellationToken));
            return answer(new RowIds(acquired.IndexReader));
        }
        finally
        {
            _searchers.Release(acquired);
        }
    }

    /// <summary>The catalogue row ids of a page of hits, from doc values (not stored fields, decoded one by one), read only when there are hits.</summary>
    private sealed class RowIds(IndexReader reader)
    {
        private NumericDocValues? _values;

        public List<(long RowId, float Score)> Of(TopDocs docs)
        {
            if (docs.ScoreDocs.Length == 0) return [];
            _values ??= MultiDocValues.GetNumericValues(reader, LuceneFields.RowId);
            return docs.ScoreDocs.Select(sd => (_values.Get(sd.Doc), sd.Score)).ToList();
        }
    }

    /// <summary>
    /// The relaxed search in one pass: <paramref name="query"/> is the groups with minimum-should-match at a floor level,
    /// and the answer is the clauses with the most groups matched (capped at <paramref name="cap"/>: clauses matching more
    /// than the cap count as matching the cap), ranked, counted and faceted as <see cref="Search"/> does for that level's
    /// query. The number of groups a clause matches is the scorer's <c>Freq</c> (minimum-should-match and disjunction
    /// scorers count their matching clauses); scores do not depend on the minimum, so the ranking is that of the level's own
    /// query. Null when nothing reaches the floor.
    /// </summary>
    /// <remarks>
    /// Replaces probing the levels one by one with first-hit searches: measured at a million clauses, a long question's
    /// probes (a failing level scans every candidate) cost 20–60 ms before the level found was searched again in full.
    /// </remarks>
    public (int Level, List<(long RowId, float Score)> Rows, int Total, Dictionary<string, Dictionary<string, int>>? Facets)? SearchMostGroups(
        Query query, int cap, Query? filter, int max, DateOnly? asOf = null, Similarity? similarity = null, CancellationToken cancellationToken = default)
    {
        var most = new MostGroupsCollector(cap, Math.Max(1, max), asOf is { } day ? LuceneFilter.DayNumber(day) : null);
        return Collect(query, filter, similarity, most, cancellationToken, rowIds =>
            most.Top is not { } top ? null
            : ((int Level, List<(long RowId, float Score)> Rows, int Total, Dictionary<string, Dictionary<string, int>>? Facets)?)
              (most.Level, rowIds.Of(top.GetTopDocs()), top.TotalHits, most.Facets?.Facets()));
    }

    /// <summary>
    /// The strict search, its fill and the first relaxed level in one pass: <paramref name="query"/> is the groups with
    /// all but one required (minimum-should-match), and each hit's count of groups (the scorer's <c>Freq</c>) tells a
    /// complete match (all <paramref name="groups"/>) from one missing a group. Each level is ranked, counted and faceted
    /// as <see cref="Search"/> does for its own query (BM25 has no coord, so a clause scores the same whatever the
    /// minimum; against the strict conjunction, which sums its groups in another order and precision, a score may differ
    /// in its last bit, so two nearly tied complete matches may swap): the complete matches answer,
    /// those missing one fill a short page, or answer relaxed when nothing is complete.
    /// </summary>
    /// <remarks>
    /// Replaces a strict search followed by an all-but-one search when fewer clauses than the page have every term:
    /// measured at a million clauses (docs/search.md, session 17).
    /// </remarks>
    public (Level Complete, Level AllButOne) SearchWithFill(Query query, int groups, Query? filter, int max, DateOnly? asOf = null, Similarity? similarity = null, CancellationToken cancellationToken = default)
    {
        var both = new CompleteAndFillCollector(groups, Math.Max(1, max), asOf is { } day ? LuceneFilter.DayNumber(day) : null);
        return Collect(query, filter, similarity, both, cancellationToken, rowIds =>
        {
            Level Of(LevelCollector level) => new(rowIds.Of(level.Top.GetTopDocs()), level.Total, level.Facets?.Facets());
            return (Of(both.Complete), Of(both.AllButOne));
        });
    }

    /// <summary>One level's best hits, its number of hits and their facets (when asked).</summary>
    public sealed record Level(List<(long RowId, float Score)> Rows, int Total, Dictionary<string, Dictionary<string, int>>? Facets);

    /// <summary>Ranks, counts and facets the hits of one level.</summary>
    private sealed class LevelCollector(int max, int? facetsDay)
    {
        public TopScoreDocCollector Top { get; } = TopScoreDocCollector.Create(max, true);

        public FacetCollector? Facets { get; private set; } = facetsDay is { } day ? new FacetCollector(day) : null;

        /// <summary>Stops counting facets (they will not be shown): the rest of the hits are only ranked and counted.</summary>
        public void DropFacets() => Facets = null;

        public int Total { get; private set; }

        public void SetScorer(Scorer scorer) => Top.SetScorer(scorer);

        public void SetNextReader(AtomicReaderContext context)
        {
            Top.SetNextReader(context);
            Facets?.SetNextReader(context);
        }

        public void Collect(int doc)
        {
            Total++;
            Top.Collect(doc);
            Facets?.Collect(doc);
        }
    }

    /// <summary>Hits with every group to one level, hits missing one to the other.</summary>
    private sealed class CompleteAndFillCollector(int groups, int max, int? facetsDay) : ICollector
    {
        private Scorer? _scorer;

        public LevelCollector Complete { get; } = new(max, facetsDay);

        public LevelCollector AllButOne { get; } = new(max, facetsDay);

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer)
        {
            _scorer = scorer;
            Complete.SetScorer(scorer);
            AllButOne.SetScorer(scorer);
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Complete.SetNextReader(context);
            AllButOne.SetNextReader(context);
        }

        public void Collect(int doc)
        {
            if (_scorer!.Freq < groups)
            {
                AllButOne.Collect(doc);
                return;
            }
            // The hits missing a group only fill the page now: their facets would never be shown.
            if (Complete.Total == 0) AllButOne.DropFacets();
            Complete.Collect(doc);
        }
    }

    /// <summary>
    /// Ranks and counts the hits matching the most groups seen so far (at most the cap): when a hit matches more than any
    /// before it, the ranking and facets start again at that level, so nothing below the answer's level is kept.
    /// </summary>
    private sealed class MostGroupsCollector(int cap, int max, int? facetsDay) : ICollector
    {
        private Scorer? _scorer;
        private AtomicReaderContext? _leaf;

        public int Level { get; private set; }

        public TopScoreDocCollector? Top { get; private set; }

        public FacetCollector? Facets { get; private set; }

        // In order: ties then fall by document order, as the level's own query ranks them.
        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer)
        {
            _scorer = scorer;
            Top?.SetScorer(scorer);
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            _leaf = context;
            Top?.SetNextReader(context);
            Facets?.SetNextReader(context);
        }

        public void Collect(int doc)
        {
            var groups = Math.Min(cap, _scorer!.Freq);
            if (groups < Level) return;
            if (groups > Level)
            {
                Level = groups;
                Top = TopScoreDocCollector.Create(max, true);
                Top.SetNextReader(_leaf!);
                Top.SetScorer(_scorer);
                Facets = facetsDay is { } day ? new FacetCollector(day) : null;
                Facets?.SetNextReader(_leaf!);
            }
            Top!.Collect(doc);
            Facets?.Collect(doc);
        }
    }

    /// <summary>The query restricted by the filter (a cached bit set, leading the query when sparse) without changing scores.</summary>
    private Query Filtered(Query query, Query? filter) =>
        filter is null ? query : new FilteredQuery(query, _filterCache.For(filter), FilterDensityStrategy.Instance);

    /// <summary>
    /// A version's documents in the order they are written: each clause, then the head document. The writer takes the
    /// documents of a block one after the other, so the thread's reused fields serve every one of them.
    /// </summary>
    private IEnumerable<Document> Block(List<ClauseDocument> clauses)
    {
        var fields = _fields.Value!;
        foreach (var d in clauses) yield return Document(fields, d);
        var h = clauses[0].Head;
        var head = IndexText.Of(string.Join(' ', new[] { h.Title, h.NoticeTitle, h.DocNumber, h.Issuer, h.Region }
            .Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal)));
        yield return fields.FillHead(clauses[0].VersionId, _analyzer.Words(head), ClauseAnalyzer.Bigrams(head));
    }

    private Document Document(ClauseDocumentFields fields, ClauseDocument d)
    {
        var text = d.Heading.Length == 0 ? d.Text : d.Heading + " " + d.Text;
        var indexText = IndexText.Of(text);
        var document = fields.Fill(d, _analyzer.Words(indexText), ClauseAnalyzer.Bigrams(indexText));
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
    /// segments are flushed larger and left unmerged until that merge, so each clause is rewritten once, not once per tier,
    /// and flushed as plain files, not copied again into a compound file the merge then reads apart (measured at a million
    /// clauses: 9,695 → 10,729–12,149 clauses/s).
    /// </summary>
    private IndexWriter OpenWriter(bool bulk = false) =>
        // The writer's analyzer only analyses the SmartCn field; the other fields arrive as token streams.
        new(_directory, new IndexWriterConfig(Version, SmartCn)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND, Similarity = Ranking, WriteLockTimeout = 120_000, RAMBufferSizeMB = bulk ? 256 : 64,
            UseCompoundFile = !bulk,
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
        _readDirectory.Dispose();
        _directory.Dispose();
    }
}
