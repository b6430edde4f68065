using System.Diagnostics;
using System.Globalization;
using System.Text;
using PolicyIngest.Catalogue;
using PolicyIngest.Cli;
using PolicyIngest.Core;
using PolicyIngest.Portal;

namespace PolicyIngest.Evaluation.Bench;

/// <summary>
/// `bench cluster --db postgresql://…`: files fetched per firing with 1 and with 3 <c>scheduler</c> processes on one
/// PostgreSQL catalogue (issue #20). One pipeline of <see cref="Documents"/> URLs on the loopback mock portal, fired every
/// 3 s; for each cluster size the portal's requests are counted over <see cref="Firings"/> firings after the first
/// (ingesting) one. A clustered schedule fires each firing on one node: the figure stays at one request per file per
/// firing however many nodes run. The runs go into the catalogue named by --db (pipeline bench-cluster).
/// </summary>
public sealed class ClusterBenchmark : IMeasurement
{
    public const int Documents = 20;
    public const int Firings = 5;
    private const string Pipeline = "bench-cluster";

    public string Name => "cluster";
    public string Description => $"files fetched per firing with 1 and with 3 scheduler processes on one PostgreSQL catalogue (--db postgresql://…; {Documents} URLs, {Firings} firings each)";

    public int Run(CliContext context, CancellationToken cancellationToken) =>
        RunAsync(context, cancellationToken).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(CliContext ctx, CancellationToken ct)
    {
        if (ctx.NamedDbPath is not { } url || !CatalogueAddress.IsPostgres(url))
        {
            ctx.Err.WriteLine("error: bench cluster runs schedulers on a shared catalogue: give --db postgresql://USER@HOST:PORT/DB");
            return ExitCodes.BadInput;
        }
        return await MeasureAsync(ctx, url, ct) is null ? ExitCodes.BadInput : ExitCodes.Done;
    }

