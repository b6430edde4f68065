using System.Text.Json;
using PolicyIngest.Cli.Tests.Robustness;

namespace PolicyIngest.Cli.Tests;

/// <summary>
/// `ingest FOLDER` catalogues policy documents only: a real folder holding a catalogue (database, its WAL and shared
/// memory, reports/, archive/, locks/), exports of it, gold JSON, an image, copies of its reports and real policy files.
/// </summary>
public class IngestFolderTest
{
    private static string Revision(string prefix, string extension) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "corpus", "revisions"), prefix + "*" + extension).Single();

    private sealed record Outcome(Dictionary<string, string> Results, Dictionary<string, string> Skipped, string[] StdErr, int ExitCode);

    private static Outcome Ingest(string db, params string[] inputs)
    {
        var result = CliRunner.Run(["ingest", .. inputs, "--db", db, "--json"]);
        Assert.DoesNotContain("   at ", result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var results = json.RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("source").GetString()!, r => r.GetProperty("outcome").GetString()!);
        var skipped = json.RootElement.GetProperty("skipped").EnumerateArray()
            .ToDictionary(r => r.GetProperty("source").GetString()!, r => r.GetProperty("reason").GetString()!);
        return new Outcome(results, skipped, result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries), result.ExitCode);
    }

    /// <summary>A folder as a user's data folder looks after ingesting, exporting and fetching into it.</summary>
    private static (string Folder, string Db, string[] Policies) MakeDataFolder(TempDir dir)
    {
        var folder = Directory.CreateDirectory(dir.File("data")).FullName;
        var policies = new[] { Path.Combine(folder, "2018.docx"), Path.Combine(folder, "2024.pdf"), Path.Combine(folder, "notes", "interpretation.pdf") };
        File.Copy(Revision("08_", ".docx"), policies[0]);
        File.Copy(Revision("09_", ".pdf"), policies[1]);
        Directory.CreateDirectory(Path.GetDirectoryName(policies[2])!);
        File.Copy(Path.Combine(RepositoryPaths.Root, "corpus", "seeds", "001_huairou-zhengce-jiedu.pdf"), policies[2]);
        var db = Path.Combine(folder, "catalogue.db");

        // The 2024 revision of the 2018 policy: a 新旧对照 report in data/reports/.
        var first = Ingest(db, policies);
        Assert.Equal(0, first.ExitCode);
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(folder, "reports"), "*.html"));
        foreach (var (format, name) in new[] { ("json", "catalogue.json"), ("xlsx", "catalogue.xlsx"), ("csv", "csv") })
            Assert.Equal(0, CliRunner.Run("export", "--format", format, Path.Combine(folder, "exports", name), "--db", db).ExitCode);
        // What a pipeline run leaves: originals in archive/ab/<sha>, a lock file per pipeline.
        var archived = Directory.CreateDirectory(Path.Combine(folder, "archive", "ab")).FullName;
        File.Copy(policies[0], Path.Combine(archived, "ab" + new string('0', 62)));
        Directory.CreateDirectory(Path.Combine(folder, "locks"));
        File.WriteAllBytes(Path.Combine(folder, "locks", "demo.lock"), []);
        // Data that is no policy: gold JSON, an image, a report copied out of reports/, a `diff --md` summary.
        Directory.CreateDirectory(Path.Combine(folder, "gold"));
        File.Copy(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "corpus", "gold"), "08_*.json").First(), Path.Combine(folder, "gold", "08.structure.json"));
        File.WriteAllBytes(Path.Combine(folder, "scan.png"), MalformedInputs.Png(40, 30));
        File.Copy(Directory.EnumerateFiles(Path.Combine(folder, "reports")).First(), Path.Combine(folder, "sent-to-the-boss.html"));
        Assert.Equal(0, CliRunner.Run("diff", Revision("08_", ".docx"), Revision("09_", ".docx"), "--md", Path.Combine(folder, "summary.md")).ExitCode);
        // why: ../shared/data/real/README.md was catalogued as a policy in force and led searches
        File.WriteAllText(Path.Combine(folder, "README.md"), "# 政策文件\n\n本文件夹收录区级扶持办法，每个文件一份政策。\n");
        return (folder, db, policies);
    }

    [Fact]
    public void Ingest_FolderHoldingTheCatalogue_CataloguesOnlyItsPolicyDocuments()
    {
        using var dir = new TempDir();
        var (folder, db, policies) = MakeDataFolder(dir);

        var again = Ingest(db, folder);

        Assert.Equal(0, again.ExitCode); // skipped files are no failures
        Assert.Equal(policies.Order(StringComparer.Ordinal), again.Results.Keys.Order(StringComparer.Ordinal));
        Assert.All(again.Results.Values, o => Assert.Equal("unchanged", o));
        string Reason(string relative) => again.Skipped[Path.Combine(folder, relative)];
        Assert.Contains("SQLite database", Reason("catalogue.db"));
        Assert.Contains("SQLite write-ahead log", Reason("catalogue.db-wal"));
        Assert.Contains("SQLite shared-memory index", Reason("catalogue.db-shm"));
        Assert.Contains("the catalogue's own reports folder", Reason("reports" + Path.DirectorySeparatorChar));
        Assert.Contains("the catalogue's own archive folder", Reason("archive" + Path.DirectorySeparatorChar));
        Assert.Contains("the catalogue's own locks folder", Reason("locks" + Path.DirectorySeparatorChar));
        Assert.Contains("the search index of catalogue.db", Reason("catalogue.db.lucene" + Path.DirectorySeparatorChar));
        Assert.Equal("not a policy document (JSON data)", Reason("exports/catalogue.json"));
        Assert.Equal("not a policy document (an xlsx spreadsheet)", Reason("exports/catalogue.xlsx"));
        foreach (var table in new[] { "policies", "amounts", "clauses" }) Assert.Equal("not a policy document (a CSV table)", Reason($"exports/csv/{table}.csv"));
        Assert.Equal("not a policy document (JSON data)", Reason("gold/08.structure.json"));
        Assert.Equal("not a policy document (a PNG image)", Reason("scan.png"));
        Assert.Contains("新旧对照 report", Reason("sent-to-the-boss.html"));
        Assert.Contains("新旧对照 report", Reason("summary.md"));
        Assert.Equal("not a policy document (documentation: a Markdown file)", Reason("README.md"));
        // one note line per skipped file or folder, on stderr, and nothing else there
        Assert.Equal(again.Skipped.Keys.Select(k => $"skipped: {k}: {again.Skipped[k]}").Order(StringComparer.Ordinal),
            again.StdErr.Where(l => !l.StartsWith("warning: ", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ingest_FolderHoldingAnotherCatalogue_SkipsThatCataloguesFoldersToo()
    {
        using var dir = new TempDir();
        var (folder, _, policies) = MakeDataFolder(dir);

        var elsewhere = Ingest(dir.File("other.db"), folder);

        Assert.Equal(0, elsewhere.ExitCode);
        Assert.Equal(policies.Order(StringComparer.Ordinal), elsewhere.Results.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("new", elsewhere.Results.Values);
        Assert.Contains("the catalogue's own reports folder (next to catalogue.db)", elsewhere.Skipped[Path.Combine(folder, "reports") + Path.DirectorySeparatorChar]);
        Assert.Contains(Path.Combine(folder, "archive") + Path.DirectorySeparatorChar, elsewhere.Skipped.Keys);
        Assert.Contains(Path.Combine(folder, "catalogue.db.lucene") + Path.DirectorySeparatorChar, elsewhere.Skipped.Keys);
    }

    [Fact]
    public void Ingest_FolderWithALinkBackToItself_WalksEachFolderOnce()
    {
        using var dir = new TempDir();
        var sub = Directory.CreateDirectory(dir.File("in/sub")).FullName;
        var policy = Path.Combine(sub, "policy.docx");
        File.Copy(Revision("08_", ".docx"), policy);
        Directory.CreateSymbolicLink(Path.Combine(sub, "back"), dir.File("in"));

        var result = Ingest(dir.File("cat.db"), dir.File("in"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([policy], result.Results.Keys);
    }

    [Fact]
    public void Ingest_FileNamedExplicitly_IsTriedEvenWhenAFolderWalkWouldSkipIt()
    {
        using var dir = new TempDir();
        var image = dir.File("scan.png");
        File.WriteAllBytes(image, MalformedInputs.Png(40, 30));
        var json = dir.File("gold.json");
        File.Copy(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "corpus", "gold"), "08_*.json").First(), json);

        var one = CliRunner.Run("ingest", image, "--db", dir.File("cat.db"));
        Assert.Equal(2, one.ExitCode);
        Assert.Equal($"error: {image}: not a supported document format (PDF, OFD, DOCX, DOC/WPS, HTML or text)", one.StdErr.Trim());

        // JSON is text to the readers: named on its own it is read (the user asked for it), never skipped
        var named = Ingest(dir.File("cat.db"), json);
        Assert.Empty(named.Skipped);
        Assert.Single(named.Results);
    }
}
