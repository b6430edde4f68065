using PolicyIngest.Core.Model;
using PolicyIngest.Extract.Conditions;

namespace PolicyIngest.Extract.Tests;

/// <summary>
/// Wordings of Chinese policy clauses read with the document's place (本市, 本区, a county named without 县): each row names
/// the kind of sentence it comes from (a corpus/conditions-gold dev unit) and the place the document is of.
/// </summary>
public sealed partial class ConditionExtractorTests
{
    private static readonly PlaceContext Tianhe = new("广东省", "广州市", "天河区");
    private static readonly PlaceContext Liuhe = new("吉林省", "通化市", "柳河县");

    private static PlaceContext PlaceNamed(string name) => name switch
    {
        "北京" => Beijing,
        "怀柔" => Huairou,
        "广州" => Guangzhou,
        "天河" => Tianhe,
        "柳河" => Liuhe,
        _ => PlaceContext.Unknown,
    };

    public static TheoryData<string, string, string> InPlace => new()
    {
        // --- regions
        { "在柳河新建的三星级、四星级、五星级", "柳河", "region 柳河县 operation" }, // why: a county written without 县 in its own document (L03-1308, 03_liuhe…)
        { "且在我区民办学校就读的来穗人员随迁子女", "天河", "region 天河区" }, // why: the document's district, then the place it is used (02:s3/p1, data/real/02_tianhe…)
        { "持有香港、澳门居民居住证的港澳居民或其随迁子女来我区接受学前教育的", "天河", "region 天河区" }, // why: 来我区 + what is done there (04:s5/i3)
        { "本市低保家庭、低收家庭中持有在有效期限内的《中华人民共和国残疾人证》的残疾人", "广州", "region 广州市" }, // why: 本市 naming the people who may apply (27:s1/i1/n1)
        { "对本市实际种植粮食和蔬菜的耕地进行补贴", "北京", "region 北京市" }, // why: 本市 naming the land the subsidy is for (C142-1190)
        { "长者饭堂运营机构为老年人照护需求等级1-5级的本市户籍老年人提供送餐服务", "广州", "region 广州市 residence hukou" }, // why: 本市户籍 after 的, the place is 本市 not the words before it (29:ch5/art27)
        { "主要是针对广东省户籍的早期离开国有集体企业人员", "广州", "region 广东省 residence hukou" }, // why: 针对 is not part of the province (25:pt1/s3/p1)
        { "已在广州市行政区域内办理法定登记注册手续", "广州", "region 广州市 registration" }, // why: 办理…登记注册手续 is registering (15:s5/i1/n3)
        { "支持在京单位主导研究制定美丽健康领域国际标准", "北京", "region 北京市" }, // why: 在京单位 names the applicant even after 支持 (C029-0889)
        { "支持氢能企业租赁关键设备和产线用于在京研发、建设、生产", "北京", "region 北京市 operation" }, // why: where the supported equipment must be used (C037-1227)
        { "在农业中关村实施的农业领域重大科技成果转化和产业化项目", "北京", "region 农业中关村 operation" }, // why: a zone named 中关村 without 园/区 (C145-1262)
        { "在怀柔科学城建设重大科技基础设施", "怀柔", "region 怀柔科学城 operation" }, // why: 怀柔 goes on into a longer name, so it is not given back its 区 (S001-0789)
        // --- thresholds
        { "持续运营满1年", "北京", "threshold >= 1 年" }, // why: 持续经营/运营 is how long the applicant has operated, not a government action (C051-0930)
        { "且至补贴起始日，持续经营1年（含）以上。", "北京", "threshold >= 1 年" }, // why: the same after a date phrase (C094-1053)
        { "企业年营业收入（指业务发生时点上一会计年度的企业营业收入，以下同）在2亿元（含）以下", "北京", "threshold <= 200000000 亿元" }, // why: a comma inside a bracketed aside does not cut the metric from its number (C047-0917)
        { "通过线上售卖的商品SKU数量不少于2000种", "北京", "threshold >= 2000 种" }, // why: 通过 as "by means of", not a government action (C128-1157)
        { "服务企业数量不低于100家", "北京", "threshold >= 100 家" }, // why: 服务 opens the measured noun (the firms served), not an action (C128-1157)
        { "按上述公式计算的家庭租金超出该家庭经核定的月收入的15％", "广州", "threshold > 0.15 %" }, // why: 超出 is strict like 超过 (13:s3/i3/p2)
        { "对新发展100—500亩（含500亩）的观赏花卉基地，一次性奖励100元/亩；对新发展500亩以上，一次性奖励200元/亩。", "柳河", "threshold > 500 亩" }, // why: after a step ending at 500, 500以上 starts above it (L03-1310)
        // --- industries
        { "鼓励区内制造业企业开展智能化、数字化、绿色化技改升级，按不超过固定资产投资总额20%比例给予支持。", "怀柔", "industry 制造业" }, // why: 鼓励 + a sector's firms in a clause that pays names the applicants (S000-0746)
        { "鼓励氢能领域重点企业参与“筑基工程”，分批给予攻关投资一定比例奖励。", "北京", "industry 氢能" }, // why: the same with 领域重点企业 (C034-1220)
        { "对在京依法从事商业火箭、卫星研发、生产或发射经营等活动的企业", "北京", "industry 商业火箭/卫星" }, // why: 从事 a list of activities: the sectors with the activities cut off (C040-1254)
        { "为社区提供养老、托育、家政等服务的机构", "北京", "industry 养老/托育/家政" }, // why: 为…提供…服务的机构 names the applicant, it is not an action (C133-1171)
        { "支持高端仪器装备和传感器企业扩大规模", "怀柔", "industry 高端仪器装备/传感器" }, // why: two sectors joined by 和 (S000-0743)
        { "从事软件和信息技术服务业的企业", "北京", "industry 软件和信息技术服务业" }, // why: a section of GB/T 4754 whose name holds 和 stays whole
        { "产品（服务）应属于北京市重点发展的战略性新兴产业以及现代服务业领域范围", "北京", "industry 战略性新兴产业" }, // why: 战略性 is a sector word, not 战略定位; the list runs past its first 产业 (C063-0964)
        { "项目符合首都城市战略定位和高精尖产业发展方向", "北京", "industry 高精尖产业" }, // why: the plan words joined by 和 are dropped, the sector kept (C074-0998)
        { "围绕智能算力、大模型和应用赋能等人工智能全产业链领域", "怀柔", "industry 人工智能" }, // why: 等 + a name names the category of the list (S000-0747)
        { "属于新一代信息技术、医药健康、智能制造、新材料、绿色能源与节能环保等高精尖产业领域", "北京", "industry 高精尖/新一代信息技术/医药健康" }, // why: the items and their category (C067-0977)
    };

