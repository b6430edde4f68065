using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using PolicyIngest.Catalogue;
using PolicyIngest.Portal;
using Xunit.Abstractions;

namespace PolicyIngest.Fetch.Tests;

/// <summary>
/// Three real <c>scheduler</c> processes on one PostgreSQL catalogue (issue #20): Quartz's AdoJobStore clustered on the
/// catalogue's database. Each node has a home of its own, so its own local data directory (archive, lock files) — as on
/// three machines; only the database is shared. One pipeline over the loopback portal, which counts requests per path.
/// </summary>
public sealed class ClusterSchedulerTest(ITestOutputHelper output)
{
    private const string PipelineName = "cluster";

    [Fact]
    public async Task ThreeNodes_EachFiringFetchesEachSourceOnce_NotOncePerNode()
    {
        await using var cluster = await Cluster.StartAsync(output, schedule: "0/4 * * * * ?");
        const int firings = 5;

        var (runs, requests) = await cluster.QuietSnapshotAsync(rs => rs.Count(r => r.Status == "done") >= firings, TimeSpan.FromSeconds(150));
        await cluster.StopAllAsync();
        cluster.Report(runs);

        // Every run is one node's: a node of this cluster, named in the run log.
        Assert.All(runs, r => Assert.Contains(r.Node, cluster.NodeIds));
        // No firing was handed to two nodes: a node that fired while another ran the pipeline would have found it busy.
        Assert.All(cluster.Nodes, n => Assert.DoesNotContain("already running", n.StdErr, StringComparison.Ordinal));
        Assert.All(cluster.Nodes, n => Assert.DoesNotContain("error:", n.StdErr, StringComparison.Ordinal));
        // Runs one after another, never two at once.
        var byStart = runs.OrderBy(r => r.StartedAt).ToList();
        for (var i = 1; i < byStart.Count; i++) Assert.True(byStart[i - 1].EndedAt <= byStart[i].StartedAt, "two runs overlapped");
        // At most one run per firing of the 4-second cron (3 per firing if every node ran each one).
        var slots = (int)((byStart[^1].StartedAt - byStart[0].StartedAt).TotalSeconds / 4) + 1;
        Assert.InRange(runs.Count, firings, slots + 1);
        // Each source fetched once per firing, not once per node: the portal saw exactly one request per run for the listing
        // and for every file, and each run fetched every file.
        Assert.Equal(runs.Count, requests[LocalPortal.ListingPath]);
        foreach (var item in cluster.Portal.Items)
        {
            var url = cluster.Portal.FileUrl(item);
            Assert.Equal(runs.Count, requests[url.AbsolutePath]);
            Assert.All(runs, r => Assert.Contains(cluster.Fetch.RunItems(r.Id), i => i.Url == url.AbsoluteUri));
        }
        // Every source once in the catalogue.
        Assert.Equal(TestCorpus.Sources.Length, cluster.Catalogue.Counts().Versions);
        Assert.Equal(TestCorpus.Sources.Length, cluster.Catalogue.Counts().Policies);
    }

