using PolicyIngest.Web.Html;
using static PolicyIngest.Web.Html.Html;

namespace PolicyIngest.Web.Tests;

public class HtmlTest
{
    public static TheoryData<string, string> EncodedValues => new()
    {
        { "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;" }, // why: the classic injection must come out as text
        { "\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" }, // why: breaking out of an attribute value
        { "a'b", "a&#x27;b" }, // why: single-quoted attributes must be safe too
        { "R&D", "R&amp;D" }, // why: a bare ampersand is not markup
        { "怀经信发〔2025〕35号", "怀经信发〔2025〕35号" }, // why: Chinese and its brackets stay readable, never turned into entities
        { "（一）第十五条", "（一）第十五条" }, // why: full-width punctuation is meaning, not markup
    };

    [Theory]
    [MemberData(nameof(EncodedValues))]
    public void H_InterpolatedString_EncodesEveryValue(string value, string expected) =>
        Assert.Equal($"<td>{expected}</td>", H($"<td>{value}</td>").Value);

    [Fact]
    public void H_MarkupValue_IsWrittenAsItIs()
    {
        var inner = H($"<b>{"<i>"}</b>");
        Assert.Equal("<p><b>&lt;i&gt;</b></p>", H($"<p>{inner}</p>").Value);
    }

    [Fact]
    public void H_SequenceOfMarkup_IsConcatenated()
    {
        var items = new[] { "<a>", "b" }.Select(s => H($"<li>{s}</li>"));
        Assert.Equal("<ul><li>&lt;a&gt;</li><li>b</li></ul>", H($"<ul>{items}</ul>").Value);
    }

    [Fact]
    public void H_SequenceOfStrings_IsEncodedNotTrusted()
    {
        IEnumerable<string> items = ["<x>"];
        Assert.DoesNotContain("<x>", H($"{items}").Value);
    }

    [Fact]
    public void H_NullValue_WritesNothing() => Assert.Equal("<td></td>", H($"<td>{(string?)null}</td>").Value);

    [Fact]
    public void Query_EscapesValuesAndDropsEmptyOnes() =>
        Assert.Equal("?q=%E8%B4%B4%E6%81%AF%20%26%20x&page=2", Query(("q", "贴息 & x"), ("empty", ""), ("none", null), ("page", "2")));

    public static TheoryData<decimal, decimal?, string, string> MoneyRows => new()
    {
        { 300000m, null, "元", "30万元" }, // why: the documents write round sums in 万元
        { 150000000m, null, "元", "1.5亿元" }, // why: 亿 for sums of a hundred million and more, exact decimal
        { 1640000000m, null, "元", "16.4亿元" }, // why: the schema's own example: never 16.39999
        { 500m, null, "元", "500元" }, // why: small sums stay in 元
        { 12345m, null, "元", "12345元" }, // why: an odd sum is not rounded into 1.2345万
        { 100m, null, "元/亩", "100元/亩" }, // why: a per-unit amount keeps its unit
        { 100000m, 1000000m, "元", "10–100万元" }, // why: a range shares one scale
        { 50000m, 50000m, "元", "5万元" }, // why: a degenerate range is one sum
    };

    [Theory]
    [MemberData(nameof(MoneyRows))]
    public void Money_Format_WritesTheDocumentsWay(decimal yuan, decimal? high, string unit, string expected) =>
        Assert.Equal(expected, Money.Format(yuan, high, unit));

    public static TheoryData<string, bool> LoopbackUrls => new()
    {
        { "http://127.0.0.1:5080", true }, // why: the default
        { "http://localhost:5080", true }, // why: the name of loopback
        { "http://[::1]:5080", true }, // why: IPv6 loopback
        { "http://127.8.0.1:5080", true }, // why: all of 127/8 is loopback
        { "http://0.0.0.0:5080", false }, // why: every interface — must warn
        { "http://192.168.1.10:5080", false }, // why: a LAN address — must warn
        { "http://*:5080", false }, // why: Kestrel's wildcard binds everything
    };

    [Theory]
    [MemberData(nameof(LoopbackUrls))]
    public void IsLoopback_TellsLoopbackFromEverythingElse(string url, bool loopback) =>
        Assert.Equal(loopback, PolicyWebApp.IsLoopback(url));

    [Fact]
    public void DefaultUrls_AreLoopback() => Assert.True(PolicyWebApp.IsLoopback(WebOptions.DefaultUrls));
}
