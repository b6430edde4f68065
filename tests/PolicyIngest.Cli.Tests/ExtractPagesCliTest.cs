using System.Text.Json;

namespace PolicyIngest.Cli.Tests;

/// <summary>`extract --json` prints every PDF page with the engine that read it; `--pdf-engine` forces one.</summary>
public class ExtractPagesCliTest
{
    private static string CorpusFile(string name) => Path.Combine(RepositoryPaths.Root, "corpus", name);

    private static List<(int Number, string Engine)> Pages(CliRunner.Result result)
    {
        Assert.True(result.ExitCode == 0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        return json.RootElement.GetProperty("pages").EnumerateArray()
            .Select(p => (p.GetProperty("number").GetInt32(), p.GetProperty("engine").GetString()!)).ToList();
    }

    [Fact]
    public void Extract_Pdf_JsonListsEveryPageWithItsEngine()
    {
        var pages = Pages(CliRunner.Run("extract", CorpusFile("seeds/001_huairou-zhengce-jiedu.pdf"), "--json"));
        Assert.Equal([(1, "pdfpig"), (2, "pdfpig"), (3, "pdfpig"), (4, "pdfpig")], pages);
    }

    [Fact]
    public void Extract_PdfEnginePoppler_EveryPageSaysPoppler()
    {
        var pages = Pages(CliRunner.Run("extract", CorpusFile("seeds/001_huairou-zhengce-jiedu.pdf"), "--json", "--pdf-engine", "poppler"));
        Assert.Equal(4, pages.Count);
        Assert.All(pages, p => Assert.Equal("poppler", p.Engine));
    }

    [Fact]
    public void Extract_ScannedPdf_PageSaysOcr()
    {
        var pages = Pages(CliRunner.Run("extract", CorpusFile("special/000_scanned-notice.pdf"), "--json"));
        Assert.Equal([(1, "ocr")], pages);
    }

    [Fact]
    public void Extract_Docx_HasNoPages() =>
        Assert.Empty(Pages(CliRunner.Run("extract", CorpusFile("seeds/001_huairou-zhengce-jiedu.docx"), "--json")));

    [Fact]
    public void Extract_UnknownPdfEngine_IsAUsageError() =>
        Assert.Equal(1, CliRunner.Run("extract", CorpusFile("seeds/001_huairou-zhengce-jiedu.pdf"), "--pdf-engine", "mupdf").ExitCode);
}
