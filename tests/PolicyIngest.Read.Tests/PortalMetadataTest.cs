using PolicyIngest.Core.Model;
using PolicyIngest.Read.Html;

namespace PolicyIngest.Read.Tests;

public class PortalMetadataTest
{
    private static string? Value(IReadOnlyList<PageField> fields, string name) => fields.FirstOrDefault(f => f.Name == name)?.Value;

    [Fact]
    public void Parse_LabelElementThenValueElement()
    {
        // why: gz.gov.cn 规范性文件 pages: <li><span>文 号：</span> 穗医保规字〔2019〕4号</li> (label with inner spaces)
        var fields = PortalMetadata.Parse(["统一编号：", "GZ0320190096", "文 号：", "穗医保规字〔2019〕4号", "实施日期：", "2019年07月01日", "失效日期：", "2024年06月30日"]);
        Assert.Equal("穗医保规字〔2019〕4号", Value(fields, PageField.DocNumber));
        Assert.Equal("2019年07月01日", Value(fields, PageField.EffectiveFrom));
        Assert.Equal("2024年06月30日", Value(fields, PageField.ExpiresOn));
    }

    [Fact]
    public void Parse_EmptyFieldStaysEmpty_DoesNotSwallowTheNextLabel()
    {
        // why: a reposted page whose 文号 cell is empty (real file 29): the next label is not its value
        var fields = PortalMetadata.Parse(["文号：", "发布日期：", "2024-10-15"]);
        Assert.Equal("", Value(fields, PageField.DocNumber));
        Assert.Equal("2024-10-15", Value(fields, PageField.PublishedOn));
    }

    [Fact]
    public void Parse_LabelAndValueInOneText_AndABareDateBesideTheSource()
    {
        // why: "来源：广州市医疗保障局" in one text node, the date printed bare before it
        var fields = PortalMetadata.Parse(["2023-12-14", "来源：广州市医疗保障局 广州市政务服务数据管理局"]);
        Assert.Equal("广州市医疗保障局 广州市政务服务数据管理局", Value(fields, PageField.Source));
        Assert.Equal("2023-12-14", Value(fields, PageField.PublishedOn));
    }

    [Theory]
    // why: prose that merely contains a colon is not a field
    [InlineData("现就有关事项通知如下：")]
    // why: menu words without a colon are not labels
    [InlineData("标题")]
    [InlineData("全文")]
    public void Parse_FindsNothing(string segment) => Assert.Empty(PortalMetadata.Parse([segment]));
}
