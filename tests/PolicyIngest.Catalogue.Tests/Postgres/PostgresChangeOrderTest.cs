using PolicyIngest.Core.Model;

namespace PolicyIngest.Catalogue.Tests.Postgres;

/// <summary>
/// PostgreSQL only (issue #20). A change row's seq is drawn before its transaction commits, so without more a transaction
/// holding seq N could commit after one holding N+1, and an index that read N+1 would go on from there and never apply N.
/// Every write transaction takes one advisory lock first: a reader never sees N+1 without N. Migrations take another.
/// </summary>
public sealed class PostgresChangeOrderTest
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static PolicyDocument Document(string key) => new()
    {
        Source = key + ".txt", Sha256 = key.PadRight(64, '0'), Format = SourceFormat.Txt, DocType = DocType.Policy, Title = "政策" + key,
        Clauses = [new Clause { Id = "art1", Kind = ClauseKind.Article, Label = "第一条", Path = ["第一条"], Text = "给予奖励" + key }],
    };

    [Fact]
    public async Task SecondWriter_WaitsForTheFirstToCommit_SoTheReaderSeesNeitherThenBothInOrder()
    {
        using var catalogue = new PostgresTestCatalogue();
        using var first = catalogue.Open();
        using var second = catalogue.Open();
        using var reading = catalogue.Open();
        var feed = new CatalogueClauseFeed(reading);
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();

        var a = Task.Run(() => first.SaveVersion(Document("a1"), PolicyLink.NewPolicy(), Now, _ =>
        {
            inside.Set();
            release.Wait(TimeSpan.FromSeconds(30));
        }));
        Assert.True(inside.Wait(TimeSpan.FromSeconds(30)));
        var b = Task.Run(() => second.SaveVersion(Document("b1"), PolicyLink.NewPolicy(), Now));

        // why: without the lock b commits now (seq N+1) while a (seq N) is still open, and the reader sees b alone
        Assert.NotSame(b, await Task.WhenAny(b, Task.Delay(TimeSpan.FromSeconds(1.5))));
        Assert.Empty(feed.ChangesAfter(0, 10));

        release.Set();
        var stored = new[] { await a, await b };
        var changes = feed.ChangesAfter(0, 10);
        Assert.Equal(stored.Select(v => v.Id), changes.Select(c => c.VersionId));
        Assert.True(changes[0].Seq < changes[1].Seq);
    }

    [Fact]
    public async Task NodesStartingAtOnce_OnANewDatabase_MigrateItOnce()
    {
        using var catalogue = new PostgresTestCatalogue();
        using var start = new Barrier(4);

        // why: without the migration lock the nodes race to create the same tables ("relation already exists")
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return catalogue.Open();
        })));

        try
        {
            stores[0].SaveVersion(Document("m1"), PolicyLink.NewPolicy(), Now);
            Assert.All(stores, s => Assert.Equal((1L, 1L, 1L, 0L), s.Counts()));
        }
        finally
        {
            foreach (var s in stores) s.Dispose();
        }
    }

    [Fact]
    public async Task ReaderFollowingTheLog_WhileTwoNodesWrite_MissesNoChange()
    {
        using var catalogue = new PostgresTestCatalogue();
        using var reading = catalogue.Open();
        var feed = new CatalogueClauseFeed(reading);
        var seen = new List<CatalogueChange>();
        using var done = new CancellationTokenSource();

        var writers = Enumerable.Range(1, 2).Select(node => Task.Run(() =>
        {
            using var store = catalogue.Open();
            // Each transaction stays open a while after its change row is written (as the tracker's work keeps it open),
            // long and short in turn on the two nodes: the window in which a later seq could commit first.
            for (var i = 0; i < 20; i++) store.SaveVersion(Document($"{node}{i:d3}"), PolicyLink.NewPolicy(), Now, _ => Thread.Sleep((node + i) % 2 == 0 ? 20 : 2));
        })).ToArray();
        var follower = Task.Run(() =>
        {
            // As an index catches up: from the last seq applied, as often as it can, until the writers are done.
            while (true)
            {
                var last = done.IsCancellationRequested;
                var after = seen.Count == 0 ? 0 : seen[^1].Seq;
                seen.AddRange(feed.ChangesAfter(after, 1000));
                if (last) return;
            }
        });
        await Task.WhenAll(writers);
        await done.CancelAsync();
        await follower;

        var all = feed.ChangesAfter(0, 1000);
        Assert.Equal(40, all.Count);
        Assert.Equal(all, seen);
    }
}
