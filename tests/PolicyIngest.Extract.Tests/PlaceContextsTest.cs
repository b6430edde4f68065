using PolicyIngest.Extract.Conditions;

namespace PolicyIngest.Extract.Tests;

/// <summary>A document's region as written, read into the places its 本省/本市/本区 mean (regions of the shared files and seeds).</summary>
public class PlaceContextsTest
{
    public static TheoryData<string?, string?, string?, string?> Rows => new()
    {
        { "北京市怀柔区", "北京市", "北京市", "怀柔区" },          // seed 000
        { "北京市", "北京市", "北京市", null },                  // seed 002 (市级版)
        { "广东省广州市天河区", "广东省", "广州市", "天河区" },   // data/real 01–04 (天河)
        { "广州市", null, "广州市", null },                      // data/real Guangzhou pages
        { "重庆市", "重庆市", "重庆市", null },                  // data/real 63, 64
        { "吉林省通化市柳河县", "吉林省", "通化市", "柳河县" },   // revisions: 柳河县旅游业若干意见
        { "北京经济技术开发区", null, null, "北京经济技术开发区" },
        { null, null, null, null },
        { "", null, null, null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Of_SplitsTheRegionIntoItsUnits(string? region, string? province, string? city, string? district)
    {
        var place = PlaceContexts.Of(region);

        Assert.Equal((province, city, district), (place.Province, place.City, place.District));
    }
}
