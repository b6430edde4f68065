using System.Diagnostics;
using System.Text;
using PolicyIngest.Catalogue;
using PolicyIngest.Cli;
using PolicyIngest.Fetch;
using PolicyIngest.Fetch.Http;
using PolicyIngest.Fetch.Pipelines;
using PolicyIngest.Portal;

namespace PolicyIngest.Evaluation.Bench;

/// <summary>
/// `bench fetch`: a run over N URLs the catalogue already holds, on the loopback mock portal (all answered 304).
/// Target: 500 URLs in ≤ 5 s. The first (ingesting) run is timed too, for context.
/// </summary>
public sealed class FetchBenchmark : IMeasurement
{
    public const int Urls = 500;
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(5);

    public string Name => "fetch";
    public string Description => $"a pipeline run over {Urls} unchanged URLs on the loopback mock portal (target ≤ {Target.TotalSeconds:0} s)";

    public int Run(CliContext context, CancellationToken cancellationToken) =>
        RunAsync(context, cancellationToken).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(CliContext ctx, CancellationToken ct)
    {
        var texts = Directory.EnumerateFiles(Path.Combine(ctx.SharedRoot, "data", "revisions"), "*.txt")
            .Order(StringComparer.Ordinal).Take(8).Select(File.ReadAllText).ToList();
        if (texts.Count == 0)
        {
            ctx.Err.WriteLine($"error: no texts under {ctx.SharedRoot}/data/revisions to serve");
            return ExitCodes.BadInput;
        }
        var work = Directory.CreateTempSubdirectory("policyingest-bench-fetch-").FullName;
        try
        {
            var corpus = Directory.CreateDirectory(Path.Combine(work, "corpus")).FullName;
            for (var i = 0; i < Urls; i++)
            {
                // Distinct bytes per URL, so each is its own version: a real text plus a serial line.
                File.WriteAllText(Path.Combine(corpus, $"doc{i:000}.txt"), texts[i % texts.Count] + $"\n（文件编号：{i + 1}）\n", Encoding.UTF8);
            }
            await using var portal = LocalPortal.Start(corpus, pageSize: 50);
            var yaml = new StringBuilder($"""
                name: bench
                schedule: "0 0 6 * * ?"
                sources:
                  - name: portal
                    kind: urls
                    delayMs: 0
                    concurrency: 8
                    retries: 0
                    urls:

                """);
            foreach (var item in portal.Items) yaml.Append("      - ").Append(portal.FileUrl(item).AbsoluteUri).Append('\n');
            var pipeline = PipelineLoader.Parse(yaml.ToString(), new Dictionary<string, string>());

            using var catalogue = new CatalogueStore(Path.Combine(work, "data", "catalogue.db"));
            using var client = DocumentFetcher.CreateClient();
            var runner = FetchServices.CreateRunner(ctx.Services, catalogue, client);

            var clock = Stopwatch.StartNew();
            var first = await runner.RunAsync(pipeline, "bench", ct);
            var firstTime = clock.Elapsed;
            var requestsBefore = portal.TotalRequests;
            clock.Restart();
            var second = await runner.RunAsync(pipeline, "bench", ct);
            var secondTime = clock.Elapsed;
            var notModified = second.Documents.Count(d => d.HttpStatus == 304);

            ctx.Out.WriteLine($"bench fetch: {Urls} URLs on {portal.BaseUrl} (concurrency 8, no politeness delay), catalogue {catalogue.Path}");
            ctx.Out.WriteLine($"  first run (download, archive, read, structure, extract, index): {firstTime.TotalSeconds:0.00} s — " +
                              $"{first.Counts.New} new, {first.Counts.Failed} failed");
            ctx.Out.WriteLine($"  second run (unchanged): {secondTime.TotalSeconds:0.00} s — {second.Counts.Unchanged} unchanged " +
                              $"({notModified} answered 304), {second.Counts.New + second.Counts.NewVersion} new, {second.Counts.Failed} failed, " +
                              $"{portal.TotalRequests - requestsBefore} requests, {Urls / secondTime.TotalSeconds:0} URLs/s");
            var pass = secondTime <= Target && second.Counts.Unchanged == Urls;
            ctx.Out.WriteLine($"  target ≤ {Target.TotalSeconds:0} s for {Urls} unchanged URLs: {(pass ? "met" : "NOT met")}");
            return ExitCodes.Done;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }
}
