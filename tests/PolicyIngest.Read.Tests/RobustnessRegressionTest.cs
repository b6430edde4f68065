using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Read.Html;
using PolicyIngest.Read.Pdf;
using PolicyIngest.Read.Tools;

namespace PolicyIngest.Read.Tests;

/// <summary>
/// One test per reader bug the robustness suite (tests/PolicyIngest.Cli.Tests/Robustness) found: each input crashed a
/// parser ("could not be processed"), killed the process, or took minutes. Named after the bug.
/// </summary>
public class RobustnessRegressionTest
{
    private static readonly DocumentReaders Readers = DocumentReaders.CreateDefault();

    private static string Refused(byte[] bytes, ReadOptions? options = null)
    {
        var ex = Assert.Throws<UnreadableDocumentException>(() => Readers.Read(bytes, "input", options ?? ReadOptions.Default));
        Assert.DoesNotContain('\n', ex.Reason);
        return ex.Reason;
    }

    [Fact]
    public void ControlCharacterInPdfText_CrashedTheBboxParse()
    {
        // pdftotext writes what a ToUnicode map yields unescaped: BEL, ESC, U+FFFE and a lone surrogate are no XML characters.
        const string xhtml = "<html><body><doc><page width=\"595\" height=\"842\"><flow><block><line xMin=\"1\" yMin=\"2\" xMax=\"3\" yMax=\"4\">" +
                             "<word xMin=\"1\" xMax=\"2\">第一条\u0007为\u001B支持\uFFFE企业\uD800发展</word></line></block></flow></page></doc></body></html>";
        var page = Assert.Single(PopplerTextSource.ParseBboxLayout(xhtml, 1));
        Assert.Equal("第一条为支持企业发展", Assert.Single(Assert.Single(page.Lines).Words).Text);
    }

    [Fact]
    public void PhantomPagesOfAnOverstatedPageCount_WereReadAgainAndOcrd()
    {
        // A /Count larger than the page tree: poppler prints each missing page 0×0 with the previous page's words.
        const string xhtml = "<html><body><doc>" +
                             "<page width=\"595\" height=\"842\"><flow><block><line xMin=\"1\" yMin=\"2\" xMax=\"3\" yMax=\"4\"><word xMin=\"1\" xMax=\"2\">第一条</word></line></block></flow></page>" +
                             "<page width=\"0.000000\" height=\"0.000000\"><flow><block><line xMin=\"1\" yMin=\"2\" xMax=\"3\" yMax=\"4\"><word xMin=\"1\" xMax=\"2\">第一条</word></line></block></flow></page>" +
                             "<page width=\"0.000000\" height=\"0.000000\"></page>" +
                             "<page width=\"595\" height=\"842\"></page></doc></body></html>";
        Assert.Equal([3, 6], PopplerTextSource.ParseBboxLayout(xhtml, 3).Select(p => p.Number));
    }

    [Fact]
    public void FailureInsideParallelPageWork_SurfacedAsAggregateException()
    {
        // Parallel.For and PLINQ wrap what a worker throws: the page range's reason was lost in a parser crash.
        var ex = Assert.Throws<UnreadableDocumentException>(() => Parallelism.Run(() =>
            Parallel.For(0, 4, i => { if (i == 2) throw new UnreadableDocumentException("the PDF is damaged or truncated"); })));
        Assert.Equal("the PDF is damaged or truncated", ex.Reason);

        // and through the reader: an OCR page that fails (PLINQ) is the file's plain reason
        var reader = new PdfReader(new BlankPages(3), new FailingOcr());
        var viaReader = Assert.Throws<UnreadableDocumentException>(() => reader.Read("%PDF-1.7"u8.ToArray(), "input.pdf", ReadOptions.Default));
        Assert.Equal("page 2 could not be rendered for OCR", viaReader.Reason);
    }

    [Fact]
    public void DeeplyNestedDocx_OverflowedTheStackAndKilledTheProcess()
    {
        var depth = 20_000;
        var body = new StringBuilder("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
        for (var i = 0; i < depth; i++) body.Append("<w:sdt><w:sdtContent>");
        body.Append("<w:p><w:r><w:t>第一条</w:t></w:r></w:p>");
        for (var i = 0; i < depth; i++) body.Append("</w:sdtContent></w:sdt>");
        body.Append("</w:body></w:document>");
        Assert.Contains("nests elements more than 256 deep", Refused(MinimalDocx(body.ToString())));
    }

    [Fact]
    public void DocxRelationshipToAMissingPart_WasAParserCrash()
    {
        var document = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>第一条</w:t></w:r></w:p></w:body></w:document>";
        var rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                   "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>";
        Assert.StartsWith("the Word document is damaged: ", Refused(MinimalDocx(document, ("word/_rels/document.xml.rels", rels))));
    }

    [Fact]
    public void DocxWithADtd_IsRefusedWithAPlainReason()
    {
        var document = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>" +
                       "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>";
        Assert.Equal("the Word document declares a DTD in word/document.xml (refused: Office documents have none, and DTD entities can expand or read other files)",
            Refused(MinimalDocx(document)));
    }

    [Fact]
    public void OfdPackageWithoutADocument_IsRefusedAsADamagedOfd()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        using (var s = zip.CreateEntry("OFD.xml").Open()) s.Write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"u8);
        // why: an OFD zip is read by the OFD reader (never as a broken DOCX); one whose OFD.xml names no document is damaged
        Assert.StartsWith("the OFD is damaged", Refused(stream.ToArray()));
    }

