using System.Security.Cryptography;

namespace PolicyIngest.Cli.Tests;

/// <summary>
/// `demo` resets only its own data/demo/catalogue.db. A catalogue the user named (--db, $POLICYINGEST_DB) is never
/// deleted: the demo refuses it when it holds anything (exit 2, one `error:` line) and runs in it only while it is new,
/// leaving whatever else is in its folder.
/// </summary>
public class DemoCommandTest
{
    /// <summary>A real catalogue holding one policy: what a user's --db looks like.</summary>
    private static string UsersCatalogue(TempDir dir)
    {
        var db = dir.File("mine.db");
        var file = dir.File("policy.txt");
        File.Copy(RepositoryPaths.Revision("08_"), file);
        Assert.Equal(0, CliRunner.Run("ingest", file, "--db", db).ExitCode);
        return db;
    }

    private static string Fingerprint(string db) =>
        string.Join(' ', new[] { db, db + "-wal" }.Where(File.Exists).Select(f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))));

    private static void AssertRefused(CliRunner.Result result, string path)
    {
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {path}: ", line);
        Assert.DoesNotContain("mock portal", result.StdOut); // refused before anything ran
    }

    [Fact]
    public void NamedDb_HoldingACatalogue_IsRefusedAndKept()
    {
        // why: `demo --db X` used to delete X, its WAL, the scheduler store and archive/ next to it before running
        using var dir = new TempDir();
        var db = UsersCatalogue(dir);
        var before = Fingerprint(db);

        AssertRefused(CliRunner.Run("demo", "--db", db), db);

        Assert.Equal(before, Fingerprint(db));
        var show = CliRunner.Run("search", "申报标准", "--db", db, "--json");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("\"total\"", show.StdOut);
    }

    [Fact]
    public void EnvironmentDb_HoldingACatalogue_IsRefusedAndKept()
    {
        // why: $POLICYINGEST_DB names the catalogue as --db does (../shared/spec/cli.md)
        using var dir = new TempDir();
        var db = UsersCatalogue(dir);
        var before = Fingerprint(db);

        AssertRefused(CliRunner.RunIn(RepositoryPaths.Root, new Dictionary<string, string> { ["POLICYINGEST_DB"] = db }, "demo"), db);

        Assert.Equal(before, Fingerprint(db));
    }

    [Fact]
    public void NewNamedDb_InAFolderWithASchedulerStore_IsRefused()
    {
        // why: the demo's scheduler would unschedule every pipeline but its own in that store
        using var dir = new TempDir();
        var store = dir.File("scheduler.db");
        File.WriteAllText(store, "the user's Quartz job store");

        AssertRefused(CliRunner.Run("demo", "--db", dir.File("new.db")), store);

        Assert.Equal("the user's Quartz job store", File.ReadAllText(store));
        Assert.False(File.Exists(dir.File("new.db")));
    }

    [Fact]
    public void NewNamedDb_RunsTheDemo_AndLeavesTheFolderAlone()
    {
        // why: a new catalogue is the one a user may name; what else is in its folder is theirs
        using var dir = new TempDir();
        var archived = Path.Combine(dir.Path, "archive", "ab", "ab" + new string('0', 62));
        Directory.CreateDirectory(Path.GetDirectoryName(archived)!);
        File.WriteAllText(archived, "an original the user archived");
        var db = dir.File("demo.db");

        var result = CliRunner.RunIn(RepositoryPaths.Root, null, TimeSpan.FromMinutes(10), "demo", "--db", db);

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains($"catalogue {db}: 6 policies", result.StdOut);
        Assert.Equal("an original the user archived", File.ReadAllText(archived));
    }
}
