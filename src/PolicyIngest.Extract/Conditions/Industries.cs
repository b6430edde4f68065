using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Extract.Conditions;

/// <summary>
/// The sector of the applicant, its project or product: 属于/符合/聚焦/围绕/从事 … 产业/领域/行业, or a known sector
/// naming the applicant (制造业企业, 氢能企业, 文化企业). Sectors are kept as written.
/// </summary>
internal static partial class Industries
{
    [GeneratedRegex("(?:属于|符合|聚焦|围绕|从事|面向)(?<body>(?:《[^》]*》|[^，。；《]){2,80}?(?:(?:产业|领域|行业)?(?:以及|和|、)[^，。；《]{2,30}?)*)(?:等)?(?<suffix>产业发展方向|产业领域|重点领域|领域|产业|行业|业态|标准|服务业)")]
    private static partial Regex Framed();

    /// <summary>One sector name as policies write it before 企业/单位 (the list of <see cref="Named"/> repeats it).</summary>
    private const string SectorName = "(?:(?:先进)?制造业|软件和信息技术服务业|软件信息服务业|文化(?:创意)?|氢能|人工智能|医药健康|生物医药|商贸流通业|养老服务|旅行社|跨境电子商务|[\\p{IsCJKUnifiedIdeographs}]{0,4}直播电商|高端仪器装备和传感器|高端仪器装备|集成电路(?:设计)?|新能源汽车|智能网联汽车|商业航天|舞台艺术|软件|医疗器械|数字经济|批发零售|住宿餐饮|物流|科技服务|信息技术|新材料|新能源|节能环保|现代农业|电子商务|跨境电商|会展|餐饮|零售|批发|旅游|体育|影视|动漫|游戏|工业设计|检验检测|人力资源服务|(?<=^|对|的|为|是|、|和|及|与|类|型)(?:(?![对的和及与内外])[\\p{IsCJKUnifiedIdeographs}]){1,4}?(?:制造|服务|零售|批发|餐饮|流通)业)";

    /// <summary>A known sector naming the applicant, or a list of them (制造业及软件和信息技术服务业企业).</summary>
    [GeneratedRegex("(?<body>" + SectorName + "(?:(?:以及|及|和|、|与)" + SectorName + ")*)(?:领域)?(?:重点|龙头|生产|经营)?(?:企业|单位|机构)|(?<body>旅行社)")]
    private static partial Regex Named();

    /// <summary>从事/经营/提供 what the applicant does, up to 的企业/机构: 从事商业火箭、卫星研发、生产或发射经营等活动的企业, 为社区提供养老、托育、家政等服务的机构.</summary>
    [GeneratedRegex("(?:从事|经营|提供)(?<body>[^，。；]{2,40}?)的(?:企事业单位|企业|单位|机构|经营主体|市场主体)")]
    private static partial Regex Engaged();

    /// <summary>What an applicant does to its sector (研发, 生产, 经营 …), cut from the sector's name.</summary>
    [GeneratedRegex("(?:研发|生产|经营|服务|管理|业务|活动|销售|发射|制造|运营|等)+$")]
    private static partial Regex ActivityWords();

    /// <summary>A per-applicant unit of the award (单家文化企业年度…补贴不超过), or the lead of a list of conditions (申报的文化企业须同时满足以下条件).</summary>
    [GeneratedRegex("(?:单家|每家|单个|同一)$")]
    private static partial Regex PerApplicant();

    [GeneratedRegex("(?:以下|下列|如下)[^，。；]{0,6}条件")]
    private static partial Regex ListLead();

    /// <summary>Sections of the national industry classification (GB/T 4754) whose names hold 和/及/、: one sector each, never split.</summary>
    private static readonly string[] CompoundNames =
    [
        "软件和信息技术服务业", "信息传输、软件和信息技术服务业", "文化及相关产业", "批发和零售业", "住宿和餐饮业", "交通运输、仓储和邮政业",
        "租赁和商务服务业", "科学研究和技术服务业", "水利、环境和公共设施管理业", "居民服务、修理和其他服务业", "卫生和社会工作",
        "文化、体育和娱乐业", "电力、热力、燃气及水生产和供应业", "农、林、牧、渔业", "公共管理、社会保障和社会组织",
    ];

    /// <summary>A list with a name after 等 names its category too (智能算力、大模型和应用赋能等人工智能全产业链 → …, 人工智能).</summary>
    [GeneratedRegex("等(?<name>[\\p{IsCJKUnifiedIdeographs}]{2,12}?)(?:全产业链|产业链|全链条|全)?$")]
    private static partial Regex Category();

    /// <summary>Words that show a 符合/围绕 frame is about rules or plans, not a sector.</summary>
    [GeneratedRegex("条件|规定|要求|程序|政策|办法|定位|标准化|标准体系|申报|规划(?!》)|资格|布局|需要|补短板|技术标准|十大|关键|战略定位|发展战略|任务|细分|方面|前提|首批次|目录")]
    private static partial Regex NotASector();

    /// <summary>A plan or catalogue the sector is named through: 《…规划》所支持的人工智能 → 人工智能; 《文化及相关产业分类》 → 文化及相关产业.</summary>
    [GeneratedRegex("^(?:国家统计局)?《[^》]*》(?:所支持的)?|^某一")]
    private static partial Regex Qualifier();

    [GeneratedRegex("《(?<name>[^》(（]*?)分类")]
    private static partial Regex Classification();

    /// <summary>An award or application frame: the sector named there is the applicant's.</summary>
    [GeneratedRegex("^对|给予|奖励|补贴|补助|支持|申报|申请|应为|须为")]
    private static partial Regex ApplicantFrame();

