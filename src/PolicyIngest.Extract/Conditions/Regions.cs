using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Extract.Conditions;

/// <summary>
/// Place conditions: 在北京市注册 (registration), 纳税地点在… (tax), 在京从事/在本市生产 (operation),
/// 本市户籍 (residence, 户籍), 在京单位 / …行政区域内的企业 (any tie).
/// </summary>
internal static partial class Regions
{
    private const string Place = "(?:[\\p{IsCJKUnifiedIdeographs}]{2,3}省)?[\\p{IsCJKUnifiedIdeographs}]{2,4}?市[\\p{IsCJKUnifiedIdeographs}]{1,4}?[区县](?![\\p{IsCJKUnifiedIdeographs}]{0,3}?[区县])|本市|我市|全市|本区|我区|区内|本县|县内|我县|省内|本省|在京|京|北京地区|北京市|北京|中国（北京）自由贸易试验区|(?![本我具拥持为])[\\p{IsCJKUnifiedIdeographs}（）]{1,14}(?:省|市|区|县|园|城|地区|示范区|试验区|园区|中关村)";

    [GeneratedRegex("(?:注册(?:或登记)?地?|登记地|实施地|所在地)(?:在|于|为)(?<place>" + Place + ")")]
    private static partial Regex RegisteredIn();

    /// <summary>One tie a place is asked for, named as a noun: 工商注册, 税收户管地, 统计关系, 实际经营地 ….</summary>
    private const string Tie = "(?:工商|税务)?(?:注册|登记)(?:注册|登记)?(?:地址|地点|地|关系)?|纳税(?:地点|地)?|税收(?:户管地|解缴关系|征管关系|关系)|税务(?:征管)?关系|(?:统计|纳统)(?:关系|地)?|(?:实际|生产)?经营(?:地址|地点|地|场所)|办公(?:地址|地点|场所)|生产(?:地点|地|场所)";

    /// <summary>
    /// Ties listed then placed (工商注册、税务登记及统计关系均在怀柔区; 注册地和税收户管地在本区; 税收解缴关系在本市): one condition,
    /// its aspect the one tie named or "any" for several.
    /// </summary>
    [GeneratedRegex("(?<ties>(?:" + Tie + ")(?:[、和及与]+(?:" + Tie + "))*)(?:均|都|须|需|应|必须|应当)*(?:在|于|为|位于|设在|属于)(?<place>" + Place + ")")]
    private static partial Regex TiesIn();

    /// <summary>Moving to or settling in a place (新落户本区, 迁入本区, 入驻怀柔科学城, 落地怀柔): registration, or operation for 入驻/落地.</summary>
    [GeneratedRegex("(?<verb>落户|迁入|入驻|落地)(?:在|于|到|至)?(?<place>" + Place + ")(?![^，。；]{0,4}(?:发展|建设))")]
    private static partial Regex SettledIn();

    [GeneratedRegex("(?:在|于)(?<place>" + Place + ")(?:行政区域|地区|范围)?内?(?:合法|依法)?(?:办理[^，。；]{0,6}?)?(?:注册|登记|设立)|(?<place>北京地区|北京市|本市|我市)(?:行政区域)?内?(?:合法|依法)?(?:注册|登记)")]
    private static partial Regex InPlaceRegistered();

    [GeneratedRegex("纳税(?:地点|地)?(?:在|于)(?<place>" + Place + ")|在(?<place>" + Place + ")(?:依法)?纳税")]
    private static partial Regex Tax();

    [GeneratedRegex("(?<place>本市|我市|本省|本区|我区|本县|(?:(?![本我具拥持为有的对])[\\p{IsCJKUnifiedIdeographs}]){1,4}?[省市])(?:[0-9一二三四五六七八九十]+年及以上)?户籍")]
    private static partial Regex Hukou();

    [GeneratedRegex("(?<![非外])(?:在|于)(?<place>" + Place + ")(?:行政区域|范围)?内?(?:的|依法)?(?<verb>从事|生产|实施|开展|新建|布局|建设|运营|经营|工作|就业|创新创业|组织|承办|研发|有|设立|就读|接受|投资|落地|新开设|参保)")]
    private static partial Regex Operating();

    [GeneratedRegex("在京(?:的)?(?:企业|单位|机构)|(?<place>本市|我市|本区|我区|本县|北京市|(?<=^|[在为是于的、])(?![本我具拥持为有])[\\p{IsCJKUnifiedIdeographs}]{1,6}[省市])(?:行政区域|范围)内的?(?:企业|单位|机构|企事业单位)")]
    private static partial Regex PlaceOfApplicant();

    [GeneratedRegex("(?<=^|鼓励|支持|对|的|在)(?:区内|县内)(?![外])(?=[^，。；]{0,12}(?:企业|单位|项目|机构))|^(?:区内|县内)(?![外])")]
    private static partial Regex LocalLead();

    /// <summary>
    /// The document's own place naming the applicant it qualifies (本市低保家庭, 对本市实际种植粮食和蔬菜的耕地, 在我区民办学校就读,
    /// 来我区接受学前教育): the place word, a few words of the applicant, and a noun of who or what applies.
    /// </summary>
    [GeneratedRegex("(?:^|对|凡|在|来|到|为)(?<place>本市|我市|本区|我区|本县|我县)(?!各|有关|相关|的|将|统一|范围|政策|财政|人民政府|政府|户籍)(?=[^，。；]{0,14}?(?:企业|单位|项目|机构|家庭|居民|人员|老年人|学校|学生|幼儿|耕地|商户|个人|就读|接受|就业|就诊))")]
    private static partial Regex LocalApplicant();

