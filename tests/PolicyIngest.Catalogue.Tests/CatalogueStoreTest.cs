using PolicyIngest.Catalogue.Reads;
using PolicyIngest.Core.Json;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Catalogue.Tests;

/// <summary>
/// The catalogue stores on every engine (issue #20): what is saved comes back the same — Chinese text unchanged, money as
/// exact decimals, dates as <see cref="DateOnly"/> — and the look-ups, upserts and the change log behave alike.
/// </summary>
public sealed class CatalogueStoreTest
{
    public static TheoryData<string> Implementations => CatalogueImplementations.Names;

    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static PolicyDocument Policy(char sha, string title = "怀柔区促进先进制造业高质量发展扶持办法") => new()
    {
        Source = $"{sha}.docx", Sha256 = new string(sha, 64), Format = SourceFormat.Docx, DocType = DocType.Policy, Title = title,
        DocNumber = "怀经信发〔2025〕35号", Issuer = "北京市怀柔区经济和信息化局", Region = "北京市怀柔区",
        IssuedOn = new DateOnly(2025, 6, 18), EffectiveFrom = new DateOnly(2025, 7, 1), ExpiresOn = new DateOnly(2027, 6, 30),
        Clauses =
        [
            new Clause { Id = "art1", Kind = ClauseKind.Article, Label = "第一条", Path = ["第一条"], Text = "为促进先进制造业高质量发展，制定本办法。" },
            new Clause
            {
                Id = "art2", Kind = ClauseKind.Article, Label = "第二条", Path = ["第二条"], Heading = "资金支持",
                Text = "对新认定的企业给予最高200万元奖励，贷款贴息比例为0.35%至1.5%。", Category = "support", CategoryConfidence = 0.875,
                Instruments = ["grant"], Industries = ["manufacturing"],
            },
        ],
        Amounts =
        [
            new MonetaryAmount { ClauseId = "art2", Article = "第二条", Text = "最高200万元", Yuan = 2_000_000m, Role = AmountRole.Cap },
            new MonetaryAmount { ClauseId = "art2", Article = "第二条", Text = "100万至300.25万元", Yuan = 1_000_000m, YuanHigh = 3_002_500.5m, Role = AmountRole.Range },
        ],
        Rates = [new Rate { ClauseId = "art2", Article = "第二条", Text = "0.35%至1.5%", Percent = 0.35m, PercentHigh = 1.5m, Role = RateRole.Rate }],
        Validity = new Validity { ExpiresOn = new ValidityBasis("有效期至", "本办法有效期至2027年6月30日。", "art1") },
    };

