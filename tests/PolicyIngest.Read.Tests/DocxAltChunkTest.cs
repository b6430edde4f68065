using System.Text;
using PolicyIngest.Core.Model;
using PolicyIngest.Evaluation.Read;
using PolicyIngest.Read.Docx;
using static PolicyIngest.Read.Tests.TestPackages;

namespace PolicyIngest.Read.Tests;

/// <summary>Word files whose body is (partly) an imported chunk: w:altChunk → an MHTML/HTML part read in place.</summary>
public class DocxAltChunkTest
{
    private static readonly DocumentReaders Readers = DocumentReaders.CreateDefault();

    // ---- the real files: Han characters against their PDF twins -------------------------------------------------

    public static TheoryData<string, string> RealPairs => new()
    {
        // why: the smallest, no chapters; a <br> inside the 修正 note
        { "43_guohui-fa-2020.docx", "44_guohui-fa-2020.pdf" },
        // why: 序言 + 章/节 headings as <h2>/<h3>, a linked table of contents
        { "45_xianfa-2018.docx", "46_xianfa-2018.pdf" },
        // why: the long one (1,260 articles, ~99,000 Han characters)
        { "47_minfadian-2020.docx", "48_minfadian-2020.pdf" },
        // why: many amounts (五万元, 二百万元)
        { "49_gongsi-fa-2023.docx", "50_gongsi-fa-2023.pdf" },
        { "51_xingzheng-chufa-fa-2021.docx", "52_xingzheng-chufa-fa-2021.pdf" },
        { "53_fanlongduan-fa-2007.docx", "54_fanlongduan-fa-2007.pdf" },
        // why: its header is split over many <p> lines and it has 151 <br>s
        { "55_shuishou-zhengshou-guanli-fa-2001.docx", "56_shuishou-zhengshou-guanli-fa-2001.pdf" },
        // why: a <ul> of sections in the table of contents
        { "57_laodong-hetong-fa-2012.docx", "58_laodong-hetong-fa-2012.pdf" },
    };

    [Theory]
    [MemberData(nameof(RealPairs))]
    public void RealAltChunkDocx_HasEveryHanCharacterOfItsPdfTwinInOrder(string docx, string pdf)
    {
        var word = RealFiles.Read(docx);
        Assert.Equal(SourceFormat.Docx, word.Format);
        var twin = RealFiles.Read(pdf);
        var score = TextFidelity.Compare(twin.FullText, word.FullText, maxEdits: 50_000);
        Assert.True(score.SourceHan > 1000, $"{pdf}: only {score.SourceHan} Han characters");
        Assert.Equal(score.SourceHan, score.RecoveredInOrder);
        Assert.Equal(0, score.ExtraHan);
        Assert.StartsWith("中华人民共和国", word.Blocks[0].Text);
    }

    [Fact]
    public void RealAltChunkDocx_ArticlesAreTheirOwnBlocks()
    {
        var text = RealFiles.Read("43_guohui-fa-2020.docx");
        Assert.Equal("中华人民共和国国徽法", text.Blocks[0].Text);
        Assert.Contains(text.Blocks, b => b.Text == "第十九条 本法自1991年10月1日起施行。");
        // &lt;…&gt; in the MHTML's HTML is text, not a tag.
        Assert.Contains(text.Blocks, b => b.Text.Contains("《关于修改<中华人民共和国国徽法>的决定》", StringComparison.Ordinal));
    }

    // ---- a generated document: ordinary paragraphs and chunks in document order ---------------------------------

