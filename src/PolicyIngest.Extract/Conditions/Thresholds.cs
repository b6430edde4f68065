using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;
using PolicyIngest.Extract.Numbers;

namespace PolicyIngest.Extract.Conditions;

/// <summary>
/// Numeric thresholds: a number with its unit and a comparison word before it (不低于, 超过, 不满) or after it
/// (以上, 以下, 以内), or a range (500万元—5000万元, 16-24岁) read as two thresholds. Sums that are the award itself
/// (给予不超过500万元) are left to the amount reader.
/// </summary>
internal static partial class Thresholds
{
    private const string Num = "[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千]+";
    private const string Unit = "亿美元|万美元|美元|亿元|万元/平方米|万元|千元|元/平方米|元|万平方米|平方米|万人次|人次|万人|%|％|个百分点|个月|批次|年|月|天|日|小时|家|个|名|人|项|种|张|件|间|户|床|辆|台|套|吨|亩|分|倍|岁|级|位|次|公里|千瓦|兆瓦";
    private const string Before = "不低于|不少于|超出|不小于|不高于|不超过|不多于|不能超过|不得超过|不得低于|不得少于|不足|不满|低于|高于|超过|大于|小于|少于|达到|达|满|突破|前";
    private const string Inclusive = "(?:（含[^）]{0,8}）|\\(含[^)]{0,8}\\))";

    [GeneratedRegex("(?<pre>" + Before + ")?(?<gap>(?<=" + Before + ")[^，。；、0-9０-９%％零〇一二两三四五六七八九十百千万亿]{1,16}?)??\\s*(?<num>" + Num + ")\\s*(?<unit>" + Unit + ")?\\s*(?<incl>" + Inclusive + ")?\\s*(?<post>及以上|以上|以下" + Inclusive + "?|及以下|以内|及以内|(?<=年)内)?(?<excl>（不含）)?")]
    private static partial Regex Single();

    [GeneratedRegex("(?<n1>" + Num + ")\\s*(?<u1>" + Unit + "|万|亿)?\\s*" + Inclusive + "?\\s*(?:—+|–+|－+|-+|~|～|至|到)\\s*(?<n2>" + Num + ")\\s*(?<u2>" + Unit + ")(?<tail>\\s*" + Inclusive + ")?")]
    private static partial Regex Range();

    /// <summary>Words that make a number the award, not a condition on the applicant.</summary>
    [GeneratedRegex("给予|予以|奖励|补贴|补助|资助|贴息|奖补|最高|资金支持|支持资金|支持比例|支持金额|支持额度|支持标准|补助标准|补贴标准|总金额|一次性|贴费|分档|拨付|按照|分别按|^按|的比例")]
    private static partial Regex AwardWords();

    /// <summary>A phrase that opens with the award: 奖励投资额度的5%—20%, 按不超过投资总额20%比例 (按 only with a word of the award: 按上述公式计算的家庭租金超出… is a bar).</summary>
    [GeneratedRegex("^(?:奖励|给予|予以|补贴|补助|资助)|^(?:按|按照|分别按)(?=[^，。；]*(?:给予|奖励|补贴|补助|资助|支持|比例|标准|贴息))")]
    private static partial Regex AwardLead();

    /// <summary>What a money ceiling on the applicant is measured on (营业收入, 合同额, 注册资本); a bare ceiling is the award's.</summary>
    [GeneratedRegex("收入|额|资本|规模|资产|利润|产值|费|价|成本")]
    private static partial Regex MoneyMetric();

    /// <summary>What follows a sum that is the award itself: 30%予以奖励, 2年的贴息支持.</summary>
    [GeneratedRegex("^的?(?:贷款)?(?:贴息|资金支持|支持|奖励|补贴|补助|资助|贴费|费率)|^(?:予以|给予)")]
    private static partial Regex AwardAfter();

    /// <summary>A verb that opens a measured noun, not an action: 服务企业数量不低于100家 (the number of firms served).</summary>
    [GeneratedRegex("^[^，。；]{1,10}?(?:数量|家数|户数|人数|人次|面积|规模)(?:应|须|需)?(?:" + Before + ")")]
    private static partial Regex CountedSubject();

    [GeneratedRegex("(?:毕业|成立|注册|设立|创办|创立|登记)(?:时间)?(?:在)?$")]
    private static partial Regex SinceEvent();

    [GeneratedRegex(@"^(?:且|并且|并|和|或者|或|及|以及|同时|其中|对于|对|要求|应当|应|须|需|必须|原则上|均)+")]
    private static partial Regex MetricLead();

    [GeneratedRegex(@"(?:应当|应|须|需|必须|要|均|在|为|累计|合计|平均|达|需达到)+$")]
    private static partial Regex MetricTail();

