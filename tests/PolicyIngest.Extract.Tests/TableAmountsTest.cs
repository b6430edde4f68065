using PolicyIngest.Core.Model;
using PolicyIngest.Extract.Amounts;

namespace PolicyIngest.Extract.Tests;

public class TableAmountsTest
{
    private static Clause Row(string id, string text) => new() { Id = id, Kind = ClauseKind.Paragraph, Label = "", Path = [], Text = text };

    [Fact]
    public void Find_UnitInCaption_TwoHeaderLines_MergedRowLabel()
    {
        // why: real file 59: unit only in the caption (单位：元/天·平方米), two header lines, 经营性占道 merged down two rows
        var table = new PolicyTable(1, null, "单位：元/天·平方米",
        [
            ["收费项目", "收费项目", "收费标准", "收费标准"],
            ["收费项目", "收费项目", "主干道", "其他道路"],
            ["经营性占道", "杭、宁、温三市所在地", "0.80-1.50", "0.60-1.10"],
            ["经营性占道", "其他市所在地", "0.60-1.20", "0.40-0.80"],
        ]);
        var clauses = new[] { Row("p1", "经营性占道 杭、宁、温三市所在地 0.80-1.50 0.60-1.10"), Row("p2", "其他市所在地 0.60-1.20 0.40-0.80") };
        var found = TableAmounts.Find(table, clauses);
        Assert.Equal(4, found.Count);
        var first = found[0];
        Assert.Equal(("p1", 0.80m, 1.50m, "元/天·平方米", AmountRole.Range), (first.ClauseId, first.Yuan, first.YuanHigh!.Value, first.Unit, first.Role));
        Assert.Equal("经营性占道 杭、宁、温三市所在地 / 收费标准 主干道", first.Condition);
        Assert.Equal("p2", found[2].ClauseId);
    }

    [Fact]
    public void Find_UnitInARowCell_AndWanYuanInAHeader()
    {
        // why: a 计费单位 column names the unit per row; a header in 万元 multiplies
        var perRow = new PolicyTable(1, null, null, [["类别", "计费单位", "收费标准"], ["沥青路面", "元/平方米", "140-300"]]);
        var a = Assert.Single(TableAmounts.Find(perRow, [Row("p1", "沥青路面 元/平方米 140-300")]));
        Assert.Equal((140m, 300m, "元/平方米"), (a.Yuan, a.YuanHigh!.Value, a.Unit));
        var wan = new PolicyTable(2, null, null, [["项目", "奖励金额（万元）"], ["国家级", "50"]]);
        Assert.Equal(500_000m, Assert.Single(TableAmounts.Find(wan, [Row("p1", "国家级 50")])).Yuan);
    }

    [Theory]
    // why: no money unit anywhere: scores, counts and years are not money
    [InlineData("分值", null)]
    [InlineData("人数", "单位：人")]
    public void Find_NothingWithoutAMoneyUnit(string header, string? caption)
    {
        var table = new PolicyTable(1, null, caption, [["项目", header], ["社会消费品零售总额", "50"]]);
        Assert.Empty(TableAmounts.Find(table, [Row("p1", "社会消费品零售总额 50")]));
    }
}
