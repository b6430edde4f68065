using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Extract.Conditions;

/// <summary>
/// What a clause rules out: 择高享受 (highest only), 不重复支持 / 未获得其他…资金支持 / 只能申请一类 (no double support),
/// 失信 / 黑名单 / 安全事故 / 禁止和限制目录 (disqualifiers), 不含 / 不予支持 / 除外 (not included).
/// </summary>
internal static partial class Exclusions
{
    [GeneratedRegex("择高|就高|从高享受|(?<!不得)不同时享受|按最高标准|按照最高标准")]
    private static partial Regex Highest();

    [GeneratedRegex("不重复|不得重复|重复申报|不再予以|不再给予|不再重复|只能申请|只能享受|只能申报|仅可申报|仅能申报|仅限申报|其中一种|其中一项|只享受一次|不得接受其他|领取[^，。；]{0,20}不享受|未获得(?:其他|相同|中央|市级)|不得同时享受|不(?:得|予)?叠加|已(?:列入|纳入)[^，。；]{0,20}(?:资金|资助)[^，。；]{0,6}支持|已(?:获得?|享受)[^，。；]{0,30}(?:资金|补贴|支持|资助)|(?:不得|不能)[^，。；]{0,16}再次(?:申报|申请)|获得中央财政资金支持|最多只有|最多不超过[^，。；]{0,4}年")]
    private static partial Regex Double();

    [GeneratedRegex("失信|黑名单|不良信用|违法|违规|安全(?:生产)?事故|经营异常|环境污染|弄虚作假|骗取|虚报|冒领|欠缴|欠税|破产(?:清算|重整)|进入破产|立案侦查|禁止和限制目录|禁止类|侵犯[^，。；]{0,6}知识产权|立案调查|拖欠|不实|争议|撂荒|取消其[^，。；]{0,8}资格|不予认定|诚实信用|惩戒")]
    private static partial Regex Disqualifier();

    [GeneratedRegex("不含|不包括|除外|不予支持|不接受|不纳入支持|不属于[^，。；]{0,8}支持|不在[^，。；]{0,8}支持范围|以外的|不享受|不适用|^非上市|不予(?:资助|奖励|补贴|补助)")]
    private static partial Regex NotIncluded();

    /// <summary>Not an exclusion itself: the lead of a list (有下列情形的不予支持), a catch-all, a note on costs or law.</summary>
    [GeneratedRegex("下列|以下|其他不予支持|另有规定|费用")]
    private static partial Regex NotOne();

    /// <summary>
    /// The lead of a list whose items are each ruled out (以下耕地不享受商品有机肥补贴：, 有下列情形之一的，不予支持：): its items
    /// that state no rule of their own are disqualifiers.
    /// </summary>
    public static bool LeadsExcludedItems(Piece piece) => ExcludedItemsLead().IsMatch(piece.Text);

    [GeneratedRegex("(?:以下|下列)[^，。；：]{0,16}(?:不享受|不予|不得|不能|不属于)|(?:有|存在)(?:以下|下列)[^，。；：]{0,8}(?:情形|情况)")]
    private static partial Regex ExcludedItemsLead();

    /// <summary>An item of an excluded list (已经被征（占）用或规划转为其他用途的): a disqualifier, unless it is the catch-all (其他…).</summary>
    public static EligibilityCondition? ExcludedItem(Piece piece) =>
        piece.Text.StartsWith("其他", StringComparison.Ordinal) || NotOne().IsMatch(piece.Text)
            ? null
            : new EligibilityCondition { Type = ConditionType.Exclusion, Span = piece.Span, Rule = ExclusionRule.Disqualifier };

    public static IEnumerable<EligibilityCondition> Find(Piece piece)
    {
        var text = ClausePieces.Unbracketed(piece.Text);
        if (NotOne().IsMatch(text)) yield break;
        ExclusionRule? rule =
            Highest().IsMatch(text) ? ExclusionRule.HighestOnly
            : Double().IsMatch(text) ? ExclusionRule.NoDoubleSupport
            : Disqualifier().IsMatch(text) ? ExclusionRule.Disqualifier
            : NotIncluded().IsMatch(text) ? ExclusionRule.NotIncluded
            : null;
        if (rule is null) yield break;
        yield return new EligibilityCondition { Type = ConditionType.Exclusion, Span = piece.Span, Rule = rule };
    }
}