    [Fact]
    public async Task NodeKilledMidRun_ItsFiringIsRecoveredByAnotherNode_NoDuplicateNoLoss()
    {
        // A firing every 10 s; one source answers its first request after a minute, so the run that asks for it is in
        // progress until we kill the node that runs it.
        await using var cluster = await Cluster.StartAsync(output, schedule: "0/10 * * * * ?");
        var slow = cluster.Portal.Items[3];
        var slowPath = LocalPortal.FilePath(slow);
        cluster.Portal.SetFault(slowPath, new Fault(FaultKind.Slow, Times: 1) { Delay = TimeSpan.FromSeconds(60) });

        var running = await cluster.WaitForRunsAsync(
            rs => cluster.Portal.Requests(slowPath) == 1 && rs.Any(r => r.Status == "running"), TimeSpan.FromSeconds(120));
        var doomedRun = running.Single(r => r.Status == "running");
        var doomed = cluster.NodeRunning(doomedRun);
        var storedBeforeKill = cluster.Catalogue.Counts().Versions;
        doomed.Kill();   // SIGKILL, mid-run: no finally blocks, its connections just close
        output.WriteLine($"killed {doomed.Id} in run {doomedRun.Id} with {storedBeforeKill} versions stored");

        // Another node takes the dead node's firing over once it misses its check-in (5 s + 15 s threshold).
        var runs = await cluster.WaitForRunsAsync(rs => rs.Any(r => r.Trigger == "recovery" && r.Status == "done"), TimeSpan.FromSeconds(90));
        await cluster.StopAllAsync();
        runs = cluster.Runs();
        cluster.Report(runs);

        var recovery = runs.First(r => r.Trigger == "recovery" && r.Status == "done");
        Assert.NotEqual(doomed.Id, recovery.Node);
        Assert.Contains(recovery.Node, cluster.NodeIds);
        Assert.Equal(0, recovery.Counts.Failed);
        // The killed run is on record as the dead node's, never finished.
        var killed = runs.Single(r => r.Id == doomedRun.Id);
        Assert.Equal((doomed.Id, (DateTimeOffset?)null), (killed.Node, killed.EndedAt));
        Assert.Equal("interrupted", killed.Status);
        // No duplicate versions, no lost file: every source exactly once.
        Assert.InRange(storedBeforeKill, 1, TestCorpus.Sources.Length - 1);
        Assert.Equal(TestCorpus.Sources.Length, cluster.Catalogue.Counts().Versions);
        Assert.Equal(TestCorpus.Sources.Length, cluster.Catalogue.Counts().Policies);
        foreach (var item in cluster.Portal.Items)
            Assert.NotNull(cluster.Catalogue.FindLatestVersionBySource(cluster.Portal.FileUrl(item).AbsoluteUri));
        // What the killed run stored (on its items: it never wrote its counts) and what the others stored add up to the sources.
        var killedNew = cluster.Fetch.RunItems(killed.Id).Count(i => i.Outcome == "new");
        Assert.Equal(storedBeforeKill, killedNew);
        Assert.Equal(0, runs.Sum(r => r.Counts.NewVersion));
        Assert.Equal(TestCorpus.Sources.Length, killedNew + runs.Sum(r => r.Counts.New));
    }

    /// <summary>A PostgreSQL catalogue, the portal, and three scheduler processes with homes of their own.</summary>
    private sealed class Cluster : IAsyncDisposable
    {
        private readonly ITestOutputHelper _output;
        private readonly TempDir _dir = new("policyingest-cluster-");
        private readonly PostgresDatabase _database = PostgresServer.Shared.CreateDatabase();

        private readonly TempDir _corpus;

        private Cluster(ITestOutputHelper output, TempDir corpus, LocalPortal portal)
        {
            _output = output;
            _corpus = corpus;
            Portal = portal;
            Catalogue = new CatalogueStore(_database.Url, _dir.File("observer"));
            Fetch = new FetchStore(Catalogue);
        }

        public LocalPortal Portal { get; }
        public CatalogueStore Catalogue { get; }
        public FetchStore Fetch { get; }
        public List<SchedulerNode> Nodes { get; } = [];
        public IReadOnlyList<string> NodeIds => Nodes.Select(n => n.Id).ToList();

        public static async Task<Cluster> StartAsync(ITestOutputHelper output, string schedule)
        {
            var corpus = new TempDir("policyingest-portal-");
            var cluster = new Cluster(output, corpus, LocalPortal.Start(TestCorpus.Create(corpus.Path), pageSize: 3));
            var pipelines = Directory.CreateDirectory(cluster._dir.File("pipelines")).FullName;
            File.WriteAllText(Path.Combine(pipelines, PipelineName + ".yaml"),
                TestCorpus.PipelineYaml(PipelineName, concurrency: 1, timeoutSeconds: 120, retries: 0, schedule: schedule));
            // ./policyingest builds the CLI when a source changed; the nodes then run the built program directly.
            var build = CliRunner.Run("--help");
            Assert.True(build.ExitCode == 0, build.StdErr);
            for (var i = 0; i < 3; i++)
                cluster.Nodes.Add(SchedulerNode.Start(cluster._dir.File($"node{i}"), cluster._database.Url, pipelines,
                    cluster.Portal.BaseUrl.AbsoluteUri.TrimEnd('/')));
            await Task.WhenAll(cluster.Nodes.Select(n => n.Started.WaitAsync(TimeSpan.FromMinutes(2))));
            return cluster;
        }

        public IReadOnlyList<FetchRun> Runs() => Fetch.Runs();

