using PolicyIngest.Core.Model;

namespace PolicyIngest.Evaluation.Conditions;

/// <summary>Counts of one condition type: gold, found, and matched at the span level and at span + fields.</summary>
public sealed record TypeScore(int Gold, int Found, int SpanMatched, int StrictMatched)
{
    public static readonly TypeScore Zero = new(0, 0, 0, 0);
    public static TypeScore operator +(TypeScore a, TypeScore b) =>
        new(a.Gold + b.Gold, a.Found + b.Found, a.SpanMatched + b.SpanMatched, a.StrictMatched + b.StrictMatched);

    public (double P, double R, double F1) Span => Prf(SpanMatched);
    public (double P, double R, double F1) Strict => Prf(StrictMatched);

    private (double P, double R, double F1) Prf(int matched)
    {
        var p = Found == 0 ? (Gold == 0 ? 1 : 0) : (double)matched / Found;
        var r = Gold == 0 ? (Found == 0 ? 1 : 0) : (double)matched / Gold;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}

/// <summary>One unit's comparison: per-type counts and, for the misses listing, what was left unmatched under the strict rule.</summary>
public sealed record UnitScore(
    ConditionUnit Unit, IReadOnlyDictionary<ConditionType, TypeScore> ByType,
    IReadOnlyList<GoldCondition> MissedGold, IReadOnlyList<EligibilityCondition> Spurious,
    IReadOnlyList<(GoldCondition Gold, EligibilityCondition Found)> FieldDifferences);

/// <summary>
/// Compares found conditions with gold ones, one type at a time, one-to-one: a pair matches on span when the character
/// ranges overlap by at least half of the shorter one; strictly when the typed fields agree too (threshold op and
/// normalized value; place, title, a shared sector, the dates gold has, the exclusion rule).
/// </summary>
public static class ConditionScorer
{
    public static UnitScore Score(ConditionUnit unit, IReadOnlyList<EligibilityCondition> found)
    {
        var byType = new Dictionary<ConditionType, TypeScore>();
        var missed = new List<GoldCondition>();
        var spurious = new List<EligibilityCondition>();
        var fieldDiffs = new List<(GoldCondition, EligibilityCondition)>();
        foreach (var type in Enum.GetValues<ConditionType>())
        {
            var gold = unit.Conditions.Where(c => c.Type == type).ToList();
            var mine = found.Where(c => c.Type == type).ToList();
            if (gold.Count == 0 && mine.Count == 0) continue;
            var spanPairs = Match(unit.Text, gold, mine, strict: false);
            var strictPairs = Match(unit.Text, gold, mine, strict: true);
            byType[type] = new TypeScore(gold.Count, mine.Count, spanPairs.Count, strictPairs.Count);
            var goldLeft = Enumerable.Range(0, gold.Count).Where(g => strictPairs.All(p => p.Gold != g)).ToList();
            var mineLeft = Enumerable.Range(0, mine.Count).Where(m => strictPairs.All(p => p.Found != m)).ToList();
            foreach (var (g, m) in spanPairs.Where(p => goldLeft.Contains(p.Gold) && mineLeft.Contains(p.Found)))
            {
                fieldDiffs.Add((gold[g], mine[m]));
                goldLeft.Remove(g);
                mineLeft.Remove(m);
            }
            missed.AddRange(goldLeft.Select(g => gold[g]));
            spurious.AddRange(mineLeft.Select(m => mine[m]));
        }
        return new UnitScore(unit, byType, missed, spurious, fieldDiffs);
    }

    /// <summary>Greedy one-to-one matching, best overlap first.</summary>
    private static List<(int Gold, int Found)> Match(string text, List<GoldCondition> gold, List<EligibilityCondition> mine, bool strict)
    {
        var candidates = new List<(double Overlap, int Gold, int Found)>();
        for (var g = 0; g < gold.Count; g++)
        {
            for (var m = 0; m < mine.Count; m++)
            {
                var overlap = Overlap(text, gold[g].Text, mine[m].Span);
                if (overlap < 0.5) continue;
                if (strict && !FieldsAgree(gold[g], mine[m])) continue;
                candidates.Add((overlap, g, m));
            }
        }
        var pairs = new List<(int, int)>();
        var usedGold = new HashSet<int>();
        var usedMine = new HashSet<int>();
        foreach (var (_, g, m) in candidates.OrderByDescending(c => c.Overlap).ThenBy(c => c.Gold).ThenBy(c => c.Found))
        {
            if (usedGold.Contains(g) || usedMine.Contains(m)) continue;
            usedGold.Add(g);
            usedMine.Add(m);
            pairs.Add((g, m));
        }
        return pairs;
    }

    /// <summary>The best overlap, over every place the gold text occurs, as a share of the shorter range.</summary>
    public static double Overlap(string text, string goldText, TextSpan span)
    {
        if (goldText.Length == 0 || span.Text.Length == 0) return 0;
        var best = 0.0;
        for (var at = text.IndexOf(goldText, StringComparison.Ordinal); at >= 0; at = text.IndexOf(goldText, at + 1, StringComparison.Ordinal))
        {
            var common = Math.Min(at + goldText.Length, span.End) - Math.Max(at, span.Start);
            if (common <= 0) continue;
            best = Math.Max(best, (double)common / Math.Min(goldText.Length, span.Text.Length));
        }
        return best;
    }

    public static bool FieldsAgree(GoldCondition gold, EligibilityCondition found) => gold.Type switch
    {
        ConditionType.Threshold => gold.Op == found.Op && gold.Normalized == found.Normalized,
        ConditionType.Region => gold.Place is null || SamePlace(gold.Place, found.Place),
        ConditionType.Title or ConditionType.NewTitle => gold.Title is null || Plain(gold.Title) == Plain(found.Title),
        ConditionType.Industry => gold.Sectors.Count == 0 || gold.Sectors.Select(Sector).Intersect(found.Sectors.Select(Sector)).Any(),
        ConditionType.TimeWindow => (gold.From is null || gold.From == found.From) && (gold.To is null || gold.To == found.To),
        ConditionType.Exclusion => gold.Rule == found.Rule,
        _ => true,
    };

    /// <summary>Quotes, brackets and spaces carry no meaning when titles are compared.</summary>
    public static string Plain(string? s) =>
        s is null ? "" : new string(s.Where(c => !char.IsWhiteSpace(c) && c is not ('“' or '”' or '"' or '「' or '」' or '‘' or '’' or '\'')).ToArray());

    /// <summary>北京 and 北京市 name one place.</summary>
    public static bool SamePlace(string gold, string? found)
    {
        if (found is null) return false;
        static string P(string s)
        {
            var t = Plain(s);
            return t.Length > 2 && t[^1] is '市' or '省' ? t[..^1] : t;
        }
        return P(gold) == P(found);
    }

    /// <summary>A sector compared without the words that only say it is one (企业, 产业, 领域, 行业).</summary>
    public static string Sector(string s)
    {
        var t = Plain(s);
        foreach (var suffix in new[] { "企业", "领域", "产业", "行业" })
        {
            if (t.Length > suffix.Length + 1 && t.EndsWith(suffix, StringComparison.Ordinal)) t = t[..^suffix.Length];
        }
        return t;
    }
}
