using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Extract.Amounts;

/// <summary>
/// The words around a number that decide what it is. Each rule looks only inside the number's phrase:
/// back to the previous number or the nearest ，；。：, and forward to the next such mark.
/// </summary>
internal static partial class Cues
{
    private static readonly string[] AwardVerbs =
    [
        "给予", "奖励", "补贴", "补助", "资助", "支持", "扶持", "奖补", "贴息", "兑现", "发放", "配套", "返还", "分别", "再给予", "额外给予", "给",
    ];

    /// <summary>What the applicant does or has (a condition when compared with a sum), not what it gets.</summary>
    private static readonly string[] MeasureNouns =
    [
        "投资", "投入", "营业额", "营业收入", "主营业务收入", "收入", "销售额", "销售收入", "产值", "营收", "研发费用", "研发经费", "订单",
        "税收", "纳税", "注册资本", "融资额", "融资", "贷款", "合同额", "合同金额", "交易额", "成交额", "利润", "资产", "出口额", "进出口额",
        "实缴", "违法所得", "货值", "工程造价", "造价", "估值", "市值", "规上", "年营", "产出", "业务额", "结算额", "采购额", "投资额", "增加值", "价格", "售价", "单价", "履约金额", "采购金额", "销售金额", "入表金额", "交易金额", "实际出资额", "出资到位金额", "实缴资本", "营运资金", "注册资金", "净资产", "总资产", "资产总额",
    ];

    private static readonly string[] CapWords = ["不超过", "不高于", "最高", "最多", "上限", "封顶", "至多", "不多于", "限额", "以内"];
    private static readonly string[] FloorWords = ["最低", "不低于", "不少于", "至少", "保底"];

    public static (AmountRole Role, bool HadCue) AmountRole(string text, Mention m, int previousEnd)
    {
        var p = text[PhraseStart(text, m.Start, previousEnd)..m.Start];
        var s = After(text, m.End);

        if (PenaltyAfter().IsMatch(s) || PenaltyBefore().IsMatch(p)) return (Core.Model.AmountRole.Penalty, true);

        var lastAward = LastIndex(p, AwardVerbs);
        var lastMeasure = LastIndex(p, MeasureNouns);
        var lastCompare = LastCompare(p);
        var above = AboveAfter().IsMatch(s);
        var below = BelowAfter().IsMatch(s);

        if (IsFund(p, s)) return (Core.Model.AmountRole.Fund, true);

        if ((lastCompare >= 0 || (lastMeasure >= 0 && m.High is not null)) && RefusalAfter().IsMatch(s) && lastAward < lastCompare)
            return (Core.Model.AmountRole.Other, true);

        // The measure must be the sum's own subject: 营业收入不超过2000万元, not 贷款市场报价利率（LPR）、单个企业年度不超过3000万元.
        var measureNearest = lastMeasure >= 0 && lastMeasure > lastAward && IsOwnSubject(p[(lastMeasure + 1)..]);
        var compareNearest = lastCompare >= 0 && lastCompare > lastAward;
        if (measureNearest || (compareNearest && !ContainsAny(p[(lastCompare)..], CapWords)) || (above && lastAward < 0 && !FloorAward(s)))
            return (Core.Model.AmountRole.Threshold, true);

        if (m.High is not null) return (Core.Model.AmountRole.Range, true);

        // Bound words count near the award: 给予不超过, 最高可给予; not 不少于1000公斤…分别给予500万元.
        var bounds = lastAward >= 0 ? p[Math.Max(0, LastStart(p, AwardVerbs) - 5)..] : p;
        // 营业收入…在2亿元（含）以下 with no award in sight is a condition; 给予5万元以下的补助 is a cap.
        if (below && lastAward < 0 && !AwardNear().IsMatch(s) && !ContainsAny(bounds, CapWords)) return (Core.Model.AmountRole.Threshold, true);
        if (ContainsAny(bounds, CapWords) || below || CapAfter().IsMatch(s)) return (Core.Model.AmountRole.Cap, true);
        if (ContainsAny(bounds, FloorWords) || above)
        {
            // 不低于2000万元的本市企业: with no award in sight a lower bound is a condition.
            var conditionLike = lastAward < 0 && (bounds.Contains("不低于", StringComparison.Ordinal) || bounds.Contains("不少于", StringComparison.Ordinal));
            return (conditionLike ? Core.Model.AmountRole.Threshold : Core.Model.AmountRole.Floor, true);
        }
        if (lastAward >= 0 || AwardNear().IsMatch(s)) return (Core.Model.AmountRole.Fixed, lastAward >= 0);
        return (Core.Model.AmountRole.Other, false);
    }

