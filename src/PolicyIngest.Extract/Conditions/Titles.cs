using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Extract.Conditions;

/// <summary>
/// Statuses and titles: held ones (具有独立法人资格, 经认定的高新技术企业, 上市公司, 残疾人) are <see cref="ConditionType.Title"/>;
/// ones to be newly obtained in the period (首次纳入规模以上统计, 新迁入, 新评定为…, 当年获准…) are
/// <see cref="ConditionType.NewTitle"/>. One title per phrase: a phrase listing several names them as alternatives.
/// </summary>
internal static partial class Titles
{
    /// <summary>A category of people named by how it is written (非本市户籍的灵活就业人员): its words without asides and 的.</summary>
    private const string AsWritten = "";

    /// <summary>Known titles, each with the name it is compared under. The first one found in a phrase wins.</summary>
    private static readonly (Regex Pattern, string Title)[] Known =
    [
        (new Regex("独立(?:企业)?法人"), "独立法人"),
        (new Regex("法人资格"), "法人"),
        (new Regex("高新技术企业"), "高新技术企业"),
        (new Regex("专精特新[”\"」]?\\s*中小企业"), "专精特新中小企业"),
        (new Regex("专精特新[”\"」]?\\s*[“\"「]?小巨人|小巨人"), "专精特新“小巨人”企业"),
        (new Regex("专精特新"), "专精特新企业"),
        (new Regex("规模以上|(?<!小)升规"), "规模以上企业"),
        (new Regex("(?<!非)上市公司|(?<![非拟])上市(?:的)?企业|(?:在|于)[^，。；]{2,30}(?:上市|挂牌上市)(?=的|$)"), "上市公司"),
        (new Regex("拟上市企业"), "拟上市企业"),
        (new Regex("科技型中小企业"), "科技型中小企业"),
        (new Regex("创新型中小企业"), "创新型中小企业"),
        (new Regex("瞪羚企业"), "瞪羚企业"),
        (new Regex("独角兽企业"), "独角兽企业"),
        (new Regex("隐形冠军"), "隐形冠军企业"),
        (new Regex("(?:制造业)?单项冠军"), "制造业单项冠军"),
        (new Regex("技术先进型服务企业"), "技术先进型服务企业"),
        (new Regex("企业技术中心"), "企业技术中心"),
        (new Regex("限额以上|限上"), "限额以上企业"),
        (new Regex("规上"), "规模以上企业"),
        (new Regex("中小微企业"), "中小微企业"),
        (new Regex("成长型中小企业"), "成长型中小企业"),
        (new Regex("小微(?:企业)?|小型企业或微型企业|小型、微型企业"), "小微企业"),
        (new Regex("中华老字号|北京老字号|老字号"), "中华老字号"),
        (new Regex("外商投资企业"), "外商投资企业"),
        (new Regex("外贸综合服务(?:试点|示范)?企业"), "外贸综合服务企业"),
        (new Regex("产业链龙头企业"), "产业链龙头企业"),
        (new Regex("非本市户籍(?:（[^）]*）)?[^，。；（]{0,12}人员"), AsWritten),
        (new Regex("港澳居民居住证|香港、澳门居民居住证"), "港澳居民居住证持有人"),
        (new Regex("居住证持证人|居民居住证"), "居住证持有人"),
        (new Regex("离校未就业(?:（[^）]*）)?高校毕业生"), AsWritten),
        (new Regex("来穗人员随迁子女"), "来穗人员随迁子女"),
        (new Regex("残疾军人|伤残人民警察"), "残疾军人"),
        (new Regex("残疾人"), "残疾人"),
        (new Regex("最低生活保障家庭|低保(?:家庭|对象)|低收家庭"), "低保家庭"),
        (new Regex("就业困难人员|登记失业人员"), "就业困难人员"),
        (new Regex("高校毕业生"), "高校毕业生"),
        (new Regex("大龄领金人员"), "大龄领金人员"),
        (new Regex("签约居民|已签约家庭医生"), "家庭医生签约居民"),
        (new Regex("长者饭堂运营机构"), "长者饭堂运营机构"),
        (new Regex("导游证"), "导游证"),
    ];

