using PolicyIngest.Core.Model;
using PolicyIngest.Evaluation.Read;

namespace PolicyIngest.Read.Tests;

/// <summary>The production readers on the committed corpus files (real poppler, OpenXml, LibreOffice, AngleSharp, tesseract).</summary>
public class CorpusReaderTest
{
    private static readonly string Seed000 = Corpus.Seed("000_cf5a06cb7cce2435.txt");
    private static readonly string Seed001 = Corpus.Seed("001_b6577d9982b2cb39.txt");

    private static void AssertComplete(string source, ExtractedText text)
    {
        var score = TextFidelity.Compare(source, text.FullText);
        Assert.Equal(score.SourceHan, score.RecoveredInOrder);
        Assert.Equal(0, score.ExtraHan);
    }

    [Fact]
    public void Pdf_Seed000_IsCompleteWithParagraphsRejoinedAndNoRunningHeader()
    {
        var text = Corpus.Read("seeds/000_huairou-fuchi-banfa.pdf");
        AssertComplete(Seed000, text);
        Assert.Equal(SourceFormat.Pdf, text.Format);
        Assert.True(text.PageCount > 10);
        // The article spans three printed lines; it comes back as one paragraph, without inserted spaces.
        var article = Assert.Single(text.Blocks, b => b.Text.StartsWith("第一条 ", StringComparison.Ordinal));
        Assert.EndsWith("（怀政发〔2024〕16号），制定本办法。", article.Text);
        Assert.Equal(1, article.Page);
        // The footer "— N —" and the running header (the title on every page) are gone.
        Assert.DoesNotContain(text.Blocks, b => b.Text.StartsWith('—'));
        Assert.Single(text.Blocks, b => b.Text.StartsWith("北京市怀柔区经济和信息化局关于印发", StringComparison.Ordinal));
        Assert.True(text.Blocks.Select(b => b.Page).Distinct().Count() > 10);
    }

    [Fact]
    public void Pdf_NonEmbeddedStSongFont_IsReadThroughPopplerData()
    {
        var text = Corpus.Read("special/001_stsong-not-embedded.pdf");
        AssertComplete(Seed001, text);
        Assert.DoesNotContain(text.Blocks, b => b.Text.StartsWith("- ", StringComparison.Ordinal)); // page numbers "- N -"
        Assert.StartsWith("一、《怀柔区促进先进制造业", text.Blocks[0].Text);
    }

    [Fact]
    public void Pdf_ScannedPage_IsOcrdWithAWarning()
    {
        var text = Corpus.Read("special/000_scanned-notice.pdf");
        Assert.Contains(text.Warnings, w => w.Contains("OCR", StringComparison.Ordinal));
        var gold = File.ReadAllText(Corpus.PathOf("gold/000_scanned-notice.txt"));
        Assert.True(TextFidelity.CharacterErrorRate(gold, text.FullText) < 0.08);
        Assert.Contains(text.Blocks, b => b.Text.Contains("区各委办局", StringComparison.Ordinal));
    }

    [Fact]
    public void Docx_Seed000_RendersNumberingAcceptsRevisionsAndIgnoresFieldsCommentsHeaders()
    {
        var text = Corpus.Read("seeds/000_huairou-fuchi-banfa.docx");
        AssertComplete(Seed000, text);
        var blocks = text.Blocks.Select(b => b.Text).ToList();
        // numbering.xml: 第%1条 in chineseCounting across chapters, （%1） restarting under each heading
        Assert.Contains(blocks, b => b.StartsWith("第十五条 本办法自印发之日起施行", StringComparison.Ordinal));
        Assert.Equal(2, blocks.Count(b => b == "（一）申报条件" || b == "（一）公开征集"));
        Assert.Contains("（十三）支持特色园区发展", blocks);
        // tracked deletion dropped, insertion kept (the second paragraph is complete)
        Assert.DoesNotContain(blocks, b => b.Contains("征求意见稿", StringComparison.Ordinal));
        Assert.Equal("怀经信发〔2025〕35号", blocks[1]);
        // field code, comment text and the running header/footer are not text
        Assert.DoesNotContain(blocks, b => b.Contains("HYPERLINK", StringComparison.Ordinal) || b.Contains("批注", StringComparison.Ordinal));
        Assert.Equal("区各委办局、各镇乡、各有关单位：", blocks[2]);
        Assert.Single(blocks, b => b.StartsWith("北京市怀柔区经济和信息化局关于印发", StringComparison.Ordinal));
        Assert.Equal(blocks[0], text.TitleHint);
    }

