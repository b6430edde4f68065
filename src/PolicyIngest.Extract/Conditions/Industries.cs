using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Extract.Conditions;

/// <summary>
/// The sector of the applicant, its project or product: 属于/符合/聚焦/围绕/从事 … 产业/领域/行业, or a known sector
/// naming the applicant (制造业企业, 氢能企业, 文化企业). Sectors are kept as written.
/// </summary>
internal static partial class Industries
{
    [GeneratedRegex("(?:属于|符合|聚焦|围绕|从事|面向)(?<body>(?:《[^》]*》|[^，。；《]){2,80}?)(?:等)?(?<suffix>产业发展方向|产业领域|重点领域|领域|产业|行业|业态|标准|服务业)")]
    private static partial Regex Framed();

    [GeneratedRegex("(?<body>(?:先进)?制造业|软件和信息技术服务业|软件信息服务业|文化(?:创意)?|氢能|人工智能|医药健康|生物医药|商贸流通业|养老服务|旅行社|跨境电子商务|[\\p{IsCJKUnifiedIdeographs}]{0,4}直播电商|高端仪器装备和传感器|高端仪器装备|集成电路|新能源汽车|智能网联汽车|商业航天|舞台艺术)(?:领域)?(?:重点|龙头)?(?:企业|单位|机构)")]
    private static partial Regex Named();

    [GeneratedRegex("(?:从事|经营)(?<body>[^，。；、]{2,30}?)(?:研发|经营|业务|活动|等)?(?:、[^，。；、]{1,6})*(?:等)?的(?:企事业单位|企业|单位|机构)")]
    private static partial Regex Engaged();

    /// <summary>Words that show a 符合/围绕 frame is about rules or plans, not a sector.</summary>
    [GeneratedRegex("条件|规定|要求|程序|政策|办法|定位|标准化|标准体系|申报|规划(?!》)|资格|布局|需要|补短板|技术标准|十大|关键|战略|任务|细分|方面|前提|首批次|目录")]
    private static partial Regex NotASector();

    /// <summary>A plan or catalogue the sector is named through: 《…规划》所支持的人工智能 → 人工智能; 《文化及相关产业分类》 → 文化及相关产业.</summary>
    [GeneratedRegex("^(?:国家统计局)?《[^》]*》(?:所支持的)?|^某一")]
    private static partial Regex Qualifier();

    [GeneratedRegex("《(?<name>[^》(（]*?)分类")]
    private static partial Regex Classification();

    /// <summary>An award or application frame: the sector named there is the applicant's.</summary>
    [GeneratedRegex("^对|给予|奖励|补贴|补助|支持|申报|申请|应为|须为")]
    private static partial Regex ApplicantFrame();

    public static IEnumerable<EligibilityCondition> Find(Piece piece)
    {
        if (ClausePieces.IsAction(piece)) yield break;
        var text = piece.Text;
        if (Classification().Match(text) is { Success: true } c && text.Contains("符合", StringComparison.Ordinal))
        {
            yield return Make(piece, [c.Groups["name"].Value]);
            yield break;
        }
        if (Engaged().Match(text) is { Success: true } e && !NotASector().IsMatch(e.Groups["body"].Value))
        {
            yield return Make(piece, [e.Groups["body"].Value]);
            yield break;
        }
        if (Framed().Match(text) is { Success: true } f && !NotASector().IsMatch(text[f.Groups["body"].Index..Math.Min(text.Length, f.Index + f.Length + 6)]))
        {
            var body = f.Groups["body"].Value;
            var sectors = Split(body, f.Groups["suffix"].Value);
            if (sectors.Count > 0)
            {
                yield return Make(piece, sectors);
                yield break;
            }
        }
        if (Named().Match(text) is { Success: true } n && (ApplicantFrame().IsMatch(text) || n.Index == 0 || text[n.Index - 1] is '的' or '为' or '是'))
        {
            yield return Make(piece, [n.Groups["body"].Value]);
        }
    }

    private static List<string> Split(string body, string suffix)
    {
        var s = Qualifier().Replace(body, "").Trim();
        // A list names several sectors; a single name (中关村示范区高精尖产业领域) is kept whole, with its 产业/领域.
        if (!s.Contains('、'))
        {
            var whole = (s + suffix.Replace("发展方向", "", StringComparison.Ordinal)).Trim();
            return whole.Length >= 2 ? [whole] : [];
        }
        return s.Split(['、', '和', '及', '与', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => x.TrimEnd('等'))
            .Where(x => x.Length >= 2)
            .ToList();
    }

    private static EligibilityCondition Make(Piece piece, IReadOnlyList<string> sectors) => new()
    {
        Type = ConditionType.Industry,
        Span = piece.Span,
        Sectors = sectors,
    };
}
