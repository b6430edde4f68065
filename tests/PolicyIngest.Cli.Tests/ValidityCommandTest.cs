using System.Text.Json;

namespace PolicyIngest.Cli.Tests;

/// <summary>`show` and `changes --expiring-within` give each validity date with the sentence it came from (real/30).</summary>
public class ValidityCommandTest
{
    // 广州市居家社区养老服务管理办法: 成文 2022-09-06, 版记 "…2022年9月13日印发", 第五十二条 本办法自印发之日起施行，有效期5年。
    private static string Real30 => Directory.GetFiles(Path.Combine(RepositoryPaths.Shared, "data", "real"), "30_*").Single();

    private const string Sentence = "本办法自印发之日起施行，有效期5年。";

    [Fact]
    public void ShowAndChanges_QuoteTheSentence_ExpiredSaysWhich()
    {
        using var dir = new TempDir();
        var db = dir.File("cat.db");
        Assert.Equal(0, CliRunner.Run("ingest", Real30, "--db", db).ExitCode);
        using var listed = JsonDocument.Parse(CliRunner.Run("changes", "--db", db, "--as-of", "2027-08-20", "--expiring-within", "30", "--json").StdOut);
        var expiring = listed.RootElement.GetProperty("expiring").EnumerateArray().Single();
        var versionId = expiring.GetProperty("versionId").GetString()!;

        // why: the end date, the days left and the sentence that set it
        Assert.Equal("2027-09-12", expiring.GetProperty("expiresOn").GetString());
        Assert.Equal(23, expiring.GetProperty("daysLeft").GetInt32());
        Assert.Equal(Sentence, expiring.GetProperty("expiresBasis").GetProperty("sentence").GetString());
        var text = CliRunner.Run("changes", "--db", db, "--as-of", "2027-08-20", "--expiring-within", "30").StdOut;
        Assert.Contains("2027-09-12 (还有 23 天)", text);
        Assert.Contains($"依据：有效期N年「{Sentence}」（ch7/art52；自施行之日 2022-09-13 起算5年）", text);

        // why: show prints 施行 and 失效 each with its rule and sentence; 施行 counted from the 版记's 印发 date
        var show = CliRunner.Run("show", versionId, "--db", db, "--as-of", "2027-08-20").StdOut;
        Assert.Contains("施行日期：2022-09-13", show);
        Assert.Contains($"依据：自印发之日起施行「{Sentence}」（ch7/art52；按版记印发日期：广州市人民政府办公厅秘书处2022年9月13日印发）", show);
        Assert.Contains("失效日期：2027-09-12", show);

        // why: after the end the status is 已失效, and the reason names the sentence
        var expired = CliRunner.Run("show", versionId, "--db", db, "--as-of", "2027-10-01").StdOut;
        Assert.Contains("expired · 已失效", expired);
        Assert.Contains($"状态依据：有效期至2027年9月12日届满，依据：有效期N年「{Sentence}」", expired);
        using var changes = JsonDocument.Parse(CliRunner.Run("changes", "--db", db, "--as-of", "2027-10-01", "--since", "2027-09-01", "--json").StdOut);
        var entry = changes.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "expired");
        Assert.Contains(Sentence, entry.GetProperty("reason").GetString());
    }
}
