using PolicyIngest.Classify.Model;

namespace PolicyIngest.Classify.Tests;

public class TitleAwardRuleTest
{
    private const string Rule = "ins:certification+award";

    public static TheoryData<string, bool> Texts => new()
    {
        // why: money tied to obtaining a title, the rule's point (称号奖励)
        { "对首次认定为国家级专精特新“小巨人”的企业，给予一次性50万元奖励。", true },
        { "对获评市级智能工厂的项目，奖励比例提高至25%，并给予资金支持。", true },
        { "取得绿色建筑评价标识星级证书的，建设单位可以申请奖励。", true },
        { "对大赛获奖项目进行转化落地的，给予不超过100万元资助。", true },
        // why: a title alone (a recognition procedure, a condition) is not tied to money
        { "经认定的企业应当每年报送经营情况。", false },
        // why: title and money in different sentences: the sentence boundary breaks the tie
        { "申报单位须已认定为高新技术企业。对研发投入给予补贴。", false },
        // why: money with no title at all
        { "对企业实际支付的贷款利息按50%给予贴息补贴。", false },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void TitleThenMoney_InOneSentence_Fires(string text, bool fires) =>
        Assert.Equal(fires, KeywordRules.FiringRules(new ClauseInput(text, null, null, "article", 0.5)).Contains(Rule));
}
