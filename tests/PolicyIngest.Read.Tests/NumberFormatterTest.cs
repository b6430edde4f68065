using PolicyIngest.Read.Docx;

namespace PolicyIngest.Read.Tests;

public class NumberFormatterTest
{
    [Theory]
    // why: 第一条 … 第九条
    [InlineData(1, "chineseCounting", "一")]
    // why: ten is 十, not 一十
    [InlineData(10, "chineseCounting", "十")]
    // why: teens: 十一, not 一十一
    [InlineData(11, "chineseCounting", "十一")]
    // why: round tens
    [InlineData(20, "chineseCounting", "二十")]
    // why: laws reach 五十七条
    [InlineData(57, "chineseCounting", "五十七")]
    // why: a zero inside the number is spoken: 一百零五
    [InlineData(105, "chineseCounting", "一百零五")]
    // why: 110 keeps 一十 after a hundred (Word: 一百一十)
    [InlineData(110, "chineseCounting", "一百一十")]
    // why: 公司法 has 266 articles
    [InlineData(266, "chineseCountingThousand", "二百六十六")]
    // why: LibreOffice writes taiwaneseCountingThousand for the same list
    [InlineData(15, "taiwaneseCountingThousand", "十五")]
    // why: financial (capital) numerals
    [InlineData(3, "chineseLegalSimplified", "叁")]
    // why: digit-by-digit ideographs (二〇二五)
    [InlineData(2025, "ideographDigital", "二〇二五")]
    // why: circled numbers ①
    [InlineData(3, "decimalEnclosedCircle", "③")]
    // why: 甲乙丙 lists
    [InlineData(2, "ideographTraditional", "乙")]
    // why: plain decimal
    [InlineData(12, "decimal", "12")]
    // why: full-width decimal ３
    [InlineData(3, "decimalFullWidth", "３")]
    // why: roman and letters
    [InlineData(4, "upperRoman", "IV")]
    [InlineData(2, "lowerLetter", "b")]
    // why: "none" prints no number at all
    [InlineData(5, "none", "")]
    public void Format_Cases(int n, string format, string expected) =>
        Assert.Equal(expected, NumberFormatter.Format(n, format));
}
