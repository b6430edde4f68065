using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Ingest.Matching;

/// <summary>
/// Who an award is paid to when it is not the enterprise that does the work: a 投贷奖 card pays the bank, the guarantor,
/// the leasing company or the venture fund for what it lent or invested (银行奖励。按照不超过银行当期为文化企业提供的…);
/// a 先使用后付费 pilot pays the universities and institutes that license their patents. The borrower's industry or size
/// met in such a clause does not make it the borrower's to apply for. An enterprise whose name or industries say it is
/// such an institution (…银行, 融资担保, 创业投资, …研究院) is not judged: the clause may be its.
/// </summary>
public static partial class Payee
{
    /// <summary>How the condition is written.</summary>
    public const string Lead = "本条奖励对象";

    /// <summary>The kind of institution the award in <paramref name="text"/> is paid to, or null when it is not one of them.</summary>
    public static string? Institution(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = Paid().Match(text);
        if (!m.Success) m = Subject().Match(text);
        return m.Success ? m.Groups["who"].Value : null;
    }

    /// <summary>The verdict on the award's payee, or null when it is paid to whoever does the work.</summary>
    public static ConditionVerdict? Judge(EnterpriseProfile profile, string text)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (Institution(text) is not { } who) return null;
        var condition = new EligibilityCondition
        {
            Type = ConditionType.Industry, Span = ClauseReading.Span(Lead, who), Sectors = [who],
        };
        var words = string.Join("、", new[] { profile.Name ?? "" }.Concat(profile.Industries ?? []));
        if (Institutional().IsMatch(words)) return new ConditionVerdict(condition, ConditionState.Unknown, $"需核对 {words} 是否为{who}");
        return new ConditionVerdict(condition, ConditionState.Unmet, $"本条奖励{who}，{(profile.Name ?? "本企业")} 不是{who}");
    }

    private const string Kinds = "银行(?:业金融机构)?|金融机构|担保机构|担保公司|融资担保机构|融资租赁公司|创业投资机构|股权投资机构|投资机构|基金管理机构|保险机构|保险公司|高等院校|高校|科研院所|科研机构";

    /// <summary>银行奖励。 / 给予担保机构一定的补贴 / 给予创业投资机构奖励 / 单家银行当期奖励资金: the institution is named as the one paid.</summary>
    [GeneratedRegex("(?:^|[\\s。；;：:（）()\\d.、])(?<who>" + Kinds + ")(?:奖励|补贴|补助)[。.；;]|给予(?:该|相关)?(?<who>" + Kinds + ")[^，。；;]{0,8}(?:奖励|补贴|补助|资助|支持)|单家(?<who>" + Kinds + ")[^，。；;]{0,6}奖励")]
    private static partial Regex Paid();

    /// <summary>试点高等院校、科研机构…以“先使用后付费”方式，将专利许可给中小微企业实施的，给予…: the institutions lead the sentence that pays.</summary>
    [GeneratedRegex("(?:^|[。；;])\\s*(?:（\\d+）|\\d+[.．、])?\\s*(?:对|鼓励|支持|试点)?(?<who>高等院校|高校|科研院所|科研机构)、")]
    private static partial Regex Subject();

    [GeneratedRegex("银行|金融|担保|融资租赁|投资|基金|保险|大学|学院|研究院|研究所|科研|高校")]
    private static partial Regex Institutional();
}