    /// <summary>
    /// The thresholds of a phrase; bars joined by 或 (近三年营业收入平均增长率不低于20%或利润平均增长率不低于8%) are one group of
    /// alternatives. A range's two ends are both required, so a phrase with a range groups nothing.
    /// </summary>
    public static IEnumerable<EligibilityCondition> Find(Piece piece)
    {
        var found = Read(piece).ToList();
        if (found.Count < 2 || found.Any(f => f.Ranged)) return found.Select(f => f.Condition);
        var result = new List<EligibilityCondition>();
        for (var i = 0; i < found.Count; i++)
        {
            var joinedBefore = i > 0 && Or().IsMatch(piece.Text[found[i - 1].End..found[i].Start]);
            var joinedAfter = i < found.Count - 1 && Or().IsMatch(piece.Text[found[i].End..found[i + 1].Start]);
            result.Add(joinedBefore || joinedAfter ? found[i].Condition with { Alternative = $"或{piece.Start}" } : found[i].Condition);
        }
        return result;
    }

    [GeneratedRegex("或")]
    private static partial Regex Or();

    private sealed record Reading(EligibilityCondition Condition, int Start, int End, bool Ranged);

    private static IEnumerable<Reading> Read(Piece piece)
    {
        if (ClausePieces.IsAction(piece) && !CountedSubject().IsMatch(piece.Text)) yield break;
        var text = piece.Text;
        var taken = new bool[text.Length];
        foreach (Match m in Range().Matches(text))
        {
            var u2 = m.Groups["u2"].Value;
            var u1 = m.Groups["u1"].Success ? m.Groups["u1"].Value : u2;
            if (u1 is "万" or "亿" && u2.StartsWith(u1, StringComparison.Ordinal)) u1 = u2; // 1万（含）至3万平方米
            if (u2 is "年" or "个月" or "月" or "天" or "日") continue; // 3-5年: how long a programme runs, not a bar
            if (!Compatible(u1, u2) || IsAward(text, m.Index, m.Index + m.Length) || IsYear(m.Groups["n1"].Value, u1) || IsYear(m.Groups["n2"].Value, u2)) continue;
            if (!TryValue(m.Groups["n1"].Value, u1, out var low, out var lowNorm) || !TryValue(m.Groups["n2"].Value, u2, out var high, out var highNorm)) continue;
            if (low >= high) continue;
            // 95分-100分（含95分）: the bracket settles that the low end is the one included, so the top is exclusive.
            var tail = m.Groups["tail"].Value;
            var highOp = tail.Length > 0 && tail.Contains(NumberText.Normalize(m.Groups["n1"].Value), StringComparison.Ordinal)
                && !tail.Contains(NumberText.Normalize(m.Groups["n2"].Value), StringComparison.Ordinal) ? ComparisonOp.LessThan : ComparisonOp.AtMost;
            var metric = Metric(text, m.Index, 0);
            yield return new(Make(piece, metric, ComparisonOp.AtLeast, low, u1, lowNorm), m.Index, m.Index + m.Length, true);
            yield return new(Make(piece, metric, highOp, high, u2, highNorm), m.Index, m.Index + m.Length, true);
            for (var k = m.Index; k < m.Index + m.Length; k++) taken[k] = true;
        }

        var lastEnd = 0;
        foreach (Match m in Single().Matches(text))
        {
            if (m.Length == 0 || taken[m.Groups["num"].Index]) continue;
            var pre = m.Groups["pre"].Value;
            var post = m.Groups["post"].Value;
            var unit = m.Groups["unit"].Value;
            if (unit.Length == 0 || (pre.Length == 0 && post.Length == 0)) continue;
            if (unit == "分" && text.AsSpan(m.Groups["unit"].Index).StartsWith("分之")) continue; // 三分之一 is a fraction, not 3 points
            if (pre == "前" && unit is not ("名" or "位")) continue;
            if (pre is "满" or "达" && text.AsSpan(0, m.Index).EndsWith("每")) continue; // 每满一万人: an increment of the award
            if (m.Groups["gap"].Length > 0 && !IsPercent(unit)) continue; // only a share names its base between: 不低于计划总投资额的70%
            if (IsYear(m.Groups["num"].Value, unit) || IsAward(text, m.Index, m.Index + m.Length)) continue;
            if (text.AsSpan(0, m.Index).EndsWith("（")) continue; // （不满3年的按实际经营时间计算）: a note, not a bar
            // 近2年以内 is a window, read by TimeWindows; 毕业2年内 / 成立3年以内 is how long ago the applicant's event was.
            if (unit == "年" && post is "以内" or "内" && !SinceEvent().IsMatch(text[..m.Index])) continue;
            if (!TryValue(m.Groups["num"].Value, unit, out var value, out var normalized)) continue;
            var op = Op(pre, post, m.Groups["incl"].Success, m.Groups["excl"].Success);
            if (op is null) continue;
            var metric = Metric(text, m.Index, lastEnd);
            lastEnd = m.Index + m.Length;
            if (IsMoney(unit) && op is ComparisonOp.AtMost or ComparisonOp.LessThan && (metric is null || !MoneyMetric().IsMatch(metric))) continue;
            yield return new(Make(piece, metric, op.Value, value, unit, normalized), m.Index, m.Index + m.Length, false);
        }
    }

