using PolicyIngest.Core;
using PolicyIngest.Structure.Text;

namespace PolicyIngest.Structure.Tests;

public class ChineseNumeralsTest
{
    [Theory]
    [InlineData("一", 1)]          // why: smallest numeral
    [InlineData("十", 10)]         // why: bare 十 means ten, not zero
    [InlineData("十五", 15)]       // why: 十 followed by a digit
    [InlineData("二十", 20)]       // why: digit before 十
    [InlineData("二十一", 21)]     // why: both sides of 十
    [InlineData("一百零一", 101)]  // why: 零 fills the empty tens
    [InlineData("一百一十", 110)]  // why: explicit 一 before 十 inside a hundred
    [InlineData("两百", 200)]      // why: 两 is two
    [InlineData("1 5", 15)]        // why: pdftotext spaces digits (第 1 5 条)
    [InlineData("１５", 15)]       // why: full-width digits
    [InlineData("266", 266)]       // why: long laws (公司法) pass two hundred articles
    public void Parse_ReadsNumerals(string text, int expected) => Assert.Equal(expected, ChineseNumerals.Parse(text));

    [Theory]
    [InlineData("")]        // why: nothing to read
    [InlineData("总则")]    // why: words are not numbers
    [InlineData("十万")]    // why: 万 is an amount unit, never in a label number
    public void Parse_RejectsNonNumbers(string text) => Assert.Null(ChineseNumerals.Parse(text));

    [Theory]
    [InlineData(1, "一")]           // why: single digit
    [InlineData(10, "十")]          // why: 第十条, never 第一十条
    [InlineData(15, "十五")]        // why: teens drop the leading 一
    [InlineData(20, "二十")]        // why: round tens
    [InlineData(101, "一百零一")]   // why: zero inside
    [InlineData(110, "一百一十")]   // why: above one hundred the 一 before 十 stays
    [InlineData(218, "二百一十八")] // why: 公司法 article count
    public void Format_WritesCanonicalNumerals(int n, string expected) => Assert.Equal(expected, ChineseNumerals.Format(n));

    [Theory]
    [InlineData("二○一二", 2012)]  // why: years are written digit by digit with ○
    [InlineData("二〇二五", 2025)]  // why: the ideographic zero 〇
    [InlineData("2025", 2025)]      // why: Arabic years
    public void ParseDigitSequence_ReadsYears(string text, int expected) => Assert.Equal(expected, ChineseNumerals.ParseDigitSequence(text));
}
