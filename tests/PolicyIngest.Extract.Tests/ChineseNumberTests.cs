using PolicyIngest.Extract.Numbers;

namespace PolicyIngest.Extract.Tests;

/// <summary>Number forms policies use, beyond the peer vectors.</summary>
public sealed class ChineseNumberTests
{
    public static TheoryData<string, string> Smart => new()
    {
        { "五十", "50" }, // why: the Chinese numeral
        { "一百零四", "104" }, // why: 零 marks the skipped ten
        { "两千", "2000" }, // why: 两 before 千
        { "十三万二", "132000" }, // why: spoken shorthand after 万
        { "壹拾万零叁仟肆佰伍拾叁", "103453" }, // why: financial capitals with 零
        { "1.5亿", "150000000" }, // why: decimal with 亿
        { "5000万", "50000000" }, // why: Arabic with 万
        { "3千万", "30000000" }, // why: Arabic digit, 千 then 万
        { "1千万", "10000000" }, // why: the 1千万以上 number
        { "16.4亿", "1640000000" }, // why: the float trap
        { "16.9亿", "1690000000" }, // why: the second float trap named in cn2an issue #55
        { "35.1亿", "3510000000" }, // why: the third float trap
        { "0.5", "0.5" }, // why: decimal below one
        { "1.5千万", "15000000" }, // why: a decimal may be followed by a chain of larger units
        { "二〇二五", "2025" }, // why: 〇 in a digit string
        { "廿", "20" }, // why: 廿 alone
        { "一万零五百", "10500" }, // why: 零 then 百
        { "三百万", "3000000" }, // why: 百万
        { "五亿", "500000000" }, // why: 亿 alone
        { "一千二百三十四万五千六百七十八", "12345678" }, // why: full 万 section
    };

    public static TheoryData<string> Rejected => new()
    {
        "万", // why: a unit without a number
        "亿元", // why: unit and currency only
        "十十", // why: repeated unit
        "一万二万", // why: two 万 sections
        "1.2.3", // why: two points
        "三五", // why: a digit string is not accepted in strict mode
        "abc", // why: not a number
    };

    public static TheoryData<string, string> Normalized => new()
    {
        { "３０", "30" }, // why: full-width digits
        { "1,000", "1000" }, // why: thousands separator
        { "82，225.00", "82225.00" }, // why: full-width comma as thousands separator
        { "30 万", "30万" }, // why: pdftotext space
        { "（一）", "（一）" }, // why: outline labels are never rewritten
        { "〔2025〕35号", "〔2025〕35号" }, // why: 发文字号 brackets stay
    };

    [Theory]
    [MemberData(nameof(Smart))]
    public void TryParse_SmartMode(string text, string expected)
    {
        Assert.True(ChineseNumber.TryParse(text, NumberMode.Smart, out var value), text);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void TryParse_Rejects(string text) => Assert.False(ChineseNumber.TryParse(text, NumberMode.Strict, out _), text);

    [Theory]
    [MemberData(nameof(Normalized))]
    public void Normalize_OnlyTouchesNumbers(string text, string expected) => Assert.Equal(expected, NumberText.Normalize(text));
}