    /// <summary>Strict quoted-printable of UTF-8 text: every non-ASCII byte as =XX, soft line breaks every 60 characters.</summary>
    private static string QuotedPrintable(string text)
    {
        var sb = new StringBuilder();
        var line = 0;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var piece = b is >= 33 and <= 126 && b != '=' || b == ' ' ? ((char)b).ToString() : b == '\n' ? "\r\n" : $"={b:X2}";
            if (piece == "\r\n") { sb.Append(piece); line = 0; continue; }
            if (line + piece.Length > 60) { sb.Append("=\r\n"); line = 0; }
            sb.Append(piece);
            line += piece.Length;
        }
        return sb.ToString();
    }

    private static byte[] Mht(string html, string charsetParameter = "charset=\"utf-8\"") => Encoding.ASCII.GetBytes(
        "MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n    type=\"text/html\";\r\n    boundary=\"----=_NextPart_01\"\r\n\r\n" +
        "This is a multi-part message in MIME format.\r\n\r\n" +
        "------=_NextPart_01\r\nContent-Type: text/html;\r\n    " + charsetParameter + "\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: file:///C:/x.htm\r\n\r\n" +
        QuotedPrintable(html) + "\r\n\r\n" +
        "------=_NextPart_01\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n\r\n------=_NextPart_01--\r\n");

    private const string ChunkHtml =
        "<html><head><title>测试办法</title><style>p { margin: 0 }</style></head><body>\n" +
        "<h2>第一章 总则</h2>\n<p>第二条 本办法所称企业，是指在本市依法登记注册的企业。<br/>（一）年营业收入不低于五百万元；</p>\n" +
        "<table><tr><th>项目</th><th>金额</th></tr><tr><td>研发补助</td><td><p>最高</p><p>五十万元</p></td></tr></table>\n" +
        "<script>var x = '不读脚本';</script></body></html>";

    [Fact]
    public void GeneratedAltChunks_AreReadInPlaceBetweenOrdinaryParagraphs()
    {
        var gbkHtml = TextDecoding.Gb18030.GetBytes("<html><head><meta charset=\"gb2312\"></head><body><p>第四条 本办法自印发之日起施行。</p></body></html>");
        var docx = BuildDocx(P("关于印发测试办法的通知") + "<w:altChunk r:id=\"chunk1\"/>" + P("第三条 申报材料由各区受理。") + "<w:altChunk r:id=\"chunk2\"/>",
            AltChunk("afchunk.mht", "chunk1", Mht(ChunkHtml)),
            AltChunk("afchunk2.htm", "chunk2", gbkHtml, "text/html"));
        var text = Readers.Read(docx, "chunks.docx", ReadOptions.Default);
        Assert.Equal(
            [
                ("关于印发测试办法的通知", TextBlockKind.Paragraph),
                ("第一章 总则", TextBlockKind.Paragraph),
                ("第二条 本办法所称企业，是指在本市依法登记注册的企业。", TextBlockKind.Paragraph),
                ("（一）年营业收入不低于五百万元；", TextBlockKind.Paragraph),
                ("项目 金额", TextBlockKind.TableRow),
                ("研发补助 最高 五十万元", TextBlockKind.TableRow),
                ("第三条 申报材料由各区受理。", TextBlockKind.Paragraph),
                ("第四条 本办法自印发之日起施行。", TextBlockKind.Paragraph),
            ],
            text.Blocks.Select(b => (b.Text, b.Kind)));
        Assert.Equal("测试办法", text.TitleHint); // no core title: the chunk's <title>
    }

    [Fact]
    public void GeneratedAltChunk_Base64PartInGb18030_IsDecodedWithItsCharset()
    {
        var html = Convert.ToBase64String(TextDecoding.Gb18030.GetBytes("<html><body><p>第一条 为规范专项资金管理，制定本办法。</p></body></html>"), Base64FormattingOptions.InsertLineBreaks);
        var mht = Encoding.ASCII.GetBytes("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b1; start=\"<root>\"\n\n" +
                                          "--b1\nContent-Type: text/plain\n\nnot the document\n" +
                                          "--b1\nContent-Type: text/html; charset=gb2312\nContent-ID: <root>\nContent-Transfer-Encoding: base64\n\n" + html + "\n--b1--\n");
        var text = Readers.Read(BuildDocx("<w:altChunk r:id=\"c\"/>", AltChunk("chunk.mht", "c", mht)), "b64.docx", ReadOptions.Default);
        Assert.Equal(["第一条 为规范专项资金管理，制定本办法。"], text.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void GeneratedAltChunk_MissingPart_IsAWarningNotAFailure()
    {
        var text = Readers.Read(BuildDocx(P("第一条 正文。") + "<w:altChunk r:id=\"nowhere\"/>"), "missing.docx", ReadOptions.Default);
        Assert.Equal(["第一条 正文。"], text.Blocks.Select(b => b.Text));
        Assert.Contains(text.Warnings, w => w.Contains("altChunk", StringComparison.Ordinal));
    }

    // ---- MIME pieces ----------------------------------------------------------------------------------------------

    public static TheoryData<string, string> QuotedPrintableCases => new()
    {
        // why: =XX is a byte; UTF-8 bytes of one character may be split over a soft line break
        { "=E4=B8=\r\n=80=E6=9D=A1", "一条" },
        // why: a soft break with LF only, and trailing spaces before it
        { "soft  =\nbreak", "soft  break" },
        // why: raw 8-bit UTF-8 passes through (the real altChunk files write it so, escaping only =3D)
        { "<p class=3D\"x\">第一条</p>", "<p class=\"x\">第一条</p>" },
        // why: a lone '=' not followed by two hex digits is kept as it is
        { "a = b, c=ZZ", "a = b, c=ZZ" },
        // why: lower-case hex is accepted
        { "=e4=b8=80", "一" },
    };

    [Theory]
    [MemberData(nameof(QuotedPrintableCases))]
    public void QuotedPrintable_DecodesLeniently(string input, string expected) =>
        Assert.Equal(expected, Encoding.UTF8.GetString(Mhtml.QuotedPrintable(Encoding.UTF8.GetBytes(input))));

    [Fact]
    public void Mhtml_WithoutHtmlPart_GivesNothing()
    {
        var message = Encoding.ASCII.GetBytes("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: image/png\r\n\r\nabc\r\n--x--\r\n");
        Assert.True(Mhtml.LooksLikeMime(message));
        Assert.Null(Mhtml.Html(message));
        Assert.False(Mhtml.LooksLikeMime("<html><body>x</body></html>"u8));
    }
}
