using System.Globalization;
using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;
using PolicyIngest.Extract.Conditions;

namespace PolicyIngest.Extract.Matching;

/// <summary>
/// Judges one clause's conditions against an enterprise profile, and what the clause may pay it. Pure: no catalogue,
/// the date asked about is passed in. What the profile does not tell is unknown, never guessed: time windows,
/// exclusions and conditions kept as text are always unknown.
/// </summary>
public static partial class ConditionMatcher
{
    /// <param name="judged">conditions already judged elsewhere (a clause's sector read from its labels), counted with the rest</param>
    public static ClauseVerdict Evaluate(EnterpriseProfile profile, IReadOnlyList<EligibilityCondition> conditions, DateOnly asOf,
        IReadOnlyList<ConditionVerdict>? judged = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(conditions);
        var verdicts = conditions.Select(c => Judge(profile, c, asOf)).Concat(judged ?? []).ToList();

        // Required conditions count one by one; a group of alternatives counts once, met when any member is.
        var states = new List<ConditionState>();
        states.AddRange(verdicts.Where(v => v.Condition.Alternative is null).Select(v => v.State));
        foreach (var group in verdicts.Where(v => v.Condition.Alternative is not null).GroupBy(v => v.Condition.Alternative, StringComparer.Ordinal))
        {
            states.Add(group.Any(v => v.State == ConditionState.Met) ? ConditionState.Met
                : group.All(v => v.State == ConditionState.Unmet) ? ConditionState.Unmet
                : ConditionState.Unknown);
        }
        var unmet = states.Count(s => s == ConditionState.Unmet);
        var overall = unmet > 0 ? ConditionState.Unmet : states.All(s => s == ConditionState.Met) ? ConditionState.Met : ConditionState.Unknown;
        return new ClauseVerdict(verdicts, overall) { UnmetCount = unmet };
    }

    public static ConditionVerdict Judge(EnterpriseProfile profile, EligibilityCondition condition, DateOnly asOf) => condition.Type switch
    {
        ConditionType.Region => Region(profile, condition),
        ConditionType.Industry => Industry(profile, condition),
        ConditionType.Title => Title(profile, condition, isNew: false, asOf),
        ConditionType.NewTitle => Title(profile, condition, isNew: true, asOf),
        ConditionType.Threshold => Threshold(profile, condition, asOf),
        ConditionType.TimeWindow => new(condition, ConditionState.Unknown, $"时间要求需核对：{condition.Text}"),
        ConditionType.Exclusion => new(condition, ConditionState.Unknown, $"排除情形需核实：{condition.Text}"),
        _ => new(condition, ConditionState.Unknown, $"需人工判断：{condition.Text}"),
    };

    private static ConditionVerdict Region(EnterpriseProfile profile, EligibilityCondition c)
    {
        if (c.Place is not { Length: > 0 } place) return new(c, ConditionState.Unknown, $"地点未识别：{c.Text}");
        if (string.IsNullOrWhiteSpace(profile.Region)) return new(c, ConditionState.Unknown, $"未提供注册地（要求：{place}）");
        var region = Plain(profile.Region);
        var units = PlaceContexts.Units(region);
        var wanted = Plain(place);
        if (region.Contains(wanted, StringComparison.Ordinal) || units.Any(u => Bare(u) == Bare(wanted)))
            return new(c, ConditionState.Met, $"{profile.Region} 在 {place}");
        // Only a place of a level the profile names can be said not to be it (怀柔区 vs 海淀区; 北京市 vs 上海市); a place
        // written with its city (北京市怀柔区) is compared at its lowest unit.
        var wantedUnits = PlaceContexts.Units(wanted);
        var lowest = wantedUnits.Count > 0 ? wantedUnits[^1] : wanted;
        var level = Level(lowest);
        if (level is not null && units.Any(u => Level(u) == level && Bare(u) != Bare(lowest)))
            return new(c, ConditionState.Unmet, $"{profile.Region} 不在 {place}");
        return new(c, ConditionState.Unknown, $"无法由 {profile.Region} 判断是否在 {place}");
    }

