using PolicyIngest.Core.Model;
using PolicyIngest.Extract.Matching;

namespace PolicyIngest.Extract.Tests;

/// <summary>One condition judged against a profile: every row says which state and why text it must give, and why it exists.</summary>
public sealed class ConditionMatcherTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private static readonly EnterpriseProfile Huairou = new()
    {
        Name = "示例科技有限公司",
        Region = "北京市怀柔区",
        Industries = ["软件和信息技术服务业"],
        Titles = ["规模以上工业企业", "高新技术企业"],
        NewTitles = ["专精特新中小企业"],
        Figures = new Dictionary<string, decimal> { ["营业收入"] = 50_000_000m, ["营业收入增速"] = 0.12m, ["固定资产投资总额"] = 20_000_000m },
        Founded = new DateOnly(2018, 5, 1),
        Employees = 120,
    };

    private static readonly EnterpriseProfile Empty = new();

    private static EligibilityCondition C(ConditionType type, string text) => new() { Type = type, Span = new TextSpan(text, 0) };

    public static TheoryData<string, EnterpriseProfile, EligibilityCondition, ConditionState, string> Rows => new()
    {
        { "a bar on 营业收入 reads 营业收入, not the longer 营业收入增速 that also contains it", Huairou,
            C(ConditionType.Threshold, "营业收入不低于2000万元") with { Metric = "营业收入", Op = ComparisonOp.AtLeast, Value = 2000, Unit = "万元", Normalized = 20_000_000m },
            ConditionState.Met, "营业收入 5000万元 ≥ 2000万元" },
        { "a company is an independent legal person", Huairou, C(ConditionType.Title, "具有独立法人资格") with { Title = "独立法人" },
            ConditionState.Met, "示例科技有限公司 为公司（独立法人）" },
        { "a branch is not", Huairou with { Name = "示例科技有限公司怀柔分公司" }, C(ConditionType.Title, "具有独立法人资格") with { Title = "独立法人" },
            ConditionState.Unmet, "示例科技有限公司怀柔分公司 为分支机构，非独立法人" },
        { "中小微 by the 300号 bars of the trade: software, 120 staff, 5000万元 is medium", Huairou,
            C(ConditionType.Title, "对首次贷款的中小微企业") with { Title = "中小微企业" },
            ConditionState.Met, "从业人员 120 人、营业收入 5000万元，按工信部联企业〔2011〕300号划为中型企业" },
        { "小微 is not met by a medium firm", Huairou, C(ConditionType.Title, "小微企业") with { Title = "小微企业" },
            ConditionState.Unmet, "从业人员 120 人、营业收入 5000万元，按工信部联企业〔2011〕300号划为中型企业" },
        { "no size without the figures the bars use", Huairou with { Employees = null }, C(ConditionType.Title, "小微企业") with { Title = "小微企业" },
            ConditionState.Unknown, "未提供划型所需的从业人员或营业收入（要求：小微企业）" },
        { "a manufacturing division without 制造 in its name is manufacturing (GB/T 4754 C13)", Huairou with { Industries = ["农副食品加工业"] },
            C(ConditionType.Industry, "区内制造业企业") with { Sectors = ["制造业"] }, ConditionState.Met, "农副食品加工业 属于 制造业" },
        { "软件信息服务业 is 软件和信息技术服务业 written short", Huairou,
            C(ConditionType.Industry, "软件信息服务业企业") with { Sectors = ["软件信息服务业"] }, ConditionState.Met, "软件和信息技术服务业 属于 软件信息服务业" },
        { "a convenience store chain is in 商贸流通业", Huairou with { Industries = ["零售业", "便利店"] },
            C(ConditionType.Industry, "从事商贸流通业经营的企业") with { Sectors = ["商贸流通业"] }, ConditionState.Met, "零售业 属于 商贸流通业" },
        { "software is not manufacturing", Huairou,
            C(ConditionType.Industry, "区内制造业企业") with { Sectors = ["制造业"] }, ConditionState.Unmet, "软件和信息技术服务业 不属于 制造业" },
        { "threshold met, why in the condition's unit", Huairou,
            C(ConditionType.Threshold, "年营业收入不低于2000万元") with { Metric = "年营业收入", Op = ComparisonOp.AtLeast, Value = 2000, Unit = "万元", Normalized = 20_000_000m },
            ConditionState.Met, "营业收入 5000万元 ≥ 2000万元" },
        { "threshold unmet says the opposite comparison", Huairou,
            C(ConditionType.Threshold, "年营业收入不低于10亿元") with { Metric = "年营业收入", Op = ComparisonOp.AtLeast, Value = 10, Unit = "亿元", Normalized = 1_000_000_000m },
            ConditionState.Unmet, "营业收入 0.5亿元 < 10亿元" },
        { "a share bar is not read from the amount it names: 营业收入 in yuan is not 营业收入占比重", Huairou,
            C(ConditionType.Threshold, "商品销售额占营业收入比重不低于30%") with { Metric = "商品销售额占营业收入比重", Op = ComparisonOp.AtLeast, Value = 30, Unit = "%", Normalized = 0.3m },
            ConditionState.Unknown, "未提供商品销售额占营业收入比重（要求 ≥ 30%）" },
        { "a share bar is read from a share the profile gives", Huairou with { Figures = new Dictionary<string, decimal> { ["营业收入"] = 50_000_000m, ["研发投入占营业收入比重"] = 0.05m } },
            C(ConditionType.Threshold, "研发投入占营业收入比重不低于3%") with { Metric = "研发投入占营业收入比重", Op = ComparisonOp.AtLeast, Value = 3, Unit = "%", Normalized = 0.03m },
            ConditionState.Met, "研发投入占营业收入比重 5% ≥ 3%" },
        { "a rate figure is a fraction, shown as a percentage", Huairou,
            C(ConditionType.Threshold, "营业收入增速不低于20%") with { Metric = "营业收入增速", Op = ComparisonOp.AtLeast, Value = 20, Unit = "%", Normalized = 0.2m },
            ConditionState.Unmet, "营业收入增速 12% < 20%" },
        { "a figure the profile lacks is unknown", Huairou,
            C(ConditionType.Threshold, "注册资本不低于1亿元") with { Metric = "注册资本", Op = ComparisonOp.AtLeast, Value = 1, Unit = "亿元", Normalized = 100_000_000m },
            ConditionState.Unknown, "未提供注册资本（要求 ≥ 1亿元）" },
        { "years since founding answer 成立年限", Huairou,
            C(ConditionType.Threshold, "成立三年以上") with { Metric = "成立年限", Op = ComparisonOp.AtLeast, Value = 3, Unit = "年", Normalized = 3 },
            ConditionState.Met, "成立年限 8年 ≥ 3年" },
        { "employees answer 从业人员", Huairou,
            C(ConditionType.Threshold, "从业人员不超过100人") with { Metric = "从业人员", Op = ComparisonOp.AtMost, Value = 100, Unit = "人", Normalized = 100 },
            ConditionState.Unmet, "从业人员 120人 > 100人" },
        { "a city contains its district", Huairou,
            C(ConditionType.Region, "在北京市注册") with { Place = "北京市", Aspect = RegionAspect.Registration },
            ConditionState.Met, "北京市怀柔区 在 北京市" },
        { "another district of the same level is unmet", Huairou,
            C(ConditionType.Region, "注册在海淀区") with { Place = "海淀区", Aspect = RegionAspect.Registration },
            ConditionState.Unmet, "北京市怀柔区 不在 海淀区" },
        { "a place written with its city is compared at its district (a district policy's own region)", Huairou,
            C(ConditionType.Region, "政策适用地区：北京市朝阳区") with { Place = "北京市朝阳区", Aspect = RegionAspect.Any },
            ConditionState.Unmet, "北京市怀柔区 不在 北京市朝阳区" },
        { "the same place written with its city is met", Huairou,
            C(ConditionType.Region, "政策适用地区：北京市怀柔区") with { Place = "北京市怀柔区", Aspect = RegionAspect.Any },
            ConditionState.Met, "北京市怀柔区 在 北京市怀柔区" },
        { "a park cannot be told from the registered district", Huairou,
            C(ConditionType.Region, "注册在中关村科学城海淀园区") with { Place = "中关村科学城海淀园区", Aspect = RegionAspect.Registration },
            ConditionState.Unknown, "无法由 北京市怀柔区 判断是否在 中关村科学城海淀园区" },
        { "no region in the profile is unknown", Empty,
            C(ConditionType.Region, "在北京市注册") with { Place = "北京市", Aspect = RegionAspect.Registration },
            ConditionState.Unknown, "未提供注册地（要求：北京市）" },
        { "a title held, named differently (国家级, quotes)", Huairou,
            C(ConditionType.Title, "国家高新技术企业") with { Title = "高新技术企业" },
            ConditionState.Met, "已持有 高新技术企业" },
        { "titles listed but not this one", Huairou,
            C(ConditionType.Title, "上市公司") with { Title = "上市公司" },
            ConditionState.Unmet, "未持有 上市公司" },
        { "no titles in the profile is unknown", Empty,
            C(ConditionType.Title, "上市公司") with { Title = "上市公司" },
            ConditionState.Unknown, "未提供称号（要求：上市公司）" },
        { "a new title obtained this year", Huairou,
            C(ConditionType.NewTitle, "首次获得北京市“专精特新”中小企业称号") with { Title = "专精特新中小企业" },
            ConditionState.Met, "当年新获 专精特新中小企业" },
        { "one of a new title's alternatives (A/B) is enough", Huairou,
            C(ConditionType.NewTitle, "首次获得国家级专精特新“小巨人”、北京市“专精特新”中小企业称号") with { Title = "专精特新“小巨人”/专精特新中小企业" },
            ConditionState.Met, "当年新获 专精特新“小巨人”/专精特新中小企业" },
        { "a title held before is not new", Huairou,
            C(ConditionType.NewTitle, "首次纳入规模以上统计") with { Title = "规模以上企业" },
            ConditionState.Unmet, "规模以上企业 已持有，非当年新获" },
        { "an industry named by the clause", Huairou,
            C(ConditionType.Industry, "软件和信息技术服务业企业") with { Sectors = ["软件和信息技术服务业"] },
            ConditionState.Met, "软件和信息技术服务业 属于 软件和信息技术服务业" },
        { "a plain sector the enterprise is not in", Huairou,
            C(ConditionType.Industry, "氢能企业") with { Sectors = ["氢能"] },
            ConditionState.Unmet, "软件和信息技术服务业 不属于 氢能" },
        { "a catalogue of sectors needs checking", Huairou,
            C(ConditionType.Industry, "符合中关村示范区高精尖产业领域") with { Sectors = ["中关村示范区高精尖产业领域"] },
            ConditionState.Unknown, "需核对 软件和信息技术服务业 是否属于 中关村示范区高精尖产业领域" },
        { "an exclusion is never assumed away", Huairou,
            C(ConditionType.Exclusion, "近3年内无失信记录") with { Rule = ExclusionRule.Disqualifier },
            ConditionState.Unknown, "排除情形需核实：近3年内无失信记录" },
        { "a condition kept as text is unknown", Huairou,
            C(ConditionType.Other, "财务管理制度健全"),
            ConditionState.Unknown, "需人工判断：财务管理制度健全" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Judge_GivesStateAndWhy(string why, EnterpriseProfile profile, EligibilityCondition condition, ConditionState state, string because)
    {
        _ = why;
        var verdict = ConditionMatcher.Judge(profile, condition, AsOf);
        Assert.Equal(state, verdict.State);
        Assert.Equal(because, verdict.Why);
    }

    [Fact]
    public void Evaluate_OneAlternativeMetIsEnough()
    {
        // C024-0877: 年营业收入不低于10亿元，或细分行业市场占有率全国前10名 — the first is unmet, the second unknown, then met.
        var revenue = C(ConditionType.Threshold, "年营业收入不低于10亿元") with { Metric = "营业收入", Op = ComparisonOp.AtLeast, Unit = "亿元", Normalized = 1_000_000_000m, Alternative = "a" };
        var rank = C(ConditionType.Threshold, "细分行业市场占有率全国前10名") with { Metric = "市场占有率排名", Op = ComparisonOp.AtMost, Unit = "名", Normalized = 10, Alternative = "a" };
        Assert.Equal(ConditionState.Unknown, ConditionMatcher.Evaluate(Huairou, [revenue, rank], AsOf).Overall);
        var ranked = Huairou with { Figures = new Dictionary<string, decimal>(Huairou.Figures) { ["市场占有率排名"] = 3 } };
        var verdict = ConditionMatcher.Evaluate(ranked, [revenue, rank], AsOf);
        Assert.Equal(ConditionState.Met, verdict.Overall);
        Assert.Equal(0, verdict.UnmetCount);
    }

    [Fact]
    public void Evaluate_AllAlternativesUnmetCountOnce()
    {
        var a = C(ConditionType.Title, "上市公司") with { Title = "上市公司", Alternative = "x" };
        var b = C(ConditionType.Title, "中华老字号") with { Title = "中华老字号", Alternative = "x" };
        var region = C(ConditionType.Region, "注册在海淀区") with { Place = "海淀区" };
        var verdict = ConditionMatcher.Evaluate(Huairou, [a, b, region], AsOf);
        Assert.Equal(ConditionState.Unmet, verdict.Overall);
        Assert.Equal(2, verdict.UnmetCount);
    }

    /// <summary>Which unmet conditions are near misses ("almost") and which say the clause is for someone else.</summary>
    public static TheoryData<string, EligibilityCondition, bool> NearRows => new()
    {
        { "a lower bar the figure reaches more than half of (5000万 of 8000万) is just missed",
            C(ConditionType.Threshold, "营业收入不低于8000万元") with { Metric = "营业收入", Op = ComparisonOp.AtLeast, Value = 8000, Unit = "万元", Normalized = 80_000_000m }, true },
        { "a bar twenty times the figure (a 100亿 park's revenue) is not near",
            C(ConditionType.Threshold, "园区年营业收入不低于100亿元") with { Metric = "营业收入", Op = ComparisonOp.AtLeast, Value = 100, Unit = "亿元", Normalized = 10_000_000_000m }, false },
        { "nor a net increase of 6亿 for a 5000万 firm",
            C(ConditionType.Threshold, "营业收入净增量6亿元（含）以上") with { Metric = "营业收入", Op = ComparisonOp.AtLeast, Value = 6, Unit = "亿元", Normalized = 600_000_000m }, false },
        { "an upper bar (成立不超过5年) missed is a near miss as the gold guide has it",
            C(ConditionType.Threshold, "注册成立不超过5年") with { Metric = "成立年限", Op = ComparisonOp.AtMost, Value = 5, Unit = "年", Normalized = 5m }, true },
        { "a 首次 title the firm already holds is a stage passed long ago",
            C(ConditionType.NewTitle, "对首次纳入规模以上统计的企业") with { Title = "规模以上工业企业" }, false },
        { "a 首次 title the firm does not hold yet is near",
            C(ConditionType.NewTitle, "对首次认定的国家级专精特新小巨人企业") with { Title = "专精特新小巨人企业" }, true },
        { "a title not held is as the gold guide has it (a missing status)",
            C(ConditionType.Title, "独角兽企业") with { Title = "独角兽企业" }, true },
    };

    [Theory]
    [MemberData(nameof(NearRows))]
    public void NearMiss_OnlyABarWithinReachOrAStageNotYetPassed(string why, EligibilityCondition condition, bool near)
    {
        var verdict = ConditionMatcher.Judge(Huairou, condition, AsOf);
        Assert.True(verdict.State == ConditionState.Unmet, why + ": " + verdict.Why);
        Assert.True(ConditionMatcher.NearMiss(Huairou, verdict, AsOf) == near, why);
    }

    [Fact]
    public void Evaluate_NoConditionsIsMet() => Assert.Equal(ConditionState.Met, ConditionMatcher.Evaluate(Huairou, [], AsOf).Overall);

    public static TheoryData<string, EnterpriseProfile, AwardAmount, decimal?, decimal?, string> AmountRows => new()
    {
        { "a fixed sum", Huairou, Award(AwardKind.Fixed, max: 200_000m), 200_000m, 200_000m, "20万元" },
        { "a cap is a range from nothing", Huairou, Award(AwardKind.Cap, max: 1_000_000m), 0m, 1_000_000m, "最高100万元" },
        { "rate × a known base under its cap", Huairou, Award(AwardKind.Rate, max: 6_000_000m, rate: 0.2m, baseName: "固定资产投资总额"), 4_000_000m, 4_000_000m, "固定资产投资总额 2000万元 × 20% = 400万元" },
        { "rate × a known base held to its cap", Huairou, Award(AwardKind.Rate, max: 3_000_000m, rate: 0.2m, baseName: "固定资产投资总额"), 3_000_000m, 3_000_000m, "固定资产投资总额 2000万元 × 20% = 400万元，封顶300万元" },
        { "rate of an unknown base: 0 up to the cap", Empty, Award(AwardKind.Rate, max: 6_000_000m, rate: 0.2m, baseName: "固定资产投资总额"), 0m, 6_000_000m, "按固定资产投资总额比例计算，最高600万元" },
        { "a price per unit needs a count the profile has not", Huairou, Award(AwardKind.Rate, rate: 5m, baseName: "元/人/夜"), null, null, "按元/人/夜比例计算，金额未知" },
        { "tiers span their sums", Huairou, Award(AwardKind.Tiers, min: 200_000m, max: 1_000_000m), 200_000m, 1_000_000m, "20万元–100万元" },
    };

    [Theory]
    [MemberData(nameof(AmountRows))]
    public void Expected_GivesRangeAndText(string why, EnterpriseProfile profile, AwardAmount amount, decimal? min, decimal? max, string text)
    {
        _ = why;
        var expected = ConditionMatcher.Expected(profile, amount);
        Assert.NotNull(expected);
        Assert.Equal(min, expected.Min);
        Assert.Equal(max, expected.Max);
        Assert.Equal(text, expected.Text);
    }

    [Fact]
    public void Expected_NoAwardIsNull() => Assert.Null(ConditionMatcher.Expected(Huairou, null));

    [Fact]
    public void Profile_ReadsTheIssueJson()
    {
        var profile = EnterpriseProfile.FromJson("""
            {"name": "示例", "region": "北京市怀柔区", "industries": ["软件和信息技术服务业"], "titles": ["规模以上工业企业"],
             "newTitles": ["专精特新中小企业"], "figures": {"营业收入": 50000000, "营业收入增速": 0.12}, "founded": "2018-05-01", "employees": 120}
            """);
        Assert.Equal("北京市怀柔区", profile.Region);
        Assert.Equal(0.12m, profile.Figures["营业收入增速"]);
        Assert.Equal(new DateOnly(2018, 5, 1), profile.Founded);
        Assert.Equal(120, profile.Employees);
        Assert.Null(EnterpriseProfile.FromJson("{}").Titles);
    }

    private static AwardAmount Award(AwardKind kind, decimal? min = null, decimal? max = null, decimal? rate = null, string? baseName = null) =>
        new() { Kind = kind, Span = new TextSpan("", 0), MinYuan = min, MaxYuan = max, Rate = rate, Base = baseName };
}
