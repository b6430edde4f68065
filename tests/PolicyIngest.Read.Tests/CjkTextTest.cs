using PolicyIngest.Read.Text;

namespace PolicyIngest.Read.Tests;

public class CjkTextTest
{
    public static TheoryData<string, string> SpaceCases => new()
    {
        // why: pdftotext puts a space where the font switches from Latin digits to CJK
        { "给予30 万元资金支持", "给予30万元资金支持" },
        // why: document numbers: the space after the closing bracket and before 号 are both inserted
        { "〔2025〕8 号", "〔2025〕8号" },
        // why: a space on the other side (CJK then digits)
        { "共 145 条政策", "共145条政策" },
        // why: percentages next to CJK
        { "不超过 20% 的比例", "不超过20%的比例" },
        // why: Latin words keep their real spaces
        { "Hicool Global Entrepreneurship Summit 大赛", "Hicool Global Entrepreneurship Summit大赛" },
        // why: numbers separated by a real space in Latin context stay apart
        { "ISO 9001 认证", "ISO 9001认证" },
        // why: a space typed between two CJK words (chapter heading) is real and stays
        { "第一章 总则", "第一章 总则" },
        // why: leading/trailing spaces go
        { "  30 万元 ", "30万元" },
    };

    [Theory]
    [MemberData(nameof(SpaceCases))]
    public void RemoveSpacesAroundCjk_Cases(string input, string expected) =>
        Assert.Equal(expected, CjkText.RemoveSpacesAroundCjk(input));

    [Theory]
    // why: OCR separates every character; between Han characters the space is never real
    [InlineData("支 持 企 业 发 展", "支持企业发展")]
    // why: OCR mode still keeps spaces between Latin words
    [InlineData("LPR 利 率 Global Summit", "LPR利率Global Summit")]
    public void RemoveSpacesAroundCjk_OcrAlsoBetweenCjk(string input, string expected) =>
        Assert.Equal(expected, CjkText.RemoveSpacesAroundCjk(input, alsoBetweenCjk: true));

    [Theory]
    // why: Chromium/LibreOffice PDFs map glyphs to Kangxi radicals ⽂ (U+2F42) ⼈ (U+2F08) ⽀ (U+2F40)
    [InlineData("\u2F42\u4EF6", "文件")]
    [InlineData("\u2F08\u6C11", "人民")]
    [InlineData("\u2F40\u6301", "支持")]
    // why: the first and last Kangxi radicals (range edges)
    [InlineData("\u2F00\u2FD5", "一龠")]
    public void MapKangxiRadicals_MapsOnlyRadicals(string input, string expected) =>
        Assert.Equal(expected, CjkText.MapKangxiRadicals(input));

    [Theory]
    // why: full-width brackets carry meaning (（一） vs (一)) — never normalised
    [InlineData("（一）申报条件")]
    // why: document-number brackets stay
    [InlineData("京发改规〔2023〕12号")]
    // why: full-width digits and letters are left as printed (no blanket NFKC)
    [InlineData("第１条 ＡＢＣ")]
    // why: CJK radicals supplement (⻓ U+2ED3) is not a Kangxi radical: left alone
    [InlineData("\u2ED3期")]
    // why: ㈠ is numbering, not a radical
    [InlineData("㈠ 总则")]
    public void MapKangxiRadicals_LeavesEverythingElse(string input) =>
        Assert.Equal(input, CjkText.MapKangxiRadicals(input));

    [Theory]
    // why: a line break between two CJK characters is not a space
    [InlineData("着力构建怀柔区", "以科技创新为引领的", "着力构建怀柔区以科技创新为引领的")]
    // why: CJK then digits across a break: no space
    [InlineData("给予不超过", "100万元", "给予不超过100万元")]
    // why: English words broken at a line end need the space back
    [InlineData("Global", "Summit", "Global Summit")]
    // why: a hyphenated Latin word is re-joined
    [InlineData("entre-", "preneurship", "entrepreneurship")]
    public void JoinLines_Cases(string left, string right, string expected) =>
        Assert.Equal(expected, CjkText.JoinLines(left, right));

    [Theory]
    // why: tesseract chi_sim prints ASCII colon and parentheses in Chinese text
    [InlineData("区各委办局、各有关单位:", "区各委办局、各有关单位：")]
    [InlineData("(此件公开发布)", "（此件公开发布）")]
    // why: ASCII punctuation between Latin/digits stays (a time, a decimal list)
    [InlineData("10:30 a,b", "10:30 a,b")]
    public void FullWidthPunctuationForOcr_Cases(string input, string expected) =>
        Assert.Equal(expected, CjkText.FullWidthPunctuationForOcr(input));
}
