using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyIngest.Cli.Tests;

/// <summary>`show ID --consolidated` on 反垄断法 2007 → 2022 ingested as two versions of one source.</summary>
public class ShowConsolidatedTest
{
    private const string Note58 = "【编注】原第四十八条，根据2022年6月24日《关于修改〈中华人民共和国反垄断法〉的决定》修改后改为本条";

    private static (string Db, string PolicyId) Catalogue(TempDir dir)
    {
        var db = dir.File("cat.db");
        return (db, CliCatalogues.IngestTwoVersions(dir, db, "16_", "17_", "fanlongduan.txt").GetProperty("policyId").GetString()!);
    }

    [Fact]
    public void ShowConsolidated_WritesJsonHtmlAndDocx_WithTheNotes()
    {
        using var dir = new TempDir();
        var (db, policyId) = Catalogue(dir);
        var (html, docx) = (dir.File("out/zhengli.html"), dir.File("out/zhengli.docx"));

        var result = CliRunner.Run("show", policyId, "--consolidated", "--json", "--html", html, "--docx", docx, "--db", db);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        Assert.Equal(["version", "revisions", "partTitles", "noteCount", "clauses", "removed"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2022年6月24日《关于修改〈中华人民共和国反垄断法〉的决定》", root.GetProperty("revisions")[0].GetProperty("phrase").GetString());
        var art58 = root.GetProperty("clauses").EnumerateArray().Single(c => c.GetProperty("label").GetString() == "第五十八条");
        Assert.Equal("modified", art58.GetProperty("note").GetProperty("kind").GetString());
        Assert.Equal(Note58, art58.GetProperty("note").GetProperty("text").GetString());
        var notes = root.GetProperty("clauses").EnumerateArray().Count(c => c.GetProperty("note").ValueKind == JsonValueKind.Object);
        Assert.Equal(root.GetProperty("noteCount").GetInt32(), notes);

        // The HTML needs nothing from outside: no scripts, stylesheets, images or links to fetch.
        var page = File.ReadAllText(html);
        Assert.Contains(Note58, page);
        Assert.Contains("@page{size:A4", page);
        foreach (var outside in new[] { "<script", "<link", "<img", "src=", "href=", "url(", "@import" })
            Assert.DoesNotContain(outside, page, StringComparison.OrdinalIgnoreCase);

        using var word = WordprocessingDocument.Open(docx, false);
        var paragraphs = word.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        var noteTexts = paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "EditorNote").Select(p => p.InnerText).ToList();
        Assert.Contains(Note58, noteTexts);
        Assert.Equal(notes, noteTexts.Count);
        word.Dispose();

        // why: an export saved into a watched folder must not come back as a new version of the policy (its notes differ).
        var again = CliRunner.Run("ingest", dir.File("out"), "--db", db);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains($"skipped: {html}: the catalogue's own output (a 整理版 export)", again.StdErr);
        Assert.Contains($"skipped: {docx}: not a policy document (the catalogue's own 整理版 export)", again.StdErr);
    }

    [Fact]
    public void ShowConsolidated_Text_PrintsEachNoteUnderItsArticle()
    {
        using var dir = new TempDir();
        var (db, policyId) = Catalogue(dir);

        var result = CliRunner.Run("show", policyId, "--consolidated", "--db", db);

        Assert.Equal(0, result.ExitCode);
        var lines = result.StdOut.Split('\n');
        var at = Array.FindIndex(lines, l => l.TrimStart().StartsWith("第五十八条", StringComparison.Ordinal));
        Assert.Equal(Note58, lines[at + 1].Trim());
    }

    [Fact]
    public void Show_HtmlWithoutConsolidated_IsUsage()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run("show", "p000000000000", "--html", dir.File("x.html"), "--db", dir.File("none.db"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--consolidated", result.StdErr);
    }
}
