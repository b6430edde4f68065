using PolicyIngest.Catalogue;
using PolicyIngest.Ingest;

namespace PolicyIngest.Track.Tests;

/// <summary>
/// Renditions, parts and late-arriving versions on a real SQLite catalogue, with real files read by the pipeline:
/// the seed policy as DOCX, PDF, its notice page and a scanned copy of the notice; the 反垄断法 2007 and 2022 texts.
/// </summary>
public sealed class RenditionCatalogueTest : IDisposable
{
    private readonly TempDir _dir = new("policyingest-renditions-");
    private readonly FixedClock _clock = new(new DateTimeOffset(2025, 8, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly CatalogueStore _catalogue;
    private readonly IngestService _ingest;
    private readonly TrackStore _store;

    public RenditionCatalogueTest()
    {
        _catalogue = new CatalogueStore(_dir.File("cat.db"));
        _ingest = new IngestService(TestServices.Instance.CreateProcessor(), _catalogue, new VersionLinker(_clock), null, _clock,
            VersionTracker.For(_catalogue, _clock));
        _store = new TrackStore(_catalogue);
    }

    public void Dispose()
    {
        _catalogue.Dispose();
        _dir.Dispose();
    }

    private static string Corpus(string relative) => RepositoryPaths.CorpusFile(relative);

    private IngestResult Ingest(string relative)
    {
        _clock.Now = _clock.Now.AddMinutes(1);
        return _ingest.IngestFile(Corpus(relative));
    }

    [Fact]
    public void NoticePageAfterTheWhole_IsAPartOfItsVersion()
    {
        var whole = Ingest("seeds/000_huairou-fuchi-banfa.docx");
        var notice = Ingest("special/000_notice-page.docx");
        var scanned = Ingest("special/000_scanned-notice.pdf");

        // why: the notice page holds only the 印发 notice of the version already catalogued: a part, not a revision.
        Assert.Equal(IngestOutcome.Unchanged, notice.Outcome);
        Assert.Equal(whole.VersionId, notice.VersionId);
        Assert.Contains("一部分", notice.LinkReason);
        // why: the scanned notice is read by OCR (【2025] for 〔2025〕): still that part.
        Assert.Equal(whole.VersionId, scanned.VersionId);
        var files = _catalogue.FilesOf(whole.VersionId!);
        Assert.Equal(2, files.Count(f => f.Role == VersionFileRoles.Part));
        Assert.Single(_catalogue.VersionsOf(whole.PolicyId!));
        Assert.Empty(_store.ReportsOf(whole.VersionId!));
        // why: reasons are sentences an analyst reads (issue 21.7), not developer English.
        Assert.All(new[] { whole.LinkReason, notice.LinkReason, scanned.LinkReason },
            r => Assert.DoesNotMatch(@"\b(same|text|version|policy|repealed|superseded|another)\b", r!));
    }

    [Fact]
    public void NoticePageBeforeTheWhole_IsFoldedIntoTheWhole()
    {
        var notice = Ingest("special/000_notice-page.docx");
        var pdf = Ingest("seeds/000_huairou-fuchi-banfa.pdf");

        // why: the whole arrived after its notice: one version (the whole), the notice page one of its files, no report.
        Assert.Equal(IngestOutcome.New, pdf.Outcome);
        Assert.Equal(notice.PolicyId, pdf.PolicyId);
        Assert.Contains("已并入本版本", pdf.LinkReason);
        var versions = _catalogue.VersionsOf(pdf.PolicyId!);
        Assert.Equal(pdf.VersionId, Assert.Single(versions).Id);
        Assert.Equal(VersionFileRoles.Part, Assert.Single(_catalogue.FilesOf(pdf.VersionId!)).Role);
        // why: the notice's bytes now find the version they belong to.
        Assert.Equal(IngestOutcome.Unchanged, Ingest("special/000_notice-page.docx").Outcome);
        Assert.Empty(_store.ReportsOf(pdf.VersionId!));
        Assert.Equal("new", ChangeLog.Collect(_store, new DateOnly(2025, 1, 1), new DateOnly(2025, 8, 2)).Single(e => e.VersionId == pdf.VersionId).Kind);
    }

    [Fact]
    public void SameTextInEveryFormat_IsOneVersion()
    {
        // why: DOC, DOCX, PDF and the portal page of one text are one version whichever comes first.
        var results = new[] { "seeds/000_huairou-fuchi-banfa.pdf", "seeds/000_huairou-fuchi-banfa.html", "seeds/000_huairou-fuchi-banfa.doc", "seeds/000_huairou-fuchi-banfa.docx" }
            .Select(Ingest).ToList();
        Assert.Single(results.Select(r => r.VersionId).Distinct());
        Assert.All(results.Skip(1), r => Assert.Equal(IngestOutcome.Unchanged, r.Outcome));
    }

    [Fact]
    public void OlderVersionArrivingLate_GetsTheReportAgainstTheNewerOne()
    {
        var newer = Ingest("revisions/17_pair-G_fanlongduan-fa_2022.docx");
        var older = Ingest("revisions/16_pair-G_fanlongduan-fa_2007.pdf");

        // why: 2007 arrived after 2022: it is the older version, 2022 revises it, and the report 2007 → 2022 is written.
        Assert.Equal(newer.PolicyId, older.PolicyId);
        Assert.Equal("amended", _store.Version(older.VersionId!, new DateOnly(2025, 8, 1))!.Status);
        var report = Assert.Single(_store.ReportsOf(newer.VersionId!));
        Assert.Equal(older.VersionId, report.PreviousVersionId);
        Assert.True(File.Exists(report.Path));
        Assert.Empty(_store.ReportsOf(older.VersionId!));
    }
}
