using System.Globalization;
using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Extract.Conditions;

/// <summary>
/// When something must have happened: dated windows (2023年1月1日至11月30日, 2020年1月后, 2023年5月前, 截至2023年9月20日)
/// and windows relative to the application (近2年内, 上一年度1月1日（含）以后). "X前" excludes day X.
/// </summary>
internal static partial class TimeWindows
{
    private const string Date = "(?<y{0}>[0-9]{{4}})年(?:(?<m{0}>[0-9]{{1,2}})月(?:(?<d{0}>[0-9]{{1,2}})日)?)?";
    private const string ShortDate = "(?:(?<y{0}>[0-9]{{4}})年)?(?<m{0}>[0-9]{{1,2}})月(?:(?<d{0}>[0-9]{{1,2}})日)?";
    private const string Incl = "(?:（含）|\\(含\\))?";

    /// <summary>2022年至2024年期间, 2022年至申报截止日: a year (or date) to a year, or to the application's deadline.</summary>
    private static readonly Regex ToYear = new(string.Format(CultureInfo.InvariantCulture, Date, 1) + Incl + "(?:至|到|—|－|-|~|～)(?:(?<y2>[0-9]{4})年(?![0-9]{1,2}月)|(?<deadline>申报截止日|申报截止之日|申报之日|申请之日))", RegexOptions.Compiled);

    /// <summary>2023年新认定的, 2024年度完成投资的: a year in which the event asked for happened.</summary>
    private static readonly Regex EventYear = new("(?<![0-9])(?<y1>[0-9]{4})年度?(?![0-9]{1,2}月|[0-9])(?:内|期间)?(?:新|首次)?(?:认定|评定|获评|获批|获得|取得|完成|建成|投产|竣工|开工|新增|纳入|入选|注册|设立|迁入|落户|签订|上市|挂牌|实施|启动)", RegexOptions.Compiled);

    private static readonly Regex Between = new(string.Format(CultureInfo.InvariantCulture, Date, 1) + Incl + "(?:至|到|—|－|-|~|～)" + string.Format(CultureInfo.InvariantCulture, ShortDate, 2) + Incl, RegexOptions.Compiled);
    private static readonly Regex After = new(string.Format(CultureInfo.InvariantCulture, Date, 1) + Incl + "(?:及)?(?:以后|之后|以来|后|起)", RegexOptions.Compiled);
    private static readonly Regex BeforeDate = new(string.Format(CultureInfo.InvariantCulture, Date, 1) + "(?:之前|以前|前)", RegexOptions.Compiled);
    private static readonly Regex YearlessBetween = new("[0-9]{1,2}月[0-9]{1,2}日(?:至|到|—|－|-|~|～)[0-9]{1,2}月[0-9]{1,2}日", RegexOptions.Compiled);
    private static readonly Regex Until = new("(?:截至|截止)" + string.Format(CultureInfo.InvariantCulture, Date, 1), RegexOptions.Compiled);

    [GeneratedRegex("近[0-9一二两三四五六七八九十]+年(?:以)?内(?![^，。；]{0,3}(?:无|未|没有|不得))|^(?:对|在)?(?:上一年度|上年度)(?:1月1日|开始)?(?:（含）)?(?:以后|以前|前)?(?!首次|海关|在岗)|(?:上一年度|上年度)(?:1月1日|开始)(?:（含）)?(?:以后|以前|前)|申报之日起近[0-9一二两三]+年内|^在(?<event>[^，。；0-9]{2,16})期间(?!曾)")]
    private static partial Regex Relative();

    /// <summary>自2020年1月1日起出现安全事故的: the date bounds a disqualifying event, read with the exclusion.</summary>
    [GeneratedRegex("事故|违法|失信|处罚")]
    private static partial Regex EventOfExclusion();

    public static IEnumerable<EligibilityCondition> Find(Piece piece)
    {
        var text = piece.Text;
        if (EventOfExclusion().IsMatch(text)) yield break;
        if (Between.Match(text) is { Success: true } b && Day(b, 1, first: true) is { } from)
        {
            var to = Day(b, 2, first: false, defaultYear: from.Year);
            yield return Make(piece, from, to, null);
            yield break;
        }
        if (ToYear.Match(text) is { Success: true } ty && Day(ty, 1, first: true) is { } fromYear)
        {
            var deadline = ty.Groups["deadline"];
            yield return Make(piece, fromYear, deadline.Success ? null : Day(ty, 2, first: false), deadline.Success ? "至" + deadline.Value : null);
            yield break;
        }
        if (After.Match(text) is { Success: true } a && Day(a, 1, first: true) is { } start)
        {
            yield return Make(piece, start, null, null);
            yield break;
        }
        if (BeforeDate.Match(text) is { Success: true } p && Day(p, 1, first: true) is { } excluded)
        {
            yield return Make(piece, null, excluded.AddDays(-1), null);
            yield break;
        }
        if (Until.Match(text) is { Success: true } u && Day(u, 1, first: false) is { } end)
        {
            yield return Make(piece, null, end, null);
            yield break;
        }
        if (EventYear.Match(text) is { Success: true } ey && Day(ey, 1, first: true) is { } yearStart)
        {
            yield return Make(piece, yearStart, Day(ey, 1, first: false), null);
            yield break;
        }
        if (YearlessBetween.Match(text) is { Success: true } yb)
        {
            yield return Make(piece, null, null, yb.Value);
            yield break;
        }
        // 在旅游节庆活动期间 bounds an event; the bar that follows it is a condition of its own.
        if (Relative().Match(text) is { Success: true } r && (r.Groups["event"].Success || !IsMetricPeriod(text, r)))
        {
            yield return Make(piece, null, null, r.Value);
        }
    }

    /// <summary>近三年营业收入平均增长率: a period a figure is measured over belongs to that threshold, not a window.</summary>
    private static bool IsMetricPeriod(string text, Match r)
    {
        var rest = text[(r.Index + r.Length)..];
        return rest.Contains("不低于", StringComparison.Ordinal) || rest.Contains("不少于", StringComparison.Ordinal)
            || (rest.Contains("以上", StringComparison.Ordinal) && !rest.Contains("首次", StringComparison.Ordinal));
    }

    /// <summary>A matched date: the first day of its month or year when <paramref name="first"/>, else the last.</summary>
    private static DateOnly? Day(Match m, int k, bool first, int? defaultYear = null)
    {
        var yText = m.Groups["y" + k].Value;
        int year;
        if (yText.Length > 0) year = int.Parse(yText, CultureInfo.InvariantCulture);
        else if (defaultYear is { } dy) year = dy;
        else return null;
        if (year is < 1900 or > 2200) return null;
        var mText = m.Groups["m" + k].Value;
        if (mText.Length == 0) return first ? new DateOnly(year, 1, 1) : new DateOnly(year, 12, 31);
        var month = int.Parse(mText, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return null;
        var dText = m.Groups["d" + k].Value;
        if (dText.Length == 0) return first ? new DateOnly(year, month, 1) : new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var day = int.Parse(dText, CultureInfo.InvariantCulture);
        return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static EligibilityCondition Make(Piece piece, DateOnly? from, DateOnly? to, string? relative) => new()
    {
        Type = ConditionType.TimeWindow,
        Span = piece.Span,
        From = from,
        To = to,
        Relative = relative,
    };
}