    public static (RateRole Role, bool HadCue, string? Base) RateRole(string text, Mention m, int previousEnd)
    {
        var p = text[PhraseStart(text, m.Start, previousEnd)..m.Start];
        var s = After(text, m.End);

        // A fine as a share: 百分之一以上百分之十以下 is a rate range, 百分之十以下 at most a share.
        if (PenaltyAfter().IsMatch(s))
            return (m.High is null && BelowAfter().IsMatch(s) ? Core.Model.RateRole.RateCap : Core.Model.RateRole.Rate, true, RateBase(p));

        // 给予不超过合同额20%; 最高不超过智能算力合同额的20%: a capped share of a named base.
        var cappedShare = CappedShare().Match(p);
        if (cappedShare.Success)
        {
            var b = BaseTail().Replace(cappedShare.Groups["base"].Value, "").Trim();
            return (Core.Model.RateRole.RateCap, true, b.Length is > 0 and <= 25 ? b : null);
        }

        // 贴息率不超过2%, 奖励比例不超过20％: the share of an award itself.
        var awardShare = AwardShareNoun().Match(p);
        if (awardShare.Success)
            return (ContainsAny(awardShare.Value, CapWords) || BelowAfter().IsMatch(s) ? Core.Model.RateRole.RateCap : Core.Model.RateRole.Rate, true, null);

        var byShare = ShareOf().IsMatch(p) || RatioAfter().IsMatch(s) || AwardAfter().IsMatch(s)
                      || (LastIndex(p, AwardVerbs) >= 0 && p.TrimEnd().EndsWith('的'));
        if (byShare)
        {
            var capped = ContainsAny(p, CapWords) || BelowAfter().IsMatch(s);
            return (capped ? Core.Model.RateRole.RateCap : Core.Model.RateRole.Rate, true, RateBase(p));
        }
        if (ContainsAny(p, CapWords) && LastIndex(p, MeasureNouns) < 0 && LastIndex(p, AwardVerbs) >= 0)
            return (Core.Model.RateRole.RateCap, true, null);
        if (Obligation().IsMatch(p)) return (Core.Model.RateRole.Other, true, null);
        if (LastCompare(p) >= 0 || ContainsAny(p, FloorWords) || ContainsAny(p, CapWords) || AboveAfter().IsMatch(s) || RateMeasure().IsMatch(p))
            return (Core.Model.RateRole.Threshold, true, null);
        return (Core.Model.RateRole.Other, false, null);
    }

    /// <summary>What the amount is counted per, when its phrase (back to the previous number) says so.</summary>
    public static string? Per(string text, Mention m, int previousEnd)
    {
        var p = text[PhraseStart(text, m.Start, previousEnd)..m.Start];
        var enterprise = EnterpriseScope().IsMatch(p);
        var year = YearScope().IsMatch(p) || m.Unit.EndsWith("/年", StringComparison.Ordinal);
        if (enterprise && year) return "enterprise-year";
        if (ProjectScope().IsMatch(p)) return "project";
        if (ItemScope().IsMatch(p)) return "item";
        if (enterprise) return "enterprise";
        if (year) return "year";
        if (p.Contains("一次性", StringComparison.Ordinal)) return "once";
        if (p.Contains("累计", StringComparison.Ordinal)) return "cumulative";
        return PerAfter(text, m);
    }

