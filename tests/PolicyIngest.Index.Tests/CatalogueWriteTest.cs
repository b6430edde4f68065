using PolicyIngest.Catalogue;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Index.Tests;

/// <summary>The unit of work of one version (IVersionWrite) and the catalogue's domain exceptions, on a real SQLite file.</summary>
public sealed class CatalogueWriteTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("policyingest-write-").FullName;

    private string DbPath => Path.Combine(_dir, "catalogue.db");

    [Theory]
    [InlineData(false)] // why: a new policy: its policy row (id from the bytes) is the first insert to clash
    [InlineData(true)]  // why: a version of a stored policy: the version row (id and sha256 from the bytes) clashes
    public void SaveVersion_SameBytesStoredByAnotherProcess_ThrowsDuplicateVersion(bool existingPolicy)
    {
        // Two stores on one file stand for two processes: each looked the bytes up before either stored them.
        using var first = new CatalogueStore(DbPath);
        using var second = new CatalogueStore(DbPath);
        var earlier = first.SaveVersion(Document("earlier", 'a'), PolicyLink.NewPolicy(), DateTimeOffset.UnixEpoch);
        var link = existingPolicy ? new PolicyLink(earlier.PolicyId, "test") : PolicyLink.NewPolicy();
        var stored = first.SaveVersion(Document("same", 'b'), link, DateTimeOffset.UnixEpoch);

        var ex = Assert.Throws<DuplicateVersionException>(() => second.SaveVersion(Document("same", 'b'), link, DateTimeOffset.UnixEpoch));

        Assert.Equal(new string('b', 64), ex.Sha256);
        Assert.Equal(stored.Id, second.FindVersionBySha(ex.Sha256)!.Id);
        var (policies, versions, _, _) = second.Counts();
        Assert.Equal(existingPolicy ? 1L : 2L, policies);
        Assert.Equal(2L, versions);
    }

    [Fact]
    public void SaveVersion_WriteThatFails_KeepsNothingOfTheVersion()
    {
        using var store = new CatalogueStore(DbPath);
        var document = Document("failing", 'c') with
        {
            Clauses = [new Clause { Id = "art1", Kind = ClauseKind.Article, Label = "第一条", Path = ["第一条"], Text = "给予贷款贴息。" }],
        };

        Assert.Throws<InvalidOperationException>(() => store.SaveVersion(document, PolicyLink.NewPolicy(), DateTimeOffset.UnixEpoch, version =>
        {
            version.SetKeys("failing", null, "key");
            version.WriteClauseTerms([.. version.Clauses().Select(c => (c.RowId, "贷款 贴息", "贷款 贴息"))]);
            throw new InvalidOperationException("the tracker failed");
        }));

        Assert.Null(store.FindVersionBySha(document.Sha256));
        Assert.Equal((0L, 0L, 0L, 0L), store.Counts());
        Assert.Equal(0L, ClauseSearchStore.CountIndexed(store));
        Assert.Empty(store.VersionsWithTextKey("key"));
    }

    private static PolicyDocument Document(string title, char sha) => new()
    {
        Source = title + ".txt", Sha256 = new string(sha, 64), Format = SourceFormat.Txt, DocType = DocType.Policy, Title = title, Clauses = [],
    };

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
