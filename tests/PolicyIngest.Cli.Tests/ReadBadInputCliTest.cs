using System.Text;

namespace PolicyIngest.Cli.Tests;

/// <summary>Bad input through the real CLI: exit 2 and exactly one line "error: FILE: reason"; folder ingest keeps the good ones.</summary>
public class ReadBadInputCliTest
{
    private static string CorpusFile(string name) => Path.Combine(RepositoryPaths.Root, "corpus", name);

    private static void AssertOneErrorLine(CliRunner.Result result, string file, string reasonPart)
    {
        Assert.Equal(2, result.ExitCode);
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith($"error: {file}: ", line);
        Assert.Contains(reasonPart, line);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        // why: nothing to read
        { "empty", "empty file" },
        // why: random bytes named .pdf: the name does not make a format
        { "random", "not a supported document format" },
        // why: half a PDF: poppler cannot find the cross-reference table
        { "truncated", "damaged or truncated" },
        // why: a user password is needed
        { "encrypted", "encrypted" },
        // why: a .docx that is not a zip archive
        { "notzip", "not a valid zip archive" },
        // why: a .docx that unpacks to more than the limit
        { "bomb", "zip bomb guard" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Extract_BadFile_Exits2WithOneLine(string kind, string reason)
    {
        using var dir = new TempDir();
        var (file, env) = Make(dir, kind);
        AssertOneErrorLine(CliRunner.RunIn(RepositoryPaths.Root, env, "extract", file, "--json"), file, reason);
    }

    [Fact]
    public void Extract_FileOverTheSizeLimit_Exits2_OptionAndEnvironment()
    {
        var file = CorpusFile("seeds/001_huairou-zhengce-jiedu.pdf");
        AssertOneErrorLine(CliRunner.Run("extract", file, "--max-file-mb", "0.01"), file, "-byte limit");
        AssertOneErrorLine(CliRunner.RunIn(RepositoryPaths.Root, new Dictionary<string, string> { ["POLICYINGEST_MAX_FILE_MB"] = "0.01" }, "extract", file), file, "-byte limit");
    }

    [Fact]
    public void Extract_TextNamedPdf_IsReadAsText()
    {
        using var dir = new TempDir();
        var file = dir.File("interpretation.pdf");
        File.Copy(Path.Combine(RepositoryPaths.Shared, "seeds", "001_b6577d9982b2cb39.txt"), file);
        var result = CliRunner.Run("extract", file, "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"format\": \"txt\"", result.StdOut.Replace("\":\"", "\": \""));
        Assert.DoesNotContain("error:", result.StdErr);
    }

    [Fact]
    public void Ingest_FolderWithEveryKindOfBadFile_KeepsTheGoodOnesAndExits3()
    {
        using var dir = new TempDir();
        var input = Directory.CreateDirectory(dir.File("in")).FullName;
        File.Copy(CorpusFile("revisions/08_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2018.docx"), Path.Combine(input, "good.docx"));
        File.Copy(CorpusFile("revisions/09_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2024.pdf"), Path.Combine(input, "good.pdf"));
        var bad = new List<string>();
        foreach (var kind in new[] { "empty", "random", "truncated", "notzip" })
        {
            var (file, _) = Make(dir, kind);
            var target = Path.Combine(input, Path.GetFileName(file));
            File.Move(file, target);
            bad.Add(target);
        }
        var result = CliRunner.Run("ingest", input, "--db", dir.File("cat.db"));
        Assert.Equal(3, result.ExitCode);
        var errors = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(bad.Count, errors.Length);
        foreach (var file in bad) Assert.Contains(errors, e => e.StartsWith($"error: {file}: ", StringComparison.Ordinal));
        Assert.Contains("good.docx", result.StdOut);
        Assert.Contains("good.pdf", result.StdOut);
    }

    private static (string File, Dictionary<string, string>? Env) Make(TempDir dir, string kind)
    {
        switch (kind)
        {
            case "empty":
                File.WriteAllBytes(dir.File("empty.pdf"), []);
                return (dir.File("empty.pdf"), null);
            case "random":
                var bytes = new byte[4096];
                new Random(3).NextBytes(bytes);
                bytes[0] = 0x02;
                File.WriteAllBytes(dir.File("random.pdf"), bytes);
                return (dir.File("random.pdf"), null);
            case "truncated":
                var pdf = File.ReadAllBytes(CorpusFile("revisions/08_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2018.pdf"));
                File.WriteAllBytes(dir.File("truncated.pdf"), pdf[..(pdf.Length / 2)]);
                return (dir.File("truncated.pdf"), null);
            case "encrypted":
                Qpdf.Run("--encrypt", "u", "o", "256", "--", CorpusFile("revisions/08_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2018.pdf"), dir.File("encrypted.pdf"));
                return (dir.File("encrypted.pdf"), null);
            case "notzip":
                File.WriteAllBytes(dir.File("notzip.docx"), Encoding.ASCII.GetBytes("PK\u0003\u0004 not a zip" + new string('.', 400)));
                return (dir.File("notzip.docx"), null);
            case "bomb":
                var huge = new byte[24 * 1024 * 1024];
                Array.Fill(huge, (byte)' ');
                using (var zip = new System.IO.Compression.ZipArchive(File.Create(dir.File("bomb.docx")), System.IO.Compression.ZipArchiveMode.Create))
                {
                    using (var s = zip.CreateEntry("[Content_Types].xml").Open()) s.Write("<Types/>"u8);
                    using (var s = zip.CreateEntry("word/document.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open()) s.Write(huge);
                }
                return (dir.File("bomb.docx"), new Dictionary<string, string> { ["POLICYINGEST_MAX_UNPACKED_MB"] = "8" });
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }
}
