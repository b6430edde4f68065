using PolicyIngest.Core.Model;
using PolicyIngest.Fetch.Http;
using PolicyIngest.Fetch.Pipelines;

namespace PolicyIngest.Fetch.Tests;

public class PipelineLoaderTest
{
    private static readonly Dictionary<string, string> Portal = new() { ["PORTAL"] = "http://127.0.0.1:8080" };

    [Fact]
    public void DemoPipeline_ParsesWithThePortalSubstituted()
    {
        var p = PipelineLoader.Resolve("demo", Path.Combine(TestCorpus.RepositoryRoot, "pipelines"), Portal);

        Assert.Equal("demo", p.Name);
        Assert.Equal("Asia/Shanghai", p.TimeZone.Id);
        var source = Assert.Single(p.Sources);
        Assert.Equal(SourceKind.Listing, source.Kind);
        Assert.Equal(new Uri("http://127.0.0.1:8080/zwgk/index.html"), source.Url);
        Assert.Equal("a.next", source.NextPage);
        Assert.Matches(source.Detail!.Match, "http://127.0.0.1:8080/zwgk/detail/12.shtml");
        Assert.Matches(source.Include, "http://x/a.DOCX");
        Assert.True(source.Limits.Allows(new Uri("http://127.0.0.1:8080/files/a.pdf")));
        Assert.False(source.Limits.Allows(new Uri("http://127.0.0.1:9999/files/a.pdf")));   // another port is another origin
        Assert.Equal(TimeSpan.FromMilliseconds(100), source.Limits.Delay);
    }

    [Theory]
    [InlineData("name: x\nsources:\n  - kind: listing\n    url: ${NOPE}/a", "${NOPE} is used but not set")]           // why: an unset placeholder must not become ""
    [InlineData("name: x\nsources:\n  - kind: rss\n    url: http://a/", "is not listing, urls or folder")]         // why: unknown kinds are refused, not ignored
    [InlineData("name: x\nschedule: \"every day\"\nsources:\n  - url: http://a/", "not a Quartz cron")]        // why: a bad cron must fail at load, not at 6 am
    [InlineData("name: x\nsources:\n  - url: ftp://a/b", "is not an http(s) URL")]                               // why: only HTTP is fetched
    [InlineData("name: x\nsources:\n  - url: http://a/\n    include: '('", "source source-1: include")]          // why: a broken regex names its key
    [InlineData("name: x\nsources:\n  - url: http://a/\n    concurrency: 0", "concurrency must be positive")]    // why: zero would never fetch
    [InlineData("name: x\nsources:\n  - url: http://a/\n    concurency: 2", "line")]                             // why: a misspelt key is an error, not silently default
    [InlineData("name: x y\nsources:\n  - url: http://a/", "use letters, digits")]                               // why: names become job keys and lock file names
    [InlineData("name: x\nsources: []", "no sources")]                                                           // why: an empty pipeline is a mistake
    [InlineData("name: x\nsources:\n  - kind: urls", "none listed")]                                              // why: urls needs its list
    public void InvalidPipeline_IsRefusedWithAReason(string yaml, string reason)
    {
        var ex = Assert.Throws<InvalidPipelineException>(() => PipelineLoader.Parse(yaml, Portal));
        Assert.Contains(reason, ex.Reason);
    }
}

public class ContentCheckTest
{
    private static readonly byte[] Pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n"u8.ToArray();
    private static readonly byte[] Html = "<!DOCTYPE html><html><body>页面不存在</body></html>"u8.ToArray();
    private static readonly byte[] Text = "第一条 为了促进中小企业发展，制定本办法。"u8.ToArray();
    private static readonly byte[] Docx = [(byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0];

    [Theory]
    [InlineData("application/pdf", "/a.pdf", "pdf", null)]                     // why: label, name and bytes agree
    [InlineData("application/octet-stream", "/download?id=3", "pdf", null)]    // why: a generic type says nothing; the bytes decide
    [InlineData("text/html", "/a.pdf", "pdf", "served as text/html")]          // why: mislabelled PDF is kept, with a warning
    [InlineData(null, "/a.doc", "pdf", "link ends like doc")]                  // why: no type, wrong extension: kept, warned
    public void Pdf_IsAccepted(string? contentType, string path, string format, string? warning)
    {
        var v = ContentCheck.Check(contentType, new Uri("http://a" + path), Pdf);
        Assert.True(v.Accepted);
        Assert.Equal(format, v.Format?.ToString().ToLowerInvariant());
        if (warning is null) Assert.Null(v.Warning); else Assert.Contains(warning, v.Warning);
    }

    [Fact]
    public void DocxServedAsMsword_IsTheSameFamily_NoWarning() // why: portals label .docx as application/msword all the time
    {
        var v = ContentCheck.Check("application/msword", new Uri("http://a/x.doc"), Docx);
        Assert.True(v.Accepted);
        Assert.Null(v.Warning);
    }

    [Fact]
    public void Ofd_IsKnownByTypeAndExtension_AndAnHtmlPageInItsPlaceIsRefused()
    {
        // why: portals publish GB/T 33190 OFD files beside PDFs (application/ofd, .ofd); the zip's OFD.xml makes the format
        var ofd = MinimalOfd();
        var served = ContentCheck.Check("application/ofd", new Uri("http://a/x.ofd"), ofd);
        Assert.True(served.Accepted);
        Assert.Equal(SourceFormat.Ofd, served.Format);
        Assert.Null(served.Warning);
        Assert.Equal(SourceFormat.Ofd, ContentCheck.Check(null, new Uri("http://a/x.ofd"), ofd).Format);
        var soft404 = ContentCheck.Check(null, new Uri("http://a/x.ofd"), Html);
        Assert.False(soft404.Accepted);
        Assert.Contains("promised ofd but sent an html page", soft404.Error);
        Assert.Matches(SourceDefinition.DefaultDocumentPattern, "http://a/files/x.ofd");
        Assert.Matches(DetailPages.DefaultAttachmentPattern, "http://a/files/x.wps");
    }

    private static byte[] MinimalOfd()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var s = zip.CreateEntry("OFD.xml").Open()) s.Write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"u8);
        return stream.ToArray();
    }

    [Theory]
    [InlineData("application/pdf", "/a.pdf")]   // why: a soft-404 page sent as the PDF it replaces
    [InlineData(null, "/a.docx")]               // why: no type, but the link promised Word
    [InlineData("text/plain", "/a.txt")]        // why: an HTML error page where a text file was promised
    public void HtmlWhereADocumentWasPromised_IsRefused(string? contentType, string path)
    {
        var v = ContentCheck.Check(contentType, new Uri("http://a" + path), Html);
        Assert.False(v.Accepted);
        Assert.Contains("sent an html page", v.Error);
    }

    [Fact]
    public void TextPage_AtAnHtmlLink_IsAccepted() // why: a text body under an .html name is odd but readable
    {
        var v = ContentCheck.Check("text/html", new Uri("http://a/p.html"), Text);
        Assert.True(v.Accepted);
        Assert.Equal("txt", v.Format?.ToString().ToLowerInvariant());
    }

    [Fact]
    public void EmptyOrBinaryJunk_IsRefused()
    {
        Assert.False(ContentCheck.Check("application/pdf", new Uri("http://a/a.pdf"), []).Accepted);
        var junk = new byte[512];
        new Random(7).NextBytes(junk);
        junk[0] = 1;
        Assert.Contains("not a supported document format", ContentCheck.Check(null, new Uri("http://a/a"), junk).Error);
    }
}
