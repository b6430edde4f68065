using System.Text.RegularExpressions;
using PolicyIngest.Classify.Model;

namespace PolicyIngest.Classify;

/// <summary>
/// The keyword-rule baseline: the first matching rule gives the category; instruments and industries are every
/// label whose keywords occur. What a careful person writes in an afternoon; the trained model must beat it.
/// </summary>
public static class KeywordRules
{
    private static readonly (string Category, Regex Pattern)[] CategoryRules =
    [
        ("notice", new Regex(@"印发给你们|现予印发|现将.{0,60}印发|请遵照执行|请认真贯彻|的通知$", RegexOptions.Compiled)),
        ("final", new Regex(@"自.{0,20}(施行|实施)|解释|废止|未尽事宜|有效期|不重复支持", RegexOptions.Compiled)),
        ("purpose", new Regex(@"^为(了)?.{0,200}(制定本|特制定|制定)", RegexOptions.Compiled)),
        ("supervision", new Regex(@"罚款|追究.{0,6}责任|处分|虚假|骗取|追回|退回|监督检查|信用记录|责令", RegexOptions.Compiled)),
        ("scope", new Regex(@"适用于|本(办法|条例|规定|法|政策)所称|是指|申报条件|应当具备|须具备|符合以下条件|基本原则", RegexOptions.Compiled)),
        ("procedure", new Regex(@"申报|申请|提交|材料|受理|审核|评审|拨付|登记", RegexOptions.Compiled)),
        ("support", new Regex(@"给予|奖励|补贴|补助|资助|贴息|扶持|支持|鼓励|优惠", RegexOptions.Compiled)),
    ];

    /// <summary>
    /// What a chapter (or outline section) heading says about the category of the articles under it, in any Chinese
    /// law, regulation or policy: 附则 holds final provisions, 法律责任/罚则 sanctions, and so on.
    /// </summary>
    private static readonly (string Category, Regex Pattern)[] ChapterCategoryRules =
    [
        ("purpose", new Regex(@"总则|目的|依据", RegexOptions.Compiled)),
        ("scope", new Regex(@"适用范围|支持对象|申报条件|条件要求|基本原则|定义", RegexOptions.Compiled)),
        ("support", new Regex(@"支持|扶持|措施|奖励|激励|促进|优惠|服务内容", RegexOptions.Compiled)),
        ("procedure", new Regex(@"申报|申请|程序|流程|审核|审批|登记|备案|受理|拨付", RegexOptions.Compiled)),
        ("supervision", new Regex(@"监督|检查|法律责任|罚则|处罚|调查|管理与监督|责任追究", RegexOptions.Compiled)),
        ("final", new Regex(@"附则", RegexOptions.Compiled)),
    ];

    private static readonly (string Label, Regex Pattern)[] InstrumentRules =
    [
        ("grant", new Regex(@"奖励|补贴|补助|资助|资金支持|奖补|万元", RegexOptions.Compiled)),
        ("interest_subsidy", new Regex(@"贴息", RegexOptions.Compiled)),
        ("guarantee_insurance", new Regex(@"担保费|保费|保险", RegexOptions.Compiled)),
        ("equity_fund", new Regex(@"股权投资|引导基金|产业基金|创业投资|天使投资", RegexOptions.Compiled)),
        ("tax_fee", new Regex(@"税|免征|减免|收费", RegexOptions.Compiled)),
        ("rent_space", new Regex(@"房租|租金|用地|空间|厂房|土地", RegexOptions.Compiled)),
        ("talent", new Regex(@"人才|落户|住房|子女|户籍", RegexOptions.Compiled)),
        ("certification", new Regex(@"认定|称号|授牌|星级", RegexOptions.Compiled)),
        ("service", new Regex(@"服务平台|辅导|对接|培训|咨询|服务包|孵化", RegexOptions.Compiled)),
        ("market_access", new Regex(@"准入|告知承诺|审批|许可|便利化", RegexOptions.Compiled)),
        ("scenario", new Regex(@"场景|首购|首用|首台|首批次|示范应用|政府采购", RegexOptions.Compiled)),
    ];