    /// <summary>A scope written right after the sum: 30万元一次性资金支持.</summary>
    public static string? PerAfter(string text, Mention m)
    {
        var s = text.AsSpan(m.End, Math.Min(10, text.Length - m.End));
        var stop = s.IndexOfAny('，', '。', '；');
        if (stop >= 0) s = s[..stop];
        return s.Contains("一次性", StringComparison.Ordinal) ? "once" : null;
    }

    /// <summary>每增加一家再额外给予5万元 → 每增加一家; 每满一万人奖励一万元 → 每满一万人.</summary>
    public static string? IncrementCondition(string text, Mention m, int previousEnd)
    {
        var p = text[PhraseStart(text, m.Start, previousEnd)..m.Start];
        var inc = Increment().Match(p);
        return inc.Success ? inc.Value : null;
    }

    /// <summary>Where the sentence holding <paramref name="at"/> starts, looking back no further than <paramref name="floor"/>.</summary>
    public static int SentenceStart(string text, int at, int floor = 0)
    {
        floor = Math.Max(0, floor);
        var i = LastIndexOfAny(text, ['。', '；', ';', '！', '？', '\n'], at, floor);
        return i < 0 ? floor : i + 1;
    }

    public static string PhraseBefore(string text, int at, int previousEnd) =>
        text[PhraseStart(text, at, previousEnd)..at];

    public static string AfterLastAwardVerb(string phrase)
    {
        var best = -1;
        var len = 0;
        foreach (var verb in AwardVerbs)
        {
            var i = phrase.LastIndexOf(verb, StringComparison.Ordinal);
            if (i > best) { best = i; len = verb.Length; }
        }
        return best < 0 ? "" : phrase[(best + len)..];
    }

    public static string StripAwardWords(string label) => AwardWordsAround().Replace(label, "").Trim();

    /// <summary>设立规模不低于1亿元的引导资金; 每年安排旅游引导资金1000万元: the size of a fund or budget, set up in this phrase.</summary>
    private static bool IsFund(string p, string s)
    {
        if (FundScaleBefore().IsMatch(p)) return true;
        var verb = FundVerb().Match(p);
        if (!verb.Success) return false;
        var afterVerb = p[verb.Index..];
        var fundNoun = FundNoun().IsMatch(afterVerb) || FundNounAfter().IsMatch(s);
        var award = LastIndex(afterVerb, AwardVerbs.Where(v => v is not ("支持" or "扶持" or "配套")).ToArray());
        return fundNoun && award < 0;
    }

    private static bool IsOwnSubject(string between)
    {
        // 营业额（以住宿、餐饮、门票等发票为准）10万元以上: a bracketed note does not separate a measure from its sum.
        var plain = Bracketed().Replace(between, "");
        return plain.Length <= 10 && !plain.Contains('、');
    }

    [GeneratedRegex("（[^（）]*）|\\([^()]*\\)")]
    private static partial Regex Bracketed();

    private static bool FloorAward(string s) => AwardAfter().IsMatch(s);

    private static string? RateBase(string p)
    {
        var match = BaseCue().Match(p);
        if (!match.Success) return null;
        var b = Clean(p[(match.Index + match.Length)..]);
        if (b.Length == 0)
        {
            // 按照实际发生费用给予最高70%: the base sits between 按照 and the award verb.
            var between = BaseBetween().Match(p);
            if (between.Success) b = Clean(between.Groups["base"].Value);
        }
        return b.Length is > 0 and <= 25 ? b : null;

        static string Clean(string raw) => BaseTail().Replace(BaseLead().Replace(raw, ""), "").Trim();
    }

    /// <summary>
    /// Where the phrase before <paramref name="at"/> starts: after the nearest ，；。： mark, but never before
    /// <paramref name="floor"/> (the previous number's end). The search stops at the floor, so a clause of many
    /// numbers and no punctuation costs linear time (it scanned back to the text's start for every number: minutes
    /// for a 2 MB line).
    /// </summary>
    private static int PhraseStart(string text, int at, int floor)
    {
        floor = Math.Max(0, floor);
        var i = LastIndexOfAny(text, ['，', ',', '。', '；', ';', '：', ':', '！', '？', '\n'], at, floor);
        return i < 0 ? floor : i + 1;
    }

