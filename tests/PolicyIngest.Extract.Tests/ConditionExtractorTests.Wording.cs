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
        // --- titles and new titles
        { "对于农业中关村新引进或新获批的农业领域全国重点实验室、国家工程研究中心、国家技术创新中心", "北京", "newTitle 农业领域全国重点实验室/国家工程研究中心/国家技术创新中心" }, // why: listed alternatives of a new title are written A/B (C145-1259)
        { "对首次取得药品注册批件、医疗器械注册批件", "怀柔", "newTitle 药品/医疗器械注册批件" }, // why: alternatives sharing an ending name it once (S000-0745)
        { "对当年获准在北京四板市场文化创意板挂牌的每家文化企业给予5万元资金奖励", "北京", "newTitle 北京四板市场文化创意板挂牌" }, // why: 当年获准 is admission in the year (C093-1340)
        { "获评“全国示范步行街”的", "北京", "newTitle “全国示范步行街”" }, // why: 获评 in an award clause is a title newly obtained (C131-1165)
        { "每个项目最高支持限额为外贸综合服务企业20万元、“双自主”企业10万元", "北京", "title 外贸综合服务企业" }, // why: 限额为 + a title is the tier it decides, not 支持's object (C127-1152)
        { "登记失业人员、就业困难人员（含残疾人）、退役军人、高校毕业生（以下简称重点扶持对象）自主创业", "广州", "title 重点扶持对象" }, // why: a list the text names as one group (15:s5/i1)
        { "非本市户籍（含本省外市户籍、外省户籍）的灵活就业人员", "广州", "title 非本市户籍灵活就业人员" }, // why: a category of people as written, its aside dropped (20:s3/i2)
        { "离校未就业（毕业2年内）高校毕业生", "广州", "title 离校未就业高校毕业生" }, // why: the category of graduates as written (16:ch1/art2/p1)
        { "持有香港、澳门居民居住证的港澳居民或其随迁子女来我区接受学前教育的", "天河", "title 港澳居民居住证持有人" }, // why: the residence permit of Hong Kong and Macao residents (04:s5/i3)
        // --- exclusions and time windows
        { "以下耕地不享受商品有机肥补贴：\n1．已经被征（占）用或规划转为其他用途的；\n2．复耕复垦尚未验收的；", "北京", "exclusion disqualifier" }, // why: the items of an excluded list are disqualifiers (C142-1190)
        { "本项目的项目申报主体为机构或单位（不含性质为机关法人的单位）", "北京", "exclusion notIncluded" }, // why: an aside that leaves out a kind of applicant is a rule (C084-1028)
        { "（4）非上市文化企业；", "北京", "exclusion notIncluded" }, // why: 非上市 leaves listed firms out (C093-1050)
        { "项目已获中央财政资金或其他市级财政资金支持扶持的，申报单位不得以同一项目或类似项目再次申报", "北京", "exclusion noDoubleSupport" }, // why: 已获 (without 得) and 再次申报 (C090-1043)
        { "不适用一次性外债登记业务", "北京", "exclusion notIncluded" }, // why: 不适用 leaves the named firms out (C054-0938)
        { "在旅游节庆活动期间对组团达1000人次以上的", "柳河", "timeWindow rel=在旅游节庆活动期间" }, // why: an event's period bounds the award, the bar after it is separate (L03-1318)
        // --- common wordings of Chinese support policies (not from the gold: the usual forms of each kind of condition)
        { "工商注册、税务登记及统计关系均在怀柔区的企业", "怀柔", "region 怀柔区 any" }, // why: several ties listed then placed are one condition of any aspect
        { "税收解缴关系在本市", "北京", "region 北京市 tax" }, // why: a tax tie named as 税收解缴关系
        { "统计关系在本区", "怀柔", "region 怀柔区 statistics" }, // why: the statistics tie
        { "注册地、纳税地、统计地均在北京市怀柔区", "怀柔", "region 北京市怀柔区 any" }, // why: a place written with its city and district is one place
        { "新落户本区的企业", "怀柔", "region 怀柔区 registration" }, // why: 落户 is registering there
        { "入驻怀柔科学城的企业", "怀柔", "region 怀柔科学城 operation" }, // why: 入驻 a park is operating there
        { "注册地址在怀柔", "怀柔", "region 怀柔区 registration" }, // why: 注册地址 and the district without 区
        { "在区内依法纳税", "怀柔", "region 怀柔区 tax" }, // why: 依法 between the place and 纳税
        { "具有本区户籍", "怀柔", "region 怀柔区 residence hukou" }, // why: 本区户籍
        { "本区范围内的企业", "怀柔", "region 怀柔区 any" }, // why: 范围内的企业 after the district word
        { "2022年至申报截止日", "北京", "timeWindow 2022-01-01.." }, // why: a year to the deadline (gold README rule 7)
        { "在2022年至2024年期间", "北京", "timeWindow 2022-01-01..2024-12-31" }, // why: a year to a year
        { "2023年新认定的高新技术企业", "北京", "timeWindow 2023-01-01..2023-12-31" }, // why: the year the event asked for happened in
        { "2023年新认定的高新技术企业", "北京", "newTitle 高新技术企业" }, // why: 新认定的 binds the title across its 的
        { "对首次认定的市级工程技术研究中心给予奖励", "北京", "newTitle 市级工程技术研究中心" }, // why: 首次认定的 + a title not in the known list, the award cut off
        { "对新认定为市级“专精特新”中小企业的", "北京", "newTitle 专精特新中小企业" }, // why: 认定为 is a copula, not the 为 of a service
        { "在境内外主板、科创板、创业板、北交所上市的企业", "北京", "title 上市公司" }, // why: listed on a board is 上市
        { "对新上市的企业", "北京", "newTitle 上市公司" }, // why: 新上市
        { "限额以上批发零售企业", "北京", "title 限额以上企业" }, // why: 限额以上 is the trade counterpart of 规模以上
        { "科技型中小企业", "北京", "title 科技型中小企业" }, // why: a national title
        { "对科技服务业企业", "北京", "industry 科技服务业" }, // why: a sector ending in 服务业 names the applicant
        { "对集成电路设计企业", "北京", "industry 集成电路设计" }, // why: a common sector
        { "近三年发生重大安全生产事故的", "北京", "exclusion disqualifier" }, // why: 安全生产事故
        { "列入经营异常名录的", "北京", "exclusion disqualifier" }, // why: 经营异常名录
        { "同一项目不得同时享受本区其他政策", "北京", "exclusion noDoubleSupport" }, // why: 不得同时享受 is not 择高
        { "与本区其他同类政策不叠加享受", "北京", "exclusion noDoubleSupport" }, // why: 不叠加
        { "已列入其他财政资金支持的项目不予支持", "北京", "exclusion noDoubleSupport" }, // why: already funded is double support, not a kind left out
        { "政府投资项目不在本办法支持范围内", "北京", "exclusion notIncluded" }, // why: 不在…支持范围 with words between
        { "同一事项按最高标准给予支持", "北京", "exclusion highestOnly" }, // why: 按最高标准
        { "离校未就业（毕业2年内）高校毕业生", "广州", "threshold <= 2 年" }, // why: how long ago the applicant graduated is a bar, not a window (16:ch1/art2/p1)
        { "成立3年以内的企业", "北京", "threshold <= 3 年" }, // why: the age of the applicant
        { "基本建设类项目不予资助", "北京", "exclusion notIncluded" }, // why: 不予资助 like 不予支持
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
        { "培育国家高新技术企业、金种子企业、“专精特新”企业和独角兽企业等不少于5家", "北京", ConditionType.Title }, // why: titles listed after an object of 培育 are objects too (C019-0862)
        { "对社保基金会及养老基金投资管理机构管理的养老基金转让非上市公司股权", "北京", ConditionType.Title }, // why: 非上市公司 is not 上市公司 (C132-1168)
        { "可申报认定为临港地区高新技术企业和技术先进型服务企业", "北京", ConditionType.Title }, // why: a title one may apply for is not held (L18-0820)
        { "专精特新中小企业参照国家有关部门名录认定", "北京", ConditionType.Title }, // why: how a title is determined is a definition (C059-0951)
        { "已在广州市行政区域内办理法定登记注册手续（包括小微企业、个体工商户、社会组织、农民专业合作社、家庭农场等类型，下同）", "广州", ConditionType.Title }, // why: the kinds an aside includes are examples, not a title asked for (15:s5/i1/n3)
        { "有下列情况之一，不得认定为知识产权试点示范单位：", "北京", ConditionType.Exclusion }, // why: the lead of an excluded list is not an item (C061-0958)
        { "有下列情形之一的，不予资助：", "北京", ConditionType.Exclusion }, // why: the same lead cut by a comma
        { "见习期间", "广州", ConditionType.TimeWindow }, // why: a period named without 在 states no window (16:ch4/art16)
        { "在轮候期间曾参加配租意向登记未获配租且轮候时间超过5年的", "广州", ConditionType.TimeWindow }, // why: 期间曾 tells a history, not a window (13:s2/i2/p1)
        { "北京市入驻企业或与北京市有科技合作的企业不少于10家的园区", "北京", ConditionType.Region }, // why: words run into a place after 入驻 are not a place (C079-1012)
        { "推动项目落地本市", "北京", ConditionType.Region }, // why: a government action, not where the applicant is
        { "关闭破产企业未参保人员", "广州", ConditionType.Exclusion }, // why: 破产 describing people is not bankruptcy of the applicant (25:pt1/s3/p1)
        { "金融机构业务放款已实际到达文化企业账户", "北京", ConditionType.Industry }, // why: 金融机构 are the lenders, not a sector of the applicant (C093-1050)
        { "2023年度营业收入不低于1亿元", "北京", ConditionType.TimeWindow }, // why: the year a figure is measured over is the threshold's, not a window
        { "项目应在1年内完成", "北京", ConditionType.Threshold }, // why: a deadline for the project, not the age of the applicant
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

    [Fact]
    public void Extract_ExcludedListEndsAtANewKindOfMarker()
    {
        // C097-1063: the items (（1）…) of 有下列情形之一的不得申报 end where the next top-level point (3.) begins.
        const string text = "2. 有下列情形之一的不得申报：\n（1）有知识产权争议的。\n3. 申报单位应对申报材料的真实性负责。";
        var found = ConditionExtractor.Extract(text, null, Beijing).Conditions;
        var exclusion = Assert.Single(found, c => c.Type == ConditionType.Exclusion);
        Assert.Equal("有知识产权争议的", exclusion.Text);
    }

    public static TheoryData<string, int> Alternatives => new()
    {
        { "（1）年营业收入不低于10亿元，或细分行业市场占有率全国前10名；", 2 }, // why: a phrase opening with 或 is an alternative to the one before (C024-0877)
        { "（2）近三年营业收入平均增长率不低于20%或利润平均增长率不低于8%；", 2 }, // why: two bars joined by 或 in one phrase (C024-0877)
        { "得分在95分-100分（含95分）", 0 }, // why: a range's two ends are both required (C131-1165)
        { "当年高标准农田建设项目中已含商品有机肥内容的，或已享受区级相同或类似补贴政策的；", 0 }, // why: exclusions are never alternatives: any one rules out (C142-1190)
        { "注册资本不低于1000万元，且营业收入不低于5000万元", 0 }, // why: 且 joins required bars
    };

    [Theory]
    [MemberData(nameof(Alternatives))]
    public void Extract_GroupsAlternativesJoinedByOr(string text, int grouped)
    {
        var found = ConditionExtractor.Extract(text, null, Beijing).Conditions;
        Assert.Equal(grouped, found.Count(c => c.Alternative is not null));
        Assert.True(found.Where(c => c.Alternative is not null).Select(c => c.Alternative).Distinct().Count() <= 1);
    }

    [Fact]
    public void Extract_TheBarAfterOrIsMeasuredOnItsOwnMetric()
    {
        var found = ConditionExtractor.Extract("近三年营业收入平均增长率不低于20%或利润平均增长率不低于8%", null, Beijing).Conditions;
        Assert.Contains(found, c => c.Type == ConditionType.Threshold && c.Metric == "利润平均增长率");
    }
}
