using System.Text.Json;

namespace PolicyIngest.Cli.Tests;

/// <summary>Catalogues the CLI tests build through the real ./policyingest.</summary>
public static class CliCatalogues
{
    /// <summary>
    /// Ingests the revision <paramref name="oldPrefix"/>, then <paramref name="newPrefix"/> written over it at the same path
    /// (a new version of the same source); the second ingest's `--json` result entry.
    /// </summary>
    public static JsonElement IngestTwoVersions(TempDir dir, string db, string oldPrefix, string newPrefix, string fileName = "policy.txt")
    {
        var file = dir.File(fileName);
        File.Copy(RepositoryPaths.Revision(oldPrefix), file);
        Assert.Equal(0, CliRunner.Run("ingest", file, "--db", db).ExitCode);
        File.Copy(RepositoryPaths.Revision(newPrefix), file, overwrite: true);
        var second = CliRunner.Run("ingest", file, "--db", db, "--json");
        Assert.Equal(0, second.ExitCode);
        using var json = JsonDocument.Parse(second.StdOut);
        return json.RootElement.GetProperty("results")[0].Clone();
    }
}
