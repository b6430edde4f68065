using PolicyIngest.Core;
using System.CommandLine;
using System.Text.RegularExpressions;
using PolicyIngest.Catalogue;
using PolicyIngest.Fetch;
using PolicyIngest.Fetch.Http;
using PolicyIngest.Fetch.Pipelines;
using PolicyIngest.Fetch.Scheduling;
using PolicyIngest.Index.Search;
using PolicyIngest.Ingest;
using PolicyIngest.Portal;

namespace PolicyIngest.Cli.Commands;

/// <summary>
/// The main job on the embedded default: the bundled corpus/ served as a government portal on a free loopback port,
/// pipelines/demo.yaml run by the Quartz scheduler (its job, its runner), then one policy revised on the portal and
/// the pipeline fired again; prints what was ingested, a few searches and the change report path.
/// </summary>
/// <remarks>
/// The demo starts from nothing in its own catalogue, data/demo/catalogue.db: it deletes that file, its scheduler store
/// and its archive first. A catalogue the user named (--db, else $POLICYINGEST_DB) is never deleted or reset: the demo
/// runs in it only while it is new or empty and its folder holds no scheduler store, and otherwise refuses (exit 2),
/// since running there would mix the bundled corpus into the user's catalogue and replace the schedules of their pipelines.
/// </remarks>
public static class DemoCommand
{
    // Pair C of ../shared/data/revisions: the portal first serves the 2018 text; the demo then replaces it with 2024's.
    private const string HeldBack = "data/revisions/09_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2024.txt";
    private const string RevisedFile = "revisions/08_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2018.docx";
    private const string RevisionFile = "revisions/09_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2024.docx";
    private static readonly string[] Searches = ["专精特新", "贷款贴息", "营业额 申报标准"];

    public static Command Create()
    {
        var command = new Command("demo",
            "the main job on the embedded default: serves corpus/ as a mock policy portal on a loopback port, runs pipelines/demo.yaml " +
            "through the scheduler, revises one policy and runs again; prints what was ingested, searches and the change report path");
        command.SetAction(async (parse, ct) =>
        {
            var ctx = new CliContext(parse);
            if (ctx.NamedDbPath is { } shared && CatalogueAddress.IsPostgres(shared))
            {
                ctx.Err.WriteLine("error: demo runs on a SQLite catalogue file (the embedded default); a PostgreSQL catalogue takes ingest, run and scheduler");
                return ExitCodes.BadInput;
            }
            var own = Path.GetFullPath(Path.Combine(ctx.Settings.Home, "data", "demo", "catalogue.db"));
            var db = ctx.NamedDbPath is { } named ? Path.GetFullPath(named) : own;
            var data = FetchServices.DataDirectoryFor(db);
            var store = PipelineScheduler.StoreFile(data);
            if (db == own)
            {
                foreach (var f in new[] { db, db + "-wal", db + "-shm", store }) if (File.Exists(f)) File.Delete(f);
                if (Directory.Exists(Path.Combine(data, CatalogueLayout.Archive))) Directory.Delete(Path.Combine(data, CatalogueLayout.Archive), recursive: true);
            }
            else if (RefusalOf(db, store) is { } refusal)
            {
                ctx.Err.WriteLine(refusal);
                return ExitCodes.BadInput;
            }

            var corpus = ctx.Settings.CorpusDirectory;
            await using var portal = LocalPortal.Start(corpus, pageSize: 8, include: (_, from) => from != HeldBack);
            ctx.Out.WriteLine($"mock portal: {portal.ListingUrl} — {portal.Items.Count} files on {portal.PageCount} listing pages " +
                              "(HTML policies linked directly; PDF/DOC/DOCX behind GBK detail pages)");
            var variables = new Dictionary<string, string> { ["PORTAL"] = portal.BaseUrl.AbsoluteUri.TrimEnd('/') };
            PipelineDefinition pipeline;
            try { pipeline = PipelineLoader.Resolve("demo", ctx.Settings.PipelinesDirectory, variables); }
            catch (InvalidPipelineException ex)
            {
                ctx.Err.WriteLine($"error: {ex.Reason}");
                return ExitCodes.BadInput;
            }

            var services = ctx.Services.With(ctx.Settings with { CataloguePath = db });
            using var catalogue = services.OpenCatalogue();
            using var client = DocumentFetcher.CreateClient();
            var runner = FetchServices.CreateRunner(services, catalogue, client, onDocument: d => RunCommand.PrintDocument(ctx, d), readOptions: ctx.ReadOptions);
            TaskCompletionSource<RunReport>? pending = null;
            await using var scheduler = await PipelineScheduler.CreateAsync(data, runner, [pipeline],
                new RunListener(r => pending?.TrySetResult(r), (_, ex) => pending?.TrySetException(ex)), ct);
            await scheduler.StartAsync(ct);

            ctx.Out.WriteLine($"\n== run 1: {pipeline.File} fired through the scheduler (as at its \"{pipeline.Schedule}\" {pipeline.TimeZone.Id} schedule)");
            var first = await FireAsync(scheduler, pipeline, p => pending = p, ct);
            RunCommand.PrintSummary(ctx.Out, first);

            var revised = portal.Item(RevisedFile);
            portal.Revise(revised, File.ReadAllBytes(Path.Combine(corpus, RevisionFile)));
            ctx.Out.WriteLine($"\n== the portal now serves a revised version at {portal.FileUrl(revised)} (2024 text of the 2018 standard)");
            ctx.Out.WriteLine("== run 2: same pipeline, fired again");
            var second = await FireAsync(scheduler, pipeline, p => pending = p, ct);
            RunCommand.PrintSummary(ctx.Out, second);
            await scheduler.ShutdownAsync(CancellationToken.None);

            var (policies, versions, clauses, amounts) = catalogue.Counts();
            ctx.Out.WriteLine($"\ncatalogue {db}: {policies} policies, {versions} versions, {clauses} clauses, {amounts} amounts; " +
                              $"originals archived under {runner.Archive.Root}");
            PrintSearches(ctx, catalogue, ct);
            if (first.Reports.Count > 0)
                ctx.Out.WriteLine($"\nrun 1 wrote {first.Reports.Count} 新旧对照 reports, one for each document that revises an earlier version of its policy " +
                                  "(the same text in another format is kept as another file of its version, without a report; see `changes`, `show`)");
            if (second.Reports.Count > 0) foreach (var r in second.Reports) ctx.Out.WriteLine($"change report of the revised policy: {r}");
            else ctx.Out.WriteLine("change report: none written (no policy changed between the two runs)");
            return first.Counts.Failed + second.Counts.Failed > 0 ? ExitCodes.PartlyDone : ExitCodes.Done;
        });
        return command;
    }

