using System.IO.Compression;
using System.Text.Json;

namespace PolicyIngest.Cli.Tests;

/// <summary>
/// `match PROFILE` through the real CLI on the user's seed 000 (怀柔区…扶持办法, in force since 2025-07-10): the JSON of
/// ../shared/spec/cli.md, YAML profiles read as JSON ones, the region of a district policy, bad profiles, the workbook.
/// </summary>
public class MatchCommandTest
{
    private static readonly string Seed000 = RepositoryPaths.SharedFile(Path.Combine("seeds", "000_cf5a06cb7cce2435.txt"));

    private const string Profile = """
        {"name": "示例仪器公司", "region": "北京市怀柔区", "industries": ["制造业"], "titles": ["规模以上工业企业"],
         "newTitles": ["专精特新中小企业"], "figures": {"营业收入": 50000000}, "founded": "2018-05-01", "employees": 120}
        """;

    [Fact]
    public void Json_HasTheContractFields_AndTheClauseTheNewTitleEarns()
    {
        using var dir = new TempDir();
        var db = dir.File("c.db");
        Assert.Equal(0, CliRunner.Run("ingest", Seed000, "--db", db).ExitCode);
        File.WriteAllText(dir.File("p.json"), Profile);

        var result = CliRunner.Run("match", dir.File("p.json"), "--db", db, "--as-of", "2026-06-01", "--json");

        Assert.True(result.ExitCode == 0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        Assert.Equal("2026-06-01", root.GetProperty("asOf").GetString());
        var matches = root.GetProperty("matches").EnumerateArray().ToList();
        Assert.NotEmpty(matches);
        foreach (var m in matches.Concat(root.GetProperty("almost").EnumerateArray()))
        {
            foreach (var field in new[] { "versionId", "title", "region", "label", "clauseId", "amount", "conditions" }) Assert.True(m.TryGetProperty(field, out _), field);
            foreach (var field in new[] { "min", "max", "text" }) Assert.True(m.GetProperty("amount").TryGetProperty(field, out _), field);
            foreach (var c in m.GetProperty("conditions").EnumerateArray())
            {
                Assert.Contains(c.GetProperty("state").GetString(), new[] { "met", "unmet", "unknown" });
                Assert.False(string.IsNullOrEmpty(c.GetProperty("why").GetString()));
                Assert.False(string.IsNullOrEmpty(c.GetProperty("text").GetString()));
            }
        }
        // 第二条: 首次或新迁入获得…“专精特新”中小企业…给予30万元和80万元.
        var art2 = Assert.Single(matches, m => m.GetProperty("clauseId").GetString() == "ch2/art2");
        Assert.Contains(art2.GetProperty("conditions").EnumerateArray(), c => c.GetProperty("type").GetString() == "newTitle" && c.GetProperty("state").GetString() == "met");
        Assert.Equal(800000m, art2.GetProperty("amount").GetProperty("max").GetDecimal());
        // Ordered by the most a clause may pay.
        var maxima = matches.Select(m => m.GetProperty("amount").GetProperty("max") is { ValueKind: JsonValueKind.Number } x ? x.GetDecimal() : -1m).ToList();
        Assert.Equal(maxima.OrderByDescending(x => x), maxima);
    }

    [Fact]
    public void EnterpriseInAnotherDistrict_MeetsNoneOfADistrictPolicysClauses()
    {
        using var dir = new TempDir();
        var db = dir.File("c.db");
        Assert.Equal(0, CliRunner.Run("ingest", Seed000, "--db", db).ExitCode);
        File.WriteAllText(dir.File("p.json"), Profile.Replace("北京市怀柔区", "北京市朝阳区", StringComparison.Ordinal));

        using var json = JsonDocument.Parse(CliRunner.Run("match", dir.File("p.json"), "--db", db, "--as-of", "2026-06-01", "--json").StdOut);

        Assert.Empty(json.RootElement.GetProperty("matches").EnumerateArray());
        Assert.All(json.RootElement.GetProperty("almost").EnumerateArray(), m => Assert.Contains(m.GetProperty("conditions").EnumerateArray(),
            c => c.GetProperty("type").GetString() == "region" && c.GetProperty("state").GetString() == "unmet"));
    }

    [Fact]
    public void YamlProfile_GivesTheSameResultAsJson_AndTheWorkbookHasBothSheets()
    {
        using var dir = new TempDir();
        var db = dir.File("c.db");
        Assert.Equal(0, CliRunner.Run("ingest", Seed000, "--db", db).ExitCode);
        File.WriteAllText(dir.File("p.json"), Profile);
        File.WriteAllText(dir.File("p.yaml"), """
            name: 示例仪器公司
            region: 北京市怀柔区
            industries: [制造业]
            titles:
              - 规模以上工业企业
            newTitles: [专精特新中小企业]
            figures:
              营业收入: 50000000
            founded: 2018-05-01
            employees: 120
            """);

        var fromJson = CliRunner.Run("match", dir.File("p.json"), "--db", db, "--as-of", "2026-06-01", "--json");
        var fromYaml = CliRunner.Run("match", dir.File("p.yaml"), "--db", db, "--as-of", "2026-06-01", "--json", "--xlsx", dir.File("m.xlsx"));

        Assert.True(fromYaml.ExitCode == 0, fromYaml.StdErr);
        Assert.Equal(fromJson.StdOut, fromYaml.StdOut);
        using var zip = ZipFile.OpenRead(dir.File("m.xlsx"));
        var workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open()).ReadToEnd();
        Assert.Contains("可申报", workbook);
        Assert.Contains("差一项", workbook);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("{\"employees\": \"很多\"}")]
    [InlineData("region: [unclosed")]
    public void BadProfile_IsOneErrorLineAndExit2(string content)
    {
        using var dir = new TempDir();
        var db = dir.File("c.db");
        Assert.Equal(0, CliRunner.Run("ingest", Seed000, "--db", db).ExitCode);
        File.WriteAllText(dir.File("bad.json"), content);

        var result = CliRunner.Run("match", dir.File("bad.json"), "--db", db);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {dir.File("bad.json")}: ", result.StdErr);
        Assert.Single(result.StdErr.TrimEnd().Split('\n'));
    }
}
