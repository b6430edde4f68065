using PolicyIngest.Catalogue.Reads;
using PolicyIngest.Core.Model;
using PolicyIngest.Ingest.Matching;

namespace PolicyIngest.Extract.Tests;

/// <summary>
/// 政策匹配 over one document held in memory: guide cards (parts) are read, a card's 条件要求 covers its 服务内容, a card
/// not yet published is not in force, a clause's sector decides when its text names none, and a clause the profile
/// shows nothing about goes to "possible", not to the matches.
/// </summary>
public sealed class PolicyMatchServiceTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    private static readonly EnterpriseProfile Instruments = new()
    {
        Name = "示例仪器有限公司", Region = "北京市怀柔区", Industries = ["仪器仪表制造业"], Titles = ["专精特新中小企业", "规模以上工业企业"],
        Figures = new Dictionary<string, decimal> { ["营业收入"] = 115_000_000m }, Employees = 210,
    };

    private static Clause C(string id, string path, string text, string category, params string[] industries) => new()
    {
        Id = id, Kind = path.Length == 0 ? ClauseKind.Paragraph : ClauseKind.CardField, Label = "", Path = path.Length == 0 ? [] : path.Split('/'),
        Text = text, Category = category, Industries = industries.Length == 0 ? ["general"] : industries,
        IndustryConfidences = industries.ToDictionary(i => i, _ => 0.9),
    };

    private static PolicyDocument Card(string title, DateOnly issued, params Clause[] clauses) => new()
    {
        Source = "card", Sha256 = new string('1', 64), Format = SourceFormat.Docx, DocType = DocType.Policy, Title = title,
        Region = "北京市", IssuedOn = issued,
        Clauses = [C("content", "服务内容", "", "support"), C("conditions", "条件要求", "", "scope"), .. clauses],
    };

    private static readonly PolicyDocument Guide = new()
    {
        Source = "guide.docx", Sha256 = new string('0', 64), Format = SourceFormat.Docx, DocType = DocType.Policy, Title = "北京市产业政策导引",
        Region = "北京市", Clauses = [C("p1", "", "前言", "other")],
        Parts =
        [
            Card("北京市关于提升“专精特新”中小企业技术创新能力", new DateOnly(2023, 1, 1),
                C("target", "服务对象", "国家和市级“专精特新”中小企业", "support"),
                C("content/n1", "服务内容/1.", "对企业开展技术攻关项目给予最高200万元支持。", "support"),
                C("conditions/n1", "条件要求/1.", "本政策适用于国家和市级“专精特新”中小企业。", "scope")),
            Card("北京市加快机器人技术体系创新突破", new DateOnly(2023, 1, 1),
                C("content/n1", "服务内容/1.", "围绕机器人减速器、控制器开展攻关，给予最高3000万元支持。", "support", "advanced_manufacturing", "ai")),
            Card("北京市支持机器人场景应用", new DateOnly(2023, 1, 1),
                C("content/n1", "服务内容/1.", "对人工智能大模型企业算力合同给予最高200万元补贴。", "support", "ai")),
            Card("北京市首都标准制修订补助", new DateOnly(2023, 1, 1),
                C("content/n1", "服务内容/1.", "国家标准补助金额不高于30万元。", "support")),
            Card("北京市促进中小企业升规稳规", new DateOnly(2023, 1, 1),
                C("content/n1", "服务内容/1.", "对首次纳入规模以上统计的软件和信息技术服务业企业，给予一次性奖励20万元；对连续三年保持在规模以上的制造业企业，每年给予10万元奖励。", "support")),
            Card("北京市2026年新出台的支持措施", new DateOnly(2026, 1, 1),
                C("content/n1", "服务内容/1.", "对专精特新中小企业给予最高100万元奖励。", "support")),
        ],
    };

    private static readonly VersionStatusRow Version = new(
        "pol", "ver", 1, Guide.Title, null, null, null, "北京市", "policy", "docx", null, null, null, null, "in_force", null, null, null, null, null,
        "guide.docx", Guide.Sha256, DateTimeOffset.UnixEpoch, null, 0, 0);

    private static List<ClauseMatch> Judged() => PolicyMatchService.Judge(Instruments, Version, Guide, AsOf).ToList();

    [Fact]
    public void Cards_AreJudged_WithTheirPartNumber_AndOnlyTheirServiceContent()
    {
        var judged = Judged();
        Assert.Contains(judged, m => m.Part == 1 && m.ClauseId == "content/n1" && m.PartTitle == "北京市关于提升“专精特新”中小企业技术创新能力");
        Assert.DoesNotContain(judged, m => m.ClauseId == "target");  // 服务对象 describes the card, it pays nothing
    }

    [Fact]
    public void ACardsConditions_CoverItsServiceContent()
    {
        var card = Judged().Single(m => m.Part == 1 && m.ClauseId == "content/n1");
        Assert.Contains(card.Verdict.Conditions, v => v.Condition.Type == ConditionType.Title && v.State == ConditionState.Met);
        Assert.True(PolicyMatchService.ShowsFit(card));
    }

    [Fact]
    public void ACardPublishedAfterTheDate_IsNotInForce() =>
        Assert.DoesNotContain(Judged(), m => m.Part == 6);

    [Fact]
    public void TheClausesSector_DecidesWhenItsTextNamesNone()
    {
        var judged = Judged();
        var robots = judged.Single(m => m.Part == 2);      // 高端制造 holds an instrument maker
        Assert.Contains(robots.Verdict.Conditions, v => v.Condition.Text.StartsWith("本条所属产业", StringComparison.Ordinal) && v.State == ConditionState.Met);
        var models = judged.Single(m => m.Part == 3);      // 人工智能 does not
        Assert.Contains(models.Verdict.Conditions, v => v.Condition.Text.StartsWith("本条所属产业", StringComparison.Ordinal) && v.State == ConditionState.Unmet);
    }

    /// <summary>An article paying two kinds of applicant in turn: meeting one award is enough, and its sum is the one expected.</summary>
    [Fact]
    public void AClauseWithSeveralAwards_MatchesOnTheAwardTheEnterpriseMeets()
    {
        var upgrade = Judged().Single(m => m.Part == 5);
        Assert.Equal(0, upgrade.Verdict.UnmetCount);  // a manufacturer: the software award's sector would fail it
        Assert.Equal(100_000m, upgrade.Amount!.Max);
    }

    [Fact]
    public void AClauseForAnyoneWithTheResult_IsPossible_NotAMatch()
    {
        var standards = Judged().Single(m => m.Part == 4);
        Assert.Equal(0, standards.Verdict.UnmetCount);
        Assert.False(PolicyMatchService.ShowsFit(standards)); // only the region speaks for it
    }
    private static ConditionVerdict V(ConditionType type, string text, ConditionState state, int start = 0, string? title = null) =>
        new(new EligibilityCondition { Type = type, Span = new TextSpan(text, start), Title = title }, state, "");

    private static ClauseMatch Judged(ExpectedAmount? amount, params ConditionVerdict[] verdicts) =>
        new("pol", "ver", "t", "北京市", null, "c", "", null, "", amount, new ClauseVerdict(verdicts, ConditionState.Unknown), []);

    private static readonly ExpectedAmount Up = new(0, 1_000_000m, "最高100万元");

    /// <summary>Which met conditions say a clause is for the enterprise (a match), and which leave it "possible".</summary>
    public static TheoryData<string, ClauseMatch, bool> FitRows => new()
    {
        { "the sector the classifier gave the clause says the field, not that the enterprise is the one paid", Judged(Up,
            V(ConditionType.Region, "政策适用地区：北京市", ConditionState.Met, -1),
            V(ConditionType.Industry, SectorFit.Lead + "：高端制造/智能制造", ConditionState.Met, -1)), false },
        { "a sector the clause's text names does", Judged(Up,
            V(ConditionType.Industry, "对制造业企业", ConditionState.Met)), true },
        { "a title held does, even beside the classifier's sector", Judged(Up,
            V(ConditionType.Industry, SectorFit.Lead + "：医药健康", ConditionState.Met, -1),
            V(ConditionType.Title, "专精特新中小企业", ConditionState.Met, title: "专精特新中小企业")), true },
        { "a legal form is true of nearly every company", Judged(Up,
            V(ConditionType.Title, "具有独立法人资格", ConditionState.Met, title: "独立法人")), false },
        { "an open door (…均可申报) says who may apply, not that the projects paid for are the enterprise's", Judged(Up,
            V(ConditionType.Industry, "具有独立承担民事行为能力的文化单位或机构均可申报", ConditionState.Met)), false },
        { "no sum: nothing to apply for", Judged(null,
            V(ConditionType.Title, "专精特新中小企业", ConditionState.Met, title: "专精特新中小企业")), false },
    };

    [Theory]
    [MemberData(nameof(FitRows))]
    public void ShowsFit_OnlyOnAConditionThatSaysWhoIsPaid(string why, ClauseMatch match, bool fits) =>
        Assert.True(PolicyMatchService.ShowsFit(match) == fits, why);

    /// <summary>"Almost" needs what a match needs apart from its one unmet bar, title or date.</summary>
    public static TheoryData<string, ClauseMatch, bool> AlmostRows => new()
    {
        { "one bar short, and a sector the text names shows the clause is for this kind of firm", Judged(Up,
            V(ConditionType.Industry, "鼓励区内制造业企业", ConditionState.Met),
            V(ConditionType.Threshold, "固定资产投资总额在500万元（含）以上", ConditionState.Unmet)), true },
        { "one title short, and nothing but the place met: a 独角兽 award is for someone else", Judged(Up,
            V(ConditionType.Region, "政策适用地区：北京市", ConditionState.Met, -1),
            V(ConditionType.Title, "独角兽企业", ConditionState.Unmet, title: "独角兽企业")), false },
        { "the classifier's sector and a legal form do not show fit for almost either", Judged(Up,
            V(ConditionType.Industry, SectorFit.Lead + "：商贸/现代服务", ConditionState.Met, -1),
            V(ConditionType.Title, "具有独立法人资格", ConditionState.Met, title: "独立法人"),
            V(ConditionType.NewTitle, "获评“全国示范步行街”的", ConditionState.Unmet, title: "全国示范步行街")), false },
        { "a patent award for a firm that names no patent stays unproven", Judged(Up,
            V(ConditionType.Industry, "对制造业企业", ConditionState.Met),
            V(ConditionType.Title, HeldResult.Lead + "：发明专利", ConditionState.Unknown, -1),
            V(ConditionType.Title, "知识产权示范企业", ConditionState.Unmet, title: "知识产权示范企业")), false },
        { "another sector unmet is not almost", Judged(Up,
            V(ConditionType.Title, "专精特新中小企业", ConditionState.Met, title: "专精特新中小企业"),
            V(ConditionType.Industry, "对人工智能企业", ConditionState.Unmet)), false },
    };

    [Theory]
    [MemberData(nameof(AlmostRows))]
    public void IsAlmost_NeedsTheFitAMatchNeeds(string why, ClauseMatch match, bool almost)
    {
        var unmet = match.Verdict.Conditions.Count(v => v.State == ConditionState.Unmet);
        Assert.True(PolicyMatchService.IsAlmost(match with { Verdict = match.Verdict with { UnmetCount = unmet } }) == almost, why);
    }
    /// <summary>The trades a commerce item's head names: the outlets it pays, not the whole of the card's 商贸流通业.</summary>
    [Theory]
    [InlineData("1. 蔬菜零售网点，对社区菜店、生鲜超市、菜市场、便利店、社区超市网点、便民早餐店、药店等，支持内容包括店面装修。", "零售")]
    [InlineData("蔬菜零售网点，对社区菜店、生鲜超市、便民早餐店等，项目资金支持比例不超过审定实际投资额的 50%。", "零售")] // the label apart from the text
    [InlineData("3. 促进餐饮业发展项目项目资金支持比例不超过该项目审定实际投资额的50%。每个品牌连锁企业总支持金额不超过 500万元。", "餐饮")]
    [InlineData("2. 智能快件箱、洗染门店、洗衣代收网点、理发网点、便民维修网点、摄影网点等予以补贴，新增单个网点补助金额最高不超过 70 万元。", "洗染、理发、摄影、维修、快递")]
    [InlineData("1. 鼓励商业企业升级改造。补助资金比例不超过审定实际投资额的 10%。", "")]   // no outlet named: judged as before
    [InlineData("对首次升规纳统的制造业企业给予一次性奖励20万元。", "")]
    public void Trade_IsWhatTheItemsHeadNames(string text, string trades) =>
        Assert.Equal(trades, string.Join("、", Trade.Named(text)));

    [Theory]
    [InlineData("零售业", null)]                         // its own trade: judged on the other conditions
    [InlineData("餐饮业", ConditionState.Unmet)]         // a restaurant does not fit the vegetable-outlet item
    public void ATradeItem_RulesOutOnlyAnotherTrade(string industry, ConditionState? state)
    {
        var verdict = Trade.Judge(Instruments with { Industries = [industry] }, "1. 蔬菜零售网点，对社区菜店、生鲜超市、便民早餐店等给予支持。");
        Assert.Equal(state, verdict?.State);
        Assert.Equal(ConditionState.Unknown, Trade.Judge(Instruments with { Industries = null }, "3. 促进餐饮业发展项目给予支持。")!.State);
    }

    /// <summary>An item for firms doing business abroad is this enterprise's only when its profile shows such business.</summary>
    [Theory]
    [InlineData("为企业“走出去”提供目标国税收、融资等方面信息支持。支持开展外贸业务的企业参加国际性展会，给予最高 100 万元支持。", new string[0], true)]
    [InlineData("支持符合条件的企业在“一带一路”沿线国家新设或并购企业，贷款贴息每年最高 500 万元。", new[] { "进出口贸易" }, false)]  // the profile shows trade abroad
    [InlineData("支持企业积极申请国外发明专利，按企业高价值专利年度实际投入给予一定支持。", new string[0], false)]                  // not an item for traders abroad
    [InlineData("支持企业申请智能化、数字化和绿色化技术改造项目，对符合条件的项目给予最高 3000 万元的奖励。", new string[0], false)]
    public void AnItemForFirmsAbroad_IsPossibleUnlessTheProfileShowsSuchBusiness(string text, string[] industries, bool unproven)
    {
        ArgumentNullException.ThrowIfNull(industries);
        var profile = Instruments with { Industries = [.. Instruments.Industries!, .. industries] };
        var verdict = ForeignTrade.Judge(profile, text);
        Assert.Equal(unproven, verdict is not null);
        var title = V(ConditionType.Title, "专精特新中小企业", ConditionState.Met, title: "专精特新中小企业");
        Assert.Equal(!unproven, PolicyMatchService.ShowsFit(verdict is null ? Judged(Up, title) : Judged(Up, title, verdict)));
    }

    /// <summary>Who an award is paid to: an institution named as the one paid, or null when it is whoever does the work.</summary>
    [Theory]
    [InlineData("（1） 银行奖励。按照不超过银行当期为文化企业提供的首次贷款按 0.5%给予资金奖励。", "银行")]
    [InlineData("（2） 担保公司奖励。按照不超过担保公司当期为文化企业提供新发生债务性融资业务规模的 1%给予资金奖励。", "担保公司")]
    [InlineData("对文化企业的财务性股权投资，按不超过当期实际投资额的10%给予创业投资机构奖励。", "创业投资机构")]
    [InlineData("鼓励担保机构为中小微企业提供担保服务，根据担保机构所承担的风险，给予担保机构一定的补贴。", "担保机构")]
    [InlineData("试点高等院校、科研机构、医疗卫生机构以“先使用后付费”方式，将专利许可给中小微企业实施的，给予不超过 50万元的奖励。", "高等院校")]
    [InlineData("对从银行获得贷款的文化企业，给予不超过 40%的贷款贴息支持。", null)]      // the borrower is paid
    [InlineData("对于从融资租赁公司获得租赁融资的文化企业，给予融资费用不超过 40%的贴租支持。", null)]
    [InlineData("支持企业与高等院校、科研机构合作开展技术攻关，给予最高200万元支持。", null)]  // the enterprise does the work
    public void Payee_IsTheInstitutionNamedAsTheOnePaid(string text, string? who) =>
        Assert.Equal(who, Payee.Institution(text));

    [Fact]
    public void AnAwardPaidToABank_IsNotTheBorrowers_UnlessItIsOne()
    {
        const string text = "银行奖励。按照不超过银行当期为文化企业提供的首次贷款按 0.5%给予资金奖励。";
        Assert.Equal(ConditionState.Unmet, Payee.Judge(Instruments, text)!.State);
        Assert.Equal(ConditionState.Unknown, Payee.Judge(Instruments with { Name = "北京示例银行股份有限公司" }, text)!.State);
    }
    /// <summary>The result an award is paid on, which the profile must name for the clause to be the enterprise's.</summary>
    [Theory]
    [InlineData("国内发明专利申请获得授权后，每件资助不超过 1000元。", "发明专利")]
    [InlineData("通过 PCT 途径申请的发明专利，在美国、日本或者欧洲专利局获得授权的，每个国家（地区）每件资助不超过 5万元。", "发明专利")]
    [InlineData("专精特新中小企业国内发明专利前十年年费，在享受国家减缴政策后按实际应缴金额予以资助。", "发明专利")]
    [InlineData("通过马德里体系途径在欧盟获得注册的商标，每个地区每件资助不超过 8000元。", "商标")]
    [InlineData("支持企业在 A股或境外主要证券交易所上市，市级财政按规定给予每家总额不超过 300万元的资金补贴。", "上市")]
    [InlineData("对获得国家新闻出版署审批通过的游戏版号，首次正式上线运营的游戏项目，经评定，给予游戏研发企业不超过80万元资金支持。", "版号")]
    [InlineData("IVD获国家药监局批准注册，给予一次性50万元资金支持。", "批准注册")]
    [InlineData("支持企业积极申请国外发明专利，给予一定支持。", null)]          // supports applying, pays on nothing held
    [InlineData("对首次纳入规模以上统计的企业给予一次性奖励20万元。", null)]
    public void HeldResult_IsWhatTheAwardIsPaidOn(string text, string? result) =>
        Assert.Equal(result, HeldResult.Of(text));

    [Theory]
    [InlineData(new string[0], ConditionState.Unknown)]
    [InlineData(new[] { "PCT国际专利" }, ConditionState.Met)]
    [InlineData(new[] { "游戏版号" }, ConditionState.Unknown)]      // a 版号 is not a patent
    public void AnAwardPaidOnAPatent_FitsOnlyWhenTheProfileNamesOne(string[] titles, ConditionState state)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var profile = Instruments with { Titles = [.. Instruments.Titles!, .. titles] };
        var verdict = HeldResult.Judge(profile, "国内发明专利申请获得授权后，每件资助不超过 1000元。")!;
        Assert.Equal(state, verdict.State);
        var title = V(ConditionType.Title, "专精特新中小企业", ConditionState.Met, title: "专精特新中小企业");
        Assert.Equal(state == ConditionState.Met, PolicyMatchService.ShowsFit(Judged(Up, title, verdict)));
    }

    /// <summary>A result the profile names (a new 版号) is itself what shows the clause is the enterprise's.</summary>
    [Fact]
    public void AResultTheProfileNames_ShowsFit()
    {
        var games = Instruments with { Industries = ["软件和信息技术服务业", "游戏研发运营"], NewTitles = ["游戏获国家新闻出版署版号并首次正式上线运营"] };
        var verdict = HeldResult.Judge(games, "对获得国家新闻出版署审批通过的游戏版号，首次正式上线运营的游戏项目，给予不超过80万元资金支持。")!;
        Assert.Equal(ConditionState.Met, verdict.State);
        Assert.True(PolicyMatchService.ShowsFit(Judged(Up, verdict)));
    }
}