    [Fact]
    public void Docx_Seed002_CardFieldsComeBackAsTableRows()
    {
        var text = Corpus.Read("seeds/002_beijing-chanye-zhengce-daoyin.docx");
        var rows = text.Blocks.Where(b => b.Kind == TextBlockKind.TableRow).Select(b => b.Text).ToList();
        Assert.Contains("发文字号 京发改规〔2023〕12号", rows);
        Assert.Contains("工具分类 资金支持 服务对象 全市范围", rows);
        Assert.DoesNotContain(text.Blocks, b => b.Text == "北京市产业政策导引（市级版）"); // the running header
    }

    [Fact]
    public void Docx_RevisionPairG_ArticleNumbersReachFiftySeven()
    {
        var text = Corpus.Read("revisions/16_pair-G_fanlongduan-fa_2007.docx");
        Assert.Contains(text.Blocks, b => b.Text.StartsWith("第五十七条 本法自2008年8月1日起施行", StringComparison.Ordinal));
        Assert.Contains(text.Blocks, b => b.Text.StartsWith("第十一条 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Doc_Seed000_IsConvertedByLibreOfficeAndReadComplete()
    {
        var text = Corpus.Read("seeds/000_huairou-fuchi-banfa.doc");
        Assert.Equal(SourceFormat.Doc, text.Format);
        AssertComplete(Seed000, text);
        Assert.DoesNotContain(text.Blocks, b => b.Text.Contains("征求意见稿", StringComparison.Ordinal)); // tracked deletion survives .doc
    }

    [Fact]
    public void Html_GbkPage_FindsTheArticleAndReportsAttachments()
    {
        var text = Corpus.Read("seeds/000_huairou-fuchi-banfa.html");
        AssertComplete(Seed000, text);
        var all = text.FullText;
        foreach (var boilerplate in new[] { "无障碍浏览", "政务公开", "当前位置", "分享到", "相关文件", "京ICP备", "主办单位", "打印本页" })
            Assert.DoesNotContain(boilerplate, all);
        Assert.StartsWith("北京市怀柔区经济和信息化局关于印发", text.Blocks[0].Text);
        Assert.Equal(3, text.Attachments.Count);
        Assert.Contains(text.Attachments, a => a.Url == "https://www.bjhr.gov.cn/attach/0/shenbaobiao.doc" && a.Text == "申报表.doc");
        Assert.All(text.Attachments, a => Assert.True(Uri.IsWellFormedUriString(a.Url, UriKind.Absolute)));
        Assert.Contains(text.Attachments, a => a.Url.EndsWith("/attach/0/shishizhinan.docx", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_FetchedPage_ResolvesAttachmentsAgainstItsUrlAndHonoursTheHttpCharset()
    {
        var bytes = File.ReadAllBytes(Corpus.PathOf("seeds/000_huairou-fuchi-banfa.html"));
        var text = DocumentReaders.CreateDefault().Read(bytes, "https://www.bjhr.gov.cn/zwgk/zcwj/202507/t20250715_1.html",
            ReadOptions.Default with { HttpCharset = "GBK" });
        // why: "../../attach" from /zwgk/zcwj/202507/ is /zwgk/attach; "/attach" is from the site root
        Assert.Contains(text.Attachments, a => a.Url == "https://www.bjhr.gov.cn/zwgk/attach/0/shishizhinan.docx");
        Assert.Contains(text.Attachments, a => a.Url.StartsWith("https://www.bjhr.gov.cn/attach/0/", StringComparison.Ordinal) && a.Url.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.Contains("怀经信发〔2025〕35号", text.FullText);
    }
}
