using PolicyIngest.Core.Model;
using PolicyIngest.Evaluation.Read;
using PolicyIngest.Read.Pdf;

namespace PolicyIngest.Read.Tests;

/// <summary>
/// Which engine reads which page: PdfPig first, poppler for pages PdfPig reads garbled, OCR for what is left; every page
/// records its engine and every fallback is named in a warning. Real engines on real and generated PDFs, except one test
/// that garbles PdfPig's output of a single page on purpose.
/// </summary>
public class PdfReaderEngineTest
{
    private const string Prose = "第一条为了规范本区产业发展专项资金的管理，提高资金使用效益，根据有关规定，结合本区实际，制定本办法。"
        + "第二条本办法所称专项资金，是指区政府设立的用于支持先进制造业和软件信息服务业发展的资金。";

    private static ExtractedText Read(byte[] pdf, ReadOptions? options = null) =>
        DocumentReaders.CreateDefault().Read(pdf, "generated.pdf", options ?? ReadOptions.Default);

    [Fact]
    public void CorpusPdf_EveryPageIsReadByPdfPig()
    {
        var text = Corpus.Read("seeds/000_huairou-fuchi-banfa.pdf");
        Assert.Equal(Enumerable.Range(1, text.PageCount!.Value), text.Pages.Select(p => p.Number));
        Assert.All(text.Pages, p => Assert.Equal(PageEngines.PdfPig, p.Engine));
        Assert.Empty(text.Warnings);
    }

    [Fact]
    public void ForcedPoppler_EveryPageIsReadByPoppler()
    {
        var text = Corpus.Read("seeds/001_huairou-zhengce-jiedu.pdf", ReadOptions.Default with { PdfEngine = PdfEngine.Poppler });
        Assert.Equal(4, text.Pages.Count);
        Assert.All(text.Pages, p => Assert.Equal(PageEngines.Poppler, p.Engine));
    }

    [Fact]
    public void GeneratedPdf_PlainText_IsReadByPdfPig()
    {
        var text = Read(new TestPdf().TextPage(Prose).Build());
        Assert.Equal(Prose, string.Concat(text.Blocks.Select(b => b.Text)));
        Assert.Equal([new PageInfo(1, PageEngines.PdfPig)], text.Pages);
    }

    [Fact]
    public void GarbledTextLayer_BothEnginesGarbled_PageIsOcrdWithOneWarning()
    {
        // The font's ToUnicode map sends every character to the private-use area; the glyphs drawn are the right ones.
        var pdf = new TestPdf { ToUnicode = c => ((char)(0xE000 + c % 0x1000)).ToString() }.TextPage(Prose).Build();
        var text = Read(pdf);
        Assert.Equal([new PageInfo(1, PageEngines.Ocr)], text.Pages);
        var warning = Assert.Single(text.Warnings);
        Assert.StartsWith("page 1 was garbled in the PDF's text layer and was read with OCR", warning);
        Assert.DoesNotContain(text.FullText, c => c is >= '\uE000' and <= '\uF8FF');
        Assert.True(TextFidelity.CharacterErrorRate(Prose, text.FullText) < 0.1, text.FullText);
    }

    [Fact]
    public void GarbledTextLayer_OcrOff_TextIsKeptWithAWarning()
    {
        var pdf = new TestPdf { ToUnicode = c => ((char)(0xE000 + c % 0x1000)).ToString() }.TextPage(Prose).Build();
        var text = Read(pdf, ReadOptions.Default with { OcrPagesWithoutText = false });
        Assert.Equal([new PageInfo(1, PageEngines.PdfPig)], text.Pages);
        Assert.Contains(text.Warnings, w => w.StartsWith("page 1 looks garbled in the PDF's text layer and OCR is off", StringComparison.Ordinal));
    }

    [Fact]
    public void ActualText_ReplacesTheGlyphsItEncloses()
    {
        // 文 is drawn with a glyph whose ToUnicode entry is private use; marked content says /ActualText (文).
        var pdf = new TestPdf { ToUnicode = c => c == '文' ? "\uE123" : c.ToString() }
            .Page(new TestPdf.Run("本办法全", 72, 100), new TestPdf.Run("文", 120, 100, ActualText: "文"), new TestPdf.Run("自印发之日起施行。", 132, 100))
            .Build();
        var text = Read(pdf);
        Assert.Equal("本办法全文自印发之日起施行。", Assert.Single(text.Blocks).Text);
        Assert.Equal([new PageInfo(1, PageEngines.PdfPig)], text.Pages);
        Assert.Empty(text.Warnings);
    }

    [Fact]
    public void KangxiRadicalGlyph_WithActualText_ComesBackAsTheIdeograph()
    {
        // LibreOffice and Chromium draw some ideographs with Kangxi-radical glyphs (⽂ U+2F42) and say /ActualText (文).
        var pdf = new TestPdf()
            .Page(new TestPdf.Run("本办法全", 72, 100), new TestPdf.Run("\u2F42", 120, 100, ActualText: "文"), new TestPdf.Run("自印发之日起施行。", 132, 100))
            .Build();
        Assert.Equal("本办法全文自印发之日起施行。", Assert.Single(Read(pdf).Blocks).Text);
    }

