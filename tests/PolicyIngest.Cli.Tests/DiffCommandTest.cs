using System.Text.Json;

namespace PolicyIngest.Cli.Tests;

public class DiffCommandTest
{
    private static string Revision(string prefix) => RepositoryPaths.Revision(prefix);

    [Fact]
    public void Diff_Json_HasTheContractShape_AndWritesHtmlAndMarkdown()
    {
        using var dir = new TempDir();
        var html = dir.File("report.html");
        var md = dir.File("summary.md");

        var result = CliRunner.Run("diff", Revision("08_"), Revision("09_"), "--json", "--html", html, "--md", md);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        Assert.Equal(["old", "new", "pairs", "amountChanges", "summary"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["title", "docNumber", "issuedOn"], root.GetProperty("old").EnumerateObject().Select(p => p.Name));
        var pair = root.GetProperty("pairs").EnumerateArray().First(p => p.GetProperty("change").GetString() == "modified");
        Assert.Equal(["old", "new", "change", "similarity"], pair.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["label", "path", "text"], pair.GetProperty("new").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["unchanged", "modified", "moved", "added", "removed", "merged", "split"],
            root.GetProperty("summary").EnumerateObject().Select(p => p.Name));
        // why: (一) → （一） in 第二条 is cosmetic and must not count as a change.
        var second = root.GetProperty("pairs").EnumerateArray().Single(p => p.GetProperty("old").ValueKind == JsonValueKind.Object
            && p.GetProperty("old").GetProperty("label").GetString() == "第二条");
        Assert.Equal("unchanged", second.GetProperty("change").GetString());
        Assert.Contains("新旧对照", File.ReadAllText(html));
        Assert.Contains("@media print", File.ReadAllText(html));
        Assert.Contains("「计超过100亿元人」→「计超过120亿元人」", File.ReadAllText(md));
    }

    [Fact]
    public void Diff_UnknownVersion_IsBadInput()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run("diff", "v000000000000", Revision("09_"), "--db", dir.File("none.db"));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: v000000000000: ", result.StdErr);
    }

    [Fact]
    public void Ingest_TwoVersionsOfOneSource_ShowExplainsAndChangesListsTheReport()
    {
        using var dir = new TempDir();
        var db = dir.File("data/cat.db");
        var entry = CliCatalogues.IngestTwoVersions(dir, db, "08_", "09_");
        Assert.Equal("new-version", entry.GetProperty("outcome").GetString());
        var versionId = entry.GetProperty("versionId").GetString()!;

        var show = CliRunner.Run("show", versionId, "--db", db, "--json");
        Assert.Equal(0, show.ExitCode);
        using var shown = JsonDocument.Parse(show.StdOut);
        var versions = shown.RootElement.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(2, versions.Count);
        Assert.Equal("amended", versions[0].GetProperty("status").GetString());
        Assert.Equal("in_force", versions[1].GetProperty("status").GetString());
        Assert.Contains("来源相同", versions[1].GetProperty("linkReason").GetString());

        var changes = CliRunner.Run("changes", "--since", "2000-01-01", "--db", db, "--json");
        Assert.Equal(0, changes.ExitCode);
        using var listed = JsonDocument.Parse(changes.StdOut);
        var revised = listed.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "revised");
        var report = revised.GetProperty("report").GetString()!;
        Assert.True(File.Exists(report));
        Assert.Equal(Path.Combine(dir.Path, "data", "reports"), Path.GetDirectoryName(report));
    }
}