    [Theory]
    [MemberData(nameof(Implementations))]
    public void SaveVersion_ThenFind_GivesTheVersionAndDocumentBack(string implementation)
    {
        using var catalogue = CatalogueImplementations.Create(implementation);
        using var store = catalogue.Open();
        var document = Policy('a');

        var saved = store.SaveVersion(document, PolicyLink.NewPolicy(), Now);

        Assert.Equal(1, saved.Seq);
        Assert.Equal(saved, store.FindVersionBySha(document.Sha256));
        Assert.Equal(saved, store.FindVersion(saved.Id));
        Assert.Equal(saved, store.FindLatestVersionBySource("a.docx"));
        Assert.Equal([saved], store.VersionsOf(saved.PolicyId));
        // why: the whole document, Chinese text included, comes back as stored (records hold lists: compared as JSON)
        Assert.Equal(PolicyJson.Serialize(document, indented: false), PolicyJson.Serialize(store.LoadDocument(saved.Id)!, indented: false));
        Assert.Equal((1L, 1L, 2L, 2L), store.Counts());
        Assert.Null(store.FindVersion("vmissing"));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Amounts_ComeBackAsExactDecimals(string implementation)
    {
        using var catalogue = CatalogueImplementations.Create(implementation);
        using var store = catalogue.Open();
        store.SaveVersion(Policy('a'), PolicyLink.NewPolicy(), Now);

        var amounts = new CatalogueReader(store).Amounts(VersionScope.All).ToList();

        Assert.Equal([2_000_000m, 1_000_000m], amounts.Select(a => a.Yuan));
        Assert.Equal([null, 3_002_500.5m], amounts.Select(a => a.YuanHigh));
        // why: the canonical text of the stored value, the same on both engines (numeric keeps no trailing zeros here)
        Assert.Equal(["2000000", "1000000"], amounts.Select(a => a.Yuan.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("最高200万元", amounts[0].Text);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void VersionRows_ReadBackDatesAndStatus(string implementation)
    {
        using var catalogue = CatalogueImplementations.Create(implementation);
        using var store = catalogue.Open();
        var first = store.SaveVersion(Policy('a'), PolicyLink.NewPolicy(), Now);
        var second = store.SaveVersion(Policy('b') with { IssuedOn = new DateOnly(2026, 1, 5) }, new PolicyLink(first.PolicyId, "同题"), Now.AddDays(1),
            w => w.SetSupersededBy(first.Id, w.VersionId, "被新版本取代"));
        var reader = new CatalogueReader(store);
        var track = new TrackStore(store);

        var old = reader.Version(first.Id, Today)!;
        Assert.Equal(new DateOnly(2025, 6, 18), old.IssuedOn);
        Assert.Equal(new DateOnly(2027, 6, 30), old.ExpiresOn);
        Assert.Equal("amended", old.Status);
        Assert.Equal(second.Id, old.SupersededBy);
        Assert.Equal(2, old.ClauseCount);
        Assert.Equal("in_force", reader.Version(second.Id, Today)!.Status);
        Assert.Equal("expired", reader.Version(second.Id, new DateOnly(2027, 7, 1))!.Status);
        Assert.Equal(2, second.Seq);
        Assert.Equal([first.Id, second.Id], track.VersionsOf(first.PolicyId, Today).Select(v => v.Id));
        Assert.Equal(second.Id, reader.CurrentVersionId(first.PolicyId));
        Assert.Equal([second.Id], reader.Versions(Today, VersionScope.Current).Select(v => v.VersionId));
        Assert.Equal([second.Id], track.IngestedSince(Now.AddHours(1), Today).Select(v => v.Id));
        Assert.Equal([second.Id], track.ExpiringWithin(new DateOnly(2027, 6, 1), 60).Select(v => v.Id));
        Assert.Equal(first.Id, track.Version(first.Id, Today)!.Id);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Reports_AreReplacedNotDuplicated(string implementation)
    {
        using var catalogue = CatalogueImplementations.Create(implementation);
        using var store = catalogue.Open();
        var first = store.SaveVersion(Policy('a'), PolicyLink.NewPolicy(), Now);
        var second = store.SaveVersion(Policy('b'), new PolicyLink(first.PolicyId, "同题"), Now);
        var track = new TrackStore(store);

        track.AddReport(second.Id, "revised", first.Id, "reports/old.html", Now);
        track.AddReport(second.Id, "revised", first.Id, "reports/新旧对照.html", Now.AddMinutes(1));

        var report = Assert.Single(track.ReportsOf(second.Id));
        Assert.Equal("reports/新旧对照.html", report.Path);
        Assert.Equal("reports/新旧对照.html", track.ReportFor(first.Id, "revised"));
        track.RemoveReports(second.Id, "revised");
        Assert.Empty(track.ReportsOf(second.Id));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void VersionFiles_AreKeptOnce_AndFoundByTheirBytes(string implementation)
    {
        using var catalogue = CatalogueImplementations.Create(implementation);
        using var store = catalogue.Open();
        var saved = store.SaveVersion(Policy('a'), PolicyLink.NewPolicy(), Now);
        var pdf = new string('f', 64);

        store.AddVersionFile(saved.Id, pdf, "a.pdf", "pdf", Now);
        store.AddVersionFile(saved.Id, pdf, "again.pdf", "pdf", Now);   // why: the same bytes again are ignored, not an error

        Assert.Equal([(pdf, "a.pdf", "pdf", Now.ToString("O"), VersionFileRoles.Rendition)], store.FilesOf(saved.Id));
        Assert.Equal(saved.Id, store.FindVersionBySha(pdf)!.Id);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void AbsorbPart_FoldsTheVersionIntoTheWhole_AndLogsItsRemoval(string implementation)
    {
        using var catalogue = CatalogueImplementations.Create(implementation);
        using var store = catalogue.Open();
        var part = store.SaveVersion(Policy('a', "印发通知"), PolicyLink.NewPolicy(), Now);
        var whole = store.SaveVersion(Policy('b'), PolicyLink.NewPolicy(), Now, w => w.AbsorbPart(part.Id));

        Assert.Null(store.FindVersion(part.Id));
        Assert.Equal(whole.Id, store.FindVersionBySha(part.Sha256)!.Id);
        Assert.Equal(VersionFileRoles.Part, Assert.Single(store.FilesOf(whole.Id)).Role);
        var changes = new CatalogueClauseFeed(store).ChangesAfter(0, 10);
        Assert.Equal([(part.Id, "stored"), (whole.Id, "stored"), (part.Id, "removed")], changes.Select(c => (c.VersionId, c.Kind)));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Validity_IsStoredAndChangedByALaterVersion(string implementation)
    {
        using var catalogue = CatalogueImplementations.Create(implementation);
        using var store = catalogue.Open();
        var validity = new ValidityStore(store);
        var first = store.SaveVersion(Policy('a'), PolicyLink.NewPolicy(), Now);

        var stored = validity.Of(first.Id)!;
        Assert.Equal("本办法有效期至2027年6月30日。", stored.ExpiresOn!.Sentence);
        Assert.Equal(new DateOnly(2027, 6, 30), stored.StatedExpiresOn);

        var later = store.SaveVersion(Policy('b', "关于延长有关政策有效期的通知"), PolicyLink.NewPolicy(), Now,
            w => w.SetExpiresOn(first.Id, new DateOnly(2028, 12, 31), w.VersionId, "有效期延长至2028年12月31日"));

        var changed = validity.Of(first.Id)!;
        Assert.Equal(later.Id, changed.ChangedBy);
        Assert.Equal(new DateOnly(2027, 6, 30), changed.StatedExpiresOn);
        Assert.Equal(new DateOnly(2028, 12, 31), new TrackStore(store).Version(first.Id, Today)!.ExpiresOn);
        Assert.Null(validity.Of("vmissing"));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void FetchStore_UpsertsStateRunsAndItems(string implementation)
    {
        using var catalogue = CatalogueImplementations.Create(implementation);
        using var store = catalogue.Open();
        var fetch = new FetchStore(store);
        const string url = "http://127.0.0.1/政策/1.html";

        fetch.SaveState(url, "demo", "portal", "\"e1\"", null, new string('a', 64), "html", Now);
        fetch.SaveState(url, "demo", "portal", "\"e2\"", "Tue, 01 Jul 2025 00:00:00 GMT", new string('b', 64), "html", Now.AddHours(1));
        fetch.TouchState(url, Now.AddHours(2));
        fetch.RecordArchived(new string('b', 64), url, "archive/bb/b", 1234, "text/html", "html", "run1", Now);
        fetch.RecordArchived(new string('b', 64), url, "archive/bb/b", 1234, "text/html", "html", "run2", Now.AddHours(1));
        fetch.StartRun("run1", "demo", "cli", Now, "node-a-4242");
        fetch.RecordItem(new FetchRunItem("run1", url, "portal", "failed", 500, null, null, "HTTP 500", Now));
        fetch.RecordItem(new FetchRunItem("run1", url, "portal", "new", 200, new string('b', 64), "vbbbbbbbbbbbb", null, Now.AddMinutes(1)));
        fetch.FinishRun("run1", "done", new RunCounts(1, 0, 0, 0), [], ["reports/a.html"], Now.AddMinutes(2));

        var state = fetch.FindState(url)!;
        Assert.Equal(("\"e2\"", new string('b', 64)), (state.ETag, state.Sha256));
        Assert.Equal(Now.AddHours(1), state.FetchedAt);
        Assert.Equal(Now.AddHours(2), state.CheckedAt);
        Assert.Equal("run1", Assert.Single(fetch.ArchiveEntries(new string('b', 64))).RunId);
        var run = Assert.Single(fetch.Runs(Now.AddMinutes(-1)));
        Assert.Equal(("done", new RunCounts(1, 0, 0, 0), Now.AddMinutes(2)), (run.Status, run.Counts, run.EndedAt));
        Assert.Equal(["reports/a.html"], run.Reports);
        Assert.Equal("node-a-4242", run.Node);
        var item = Assert.Single(fetch.RunItems("run1"));
        Assert.Equal(("new", (int?)200), (item.Outcome, item.HttpStatus));
        Assert.Empty(fetch.Runs(Now.AddMinutes(1)));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Feed_GivesEveryChangeInOrder_AndTheClauseDocuments(string implementation)
    {
        using var catalogue = CatalogueImplementations.Create(implementation);
        using var store = catalogue.Open();
        var feed = new CatalogueClauseFeed(store);
        var empty = feed.Position();
        Assert.Equal(0L, empty.LatestChange);

        var first = store.SaveVersion(Policy('a'), PolicyLink.NewPolicy(), Now);
        var second = store.SaveVersion(Policy('b'), new PolicyLink(first.PolicyId, "同题"), Now,
            w => w.SetSupersededBy(first.Id, w.VersionId, "被新版本取代"));

        var changes = feed.ChangesAfter(0, 100);
        Assert.Equal([(first.Id, "stored"), (second.Id, "stored"), (first.Id, "updated")], changes.Select(c => (c.VersionId, c.Kind)));
        Assert.True(changes.Zip(changes.Skip(1)).All(p => p.First.Seq < p.Second.Seq));
        Assert.Equal(new CataloguePosition(empty.CatalogueId, changes[^1].Seq), feed.Position());
        Assert.Equal(changes.Skip(1), feed.ChangesAfter(changes[0].Seq, 100));
        Assert.Single(feed.ChangesAfter(0, 1));

        var documents = feed.ClauseDocuments([first.Id]);
        Assert.Equal(["第一条", "第二条 资金支持"], documents.Select(d => d.Heading));
        var art2 = documents[1];
        Assert.Equal("对新认定的企业给予最高200万元奖励，贷款贴息比例为0.35%至1.5%。", art2.Text);
        Assert.Equal(new VersionHead("怀柔区促进先进制造业高质量发展扶持办法", null, "怀经信发〔2025〕35号", "北京市怀柔区经济和信息化局", "北京市怀柔区"), art2.Head);
        Assert.Equal(("support", new DateOnly(2025, 6, 18), true, false), (art2.Facts.Category, art2.Facts.IssuedOn, art2.Facts.Superseded, art2.Facts.Repealed));
        Assert.Equal(["grant"], art2.Facts.Instruments);
        // why: the largest amount of the clause, in fen, is the upper end of the range (3,002,500.5 元), above the cap's 200万元
        Assert.Equal(300_250_050L, art2.Facts.MaxAmountFen);
        Assert.Null(documents[0].Facts.MaxAmountFen);
        Assert.Equal(4L, feed.ClauseCount());
        Assert.Empty(feed.ClauseDocuments(["vmissing"]));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void PipelineLock_OneRunAtATime_AmongProcessesAndWithinOne(string implementation)
    {
        using var catalogue = CatalogueImplementations.Create(implementation);
        using var one = catalogue.Open();
        using var other = catalogue.Open();   // another process on the same catalogue

        var held = one.TryLockPipeline("daily");

        Assert.NotNull(held);
        Assert.Null(other.TryLockPipeline("daily"));
        Assert.Null(one.TryLockPipeline("daily"));          // a second run in the same process waits its turn too
        using (var weekly = other.TryLockPipeline("weekly")) Assert.NotNull(weekly);
        held.Dispose();
        using var next = other.TryLockPipeline("daily");
        Assert.NotNull(next);
    }
}