    /// <summary>The last index in [floor, at) of one of <paramref name="marks"/>, else -1.</summary>
    private static int LastIndexOfAny(string text, char[] marks, int at, int floor)
    {
        if (at <= floor) return -1;
        var i = text.AsSpan(floor, at - floor).LastIndexOfAny(marks);
        return i < 0 ? -1 : floor + i;
    }

    /// <summary>
    /// Every rule that reads after a number is anchored right after it and looks a few characters ahead (the longest,
    /// RefusalAfter, about 12): the phrase after is cut at its mark, and at <see cref="AfterWindow"/> characters.
    /// </summary>
    private const int AfterWindow = 64;

    private static string After(string text, int from)
    {
        var window = Math.Min(AfterWindow, text.Length - from);
        var i = text.AsSpan(from, window).IndexOfAny(['，', ',', '。', '；', ';', '！', '？', '\n']);
        return text.Substring(from, i < 0 ? window : i);
    }

    private static int LastIndex(string p, string[] words)
    {
        var best = -1;
        foreach (var w in words)
        {
            var i = p.LastIndexOf(w, StringComparison.Ordinal);
            if (i >= 0 && i + w.Length - 1 > best) best = i + w.Length - 1;
        }
        return best;
    }

    private static int LastStart(string p, string[] words)
    {
        var best = -1;
        foreach (var w in words) best = Math.Max(best, p.LastIndexOf(w, StringComparison.Ordinal));
        return best;
    }

    private static int LastCompare(string p)
    {
        var best = -1;
        foreach (Match c in Compare().Matches(p)) best = c.Index + c.Length - 1;
        return best;
    }

    /// <summary>Comparisons that make a sum a condition; 不超过/不低于 are bounds on an award, not comparisons.</summary>
    [GeneratedRegex("(?<!不)(?:超过|高于|大于|低于|少于|多于|小于)|达到|突破|满(?!足|意)|不足|不满|累计达")]
    private static partial Regex Compare();

    private static bool ContainsAny(string p, string[] words) => words.Any(w => p.Contains(w, StringComparison.Ordinal));

    [GeneratedRegex("^(?:（含）|\\(含\\))?(?:以上|以下)?(?:的)?(?:罚款|罚金)")]
    private static partial Regex PenaltyAfter();

    [GeneratedRegex("(?:罚款|罚金|处以|并处)(?:人民币)?[ \u00A0]?$")]
    private static partial Regex PenaltyBefore();

    [GeneratedRegex("^(?:（含）|\\(含\\))?(?:及|或)?以上")]
    private static partial Regex AboveAfter();

    [GeneratedRegex("^(?:（含）|\\(含\\))?(?:以下|以内|为限)")]
    private static partial Regex BelowAfter();

    [GeneratedRegex("^(?:（含）|\\(含\\))?(?:封顶|为上限)")]
    private static partial Regex CapAfter();

    [GeneratedRegex("^(?:（含）|\\(含\\))?[^，。；]{0,4}?(?:不予|不再|不给予|不列入)")]
    private static partial Regex RefusalAfter();

    [GeneratedRegex("^(?:的)?(?:一次性)?(?:资金|奖励|补贴|补助|奖补|资助|支持|扶持|贴息|经费)")]
    private static partial Regex AwardAfter();

    /// <summary>An award word shortly after the sum: 10元/公斤的标准给予补贴, 50万元资金支持.</summary>
    [GeneratedRegex("^[^，。；;]{0,6}?(?:给予|予以|资金|奖励|补贴|补助|奖补|资助|支持|扶持|贴息|经费)")]
    private static partial Regex AwardNear();

