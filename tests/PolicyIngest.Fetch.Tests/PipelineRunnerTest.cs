using PolicyIngest.Portal;

namespace PolicyIngest.Fetch.Tests;

public class PipelineRunnerTest
{
    [Fact]
    public async Task FirstRun_IngestsEveryDocumentBehindPaginatedListingAndDetailPages()
    {
        await using var f = new FetchFixture(pageSize: 3);

        var report = await f.RunAsync();

        Assert.Equal(TestCorpus.Sources.Length, report.Counts.New);
        Assert.Equal(0, report.Counts.Failed + report.Counts.NewVersion + report.Counts.Unchanged);
        Assert.Equal("done", report.Status);
        Assert.Equal(3, f.Portal.PageCount);
        foreach (var item in f.Portal.Items) Assert.Equal("new", f.Outcome(report, item).Outcome);
        Assert.Equal(TestCorpus.Sources.Length, f.Catalogue.Counts().Versions);
        Assert.Equal(TestCorpus.Sources.Length, f.Runner.Archive.Files().Count());
        Assert.Empty(f.Runner.Archive.Corrupt());
        var run = f.Runner.Store.FindRun(report.RunId)!;
        Assert.Equal("done", run.Status);
        Assert.NotNull(run.EndedAt);
        Assert.Equal(TestCorpus.Sources.Length, run.Counts.New);
        Assert.Equal(TestCorpus.Sources.Length, f.Runner.Store.RunItems(report.RunId).Count);
        var entry = Assert.Single(f.Runner.Store.ArchiveEntries(f.Outcome(report, f.Portal.Items[0]).Sha256!));
        Assert.Equal(f.Portal.FileUrl(f.Portal.Items[0]).AbsoluteUri, entry.Url);
    }

    [Fact]
    public async Task SecondRun_AllNotModified_NoNewVersions()
    {
        await using var f = new FetchFixture();
        await f.RunAsync();

        var second = await f.RunAsync();

        Assert.Equal(TestCorpus.Sources.Length, second.Counts.Unchanged);
        Assert.Equal(0, second.Counts.New + second.Counts.NewVersion + second.Counts.Failed);
        Assert.All(second.Documents, d => Assert.Equal(304, d.HttpStatus));
        Assert.Equal(TestCorpus.Sources.Length, f.Catalogue.Counts().Versions);
    }

    [Fact]
    public async Task SecondRun_ServerWithoutValidators_UnchangedBySameHash()
    {
        await using var f = new FetchFixture();
        foreach (var item in f.Portal.Items) f.Portal.SetFault(item, new Fault(FaultKind.NoValidators));
        await f.RunAsync();

        var second = await f.RunAsync();

        Assert.Equal(TestCorpus.Sources.Length, second.Counts.Unchanged);
        Assert.All(second.Documents, d => Assert.Equal(200, d.HttpStatus));
        Assert.Equal(TestCorpus.Sources.Length, f.Catalogue.Counts().Versions);
    }

    [Fact]
    public async Task RevisedFile_GivesExactlyOneNewVersionOfTheSamePolicy()
    {
        await using var f = new FetchFixture();
        var first = await f.RunAsync();
        var item = f.Portal.Items[0];
        var before = f.Outcome(first, item);
        f.Portal.Revise(item, TestCorpus.SharedBytes(TestCorpus.NewRevision));

        var second = await f.RunAsync();
        var third = await f.RunAsync();

        Assert.Equal(1, second.Counts.NewVersion);
        Assert.Equal(TestCorpus.Sources.Length - 1, second.Counts.Unchanged);
        var after = f.Outcome(second, item);
        Assert.Equal("new-version", after.Outcome);
        Assert.Equal(before.PolicyId, after.PolicyId);
        Assert.Equal(2, f.Catalogue.VersionsOf(before.PolicyId!).Count);
        Assert.Equal(TestCorpus.Sources.Length, third.Counts.Unchanged);
        Assert.Equal(TestCorpus.Sources.Length + 1, f.Catalogue.Counts().Versions);
    }

    [Fact]
    public async Task TransientFaults_AreRetriedThenSucceed()
    {
        await using var f = new FetchFixture();
        var items = f.Portal.Items;
        f.Portal.SetFault(items[0], new Fault(FaultKind.ServerError, Times: 2));
        f.Portal.SetFault(items[1], new Fault(FaultKind.TruncatedBody, Times: 1));
        f.Portal.SetFault(items[2], new Fault(FaultKind.Slow, Times: 1) { Delay = TimeSpan.FromSeconds(3) });

        var report = await f.RunAsync(timeoutSeconds: 1, retries: 2);

        Assert.Equal(TestCorpus.Sources.Length, report.Counts.New);
        Assert.Equal(3, f.Portal.Requests(LocalPortal.FilePath(items[0])));   // 500, 500, 200
        Assert.Equal(2, f.Portal.Requests(LocalPortal.FilePath(items[1])));   // cut short, then whole
        Assert.Equal(2, f.Portal.Requests(LocalPortal.FilePath(items[2])));   // timed out, then in time
        Assert.Empty(f.Runner.Archive.Corrupt());
    }

