using System.Text;
using PolicyIngest.Read.Pdf;

namespace PolicyIngest.Read.Tests;

/// <summary>The per-page garbling check: a table of texts that must be judged garbled, and one of texts that must not.</summary>
public class PdfTextQualityTest
{
    private const string Prose = "第一条 为了规范本区产业发展专项资金的管理，提高资金使用效益，根据《中华人民共和国预算法》等有关规定，结合本区实际，制定本办法。";

    /// <summary>UTF-8 bytes of Chinese text shown as Latin-1, the classic web mojibake.</summary>
    private static string Utf8AsLatin1(string text) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text));

    /// <summary>GBK bytes of Chinese text shown as Latin-1.</summary>
    private static string GbkAsLatin1(string text) => Encoding.Latin1.GetString(TextDecoding.Gb18030.GetBytes(text));

    public static TheoryData<string, int, string> Garbled => new()
    {
        // why: a ToUnicode map pointing into the private-use area (the commonest broken-font case)
        { string.Concat(Prose.Select(c => (char)(0xE000 + c % 0x1000))), 0, "private-use" },
        // why: private-use glyphs mixed with some real punctuation and digits still dominate
        { "\uE010\uE011\uE012，\uE013\uE014\uE015\uE016。2023\uE017\uE018\uE019\uE01A", 0, "private-use" },
        // why: a page of U+FFFD, what an engine prints for codes it cannot map
        { "第一条 \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD，\uFFFD\uFFFD\uFFFD\uFFFD。", 0, "U+FFFD" },
        // why: raw character codes come out as control characters when a font has no Unicode at all
        { "\u0003\u0004\u0005\u0006 \u0007\u0008\u000E\u000F\u0010\u0011 \u0012\u0013", 0, "control" },
        // why: every glyph drawn maps to no text
        { "", 40, "glyphs without Unicode" },
        // why: a few words and many unmapped glyphs
        { "附件1", 30, "glyphs without Unicode" },
        // why: real ideographs, but picked by a wrong CMap: GBK-only characters, none in GB 2312's common set
        { "丂丄丅丆丏丒丗丟丠両丣並丩丮丯丱丳丵丷丼乀乁乂乄乆乊乑乕乗乚乛乢乣乤乥乧乨", 0, "rare" },
        // why: CJK Extension A code points strung together
        { "㐀㐁㐂㐃㐄㐅㐆㐇㐈㐉㐊㐋㐌㐍㐎㐏㐐㐑㐒㐓㐔㐕㐖㐗", 0, "rare" },
        // why: CJK compatibility ideographs and the radicals supplement instead of the unified ones
        { string.Concat(Enumerable.Range(0xF900, 30).Select(c => (char)c)), 0, "rare" },
        { "⺀⺁⺂⺃⺄⺅⺆⺇⺈⺉⺊⺋⺌⺍⺎⺏⺐⺑⺒⺓⺔⺕⺖⺗", 0, "rare" },
        // why: UTF-8 read as Latin-1 ("ä¸\u00adå\u008d\u008e…"), some of it C1 controls
        { Utf8AsLatin1(Prose), 0, "" },
        // why: double-encoded UTF-8 ("Ã¤Â¸Â­Ã¥ÂÂ…"), all of it Latin-1 letters and symbols
        { "Ã¤Â¸Â­Ã¥Â¤Â®Ã¦Â”Â¿Ã¥ÂºÂœÃ¥Â…Â³Ã¤ÂºÂŽÃ¦Â”Â¯Ã¦ÂŒÂ", 0, "mojibake" },
        // why: GBK read as Latin-1 ("ÖÐ»ªÈËÃñ¹²ºÍ¹ú")
        { GbkAsLatin1("中华人民共和国国徽法 第一条 为了维护国徽的尊严"), 0, "mojibake" },
    };

    [Theory]
    [MemberData(nameof(Garbled))]
    public void Assess_GarbledText_IsGarbled(string text, int unmapped, string reasonPart)
    {
        var quality = PdfTextQuality.Assess(text, unmapped);
        Assert.True(quality.Garbled, $"not judged garbled: {text}");
        Assert.Contains(reasonPart, quality.Reason);
    }

    public static TheoryData<string, int> Fine => new()
    {
        // why: ordinary Chinese prose
        { Prose, 0 },
        // why: a table of numbers (digits, separators, percent signs, a little CJK)
        { "项目 2021年 2022年 2023年\n产值 1,234.56 1,456.78 1,789.01\n增速 12.5% 18.0% 22.8%\n合计 4,480.35 万元", 0 },
        // why: English prose
        { "The State Council issued the measures to support small and medium-sized enterprises, effective 1 January 2024.", 0 },
        // why: traditional-script text: many characters outside GB 2312, still far from random
        { "中華人民共和國國徽法 第一條 為了維護國徽的尊嚴，正確使用國徽，增強公民的國家觀念，弘揚愛國主義精神，培育和踐行社會主義核心價值觀，根據憲法，制定本法。", 0 },
        // why: uncommon characters in names and places do not make prose implausible
        { "经研究，同意王堃、李喆、张燊同志为项目联系人，负责亳州、泸州、儋州三地的申报工作，并于每季度末报送进展。", 0 },
        // why: Wingdings/Symbol bullets (U+F0B7, U+F06C) are private use by the standard but normal in Office PDFs
        { "\uF0B7 申报条件\n\uF0B7 申报材料\n\uF06C 办理流程\n\uF06C 联系方式", 0 },
        // why: two stray private-use glyphs in a long paragraph stay below the share
        { Prose + "\uE000" + Prose + "\uE001" + Prose, 0 },
        // why: one replacement character in a short heading is too little to judge
        { "附件\uFFFD", 0 },
        // why: a page number alone
        { "— 3 —", 0 },
        // why: Kangxi radicals are mapped to ideographs later: no sign of garbling
        { "\u2F42件 \u2F08民政府 \u2F40持企业发展的若干措施", 0 },
        // why: legitimate Latin-1 symbols in Chinese text (×, °, ±, ·)
        { "温度25°C±0.5，面积3×5米，单价·元", 0 },
        // why: European names with accents in otherwise English text
        { "Müller, Straße, café, José and Zoë signed the agreement.", 0 },
        // why: one unmapped glyph on a normal page
        { Prose, 1 },
        // why: nothing at all
        { "  \n ", 0 },
    };

    [Theory]
    [MemberData(nameof(Fine))]
    public void Assess_PlausibleText_IsNotGarbled(string text, int unmapped)
    {
        var quality = PdfTextQuality.Assess(text, unmapped);
        Assert.False(quality.Garbled, quality.Reason);
    }
}
