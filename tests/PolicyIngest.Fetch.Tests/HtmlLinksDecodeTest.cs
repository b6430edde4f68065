using PolicyIngest.Fetch.Http;
using PolicyIngest.Read;

namespace PolicyIngest.Fetch.Tests;

/// <summary>
/// Listing and detail pages are decoded as the reader decodes a page (Read's HtmlDecoding): the cases where fetching
/// used to decide otherwise, taking the Content-Type's charset before a BOM and believing any header or meta.
/// </summary>
public sealed class HtmlLinksDecodeTest
{
    private const string Link = "<a href=\"/files/a.pdf\">关于印发扶持办法的通知</a>";

    public static TheoryData<string, bool, string?, string?> Rows => new()
    {
        // bytes in, BOM, Content-Type, meta charset
        { "utf-8", true, "text/html; charset=gbk", null },     // why: a UTF-8 BOM outranks the header (fetching read such pages as GBK)
        { "gb18030", false, "text/html; charset=utf-8", null }, // why: a utf-8 header on GBK bytes falls back to detection (was U+FFFD everywhere)
        { "gb18030", false, "text/html", "utf-16" },            // why: a meta naming UTF-16 on an ASCII-readable page is ignored (was decoded as UTF-16)
        { "gb18030", false, null, "gbk" },                      // why: no header: the meta decides, GBK read as GB18030
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Decode_AsTheReaderDoes(string bytesIn, bool bom, string? contentType, string? meta)
    {
        var page = $"<html><head>{(meta is null ? "" : $"<meta charset=\"{meta}\">")}</head><body>{Link}</body></html>";
        var encoding = TextDecoding.ForCharsetName(bytesIn)!;
        byte[] bytes = bom ? [.. encoding.GetPreamble(), .. encoding.GetBytes(page)] : encoding.GetBytes(page);

        var html = HtmlLinks.Decode(bytes, contentType);

        Assert.Equal(PolicyIngest.Read.Html.HtmlDecoding.Decode(bytes, HtmlLinks.CharsetName(contentType), out _), html);
        var link = Assert.Single(HtmlLinks.Find(html, new Uri("https://example.gov.cn/list.html"), "a"));
        Assert.Equal("关于印发扶持办法的通知", link.Text);
    }
}
