using PolicyIngest.Catalogue;
using PolicyIngest.Core.Model;
using PolicyIngest.Index.Search;

namespace PolicyIngest.Search.Tests;

/// <summary>
/// Issue #20: a PostgreSQL catalogue shared by several nodes, each serving search from its own Lucene index that follows
/// the catalogue's change log — a write on one node is found on another, and a node started later catches up from zero.
/// </summary>
[Collection(SegmenterFixture.Collection)]
public sealed class SharedCatalogueIndexTest(SegmenterFixture fixture) : IDisposable
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private readonly PostgresDatabase _database = PostgresServer.Shared.CreateDatabase();
    private readonly TempDir _dir = new("policyingest-shared-index-");

    [Fact]
    public void EveryNode_FindsWhatAnyNodeStored_AndALateNodeCatchesUp()
    {
        using var writer = Node("a");
        using var reader = Node("b");
        writer.Catalogue.SaveVersion(Doc("a1", "怀经信发〔2025〕35号", "对企业贷款给予贴息支持，贴息比例不超过贷款利息的50%。"), PolicyLink.NewPolicy(), DateTimeOffset.UnixEpoch);
        Assert.Equal(["怀经信发〔2025〕35号/art1"], Hits(reader, "贴息"));

        writer.Catalogue.SaveVersion(Doc("b1", "顺政发〔2025〕3号", "贴息期限最长不超过2年。"), PolicyLink.NewPolicy(), DateTimeOffset.UnixEpoch);
        Assert.Equal(["怀经信发〔2025〕35号/art1", "顺政发〔2025〕3号/art1"], Hits(reader, "贴息"));

        using var late = Node("c");
        Assert.Equal(Hits(reader, "贴息"), Hits(late, "贴息"));
        Assert.True(late.Index.IsCurrent(new CatalogueClauseFeed(late.Catalogue).Position()));
        Assert.Equal(2, late.Index.Count);
    }

    private sealed record SearchNode(CatalogueStore Catalogue, LuceneClauseIndex Index, ISearchIndex Search) : IDisposable
    {
        public void Dispose()
        {
            Index.Dispose();
            Catalogue.Dispose();
        }
    }

    /// <summary>One node: its own connection to the shared catalogue, its own data directory and index.</summary>
    private SearchNode Node(string name)
    {
        var catalogue = new CatalogueStore(_database.Url, Path.Combine(_dir.Path, name));
        var index = LuceneClauseIndex.Open(catalogue.SearchIndexPath, new ClauseAnalyzer(fixture.Segmenter));
        return new SearchNode(catalogue, index, new LuceneSearchIndex(catalogue, index, new LuceneQueryBuilder(index, LuceneEngine.All)));
    }

    private static string[] Hits(SearchNode node, string query) =>
        [.. node.Search.Search(new SearchRequest { Query = query, Filter = new ClauseFilter { AsOf = Today } }).Hits
            .Select(h => h.DocNumber + "/" + h.ClauseId).Order(StringComparer.Ordinal)];

    private static PolicyDocument Doc(string key, string docNumber, string text) => new()
    {
        Source = key + ".txt", Sha256 = (key + new string('0', 64))[..64], Format = SourceFormat.Txt, DocType = DocType.Policy,
        Title = "政策" + key, Region = "北京市", DocNumber = docNumber, IssuedOn = new DateOnly(2025, 1, 1),
        Clauses = [new Clause { Id = "art1", Kind = ClauseKind.Article, Label = "第一条", Path = ["第一条"], Text = text }],
    };

    public void Dispose()
    {
        _database.Dispose();
        _dir.Dispose();
    }
}
