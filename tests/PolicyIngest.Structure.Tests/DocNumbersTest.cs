using PolicyIngest.Structure.Text;

namespace PolicyIngest.Structure.Tests;

public class DocNumbersTest
{
    [Theory]
    [InlineData("怀经信发〔2025〕35号", "怀经信发〔2025〕35号")]   // why: already canonical
    [InlineData("怀经信发〔2025〕8 号", "怀经信发〔2025〕8号")]    // why: inner space removed
    [InlineData("京发改规[2023]12号", "京发改规〔2023〕12号")]    // why: ASCII brackets → 〔〕
    [InlineData("怀政发﹝2024﹞16号", "怀政发〔2024〕16号")]      // why: small brackets ﹝﹞ of the 实施指南
    [InlineData("（余府发〔2012〕3号）", "余府发〔2012〕3号")]    // why: parenthesised under a notice title
    [InlineData("昌政办发【2024】5号", "昌政办发〔2024〕5号")]    // why: 【】 brackets
    [InlineData("京政办发 ( 2024 ) 7 号", "京政办发〔2024〕7号")] // why: spaced ASCII parentheses
    public void WholeLine_Normalises(string line, string expected) => Assert.Equal(expected, DocNumbers.WholeLine(line));

    [Theory]
    [InlineData("依托《指导意见》（怀政发〔2024〕16号），制定本办法。")] // why: a cited number inside a sentence is not this document's 发文字号
    [InlineData("2025年7月10日")]                                          // why: a date is not a number
    [InlineData("第三条")]                                                 // why: a label
    public void WholeLine_RejectsSentences(string line) => Assert.Null(DocNumbers.WholeLine(line));

    [Fact]
    public void Find_ReadsDecreeNumbers() =>
        // why: laws carry a decree number instead of a bracketed 发文字号
        Assert.Equal("中华人民共和国国务院令第802号", DocNumbers.Find("2025年3月17日 中华人民共和国国务院令第802号修订）"));
}

public class DocNumbersListTest
{
    [Theory]
    [InlineData("〔2022〕京经信发 45号", "京经信发〔2022〕45号")]                                   // why: year printed before the prefix in a card
    [InlineData("京商财务字〔2022〕16号/京商财务字〔2022〕22号", "京商财务字〔2022〕16号/京商财务字〔2022〕22号")] // why: a card citing two documents keeps both
    [InlineData("/", "")]                                                                          // why: a slash alone means none
    public void FindAll_ReadsEveryNumber(string text, string expected) =>
        Assert.Equal(expected, string.Join("/", DocNumbers.FindAll(text)));
}
