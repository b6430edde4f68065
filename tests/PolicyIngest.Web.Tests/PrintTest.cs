using System.Text;
using PolicyIngest.Core.Model;
using PolicyIngest.Ingest;
using PolicyIngest.Track.Alignment;
using PolicyIngest.Track.Reports;
using Xunit.Abstractions;

namespace PolicyIngest.Web.Tests;

/// <summary>The 新旧对照 report printed to PDF by the real Chromium, checked with pdfinfo and pdftotext.</summary>
[Collection(BrowserCollection.Name)]
public class PrintTest(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    // The report's @page: A4 landscape with 12 mm margins.
    private const double A4Long = 841.89, A4Short = 595.28;
    private const double Margin = 12 * PrintedPdf.MmToPt;

    private static readonly DocumentProcessor Processor = TestSite.SharedServices.CreateProcessor();

    private static PolicyDocument Read(string fileName)
    {
        var path = Path.Combine(Repo.Shared, "data", "revisions", fileName);
        return Processor.Process(File.ReadAllBytes(path), path);
    }

    private static PolicyDocument FromText(string name, string text) => Processor.Process(new UTF8Encoding(false).GetBytes(text), name);

    [Fact]
    public async Task DiffReport_RealPairG_PrintsOnA4LandscapeWithEveryClauseCharacter()
    {
        var diff = new DocumentDiffer().Diff(Read("16_pair-G_fanlongduan-fa_2007.txt"), Read("17_pair-G_fanlongduan-fa_2022.txt"));

        await AssertPrintsWithinA4Landscape(diff, "diff-G");
    }

    [Fact]
    public async Task DiffReport_LongUnbrokenStrings_WrapInsideTheMargins()
    {
        // why: a URL, a run of digits and a credit code have no break opportunity; in an automatic-layout table they
        // widened their column past the right margin, where print cuts them off.
        var url = "https://www.example.gov.cn/zwgk/zcwj/" + string.Concat(Enumerable.Repeat("policy-document-attachment-", 12)) + "index.html";
        var digits = string.Concat(Enumerable.Repeat("1234567890", 20));
        var longArticle = string.Concat(Enumerable.Repeat("企业申报扶持资金应当如实提交申请材料并对材料的真实性负责，", 60));
        var oldDoc = FromText("old.txt", $"某区扶持办法\n第一条 申报材料见{url}。\n第二条 项目编号：{digits}。\n第三条 {longArticle}\n第四条 本办法自2024年1月1日起施行。\n");
        var newDoc = FromText("new.txt", $"某区扶持办法\n第一条 申报材料及填报说明见{url}，逾期不予受理。\n第二条 项目编号：{digits}9。\n第三条 {longArticle}经审核通过的项目予以公示。\n第四条 统一社会信用代码为91110000MA01ABCDEF91110000MA01ABCDEF91110000MA01ABCDEF91110000MA01ABCDEF的企业另行申报。\n第五条 本办法自2025年1月1日起施行。\n");

        await AssertPrintsWithinA4Landscape(new DocumentDiffer().Diff(oldDoc, newDoc), "diff-long-strings");
    }

    private async Task AssertPrintsWithinA4Landscape(DocumentDiff diff, string name)
    {
        var page = await browser.Browser.NewPageAsync();
        using var dir = new TempDir();
        try
        {
            await page.SetContentAsync(DiffHtml.Render(diff));
            var pdf = await PrintedPdf.PrintAsync(page, dir.File(name + ".pdf"));

            var sizes = pdf.PageSizes();
            output.WriteLine($"{name}: {sizes.Count} pages");
            Assert.NotEmpty(sizes);
            Assert.All(sizes, s => Assert.True(Math.Abs(s.Width - A4Long) < 0.5 && Math.Abs(s.Height - A4Short) < 0.5, $"page {s.Width} x {s.Height} pts is not A4 landscape"));

            // Nothing printed in the side margins, so nothing was cut off at the paper's edge.
            var words = pdf.Words();
            var outside = words.Where(w => w.XMax > A4Long - Margin + 1 || w.XMin < Margin - 1).ToList();
            Assert.True(outside.Count == 0, "printed outside the margins: " + string.Join(" | ", outside.Take(5).Select(w => $"p{w.Page} {w.XMin:0}–{w.XMax:0} {w.Text}")));

            // Every character of every clause on both sides is in the printed text.
            var clauses = diff.Pairs.SelectMany(p => new[] { p.Pair.Old?.Text, p.Pair.New?.Text }).OfType<string>().ToList();
            Assert.Empty(pdf.MissingCharacters(clauses));

            // The clause table's header row is repeated on every page the table runs over (up to the legend under it).
            var first = words.First(w => w.Text.StartsWith("原条文", StringComparison.Ordinal)).Page;
            var legend = words.Last(w => w.Text.StartsWith("删除的文字", StringComparison.Ordinal));
            var last = words.Where(w => w.Page != legend.Page || Math.Abs(w.YMin - legend.YMin) > 2).Max(w => w.Page);
            var withHeader = words.Where(w => w.Text.StartsWith("原条文", StringComparison.Ordinal)).Select(w => w.Page).ToHashSet();
            Assert.All(Enumerable.Range(first, last - first + 1), p => Assert.Contains(p, withHeader));
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