    /// <summary>
    /// A title or award and money in the same sentence (认定为…给予奖励, 获评…星级…补贴): the money is tied to the title, which
    /// is certification, while a title named alone is often only a condition. A feature of the trained model only.
    /// </summary>
    private static readonly Regex TitleAward = new(
        @"(认定为|认定的|获评|评为|评定为|称号|授牌|星级|获得[^。；]{0,8}(称号|认证|证书|资质)|认证|获奖|奖项|评选|(示范|标杆)(企业|基地|园区|项目|单位))[^。；]{0,30}(奖励|资助|补贴|补助|资金支持)",
        RegexOptions.Compiled);

    private static readonly (string Label, Regex Pattern)[] IndustryRules =
    [
        ("advanced_manufacturing", new Regex(@"制造|装备|机器人|技改", RegexOptions.Compiled)),
        ("software_it", new Regex(@"软件|信息技术服务|大数据|新基建", RegexOptions.Compiled)),
        ("ai", new Regex(@"人工智能|大模型|算力", RegexOptions.Compiled)),
        ("biomedicine", new Regex(@"医药|药品|医疗器械|生物医药|美丽健康|临床", RegexOptions.Compiled)),
        ("new_energy", new Regex(@"新能源|氢能|储能|光伏", RegexOptions.Compiled)),
        ("new_materials", new Regex(@"新材料", RegexOptions.Compiled)),
        ("integrated_circuits", new Regex(@"集成电路|芯片|半导体", RegexOptions.Compiled)),
        ("automotive", new Regex(@"汽车|智能网联", RegexOptions.Compiled)),
        ("culture_games", new Regex(@"文化|游戏|电竞|旅游|艺术|影视|电影|演艺|出版", RegexOptions.Compiled)),
        ("agriculture", new Regex(@"农业|农民|耕地|农产品", RegexOptions.Compiled)),
        ("commerce_services", new Regex(@"商贸|商业|消费|零售|物流|外贸|电子商务|养老|家政", RegexOptions.Compiled)),
        ("finance", new Regex(@"金融|融资租赁|保理|典当|资本市场|挂牌|上市", RegexOptions.Compiled)),
        ("scientific_instruments", new Regex(@"仪器|传感器", RegexOptions.Compiled)),
        ("green_lowcarbon", new Regex(@"绿色|低碳|节能", RegexOptions.Compiled)),
    ];

    /// <summary>Which part of a clause a rule feature looks at.</summary>
    public enum RuleField { Text, Heading, Chapter }

    /// <summary>One rule as a feature of the trained model: its name (cat:support, ins:grant@heading, ind:agriculture@chapter), its pattern and where it looks.</summary>
    public sealed record RuleFeature(string Name, Regex Pattern, RuleField Field);

    /// <summary>Every rule feature, category rules and instrument rules on text and heading, industry rules also on the chapter.</summary>
    public static IReadOnlyList<RuleFeature> RuleFeatures { get; } = BuildRuleFeatures();

    private static RuleFeature[] BuildRuleFeatures()
    {
        var features = new List<RuleFeature>();
        foreach (var (label, pattern) in CategoryRules)
        {
            features.Add(new("cat:" + label, pattern, RuleField.Text));
            features.Add(new("cat:" + label + "@heading", pattern, RuleField.Heading));
        }
        foreach (var (label, pattern) in ChapterCategoryRules)
            features.Add(new("chapter:" + label, pattern, RuleField.Chapter)); // only with FeatureOptions.ChapterRules
        foreach (var (label, pattern) in InstrumentRules)
        {
            features.Add(new("ins:" + label, pattern, RuleField.Text));
            features.Add(new("ins:" + label + "@heading", pattern, RuleField.Heading));
        }
        features.Add(new("ins:certification+award", TitleAward, RuleField.Text));
        foreach (var (label, pattern) in IndustryRules)
        {
            features.Add(new("ind:" + label, pattern, RuleField.Text));
            features.Add(new("ind:" + label + "@heading", pattern, RuleField.Heading));
            features.Add(new("ind:" + label + "@chapter", pattern, RuleField.Chapter));
        }
        return [.. features];
    }