    private static ConditionVerdict Industry(EnterpriseProfile profile, EligibilityCondition c)
    {
        var sectors = string.Join("、", c.Sectors);
        if (profile.Industries is not { Count: > 0 } industries) return new(c, ConditionState.Unknown, $"未提供所属行业（要求：{sectors}）");
        foreach (var industry in industries)
        {
            var mine = Sector(industry);
            if (c.Sectors.Select(Sector).Any(s => s.Length > 0 && (mine.Contains(s, StringComparison.Ordinal) || s.Contains(mine, StringComparison.Ordinal)))
                || c.Sectors.Any(s => IndustryFamilies.Holds(Plain(s), Plain(industry))))
                return new(c, ConditionState.Met, $"{industry} 属于 {sectors}");
        }
        // A catalogue of sectors (高精尖产业领域, 重点领域) may hold the enterprise's industry under another name.
        if (c.Sectors.Count == 0 || c.Sectors.Any(s => Catalogue().IsMatch(s)))
            return new(c, ConditionState.Unknown, $"需核对 {string.Join("、", industries)} 是否属于 {sectors}");
        return new(c, ConditionState.Unmet, $"{string.Join("、", industries)} 不属于 {sectors}");
    }

    private static ConditionVerdict Title(EnterpriseProfile profile, EligibilityCondition c, bool isNew, DateOnly asOf)
    {
        var title = c.Title ?? c.Text;
        var held = (profile.Titles ?? []).Concat(profile.NewTitles ?? []).ToList();
        var newly = profile.NewTitles ?? [];
        if (isNew)
        {
            if (newly.Any(t => SameTitle(t, title))) return new(c, ConditionState.Met, $"当年新获 {title}");
            if (profile.Titles?.Any(t => SameTitle(t, title)) == true) return new(c, ConditionState.Unmet, $"{title} 已持有，非当年新获");
            return profile.NewTitles is null
                ? new(c, ConditionState.Unknown, $"未提供当年新获称号（要求：新获 {title}）")
                : new(c, ConditionState.Unmet, $"当年未新获 {title}");
        }
        if (held.Any(t => SameTitle(t, title))) return new(c, ConditionState.Met, $"已持有 {title}");
        if (IsLegalForm(title)) return LegalPerson(profile, c);
        if (EnterpriseSize.Named(title) is { } sizes) return Size(profile, c, sizes, asOf);
        return profile.Titles is null && profile.NewTitles is null
            ? new(c, ConditionState.Unknown, $"未提供称号（要求：{title}）")
            : new(c, ConditionState.Unmet, $"未持有 {title}");
    }

    /// <summary>独立法人资格 of a company: its name says whether it is one (…有限公司) or a branch (…分公司).</summary>
    private static ConditionVerdict LegalPerson(EnterpriseProfile profile, EligibilityCondition c)
    {
        if (profile.Name is not { } name) return new(c, ConditionState.Unknown, "未提供企业名称，无法判断是否为独立法人");
        if (name.Contains("分公司", StringComparison.Ordinal) || name.Contains("办事处", StringComparison.Ordinal))
            return new(c, ConditionState.Unmet, $"{name} 为分支机构，非独立法人");
        return CompanyName().IsMatch(name)
            ? new(c, ConditionState.Met, $"{name} 为公司（独立法人）")
            : new(c, ConditionState.Unknown, $"需核对 {name} 是否具有独立法人资格");
    }

