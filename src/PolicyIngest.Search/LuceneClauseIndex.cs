using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Term = Lucene.Net.Index.Term;
using PolicyIngest.Index.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PolicyIngest.Search;

/// <summary>
/// The Lucene clause index: one document per catalogue clause (row id, SmartCn words, jieba words, CJK bigrams).
/// The catalogue is the source of truth: this index holds nothing the catalogue does not, is rebuilt from it
/// (<see cref="Rebuild"/>), and every hit is resolved through the catalogue (a document whose clause row is gone is
/// dropped there). Writes are staged and become visible at <see cref="Commit"/>, which the owner calls after the
/// catalogue's unit of work has committed.
/// </summary>
public sealed class LuceneClauseIndex : IDisposable
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly ClauseAnalyzer _analyzer;
    private readonly object _gate = new();
    private DirectoryReader _reader;
    private static readonly Similarity Bm25 = new BM25Similarity();

    private LuceneClauseIndex(LuceneDirectory directory, ClauseAnalyzer analyzer)
    {
        _directory = directory;
        _analyzer = analyzer;
        SmartCn = new SmartChineseAnalyzer(Version);
        // The writer's analyzer only analyses the SmartCn field; the jieba and bigram fields arrive as token streams.
        _writer = new IndexWriter(directory, new IndexWriterConfig(Version, SmartCn) { OpenMode = OpenMode.CREATE_OR_APPEND, Similarity = Bm25 });
        _writer.Commit();
        _reader = DirectoryReader.Open(directory);
    }

    /// <summary>SmartChineseAnalyzer as the index uses it (queries go through the same instance).</summary>
    public SmartChineseAnalyzer SmartCn { get; }

    public ClauseAnalyzer ClauseAnalyzer => _analyzer;

    /// <summary>
    /// Opens (or creates) the index in <paramref name="path"/>. NIOFSDirectory on purpose: FSDirectory.Open picks
    /// MMapDirectory on 64-bit Linux, which crashes in Lucene.Net 4.8.0-beta00017 (Lucene.NET issue #1013).
    /// </summary>
    public static LuceneClauseIndex Open(string path, ClauseAnalyzer analyzer) =>
        new(new NIOFSDirectory(new DirectoryInfo(path)), analyzer);

    /// <summary>An index in memory (tests).</summary>
    public static LuceneClauseIndex InMemory(ClauseAnalyzer analyzer) => new(new RAMDirectory(), analyzer);

    /// <summary>Stages one clause (replacing any document of the same row id); visible after <see cref="Commit"/>.</summary>
    public void Stage(long rowId, string text)
    {
        var indexText = IndexText.Of(text);
        var id = rowId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var doc = new Document
        {
            new StringField(LuceneFields.RowId, id, Field.Store.YES),
            new TextField(LuceneFields.SmartCn, text, Field.Store.NO),
            new TextField(LuceneFields.Jieba, new TermListTokenStream(_analyzer.Words(indexText))),
            new TextField(LuceneFields.Grams, new TermListTokenStream(ClauseAnalyzer.Bigrams(indexText))),
        };
        _writer.UpdateDocument(new Term(LuceneFields.RowId, id), doc);
    }

    /// <summary>Stages the removal of clauses (a version absorbed or removed).</summary>
    public void StageRemoval(IEnumerable<long> rowIds)
    {
        foreach (var rowId in rowIds)
            _writer.DeleteDocuments(new Term(LuceneFields.RowId, rowId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Commits what is staged and reopens the searcher on it.</summary>
    public void Commit()
    {
        lock (_gate)
        {
            _writer.Commit();
            var reopened = DirectoryReader.OpenIfChanged(_reader);
            if (reopened is null) return;
            _reader.Dispose();
            _reader = reopened;
        }
    }

    /// <summary>Drops every document and indexes the given clauses (text = label + heading + text, what FTS5 sees), then commits.</summary>
    public void Rebuild(IEnumerable<(long RowId, string Text)> clauses)
    {
        _writer.DeleteAll();
        foreach (var (rowId, text) in clauses) Stage(rowId, text);
        Commit();
    }

    public int Count
    {
        get { lock (_gate) return _reader.NumDocs; }
    }

    /// <summary>Row ids of the best <paramref name="max"/> documents for a query, best first, with their scores.</summary>
    /// <remarks>
    /// Ranked by <paramref name="similarity"/> (BM25, k1 1.2 b 0.75, when null, as FTS5's bm25; Lucene 4.8's own default
    /// is TF-IDF). Both read the same length norms, so the choice is the searcher's alone.
    /// </remarks>
    public List<(long RowId, float Score)> Top(Query query, int max, Similarity? similarity = null)
    {
        IndexSearcher searcher;
        lock (_gate) searcher = new IndexSearcher(_reader) { Similarity = similarity ?? Bm25 };
        var top = searcher.Search(query, Math.Max(1, max));
        var rows = new List<(long, float)>(top.ScoreDocs.Length);
        foreach (var sd in top.ScoreDocs)
            rows.Add((long.Parse(searcher.Doc(sd.Doc).Get(LuceneFields.RowId), System.Globalization.CultureInfo.InvariantCulture), sd.Score));
        return rows;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
        SmartCn.Dispose();
        _directory.Dispose();
    }
}