    /// <summary>Why the demo must not run in the user's catalogue <paramref name="db"/> (one line), or null when it may.</summary>
    private static string? RefusalOf(string db, string store)
    {
        static bool HasContent(string file) => File.Exists(file) && new FileInfo(file).Length > 0;
        if (HasContent(db) || HasContent(db + "-wal"))
            return $"error: {db}: the catalogue exists and is not empty; demo runs only in a new or empty catalogue " +
                   "(without --db and $POLICYINGEST_DB it resets its own data/demo/catalogue.db)";
        if (HasContent(store))
            return $"error: {store}: the folder of the catalogue holds a scheduler store; demo would replace its schedules " +
                   "(name a catalogue in another folder, or run demo without --db and $POLICYINGEST_DB)";
        return null;
    }

    private static async Task<RunReport> FireAsync(PipelineScheduler scheduler, PipelineDefinition pipeline,
        Action<TaskCompletionSource<RunReport>> expect, CancellationToken ct)
    {
        var done = new TaskCompletionSource<RunReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        expect(done);
        await scheduler.TriggerNowAsync(pipeline.Name, ct);
        return await done.Task.WaitAsync(ct);
    }

    private static void PrintSearches(CliContext ctx, CatalogueStore catalogue, CancellationToken ct)
    {
        var search = ctx.Services.CreateSearch(catalogue);
        foreach (var query in Searches)
        {
            var result = search.Search(new SearchRequest
            {
                Query = query,
                Limit = 3,
                Filter = new ClauseFilter { AsOf = ctx.Today },
            }, ct);
            ctx.Out.WriteLine($"\nsearch \"{query}\": {result.Total} clauses ({result.TookMs:0.0} ms)");
            foreach (var hit in result.Hits)
            {
                var snippet = Regex.Replace(hit.Snippet, "</?em>", m => m.Value == "<em>" ? "【" : "】");
                ctx.Out.WriteLine($"  {hit.Title} {hit.Label} [{hit.Status}]: {snippet}");
            }
        }
    }
}