    /// <summary>
    /// The measurement on the PostgreSQL catalogue at <paramref name="url"/> (also run by `bench scale --postgres`): files
    /// fetched per firing for each cluster size, or null (with an error line) when there are no texts to serve.
    /// </summary>
    public static async Task<IReadOnlyList<(int Nodes, double FilesPerFiring)>?> MeasureAsync(CliContext ctx, string url, CancellationToken ct)
    {
        var texts = Directory.EnumerateFiles(Path.Combine(ctx.SharedRoot, "data", "revisions"), "*.txt")
            .Order(StringComparer.Ordinal).Take(8).Select(File.ReadAllText).ToList();
        if (texts.Count == 0)
        {
            ctx.Err.WriteLine($"error: no texts under {ctx.SharedRoot}/data/revisions to serve");
            return null;
        }
        var work = Directory.CreateTempSubdirectory("policyingest-bench-cluster-").FullName;
        try
        {
            var corpus = Directory.CreateDirectory(Path.Combine(work, "corpus")).FullName;
            for (var i = 0; i < Documents; i++)
                File.WriteAllText(Path.Combine(corpus, $"doc{i:00}.txt"), texts[i % texts.Count] + $"\n（集群测试文件：{i + 1}）\n", Encoding.UTF8);
            await using var portal = LocalPortal.Start(corpus, pageSize: 50);
            var pipelines = Directory.CreateDirectory(Path.Combine(work, "pipelines")).FullName;
            var yaml = new StringBuilder($"""
                name: {Pipeline}
                schedule: "0/3 * * * * ?"
                sources:
                  - name: portal
                    kind: urls
                    delayMs: 0
                    concurrency: 4
                    retries: 0
                    urls:

                """);
            foreach (var item in portal.Items) yaml.Append("      - ").Append(portal.FileUrl(item).AbsoluteUri).Append('\n');
            File.WriteAllText(Path.Combine(pipelines, Pipeline + ".yaml"), yaml.ToString());
            var paths = portal.Items.Select(LocalPortal.FilePath).ToList();

            using var catalogue = new CatalogueStore(url, ctx.Settings.DataDirectory);
            var fetch = new FetchStore(catalogue);
            ctx.Out.WriteLine($"bench cluster: {Documents} URLs on {portal.BaseUrl}, cron every 3 s, catalogue {CatalogueAddress.Parse(url)}");
            var figures = new List<(int Nodes, double FilesPerFiring)>();
            foreach (var nodes in new[] { 1, 3 })
            {
                var since = DateTimeOffset.UtcNow;
                var nodeProcesses = Enumerable.Range(0, nodes).Select(_ => StartNode(ctx.Settings.Home, url, pipelines)).ToList();
                try
                {
                    // The first firing of a phase may ingest; count the quiet firings after it.
                    var (first, before) = await QuietAsync(fetch, since, portal, paths, rs => rs.Count >= 1, nodeProcesses, ct);
                    var (all, after) = await QuietAsync(fetch, since, portal, paths, rs => rs.Count >= first.Count + Firings, nodeProcesses, ct);
                    var runs = all.Where(r => first.All(f => f.Id != r.Id)).ToList();
                    var requests = after - before;
                    var ranOn = runs.Select(r => r.Node).Distinct().Count();
                    figures.Add((nodes, (double)requests / runs.Count));
                    ctx.Out.WriteLine($"  {nodes} node{(nodes == 1 ? " " : "s")}: {runs.Count} firings, {requests} file requests — " +
                                      $"{(double)requests / runs.Count:0.0} files fetched per firing ({Documents} URLs), runs on {ranOn} of {nodes} node{(nodes == 1 ? "" : "s")}, " +
                                      $"{runs.Average(r => (r.EndedAt!.Value - r.StartedAt).TotalSeconds):0.00} s per run");
                }
                finally
                {
                    await Task.WhenAll(nodeProcesses.Select(StopAsync));
                }
            }
            return figures;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static int Requests(LocalPortal portal, IEnumerable<string> paths) => paths.Sum(portal.Requests);

    private static List<FetchRun> Runs(FetchStore fetch, DateTimeOffset since) =>
        fetch.Runs(since).Where(r => r.Pipeline == Pipeline).ToList();

    /// <summary>
    /// Runs of the phase satisfying <paramref name="done"/>, none in progress, and the portal's request count read between
    /// two identical reads of them: a run records itself before its first request, so the count is theirs exactly.
    /// </summary>
    private static async Task<(List<FetchRun> Runs, int Requests)> QuietAsync(FetchStore fetch, DateTimeOffset since, LocalPortal portal,
        IReadOnlyList<string> paths, Func<List<FetchRun>, bool> done, IReadOnlyList<Process> nodes, CancellationToken ct)
    {
        while (true)
        {
            var runs = await WaitAsync(fetch, since, rs => done(rs) && rs.All(r => r.EndedAt is not null), nodes, ct);
            var requests = Requests(portal, paths);
            var again = Runs(fetch, since);
            if (again.Select(r => (r.Id, r.Status)).SequenceEqual(runs.Select(r => (r.Id, r.Status)))) return (again, requests);
        }
    }

    private static async Task<List<FetchRun>> WaitAsync(FetchStore fetch, DateTimeOffset since, Func<List<FetchRun>, bool> done,
        IReadOnlyList<Process> nodes, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var runs = Runs(fetch, since);
            if (done(runs)) return runs;
            if (nodes.FirstOrDefault(n => n.HasExited) is { } dead)
                throw new InvalidOperationException($"scheduler node {dead.Id} exited {dead.ExitCode}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the schedulers did not fire in 3 minutes");
            await Task.Delay(100, ct);
        }
    }

    /// <summary>One <c>./policyingest scheduler --db URL</c> process of this home (it execs dotnet: the pid is the node's).</summary>
    private static Process StartNode(string home, string url, string pipelines)
    {
        var start = new ProcessStartInfo(Path.Combine(home, "policyingest"))
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = home,
        };
        foreach (var a in new[] { "scheduler", "--db", url, "--pipelines", pipelines }) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task StopAsync(Process node)
    {
        if (!node.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", node.Id.ToString(CultureInfo.InvariantCulture)])!;
            await term.WaitForExitAsync();
            if (!await ExitsWithin(node, TimeSpan.FromSeconds(60))) node.Kill();
        }
        await node.WaitForExitAsync();
        node.Dispose();
    }

    private static async Task<bool> ExitsWithin(Process node, TimeSpan timeout)
    {
        try
        {
            await node.WaitForExitAsync().WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
