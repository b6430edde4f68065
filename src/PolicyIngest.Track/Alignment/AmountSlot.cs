using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Track.Alignment;

/// <summary>Which end of the allowed values a sum sets: 五万元以下 an upper one, 超过100亿元 a lower one, a range both.</summary>
public enum AmountBound { Exact, Low, High, Range }

/// <summary>One end of a sum (a range has two), with the part it plays.</summary>
public readonly record struct AmountEnd(decimal Yuan, AmountBound Bound);

/// <summary>
/// What a sum is for, read from the words before it in its sentence: which end it sets, whether it belongs to the
/// aggravated tier (情节严重的，…), and the kind of party it applies to (对单位 / 对个人 or 对…直接责任人员), when the
/// sentence says. Two sums can succeed one another only when their slots are compatible.
/// </summary>
/// <remarks><see cref="Fallback"/>: the sentence already fined the same party before this sum (对单位处…销售额百分之一以下的罚款，
/// 上一年度没有销售额的，处五百万元以下): the sum applies only when the first penalty cannot.</remarks>
public sealed partial record AmountSlot(AmountBound Bound, bool Aggravated, string Party, bool Fallback = false)
{
    public const string Organisation = "organisation";
    public const string Person = "person";

    /// <param name="before">The provision's comparable text before the sum (<see cref="Text.ComparableText"/>: line breaks,
    /// spaces and punctuation width do not change what a sum is for).</param>
    public static AmountSlot Of(MonetaryAmount amount, string before) => Of(BoundOf(amount), before);

    /// <summary>The slot of a sum or a percentage whose end is <paramref name="bound"/>.</summary>
    public static AmountSlot Of(AmountBound bound, string before)
    {
        var start = before.LastIndexOfAny(['。', '；']) + 1;
        var lead = before[start..];
        var party = "";
        var fallback = false;
        var matches = PartyPhrase().Matches(lead);
        if (matches.Count > 0)
        {
            var x = matches[^1].Groups["x"].Value;
            party = PersonWords().IsMatch(x) ? Person : OrganisationWords().IsMatch(x) ? Organisation : "";
            fallback = EarlierPenalty().IsMatch(lead[(matches[^1].Index + matches[^1].Length)..]);
        }
        return new AmountSlot(bound, AggravatedTier().IsMatch(lead), party, fallback);
    }

    /// <summary>Same tier, ends that can replace one another, and no contradiction in the party.</summary>
    public bool CompatibleWith(AmountSlot other) =>
        Aggravated == other.Aggravated
        && (Party.Length == 0 || other.Party.Length == 0 || Party == other.Party)
        && !(Bound == AmountBound.Low && other.Bound == AmountBound.High || Bound == AmountBound.High && other.Bound == AmountBound.Low);

    public static AmountBound BoundOf(MonetaryAmount amount) => amount.YuanHigh is not null ? AmountBound.Range : BoundOfText(amount.Text);

    /// <summary>A percentage's end: 百分之一以下 an upper limit, 百分之五以上百分之十以下 a range.</summary>
    public static AmountBound BoundOf(Rate rate) => rate.PercentHigh is not null ? AmountBound.Range : BoundOfText(rate.Text);

    private static AmountBound BoundOfText(string text)
    {
        var t = Text.ComparableText.From(text).Text;
        if (UpperWords().IsMatch(t)) return AmountBound.High;
        if (LowerWords().IsMatch(t)) return AmountBound.Low;
        return AmountBound.Exact;
    }

    /// <summary>A sum's ends: a range gives its lower and upper end, any other sum one end.</summary>
    public static List<AmountEnd> Ends(MonetaryAmount? amount)
    {
        if (amount is null) return [];
        if (amount.YuanHigh is { } high) return [new(amount.Yuan, AmountBound.Low), new(high, AmountBound.High)];
        return [new(amount.Yuan, BoundOf(amount))];
    }

    [GeneratedRegex(@"对(?<x>[^，。；对]{1,24}?)(?:可以|可|并处|处以|处|给予|，|的，)")]
    private static partial Regex PartyPhrase();

    [GeneratedRegex(@"罚款|罚金")]
    private static partial Regex EarlierPenalty();

    [GeneratedRegex(@"个人|人员|负责人|代表人|董事|监事|经理|自然人")]
    private static partial Regex PersonWords();

    [GeneratedRegex(@"单位|公司|企业|经营者|机构|协会|组织")]
    private static partial Regex OrganisationWords();

    [GeneratedRegex(@"情节(?:特别|较为|较)?(?:严重|恶劣)")]
    private static partial Regex AggravatedTier();

    [GeneratedRegex(@"以下|以内|不超过|不高于|最高|上限|不足|(?<!不)低于|(?<!不)少于|未满|封顶")]
    private static partial Regex UpperWords();

    [GeneratedRegex(@"以上|超过|不低于|不少于|最低|下限|高于|多于|起")]
    private static partial Regex LowerWords();
}