    [Theory]
    [MemberData(nameof(InPlace))]
    public void Extract_FindsTheConditionInItsPlace(string text, string place, string expected)
    {
        var found = ConditionExtractor.Extract(text, null, PlaceNamed(place)).Conditions.Select(Describe).ToList();
        Assert.True(found.Any(f => f.StartsWith(expected, StringComparison.Ordinal)), $"'{text}': expected {expected}, found [{string.Join("; ", found)}]");
    }

    /// <summary>Phrases that state no condition of the given type, read in the document's place.</summary>
    public static TheoryData<string, string, ConditionType> NothingInPlace => new()
    {
        { "县内外旅行社宣传促销重点旅游市场", "柳河", ConditionType.Region }, // why: 县内外 is inside and outside the county, no tie (L03-1318)
        { "本市鼓励企业和其他社会力量创办科学技术研究开发机构", "北京", ConditionType.Region }, // why: 本市 is the subject of a government action (E2024-0150)
        { "单家文化企业年度直接融资的利息补贴不超过50万元(含)", "北京", ConditionType.Industry }, // why: 单家 + a sector is the unit of the award's cap, not a condition (C093-1337)
        { "1．申报的文化企业须同时满足以下必要条件：", "北京", ConditionType.Industry }, // why: the lead of a list of conditions (C093-1050)
        { "市人民政府应当围绕先导产业、战略性新兴产业和未来产业发展", "北京", ConditionType.Industry }, // why: a law's duty of the government (E2024-0137)
        { "生产过程符合节能减排技术标准", "北京", ConditionType.Industry }, // why: a technical standard, not a sector (C063-0964)
        { "支持建立符合本市氢能科技和产业发展需要的标准体系", "北京", ConditionType.Industry }, // why: a standards system for a sector's needs, not a sector of the applicant (C036-0899)
        { "同一企业获得同类资金最多不超过三年", "北京", ConditionType.Threshold }, // why: a limit of a no-double-support rule, not a bar on the applicant (C093-1050)
        { "利用3-5年时间，持续推进基层医生培养", "广州", ConditionType.Threshold }, // why: 持续推进 is still a government action
    };

    [Theory]
    [MemberData(nameof(NothingInPlace))]
    public void Extract_FindsNoConditionOfTypeInItsPlace(string text, string place, ConditionType type)
    {
        var found = ConditionExtractor.Extract(text, null, PlaceNamed(place)).Conditions;
        Assert.DoesNotContain(found, c => c.Type == type);
    }
}