    [Fact]
    public async Task PermanentFaults_AreRecordedAsFailed_OthersStillIngested()
    {
        await using var f = new FetchFixture();
        var items = f.Portal.Items;
        f.Portal.SetFault(items[0], new Fault(FaultKind.NotFound));
        f.Portal.SetFault(items[1], new Fault(FaultKind.RedirectLoop));
        f.Portal.SetFault(items[2], new Fault(FaultKind.ServerError));
        f.Portal.SetFault(items[3], new Fault(FaultKind.RedirectOffsite));
        f.Portal.SetFault(items[4], new Fault(FaultKind.SoftNotFound));

        var report = await f.RunAsync(retries: 2);

        Assert.Equal("partly", report.Status);
        Assert.Equal(5, report.Counts.Failed);
        Assert.Equal(TestCorpus.Sources.Length - 5, report.Counts.New);
        Assert.Contains("HTTP 404", f.Outcome(report, items[0]).Error);
        Assert.Equal(1, f.Portal.Requests(LocalPortal.FilePath(items[0])));   // 4xx: never retried
        Assert.Contains("redirect loop", f.Outcome(report, items[1]).Error);
        Assert.Contains("HTTP 500", f.Outcome(report, items[2]).Error);
        Assert.Equal(3, f.Portal.Requests(LocalPortal.FilePath(items[2])));   // first try + 2 retries
        Assert.Contains("not an allowed host", f.Outcome(report, items[3]).Error);
        Assert.Contains("promised txt but sent an html page", f.Outcome(report, items[4]).Error);
        Assert.Equal(5, report.Errors.Count);
        var run = f.Runner.Store.FindRun(report.RunId)!;
        Assert.Equal(5, run.Errors.Count);
        Assert.Equal(5, run.Counts.Failed);
    }

    [Fact]
    public async Task WrongContentType_IsReadByItsBytes_WithAWarning()
    {
        await using var f = new FetchFixture();
        var item = f.Portal.Items[0];
        f.Portal.SetFault(item, new Fault(FaultKind.WrongContentType));

        var report = await f.RunAsync();

        var outcome = f.Outcome(report, item);
        Assert.Equal("new", outcome.Outcome);
        Assert.Contains("served as text/html", outcome.Warning);
    }

    [Fact]
    public async Task FailedDocument_IsFetchedAgainNextRun_NotHiddenBehind304()
    {
        await using var f = new FetchFixture();
        var item = f.Portal.Items[0];
        f.Portal.SetFault(item, new Fault(FaultKind.ServerError));
        await f.RunAsync(retries: 0);
        f.Portal.ClearFaults();

        var second = await f.RunAsync();

        Assert.Equal("new", f.Outcome(second, item).Outcome);
        Assert.Equal(TestCorpus.Sources.Length - 1, second.Counts.Unchanged);
    }

    [Fact]
    public async Task RunInProgress_InAnotherHolder_IsRefused()
    {
        await using var f = new FetchFixture();
        var locks = Directory.CreateDirectory(Path.Combine(f.Dir, "data", "locks")).FullName;
        using var held = new FileStream(Path.Combine(locks, "portal.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        await Assert.ThrowsAsync<PipelineBusyException>(() => f.RunAsync());
    }
}

public class HttpCharsetTest
{
    [Fact]
    public async Task Document_IsDecodedWithTheCharsetItsResponseDeclares()
    {
        await using var f = new FetchFixture();
        var item = f.Portal.Items[1];
        // why: Big5 bytes; detection alone (UTF-8, else GB18030) would read them as gibberish
        const string text = "臺北市產業發展獎勵補助辦法\n第一條　為促進產業發展，特訂定本辦法。\n第二條　補助金額最高新臺幣五百萬元。\n";
        f.Portal.Revise(item, PolicyIngest.Read.TextDecoding.ForCharsetName("big5")!.GetBytes(text), charset: "big5");

        var report = await f.RunAsync();

        var outcome = f.Outcome(report, item);
        Assert.Equal("new", outcome.Outcome);
        var document = f.Catalogue.LoadDocument(outcome.VersionId!)!;
        Assert.Contains(document.Clauses, c => c.Text.Contains("為促進產業發展", StringComparison.Ordinal));
    }
}
