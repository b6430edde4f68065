using System.Text.Json;

namespace PolicyIngest.Cli.Tests;

public class SearchCommandTest
{
    [Fact]
    public void Fts5_IsRemoved_IngestWritesNoTermRows_AndAskingForItIsOneErrorLine()
    {
        using var dir = new TempDir();
        var db = dir.File("cat.db");
        Assert.Equal(0, CliRunner.Run("ingest", Path.Combine(RepositoryPaths.Shared, "seeds", "000_cf5a06cb7cce2435.txt"), "--db", db).ExitCode);
        // why: search is the Lucene index; ingest no longer analyses every clause into FTS5 rows inside its transaction
        using (var catalogue = new PolicyIngest.Catalogue.CatalogueStore(db))
        {
            Assert.True(catalogue.Counts().Clauses > 0);
            Assert.Equal(0, PolicyIngest.Catalogue.ClauseSearchStore.CountIndexed(catalogue));
        }

        var result = CliRunner.RunIn(RepositoryPaths.Root, new Dictionary<string, string> { [PolicyIngest.Core.PolicyIngestSettings.SearchEngineVariable] = "fts5" },
            "search", "贴息", "--db", db);

        // why: asking for an engine that is no more is a usage error, as an unknown option is
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: $POLICYINGEST_SEARCH_ENGINE=fts5: FTS5 search was removed", result.StdErr);
        Assert.Single(result.StdErr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Search_Json_HasTheContractShape()
    {
        using var dir = new TempDir();
        var db = dir.File("cat.db");
        Assert.Equal(0, CliRunner.Run("ingest", Path.Combine(RepositoryPaths.Shared, "seeds", "000_cf5a06cb7cce2435.txt"), "--db", db).ExitCode);

        var result = CliRunner.Run("search", "贴息", "--db", db, "--json", "--limit", "3");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        Assert.Equal("贴息", root.GetProperty("query").GetString());
        Assert.True(root.GetProperty("total").GetInt32() >= 1);
        Assert.True(root.GetProperty("tookMs").GetDouble() >= 0);
        var hit = root.GetProperty("hits")[0];
        foreach (var name in new[] { "docId", "versionId", "title", "docNumber", "region", "status", "clauseId", "label", "path", "snippet", "score", "amounts" })
            Assert.True(hit.TryGetProperty(name, out _), $"hit lacks {name}");
        Assert.Contains("<em>贴息</em>", hit.GetProperty("snippet").GetString());
        Assert.False(string.IsNullOrEmpty(hit.GetProperty("status").GetString()));
        Assert.True(root.GetProperty("facets").GetProperty("status").EnumerateObject().Sum(p => p.Value.GetInt32()) >= 1);

        // why: --offset pages through the same ranking; the total still counts every match
        var page2 = CliRunner.Run("search", "贴息", "--db", db, "--json", "--limit", "1", "--offset", "1");
        using var second = JsonDocument.Parse(page2.StdOut);
        Assert.Equal(root.GetProperty("total").GetInt32(), second.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(root.GetProperty("hits")[1].GetProperty("clauseId").GetString(), second.RootElement.GetProperty("hits")[0].GetProperty("clauseId").GetString());
    }

    [Fact]
    public void Search_Human_PrintsHitsWithHighlights()
    {
        using var dir = new TempDir();
        var db = dir.File("cat.db");
        CliRunner.Run("ingest", Path.Combine(RepositoryPaths.Shared, "seeds", "000_cf5a06cb7cce2435.txt"), "--db", db);

        var result = CliRunner.Run("search", "升规纳统", "--db", db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("【升规纳统】", result.StdOut);
        Assert.Contains("clauses match", result.StdOut);
    }
}
