using System.Text;
using PolicyIngest.Read.Html;

namespace PolicyIngest.Read.Tests;

/// <summary>
/// Which charset an HTML page is read in when its byte-order mark, its transport's Content-Type and its &lt;meta&gt;
/// disagree or are missing: BOM, then transport, then meta, then strict UTF-8, else GB18030. The reader and fetching
/// (HtmlLinks) both decode through <see cref="HtmlDecoding"/>.
/// </summary>
public sealed class HtmlDecodingTest
{
    // 镕 is in GBK but not GB2312: pages labelled gb2312 use it, so the GBK family is read as GB18030.
    private const string Simplified = "朱镕基同志：补助最高五百万元。";
    private const string Traditional = "臺北市補助最高五百萬元。";
    // 𠀀 (U+20000) is a four-byte sequence in GB18030 and absent from GBK.
    private const string FourByte = "补助𠀀企业五百万元。";

    public static TheoryData<string, bool, string?, string?, string, string> Rows => new()
    {
        // bytes in, BOM, transport charset, meta charset, text, encoding expected
        { "utf-8", true, "gbk", "gbk", Simplified, "utf-8" },               // why: a UTF-8 BOM outranks a header and a meta that both say GBK (fetching used to take the header)
        { "utf-16", true, "gb2312", null, Simplified, "utf-16" },           // why: a UTF-16LE BOM outranks the header; the page is not ASCII-compatible at all
        { "utf-16BE", true, null, "gb2312", Simplified, "utf-16BE" },       // why: a UTF-16BE BOM outranks a meta (which cannot even be read in ASCII)
        { "utf-8", true, null, "gbk", Simplified, "utf-8" },                // why: a BOM outranks a meta
        { "gb18030", false, "gbk", "utf-8", Simplified, "gb18030" },        // why: the header outranks the meta (the server knows what it sent)
        { "utf-8", false, "utf-8", "gbk", Simplified, "utf-8" },            // why: the header outranks the meta, the other way round
        { "gb18030", false, "utf-8", "gbk", Simplified, "gb18030" },        // why: a utf-8 header on GBK bytes (common on old portals) falls back to detection
        { "gb18030", false, "\"GBK\"", null, Simplified, "gb18030" },       // why: quoted, upper-case header values are charset names too
        { "gb18030", false, "x-unknown", "gb2312", Simplified, "gb18030" }, // why: a header naming no known charset counts as none: the meta decides
        { "gb18030", false, null, "gb2312", Simplified, "gb18030" },        // why: a GB2312 meta reads as GB18030, so GBK-only 镕 survives
        { "gb18030", false, null, "http-equiv", Simplified, "gb18030" },    // why: the old <meta http-equiv content="…; charset=gb2312"> form
        { "gb18030", false, null, "gbk", FourByte, "gb18030" },             // why: four-byte GB18030 sequences under a GBK label
        { "gb18030", false, "gb18030", null, FourByte, "gb18030" },         // why: a GB18030 page by its header
        { "gb18030", false, null, "utf-16", Simplified, "gb18030" },        // why: a meta naming a charset ASCII cannot read it in is ignored: detection
        { "big5", false, "big5", null, Traditional, "big5" },               // why: a declared Big5 is the only way to read Big5 (detection tries UTF-8, then GB18030)
        { "utf-8", false, null, null, Simplified, "utf-8" },                // why: no charset anywhere, UTF-8 bytes: strict UTF-8
        { "gb18030", false, null, null, Simplified, "gb18030" },            // why: no charset anywhere, GBK bytes: not UTF-8, so GB18030
        { "gb18030", false, null, null, FourByte, "gb18030" },              // why: no charset anywhere, GB18030 bytes
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Decode_BomThenTransportThenMetaThenDetection(string bytesIn, bool bom, string? transport, string? meta, string text, string expected)
    {
        var bytes = Page(bytesIn, bom, meta, text);

        var html = HtmlDecoding.Decode(bytes, transport, out var used);
        Assert.Contains("<p>" + text + "</p>", html);
        Assert.Equal(TextDecoding.ForCharsetName(expected)!.CodePage, used.CodePage);
        Assert.DoesNotContain('\uFEFF', html);

        // The reader decodes through the same method: the paragraph comes out whole, nothing replaced.
        var read = new HtmlReader().Read(bytes, "https://example.gov.cn/a.html", ReadOptions.Default with { HttpCharset = transport });
        Assert.Contains(text, read.Blocks.Select(b => b.Text));
        Assert.DoesNotContain(read.Warnings, w => w.Contains("U+FFFD", StringComparison.Ordinal));
    }

    /// <summary>The page in <paramref name="bytesIn"/>, with its BOM when asked, declaring <paramref name="meta"/> in a meta tag.</summary>
    private static byte[] Page(string bytesIn, bool bom, string? meta, string text)
    {
        var declaration = meta switch
        {
            null => "",
            "http-equiv" => "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
            _ => $"<meta charset=\"{meta}\">",
        };
        var page = $"<html><head>{declaration}<title>通知</title></head><body><div class=\"content\"><p>{text}</p></div></body></html>";
        var encoding = TextDecoding.ForCharsetName(bytesIn)!;
        var body = encoding.GetBytes(page);
        return bom ? [.. encoding.GetPreamble(), .. body] : body;
    }
}
