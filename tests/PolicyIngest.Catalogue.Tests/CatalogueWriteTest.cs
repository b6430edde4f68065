using PolicyIngest.Core.Model;

namespace PolicyIngest.Catalogue.Tests;

/// <summary>The unit of work of one version (IVersionWrite) and the catalogue's domain exceptions, on every catalogue implementation.</summary>
public sealed class CatalogueWriteTest
{
    public static TheoryData<string, bool> ExistingPolicy => CatalogueImplementations.With(
        false,  // why: a new policy: its policy row (id from the bytes) is the first insert to clash
        true);  // why: a version of a stored policy: the version row (id and sha256 from the bytes) clashes

    public static TheoryData<string> Implementations => CatalogueImplementations.Names;

    [Theory]
    [MemberData(nameof(ExistingPolicy))]
    public void SaveVersion_SameBytesStoredByAnotherProcess_ThrowsDuplicateVersion(string implementation, bool existingPolicy)
    {
        using var catalogue = CatalogueImplementations.Create(implementation);
        // Two stores on one catalogue stand for two processes: each looked the bytes up before either stored them.
        using var first = catalogue.Open();
        using var second = catalogue.Open();
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

    [Theory]
    [MemberData(nameof(Implementations))]
    public void SaveVersion_WriteThatFails_KeepsNothingOfTheVersion(string implementation)
    {
        using var catalogue = CatalogueImplementations.Create(implementation);
        using var store = catalogue.Open();
        var document = Document("failing", 'c') with
        {
            Clauses = [new Clause { Id = "art1", Kind = ClauseKind.Article, Label = "第一条", Path = ["第一条"], Text = "给予贷款贴息。" }],
        };

        Assert.Throws<InvalidOperationException>(() => store.SaveVersion(document, PolicyLink.NewPolicy(), DateTimeOffset.UnixEpoch, version =>
        {
            version.SetKeys("failing", null, "key");
            if (store.KeepsClauseTerms) version.WriteClauseTerms([.. version.Clauses().Select(c => (c.RowId, "贷款 贴息", "贷款 贴息"))]);
            throw new InvalidOperationException("the tracker failed");
        }));

        Assert.Null(store.FindVersionBySha(document.Sha256));
        Assert.Equal((0L, 0L, 0L, 0L), store.Counts());
        if (store.KeepsClauseTerms) Assert.Equal(0L, ClauseSearchStore.CountIndexed(store));
        Assert.Empty(store.VersionsWithTextKey("key"));
        // why: the change log is written by triggers in the same transaction: nothing of the failed version is left for an index
        Assert.Empty(new CatalogueClauseFeed(store).ChangesAfter(0, 10));
    }

    private static PolicyDocument Document(string title, char sha) => new()
    {
        Source = title + ".txt", Sha256 = new string(sha, 64), Format = SourceFormat.Txt, DocType = DocType.Policy, Title = title, Clauses = [],
    };
}