    [Fact]
    public void DeeplyNestedHtml_OverflowedTheStackAndKilledTheProcess()
    {
        // 100,000 unclosed <div>s: AngleSharp's tree builder spent minutes on them, and its TextContent overflowed the stack.
        var html = "<html><body><p>关于支持企业发展的若干措施</p>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "第一条 为支持企业发展，制定本措施。</body></html>";
        var watch = Stopwatch.StartNew();
        var text = Readers.Read(Encoding.UTF8.GetBytes(html), "deep.html", ReadOptions.Default);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"took {watch.Elapsed}");
        Assert.Contains(text.Blocks, b => b.Text.Contains("第一条 为支持企业发展", StringComparison.Ordinal));
        Assert.Contains(text.Warnings, w => w.Contains("nested more than 512 deep", StringComparison.Ordinal));
    }

    [Fact]
    public void HtmlUnderTheNestingLimit_IsReadAsItWas()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 400)) + "<p>第一条 嵌套。</p><p>第二条 段落。</p></body></html>";
        var text = Readers.Read(Encoding.UTF8.GetBytes(html), "nested.html", ReadOptions.Default);
        Assert.Equal(["第一条 嵌套。", "第二条 段落。"], text.Blocks.Select(b => b.Text));
        Assert.Empty(text.Warnings);
    }

    public static TheoryData<string> UnusableMetaCharsets => new()
    {
        "utf-7",    // why: .NET names UTF-7 but refuses to decode it (SYSLIB0001): NotSupportedException, a parser crash
        "utf-16",   // why: a meta tag read as ASCII cannot name UTF-16; the declaration decoded the page as garbage
        "ibm037",   // why: EBCDIC is not ASCII-compatible either
    };

    [Theory]
    [MemberData(nameof(UnusableMetaCharsets))]
    public void MetaCharsetThatCannotBeMeant_BrokeTheHtmlRead(string charset)
    {
        var html = $"<html><head><meta charset=\"{charset}\"><title>通知</title></head><body><p>第一条 为支持企业发展，制定本措施。</p></body></html>";
        var text = new HtmlReader().Read(Encoding.UTF8.GetBytes(html), "page.html", ReadOptions.Default);
        Assert.Equal("第一条 为支持企业发展，制定本措施。", Assert.Single(text.Blocks).Text);
    }

    [Fact]
    public void PdfMarkerNearTheTopOfAnHtmlPage_MadeItAPdf()
    {
        var html = "<html><head><!-- %PDF-1.7 --><title>通知</title></head><body><p>第一条</p></body></html>"u8.ToArray();
        Assert.Equal(SourceFormat.Html, FormatSniffer.Detect(html));
    }

    /// <summary>A zip with [Content_Types].xml, the package relationship, word/document.xml and any extra parts.</summary>
    private static byte[] MinimalDocx(string documentXml, params (string Name, string Content)[] extra)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string name, string content)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(Encoding.UTF8.GetBytes(content));
            }
            Entry("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                                         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                                         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                                         "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Entry("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                                 "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Entry("word/document.xml", documentXml);
            foreach (var (name, content) in extra) Entry(name, content);
        }
        return stream.ToArray();
    }

    private sealed class BlankPages(int count) : IPdfTextSource
    {
        public string Engine => PolicyIngest.Core.Model.PageEngines.Poppler;

        public PdfInfo Inspect(string path, ReadOptions options, CancellationToken cancellationToken) => new(count, false);

        public IReadOnlyList<PdfPage> ReadPages(string path, PdfInfo info, ReadOptions options, CancellationToken cancellationToken) =>
            ReadPageRange(path, 1, count, options, cancellationToken);

        public IReadOnlyList<PdfPage> ReadPageRange(string path, int first, int last, ReadOptions options, CancellationToken cancellationToken) =>
            Enumerable.Range(first, last - first + 1).Select(n => new PdfPage(n, 595, 842, [])).ToList();
    }

    private sealed class FailingOcr : IPageOcr
    {
        public PdfPage Recognize(string path, int pageNumber, ReadOptions options, CancellationToken cancellationToken) =>
            pageNumber == 2 ? throw new UnreadableDocumentException($"page {pageNumber} could not be rendered for OCR") : new PdfPage(pageNumber, 595, 842, []);
    }
}

public class PageTreeCheckTest
{
    private static byte[] Pdf(string objects) => System.Text.Encoding.Latin1.GetBytes("%PDF-1.4\n" + objects + "\ntrailer << /Root 1 0 R >>\n%%EOF");

    [Theory]
    // why: a /Pages node among its own kids made PdfPig recurse until the process died (exit 134, robustness suite)
    [InlineData("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj 2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj", "contains itself")]
    // why: a cycle through two nodes
    [InlineData("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj 3 0 obj << /Type/Pages /Kids [2 0 R] /Count 1 >> endobj", "contains itself")]
    public void Problem_FindsSelfReferringPageTrees(string objects, string reason) =>
        Assert.Contains(reason, PolicyIngest.Read.Pdf.PageTreeCheck.Problem(Pdf(objects)));

    [Fact]
    public void Problem_AcceptsAnOrdinaryTree_AndEveryCorpusPdf()
    {
        // why: a balanced tree and the real files must never be sent away from PdfPig
        Assert.Null(PolicyIngest.Read.Pdf.PageTreeCheck.Problem(Pdf("2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj 3 0 obj << /Type /Page /Parent 2 0 R >> endobj 4 0 obj << /Type /Page /Parent 2 0 R >> endobj")));
        foreach (var pdf in Directory.GetFiles(Corpus.Dir, "*.pdf", SearchOption.AllDirectories)
                     .Concat(Directory.GetFiles(Path.Combine(Corpus.SharedRoot, "data", "real"), "*.pdf")))
            Assert.Null(PolicyIngest.Read.Pdf.PageTreeCheck.Problem(File.ReadAllBytes(pdf)));
    }
}
