namespace PolicyIngest.Classify;

/// <summary>
/// The label ids of ../shared/spec/taxonomy.md that the clause classifier predicts, in a fixed order
/// (the order is the column order of the model files). models/taxonomy.json is the machine-readable copy.
/// </summary>
public static class ClauseTaxonomy
{
    public static readonly IReadOnlyList<string> Categories =
        ["purpose", "scope", "support", "procedure", "supervision", "final", "notice", "other"];

    public static readonly IReadOnlyList<string> Instruments =
        ["grant", "interest_subsidy", "guarantee_insurance", "equity_fund", "tax_fee", "rent_space", "talent",
         "certification", "service", "market_access", "scenario"];

    public static readonly IReadOnlyList<string> Industries =
        ["advanced_manufacturing", "software_it", "ai", "biomedicine", "new_energy", "new_materials", "integrated_circuits",
         "automotive", "culture_games", "agriculture", "commerce_services", "finance", "scientific_instruments",
         "green_lowcarbon", "general"];

    /// <summary>The industry that means "no particular sector": it never stands next to a specific one.</summary>
    public const string GeneralIndustry = "general";

    /// <summary>The category whose clauses carry instruments; other categories never do.</summary>
    public const string SupportCategory = "support";

    /// <summary>The Chinese names users see (taxonomy.md).</summary>
    public static readonly IReadOnlyDictionary<string, string> ChineseNames = new Dictionary<string, string>
    {
        ["purpose"] = "目的依据", ["scope"] = "适用范围", ["support"] = "支持措施", ["procedure"] = "申报程序",
        ["supervision"] = "监督管理", ["final"] = "附则", ["notice"] = "印发通知", ["other"] = "其他",
        ["grant"] = "资金奖励/补贴", ["interest_subsidy"] = "贷款贴息", ["guarantee_insurance"] = "担保费/保费补贴",
        ["equity_fund"] = "股权投资/基金", ["tax_fee"] = "税费减免", ["rent_space"] = "租金/用地/空间保障",
        ["talent"] = "人才/落户/住房/子女入学", ["certification"] = "资质认定/称号奖励", ["service"] = "服务/辅导/对接/平台",
        ["market_access"] = "市场准入/审批便利/告知承诺", ["scenario"] = "应用场景/首购首用/示范应用",
        ["advanced_manufacturing"] = "高端制造/智能制造", ["software_it"] = "软件和信息服务", ["ai"] = "人工智能",
        ["biomedicine"] = "医药健康", ["new_energy"] = "新能源", ["new_materials"] = "新材料", ["integrated_circuits"] = "集成电路",
        ["automotive"] = "汽车/智能网联", ["culture_games"] = "文化/游戏电竞", ["agriculture"] = "农业",
        ["commerce_services"] = "商贸/现代服务业", ["finance"] = "金融", ["scientific_instruments"] = "科学仪器/传感器",
        ["green_lowcarbon"] = "绿色低碳", ["general"] = "不限行业",
    };

    /// <summary>The machine-readable copy written to models/taxonomy.json.</summary>
    public static string ToJson()
    {
        object Task(IReadOnlyList<string> ids) => ids.Select(id => new { id, zh = ChineseNames[id] }).ToList();
        var doc = new
        {
            source = "../shared/spec/taxonomy.md",
            categories = Task(Categories),
            instruments = Task(Instruments),
            industries = Task(Industries),
        };
        return PolicyIngest.Core.Json.PolicyJson.Serialize(doc) + "\n";
    }
}
