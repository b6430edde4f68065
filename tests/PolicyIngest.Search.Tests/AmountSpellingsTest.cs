namespace PolicyIngest.Search.Tests;

public sealed class AmountSpellingsTest
{
    [Theory]
    [InlineData("500万元", "五百万元")]      // why: 反垄断法 writes its fines in Chinese numerals; analysts type Arabic ones
    [InlineData("50万元", "五十万元")]
    [InlineData("10万元", "十万元")]         // why: 十, not 一十
    [InlineData("3000元", "三千元")]
    [InlineData("2000元", "二千元|两千元")]  // why: both are written
    [InlineData("105万元", "一百零五万元")]
    [InlineData("4亿元", "四亿元")]
    [InlineData("五百万元", "500万元")]      // why: and back
    [InlineData("两千元", "2000元")]
    [InlineData("一百零五万元", "105万元")]
    [InlineData("500", "")]                  // why: a number without a unit is no amount
    [InlineData("12345元", "")]              // why: more than four digits would need another unit
    [InlineData("万元", "")]
    [InlineData("补贴", "")]
    [InlineData("百万元", "")]               // why: not a number this reads back the same way
    public void Of_GivesTheOtherSpellings(string term, string expected)
    {
        Assert.Equal(expected.Length == 0 ? [] : expected.Split('|'), AmountSpellings.Of(term));
    }
}