    /// <summary>The part of <paramref name="input"/> a rule feature looks at (null when the clause has none).</summary>
    public static string? FieldOf(ClauseInput input, RuleField field) => field switch
    {
        RuleField.Text => input.Text,
        RuleField.Heading => input.Heading,
        _ => input.Chapter,
    };

    /// <summary>
    /// The rules that fire on a clause, as feature names for the trained model (cat:support, ins:grant@heading,
    /// ind:agriculture@chapter): the model learns how far to trust each rule instead of obeying it.
    /// </summary>
    public static IEnumerable<string> FiringRules(ClauseInput input) =>
        RuleFeatures.Where(f => FieldOf(input, f.Field) is { } value && f.Pattern.IsMatch(value)).Select(f => f.Name);

    private static readonly bool[] InstrumentRuleOrdinals = [.. RuleFeatures.Select(f => f.Name.StartsWith("ins:", StringComparison.Ordinal))];

    /// <summary>Whether rule feature <paramref name="ordinal"/> is an instrument rule (ins:…).</summary>
    public static bool IsInstrumentRule(int ordinal) => InstrumentRuleOrdinals[ordinal];

    /// <summary>An industry rule on the chapter heading (ind:X@chapter): the chapter or card title names the sector.</summary>
    public static bool IsIndustryChapterRule(RuleFeature f) =>
        f.Field == RuleField.Chapter && f.Name.StartsWith("ind:", StringComparison.Ordinal);

    /// <summary>Whether a rule feature looks at the chapter heading with a category rule (used only when the feature options ask for it).</summary>
    public static bool IsChapterCategoryRule(RuleFeature f) => f.Name.StartsWith("chapter:", StringComparison.Ordinal);

    /// <summary>Whether the sector rule of <paramref name="industry"/> fires on the clause's heading, text or chapter heading.</summary>
    public static bool IndustryRuleFires(string industry, ClauseInput input)
    {
        foreach (var (label, pattern) in IndustryRules)
        {
            if (label != industry) continue;
            return pattern.IsMatch(input.Text) || input.Heading is { } h && pattern.IsMatch(h) || input.Chapter is { } c && pattern.IsMatch(c);
        }
        return false;
    }

    public static ClauseLabels Predict(ClauseInput input)
    {
        var text = input.Text;
        var withHeading = (input.Heading ?? "") + " " + text;
        var category = "other";
        foreach (var (label, pattern) in CategoryRules)
        {
            if (pattern.IsMatch(label is "support" or "procedure" ? withHeading : text)) { category = label; break; }
        }
        IReadOnlyList<string> instruments = category == ClauseTaxonomy.SupportCategory
            ? [.. InstrumentRules.Where(r => r.Pattern.IsMatch(withHeading)).Select(r => r.Label)]
            : [];
        var sectorText = withHeading + " " + (input.Chapter ?? "");
        IReadOnlyList<string> industries = [.. IndustryRules.Where(r => r.Pattern.IsMatch(sectorText)).Select(r => r.Label)];
        if (industries.Count == 0) industries = [ClauseTaxonomy.GeneralIndustry];
        return new ClauseLabels(category, 1.0, instruments, industries)
        {
            InstrumentConfidences = instruments.ToDictionary(i => i, _ => 1.0, StringComparer.Ordinal),
            IndustryConfidences = industries.ToDictionary(i => i, _ => 1.0, StringComparer.Ordinal),
        };
    }
}
