using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using PolicyIngest.Search;
using Term = Lucene.Net.Index.Term;

namespace PolicyIngest.Search.Tests;

/// <summary>
/// <see cref="HeadJoinQuery"/> against a brute-force join over random blocks (clauses, then their head), across several
/// segments, with deleted versions, filters taken as bits and as a leading iterator, and inside conjunctions (Advance).
/// </summary>
public sealed class HeadJoinQueryTest : IDisposable
{
    private static readonly string[] HeadWords = ["办法", "措施", "专精特新", "怀柔", "细则"];
    private static readonly string[] TextWords = ["贴息", "奖励", "租金", "人才"];

    private readonly RAMDirectory _directory = new();
    private readonly List<Block> _blocks = [];
    private readonly HashSet<int> _deletedVersions = [];
    private readonly DirectoryReader _reader;

    private sealed record Block(int Version, string[] Head, List<string[]> Clauses);

    public HeadJoinQueryTest()
    {
        var random = new Random(20261207);
        var config = new IndexWriterConfig(LuceneClauseIndex.Version, new WhitespaceAnalyzer(LuceneClauseIndex.Version))
        {
            MaxBufferedDocs = 40, MergePolicy = NoMergePolicy.COMPOUND_FILES,
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var v = 0; v < 60; v++)
            {
                var head = HeadWords.Where(_ => random.Next(3) == 0).ToArray();
                var clauses = Enumerable.Range(0, 1 + random.Next(6)).Select(_ => TextWords.Where(_ => random.Next(2) == 0).ToArray()).ToList();
                _blocks.Add(new Block(v, head, clauses));
                var docs = clauses.Select(c => new Document
                {
                    new StringField(LuceneFields.Version, Key(v), Field.Store.NO),
                    new TextField("text", string.Join(' ', c), Field.Store.NO),
                }).Append(new Document
                {
                    new StringField(LuceneFields.Version, Key(v), Field.Store.NO),
                    new StringField(LuceneFields.HeadMarker, LuceneFields.HeadMarkerValue, Field.Store.NO),
                    new TextField(LuceneFields.HeadJieba, string.Join(' ', head), Field.Store.NO),
                });
                writer.AddDocuments(docs);
                if (v % 7 == 3)
                {
                    // A version rewritten or removed: its whole block goes.
                    writer.DeleteDocuments(new Term(LuceneFields.Version, Key(v)));
                    _deletedVersions.Add(v);
                }
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        Assert.True(_reader.Leaves.Count > 1, "the blocks should span several segments");
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    private static string Key(int v) => "v" + v;

    /// <summary>The (version, clause) pairs a search found, through a per-document version lookup built by brute force.</summary>
    private List<(int Version, int Clause)> Found(Query query, Filter? filter = null, FilteredQuery.FilterStrategy? strategy = null)
    {
        var searcher = new IndexSearcher(_reader) { Similarity = LuceneClauseIndex.Ranking };
        var q = filter is null ? query : new FilteredQuery(query, filter, strategy ?? FilteredQuery.RANDOM_ACCESS_FILTER_STRATEGY);
        var top = searcher.Search(q, 10_000);
        var where = Positions();
        return top.ScoreDocs.Select(sd => where[sd.Doc]).Order().ToList();
    }

    /// <summary>Each live clause document's (version, clause index), walking the blocks in the order they were written.</summary>
    private Dictionary<int, (int, int)> Positions()
    {
        var map = new Dictionary<int, (int, int)>();
        var doc = 0;
        foreach (var b in _blocks)
        {
            for (var i = 0; i < b.Clauses.Count; i++) map[doc++] = (b.Version, i);
            doc++; // the head
        }
        return map;
    }

    private List<(int Version, int Clause)> Expected(Func<Block, bool> headMatches, Func<string[], bool>? clauseMatches = null) =>
        _blocks.Where(b => !_deletedVersions.Contains(b.Version) && headMatches(b))
            .SelectMany(b => b.Clauses.Select((c, i) => (b, c, i)))
            .Where(x => clauseMatches?.Invoke(x.c) ?? true)
            .Select(x => (x.b.Version, x.i)).Order().ToList();

    private static Query Head(string word) => new HeadJoinQuery(new TermQuery(new Term(LuceneFields.HeadJieba, word)));

    [Theory]
    [InlineData("办法")]
    [InlineData("专精特新")]
    [InlineData("不存在")]
    public void Join_FindsEveryLiveClauseOfEveryMatchingHead(string word) =>
        Assert.Equal(Expected(b => b.Head.Contains(word)), Found(Head(word)));

    [Theory]
    [InlineData("办法", "贴息")]
    [InlineData("怀柔", "租金")]
    [InlineData("细则", "人才")]
    public void Join_InAConjunction_AdvancesToTheClausesThatAlsoMatch(string head, string text)
    {
        var q = new BooleanQuery { { Head(head), Occur.MUST }, { new TermQuery(new Term("text", text)), Occur.MUST } };
        Assert.Equal(Expected(b => b.Head.Contains(head), c => c.Contains(text)), Found(q));
    }

    [Theory]
    [InlineData("办法", "奖励")]
    [InlineData("措施", "贴息")]
    public void Join_WithAFilter_AsBitsAndAsALeadingIterator(string head, string text)
    {
        var filter = new QueryWrapperFilter(new TermQuery(new Term("text", text)));
        var expected = Expected(b => b.Head.Contains(head), c => c.Contains(text));
        Assert.Equal(expected, Found(Head(head), filter, FilteredQuery.RANDOM_ACCESS_FILTER_STRATEGY));
        Assert.Equal(expected, Found(Head(head), filter, FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY));
        Assert.Equal(expected, Found(Head(head), filter, FilteredQuery.QUERY_FIRST_FILTER_STRATEGY));
    }

    [Fact]
    public void Join_ScoresEachClauseAsItsHeadScores()
    {
        var searcher = new IndexSearcher(_reader) { Similarity = LuceneClauseIndex.Ranking };
        var inner = new TermQuery(new Term(LuceneFields.HeadJieba, "办法"));
        // Only head documents carry the head's words, so the inner query alone finds the heads.
        var headScores = searcher.Search(inner, 10_000).ScoreDocs.ToDictionary(sd => sd.Doc, sd => sd.Score);
        var clauses = searcher.Search(new HeadJoinQuery(inner), 10_000).ScoreDocs;
        Assert.NotEmpty(clauses);
        foreach (var sd in clauses)
        {
            var head = headScores.Keys.Where(h => h > sd.Doc).Min();
            Assert.Equal(headScores[head], sd.Score, 5);
        }
    }

    [Fact]
    public void Join_KeepsTheBoostsOfItsHeadQuery()
    {
        var searcher = new IndexSearcher(_reader) { Similarity = LuceneClauseIndex.Ranking };
        float ScoreWith(float boost)
        {
            var inner = new BooleanQuery
            {
                { new TermQuery(new Term(LuceneFields.HeadJieba, "办法")) { Boost = boost }, Occur.SHOULD },
                { new TermQuery(new Term(LuceneFields.HeadJieba, "措施")) { Boost = boost }, Occur.SHOULD },
            };
            var q = new BooleanQuery { { new HeadJoinQuery(inner), Occur.SHOULD }, { new TermQuery(new Term("text", "贴息")), Occur.SHOULD } };
            return searcher.Search(q, 10_000).ScoreDocs.Where(sd => Positions()[sd.Doc] is var (v, _) && _blocks[v].Head.Contains("办法"))
                .Select(sd => sd.Score).Max();
        }
        // BM25 (the index's ranking) keeps a query's boosts in its scores (TF-IDF's query norm would cancel a lone query's).
        Assert.True(ScoreWith(2f) > ScoreWith(0.5f) + 1f);
    }

    [Fact]
    public void Join_OfAnInnerQueryMatchingClauses_ReturnsNothing() =>
        // Only a head opens a block: a clause matched by the inner query (an index written before the heads moved) joins nothing.
        Assert.Empty(Found(new HeadJoinQuery(new TermQuery(new Term("text", "贴息")))));

    [Fact]
    public void Join_NeverReturnsAHeadDocument()
    {
        var heads = new HashSet<int>(new IndexSearcher(_reader).Search(new TermQuery(new Term(LuceneFields.HeadMarker, LuceneFields.HeadMarkerValue)), 10_000)
            .ScoreDocs.Select(sd => sd.Doc));
        var any = new BooleanQuery();
        foreach (var w in HeadWords) any.Add(Head(w), Occur.SHOULD);
        Assert.DoesNotContain(new IndexSearcher(_reader).Search(any, 10_000).ScoreDocs, sd => heads.Contains(sd.Doc));
    }

    [Fact]
    public void Join_OnAnOlderReader_KeepsTheBlocksOfVersionsANewerReaderSeesDeleted()
    {
        // Three blocks in one segment; a newer reader of the same segment core sees the middle one deleted.
        using var directory = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneClauseIndex.Version, new WhitespaceAnalyzer(LuceneClauseIndex.Version));
        using var writer = new IndexWriter(directory, config);
        foreach (var (v, head) in new[] { (0, "办法"), (1, "措施"), (2, "办法") })
        {
            writer.AddDocuments(Enumerable.Range(0, 3).Select(_ => new Document
            {
                new StringField(LuceneFields.Version, Key(v), Field.Store.NO),
                new TextField("text", "贴息", Field.Store.NO),
            }).Append(new Document
            {
                new StringField(LuceneFields.Version, Key(v), Field.Store.NO),
                new StringField(LuceneFields.HeadMarker, LuceneFields.HeadMarkerValue, Field.Store.NO),
                new TextField(LuceneFields.HeadJieba, head, Field.Store.NO),
            }));
        }
        writer.Commit();
        using var older = DirectoryReader.Open(directory);
        writer.DeleteDocuments(new Term(LuceneFields.Version, Key(1)));
        writer.Commit();
        using var newer = DirectoryReader.OpenIfChanged(older)!;
        Assert.Same(older.Leaves[0].AtomicReader.CoreCacheKey, newer.Leaves[0].AtomicReader.CoreCacheKey);
        // The newer reader reads the segment's heads first; the older one must still find version 1's head there.
        Assert.Equal([0, 1, 2, 8, 9, 10], new IndexSearcher(newer).Search(Head("办法"), 100).ScoreDocs.Select(sd => sd.Doc).Order());
        Assert.Equal([0, 1, 2, 8, 9, 10], new IndexSearcher(older).Search(Head("办法"), 100).ScoreDocs.Select(sd => sd.Doc).Order());
        Assert.Equal([4, 5, 6], new IndexSearcher(older).Search(Head("措施"), 100).ScoreDocs.Select(sd => sd.Doc).Order());
        Assert.Empty(new IndexSearcher(newer).Search(Head("措施"), 100).ScoreDocs);
    }
}
