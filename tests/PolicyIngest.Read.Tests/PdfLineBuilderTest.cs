using PolicyIngest.Core.Model;
using PolicyIngest.Evaluation.Read;
using PolicyIngest.Read.Pdf;

namespace PolicyIngest.Read.Tests;

/// <summary>Letters → lines and words (PdfLineBuilder) on hand-placed glyphs, and PdfPig against poppler on the corpus PDFs.</summary>
public class PdfLineBuilderTest
{
    /// <summary>Glyphs of one size set solid from x, one em apart (CJK) on a baseline.</summary>
    private static IEnumerable<PdfGlyph> Run(string text, double x, double baseline, double size = 12, double advance = 12) =>
        text.Select((c, i) => new PdfGlyph(c.ToString(), x + i * advance, x + (i + 1) * advance, baseline, size));

    private static IReadOnlyList<string> Words(PdfLine line) => line.Words.Select(w => w.Text).ToList();

    [Fact]
    public void Build_TwoBaselines_GiveTwoLinesTopToBottom()
    {
        // Given bottom line first, as a content stream may draw it.
        var lines = PdfLineBuilder.Build([.. Run("第二行", 72, 120), .. Run("第一行", 72, 100)]);
        Assert.Equal(2, lines.Count);
        Assert.Equal(["第一行"], Words(lines[0]));
        Assert.Equal(["第二行"], Words(lines[1]));
        // poppler's geometry: 0.95 em above the baseline, 0.35 em below
        Assert.Equal(100 - 0.95 * 12, lines[0].YMin, 6);
        Assert.Equal(100 + 0.35 * 12, lines[0].YMax, 6);
    }

    [Fact]
    public void Build_GlyphsOutOfOrder_AreSortedAlongTheLine()
    {
        var glyphs = Run("为了规范管理", 72, 100).Reverse().ToList();
        Assert.Equal(["为了规范管理"], Words(Assert.Single(PdfLineBuilder.Build(glyphs))));
    }

    [Fact]
    public void Build_SpaceGlyphsAndGaps_SplitWords()
    {
        // "给予" then a 0.25 em gap (LibreOffice's CJK–Latin spacing), "30", a space glyph, "万元"
        List<PdfGlyph> glyphs =
        [
            .. Run("给予", 72, 100),
            .. Run("30", 99, 100, advance: 6),
            new(" ", 111, 114, 100, 12),
            .. Run("万元", 114, 100),
        ];
        Assert.Equal(["给予", "30", "万元"], Words(Assert.Single(PdfLineBuilder.Build(glyphs))));
    }

    [Fact]
    public void Build_KerningAndJustification_StayInOneWord()
    {
        // 0.05 em between glyphs: justification, not a word break
        var glyphs = "支持企业发展".Select((c, i) => new PdfGlyph(c.ToString(), 72 + i * 12.6, 72 + i * 12.6 + 12, 100, 12)).ToList();
        Assert.Equal(["支持企业发展"], Words(Assert.Single(PdfLineBuilder.Build(glyphs))));
    }

    [Fact]
    public void Build_WideGapOnOneBaseline_StartsAnotherLine()
    {
        // two table cells: 发文字号 | 京发改规〔2023〕12号, 60 pt apart
        var lines = PdfLineBuilder.Build([.. Run("发文字号", 72, 100), .. Run("京发改规", 180, 100)]);
        Assert.Equal(2, lines.Count);
        Assert.Equal(lines[0].YMin, lines[1].YMin);
        Assert.Equal(["发文字号"], Words(lines[0]));
        Assert.Equal(180, lines[1].XMin);
    }

    [Fact]
    public void Build_Superscript_JoinsItsLine()
    {
        List<PdfGlyph> glyphs = [.. Run("面积100m", 72, 100, advance: 8), new("2", 136, 140, 96, 7), .. Run("以上", 140, 100)];
        var line = Assert.Single(PdfLineBuilder.Build(glyphs));
        Assert.Equal("面积100m2以上", string.Concat(Words(line)));
    }

