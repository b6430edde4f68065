using PolicyIngest.Classify;
using PolicyIngest.Classify.Model;
using PolicyIngest.Core.Model;
using PolicyIngest.Extract.Matching;

namespace PolicyIngest.Ingest.Matching;

/// <summary>
/// The sector a support clause is for, as the classifier labelled it (a 机器人 card's measures, a 游戏电竞 article),
/// judged against the enterprise's industries when the clause's text states no industry condition of its own: a
/// district's robot subsidy is not for an instrument maker even though the text only says 企业. The enterprise's
/// industries, written as it likes (仪器仪表制造业, 软件和信息技术服务业), are read into the same sectors by the
/// keyword rules. A broad sector holds the narrow ones (a 高端制造 clause is for an instrument maker); a sector the
/// enterprise's words do not reveal is unknown, never unmet.
/// </summary>
public sealed class SectorFit
{
    private readonly EnterpriseProfile _profile;
    private readonly IReadOnlyList<string> _mine;

    /// <param name="profile">the enterprise; its industry words are read into sectors once, not per clause</param>
    public SectorFit(EnterpriseProfile profile)
    {
        _profile = profile;
        _mine = SectorsOf(profile);
    }

    /// <summary>
    /// Not used as a condition: 金融 is labelled where the beneficiaries are lenders and investors, but its words (融资,
    /// 贷款, 担保, 融资租赁) are the means any enterprise's subsidy runs through, so clause and rule agree on clauses
    /// that are for everyone.
    /// </summary>
    private const string FinanceIndustry = "finance";

    /// <summary>Below this confidence a clause's sector label is not used as a condition.</summary>
    public const double MinConfidence = 0.5;

    private static readonly IReadOnlyDictionary<string, string[]> Narrower = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["advanced_manufacturing"] = ["automotive", "new_materials", "new_energy", "integrated_circuits", "scientific_instruments", "biomedicine"],
        ["software_it"] = ["ai"],
    };

    /// <summary>
    /// The sectors the clause is for: a sector label the classifier gives with confidence and that the sector's keyword
    /// rule also finds in the clause, its heading or the card/attachment title (<paramref name="context"/>). A label
    /// alone is not enough to turn an enterprise away: the classifier's sector labels are right about 85% of the time.
    /// </summary>
    public static IReadOnlyList<string> SectorsOf(Clause clause, string? context = null) =>
        clause.Industries.Where(i => i != ClauseTaxonomy.GeneralIndustry && i != FinanceIndustry
                && (!clause.IndustryConfidences.TryGetValue(i, out var p) || p >= MinConfidence)
                && KeywordRules.IndustryRuleFires(i, new ClauseInput(clause.Text, clause.Heading, context, clause.Kind.ToId(), 0)))
            .ToList();

    /// <summary>The sectors an enterprise's own industry words name.</summary>
    public static IReadOnlyList<string> SectorsOf(EnterpriseProfile profile) =>
        (profile.Industries ?? [])
            .SelectMany(text => KeywordRules.Predict(new ClauseInput(text, null, null, "paragraph", 0)).Industries)
            .Where(i => i != ClauseTaxonomy.GeneralIndustry)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>How the condition read from the clause's sector label is written.</summary>
    public const string Lead = "本条所属产业（按条款分类）";

    /// <summary>Whether a condition is the clause's sector as the classifier labelled it (not written in its text).</summary>
    public static bool IsClassified(EligibilityCondition condition) =>
        ClauseReading.Is(condition, Lead);

    /// <summary>The verdict on the clause's sector, or null when the clause is for any sector.</summary>
    public ConditionVerdict? Judge(Clause clause, string? context = null)
    {
        var wanted = SectorsOf(clause, context);
        if (wanted.Count == 0) return null;
        var chinese = wanted.Select(i => ClauseTaxonomy.ChineseNames[i]).ToList();
        var names = string.Join("、", chinese);
        var condition = new EligibilityCondition
        {
            Type = ConditionType.Industry, Span = ClauseReading.Span(Lead, names), Sectors = chinese,
        };
        if (_profile.Industries is not { Count: > 0 } industries)
            return new ConditionVerdict(condition, ConditionState.Unknown, $"未提供所属行业（本条面向：{names}）");
        var mine = _mine;
        var written = string.Join("、", industries);
        if (mine.Count == 0) return new ConditionVerdict(condition, ConditionState.Unknown, $"需核对 {written} 是否属于 {names}");
        if (wanted.Any(w => mine.Any(m => m == w || Narrower.TryGetValue(w, out var narrow) && narrow.Contains(m))))
            return new ConditionVerdict(condition, ConditionState.Met, $"{written} 属于 {names}");
        // A broadly described enterprise (制造业) may still be in the clause's narrow sector.
        if (wanted.Any(w => mine.Any(m => Narrower.TryGetValue(m, out var narrow) && narrow.Contains(w))))
            return new ConditionVerdict(condition, ConditionState.Unknown, $"需核对 {written} 是否属于 {names}");
        return new ConditionVerdict(condition, ConditionState.Unmet, $"{written} 不属于本条面向的 {names}");
    }
}
