using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;
using PolicyIngest.Web.Export;
using Xunit.Abstractions;

namespace PolicyIngest.Web.Tests;

/// <summary>反垄断法 2007 → 2022 (pair G) stored as two versions of one policy.</summary>
public static class AntimonopolySite
{
    public const string Decision = "2022年6月24日《关于修改〈中华人民共和国反垄断法〉的决定》";

    public static async Task<(TestSite Site, string PolicyId, string NewVersion)> StartAsync()
    {
        var site = new TestSite();
        var revisions = Path.Combine(Repo.Shared, "data", "revisions");
        site.IngestText("fanlongduan.txt", await File.ReadAllTextAsync(Path.Combine(revisions, "16_pair-G_fanlongduan-fa_2007.txt")));
        var second = site.IngestText("fanlongduan.txt", await File.ReadAllTextAsync(Path.Combine(revisions, "17_pair-G_fanlongduan-fa_2022.txt")));
        await site.StartAsync();
        return (site, second.PolicyId!, second.VersionId!);
    }
}

/// <summary>The 整理版 page and its Word download over HTTP.</summary>
public class ConsolidatedTest
{
    [Fact]
    public async Task ConsolidatedPage_NotesEachChangedArticle()
    {
        var (site, policyId, _) = await AntimonopolySite.StartAsync();
        await using var owned = site;

        var html = await site.Client.GetStringAsync($"policies/{policyId}/consolidated");

        Assert.Contains("整理版", html);
        // why: 2007 第四十八条 (违法实施集中) was rewritten and renumbered 第五十八条 by the 2022 decision.
        Assert.Contains($"【编注】原第四十八条，根据{AntimonopolySite.Decision}修改后改为本条", html);
        Assert.Contains("class=\"note modified\"", html);
        Assert.Contains("@page{size:A4", html);
    }

    [Fact]
    public async Task PolicyPage_LinksToTheConsolidatedText()
    {
        var (site, policyId, newVersion) = await AntimonopolySite.StartAsync();
        await using var owned = site;

        var html = await site.Client.GetStringAsync($"policies/{policyId}");

        Assert.Contains($"href=\"/policies/{newVersion}/consolidated\"", html);
    }

    [Theory]
    [InlineData("policies/pnosuch0000/consolidated")] // why: unknown policy
    [InlineData("policies/..%2f..%2fetc/consolidated")] // why: not an id at all
    [InlineData("policies/pnosuch0000/consolidated.docx")]
    public async Task Consolidated_UnknownIds_Are404(string url)
    {
        var (site, _, _) = await AntimonopolySite.StartAsync();
        await using var owned = site;

        using var response = await site.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ConsolidatedDocx_IsValidA4WithNotesInTheirOwnStyle()
    {
        var (site, policyId, _) = await AntimonopolySite.StartAsync();
        await using var owned = site;

        var bytes = await site.Client.GetByteArrayAsync($"policies/{policyId}/consolidated.docx");
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);

        Assert.Empty(new OpenXmlValidator().Validate(word).Select(e => e.Description));
        var body = word.MainDocumentPart!.Document.Body!;
        var size = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value)); // A4 portrait in twips
        var notes = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == ConsolidatedDocx.NoteStyle).Select(p => p.InnerText).ToList();
        Assert.All(notes, n => Assert.StartsWith("【编注】", n));
        Assert.Contains($"【编注】原第四十八条，根据{AntimonopolySite.Decision}修改后改为本条", notes);
        var style = word.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == ConsolidatedDocx.NoteStyle);
        Assert.Equal("楷体", style.StyleRunProperties!.RunFonts!.EastAsia!.Value);
    }
}

/// <summary>The 整理版 page in the real Chromium: reached from the policy page, notes shown, printed on A4 without navigation.</summary>
[Collection(BrowserCollection.Name)]
public class ConsolidatedBrowserTest(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ConsolidatedPage_FromThePolicyPage_ShowsNotesAndPrintsOnA4()
    {
        var (site, policyId, _) = await AntimonopolySite.StartAsync();
        await using var owned = site;
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        using var dir = new TempDir();

        await page.GotoAsync(new Uri(site.BaseAddress, $"policies/{policyId}").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "整理版（含编注）" }).ClickAsync();
        await page.WaitForURLAsync("**/consolidated", new PageWaitForURLOptions { Timeout = 90_000 });

        var notes = page.Locator("p.note");
        Assert.True(await notes.CountAsync() > 50, "most of the 70 articles were changed or renumbered in 2022");
        var art58 = await page.Locator("#c-ch7-art58 + p.note").InnerTextAsync();
        Assert.StartsWith($"【编注】原第四十八条，根据{AntimonopolySite.Decision}修改后改为本条", art58);
        // The notes look different from the text they annotate.
        var (noteColor, textColor) = (await notes.First.EvaluateAsync<string>("e => getComputedStyle(e).color"),
            await page.Locator("p.c").First.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        Assert.NotEqual(textColor, noteColor);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("07-consolidated"), FullPage = false });

        var pdf = await PrintedPdf.PrintAsync(page, dir.File("consolidated.pdf"));
        var sizes = pdf.PageSizes();
        output.WriteLine($"{sizes.Count} pages");
        Assert.All(sizes, s => Assert.True(Math.Abs(s.Width - 595.28) < 0.5 && Math.Abs(s.Height - 841.89) < 0.5, $"{s.Width} x {s.Height} pts is not A4 portrait"));
        var text = pdf.Text();
        Assert.Contains("【编注】原第四十八条", text);
        // why: the site's header (brand, search box, navigation) and the page's own links are not printed.
        Assert.DoesNotContain("政策库", text);
        Assert.DoesNotContain("返回政策页", text);
    }
}