    /// <summary>
    /// Whether a new marker reaches the title after it: nothing in between ends in 的 (首次纳入规模以上统计), or the 的 closes
    /// the granting itself (新认定的国家高新技术企业, 首次获评的); a 的 after other words belongs to something else.
    /// </summary>
    private static bool NewMarkerBinds(string between)
    {
        var de = between.IndexOf('的');
        return de < 0 || (de <= 3 && between.IndexOf('的', de + 1) < 0);
    }

    /// <summary>Wording that asks for the title to be obtained in the period.</summary>
    [GeneratedRegex("首次(?!突破|超过|达到|进入)|新迁入|新认定|新评定|新纳入|新获批|新引进|当年获准|获评|被评为|新入选|新上市|首发上市|新晋|新升规")]
    private static partial Regex NewMarker();

    /// <summary>A title named by how it was granted: 经…认定的X, 取得/获得X认定|称号|证书, 被评为X.</summary>
    [GeneratedRegex("经[^，。；的]{0,12}认定的(?<t>[^，。；、]{2,24})|(?:取得|获得|获)(?<t>[^，。；]{2,30}?)(?:认定|称号|证书)|(?:被评为|新评定为|被认定为|认定为|获评)(?<t>[^，。；]{2,30})")]
    private static partial Regex Granted();

    [GeneratedRegex("(?:首次|新)(?:或新迁入)?(?:纳入|被纳入|获得|取得|获批|承担|引进或新获批|引进|评定为|迁入|(?:被)?(?:认定|评定|获评|认证)(?:为|的)?)(?<t>[^，。；]{2,30}?)(?=给予|予以|奖励|补贴|补助|资助|一次性|分别|$)")]
    private static partial Regex NewlyGranted();

    /// <summary>A title that is only the object of a service or the name of a subsidy: 为签约居民提供, 培育…企业, 残疾人两项补贴,
    /// 参与…企业技术中心等创新平台建设 (the platform the enterprise joins in building, not a title it holds).</summary>
    [GeneratedRegex("(?:(?<!限额|标准|额度|对象|主体|单位|企业|应|须|需|均|定|评|成|列)为|培育|向|与|服务|推动|支持|引导|培养)[\\p{IsCJKUnifiedIdeographs}-[为是]]{0,4}[“\"]?$|(?:申报|申请)认定为[^，。；]{0,8}$|(?:参与|参加)[^，。；]{0,40}$")]
    private static partial Regex ObjectBefore();

    [GeneratedRegex("^[”\"]?(?:两项|护理|生活)?(?:补贴|津贴)|^[”\"]?(?:名录|参照|方向发展|发展|培育|供应链)")]
    private static partial Regex NameAfter();

    /// <summary>A definition (小微企业是指…, 专精特新中小企业参照国家有关部门名录认定) explains a word; it asks nothing.</summary>
    [GeneratedRegex("是指|所称|所指|参照[^，。；]{0,16}(?:认定|确定)$")]
    private static partial Regex Definition();

    /// <summary>An aside that lists examples or inclusions ((包括小微企业、个体工商户…), （含残疾人）): the titles in it are not conditions.</summary>
    [GeneratedRegex("[（(](?:包括|含|如|指|即)[^）)]*(?:[）)]|$)")]
    private static partial Regex Aside();

    /// <summary>Titles listed together (国家和市级“专精特新”中小企业及“小巨人”企业) are alternatives: one condition.</summary>
    [GeneratedRegex("^[^，。；的]{0,40}?[及和、或与（(][^，。；的]{0,40}$")]
    private static partial Regex ListGap();

