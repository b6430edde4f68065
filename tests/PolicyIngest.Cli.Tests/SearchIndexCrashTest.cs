using System.Text.Json;
using PolicyIngest.Catalogue;

namespace PolicyIngest.Cli.Tests;

/// <summary>
/// The Lucene index follows the catalogue's change log: a real `ingest` killed with SIGKILL after some versions are
/// committed (so the catalogue is ahead of the index), and a real `reindex` killed mid-rebuild, lose nothing — the next
/// search catches up and the index again holds one document per catalogue clause.
/// </summary>
public class SearchIndexCrashTest
{
    private static (long Catalogue, long Applied, long Documents, long Clauses) Status(string db)
    {
        var r = CliRunner.Run("reindex", "--status", "--json", "--db", db);
        Assert.True(r.ExitCode == 0, r.StdErr);
        using var json = JsonDocument.Parse(r.StdOut);
        var s = json.RootElement;
        return (s.GetProperty("catalogueChange").GetInt64(), s.GetProperty("appliedChange").GetInt64(),
            s.GetProperty("documents").GetInt64(), s.GetProperty("clauses").GetInt64());
    }

    private static int Total(string db, string query)
    {
        var r = CliRunner.Run("search", query, "--json", "--db", db);
        Assert.True(r.ExitCode == 0, r.StdErr);
        using var json = JsonDocument.Parse(r.StdOut);
        return json.RootElement.GetProperty("total").GetInt32();
    }

    [Fact]
    public async Task KilledIngestAndKilledReindex_TheNextSearchCatchesUp()
    {
        using var dir = new TempDir();
        var db = dir.File("cat.db");
        Assert.Equal(0, CliRunner.Run("ingest", Path.Combine(RepositoryPaths.Shared, "seeds"), "--db", db).ExitCode);
        var afterSeeds = Status(db);
        Assert.Equal(afterSeeds.Catalogue, afterSeeds.Applied);   // ingest brought the index up to date
        Assert.Equal(afterSeeds.Clauses, afterSeeds.Documents);

        using (var doomed = CliRunner.Start(null, "ingest", Path.Combine(RepositoryPaths.Shared, "data", "revisions"), "--db", db))
        {
            var deadline = DateTime.UtcNow.AddMinutes(6);
            long versions;
            do
            {
                await Task.Delay(100);
                using var catalogue = new CatalogueStore(db);
                versions = catalogue.Counts().Versions;
            }
            while (versions < 6 && !doomed.HasExited && DateTime.UtcNow < deadline);
            Assert.False(doomed.HasExited, "the ingest ended before it could be killed");
            doomed.Kill(); // SIGKILL: between catalogue commits and before any index commit
            await doomed.WaitForExitAsync();
        }
        var killed = Status(db);
        Assert.True(killed.Applied < killed.Catalogue, $"index at {killed.Applied}, catalogue at {killed.Catalogue}");

        var relaxedTotal = Total(db, "企业");   // the search catches up first
        var caughtUp = Status(db);
        Assert.Equal(caughtUp.Catalogue, caughtUp.Applied);
        Assert.Equal(caughtUp.Clauses, caughtUp.Documents);
        Assert.True(relaxedTotal > 0);

        using (var doomed = CliRunner.Start(null, "reindex", "--db", db))
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (Directory.GetFiles(db + ".lucene", "write.lock").Length == 0 && !doomed.HasExited && DateTime.UtcNow < deadline) await Task.Delay(20);
            await Task.Delay(300);
            if (!doomed.HasExited) doomed.Kill();
            await doomed.WaitForExitAsync();
        }
        Assert.Equal(relaxedTotal, Total(db, "企业"));
        var afterKilledReindex = Status(db);
        Assert.Equal(afterKilledReindex.Catalogue, afterKilledReindex.Applied);
        Assert.Equal(afterKilledReindex.Clauses, afterKilledReindex.Documents);

        var rebuilt = CliRunner.Run("reindex", "--db", db, "--json");
        Assert.True(rebuilt.ExitCode == 0, rebuilt.StdErr);
        Assert.Equal(relaxedTotal, Total(db, "企业"));
    }
}
