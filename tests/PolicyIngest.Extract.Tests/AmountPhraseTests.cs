namespace PolicyIngest.Extract.Tests;

/// <summary>Amount phrases: one row per phrase, each with the reason it exists.</summary>
public sealed class AmountPhraseTests
{
    public static TheoryData<string, string> Amounts => new()
    {
        // --- fixed awards
        { "给予30万元一次性资金支持", "300000 fixed per=once" }, // why: taxonomy's fixed example; 一次性 after the sum is its scope
        { "对首次升规纳统的企业，给予一次性20万元资金支持", "200000 fixed per=once" }, // why: 一次性 before the sum
        { "IVD获国家药监局批准注册，给予一次性50万元奖励", "500000 fixed per=once" }, // why: 奖励 noun after the sum, seed 000 guide wording
        { "给予投资方奖励100万元", "1000000 fixed" }, // why: 投资方 contains a measure word but 奖励 is nearer: an award
        { "每满一万人奖励一万元", "10000 fixed cond=每满一万人" }, // why: Chinese numerals; 一万人 is a count, not money; the increment is the condition
        { "在河流、湖泊浇灌标准化冰场每块奖励1万元", "10000 fixed" }, // why: per-item award without 给予
        { "组织开展较大规模冰雪赛事活动，经审核给予5000元奖励", "5000 fixed" }, // why: 规模 in an earlier phrase must not make it a fund
        { "经营满一年的一次性奖励1万元", "10000 fixed per=once" }, // why: 满一年 is a duration comparison, 奖励 is nearer
        { "一次性奖励企业100元/亩", "100 fixed per=once unit=元/亩" }, // why: taxonomy's per-unit example
        { "给予5元/人/夜的奖励", "5 fixed unit=元/人/夜" }, // why: two-level per-unit
        { "分别给予3000元/年、5000元/年奖励", "3000 fixed per=year unit=元/年 ; 5000 fixed per=year unit=元/年" }, // why: per-year unit in a list
        { "对新引进的企业给予五十万元奖励", "500000 fixed" }, // why: Chinese numeral amount
        { "给予壹拾万元资金支持", "100000 fixed" }, // why: financial capitals
        { "给予1.5亿元支持", "150000000 fixed" }, // why: decimal with 亿
        { "给予16.4亿元支持", "1640000000 fixed" }, // why: the float trap: 16.4亿 is exactly 1640000000
        { "给予３０万元支持", "300000 fixed" }, // why: full-width digits
        { "给予30 万元资金支持", "300000 fixed" }, // why: pdftotext puts a space between digits and CJK
        { "奖励1,000元", "1000 fixed" }, // why: thousands separator
        { "给予2千元补贴", "2000 fixed" }, // why: mixed Arabic digit and 千
        { "给予3千万元支持", "30000000 fixed" }, // why: mixed 3千万
        { "给予3百万元支持", "3000000 fixed" }, // why: 百万元 unit
        { "给予5千元/月的房租补贴", "5000 fixed unit=元/月" }, // why: monthly per-unit
        { "县财政给予一次性配套奖励,市级奖励2万元", "20000 fixed" }, // why: ASCII comma splits phrases too
        { "后两年每年再给予一次性10万元资金支持", "100000 fixed per=year" }, // why: 每年 wins over 一次性: once a year
        { "每个项目给予企业一次性20万元资金支持", "200000 fixed per=project" }, // why: project scope
        { "每项给予5万元奖励", "50000 fixed per=item" }, // why: item scope
        { "每家企业给予10万元奖励", "100000 fixed per=enterprise" }, // why: enterprise scope
        { "再给予一次性10万元资金支持", "100000 fixed per=once" }, // why: 再给予 is an award verb
        { "给予两千万元支持", "20000000 fixed" }, // why: 两 as a digit
        { "给予一百零四万元奖励", "1040000 fixed" }, // why: 零 inside a Chinese numeral
        { "给予十三万二千元补助", "132000 fixed" }, // why: section after 万
        { "奖励人民币三万元", "30000 fixed" }, // why: 人民币 between verb and number
        { "给予5000元奖励", "5000 fixed" }, // why: plain yuan
        { "给予0.5万元补贴", "5000 fixed" }, // why: decimal below one
        { "补贴标准为每人每月800元", "800 fixed" }, // why: 补贴 as an award word
        { "资助金额为20万元", "200000 fixed" }, // why: 资助 as an award word; 金额 is not a measure of the applicant

        // --- caps
        { "给予不超过50万元资金支持", "500000 cap" }, // why: the cap example
        { "最高不超过500万元", "5000000 cap" }, // why: taxonomy's cap example
        { "最高200万元", "2000000 cap" }, // why: 最高 alone
        { "最高给予50万元奖励", "500000 cap" }, // why: cap word before the award verb
        { "每家企业每年最高支持金额不超过5万元", "50000 cap per=enterprise-year" }, // why: taxonomy's enterprise-year cap
        { "年度支持资金总额不超过100万元", "1000000 cap per=year" }, // why: 资金总额 is the award total, not a threshold
        { "每家给予不超过50万元资金支持", "500000 cap per=enterprise" }, // why: 每家 scope
        { "每年累计不超过50万元资金支持", "500000 cap per=year" }, // why: 每年累计: year scope
        { "累计不超过300万元", "3000000 cap per=cumulative" }, // why: 累计 alone
        { "单个项目奖励最高不超过30万元", "300000 cap per=project" }, // why: 单个项目
        { "总金额不超过5000万元", "50000000 cap" }, // why: 总金额 of the award
        { "给予5万元以下的补助", "50000 cap" }, // why: 以下 after a non-penalty award
        { "奖励资金100万元封顶", "1000000 cap" }, // why: 封顶 after the sum
        { "给予游戏研发企业、游戏运营企业不超过80万元资金支持，每家企业不超过300万元", "800000 cap ; 3000000 cap per=enterprise" }, // why: two caps with different scopes
        { "按不超过固定资产投资总额20%比例给予支持，最高600万元资金支持", "6000000 cap" }, // why: rate then cap: the percent is not money
        { "最多补贴3万元", "30000 cap" }, // why: 最多
        { "补助上限为200万元", "2000000 cap" }, // why: 上限
        { "给予最高不超过1000万元的支持", "10000000 cap" }, // why: 的 between sum and noun
        { "最高可给予500万元资金支持", "5000000 cap" }, // why: 可 between cap word and verb

        // --- floors
        { "给予最低5万元", "50000 floor" }, // why: taxonomy's floor example
        { "最低5万元，最高50万元", "50000 floor ; 500000 cap" }, // why: the two-sided tier
        { "补贴不低于10万元", "100000 floor" }, // why: 不低于 on an award
        { "每家至少给予2万元", "20000 floor per=enterprise" }, // why: 至少

        // --- ranges
        { "给予企业10万元—100万元资金支持", "100000..1000000 range" }, // why: taxonomy's range example
        { "给予10—100万元资金支持", "100000..1000000 range" }, // why: the low end takes the unit of the high end
        { "给予10万元至100万元奖励", "100000..1000000 range" }, // why: 至 as a range word
        { "给予5万元-20万元补助", "50000..200000 range" }, // why: ASCII hyphen
        { "给予20~50万元补贴", "200000..500000 range" }, // why: tilde
        { "给予1万元（含）—5万元支持", "10000..50000 range" }, // why: （含） inside a range

        // --- thresholds
        { "研发费用首次达到500万元的企业", "5000000 threshold" }, // why: the threshold example
        { "投资超过100万元", "1000000 threshold" }, // why: taxonomy: 投资超过
        { "固定资产投资50万元（含）以上", "500000 threshold" }, // why: taxonomy: （含）以上
        { "工业总产值首次突破1亿元", "100000000 threshold" }, // why: 突破
        { "年度执行新增订单超过2000万元", "20000000 threshold" }, // why: 订单 is a measure
        { "总投入在1000万元以上且被认定的，给予投资方奖励100万元", "10000000 threshold ; 1000000 fixed" }, // why: condition then award in one sentence
        { "营业额10万元以上且本县财政不承担经费的大型会议", "100000 threshold" }, // why: 以上 with no award verb
        { "营业额达到80万元以上的特大型会议、赛事，一次性给予15万元奖励", "800000 threshold ; 150000 fixed per=once" }, // why: threshold and award
        { "固定资产投资总额在500万元（含）以上的智能化和数字化技改项目、固定资产投资总额在200万元（含）以上的绿色化技改升级项目", "5000000 threshold ; 2000000 threshold" }, // why: two thresholds in one list
        { "对营业收入超过1亿元的企业给予最高50万元奖励", "100000000 threshold ; 500000 cap" }, // why: threshold and cap in one phrase
        { "项目资金投入500万元—5000万元，奖励投资额度的5%—20%", "5000000..50000000 threshold" }, // why: a range of investment is a condition
        { "年营业收入不超过2000万元的企业", "20000000 threshold" }, // why: 不超过 on a measure of the applicant is a condition
        { "注册资本不低于1000万元", "10000000 threshold" }, // why: 不低于 on a measure
        { "上年度纳税额达到500万元的企业", "5000000 threshold" }, // why: 纳税
        { "单笔贷款金额在1000万元以上的", "10000000 threshold" }, // why: 贷款 measure with 以上
        { "违法所得二十万元以上的", "200000 threshold" }, // why: law: 违法所得 is a condition, not the fine
        { "没有违法所得或者违法所得不足二十万元的", "200000 threshold" }, // why: 不足 on 违法所得
        { "年销售额超过5000万元的", "50000000 threshold" }, // why: 销售额
        { "融资额达到1亿元以上", "100000000 threshold" }, // why: 融资额

        // --- funds
        { "设立规模不低于1亿元的引导资金", "100000000 fund" }, // why: taxonomy's fund example: 不低于 here sizes a fund
        { "县财政每年安排旅游引导资金1000万元", "10000000 fund" }, // why: 安排…引导资金
        { "设立总规模50亿元的产业基金", "5000000000 fund" }, // why: 总规模
        { "市财政每年统筹安排专项资金5000万元", "50000000 fund" }, // why: 统筹安排专项资金

        // --- penalties
        { "处五十万元以下的罚款", "500000 penalty" }, // why: the penalty example
        { "可以处五百万元以下的罚款", "5000000 penalty" }, // why: 反垄断法 2022 wording
        { "对个人处二万元以上十万元以下的罚款", "20000..100000 penalty" }, // why: a fine range is one amount
        { "可以对单位并处三千元以上五万元以下的罚款", "3000..50000 penalty" }, // why: 会计法 2017
        { "可以并处二十万元以上二百万元以下的罚款", "200000..2000000 penalty" }, // why: 会计法 2024
        { "并处罚款5000元", "5000 penalty" }, // why: 罚款 before the sum
        { "处1万元罚款", "10000 penalty" }, // why: 罚款 right after the sum
        { "违法所得不足二十万元的，可以并处二十万元以上二百万元以下的罚款", "200000 threshold ; 200000..2000000 penalty" }, // why: threshold and fine of the same value in one sentence

        // --- other
        { "低于1万元不予兑现", "10000 other" }, // why: taxonomy's other example
        { "补贴资金不足1000元的不予拨付", "1000 other" }, // why: 不足 + 不予

        // --- tiers and conditions
        { "对首次或新迁入获得北京市“专精特新”中小企业、国家级专精特新“小巨人”称号的企业分别给予30万元和80万元一次性资金支持", "300000 fixed per=once cond=北京市“专精特新”中小企业 ; 800000 fixed per=once cond=国家级专精特新“小巨人”" }, // why: the tier over an enumeration
        { "分别给予国际标准50万元、国家标准30万元", "500000 fixed cond=国际标准 ; 300000 fixed cond=国家标准" }, // why: inline labels
        { "按照行业标准、国家级、国际级分别一次性给予10万元、20万元、30万元资金支持", "100000 fixed cond=行业标准 ; 200000 fixed cond=国家级 ; 300000 fixed cond=国际级" }, // why: three tiers
        { "对新评定为三星级、四星级、五星级的酒店，一次性分别给予20万元、50万元、100万元奖励", "200000 fixed cond=三星级 ; 500000 fixed cond=四星级 ; 1000000 fixed cond=五星级" }, // why: enumeration in the previous phrase
        { "对新建高级雪道、中级雪道、初级雪道分别奖励100万元、50万元、5万元", "1000000 fixed cond=高级雪道 ; 500000 fixed cond=中级雪道 ; 50000 fixed cond=初级雪道" }, // why: 奖励 instead of 给予
        { "分别给予不超过50万元、80万元、100万元资金支持", "500000 cap ; 800000 cap ; 1000000 cap" }, // why: 不超过 holds for the whole list
        { "对符合产业定位的制造业、软件和信息技术服务业企业，分别给予不超过50万元、80万元、100万元资金支持", "500000 cap cond=- ; 800000 cap cond=- ; 1000000 cap cond=-" }, // why: two enumerated items for three amounts: no conditions rather than wrong ones
        { "每增加一家再额外给予5万元，最高不超过100万元", "50000 fixed cond=每增加一家 ; 1000000 cap" }, // why: the increment with a cap
        { "对新评定为国家2—5星级的乡村旅游示范单位，一次性分别给予2万元、4万元、8万元、15万元奖励", "20000 fixed ; 40000 fixed ; 80000 fixed ; 150000 fixed" }, // why: 2—5星级 is not money and not an enumeration
        { "获得市级、国家级资质认证分别给予20万元、50万元一次性资金支持", "200000 fixed per=once cond=市级 ; 500000 fixed per=once cond=国家级资质认证" }, // why: the shared head noun stays on the last item
        // --- found in the 政策导引 cards (seed 002)
        { "予以 5万-500万不同程度的额外资助", "50000..5000000 range" }, // why: 万 after an award verb is money even without 元
        { "核定额度最高不超过等值 1000 万美元", "" }, // why: US dollars are not yuan; never converted
        { "完成不少于 60 万平方米危旧楼房改造", "" }, // why: 万平方米 is an area
        { "给予不超过人民银行同期中长期贷款市场报价利率（LPR）、单个企业年度不超过 3000万元的贷款贴息支持", "30000000 cap per=enterprise-year" }, // why: 贷款 in a rate name is not the sum's subject
        { "应当对每个分公司拨付不少于 5000 万元的营运资金", "50000000 threshold" }, // why: a capital requirement, not an award
        { "实际出资额在 3亿元至 5亿元（含）的，给予不超过500万元资金支持", "300000000..500000000 threshold ; 5000000 cap" }, // why: a band of the applicant's own investment is a condition
        { "企业年营业收入（指业务发生时点上一会计年度的企业营业收入，以下同）在 2亿元（含）以下", "200000000 threshold" }, // why: 以下 with no award in sight is a condition
        { "按照压缩机 12小时额定工作能力不少于 1000公斤和 500公斤两档分别给予 500万元和 200万元的定额建设补贴", "5000000 fixed ; 2000000 fixed" }, // why: 不少于 belongs to the kilograms, not to the award
        { "承诺氢气市场销售价格不高于 30 元/公斤的加氢站，按照10元/公斤的标准给予氢气运营补贴", "30 threshold unit=元/公斤 ; 10 fixed unit=元/公斤" }, // why: a price ceiling is a condition; a per-kilogram subsidy is fixed
        { "单个企业原则上年度贴息金额最高不超过 3000万元", "30000000 cap per=enterprise-year" }, // why: 原则上年度 is 年度, not 上年度
        { "对 2022年度由规模以下转为规模以上的企业一次性奖励金额最高不超过 30万元", "300000 cap per=once" }, // why: 2022年度 names a year, it is not a per-year scope
        { "每个国家（地区）每件资助不超过 5万元", "50000 cap per=item" }, // why: 每件 scope
        { "按照每个工作室 30万元的标准给予一次性资助", "300000 fixed per=once" }, // why: a fixed sum with 一次性 after it
        { "第一年最高支持 200万元，第二至三年支持金额最高不超过 500 万元", "2000000 cap ; 5000000 cap" }, // why: 第二至三年 is no range of money
        { "第二、三年根据年度绩效考核结果，每年分别给予不超过 500 万元、100 万元资金支持", "5000000 cap per=year cond=- ; 1000000 cap per=year cond=-" }, // why: 第二、三年 is no enumeration to distribute over
        { "园区内入驻企业平均单位面积年营业收入超过 2万元/平方米", "20000 threshold unit=元/平方米" }, // why: per-area threshold
        { "每年新增储备项目总投资超万亿，其中 50亿元以上项目超 50个", "5000000000 threshold" }, // why: 万亿 without a digit is not read; 50亿元以上 sizes the projects
        { "注册资金不高于 2000万元（含），年营业收入 1000万元以下（不含）", "20000000 threshold ; 10000000 threshold" }, // why: 注册资金 is the applicant's own measure, so 不高于 makes a condition
        { "对一次性引进国际性（含世界500强）、全国性主办的营业额（以住宿、餐饮、门票等发票为准）10万元以上且本县财政不承担经费的大型会议", "100000 threshold" }, // why: 一次性引进 is no award, and a bracketed note does not cut 营业额 from its sum
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Find_Amounts(string text, string expected) => PhraseExpectation.AssertAmounts(text, expected);
}
