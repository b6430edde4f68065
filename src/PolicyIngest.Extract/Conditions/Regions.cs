using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Extract.Conditions;

/// <summary>
/// Place conditions: 在北京市注册 (registration), 纳税地点在… (tax), 在京从事/在本市生产 (operation),
/// 本市户籍 (residence, 户籍), 在京单位 / …行政区域内的企业 (any tie).
/// </summary>
internal static partial class Regions
{
    private const string Place = "本市|我市|全市|本区|我区|区内|本县|县内|我县|省内|本省|在京|京|北京地区|北京市|北京|中国（北京）自由贸易试验区|(?![本我具拥持为])[\\p{IsCJKUnifiedIdeographs}（）]{1,14}(?:省|市|区|县|园|城|地区|示范区|试验区|园区)";

    [GeneratedRegex("(?:注册(?:或登记)?地?|登记地|实施地|所在地)(?:在|于|为)(?<place>" + Place + ")")]
    private static partial Regex RegisteredIn();

    [GeneratedRegex("(?:在|于)(?<place>" + Place + ")(?:行政区域|地区|范围)?内?(?:合法|依法)?(?:办理工商)?(?:注册|登记|设立)|(?<place>北京地区|北京市|本市|我市)(?:行政区域)?内?(?:合法|依法)?(?:注册|登记)")]
    private static partial Regex InPlaceRegistered();

    [GeneratedRegex("纳税(?:地点|地)?(?:在|于)(?<place>" + Place + ")|在(?<place>" + Place + ")纳税")]
    private static partial Regex Tax();

    [GeneratedRegex("(?<place>本市|我市|本省|(?![本我具拥持为有])[\\p{IsCJKUnifiedIdeographs}]{1,4}[省市])(?:[0-9一二三四五六七八九十]+年及以上)?户籍")]
    private static partial Regex Hukou();

    [GeneratedRegex("(?<![非外])(?:在|于)(?<place>" + Place + ")(?:行政区域|范围)?内?(?:的|依法)?(?<verb>从事|生产|实施|开展|新建|布局|建设|运营|经营|工作|就业|创新创业|组织|承办|研发|有|设立|就读|接受|投资|落地|新开设|参保)")]
    private static partial Regex Operating();

    [GeneratedRegex("在京(?:的)?(?:企业|单位|机构)|(?<place>本市|我市|北京市|(?<=^|[在为是于的、])(?![本我具拥持为有])[\\p{IsCJKUnifiedIdeographs}]{1,6}[省市])(?:行政区域|范围)内的?(?:企业|单位|机构|企事业单位)")]
    private static partial Regex PlaceOfApplicant();

    [GeneratedRegex("(?<=^|鼓励|支持|对|的|在)(?:区内|县内)(?=[^，。；]{0,12}(?:企业|单位|项目|机构))|^(?:区内|县内)")]
    private static partial Regex LocalLead();

    [GeneratedRegex("^(?:支持|大力支持|继续支持)")]
    private static partial Regex SupportLead();

    public static IEnumerable<EligibilityCondition> Find(Piece piece, PlaceContext context)
    {
        var text = ClausePieces.Unbracketed(piece.Text);
        if (ClausePieces.IsAction(piece) || SupportLead().IsMatch(text))
        {
            // What a government will do names places as its objects; only 区内 still ties the enterprises it names.
            if (LocalLead().Match(text) is { Success: true } l) yield return Make(piece, Resolve(l.Value, context), RegionAspect.Operation);
            yield break;
        }
        if (Hukou().Match(text) is { Success: true } h && !text.Contains("非本市户籍", StringComparison.Ordinal))
        {
            yield return Make(piece, Resolve(h.Groups["place"].Value, context), RegionAspect.Residence, hukou: true);
            yield break;
        }
        if (RegisteredIn().Match(text) is { Success: true } r)
        {
            yield return Make(piece, Resolve(r.Groups["place"].Value, context), RegionAspect.Registration);
            yield break;
        }
        if (InPlaceRegistered().Match(text) is { Success: true } ir)
        {
            yield return Make(piece, Resolve(ir.Groups["place"].Value, context), RegionAspect.Registration);
            if (Tax().Match(text) is { Success: true } t2) yield return Make(piece, Resolve(t2.Groups["place"].Value, context), RegionAspect.Tax);
            yield break;
        }
        if (Tax().Match(text) is { Success: true } t)
        {
            yield return Make(piece, Resolve(t.Groups["place"].Value, context), RegionAspect.Tax);
            yield break;
        }
        if (Operating().Match(text) is { Success: true } o && !GenericPlace().IsMatch(o.Groups["place"].Value))
        {
            yield return Make(piece, Resolve(o.Groups["place"].Value, context), RegionAspect.Operation);
            yield break;
        }
        if (PlaceOfApplicant().Match(text) is { Success: true } a && !a.Value.StartsWith("全市", StringComparison.Ordinal))
        {
            yield return Make(piece, Resolve(a.Groups["place"].Success ? a.Groups["place"].Value : "京", context), RegionAspect.Any);
            yield break;
        }
        if (LocalLead().IsMatch(text))
        {
            var local = LocalLead().Match(text);
            yield return Make(piece, Resolve(local.Value, context), RegionAspect.Operation);
        }
    }

    /// <summary>A word for some place, not a place: 园区, 该区, 所在区.</summary>
    [GeneratedRegex("^(?:园区|科技园区|产业园区|该区|所在区|城区|地区)$")]
    private static partial Regex GenericPlace();

    /// <summary>本市 → the document's city, 在京/北京 → 北京市, 区内 → its district; other names as written.</summary>
    public static string Resolve(string place, PlaceContext context)
    {
        var p = place.StartsWith('在') && place.Length == 2 ? place[1..] : place;
        return p switch
        {
            "本市" or "我市" or "全市" => context.City ?? p,
            "本区" or "我区" or "区内" => context.District ?? p,
            "本县" or "我县" or "县内" => context.District ?? p,
            "本省" or "省内" => context.Province ?? p,
            "京" or "北京" or "北京地区" => "北京市",
            _ => p,
        };
    }

    private static EligibilityCondition Make(Piece piece, string place, RegionAspect aspect, bool hukou = false) => new()
    {
        Type = ConditionType.Region,
        Span = piece.Span,
        Place = place,
        Aspect = aspect,
        Hukou = hukou,
    };
}
