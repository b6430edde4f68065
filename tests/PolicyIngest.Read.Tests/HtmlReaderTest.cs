using System.Text;
using PolicyIngest.Read.Html;

namespace PolicyIngest.Read.Tests;

public class HtmlReaderTest
{
    private const string Page = """
        <html><head><meta charset="gb2312"><title>关于印发扶持办法的通知_政策文件</title></head><body>
        <div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>
        <div class="content"><p>第一条 为了规范管理，制定本办法。</p><p>第二条 对企业给予30万元支持。</p>
        <table><tr><td>发文字号</td><td>京发改规〔2023〕12号</td></tr></table>
        <p>附件：<a href="files/a.PDF">申报指南</a> <a href="x.html">另一页</a></p></div>
        <div id="footer">版权所有 京ICP备05060935号</div></body></html>
        """;

    [Theory]
    // why: the HTTP header wins over the meta tag (the server knows what it sent)
    [InlineData("utf-8", "utf-8")]
    // why: GBK-family names are decoded as GB18030, the superset
    [InlineData("gbk", "gb18030")]
    public void Decode_HttpCharsetWinsOverMeta(string header, string expectedEncoding)
    {
        var bytes = Encoding.GetEncoding(expectedEncoding == "gb18030" ? "GB18030" : "utf-8").GetBytes(Page);
        var html = HtmlDecoding.Decode(bytes, header, out var encoding);
        Assert.Contains("第一条 为了规范管理", html);
        Assert.Equal(expectedEncoding, encoding.WebName, ignoreCase: true);
    }

    [Fact]
    public void Decode_MetaCharsetIsUsedWithoutAHeader()
    {
        var bytes = TextDecoding.Gb18030.GetBytes(Page);
        Assert.Contains("京发改规〔2023〕12号", HtmlDecoding.Decode(bytes, null, out _));
    }

    [Fact]
    public void Read_KeepsTheArticleAndTableRows_DropsNavAndFooter_ReportsOnlyDocumentLinks()
    {
        var bytes = TextDecoding.Gb18030.GetBytes(Page);
        var text = new HtmlReader().Read(bytes, "https://example.gov.cn/zcwj/202507/t1.html", ReadOptions.Default);
        var blocks = text.Blocks.Select(b => b.Text).ToList();
        Assert.Equal("第一条 为了规范管理，制定本办法。", blocks[0]);
        Assert.Contains("发文字号 京发改规〔2023〕12号", blocks);
        Assert.DoesNotContain(blocks, b => b.Contains("ICP", StringComparison.Ordinal) || b.Contains("首页", StringComparison.Ordinal));
        var link = Assert.Single(text.Attachments);
        Assert.Equal("https://example.gov.cn/zcwj/202507/files/a.PDF", link.Url);
        Assert.Equal("申报指南", link.Text);
        Assert.Equal("关于印发扶持办法的通知", text.TitleHint);
    }
}