    /// <summary>中小企业 / 小微企业 …: the size class by 工信部联企业〔2011〕300号 from the profile's employees and 营业收入.</summary>
    private static ConditionVerdict Size(EnterpriseProfile profile, EligibilityCondition c, IReadOnlySet<SizeClass> wanted, DateOnly asOf)
    {
        var revenue = Figure(profile, "营业收入", asOf)?.Value;
        if (EnterpriseSize.Of(profile.Industries, profile.Employees, revenue) is not { } size)
            return new(c, ConditionState.Unknown, $"未提供划型所需的从业人员或营业收入（要求：{c.Title ?? c.Text}）");
        var shown = $"从业人员 {profile.Employees} 人{(revenue is { } r ? $"、营业收入 {Show(r, "万元")}" : "")}，按工信部联企业〔2011〕300号划为{EnterpriseSize.Chinese(size)}企业";
        return wanted.Contains(size) ? new(c, ConditionState.Met, shown) : new(c, ConditionState.Unmet, shown);
    }

    /// <summary>
    /// Whether an unmet condition is a near miss an analyst would list as "almost": a lower bar the enterprise's figure
    /// reaches at least half of (400万 of a 500万 bar, not 0.3亿 of a 6亿 one or a firm's revenue against a 100亿 park's);
    /// not a "首次…" (new) title the enterprise already holds, a stage it passed long ago. An upper bar (成立不超过5年),
    /// a title not held, a date are near misses as the gold guide has them.
    /// </summary>
    public static bool NearMiss(EnterpriseProfile profile, ConditionVerdict verdict, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict.State != ConditionState.Unmet) return true;
        var c = verdict.Condition;
        switch (c.Type)
        {
            case ConditionType.Threshold when c.Op is ComparisonOp.AtLeast or ComparisonOp.MoreThan && c.Normalized is { } bar && bar > 0:
                return Figure(profile, c.Metric ?? c.Text, asOf) is not { } figure || figure.Value * 2 >= bar;
            case ConditionType.NewTitle:
                var title = c.Title ?? c.Text;
                return profile.Titles?.Any(t => SameTitle(t, title)) != true;
            default:
                return true;
        }
    }

    /// <summary>Whether a title is a legal form (独立法人资格): true of nearly every company, so it says little about fit.</summary>
    public static bool IsLegalForm(string title) => LegalForm().IsMatch(title);

    [GeneratedRegex("独立法人|法人资格|企业法人")]
    private static partial Regex LegalForm();

    [GeneratedRegex("(?:公司|集团)$")]
    private static partial Regex CompanyName();

    private static ConditionVerdict Threshold(EnterpriseProfile profile, EligibilityCondition c, DateOnly asOf)
    {
        if (c.Op is not { } op || c.Normalized is not { } bar) return new(c, ConditionState.Unknown, $"门槛未识别：{c.Text}");
        var metric = c.Metric ?? c.Text;
        var figure = Figure(profile, metric, asOf);
        var wanted = $"{Symbol(op)} {Show(bar, c.Unit)}";
        if (figure is null) return new(c, ConditionState.Unknown, $"未提供{metric}（要求 {wanted}）");
        var (name, value) = figure.Value;
        var met = op switch
        {
            ComparisonOp.AtLeast => value >= bar,
            ComparisonOp.MoreThan => value > bar,
            ComparisonOp.AtMost => value <= bar,
            ComparisonOp.LessThan => value < bar,
            _ => value == bar,
        };
        var symbol = met ? Symbol(op) : Negated(op);
        return new(c, met ? ConditionState.Met : ConditionState.Unmet, $"{name} {Show(value, c.Unit)} {symbol} {Show(bar, c.Unit)}");
    }

    /// <summary>
    /// The profile's figure for a metric: a figure whose name the metric contains or that contains the metric
    /// (年营业收入 → 营业收入; a figure the metric contains first, so 营业收入 is not read as 营业收入增速), else years since founding for 成立/经营/运营年限, else employees for 从业人员/职工.
    /// A share or rate (…占营业收入比重, 增速) is only ever read from a figure that is itself one: 营业收入 in yuan is not
    /// the share 营业收入占全部收入比重 that names it.
    /// </summary>
    private static (string Name, decimal Value)? Figure(EnterpriseProfile profile, string metric, DateOnly asOf)
    {
        var m = Plain(metric);
        var ratio = Ratio().IsMatch(m);
        var best = profile.Figures
            .Where(f => f.Key.Length > 0 && (m.Contains(Plain(f.Key), StringComparison.Ordinal) || Plain(f.Key).Contains(m, StringComparison.Ordinal)))
            .Where(f => !ratio || Ratio().IsMatch(Plain(f.Key)))
            .OrderByDescending(f => m.Contains(Plain(f.Key), StringComparison.Ordinal))
            .ThenByDescending(f => f.Key.Length)
            .Select(f => ((string, decimal)?)(f.Key, f.Value))
            .FirstOrDefault();
        if (best is not null) return best;
        if (profile.Founded is { } founded && YearsMetric().IsMatch(m)) return ("成立年限", YearsBetween(founded, asOf));
        if (profile.Employees is { } employees && PeopleMetric().IsMatch(m)) return ("从业人员", employees);
        return null;
    }

    [GeneratedRegex("占|比重|比例|比率|增速|增幅|增长率|率$")]
    private static partial Regex Ratio();

    private static decimal YearsBetween(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        if (to < from.AddYears(years)) years--;
        return Math.Max(0, years);
    }

    /// <summary>
    /// What the clause may pay the enterprise: a fixed sum; up to a cap; rate × the profile's base figure, held to the
    /// cap, when the base is known, else 0 up to the cap; tiers and several awards as the range of their sums.
    /// </summary>
    public static ExpectedAmount? Expected(EnterpriseProfile profile, AwardAmount? amount)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (amount is null) return null;
        switch (amount.Kind)
        {
            case AwardKind.Fixed when amount.MaxYuan is { } sum:
                return new(sum, sum, Yuan(sum));
            case AwardKind.Cap when amount.MaxYuan is { } cap:
                return new(0, cap, $"最高{Yuan(cap)}");
            case AwardKind.Rate when amount.Rate is { } rate && amount.Base is { } baseName && IsShare(rate) && BaseFigure(profile, baseName) is { } b:
            {
                var raw = rate * b.Value;
                var capped = amount.MaxYuan is { } max && raw > max ? max : raw;
                var text = $"{b.Name} {Yuan(b.Value)} × {Percent(rate)} = {Yuan(raw)}" + (capped < raw ? $"，封顶{Yuan(capped)}" : "");
                return new(capped, capped, text);
            }
            case AwardKind.Rate:
                return new(amount.MaxYuan is null ? null : 0, amount.MaxYuan,
                    amount.MaxYuan is { } top ? $"按{amount.Base ?? "基数"}比例计算，最高{Yuan(top)}" : $"按{amount.Base ?? "基数"}比例计算，金额未知");
            case AwardKind.Tiers or AwardKind.Mixed when amount.MaxYuan is { } most:
            {
                var least = amount.MinYuan ?? 0;
                return new(least, most, least == most ? Yuan(most) : $"{Yuan(least)}–{Yuan(most)}");
            }
            default:
                return new(null, null, "金额未定");
        }
    }

    /// <summary>A rate below 1 is a share of its base; 5 with base 元/人/夜 is a price per unit, which needs a count.</summary>
    private static bool IsShare(decimal rate) => rate is > 0 and <= 1;

    private static (string Name, decimal Value)? BaseFigure(EnterpriseProfile profile, string baseName)
    {
        var b = Plain(baseName);
        return profile.Figures
            .Where(f => f.Key.Length > 0 && (b.Contains(Plain(f.Key), StringComparison.Ordinal) || Plain(f.Key).Contains(b, StringComparison.Ordinal)))
            .OrderByDescending(f => f.Key.Length)
            .Select(f => ((string, decimal)?)(f.Key, f.Value))
            .FirstOrDefault();
    }

    /// <summary>Whether a held title is the one wanted, or one of its alternatives (药品/医疗器械注册批件).</summary>
    private static bool SameTitle(string held, string wanted)
    {
        var h = TitleKey(held);
        return h.Length > 0 && TitleAlternatives.Expand(wanted).Select(TitleKey)
            .Any(w => w.Length > 0 && (h.Contains(w, StringComparison.Ordinal) || w.Contains(h, StringComparison.Ordinal)));
    }

    /// <summary>A title compared without quotes, spaces, 国家级/市级 and 企业: 国家级专精特新“小巨人”企业 ~ 专精特新小巨人.</summary>
    private static string TitleKey(string title)
    {
        var t = Plain(title);
        foreach (var word in new[] { "国家级", "国家", "市级", "北京市", "工业", "企业" }) t = t.Replace(word, "", StringComparison.Ordinal);
        return t;
    }

    private static string Sector(string s)
    {
        var t = Plain(s);
        foreach (var suffix in new[] { "企业", "领域", "产业", "行业" })
        {
            if (t.Length > suffix.Length + 1 && t.EndsWith(suffix, StringComparison.Ordinal)) t = t[..^suffix.Length];
        }
        return t;
    }


    private static string? Level(string place) => place.Length < 2 ? null : place[^1] switch
    {
        '省' => "省",
        '市' => "市",
        '区' when PlaceContexts.Units(place) is [var whole] && whole.Length == place.Length && !ZoneWord().IsMatch(place) => "区",
        '县' => "区",
        _ => null,
    };

    private static string Bare(string place) => place.Length > 2 && place[^1] is '市' or '省' ? place[..^1] : place;

    /// <summary>Quotes and spaces carry no meaning when names are compared.</summary>
    private static string Plain(string s) =>
        new(s.Where(ch => !char.IsWhiteSpace(ch) && ch is not ('“' or '”' or '"' or '「' or '」' or '‘' or '’' or '\'')).ToArray());

    private static string Symbol(ComparisonOp op) => op switch
    {
        ComparisonOp.AtLeast => "≥",
        ComparisonOp.MoreThan => ">",
        ComparisonOp.AtMost => "≤",
        ComparisonOp.LessThan => "<",
        _ => "=",
    };

    private static string Negated(ComparisonOp op) => op switch
    {
        ComparisonOp.AtLeast => "<",
        ComparisonOp.MoreThan => "≤",
        ComparisonOp.AtMost => ">",
        ComparisonOp.LessThan => "≥",
        _ => "≠",
    };

    /// <summary>A value in the condition's own unit: 50000000 with unit 万元 → 5000万元; 0.12 with % → 12%.</summary>
    private static string Show(decimal value, string? unit) => unit switch
    {
        "%" => $"{N(value * 100)}%",
        "亿元" => $"{N(value / 100_000_000m)}亿元",
        "万元" => $"{N(value / 10_000m)}万元",
        "元" => $"{N(value)}元",
        "亿美元" => $"{N(value / 100_000_000m)}亿美元",
        "万美元" => $"{N(value / 10_000m)}万美元",
        null => N(value),
        _ => $"{N(value)}{unit}",
    };

    private static string Yuan(decimal yuan) => yuan >= 10_000m && yuan % 100m == 0 ? $"{N(yuan / 10_000m)}万元" : $"{N(yuan)}元";

    private static string Percent(decimal rate) => $"{N(rate * 100)}%";

    private static string N(decimal d) => d.ToString("0.####", CultureInfo.InvariantCulture);


    [GeneratedRegex("园区|示范区|试验区|地区|科学城|开发区")]
    private static partial Regex ZoneWord();

    [GeneratedRegex("高精尖|重点|战略性|新兴|领域|方向|分类|相关产业")]
    private static partial Regex Catalogue();

    [GeneratedRegex("成立|经营|运营|设立")]
    private static partial Regex YearsMetric();

    [GeneratedRegex("从业人员|职工|员工|人数")]
    private static partial Regex PeopleMetric();
}
