using System.Globalization;
using PolicyIngest.Core.Model;
using PolicyIngest.Extract.Conditions;

namespace PolicyIngest.Extract.Tests;

/// <summary>
/// Eligibility conditions read from real clause phrasings (corpus/conditions-gold dev units; the unit id and its source
/// file are on each row). Each row states one condition the phrase must yield, written as "type field…".
/// </summary>
public sealed partial class ConditionExtractorTests
{
    private static readonly PlaceContext Beijing = new("北京市", "北京市");
    private static readonly PlaceContext Huairou = new("北京市", "北京市", "怀柔区");
    private static readonly PlaceContext Guangzhou = new("广东省", "广州市");

    public static TheoryData<string, string> Conditions => new()
    {
        // --- thresholds
        { "（1）年营业收入不低于10亿元，或细分行业市场占有率全国前10名；", "threshold >= 1000000000 亿元" }, // why: 不低于 + 亿元 normalised to yuan (C024-0877, 002_cca9…)
        { "（1）年营业收入不低于10亿元，或细分行业市场占有率全国前10名；", "threshold <= 10 名" }, // why: 前N名 is a ranking ceiling (C024-0877)
        { "（2）近三年营业收入平均增长率不低于20%或利润平均增长率不低于8%；", "threshold >= 0.08 %" }, // why: a percentage is a fraction, the second bar of an 或 (C024-0877)
        { "注册资本在1000万元（含）以上", "threshold >= 10000000 万元" }, // why: 在…（含）以上 (C046-0914)
        { "被投企业设立时间不超过5年", "threshold <= 5 年" }, // why: a duration ceiling, not an award (C046-0914)
        { "企业年营业收入在2亿元（含）以下", "threshold <= 200000000 亿元" }, // why: 以下 after a money figure with a metric (C048-0920)
        { "境外母公司资产总额不低于2亿美元", "threshold >= 200000000 亿美元" }, // why: US dollars stay dollars (C114-1114)
        { "上年度海关统计进出口额应低于6500万美元", "threshold < 65000000 万美元" }, // why: 低于 is strict (C127-1153)
        { "场地面积1万（含）至3万平方米", "threshold <= 3 万平方米" }, // why: a range whose low end borrows 万 from its unit; area keeps the number as written (C079-1012)
        { "项目资金投入500万元—5000万元", "threshold >= 5000000 万元" }, // why: a money range gives a floor … (L03-1306, 03_liuhe…)
        { "项目资金投入500万元—5000万元", "threshold <= 50000000 万元" }, // why: … and a ceiling
        { "得分在95分-100分（含95分）", "threshold < 100 分" }, // why: the bracket includes the low end only, so the top is exclusive (C131-1165)
        { "项目已投资额不低于计划总投资额的70%", "threshold >= 0.7 %" }, // why: a share names its base between the comparison and the number (C128-1157)
        { "上年度产值首次突破1亿元（含）", "threshold >= 100000000 亿元" }, // why: 突破…（含） is inclusive (C039-0902)
        { "产值首次突破1亿元", "threshold > 100000000 亿元" }, // why: 突破 without 含 is strict (C030-0893)
        { "经营满一年的一次性奖励1万元", "threshold >= 1 年" }, // why: the award after 的 does not make the duration an award (L03-1312)
        { "对融资租赁合同额不低于1000万元的给予不超过5%费率", "threshold >= 10000000 万元" }, // why: a condition ending in 的 before its award (C037-1227)
        { "最多不能超过50名", "threshold <= 50 名" }, // why: 不能超过 (C086-1033)
        // --- regions
        { "1．具备独立法人资格且在北京市注册的软件信息服务业企业和制造业企业。", "region 北京市 registration" }, // why: 在…注册 (C028-0887)
        { "在我市依法注册", "region 北京市 registration" }, // why: 我市 resolved through the document's city (C108-1095)
        { "项目单位或牵头单位为北京地区注册的独立法人机构。", "region 北京市 registration" }, // why: 北京地区注册 without 在 (C090-1043)
        { "实际纳税地点在北京市内", "region 北京市 tax" }, // why: the tax tie (C093-1050)
        { "用于在京研发、建设、生产", "region 北京市 operation" }, // why: 在京 + an activity (C037-1227)
        { "鼓励区内制造业企业开展技改升级", "region 怀柔区 operation" }, // why: 区内 resolved through the document's district (S000-0746, 000_cf5a…); 鼓励 opens the phrase but a place still binds
        { "具有本市户籍的老年人", "region 广州市 residence hukou" }, // why: 户籍 is a residence tie (30:ch4/art24, data/real/30_guangzhou…)
        // --- titles
        { "具备独立法人资格且在北京市注册的软件信息服务业企业", "title 独立法人" }, // why: 具备独立法人资格 (C028-0887)
        { "（1）获得国家高新技术企业、国家级专精特新“小巨人”企业、北京市“专精特新”中小企业称号之一；", "title 高新技术企业" }, // why: a list of titles is one condition of alternatives (C024-0877)
        { "对首次或新迁入获得北京市“专精特新”中小企业、国家级专精特新“小巨人”称号的企业", "newTitle 专精特新中小企业" }, // why: 首次/新迁入 make it a new title (S000-0737)
        { "上年首次纳入规模以上统计的先进制造业企业", "newTitle 规模以上企业" }, // why: 首次纳入规模以上统计 (C039-0902)
        { "对新纳入“小升规”培育清单的企业", "newTitle “小升规”培育清单企业" }, // why: 小升规 is a list, not 升规 itself (C067-0976)
        { "连续三年保持在规模以上", "title 规模以上企业" }, // why: keeping a status is not obtaining it (S001-0789)
        // --- industries
        { "2．符合《北京市“十四五”时期高精尖产业发展规划》所支持的人工智能产业发展方向。", "industry 人工智能产业" }, // why: the plan's name is not the sector (C028-0887)
        { "（2）基金应聚焦中关村示范区高精尖产业领域开展投资", "industry 中关村示范区高精尖产业领域" }, // why: a single sector kept whole (C046-0914)
        { "从事商贸流通业经营、服务、管理的企业、机构、经济组织等单位", "industry 商贸流通业" }, // why: 从事…的单位 (C106-1089)
        { "符合《文化及相关产业分类(2018)》标准", "industry 文化及相关产业" }, // why: a classification names its sector (C093-1050)
        { "对首次升规纳统的制造业及软件和信息技术服务业企业", "industry 软件和信息技术服务业/制造业" }, // why: a list of named sectors before 企业 keeps every item (怀柔 第五条; match gold P01)
        { "鼓励制造业企业开展技改升级，给予支持", "industry 制造业" }, // why: the verb the name was caught with is not part of the sector
        // --- time windows
        { "在2023年1月1日至11月30日期间签订贷款合同并实际发生采购", "timeWindow 2023-01-01..2023-11-30" }, // why: the end date borrows the year (C021-0868)
        { "3．项目为2020年1月后启动建设，并于2023年5月前建设完成并投入实际运行。", "timeWindow 2020-01-01.." }, // why: 年月后 starts on the 1st (C090-1043)
        { "于2023年5月前建设完成并投入实际运行", "timeWindow ..2023-04-30" }, // why: "X前" excludes X (C090-1043)
        { "项目应为近2年内完成竣工验收并投入使用", "timeWindow rel=近2年内" }, // why: relative window (C018-0859)
        // --- exclusions
        { "3．具有健全的财务机构和管理制度，近3年内无失信记录。", "exclusion disqualifier" }, // why: 失信 (C028-0887)
        { "4．申报企业未获得其他市级财政资金的相关智能算力补贴支持。", "exclusion noDoubleSupport" }, // why: 未获得其他…资金 (C028-0887)
        { "养老护理补贴应与重度残疾人护理补贴择高享受（不同时享受）", "exclusion highestOnly" }, // why: 择高享受 (27:s2/i7, data/real/27_guangzhou…)
        { "增资项目不予支持", "exclusion notIncluded" }, // why: 不予支持 a kind of project (C108-1094)
        { "离休老干部不享受困难残疾人生活补贴", "exclusion notIncluded" }, // why: 不享受 without a benefit already drawn (27:s2/i6)
        // --- other
        { "申报条件：\n（1）项目申报单位经营状况良好，财务管理制度健全；", "other" }, // why: a qualitative requirement in a condition list is kept as text (C106-1089)
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Extract_FindsTheCondition(string text, string expected)
    {
        var place = text.Contains("区内", StringComparison.Ordinal) ? Huairou : text.Contains("户籍", StringComparison.Ordinal) ? Guangzhou : Beijing;
        var found = ConditionExtractor.Extract(text, null, place).Conditions.Select(Describe).ToList();
        Assert.Contains(found, f => f.StartsWith(expected, StringComparison.Ordinal) || f == expected);
    }

    /// <summary>Phrases that state no condition of the given type.</summary>
    public static TheoryData<string, ConditionType> Nothing => new()
    {
        { "按照不超过建设项目投资的30%予以奖励，最高3000万元", ConditionType.Threshold }, // why: the rate and the cap are the award (C030-0893)
        { "给予不超过2年的贴息支持，总金额不超过5000万元", ConditionType.Threshold }, // why: duration and total of the award (C002-0826)
        { "单个项目奖励最高不超过30万元", ConditionType.Threshold }, // why: an award ceiling (L03-1319)
        { "利用3-5年时间，培养不少于3500名基层医生", ConditionType.Threshold }, // why: a programme's own targets (07:s2/i1/n3, data/real/07_guangzhou…)
        { "2023年12月31日印发", ConditionType.Threshold }, // why: a year is not a count of years
        { "市级财政科技创新资金用于基础研究的比例原则上不低于三分之一", ConditionType.Threshold }, // why: 三分之一 is not 3 分 (E2024-0135, 13_pair-E…); fractions in words are not read yet
        { "培育机器人“专精特新”企业", ConditionType.Title }, // why: the title is the object of a government action (C030-0893)
        { "为签约居民提供“一站式”全专结合服务", ConditionType.Title }, // why: the object of a service (07:s2/i3/n2)
        { "小微企业是指纳入国家市场监督管理总局小型微型企业名录的企业", ConditionType.Title }, // why: a definition asks nothing (C094-1053)
        { "获得中央财政资金支持的国家级专精特新“小巨人”企业不纳入支持范围", ConditionType.Title }, // why: the title an exclusion leaves out (C039-0902)
        { "加快培育人工智能产业方阵", ConditionType.Industry }, // why: programmatic text (C005-1275)
        { "存量空间应符合所在区产业布局和规划要求", ConditionType.Industry }, // why: a plan, not a sector (C018-0859)
        { "率先在临港地区开展建设领域行政审批专项改革试点", ConditionType.Region }, // why: what the government will do there (L18-0806)
        { "支持机器人企业在京津冀地区布局", ConditionType.Region }, // why: where a support measure wants firms to go, not where the applicant is (C030-0893)
        { "开展北京自贸区内企业外债一次性登记试点", ConditionType.Region }, // why: 自贸区内 is not 区内 of the document's district (C054-0938)
        { "为注册在北京市的文化企业提供投融资服务", ConditionType.Region }, // why: the registered firms are the ones served, the applicant is the service provider (C093-1050)
        { "有下列情形的不予支持：", ConditionType.Exclusion }, // why: the lead of a list, not an exclusion itself (C106-1089)
        { "国家另有规定的除外", ConditionType.Exclusion }, // why: a legal catch-all (C044-0909)
        { "全国范围内（不含港澳台地区）", ConditionType.Exclusion }, // why: an aside in brackets qualifies the place (C089-1041)
        { "自2020年1月1日起出现较大及以上生产安全事故的", ConditionType.TimeWindow }, // why: the date bounds the disqualifying event (C120-1132)
        { "改造后引入的业态应为战略性新兴产业、高精尖产业、现代服务业，或属于先进制造业与现代服务业融合发展的重点领域。", ConditionType.Industry }, // why: the sectors of the tenants a renovated building brings in, not the applicant's (导引 card 老旧厂房)
        { "鼓励各区充分利用老旧厂房，吸引“专精特新”企业入驻。", ConditionType.Title }, // why: the park attracts the titled firms, it is the applicant (导引 card 专精特新集聚)
        { "支持企业参与国家制造业创新中心、北京市产业创新中心、工程研究中心、企业技术中心等国家级、市级创新平台建设", ConditionType.Title }, // why: platforms the enterprise joins in building, not titles it must hold (导引 card 8)
        { "", ConditionType.Other }, // why: empty text
    };

    [Theory]
    [MemberData(nameof(Nothing))]
    public void Extract_FindsNoConditionOfType(string text, ConditionType type)
    {
        var found = ConditionExtractor.Extract(text, null, Beijing).Conditions;
        Assert.DoesNotContain(found, c => c.Type == type);
    }

    [Fact]
    public void Extract_SpanIsTheExactTextAtItsOffset()
    {
        const string text = "1．具备独立法人资格且在北京市注册的企业。\n2．近3年内无失信记录。";
        foreach (var c in ConditionExtractor.Extract(text, null, Beijing).Conditions)
        {
            Assert.Equal(c.Text, text.Substring(c.Span.Start, c.Text.Length));
        }
    }

    [Fact]
    public void Extract_ListedTitlesAreOneConditionOfAlternatives()
    {
        // 15:s5/i1 (data/real/15_guangzhou…): one list of the people who may apply.
        var found = ConditionExtractor.Extract("登记失业人员、就业困难人员（含残疾人）、退役军人、刑满释放人员、高校毕业生", null, Beijing).Conditions;
        Assert.Single(found, c => c.Type == ConditionType.Title);
    }

    [Fact]
    public void Extract_UnknownPlaceWordsStayAsWritten()
    {
        var found = ConditionExtractor.Extract("在我市依法注册", null, PlaceContext.Unknown).Conditions;
        Assert.Contains(found, c => c.Type == ConditionType.Region && c.Place == "我市");
    }

    [Fact]
    public void Extract_ExclusionOverSeveralPhrasesIsOne()
    {
        var found = ConditionExtractor.Extract("申报单位涉嫌违法犯罪，正在接受相关部门立案调查的；", null, Beijing).Conditions;
        var exclusion = Assert.Single(found, c => c.Type == ConditionType.Exclusion);
        Assert.Equal("申报单位涉嫌违法犯罪，正在接受相关部门立案调查的", exclusion.Text);
    }

    public static TheoryData<string, string> Amounts => new()
    {
        { "对当年获准在北京四板市场文化创意板挂牌的每家文化企业给予5万元资金奖励。", "fixed max=50000" }, // why: one sum (C093-1340)
        { "给予不超过100万元资金支持", "cap max=1000000" }, // why: one ceiling (S000-0739)
        { "经认定符合产业定位的项目，按不超过固定资产投资总额20%比例给予支持，最高600万元资金支持。", "rate max=6000000 rate=0.2" }, // why: a rate with its cap is one award (S000-0746)
        { "对新评定为三星级、四星级、五星级的酒店，一次性分别给予20万元、50万元、100万元奖励。", "tiers max=1000000" }, // why: sums of one award for different cases (L03-1313)
        { "贷款贴息给予不超过3年、每年最高500万元支持和投资性补助最高100万元一次性支持", "mixed max=5000000" }, // why: two different awards (C012-0842)
        { "给予一定比例配套经费支持", "rate max=" }, // why: a rate without a number is still a rate (C145-1267)
        { "按照不超过票面利息的40%给予发债贴息支持。单家文化企业年度直接融资的利息补贴不超过50万元(含)", "rate max=500000 rate=0.4" }, // why: a rate and its ceiling in the next sentence are one award (C093-1337)
        { "每满一万人奖励一万元", "rate max= rate=10000" }, // why: a sum per increment is a price on a count (L03-1317)
        { "给予5元/人/夜的奖励", "rate max= rate=5" }, // why: a price per thing (L03-1318)
        { "分别给予3000元/年、5000元/年奖励", "tiers max=5000" }, // why: sums per year are sums, not prices (L03-1320)
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Extract_ReadsTheAward(string text, string expected)
    {
        var amount = ConditionExtractor.Extract(text).Amount;
        Assert.NotNull(amount);
        var described = $"{amount.Kind.ToId()} max={amount.MaxYuan?.ToString(CultureInfo.InvariantCulture)}"
            + (amount.Rate is { } r ? $" rate={r.ToString(CultureInfo.InvariantCulture)}" : "");
        Assert.StartsWith(expected, described, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("（2）研发设计、检验检测、数字化运营管理、品牌建设等服务投入占企业总投入比重不低于20%。")] // why: a condition, no award (C024-0877)
    [InlineData("加快推进农业农村现代化")] // why: programmatic heading
    public void Extract_NoAwardWhereNoneIsPaid(string text) => Assert.Null(ConditionExtractor.Extract(text).Amount);

    private static string Describe(EligibilityCondition c) => c.Type switch
    {
        ConditionType.Threshold => $"threshold {c.Op!.Value.ToId()} {c.Normalized!.Value.ToString(CultureInfo.InvariantCulture)} {c.Unit}",
        ConditionType.Region => $"region {c.Place} {c.Aspect!.Value.ToId()}" + (c.Hukou ? " hukou" : ""),
        ConditionType.Title => $"title {c.Title}",
        ConditionType.NewTitle => $"newTitle {c.Title}",
        ConditionType.Industry => $"industry {string.Join("/", c.Sectors)}",
        ConditionType.TimeWindow => c.From is null && c.To is null ? $"timeWindow rel={c.Relative}" : $"timeWindow {D(c.From)}..{D(c.To)}",
        ConditionType.Exclusion => $"exclusion {c.Rule!.Value.ToId()}",
        _ => "other",
    };

    private static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