    private static ComparisonOp? Op(string pre, string post, bool inclusive, bool exclusive)
    {
        if (post.StartsWith("以下", StringComparison.Ordinal) && exclusive) return ComparisonOp.LessThan;
        if (post is "以上" or "及以上") return ComparisonOp.AtLeast;
        if (post.Length > 0) return ComparisonOp.AtMost;
        return pre switch
        {
            "不低于" or "不少于" or "不小于" or "不得低于" or "不得少于" or "达到" or "达" or "满" => ComparisonOp.AtLeast,
            "超过" or "超出" or "高于" or "大于" => ComparisonOp.MoreThan,
            "突破" => inclusive ? ComparisonOp.AtLeast : ComparisonOp.MoreThan,
            "不超过" or "不高于" or "不多于" or "不能超过" or "不得超过" or "前" => ComparisonOp.AtMost,
            "低于" or "不满" or "不足" or "少于" or "小于" => ComparisonOp.LessThan,
            _ => null,
        };
    }

    /// <summary>
    /// Whether the number is what the clause pays: an award word between the last 的 before it and it
    /// (单个项目奖励最高不超过30万元, 给予不超过2年的), or right after it (30%予以奖励). A condition ending in 的 comes before
    /// its award (对合同额不低于1000万元的给予…), so words before that 的 do not count.
    /// </summary>
    private static bool IsAward(string text, int start, int end)
    {
        if (AwardLead().IsMatch(text)) return true;
        var lastDe = text.LastIndexOf('的', Math.Max(0, start - 1));
        var before = lastDe >= 0 && lastDe < start ? text[(lastDe + 1)..start] : text[..start];
        return AwardWords().IsMatch(before) || AwardAfter().IsMatch(text[end..]);
    }

    private static bool IsYear(string number, string unit) =>
        unit is "年" && decimal.TryParse(NumberText.Normalize(number), out var y) && y >= 1900;

    private static bool Compatible(string u1, string u2) => u1 == u2 || (IsMoney(u1) && IsMoney(u2));

    public static bool IsMoney(string unit) => unit.EndsWith("元", StringComparison.Ordinal) || unit.EndsWith("美元", StringComparison.Ordinal) || unit.Contains("元/", StringComparison.Ordinal);

    private static bool IsPercent(string unit) => unit is "%" or "％";

    /// <summary>The number as written and its normalized value: yuan (US dollars for 美元), a fraction for %, else the number.</summary>
    public static bool TryValue(string number, string unit, out decimal value, out decimal normalized)
    {
        normalized = 0;
        if (!ChineseNumber.TryParse(NumberText.Normalize(number), NumberMode.Smart, out value)) return false;
        if (IsPercent(unit)) { normalized = value / 100m; return true; }
        if (IsMoney(unit))
        {
            var perUnit = unit.IndexOf('/');
            var moneyUnit = perUnit >= 0 ? unit[..perUnit] : unit;
            if (!MoneyText.TryParse(NumberText.Normalize(number) + moneyUnit, out var reading)) return false;
            normalized = reading.Value;
            return true;
        }
        normalized = value;
        return true;
    }

    /// <summary>What is measured: the words before the number, from the end of the bar before it in the phrase (…不低于20%或利润平均增长率).</summary>
    private static string? Metric(string text, int numberAt, int from)
    {
        var head = text[Math.Min(from, numberAt)..numberAt];
        foreach (var word in Before.Split('|'))
        {
            if (head.EndsWith(word, StringComparison.Ordinal)) { head = head[..^word.Length]; break; }
        }
        head = MetricTail().Replace(MetricLead().Replace(head.Trim(), ""), "").Trim();
        return head.Length == 0 ? null : head;
    }

    private static EligibilityCondition Make(Piece piece, string? metric, ComparisonOp op, decimal value, string unit, decimal normalized) => new()
    {
        Type = ConditionType.Threshold,
        Span = piece.Span,
        Metric = metric,
        Op = op,
        Value = value,
        Unit = unit == "％" ? "%" : unit,
        Normalized = normalized,
    };
}
