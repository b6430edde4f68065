using System.Text.Json;

namespace PolicyIngest.Cli.Tests;

/// <summary>The formats added on branch formats, through the real CLI: extract of the real files in ../shared/data/real.</summary>
public class ReadFormatsCliTest
{
    private static string Real(string name) => Path.Combine(RepositoryPaths.Shared, "data", "real", name);

    [Theory]
    // why: OFD is a new contract id, "ofd"
    [InlineData("41_FORMAT-ONLY_mock-gongwen-master-template.ofd", "ofd", "测试公文标题")]
    // why: a .docx whose body is only an altChunk used to be refused as empty
    [InlineData("43_guohui-fa-2020.docx", "docx", "第十九条")]
    // why: an HTML fragment used to be text with raw tags in its title
    [InlineData("59_zhejiang-chengshi-daolu-zhandao-wajue-shoufei-2007.html", "html", "浙江省物价局、省财政厅关于城市道路占道")]
    public void Extract_RealFileOfANewlyReadKind_Exits0WithItsFormat(string file, string format, string expected)
    {
        var result = CliRunner.Run("extract", Real(file), "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal(format, json.RootElement.GetProperty("format").GetString());
        Assert.Contains(expected, result.StdOut);
        Assert.DoesNotContain("<p", json.RootElement.GetProperty("title").GetString() ?? "");
    }
}