    /// <summary>A support measure naming where its applicant is or works: 支持在京单位主导…, 用于在京研发、建设、生产.</summary>
    [GeneratedRegex("在京(?:的)?(?:企业|单位|机构)|用于(?:在|于)(?<place>京|本市|北京市?)(?:研发|建设|生产|运营)")]
    private static partial Regex SupportedApplicant();

    [GeneratedRegex("^(?:支持|大力支持|继续支持)")]
    private static partial Regex SupportLead();

    public static IEnumerable<EligibilityCondition> Find(Piece piece, PlaceContext context)
    {
        var text = WithContextNames(ClausePieces.Unbracketed(piece.Text), context);
        if (ClausePieces.IsAction(piece) || SupportLead().IsMatch(text))
        {
            // What a government will do names places as its objects; only 区内 and 在京单位 still tie the applicants it names.
            if (LocalLead().Match(text) is { Success: true } l) yield return Make(piece, Resolve(l.Value, context), RegionAspect.Operation);
            else if (!ClausePieces.IsAction(piece) && SupportedApplicant().Match(text) is { Success: true } s)
                yield return Make(piece, Resolve(s.Groups["place"].Success ? s.Groups["place"].Value : "京", context), s.Value.StartsWith("用于", StringComparison.Ordinal) ? RegionAspect.Operation : RegionAspect.Any);
            yield break;
        }
        if (Hukou().Match(text) is { Success: true } h && !text.Contains("非本市户籍", StringComparison.Ordinal))
        {
            yield return Make(piece, Resolve(h.Groups["place"].Value, context), RegionAspect.Residence, hukou: true);
            yield break;
        }
        if (TiesIn().Match(text) is { Success: true } ti && IsPlaceName(ti.Groups["place"].Value))
        {
            yield return Make(piece, Resolve(ti.Groups["place"].Value, context), AspectOf(ti.Groups["ties"].Value));
            yield break;
        }
        if (SettledIn().Match(text) is { Success: true } si && IsPlaceName(si.Groups["place"].Value))
        {
            yield return Make(piece, Resolve(si.Groups["place"].Value, context), si.Groups["verb"].Value is "入驻" or "落地" ? RegionAspect.Operation : RegionAspect.Registration);
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
            yield break;
        }
        // 本市鼓励企业…: the place is the subject of a government action, not the applicant's.
        if (LocalApplicant().Match(text) is { Success: true } la && !ClausePieces.IsAction(text[(la.Index + la.Length)..]))
        {
            yield return Make(piece, Resolve(la.Groups["place"].Value, context), RegionAspect.Any);
        }
    }

    /// <summary>
    /// The document's places written without their 县/区/市 (在柳河新建, 在怀柔投资) given back their suffix, so the
    /// readers above see a place; a name that goes on into a longer one (怀柔科学城) is left alone.
    /// </summary>
    private static string WithContextNames(string text, PlaceContext context)
    {
        foreach (var unit in new[] { context.District, context.City, context.Province })
        {
            if (unit is not { Length: >= 3 }) continue;
            var stem = unit[..^1];
            for (var at = text.IndexOf(stem, StringComparison.Ordinal); at >= 0; at = text.IndexOf(stem, at + stem.Length, StringComparison.Ordinal))
            {
                var after = at + stem.Length;
                if (at == 0 || !SettlingBefore().IsMatch(text[..at])) continue;
                if (after < text.Length && (text[after] is '省' or '市' or '区' or '县' || LongerName().IsMatch(text, after))) continue;
                text = text[..after] + unit[^1] + text[after..];
            }
        }
        return text;
    }

    [GeneratedRegex("(?:在|于|来|到|落户|入驻|迁入|落地)$")]
    private static partial Regex SettlingBefore();

    [GeneratedRegex("\\G[\\p{IsCJKUnifiedIdeographs}]{0,4}?(?:城|园|镇|乡|村|街|港|湖|山|路|区|县|州)")]
    private static partial Regex LongerName();

    /// <summary>The aspect of the ties named: registration, tax, statistics or operation, or any when several are.</summary>
    private static RegionAspect AspectOf(string ties)
    {
        var aspects = new HashSet<RegionAspect>();
        if (ties.Contains("纳税", StringComparison.Ordinal) || ties.Contains("税", StringComparison.Ordinal)) aspects.Add(RegionAspect.Tax);
        if (ties.Contains("统计", StringComparison.Ordinal) || ties.Contains("纳统", StringComparison.Ordinal)) aspects.Add(RegionAspect.Statistics);
        if (ties.Contains("经营", StringComparison.Ordinal) || ties.Contains("办公", StringComparison.Ordinal) || ties.Contains("生产", StringComparison.Ordinal)) aspects.Add(RegionAspect.Operation);
        if (RegistrationTie().IsMatch(ties)) aspects.Add(RegionAspect.Registration);
        return aspects.Count == 1 ? aspects.Single() : RegionAspect.Any;
    }

    /// <summary>注册/登记/工商 that is not 税务登记.</summary>
    [GeneratedRegex("注册|工商|(?<!税务)登记")]
    private static partial Regex RegistrationTie();

    /// <summary>A place as named, not a word for some place (园区) nor words run into a place (企业或与北京市, 获得北京市).</summary>
    private static bool IsPlaceName(string place) => !GenericPlace().IsMatch(place) && !RunOn().IsMatch(place);

    [GeneratedRegex("企业|单位|获得|取得|或|与|的|和|及")]
    private static partial Regex RunOn();

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
