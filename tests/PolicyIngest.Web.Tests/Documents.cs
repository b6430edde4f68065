using PolicyIngest.Core.Model;

namespace PolicyIngest.Web.Tests;

/// <summary>Small policies written for the tests, in the shape the pipeline stores them.</summary>
public static class Documents
{
    public static PolicyDocument WithAmounts(string title = "测试区促进软件产业发展若干措施", string sha = "1111111111111111111111111111111111111111111111111111111111111111") => new()
    {
        Source = "https://example.gov.cn/policy/" + sha[..6] + ".pdf",
        Sha256 = sha,
        Format = SourceFormat.Pdf,
        DocType = DocType.Policy,
        Title = title,
        DocNumber = "测经信发〔2025〕7号",
        Issuer = "测试区经济和信息化局",
        Region = "北京市测试区",
        IssuedOn = new DateOnly(2025, 3, 1),
        EffectiveFrom = new DateOnly(2025, 3, 1),
        ExpiresOn = new DateOnly(2028, 2, 28),
        Clauses =
        [
            new Clause { Id = "ch1", Kind = ClauseKind.Chapter, Label = "第一章", Path = ["第一章"], Heading = "支持措施", Text = "" },
            new Clause
            {
                Id = "ch1/art1", Kind = ClauseKind.Article, Label = "第一条", Path = ["第一章", "第一条"], Heading = "支持专精特新",
                Text = "支持专精特新。对首次获得“专精特新”称号的企业给予30万元一次性资金支持，每家企业最高不超过500万元。",
                Category = "support", Instruments = ["grant"], Industries = ["software_it"],
            },
            new Clause
            {
                Id = "ch1/art2", Kind = ClauseKind.Article, Label = "第二条", Path = ["第一章", "第二条"],
                Text = "=SUM(A1) 按实际支付利息的50%给予贴息，研发费用首次达到1.5亿元的企业，给予10万元—100万元奖励。",
                Category = "support", Instruments = ["interest_subsidy"],
            },
        ],
        Amounts =
        [
            new MonetaryAmount { ClauseId = "ch1/art1", Article = "第一条", Text = "30万元", Yuan = 300000m, Role = AmountRole.Fixed, Per = "enterprise" },
            new MonetaryAmount { ClauseId = "ch1/art1", Article = "第一条", Text = "最高不超过500万元", Yuan = 5000000m, Role = AmountRole.Cap },
            new MonetaryAmount { ClauseId = "ch1/art2", Article = "第二条", Text = "1.5亿元", Yuan = 150000000m, Role = AmountRole.Threshold },
            new MonetaryAmount { ClauseId = "ch1/art2", Article = "第二条", Text = "10万元—100万元", Yuan = 100000m, YuanHigh = 1000000m, Role = AmountRole.Range, Condition = "研发费用首次达到1.5亿元" },
        ],
        Rates =
        [
            new Rate { ClauseId = "ch1/art2", Article = "第二条", Text = "按实际支付利息的50%", Percent = 50m, Role = RateRole.Rate, Base = "实际支付利息" },
        ],
    };
}
