using System.Text;

namespace PolicyIngest.Read.Tests;

/// <summary>Bytes decoded with the charset an HTTP response or meta tag declared, and when the declaration is not believed.</summary>
public sealed class DeclaredCharsetTest
{
    private const string Text = "第一條　為促進產業發展，補助最高五百萬元。";

    public static TheoryData<string, string?, string> Rows => new()
    {
        { "big5", "big5", "big5" },          // why: a declared Big5 is the only way to read Big5 (detection tries UTF-8, then GB18030)
        { "gb18030", "gbk", "gb18030" },     // why: gbk/gb2312 declarations read as GB18030, their superset
        { "gb18030", "utf-8", "gb18030" },   // why: a utf-8 header on GBK bytes (common on old portals) falls back to detection
        { "utf-8", "big5", "utf-8" },        // why: a BOM outranks any declaration
        { "utf-8", null, "utf-8" },          // why: nothing declared: detection
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Decode_WithDeclaredCharset(string bytesIn, string? declared, string expectedEncoding)
    {
        var encoding = TextDecoding.ForCharsetName(bytesIn)!;
        var bytes = encoding.GetBytes(Text);
        if (bytesIn == "utf-8" && declared is not null) bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];

        var text = TextDecoding.Decode(bytes, TextDecoding.ForCharsetName(declared), out var used);

        Assert.Equal(Text, text);
        Assert.Equal(TextDecoding.ForCharsetName(expectedEncoding)!.CodePage, used.CodePage);
    }

    [Fact]
    public void PlainTextReader_UsesTheHttpCharset()
    {
        var bytes = TextDecoding.ForCharsetName("big5")!.GetBytes(Text + "\n");
        var read = new PolicyIngest.Read.Text.PlainTextReader().Read(bytes, "http://127.0.0.1/a.txt", ReadOptions.Default with { HttpCharset = "big5" });
        Assert.Equal(Text, read.Blocks.Single().Text);
    }
}
