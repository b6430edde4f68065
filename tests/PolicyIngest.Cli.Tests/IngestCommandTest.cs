using System.Text.Json;

namespace PolicyIngest.Cli.Tests;

public class IngestCommandTest
{
    [Fact]
    public void Ingest_FolderWithBadFiles_KeepsGoodOnesAndExits3()
    {
        using var dir = new TempDir();
        var input = Directory.CreateDirectory(dir.File("in")).FullName;
        File.Copy(Path.Combine(RepositoryPaths.Shared, "seeds", "001_b6577d9982b2cb39.txt"), Path.Combine(input, "good.txt"));
        File.WriteAllBytes(Path.Combine(input, "empty.pdf"), []);
        var random = new byte[2048];
        new Random(1).NextBytes(random);
        random[0] = 1;
        File.WriteAllBytes(Path.Combine(input, "random.pdf"), random);
        var db = dir.File("cat.db");

        var result = CliRunner.Run("ingest", input, "--db", db, "--json");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"error: {Path.Combine(input, "empty.pdf")}: empty file", result.StdErr);
        Assert.Contains($"error: {Path.Combine(input, "random.pdf")}: ", result.StdErr);
        Assert.DoesNotContain("   at ", result.StdErr); // no stack trace
        using var json = JsonDocument.Parse(result.StdOut);
        var outcomes = json.RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => Path.GetFileName(r.GetProperty("source").GetString()!), r => r.GetProperty("outcome").GetString());
        Assert.Equal("new", outcomes["good.txt"]);
        Assert.Equal("failed", outcomes["empty.pdf"]);
    }

    [Fact]
    public void Ingest_SameBytesTwice_IsUnchangedTheSecondTime()
    {
        using var dir = new TempDir();
        var file = dir.File("a.txt");
        File.Copy(Path.Combine(RepositoryPaths.Shared, "seeds", "001_b6577d9982b2cb39.txt"), file);
        var db = dir.File("cat.db");

        var first = CliRunner.Run("ingest", file, "--db", db);
        var second = CliRunner.Run("ingest", file, "--db", db);

        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith("new ", first.StdOut);
        Assert.Equal(0, second.ExitCode);
        Assert.StartsWith("unchanged", second.StdOut);
    }

    [Fact]
    public void Extract_EmptyFile_Exits2WithOneLine()
    {
        using var dir = new TempDir();
        var file = dir.File("empty.docx");
        File.WriteAllBytes(file, []);

        var result = CliRunner.Run("extract", file, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {file}: empty file", result.StdErr.Trim());
        Assert.Equal("", result.StdOut);
    }

    [Fact]
    public void UnknownCommand_Exits1() => Assert.Equal(1, CliRunner.Run("no-such-command").ExitCode);
}