    [GeneratedRegex("规模(?:达到|不低于|不少于|为|约|共|达|超过)?[ \u00A0]?$")]
    private static partial Regex FundScaleBefore();

    [GeneratedRegex("(?:引导资金|专项资金|发展资金|扶持资金|产业基金|投资基金|基金|资金池|风险补偿金|财政资金|预算|资金规模)")]
    private static partial Regex FundNoun();

    [GeneratedRegex("^[^，。；]{0,4}?(?:的)?(?:引导资金|专项资金|发展资金|产业基金|投资基金|基金|资金池|风险补偿金)")]
    private static partial Regex FundNounAfter();

    [GeneratedRegex("(?:设立|安排|设置|统筹|筹集|募集|发起|组建|列支)")]
    private static partial Regex FundVerb();

    [GeneratedRegex("(?:按照|按|依照|参照)")]
    private static partial Regex ShareOf();

    [GeneratedRegex("(?:贴息率|贴息比例|费率|补贴比例|补贴标准|奖励比例|补助比例|资助比例|支持比例|奖补比例|贴费比例)(?:为|按|最高|不超过|不高于|原则上)*[ \u00A0]*$")]
    private static partial Regex AwardShareNoun();

    [GeneratedRegex("(?:(?:给予|补贴|奖励|补助|予以)[^，。；;]{0,3}(?:不超过|最高|不高于)|(?:不超过|最高不超过|最高|不高于)(?=[^，。；;]{1,25}的[ \u00A0]*$))(?<base>[^，。；;]{0,25}?)[ \u00A0]*$")]
    private static partial Regex CappedShare();

    [GeneratedRegex("^(?:的)?(?:比例|给予|奖励|补贴|补助|贴息|进行奖励|予以)")]
    private static partial Regex RatioAfter();

    [GeneratedRegex("(?:应|须|需|必须|应当)(?:不低于|不少于|达到|保持|在)")]
    private static partial Regex Obligation();

    [GeneratedRegex("(?:率|比例|比重|占比|增速|增长|增幅|下降|降低|提高|提升)")]
    private static partial Regex RateMeasure();

    [GeneratedRegex(".*(?:按照|按其|按|依照|参照|并处|处以|处|奖励|补贴|补助|给予)")]
    private static partial Regex BaseCue();

    [GeneratedRegex("按(?:照|其)?(?<base>[^，。；;]{1,30}?)(?:的)?(?:给予|予以|进行)")]
    private static partial Regex BaseBetween();

    [GeneratedRegex("^(?:不超过|不高于|最高|最多|其|企业|该|上述|不低于|[ \u00A0])+")]
    private static partial Regex BaseLead();

    [GeneratedRegex("(?:的|之|最高|不超过|不高于|最多|[ \u00A0])*$")]
    private static partial Regex BaseTail();

    [GeneratedRegex("(?:每家|每个企业|每户|单家|单个企业|每家企业|每一家|企业每年|每个单位|单个单位)")]
    private static partial Regex EnterpriseScope();

    [GeneratedRegex("(?:每年|(?<![0-9０-９〇零一二三四五六七八九本当该前])(?<!(?<!原则)上)年度|每年度|年均|每一年|/年)")]
    private static partial Regex YearScope();

    [GeneratedRegex("(?:每个项目|单个项目|每一个项目|每一项目|单项目|每个示范项目|单个示范项目|每个课题|单个课题)")]
    private static partial Regex ProjectScope();

    [GeneratedRegex("(?:每项|单项|每一项|每件)")]
    private static partial Regex ItemScope();

    [GeneratedRegex("每(?:增加|新增|多|满|超过|提高|提升)[^，。；、给奖补再]{1,8}")]
    private static partial Regex Increment();

    [GeneratedRegex("^(?:分别)?(?:一次性)?(?:给予|奖励|补贴|补助|资助|支持)?|(?:的)?(?:一次性)?(?:分别)?(?:给予|奖励|补贴|补助|资助)$")]
    private static partial Regex AwardWordsAround();
}
