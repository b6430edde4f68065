using System.Security.Cryptography;
using System.Text;
using PolicyIngest.Catalogue;
using PolicyIngest.Core.Model;
using PolicyIngest.Ingest;

namespace PolicyIngest.Track.Tests;

/// <summary>Linking, repeals, status and change reports on a real SQLite catalogue in a temporary folder.</summary>
public sealed class VersionCatalogueTest : IDisposable
{
    private readonly TrackCatalogue _track = new();
    private string _dir => _track.Folder;
    private FixedClock _clock => _track.Clock;
    private CatalogueStore _catalogue => _track.Catalogue;
    private IngestService _ingest => _track.Ingest;
    private TrackStore _store => _track.Store;

    public void Dispose() => _track.Dispose();

    private static PolicyDocument Doc(string source, string title, string? docNumber, string? issuer, DateOnly? issued, string body,
        DateOnly? expires = null, DateOnly? effective = null, params DocRef[] repeals) => new()
    {
        Source = source, Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source + title + body))),
        Format = SourceFormat.Txt, DocType = DocType.Policy, Title = title, DocNumber = docNumber, Issuer = issuer, IssuedOn = issued,
        ExpiresOn = expires, EffectiveFrom = effective, Repeals = repeals,
        Clauses =
        [
            new Clause { Id = "art1", Kind = ClauseKind.Article, Label = "第一条", Path = ["第一条"], Text = "为促进产业发展，制定本办法。" },
            new Clause { Id = "art2", Kind = ClauseKind.Article, Label = "第二条", Path = ["第二条"], Text = body },
        ],
        Amounts = [new MonetaryAmount { ClauseId = "art2", Article = "第二条", Text = body[(body.IndexOf("给予", StringComparison.Ordinal) + 2)..body.IndexOf("元", StringComparison.Ordinal)] + "元", Yuan = Yuan(body), Role = AmountRole.Fixed }],
    };

    private static decimal Yuan(string body)
    {
        var s = body[(body.IndexOf("给予", StringComparison.Ordinal) + 2)..body.IndexOf("万元", StringComparison.Ordinal)];
        return decimal.Parse(s) * 10_000m;
    }

    private TrackedVersion V(string id, DateOnly? asOf = null) => _store.Version(id, asOf ?? new DateOnly(2025, 6, 1))!;

    [Fact]
    public void SameTextInAnotherFile_IsAnotherFileOfTheVersion_NotARevision()
    {
        var html = _ingest.Store(Doc("https://gov.example/a.html", "怀柔区促进产业发展办法", "怀政发〔2023〕1号", "怀柔区人民政府", new(2023, 1, 5), "对企业给予30万元支持。"));
        // why: the PDF of the same notice reads the same text (its 发文字号 missed by the reader does not contradict)
        var pdf = _ingest.Store(Doc("https://gov.example/a.pdf", "怀柔区促进产业发展办法", null, "怀柔区人民政府", new(2023, 1, 5), "对企业给予30万元支持。"));

        Assert.Equal(IngestOutcome.Unchanged, pdf.Outcome);
        Assert.Equal(html.VersionId, pdf.VersionId);
        Assert.Contains("同一版本的另一文件", pdf.LinkReason);
        Assert.Empty(pdf.Reports ?? []);
        Assert.Single(_catalogue.VersionsOf(html.PolicyId!));
        Assert.Equal("in_force", V(html.VersionId!).Status);
        Assert.Equal("https://gov.example/a.pdf", Assert.Single(_catalogue.FilesOf(html.VersionId!)).Source);
        // why: the same bytes again are found by their hash, as any catalogued file
        Assert.Equal(html.VersionId, _catalogue.FindVersionBySha(Doc("https://gov.example/a.pdf", "怀柔区促进产业发展办法", null, "怀柔区人民政府", new(2023, 1, 5), "对企业给予30万元支持。").Sha256)!.Id);
    }

    [Fact]
    public void SameTextWithAnotherIssueDate_IsARevision()
    {
        // why: a policy re-issued word for word under a new date is a new version (its validity may differ)
        var first = _ingest.Store(Doc("https://gov.example/a.html", "怀柔区促进产业发展办法", "怀政发〔2023〕1号", "怀柔区人民政府", new(2023, 1, 5), "对企业给予30万元支持。"));
        var again = _ingest.Store(Doc("https://gov.example/b.html", "怀柔区促进产业发展办法", "怀政发〔2025〕1号", "怀柔区人民政府", new(2025, 1, 5), "对企业给予30万元支持。"));
        Assert.Equal(IngestOutcome.NewVersion, again.Outcome);
        Assert.Equal(first.PolicyId, again.PolicyId);
    }

    [Fact]
    public void SameSourceNewBytes_IsNewVersion_AndTheOldOneIsAmended_WithAReport()
    {
        var first = _ingest.Store(Doc("https://gov.example/a.html", "怀柔区促进产业发展办法", "怀政发〔2023〕1号", "怀柔区人民政府", new(2023, 1, 5), "对企业给予30万元支持。"));
        _clock.Now = _clock.Now.AddDays(1);
        var second = _ingest.Store(Doc("https://gov.example/a.html", "怀柔区促进产业发展办法", "怀政发〔2025〕2号", "怀柔区人民政府", new(2025, 5, 1), "对企业给予50万元支持。"));

        Assert.Equal(IngestOutcome.New, first.Outcome);
        Assert.Equal(IngestOutcome.NewVersion, second.Outcome);
        Assert.Equal(first.PolicyId, second.PolicyId);
        Assert.Contains("来源相同", second.LinkReason);
        Assert.Equal("amended", V(first.VersionId!).Status);
        Assert.Equal(second.VersionId, V(first.VersionId!).SupersededBy);
        Assert.Equal("in_force", V(second.VersionId!).Status);
        var report = Assert.Single(second.Reports!);
        Assert.True(File.Exists(report));
        Assert.Contains("30万元", File.ReadAllText(report));
        Assert.Equal(Path.Combine(_dir, "reports"), Path.GetDirectoryName(report));
    }

    [Fact]
    public void RepealByDocNumber_LinksAndRepeals_InEitherOrder()
    {
        var old = Doc("https://gov.example/old.html", "昌平区支持企业发展办法", "昌政办发〔2024〕5号", "昌平区人民政府办公室", new(2024, 3, 1), "对企业给予20万元支持。");
        var repealer = Doc("https://gov.example/new.html", "昌平区促进高精尖产业发展若干措施", "昌政办发〔2025〕9号", "昌平区人民政府办公室", new(2025, 4, 1),
            "对企业给予40万元支持。", repeals: new DocRef("昌平区支持企业发展办法", "昌政办发[2024]5 号", "《昌平区支持企业发展办法》（昌政办发〔2024〕5号）同时废止"));

        // why: the repealing document arrives first; the repealed one must still end up repealed and in the same policy.
        var a = _ingest.Store(repealer);
        var b = _ingest.Store(old);
        Assert.Equal(a.PolicyId, b.PolicyId);
        Assert.Contains("被先行入库的", b.LinkReason);
        Assert.Equal("repealed", V(b.VersionId!).Status);
        Assert.Equal(a.VersionId, V(b.VersionId!).RepealedBy);
        Assert.Equal("in_force", V(a.VersionId!).Status);
    }

    [Theory]
    // why: the repealed file's 发文字号 was not read (a repost without its 版头): the title decides, whichever arrives first.
    [InlineData(null, true, true)]
    [InlineData(null, false, true)]
    // why: a version of the same title under another 发文字号 is another document: not repealed, in either order.
    [InlineData("昌政办发〔2019〕2号", true, false)]
    [InlineData("昌政办发〔2019〕2号", false, false)]
    public void RepealByTitle_SameOutcome_InEitherOrder(string? oldNumber, bool repealerFirst, bool repealed)
    {
        var old = Doc("https://gov.example/old.html", "昌平区支持企业发展办法", oldNumber, "昌平区人民政府办公室", new(2024, 3, 1), "对企业给予20万元支持。");
        var repealer = Doc("https://gov.example/new.html", "昌平区促进高精尖产业发展若干措施", "昌政办发〔2025〕9号", "昌平区人民政府办公室", new(2025, 4, 1),
            "对企业给予40万元支持。", repeals: new DocRef("昌平区支持企业发展办法", "昌政办发〔2024〕5号", "《昌平区支持企业发展办法》（昌政办发〔2024〕5号）同时废止"));
        var (first, second) = repealerFirst ? (repealer, old) : (old, repealer);
        var a = _ingest.Store(first);
        _clock.Now = _clock.Now.AddMinutes(1);
        var b = _ingest.Store(second);
        var oldId = repealerFirst ? b.VersionId! : a.VersionId!;
        Assert.Equal(repealed ? "repealed" : "in_force", V(oldId).Status);
    }

    [Fact]
    public void RepealByDocNumber_RepealedFirst_IsLinkedAndReported()
    {
        var old = _ingest.Store(Doc("https://gov.example/old.html", "昌平区支持企业发展办法", "昌政办发〔2024〕5号", "昌平区人民政府办公室", new(2024, 3, 1), "对企业给予20万元支持。"));
        _clock.Now = _clock.Now.AddDays(2);
        var repealer = _ingest.Store(Doc("https://gov.example/new.html", "昌平区促进高精尖产业发展若干措施", "昌政办发〔2025〕9号", "昌平区人民政府办公室", new(2025, 4, 1),
            "对企业给予40万元支持。", repeals: new DocRef(null, "昌政办发〔2024〕5号", "昌政办发〔2024〕5号同时废止")));

        Assert.Equal(old.PolicyId, repealer.PolicyId);
        Assert.StartsWith("废止 v", repealer.LinkReason);
        Assert.Equal("repealed", V(old.VersionId!).Status);
        Assert.Contains("同时废止", V(old.VersionId!).StatusReason);
        Assert.Single(repealer.Reports!);
        var changes = ChangeLog.Collect(_store, new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 5));
        Assert.Contains(changes, c => c.Kind == "repealed" && c.VersionId == old.VersionId && c.Report is not null);
        Assert.Contains(changes, c => c.Kind == "revised" && c.VersionId == repealer.VersionId);
    }

    [Fact]
    public void TitleAndIssuer_AfterNormalising_LinkVersions_OtherIssuerDoesNot()
    {
        var trial = _ingest.Store(Doc("https://a.example/1", "2022年怀柔区科技创新扶持办法（试行）", "怀科发〔2022〕3号", "怀柔区科学技术委员会", new(2022, 2, 1), "对企业给予10万元支持。"));
        var revised = _ingest.Store(Doc("https://a.example/2", "怀柔区科技创新扶持办法 （2024年修订）", "怀科发〔2024〕7号", "怀柔区科学技术委员会", new(2024, 2, 1), "对企业给予15万元支持。"));
        var other = _ingest.Store(Doc("https://b.example/3", "怀柔区科技创新扶持办法", "密科发〔2024〕1号", "密云区科学技术委员会", new(2024, 3, 1), "对企业给予5万元支持。"));

        Assert.Equal(trial.PolicyId, revised.PolicyId);
        Assert.Contains("同题同发文机关", revised.LinkReason);
        Assert.NotEqual(trial.PolicyId, other.PolicyId);
        Assert.Equal("amended", V(trial.VersionId!).Status);
    }

    [Fact]
    public void Status_FollowsTheDate_AndExpiringListsPoliciesEndingSoon()
    {
        var v = _ingest.Store(Doc("https://c.example/1", "密云区促进消费若干措施", null, "密云区商务局", new(2025, 1, 1), "对企业给予8万元支持。",
            expires: new DateOnly(2025, 6, 30), effective: new DateOnly(2025, 2, 1)));

        // why: before effectiveFrom → not_yet_effective; inside the window → in_force; after expiresOn → expired.
        Assert.Equal("not_yet_effective", V(v.VersionId!, new DateOnly(2025, 1, 15)).Status);
        Assert.Equal("in_force", V(v.VersionId!, new DateOnly(2025, 6, 30)).Status);
        Assert.Equal("expired", V(v.VersionId!, new DateOnly(2025, 7, 1)).Status);
        Assert.Single(_store.ExpiringWithin(new DateOnly(2025, 6, 1), 30));
        Assert.Empty(_store.ExpiringWithin(new DateOnly(2025, 6, 1), 10));
        var changes = ChangeLog.Collect(_store, new DateOnly(2025, 6, 15), new DateOnly(2025, 7, 10));
        Assert.Contains(changes, c => c.Kind == "expired" && c.VersionId == v.VersionId);
    }
}
