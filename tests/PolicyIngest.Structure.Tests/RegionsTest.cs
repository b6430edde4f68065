using PolicyIngest.Structure.Text;

namespace PolicyIngest.Structure.Tests;

public class RegionsTest
{
    [Theory]
    [InlineData("北京市怀柔区经济和信息化局", "北京市怀柔区")]   // why: city + district from the issuer
    [InlineData("北京市发展和改革委员会", "北京市")]             // why: a city bureau has no district
    [InlineData("怀柔区促进先进制造业发展扶持办法", "北京市怀柔区")] // why: a Beijing district title names no city
    [InlineData("上海市人民政府", "上海市")]                     // why: municipality government
    [InlineData("江西省新余市人民政府", "江西省新余市")]         // why: province + prefecture city
    [InlineData("新余市人民政府办公室", "新余市")]               // why: a prefecture city alone
    [InlineData("中华人民共和国反垄断法", "全国")]               // why: national laws
    [InlineData("国务院", "全国")]                               // why: the State Council is national
    [InlineData("北京市经济技术开发区管理委员会", "北京市")]     // why: 经济技术开发区 is not a county
    public void Of_ReadsTheRegion(string name, string expected) => Assert.Equal(expected, Regions.Of(name));

    [Theory]
    [InlineData("保障中小企业款项支付条例")] // why: no place named
    [InlineData("各有关单位")]               // why: addressees are not a place
    [InlineData("")]                         // why: nothing
    public void Of_FindsNothing(string name) => Assert.Null(Regions.Of(name));
}
