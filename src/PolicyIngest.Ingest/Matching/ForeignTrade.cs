using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Ingest.Matching;

/// <summary>
/// An item for firms that do business abroad (为企业“走出去”提供…支持; 支持开展外贸业务的企业参加国际性展会; 在“一带一路”沿线国家新设或
/// 并购企业): whoever trades or invests abroad may apply, whatever its title or sector; the item is this enterprise's only
/// when its profile shows such business (an industry, title or figure naming 外贸, 进出口, 出口, 跨境, 境外). Otherwise the
/// clause stays "possible", like an award paid on a result the profile does not name (<see cref="HeldResult"/>). It only
/// rules out: business abroad the profile shows adds no fit of its own (the item is judged on its other conditions).
/// </summary>
public static partial class ForeignTrade
{
    /// <summary>How the condition is written.</summary>
    public const string Lead = "本条面向开展境外业务的企业";

    /// <summary>Whether a condition is the foreign business an item is for.</summary>
    public static bool Is(EligibilityCondition condition) =>
        ClauseReading.Is(condition, Lead);

    /// <summary>Unknown when the item is for firms doing business abroad and the profile shows none; else null.</summary>
    public static ConditionVerdict? Judge(EnterpriseProfile profile, string text)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(text);
        if (ForFirmsAbroad().Match(text) is not { Success: true } m) return null;
        var condition = new EligibilityCondition { Type = ConditionType.Title, Span = ClauseReading.Span(Lead, m.Value), Title = "境外业务" };
        var shown = new[] { profile.Name ?? "" }.Concat(profile.Industries ?? []).Concat(profile.Titles ?? []).Concat(profile.NewTitles ?? [])
            .Concat(profile.Figures.Keys).FirstOrDefault(w => Abroad().IsMatch(w));
        return shown is not null ? null : new ConditionVerdict(condition, ConditionState.Unknown, $"未提供境外业务（本条支持{m.Value}）");
    }

    [GeneratedRegex("走出去|外贸业务|外贸企业|出口企业|境外(?:投资|并购|新设)|沿线国家新设|国际性展会")]
    private static partial Regex ForFirmsAbroad();

    [GeneratedRegex("外贸|进出口|出口|跨境|境外|海外|国际贸易")]
    private static partial Regex Abroad();
}