    /// <param name="pays">Whether the clause pays an award: then 鼓励/支持 + a sector's enterprises names who is encouraged to apply.</param>
    public static IEnumerable<EligibilityCondition> Find(Piece piece, bool pays = false)
    {
        var text = piece.Text;
        if (ListLead().IsMatch(text)) yield break;
        if (ClausePieces.IsAction(piece))
        {
            // 鼓励区内制造业企业开展技改升级…给予支持: the sector names the applicants the award is for.
            if (pays && EncouragedLead().IsMatch(text) && Named().Match(text) is { Success: true } en && en.Value.Length > en.Groups["body"].Length)
                yield return Make(piece, Sectors(en.Groups["body"].Value));
            yield break;
        }
        if (Classification().Match(text) is { Success: true } c && text.Contains("符合", StringComparison.Ordinal))
        {
            yield return Make(piece, [c.Groups["name"].Value]);
            yield break;
        }
        if (Engaged().Match(text) is { Success: true } e && !NotASector().IsMatch(e.Groups["body"].Value) && EngagedSectors(e.Groups["body"].Value) is { Count: > 0 } engaged)
        {
            yield return Make(piece, engaged);
            yield break;
        }
        if (Framed().Match(text) is { Success: true } f && !NotASector().IsMatch(f.Groups["suffix"].Value + text[(f.Index + f.Length)..Math.Min(text.Length, f.Index + f.Length + 6)]))
        {
            // 符合首都城市战略定位和高精尖产业发展方向: the plan words joined to a sector are dropped, the sector kept.
            var parts = ListPart().Split(f.Groups["body"].Value);
            var body = NotASector().IsMatch(parts[^1] + f.Groups["suffix"].Value) ? "" : string.Join("和", parts.Where(p => !NotASector().IsMatch(p)));
            var sectors = body.Length < 2 ? [] : Split(body, f.Groups["suffix"].Value);
            if (sectors.Count > 0)
            {
                yield return Make(piece, sectors);
                yield break;
            }
        }
        if (Named().Match(text) is { Success: true } n && (ApplicantFrame().IsMatch(text) || n.Index == 0 || text[n.Index - 1] is '的' or '为' or '是')
            && !PerApplicant().IsMatch(text[..n.Index]))
        {
            yield return Make(piece, Sectors(n.Groups["body"].Value));
        }
    }

    [GeneratedRegex("^(?:鼓励|支持|引导)")]
    private static partial Regex EncouragedLead();

    /// <summary>The sectors of 从事/提供 …: the items of its list with the activities cut off (商业火箭、卫星研发 → 商业火箭, 卫星).</summary>
    private static List<string> EngagedSectors(string body)
    {
        var items = Sectors(ActivityWords().Replace(body, "").Replace("或", "、", StringComparison.Ordinal));
        return items.Select(i => ActivityWords().Replace(i, "")).Select(i => i.StartsWith("为", StringComparison.Ordinal) ? "" : i)
            .Where(i => i.Length >= 2).Distinct().ToList();
    }

    /// <summary>
    /// The sectors a name lists: 高端仪器装备和传感器 → 高端仪器装备, 传感器; a classification's own name (软件和信息技术服务业) stays whole.
    /// </summary>
    private static List<string> Sectors(string name)
    {
        var s = Encouraging().Replace(name.Trim(), "");
        var kept = new List<string>();
        if (Category().Match(s) is { Success: true } c && s.Contains('、'))
        {
            kept.Add(c.Groups["name"].Value);
            s = s[..c.Index];
        }
        foreach (var compound in CompoundNames)
        {
            if (!s.Contains(compound, StringComparison.Ordinal)) continue;
            kept.Add(compound);
            s = s.Replace(compound, "、", StringComparison.Ordinal);
        }
        var parts = SectorSeparator().Split(s).Select(x => x.Trim().TrimEnd('等')).Where(x => x.Length >= 2);
        return kept.Concat(parts).ToList() is { Count: > 0 } all ? all : [name];
    }

    [GeneratedRegex("、|以及|和|及|与|/")]
    private static partial Regex SectorSeparator();

    /// <summary>The verb a name was caught with at the start of a sentence (鼓励制造业企业…): not part of the sector.</summary>
    [GeneratedRegex("^(?:鼓励|支持|引导|推动|推进)")]
    private static partial Regex Encouraging();

    /// <summary>The joints of a framed list whose parts a plan word may spoil (和, 以及); 、 lists stay together.</summary>
    [GeneratedRegex("以及|和(?![^、]*、)")]
    private static partial Regex ListPart();

    private static List<string> Split(string body, string suffix)
    {
        var s = Qualifier().Replace(body, "").Trim();
        // A list names several sectors; a single name (中关村示范区高精尖产业领域) is kept whole, with its 产业/领域.
        if (!SectorSeparator().IsMatch(s) || CompoundNames.Contains(s + suffix))
        {
            var whole = (s + suffix.Replace("发展方向", "", StringComparison.Ordinal)).Trim();
            return whole.Length >= 2 ? [whole] : [];
        }
        // 北京市重点发展的战略性新兴产业以及现代服务业: what qualifies the list (…的) is not a sector.
        var de = s.LastIndexOf('的');
        return Sectors(de >= 0 && de < s.Length - 2 ? s[(de + 1)..] : s);
    }

    private static EligibilityCondition Make(Piece piece, IReadOnlyList<string> sectors) => new()
    {
        Type = ConditionType.Industry,
        Span = piece.Span,
        Sectors = sectors,
    };
}