        /// <summary>
        /// Waits for a run log satisfying <paramref name="done"/> with no run in progress, and reads the portal's request
        /// counts between two identical reads of the run log: a run inserts its row before its first request, so every
        /// request counted belongs to a run of the snapshot, and each of those had finished.
        /// </summary>
        public async Task<(IReadOnlyList<FetchRun> Runs, IReadOnlyDictionary<string, int> Requests)> QuietSnapshotAsync(
            Func<IReadOnlyList<FetchRun>, bool> done, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                var before = await WaitForRunsAsync(rs => done(rs) && rs.All(r => r.EndedAt is not null), deadline - DateTime.UtcNow);
                var requests = new[] { LocalPortal.ListingPath }.Concat(Portal.Items.Select(LocalPortal.FilePath))
                    .ToDictionary(p => p, Portal.Requests);
                var after = Runs();
                if (after.Select(r => (r.Id, r.Status)).SequenceEqual(before.Select(r => (r.Id, r.Status)))) return (after, requests);
            }
        }

        /// <summary>Polls the run log (in the shared database: where the nodes say what they do) until it satisfies <paramref name="done"/>.</summary>
        public async Task<IReadOnlyList<FetchRun>> WaitForRunsAsync(Func<IReadOnlyList<FetchRun>, bool> done, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                var runs = Runs();
                if (done(runs)) return runs;
                foreach (var node in Nodes.Where(n => n.HasExited && !n.Killed))
                    Assert.Fail($"node {node.Id} exited {node.ExitCode}: {node.StdErr}");
                if (DateTime.UtcNow > deadline)
                {
                    Report(runs);
                    Assert.Fail("the cluster did not get there in time");
                }
                await Task.Delay(100);
            }
        }

        public SchedulerNode NodeRunning(FetchRun run) =>
            Nodes.SingleOrDefault(n => n.Id == run.Node) ?? throw new InvalidOperationException($"run {run.Id} is on {run.Node}, not a node of this cluster");

        public async Task StopAllAsync() => await Task.WhenAll(Nodes.Where(n => !n.HasExited).Select(n => n.StopAsync()));

        public void Report(IReadOnlyList<FetchRun> runs)
        {
            foreach (var r in runs.OrderBy(r => r.StartedAt))
                _output.WriteLine($"{r.Id} {r.Trigger,-9} {r.Node} {r.Status,-11} {r.StartedAt:HH:mm:ss.fff}–{r.EndedAt:HH:mm:ss.fff} " +
                                  $"new {r.Counts.New} unchanged {r.Counts.Unchanged} failed {r.Counts.Failed}");
            foreach (var n in Nodes) _output.WriteLine($"--- {n.Id} stderr:\n{n.StdErr}");
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var n in Nodes) await n.DisposeAsync();
            await Portal.DisposeAsync();
            _corpus.Dispose();
            Catalogue.Dispose();
            _database.Dispose();
            _dir.Dispose();
        }
    }

    /// <summary>One <c>scheduler --db postgresql://…</c> process with a home of its own (models/ linked to this checkout's).</summary>
    private sealed class SchedulerNode : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _stderr = new();
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private SchedulerNode(Process process)
        {
            _process = process;
            // The run log names a node host-pid: the pid of this very process (dotnet runs the CLI in it).
            Id = $"{Environment.MachineName}-{process.Id}";
        }

        public string Id { get; }
        public Task Started => _started.Task;
        public bool Killed { get; private set; }
        public bool HasExited => _process.HasExited;
        public int ExitCode => _process.ExitCode;

        public string StdErr
        {
            get { lock (_stderr) return _stderr.ToString(); }
        }

        public static SchedulerNode Start(string home, string url, string pipelines, string portal)
        {
            Directory.CreateDirectory(home);
            Directory.CreateSymbolicLink(Path.Combine(home, "models"), Path.Combine(RepositoryPaths.Root, "models"));
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8, WorkingDirectory = home,
            };
            foreach (var a in new[] { Path.Combine(RepositoryPaths.Root, ".build", "cli", "policyingest.dll"), "scheduler", "--db", url,
                         "--pipelines", pipelines, "--var", $"PORTAL={portal}" })
                start.ArgumentList.Add(a);
            start.Environment["POLICYINGEST_HOME"] = home;
            var node = new SchedulerNode(Process.Start(start)!);
            node._process.OutputDataReceived += (_, e) =>
            {
                if (e.Data?.StartsWith("scheduler: ", StringComparison.Ordinal) == true) node._started.TrySetResult();
            };
            node._process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (node._stderr) node._stderr.AppendLine(e.Data);
            };
            node._process.BeginOutputReadLine();
            node._process.BeginErrorReadLine();
            return node;
        }

        public void Kill()
        {
            Killed = true;
            _process.Kill();   // SIGKILL
            _process.WaitForExit();
        }

        /// <summary>SIGTERM: the scheduler stops after the document in hand and records its run.</summary>
        public async Task StopAsync()
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
                await kill.WaitForExitAsync();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
    }
}
