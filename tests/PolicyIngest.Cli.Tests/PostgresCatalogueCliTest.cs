using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyIngest.Core;

namespace PolicyIngest.Cli.Tests;

/// <summary>
/// Issue #20: the CLI on a PostgreSQL catalogue (<c>--db postgresql://…</c>) end to end, through the real ./policyingest:
/// ingest, search (the Lucene index in the local data directory), show, changes, export — and the same files in a SQLite
/// catalogue export the same.
/// </summary>
public sealed class PostgresCatalogueCliTest
{
    private static readonly string[] Files =
    [
        RepositoryPaths.SharedFile(Path.Combine("seeds", "000_cf5a06cb7cce2435.txt")),
        RepositoryPaths.SharedFile(Path.Combine("data", "real", "09_guangdong-yibao-xincuo-2025.html")),
    ];

    [Fact]
    public void Ingest_Search_Show_Changes_Export_WorkOnPostgreSql()
    {
        using var database = PostgresServer.Shared.CreateDatabase();
        using var dir = new TempDir();
        // The catalogue's local folder (reports, archive, locks, search index) under the home: data/pg-HOST-PORT-DB.
        var data = Path.Combine(RepositoryPaths.Root, "data", database.Address.DataFolderName);
        try
        {
            var ingest = CliRunner.Run(["ingest", .. Files, "--db", database.Url, "--json"]);
            Assert.True(ingest.ExitCode == 0, ingest.StdErr);
            using var ingested = JsonDocument.Parse(ingest.StdOut);
            var results = ingested.RootElement.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(["new", "new"], results.Select(r => r.GetProperty("outcome").GetString()));
            var versionId = results[0].GetProperty("versionId").GetString()!;

            var search = CliRunner.Run("search", "贴息", "--db", database.Url, "--json");
            Assert.True(search.ExitCode == 0, search.StdErr);
            using (var hits = JsonDocument.Parse(search.StdOut))
            {
                var hit = hits.RootElement.GetProperty("hits")[0];
                Assert.Equal(versionId, hit.GetProperty("versionId").GetString());
                Assert.Contains("<em>贴息</em>", hit.GetProperty("snippet").GetString());
            }
            Assert.True(Directory.Exists(Path.Combine(data, "catalogue.lucene")), "the search index lives in the local data directory");

            var show = CliRunner.Run("show", versionId, "--db", database.Url);
            Assert.True(show.ExitCode == 0, show.StdErr);
            Assert.Contains(versionId, show.StdOut);

            var changes = CliRunner.Run("changes", "--since", "2000-01-01", "--db", database.Url, "--json");
            Assert.True(changes.ExitCode == 0, changes.StdErr);
            foreach (var r in results) Assert.Contains(r.GetProperty("versionId").GetString()!, changes.StdOut);

            // why: the same two files in the default SQLite catalogue: every policy, amount (exact decimals) and clause exports the same
            var sqlite = dir.File("catalogue.db");
            Assert.Equal(0, CliRunner.Run(["ingest", .. Files, "--db", sqlite]).ExitCode);
            Assert.Equal(Export(sqlite, dir.File("sqlite.json")), Export(database.Url, dir.File("postgres.json")));
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void Run_OnPostgreSql_WaitsForAnotherNodesRunOfThePipeline_AndRecordsItsNode()
    {
        using var database = PostgresServer.Shared.CreateDatabase();
        using var dir = new TempDir();
        var data = Path.Combine(RepositoryPaths.Root, "data", database.Address.DataFolderName);
        var input = Directory.CreateDirectory(dir.File("in")).FullName;
        File.Copy(Files[0], Path.Combine(input, "a.txt"));
        var yaml = dir.File("pgrun.yaml");
        File.WriteAllText(yaml, $$"""
            name: pgrun
            schedule: "0 0 6 * * ?"
            sources:
              - name: local
                kind: folder
                folder: {{input}}
                include: '\.txt$'
            """);
        // Another machine: the same catalogue, a data directory of its own.
        using var otherNode = new PolicyIngest.Catalogue.CatalogueStore(database.Url, dir.File("other-node"));
        try
        {
            // why: the run lock was a file in each machine's own data/locks/, which let two nodes run one pipeline at once
            using (var held = otherNode.TryLockPipeline("pgrun"))
            {
                Assert.NotNull(held);
                var busy = CliRunner.Run("run", yaml, "--db", database.Url);
                Assert.Equal(3, busy.ExitCode);
                Assert.Contains("pipeline pgrun is already running in another process", busy.StdErr);
            }

            var run = CliRunner.Run("run", yaml, "--db", database.Url, "--json");
            Assert.True(run.ExitCode == 0, run.StdErr);
            using var json = JsonDocument.Parse(run.StdOut);
            var node = json.RootElement.GetProperty("node").GetString()!;
            Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(Environment.MachineName)}-[0-9]+$", node);
            Assert.Equal(1, json.RootElement.GetProperty("new").GetInt32());
            var recorded = Assert.Single(new PolicyIngest.Catalogue.FetchStore(otherNode).Runs());
            Assert.Equal((json.RootElement.GetProperty("runId").GetString(), node, "cli"), (recorded.Id, recorded.Node, recorded.Trigger));

            var again = CliRunner.Run("run", yaml, "--db", database.Url);
            Assert.True(again.ExitCode == 0, again.StdErr);
            Assert.Matches($@"run r\S+ of pgrun on {System.Text.RegularExpressions.Regex.Escape(Environment.MachineName)}-[0-9]+: done", again.StdOut);
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    [Theory]
    [InlineData("postgresql://127.0.0.1:5432/policies")]          // no user
    [InlineData("postgresql://pi@127.0.0.1:5432/")]               // no database
    public void MalformedPostgreSqlAddress_IsAUsageErrorInOneLine(string url)
    {
        var result = CliRunner.Run("search", "贴息", "--db", url);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: catalogue ", result.StdErr);
        Assert.Single(result.StdErr.TrimEnd().Split('\n'));
    }

    /// <summary>The export as JSON text without the ingest times (each catalogue ingested at its own moment).</summary>
    private static string Export(string db, string file)
    {
        var result = CliRunner.Run("export", "--format", "json", file, "--db", db);
        Assert.True(result.ExitCode == 0, result.StdErr);
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        foreach (var policy in root["policies"]!.AsArray()) policy!.AsObject().Remove("ingestedAt");
        return root.ToJsonString();
    }
}