    public static IEnumerable<EligibilityCondition> Find(Piece piece)
    {
        if (ClausePieces.IsAction(piece) || Definition().IsMatch(piece.Text)) yield break;
        var text = piece.Text;
        var newMarkers = NewMarker().Matches(text);
        var asides = Aside().Matches(text).Select(a => (a.Index, End: a.Index + a.Length)).ToList();
        var hits = new List<(int Start, int End, string Title, bool Object)>();
        foreach (var (pattern, title) in Known)
        {
            foreach (Match m in pattern.Matches(text))
            {
                if (hits.Any(h => m.Index < h.End && h.Start < m.Index + m.Length)) continue;
                if (asides.Any(a => a.Index < m.Index && m.Index < a.End)) continue;
                var isObject = ObjectBefore().IsMatch(text[..m.Index]) || NameAfter().IsMatch(text[(m.Index + m.Length)..]);
                hits.Add((m.Index, m.Index + m.Length, title.Length > 0 ? title : Written(m.Value), isObject));
            }
        }
        hits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var previousEnd = -1;
        string? previousTitle = null;
        var previousObject = false;
        foreach (var (start, end, title, isObject) in hits)
        {
            var listed = previousEnd >= 0 && (title == previousTitle || ListGap().IsMatch(text[previousEnd..start]));
            previousEnd = end;
            // 培育国家高新技术企业、金种子企业、“专精特新”企业: a title listed after an object is an object too.
            if (listed || isObject)
            {
                previousObject = isObject || (listed && previousObject);
                continue;
            }
            previousObject = false;
            previousTitle = title;
            if (GroupName().Match(text, end) is { Success: true } group)
            {
                yield return Make(piece, ConditionType.Title, group.Groups["t"].Value);
                yield break;
            }
            // 连续三年保持在规模以上 is a held status; a new marker after the title belongs to something else.
            var isNew = newMarkers.Any(nm => nm.Index < start + 1 && (nm.Index + nm.Length >= start || NewMarkerBinds(text[(nm.Index + nm.Length)..start])))
                || newMarkers.Any(nm => nm.Index >= start && nm.Index < end);
            yield return Make(piece, isNew ? ConditionType.NewTitle : ConditionType.Title, title);
        }
        if (hits.Count > 0) yield break;
        var isNewPiece = newMarkers.Count > 0;
        if (isNewPiece && NewlyGranted().Match(text) is { Success: true } ng)
        {
            yield return Make(piece, ConditionType.NewTitle, Clean(ng.Groups["t"].Value));
            yield break;
        }
        if (ListedThisYear().Match(text) is { Success: true } ly)
        {
            yield return Make(piece, ConditionType.NewTitle, Clean(ly.Groups["t"].Value));
            yield break;
        }
        if (Granted().Match(text) is { Success: true } g && !text.Contains("不得", StringComparison.Ordinal) && !text.Contains("不予", StringComparison.Ordinal))
        {
            var t = Clean(g.Groups["t"].Value);
            if (!NotATitle().IsMatch(t)) yield return Make(piece, isNewPiece ? ConditionType.NewTitle : ConditionType.Title, t);
        }
    }

    private static string Written(string text) => BracketedAside().Replace(text, "").Replace("的", "", StringComparison.Ordinal);

    [GeneratedRegex("（[^）]*）|\\([^)]*\\)")]
    private static partial Regex BracketedAside();

    /// <summary>A list of people or firms the text names as one group (（以下简称重点扶持对象）): the group's name is the title.</summary>
    [GeneratedRegex("[（(]以下简称“?(?<t>[^）)”]{2,12})”?[）)]")]
    private static partial Regex GroupName();

    /// <summary>当年获准在北京四板市场文化创意板挂牌: being admitted to a board or list in the year is a new title.</summary>
    [GeneratedRegex("当年获准(?:在)?(?<t>[^，。；]{2,30}?)(?:的|$)")]
    private static partial Regex ListedThisYear();

    /// <summary>A title as named, with alternatives written A/B (农业领域全国重点实验室/国家工程研究中心; 药品/医疗器械注册批件).</summary>
    private static string Clean(string title) => TitleAlternatives.Join(title.Trim().Replace("的", "", StringComparison.Ordinal));

    /// <summary>What 经认定的/获得…认定 also precede that is not a status: amounts, shares, acts.</summary>
    [GeneratedRegex("[0-9０-９%％]|比例|投资|金额|行为|费用|资金")]
    private static partial Regex NotATitle();

    private static EligibilityCondition Make(Piece piece, ConditionType type, string title) => new()
    {
        Type = type,
        Span = piece.Span,
        Title = title,
    };
}
