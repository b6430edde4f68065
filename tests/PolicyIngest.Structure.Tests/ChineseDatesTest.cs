using PolicyIngest.Structure.Text;

namespace PolicyIngest.Structure.Tests;

public class ChineseDatesTest
{
    [Theory]
    [InlineData("2025年7月10日", "2025-07-10")]          // why: the common signature date
    [InlineData("2025 年 7 月 10 日", "2025-07-10")]     // why: pdftotext spaces between digits and CJK
    [InlineData("二○一二年一月九日", "2012-01-09")]      // why: Chinese numerals with ○ (新余 notice)
    [InlineData("二〇二四年十二月三十一日", "2024-12-31")] // why: 十二, 三十一
    [InlineData("2023-09-26", "2023-09-26")]             // why: ISO dates of compilation cards (发布日期)
    [InlineData("2025年7月10日印发", "2025-07-10")]      // why: a 印发 line is still a date line
    public void WholeLine_ReadsDateLines(string line, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), ChineseDates.WholeLine(line));

    [Theory]
    [InlineData("本办法自2026年1月1日起施行。")]        // why: a date inside a sentence is not a signature date
    [InlineData("经区政府2025年7月1日常务会研究同意")]   // why: a date mid-sentence
    [InlineData("2025年13月1日")]                         // why: no month 13
    [InlineData("2025年2月30日")]                         // why: no 30 February
    [InlineData("2025年7月")]                             // why: no day
    public void WholeLine_RejectsNonDateLines(string line) => Assert.Null(ChineseDates.WholeLine(line));
}
