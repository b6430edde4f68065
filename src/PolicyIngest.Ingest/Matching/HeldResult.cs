using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Ingest.Matching;

/// <summary>
/// A result the enterprise must already hold for an award paid on it: a patent granted (国内发明专利申请获得授权后，每件资助
/// 不超过1000元), a trademark registered abroad, a game's 版号, a drug's or device's 注册批件. Whoever holds the result may apply, whatever its title or
/// sector (a listing subsidy is paid on the listing, 支持企业在A股上市…给予每家…补贴); the clause is for this enterprise only when its profile names the result (a title, a new title or a figure:
/// 发明专利, PCT专利数量, 游戏版号). Otherwise the clause stays "possible": nothing unmet, nothing showing it is the enterprise's.
/// </summary>
public static partial class HeldResult
{
    /// <summary>How the condition is written.</summary>
    public const string Lead = "本条奖励已取得的成果";

    /// <summary>The result an award in <paramref name="text"/> is paid on, or null when it pays for no such result.</summary>
    public static string? Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!PaidOnResult().IsMatch(text)) return null;
        var m = ResultWord().Match(text);
        return m.Success ? m.Value : null;
    }

    /// <summary>Whether a condition is the result an award is paid on.</summary>
    public static bool Is(EligibilityCondition condition) =>
        ClauseReading.Is(condition, Lead);

    /// <summary>The verdict on the result the award is paid on: met when the profile names it, else unknown; null when it pays on none.</summary>
    public static ConditionVerdict? Judge(EnterpriseProfile profile, string text)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (Of(text) is not { } result) return null;
        var condition = new EligibilityCondition { Type = ConditionType.Title, Span = ClauseReading.Span(Lead, result), Title = result };
        var key = Key(result);
        var named = (profile.Titles ?? []).Concat(profile.NewTitles ?? []).Concat(profile.Figures.Keys)
            .FirstOrDefault(t => t.Contains(key, StringComparison.Ordinal));
        return named is not null
            ? new ConditionVerdict(condition, ConditionState.Met, $"已取得 {named}")
            : new ConditionVerdict(condition, ConditionState.Unknown, $"未提供{result}（本条按已取得的{result}给予支持）");
    }

    /// <summary>发明专利 is named by any 专利 the profile lists; 软件著作权 by 著作权.</summary>
    private static string Key(string result) => result switch
    {
        "发明专利" or "国外发明专利" => "专利",
        "软件著作权" => "著作权",
        "注册批件" or "批准注册" => "注册",
        _ => result,
    };

    /// <summary>Paid on a result granted or registered, per piece of it, or on the fees of one held (专利…年费).</summary>
    [GeneratedRegex("获得授权|授权后|获得注册|(?:获得|取得)[^，。；;]{0,20}版号|取得[^，。；;]{0,10}注册批件|批准注册|每件|专利[^。；;]{0,12}年费|(?:上市|挂牌)[^。；;]{0,30}?(?:给予|补贴|奖励)")]
    private static partial Regex PaidOnResult();

    [GeneratedRegex("国外发明专利|发明专利|专利|商标|版号|软件著作权|著作权|注册批件|批准注册|上市|挂牌")]
    private static partial Regex ResultWord();
}
