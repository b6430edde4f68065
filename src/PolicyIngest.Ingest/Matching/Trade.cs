using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Ingest.Matching;

/// <summary>
/// The trade a measure item names at its head (1. 蔬菜零售网点，对社区菜店…; 3. 促进餐饮业发展项目…; 2. 智能快件箱、洗染门店、
/// 理发网点…等予以补贴): a 生活服务业 or 商务 card covers all of 商贸流通业 in its 条件要求, but each item pays the outlets it
/// names, so a retailer does not fit the restaurant item nor a restaurant the vegetable-outlet one. Judged on the whole
/// item (its later sentences, 每个品牌连锁企业总支持金额不超过500万元, pay the same outlets), as an industry condition:
/// unmet when the profile's industries name none of the trades, unknown when it gives none. It only rules out: an
/// item naming the enterprise's trade is judged on its other conditions (a 宁波 评价奖励 naming 零售 pays the district).
/// </summary>
public static partial class Trade
{
    /// <summary>How the condition is written.</summary>
    public const string Lead = "本项支持的业态";

    /// <summary>The trades named at the head of <paramref name="text"/>, each as the word a profile's industry is compared under.</summary>
    public static IReadOnlyList<string> Named(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var head = Head().Match(text) is { Success: true } h ? h.Groups["head"].Value : text;
        return Kinds.Where(k => k.Pattern.IsMatch(head)).Select(k => k.Trade).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The verdict on the trade an item's head names, or null when it names none or the enterprise's own.</summary>
    public static ConditionVerdict? Judge(EnterpriseProfile profile, string text)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var trades = Named(text);
        if (trades.Count == 0) return null;
        var named = string.Join("、", trades);
        var condition = new EligibilityCondition { Type = ConditionType.Industry, Span = ClauseReading.Span(Lead, named), Sectors = [.. trades] };
        if (profile.Industries is not { Count: > 0 } industries) return new ConditionVerdict(condition, ConditionState.Unknown, $"未提供所属行业（本项支持：{named}）");
        return industries.Any(i => trades.Any(t => i.Contains(t, StringComparison.Ordinal))) ? null
            : new ConditionVerdict(condition, ConditionState.Unmet, $"{string.Join("、", industries)} 不是本项支持的 {named}");
    }

    /// <summary>Consumer-service outlets a commerce item is written for, each with the trade word an industry names it by.</summary>
    private static readonly (Regex Pattern, string Trade)[] Kinds =
    [
        (new Regex("餐饮|早餐店|饭堂|餐厅"), "餐饮"),
        (new Regex("零售|便利店|超市|菜店|菜市场|药店"), "零售"),
        (new Regex("洗染|洗衣"), "洗染"),
        (new Regex("理发|美发"), "理发"),
        (new Regex("摄影"), "摄影"),
        (new Regex("维修"), "维修"),
        (new Regex("快件箱|快递"), "快递"),
        (new Regex("家政"), "家政"),
    ];

    /// <summary>The head of an item: after its number, up to the first comma or stop (蔬菜零售网点; 促进餐饮业发展项目项目资金支持比例…).</summary>
    [GeneratedRegex("^\\s*(?:\\d+[.．、]|（\\d+）|\\(\\d+\\))?\\s*(?<head>[^，。；,;:：]{2,80})")]
    private static partial Regex Head();
}
