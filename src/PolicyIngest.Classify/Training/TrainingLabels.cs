using PolicyIngest.Classify.Model;

namespace PolicyIngest.Classify.Training;

/// <summary>
/// What every clause trainer fits, whichever learner is behind it: the specific industries it models one by one, and
/// which of them it leaves to their keyword rule for a given training set.
/// </summary>
public static class TrainingLabels
{
    /// <summary>Specific industries (every taxonomy industry but general, which is given when none of them applies).</summary>
    public static IReadOnlyList<string> SpecificIndustries { get; } =
        [.. ClauseTaxonomy.Industries.Where(i => i != ClauseTaxonomy.GeneralIndustry)];

    /// <summary>
    /// A specific industry whose positives come from fewer documents (groups) than this is given by its keyword rule:
    /// grouped cross-validation showed the model then knows only those documents' wording (e.g. every
    /// scientific_instruments clause held out with its one guide family: F1 0) while the rule generalises. Chosen by that
    /// CV over the whole set (3/4/5/8 groups: industries micro-F1 0.814/0.811/0.802/0.820, against 0.800 with none).
    /// </summary>
    public const int MinIndustryGroups = 8;

    /// <summary>The specific industries the model should leave to their keyword rule, for these clauses.</summary>
    public static IReadOnlyList<string> RuleIndustriesFor(IReadOnlyList<LabelledClause> clauses) =>
        [.. SpecificIndustries.Where(i => clauses.Where(c => c.Industries.Contains(i)).Select(c => c.Group).Distinct().Count() < MinIndustryGroups)];
}