    [Fact]
    public void Build_OverprintedGlyphs_AreKeptOnce()
    {
        // "fake bold": every glyph drawn again 0.3 pt to the right
        var glyphs = Run("第一章 总则", 72, 100).Concat(Run("第一章 总则", 72.3, 100)).ToList();
        var line = Assert.Single(PdfLineBuilder.Build(glyphs));
        Assert.Equal("第一章总则", string.Concat(Words(line)));
    }

    [Fact]
    public void Build_RepeatedCharacters_AreNotOverprints()
    {
        Assert.Equal(["斤斤计较"], Words(Assert.Single(PdfLineBuilder.Build(Run("斤斤计较", 72, 100).ToList()))));
    }

    [Fact]
    public void Build_LinesSetSolid_StayApart()
    {
        // pitch = 1 em: extents overlap by 0.3 em of 1.3 em
        var lines = PdfLineBuilder.Build([.. Run("上一行", 72, 100), .. Run("下一行", 72, 112)]);
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void Build_NoGlyphs_NoLines() => Assert.Empty(PdfLineBuilder.Build([]));

    // ---- PdfPig against poppler on the corpus ------------------------------------------------------------------

    public static TheoryData<string, string> BornDigitalPdfs => new()
    {
        { "seeds/000_huairou-fuchi-banfa.pdf", "seeds/000_cf5a06cb7cce2435.txt" },
        { "seeds/001_huairou-zhengce-jiedu.pdf", "seeds/001_b6577d9982b2cb39.txt" },
        // why: STSong-Light not embedded: PdfPig must map CIDs to Unicode itself
        { "special/001_stsong-not-embedded.pdf", "seeds/001_b6577d9982b2cb39.txt" },
        { "revisions/06_pair-B_zhongxiao-qiye-kuanxiang-zhifu-tiaoli_2020.pdf", "data/revisions/06_pair-B_zhongxiao-qiye-kuanxiang-zhifu-tiaoli_2020.txt" },
        { "revisions/09_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2024.pdf", "data/revisions/09_pair-C_jingyingzhe-jizhong-shenbao-biaozhun_2024.txt" },
        { "revisions/17_pair-G_fanlongduan-fa_2022.pdf", "data/revisions/17_pair-G_fanlongduan-fa_2022.txt" },
        // why: 373 pages with card tables whose cells wrap
        { "seeds/002_beijing-chanye-zhengce-daoyin.pdf", "seeds/002_cca9f5f056f4d656.txt" },
    };

    [Theory]
    [MemberData(nameof(BornDigitalPdfs))]
    public void PdfPig_OnCorpusPdfs_RecoversHanAsWellAsPopplerOrBetter(string file, string sharedSource)
    {
        var source = string.Join("\n", File.ReadAllLines(Path.Combine(Corpus.SharedRoot, sharedSource)).Where(l => !l.StartsWith("# source:", StringComparison.Ordinal)));
        var pdfPig = Corpus.Read(file, ReadOptions.Default with { PdfEngine = PdfEngine.PdfPig });
        var poppler = Corpus.Read(file, ReadOptions.Default with { PdfEngine = PdfEngine.Poppler });
        Assert.All(pdfPig.Pages, p => Assert.Equal(PageEngines.PdfPig, p.Engine));
        Assert.All(poppler.Pages, p => Assert.Equal(PageEngines.Poppler, p.Engine));
        var ours = TextFidelity.Compare(source, pdfPig.FullText);
        var theirs = TextFidelity.Compare(source, poppler.FullText);
        Assert.True(ours.RecoveredInOrder >= theirs.RecoveredInOrder, $"PdfPig {ours} vs poppler {theirs}");
        Assert.True(ours.ExtraHan <= theirs.ExtraHan, $"PdfPig {ours} vs poppler {theirs}");
        // and both are complete on the corpus
        Assert.Equal(ours.SourceHan, ours.RecoveredInOrder);
        Assert.Equal(0, ours.ExtraHan);
    }
}
