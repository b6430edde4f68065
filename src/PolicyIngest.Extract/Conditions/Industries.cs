using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Extract.Conditions;

/// <summary>
/// The sector of the applicant, its project or product: 属于/符合/聚焦/围绕/从事 … 产业/领域/行业, or a known sector
/// naming the applicant (制造业企业, 氢能企业, 文化企业). Sectors are kept as written.
/// </summary>
internal static partial class Industries
{
    [GeneratedRegex("(?:属于|符合|聚焦|围绕|从事|面向)(?<body>[^，。；]{2,80}?)(?:等)?(?:产业发展方向|产业领域|重点领域|领域|产业|行业|业态|标准|服务业)")]
    private static partial Regex Framed();

    [GeneratedRegex("(?<body>(?:先进)?制造业|软件和信息技术服务业|软件信息服务业|文化(?:创意)?|氢能|人工智能|高精尖|医药健康|生物医药|商贸流通业|养老服务|旅行社|跨境电子商务|直播电商|高端仪器装备和传感器|高端仪器装备|集成电路|新能源汽车|智能网联汽车|商业航天|舞台艺术)(?:企业|单位|机构|产业|项目|领域)")]
    private static partial Regex Named();

    /// <summary>Words that show a 符合/围绕 frame is about rules or plans, not a sector.</summary>
    [GeneratedRegex("条件|规定|要求|程序|政策|办法|定位|标准化|申报|规划(?!》)|资格")]
    private static partial Regex NotASector();

    [GeneratedRegex("^(?:北京市|本市|中关村示范区|国家|全市|《[^》]*》(?:所支持的)?)")]
    private static partial Regex Qualifier();

    public static IEnumerable<EligibilityCondition> Find(Piece piece)
    {
        var text = piece.Text;
        if (Framed().Match(text) is { Success: true } f && !NotASector().IsMatch(f.Groups["body"].Value))
        {
            var body = f.Groups["body"].Value;
            var sectors = Split(body);
            if (sectors.Count > 0)
            {
                yield return Make(piece, sectors);
                yield break;
            }
        }
        if (Named().Match(text) is { Success: true } n)
        {
            yield return Make(piece, [n.Groups["body"].Value]);
        }
    }

    private static List<string> Split(string body)
    {
        var s = Qualifier().Replace(body, "");
        s = s.Replace("重点发展的", "").Replace("发展方向", "").Trim();
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
