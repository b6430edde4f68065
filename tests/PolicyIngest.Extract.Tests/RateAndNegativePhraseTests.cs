using PolicyIngest.Extract.Amounts;

namespace PolicyIngest.Extract.Tests;

/// <summary>Rates with their base and cap, and phrases that must yield no amount at all.</summary>
public sealed class RateAndNegativePhraseTests
{
    public static TheoryData<string, string> Rates => new()
    {
        { "按照企业上年度研发费用的10%，给予最高不超过200万元", "10 rate base=上年度研发费用" }, // why: the issue's rate example: base without 企业
        { "按实际支付利息的50%给予贴息支持", "50 rate base=实际支付利息" }, // why: the issue's interest-subsidy rate
        { "按企业实际支付担保费的50%给予支持", "50 rate base=实际支付担保费" }, // why: guarantee fee base
        { "按不超过固定资产投资总额20%比例给予支持", "20 rate_cap base=固定资产投资总额" }, // why: 不超过 inside 按…比例 makes a capped share
        { "按照固定资产投资总额 30%的比例安排市政府固定资产投资补助资金", "30 rate base=固定资产投资总额" }, // why: pdftotext space before the percent
        { "奖励投资额度的5%—20%", "5..20 rate base=投资额度" }, // why: the issue's percent range
        { "分别按其营业额的15%、10%对引进企业和社团进行奖励", "15 rate base=营业额 ; 10 rate base=营业额" }, // why: a listed second rate inherits role and base
        { "三星级按60%奖励返还", "60 rate" }, // why: share without a named base
        { "按照实际保费最高50%给予支持", "50 rate_cap base=实际保费" }, // why: taxonomy rate_cap example
        { "补贴比例不超过项目总投资的30%", "30 rate_cap base=项目总投资" }, // why: 的 before the percent with a cap word
        { "并处上一年度销售额百分之一以上百分之十以下的罚款", "1..10 rate base=上一年度销售额" }, // why: a fine as a share of sales, range in Chinese numerals
        { "处上一年度销售额百分之十以下的罚款", "10 rate_cap base=上一年度销售额" }, // why: at most a share of sales
        { "增速达到5%（含）", "5 threshold" }, // why: taxonomy threshold example
        { "研发投入占营业收入比例不低于5%", "5 threshold" }, // why: 比例不低于 is a condition
        { "老旧厂房改造项目入驻率应不低于70%", "70 other" }, // why: taxonomy other example: an obligation, not a condition for support
        { "项目改造后的综合节能率达到15%以上", "15 threshold" }, // why: 达到…以上
        { "参与集中的每个经营者百分之五十以上有表决权的股份", "50 threshold" }, // why: Chinese-numeral percent as a condition
        { "贷款利率下降0.5%", "0.5 threshold" }, // why: decimal percent
        { "给予贷款市场报价利率（LPR）50%的贴息", "50 rate" }, // why: percent right before 的贴息 is a share
        { "按照合同金额的３０％给予补贴", "30 rate base=合同金额" }, // why: full-width digits and percent sign
    };

    public static TheoryData<string> NoAmounts => new()
    {
        "最高分值为20分", // why: points, the 双特 trap
        "每满1年积2分，满5年后开始计入总积分", // why: points and durations
        "对新发展100—500亩（含500亩）的观赏花卉基地", // why: areas
        "对一个行政村建设标准化民宿5家以上的", // why: counts
        "床位100张以上", // why: counts
        "连续种植3年以上的", // why: years as a duration
        "怀经信发〔2025〕35号", // why: 发文字号
        "依托《怀柔区促进区域经济高质量发展指导意见》的通知（怀政发﹝2024﹞16号）", // why: 发文字号 with a small bracket
        "2025年7月10日", // why: dates
        "自2012年2月1日至2017年1月31日施行", // why: a date range with 至
        "第十五条 本办法自印发之日起施行", // why: article number
        "联络方式 北京市发展和改革委员会：55590088", // why: phone number
        "咨询电话：010-69644027", // why: phone number with area code
        "营业面积在100平方米以上", // why: area in square metres
        "怀柔区经济和信息化局每年向社会发布1次项目申报通知", // why: a count of times
        "升规企业提供当年2月B204-1表", // why: a statistics form number
        "纸质材料一式三份，装订尺寸为A4", // why: copies and paper size
        "带团人数达1000人次的", // why: head count
        "单次会议人数规模在300人以上", // why: 规模 of people, not a fund
        "给予不超过2 年的贴息支持", // why: a duration after a cap word
        "完成核心区平房院落 6000户申请式退租", // why: households
        "元旦期间开展促销活动", // why: 元 that is not a currency
        "支持电子元器件企业发展", // why: 元器件
        "可以在罚款数额的二倍以上五倍以下确定具体罚款数额", // why: multiples are neither money nor rates
        "并处违法所得一倍以上十倍以下的罚款", // why: multiples of 违法所得
        "打造“1123”高精尖产业体系", // why: a slogan number
        "轨道交通M101线加快实施", // why: a line name
        "建设“轨道上的京津冀”，加快轨道交通三期项目建设", // why: ordinal 三期
        "推进“十四五”规划实施", // why: a plan name in Chinese numerals
        "共 145 条政策应用指南卡片", // why: a count of cards
        "从 2023年 9月起", // why: pdftotext-spaced date
        "万元以下", // why: a unit without a number
        "每万元贷款", // why: 万元 used as a unit of measure, no number
        "江西规范性文件2012/%E6%96%B0%E4%BD%99%E5%B8%82.txt", // why: URL escapes in a database-export header (新余 file) are not percentages
        "文件名(FBM-CLI.12.748997%29.txt", // why: %29 is an escaped bracket
    };

    [Theory]
    [MemberData(nameof(Rates))]
    public void Find_Rates(string text, string expected) => PhraseExpectation.AssertRates(text, expected);

    [Theory]
    [MemberData(nameof(NoAmounts))]
    public void Find_NothingThatIsNotMoney(string text)
    {
        var found = AmountPhrases.Find(text);
        Assert.True(found.Amounts.Count == 0, $"'{text}': no amount expected, found {string.Join(" ; ", found.Amounts.Select(PhraseExpectation.Describe))}");
        Assert.True(found.Rates.Count == 0, $"'{text}': no rate expected, found {string.Join(" ; ", found.Rates.Select(PhraseExpectation.Describe))}");
    }
}