    [Fact]
    public void RotatedPages_AreReadAlongTheirText()
    {
        using var scratch = new TempDir("policyingest-read-test-");
        var source = Corpus.PathOf("revisions/08_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2018.pdf");
        var expected = Corpus.Read("revisions/08_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2018.pdf").Blocks.Select(b => b.Text).ToList();
        foreach (var angle in new[] { "90", "180", "270" })
        {
            var rotated = scratch.File($"rotated-{angle}.pdf");
            Qpdf.Run($"--rotate={angle}", source, rotated);
            var text = Read(File.ReadAllBytes(rotated));
            Assert.All(text.Pages, p => Assert.Equal(PageEngines.PdfPig, p.Engine));
            Assert.Equal(expected, text.Blocks.Select(b => b.Text));
        }
    }

    [Fact]
    public void SlightlySkewedText_IsReadAlongItsBaselines()
    {
        // Text turned by 3° (as in the text layer of a skewed scan): no axis-aligned orientation, lines still found.
        var text = Read(new TestPdf { Rotation = 3 }.TextPage(Prose).Build());
        Assert.Equal(Prose, string.Concat(text.Blocks.Select(b => b.Text)));
        Assert.Equal([new PageInfo(1, PageEngines.PdfPig)], text.Pages);
    }

    [Fact]
    public void EncryptedWithEmptyUserPassword_OpensWithAWarning()
    {
        using var scratch = new TempDir("policyingest-read-test-");
        var encrypted = scratch.File("owner-only.pdf");
        Qpdf.Run("--encrypt", "", "owner-secret", "256", "--", Corpus.PathOf("revisions/08_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2018.pdf"), encrypted);
        var text = Read(File.ReadAllBytes(encrypted));
        Assert.Contains(text.Warnings, w => w.Contains("encrypted (no password needed", StringComparison.Ordinal));
        Assert.All(text.Pages, p => Assert.Equal(PageEngines.PdfPig, p.Engine));
        Assert.Contains(text.Blocks, b => b.Text.Contains("经营者集中", StringComparison.Ordinal));
    }

    /// <summary>PdfPig's real output, with one page's text swapped for private-use characters (as a broken font would give)
    /// and optionally one page it "could not parse".</summary>
    private sealed class GarblingSource(int garbledPage, int? unparsedPage = null) : IPdfTextSource
    {
        private readonly PdfPigTextSource _inner = new();
        public string Engine => _inner.Engine;
        public PdfInfo Inspect(string path, ReadOptions options, CancellationToken cancellationToken) => _inner.Inspect(path, options, cancellationToken);
        public IReadOnlyList<PdfPage> ReadPages(string path, PdfInfo info, ReadOptions options, CancellationToken cancellationToken) =>
            _inner.ReadPages(path, info, options, cancellationToken).Select(Garble).ToList();
        public IReadOnlyList<PdfPage> ReadPageRange(string path, int first, int last, ReadOptions options, CancellationToken cancellationToken) =>
            _inner.ReadPageRange(path, first, last, options, cancellationToken).Select(Garble).ToList();

        private PdfPage Garble(PdfPage page) =>
            page.Number == unparsedPage ? PdfPage.Unreadable(page.Number, "PdfPig could not read page: test")
            : page.Number != garbledPage ? page : page with
        {
            Lines = page.Lines.Select(l => l with { Words = l.Words.Select(w => w with { Text = new string(w.Text.Select(c => (char)(0xE000 + c % 0x1000)).ToArray()) }).ToList() }).ToList(),
        };
    }

    [Fact]
    public void PageGarbledInPdfPig_IsReadWithPoppler_AndTheDocumentIsComplete()
    {
        var reader = new PdfReader(new GarblingSource(garbledPage: 3, unparsedPage: 8), new PopplerTextSource(), new TesseractPageOcr());
        var file = Corpus.PathOf("seeds/000_huairou-fuchi-banfa.pdf");
        var text = reader.Read(File.ReadAllBytes(file), file, ReadOptions.Default);
        Assert.Equal(PageEngines.Poppler, Assert.Single(text.Pages, p => p.Number == 3).Engine);
        Assert.Equal(PageEngines.Poppler, Assert.Single(text.Pages, p => p.Number == 8).Engine);
        Assert.All(text.Pages.Where(p => p.Number is not 3 and not 8), p => Assert.Equal(PageEngines.PdfPig, p.Engine));
        Assert.Equal(["page 3 was garbled in the PDF's text layer and was read with poppler", "PdfPig could not parse page 8; read with poppler"], text.Warnings);
        var score = TextFidelity.Compare(Corpus.Seed("000_cf5a06cb7cce2435.txt"), text.FullText);
        Assert.Equal(score.SourceHan, score.RecoveredInOrder);
        Assert.Equal(0, score.ExtraHan);
    }

    [Fact]
    public void PageGarbledInPdfPig_ForcedPdfPig_StaysWithPdfPigOrOcr()
    {
        // Forcing an engine means no fallback to the other engine: the garbled page goes to OCR (here: off, so kept).
        var reader = new PdfReader(new GarblingSource(garbledPage: 2), new PopplerTextSource(), new TesseractPageOcr());
        var file = Corpus.PathOf("seeds/001_huairou-zhengce-jiedu.pdf");
        var text = reader.Read(File.ReadAllBytes(file), file, ReadOptions.Default with { PdfEngine = PdfEngine.PdfPig, OcrPagesWithoutText = false });
        Assert.All(text.Pages, p => Assert.Equal(PageEngines.PdfPig, p.Engine));
        Assert.Contains(text.Warnings, w => w.StartsWith("page 2 looks garbled", StringComparison.Ordinal));
    }

}
