namespace PolicyIngest.Web.Html;

/// <summary>The Chinese names users see for the contract ids of ../shared/spec/taxonomy.md. Unknown ids show as they are.</summary>
public static class Labels
{
    private static readonly Dictionary<string, string> StatusNames = new()
    {
        ["in_force"] = "现行有效", ["not_yet_effective"] = "尚未生效", ["amended"] = "已修改",
        ["repealed"] = "已废止", ["expired"] = "已失效",
    };

    private static readonly Dictionary<string, string> AmountRoleNames = new()
    {
        ["fixed"] = "定额", ["cap"] = "上限", ["floor"] = "下限", ["range"] = "区间", ["threshold"] = "门槛",
        ["fund"] = "资金规模", ["penalty"] = "罚款", ["other"] = "其他",
    };

    private static readonly Dictionary<string, string> RateRoleNames = new()
    {
        ["rate"] = "比例", ["rate_cap"] = "比例上限", ["threshold"] = "门槛", ["other"] = "其他",
    };

    private static readonly Dictionary<string, string> CategoryNames = new()
    {
        ["purpose"] = "目的依据", ["scope"] = "适用范围", ["support"] = "支持措施", ["procedure"] = "申报程序",
        ["supervision"] = "监督管理", ["final"] = "附则", ["notice"] = "印发通知", ["other"] = "其他",
    };

    private static readonly Dictionary<string, string> InstrumentNames = new()
    {
        ["grant"] = "资金奖励/补贴", ["interest_subsidy"] = "贷款贴息", ["guarantee_insurance"] = "担保费/保费补贴",
        ["equity_fund"] = "股权投资/基金", ["tax_fee"] = "税费减免", ["rent_space"] = "租金/用地/空间保障",
        ["talent"] = "人才/落户/住房/子女入学", ["certification"] = "资质认定/称号奖励", ["service"] = "服务/辅导/对接/平台",
        ["market_access"] = "市场准入/审批便利", ["scenario"] = "应用场景/首购首用",
    };

    private static readonly Dictionary<string, string> IndustryNames = new()
    {
        ["advanced_manufacturing"] = "高端制造/智能制造", ["software_it"] = "软件和信息服务", ["ai"] = "人工智能",
        ["biomedicine"] = "医药健康", ["new_energy"] = "新能源", ["new_materials"] = "新材料",
        ["integrated_circuits"] = "集成电路", ["automotive"] = "汽车/智能网联", ["culture_games"] = "文化/游戏电竞",
        ["agriculture"] = "农业", ["commerce_services"] = "商贸/现代服务业", ["finance"] = "金融",
        ["scientific_instruments"] = "科学仪器/传感器", ["green_lowcarbon"] = "绿色低碳", ["general"] = "不限行业",
    };

    private static readonly Dictionary<string, string> DocTypeNames = new()
    {
        ["policy"] = "政策文件", ["notice"] = "通知", ["interpretation"] = "政策解读", ["compilation"] = "政策汇编",
        ["law"] = "法律法规", ["other"] = "其他",
    };

    private static readonly Dictionary<string, string> ChangeNames = new()
    {
        // the kinds of `changes` (pairs and amounts are named by Track's ChangeNames)
        ["new"] = "新增", ["revised"] = "修订", ["repealed"] = "废止", ["expired"] = "失效",
    };

    private static readonly Dictionary<string, string> PerNames = new()
    {
        ["enterprise"] = "每家企业", ["project"] = "每个项目", ["item"] = "每项", ["year"] = "每年",
        ["enterprise-year"] = "每家每年", ["once"] = "一次性",
    };

    public static string Status(string? id) => Name(StatusNames, id);
    public static string Per(string? id) => Name(PerNames, id);
    public static string AmountRole(string? id) => Name(AmountRoleNames, id);
    public static string RateRole(string? id) => Name(RateRoleNames, id);
    public static string Category(string? id) => Name(CategoryNames, id);
    public static string Instrument(string? id) => Name(InstrumentNames, id);
    public static string Industry(string? id) => Name(IndustryNames, id);
    public static string DocType(string? id) => Name(DocTypeNames, id);
    public static string Change(string? id) => Name(ChangeNames, id);

    /// <summary>The Chinese name of a facet value, by the facet's field name.</summary>
    public static string FacetValue(string field, string value) => field switch
    {
        "status" => Status(value),
        "category" => Category(value),
        "instrument" or "instruments" => Instrument(value),
        "industry" or "industries" => Industry(value),
        "role" => AmountRole(value),
        "docType" => DocType(value),
        _ => value,
    };

    public static IReadOnlyList<string> StatusIds { get; } = [.. StatusNames.Keys];
    public static IReadOnlyList<string> CategoryIds { get; } = [.. CategoryNames.Keys];
    public static IReadOnlyList<string> InstrumentIds { get; } = [.. InstrumentNames.Keys];
    public static IReadOnlyList<string> IndustryIds { get; } = [.. IndustryNames.Keys];

    private static string Name(Dictionary<string, string> names, string? id) =>
        id is null ? "" : names.TryGetValue(id, out var name) ? name : id;
}
