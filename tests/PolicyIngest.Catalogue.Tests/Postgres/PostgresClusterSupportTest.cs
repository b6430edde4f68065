namespace PolicyIngest.Catalogue.Tests.Postgres;

/// <summary>
/// PostgreSQL only (issue #20, clustered scheduling): what several nodes on one catalogue rely on from the database — the
/// pipeline run lock, which must hold across machines that share no files, and Quartz's lock rows, made before any
/// scheduler starts (Quartz.NET #1786).
/// </summary>
public sealed class PostgresClusterSupportTest
{
    [Fact]
    public void PipelineLock_IsHeldInTheDatabase_NotInALocalLockFile()
    {
        using var catalogue = new PostgresTestCatalogue();
        using var dirA = new TempDir("policyingest-node-a-");
        using var dirB = new TempDir("policyingest-node-b-");
        // Two machines: the same database, data directories that share nothing.
        using var nodeA = new CatalogueStore(catalogue.Url, dirA.Path);
        using var nodeB = new CatalogueStore(catalogue.Url, dirB.Path);

        using var held = nodeA.TryLockPipeline("daily");

        Assert.NotNull(held);
        // why: a lock file in each node's own data/locks/ let both nodes run the pipeline at once
        Assert.Null(nodeB.TryLockPipeline("daily"));
        Assert.False(Directory.Exists(Path.Combine(dirA.Path, CatalogueLayout.Locks)));
    }

    [Fact]
    public void PipelineLock_OfANodeThatDies_IsFreeAgain()
    {
        using var catalogue = new PostgresTestCatalogue();
        using var dirA = new TempDir("policyingest-node-a-");
        using var dirB = new TempDir("policyingest-node-b-");
        using var nodeA = new CatalogueStore(catalogue.Url, dirA.Path);
        using var nodeB = new CatalogueStore(catalogue.Url, dirB.Path);
        var held = nodeA.TryLockPipeline("daily");
        Assert.NotNull(held);
        Assert.Null(nodeB.TryLockPipeline("daily"));

        // Node A dies: its lock session ends without an unlock (as when kill -9 closes its socket).
        Assert.Equal(1L, catalogue.Database.Scalar(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'policyingest pipeline lock'"));

        using var taken = RetryUntilTaken(nodeB, "daily");
        Assert.NotNull(taken);
        held.Dispose();   // the dead session's handle lets go quietly
    }

    [Fact]
    public async Task ClusterLocks_EveryLockRowExists_AfterNodesPrepareThemAtOnce_AndAgain()
    {
        using var catalogue = new PostgresTestCatalogue();
        using var data = new TempDir("policyingest-node-");
        var store = JobStoreDatabase.For(catalogue.Url, data.Path);
        Assert.True(store.Clustered);

        // why: Quartz.NET #1786 — two nodes inserting a missing QRTZ_LOCKS row at once fail one of them
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => store.PrepareClusterLocks(JobStoreDatabase.ClusterSchedulerName))));
        store.PrepareClusterLocks(JobStoreDatabase.ClusterSchedulerName);

        Assert.Equal(["STATE_ACCESS", "TRIGGER_ACCESS"], store.ClusterLockRows(JobStoreDatabase.ClusterSchedulerName));
        Assert.Empty(store.ClusterLockRows("another scheduler"));
    }

    [Fact]
    public void JobStore_OfASqliteCatalogue_IsTheFileBesideIt_NotClustered()
    {
        using var data = new TempDir("policyingest-node-");
        var store = JobStoreDatabase.For(Path.Combine(data.Path, "catalogue.db"), data.Path);

        Assert.Equal((JobStoreKind.Sqlite, false), (store.Kind, store.Clustered));
        Assert.Equal(Path.Combine(data.Path, CatalogueLayout.SchedulerStore), store.Location);
    }

    // The server notices the terminated backend at once, but the signal is asynchronous: ask until the lock is free.
    private static IDisposable? RetryUntilTaken(CatalogueStore node, string pipeline)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (node.TryLockPipeline(pipeline) is { } taken) return taken;
            if (DateTime.UtcNow > deadline) return null;
            Thread.Sleep(50);
        }
    }
}
