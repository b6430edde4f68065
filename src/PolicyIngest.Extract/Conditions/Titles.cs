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
        (new Regex("上市公司"), "上市公司"),
        (new Regex("中小微企业"), "中小微企业"),
        (new Regex("成长型中小企业"), "成长型中小企业"),
        (new Regex("小微(?:企业)?|小型企业或微型企业|小型、微型企业"), "小微企业"),
        (new Regex("中华老字号|北京老字号|老字号"), "中华老字号"),
        (new Regex("外商投资企业"), "外商投资企业"),
        (new Regex("外贸综合服务(?:试点|示范)?企业"), "外贸综合服务企业"),
        (new Regex("产业链龙头企业"), "产业链龙头企业"),
        (new Regex("非本市户籍[^，。；]{0,12}人员"), "非本市户籍人员"),
        (new Regex("居住证持证人|居民居住证"), "居住证持有人"),
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

    /// <summary>Wording that asks for the title to be obtained in the period.</summary>
    [GeneratedRegex("首次(?!突破|超过|达到|进入)|新迁入|新认定|新评定|新纳入|新获批|新引进|当年获准|获评|新入选")]
    private static partial Regex NewMarker();

    /// <summary>A title named by how it was granted: 经…认定的X, 取得/获得X认定|称号|证书, 被评为X.</summary>
    [GeneratedRegex("经[^，。；的]{0,12}认定的(?<t>[^，。；、]{2,24})|(?:取得|获得|获)(?<t>[^，。；]{2,30}?)(?:认定|称号|证书)|(?:被评为|新评定为|被认定为|认定为)(?<t>[^，。；]{2,30})")]
    private static partial Regex Granted();

    [GeneratedRegex("(?:首次|新)(?:或新迁入)?(?:纳入|被纳入|获得|取得|获批|承担|引进或新获批|引进|评定为|迁入)(?<t>[^，。；]{2,30})")]
    private static partial Regex NewlyGranted();

    /// <summary>A title that is only the object of a service or the name of a subsidy: 为签约居民提供, 培育…企业, 残疾人两项补贴.</summary>
    [GeneratedRegex("(?:为|培育|向|与|服务|推动|支持|引导|培养)[\\p{IsCJKUnifiedIdeographs}]{0,4}[“\"]?$")]
    private static partial Regex ObjectBefore();

    [GeneratedRegex("^[”\"]?(?:两项|护理|生活)?(?:补贴|津贴)|^[”\"]?(?:名录|参照|方向发展|发展|培育)")]
    private static partial Regex NameAfter();

    /// <summary>A definition (小微企业是指…) explains a word; it asks nothing.</summary>
    [GeneratedRegex("是指|所称|所指")]
    private static partial Regex Definition();

    /// <summary>Titles listed together (国家和市级“专精特新”中小企业及“小巨人”企业) are alternatives: one condition.</summary>
    [GeneratedRegex("^[^，。；的]{0,40}?[及和、或与（(][^，。；的]{0,40}$")]
    private static partial Regex ListGap();

    public static IEnumerable<EligibilityCondition> Find(Piece piece)
    {
        if (ClausePieces.IsAction(piece) || Definition().IsMatch(piece.Text)) yield break;
        var text = piece.Text;
        var newMarkers = NewMarker().Matches(text);
        var hits = new List<(int Start, int End, string Title)>();
        foreach (var (pattern, title) in Known)
        {
            foreach (Match m in pattern.Matches(text))
            {
                if (hits.Any(h => m.Index < h.End && h.Start < m.Index + m.Length)) continue;
                if (ObjectBefore().IsMatch(text[..m.Index]) || NameAfter().IsMatch(text[(m.Index + m.Length)..])) continue;
                hits.Add((m.Index, m.Index + m.Length, title));
            }
        }
        hits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var previousEnd = -1;
        string? previousTitle = null;
        foreach (var (start, end, title) in hits)
        {
            var listed = previousEnd >= 0 && (title == previousTitle || ListGap().IsMatch(text[previousEnd..start]));
            previousEnd = end;
            if (listed) continue;
            previousTitle = title;
            // 连续三年保持在规模以上 is a held status; a new marker after the title belongs to something else.
            var isNew = newMarkers.Any(nm => nm.Index < start + 1 && !text.AsSpan(nm.Index, start - nm.Index).Contains('的'))
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
        if (Granted().Match(text) is { Success: true } g && !text.Contains("不得", StringComparison.Ordinal) && !text.Contains("不予", StringComparison.Ordinal))
        {
            var t = Clean(g.Groups["t"].Value);
            if (!NotATitle().IsMatch(t)) yield return Make(piece, isNewPiece ? ConditionType.NewTitle : ConditionType.Title, t);
        }
    }

    private static string Clean(string title) => title.Trim().Replace("的", "", StringComparison.Ordinal);

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
