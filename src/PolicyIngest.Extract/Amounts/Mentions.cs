using System.Text.RegularExpressions;
using PolicyIngest.Extract.Numbers;

namespace PolicyIngest.Extract.Amounts;

/// <summary>A number with a money or percent unit found in running text, before any role is given to it.</summary>
internal sealed record Mention(int Start, int End, decimal Low, decimal? High, string Unit, bool IsPercent)
{
    public int Length => End - Start;
}

/// <summary>
/// Finds money (…元, …元/亩) and percentages (…%, 百分之…) in text and reads their values.
/// Only numbers carrying 元 are money: points, areas, counts, years, 发文字号, dates and phone numbers never do.
/// </summary>
internal static partial class Mentions
{
    private const string ArabicNumber = "[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?";
    private const string NumeralChar = "0-9０-９零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億兩廿";

    /// <summary>
    /// A run of numeral characters, separators and single spaces between them, ending on a numeral character.
    /// One character class per step keeps matching linear (nested quantifiers backtrack exponentially on long digit runs).
    /// </summary>
    private const string Numeral = "[" + NumeralChar + "](?:[" + NumeralChar + ",，.．]|[ \u00A0](?=[" + NumeralChar + "]))*(?<=[" + NumeralChar + "])";

    /// <summary>What a per-unit price is counted in: 元/亩, 元/人/夜, 元/公斤, 元/平方米.</summary>
    private const string PerUnit = "公斤|千克|平方米|立方米|千瓦时|千瓦|兆瓦|人次|标准箱|台套|平米|公里|课时|学时|小时|人·年|人|夜|年|月|天|日|次|件|个|台|套|辆|株|头|只|张|间|户|家|项|亩|吨|米|度|座|床|份|㎡|m²|m2|kWh|kW";

    [GeneratedRegex("(?<num>" + Numeral + ")[ \u00A0]?(?:元|圆)(?!旦|器件|件|素)(?<per>(?:[/／](?:" + PerUnit + "))*)")]
    private static partial Regex MoneyPattern();

    [GeneratedRegex("(?:给予|予以|奖励|补贴|补助|资助)[ \u00A0]?(?<num>" + Numeral + "[万亿])(?:[ \u00A0]?(?:—+|–+|－+|-+|~|～|至|到)[ \u00A0]?(?<num2>" + Numeral + "[万亿]))?(?![0-9元美港欧日韩澳台人平亩个家户件项辆台吨次名张套万亿])")]
    private static partial Regex BareMoneyPattern();

    /// <summary>10%, ３０％, 百分之十 — but never URL escapes such as %E6%96%B0 in a copied web address.</summary>
    [GeneratedRegex("(?<![%A-Za-z0-9０-９.])(?<num>" + ArabicNumber + ")[ \u00A0]?(?:%(?![0-9A-Fa-f]{2})|％)|百分之(?<cn>[零〇一二两三四五六七八九十百点]+)")]
    private static partial Regex PercentPattern();

    /// <summary>A bare number right before a range dash: the 10 of 10—100万元.</summary>
    [GeneratedRegex("(?<num>" + Numeral + ")[ \u00A0]?(?:（含）|\\(含\\))?[ \u00A0]?(?:—+|–+|－+|-+|~|～|至|到)[ \u00A0]?$")]
    private static partial Regex BareRangeStart();

    [GeneratedRegex("^[ \u00A0]?(?:（含）|\\(含\\))?[ \u00A0]?(?:—+|–+|－+|-+|~|～|至|到)[ \u00A0]?$")]
    private static partial Regex RangeGap();

    [GeneratedRegex("^(?:（含）|\\(含\\))?(?:以上|及以上)(?:、|，|,)?(?:不满|不足|低于)?$")]
    private static partial Regex AboveBelowGap();

    private static readonly System.Buffers.SearchValues<char> MoneyMarks = System.Buffers.SearchValues.Create("元圆%％万亿");

    public static List<Mention> Find(string text)
    {
        // Most clauses hold no money at all: skip them without running a regex.
        if (text.AsSpan().IndexOfAny(MoneyMarks) < 0 && !text.Contains("百分之", StringComparison.Ordinal)) return [];

        var money = new List<Mention>();
        foreach (Match m in MoneyPattern().Matches(text))
        {
            var num = m.Groups["num"];
            if (ReadMoneyNumber(num.Value) is not { } read) continue;
            var start = num.Index + read.Skipped;
            var unit = "元" + m.Groups["per"].Value.Replace('／', '/');
            money.Add(new Mention(start, m.Index + m.Length, read.Value, null, unit, false));
        }

        // 予以5万-500万不同程度的额外资助: right after an award verb, 万/亿 mean money even without 元.
        foreach (Match m in BareMoneyPattern().Matches(text))
        {
            var low = ReadMoneyNumber(m.Groups["num"].Value);
            if (low is null || low.Value.Skipped > 0) continue;
            var start = m.Groups["num"].Index;
            if (money.Any(x => x.Start < m.Index + m.Length && start < x.End)) continue;
            decimal? high = m.Groups["num2"].Success ? ReadMoneyNumber(m.Groups["num2"].Value)?.Value : null;
            if (high is { } h && h <= low.Value.Value) high = null;
            money.Add(new Mention(start, m.Index + m.Length, low.Value.Value, high, "元", false));
        }
        money.Sort((a, b) => a.Start.CompareTo(b.Start));

        var percents = new List<Mention>();
        foreach (Match m in PercentPattern().Matches(text))
        {
            decimal? value = m.Groups["num"].Success
                ? ChineseNumber.Parse(NumberText.Normalize(m.Groups["num"].Value), NumberMode.Smart)
                : ChineseNumber.Parse(m.Groups["cn"].Value, NumberMode.Normal);
            if (value is { } v) percents.Add(new Mention(m.Index, m.Index + m.Length, v, null, "%", true));
        }

        var all = MergeRanges(text, money).Concat(MergeRanges(text, percents)).OrderBy(m => m.Start).ToList();
        return all;
    }

    /// <summary>Reads the number of a money mention, dropping leading characters that belong to a word (一次性 is not 一).</summary>
    private static (decimal Value, int Skipped)? ReadMoneyNumber(string raw)
    {
        for (var skip = 0; skip < raw.Length; skip++)
        {
            var candidate = NumberText.Normalize(raw[skip..]);
            if (candidate.Length == 0) break;
            if (ChineseNumber.TryParse(candidate, NumberMode.Smart, out var v) && v > 0) return (v, skip);
        }
        return null;
    }

    /// <summary>10万元—100万元, 10—100万元, 二万元以上十万元以下, 5%—20%, 百分之一以上百分之十以下 become one mention each.</summary>
    private static List<Mention> MergeRanges(string text, List<Mention> mentions)
    {
        var result = new List<Mention>();
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (i + 1 < mentions.Count)
            {
                var next = mentions[i + 1];
                var gap = text[m.End..next.Start];
                var isRange = RangeGap().IsMatch(gap)
                    || (AboveBelowGap().IsMatch(gap) && FollowsBelow(text, next.End));
                if (isRange && next.Low >= m.Low && next.Unit == m.Unit)
                {
                    result.Add(m with { End = next.End, High = next.Low });
                    i++;
                    continue;
                }
            }

            var before = text[Math.Max(0, m.Start - 24)..m.Start];
            var bare = BareRangeStart().Match(before);
            if (bare.Success && (result.Count == 0 || result[^1].End <= m.Start - bare.Length))
            {
                var lowText = NumberText.Normalize(bare.Groups["num"].Value);
                var low = m.IsPercent
                    ? ChineseNumber.Parse(lowText, NumberMode.Smart)
                    : ChineseNumber.Parse(lowText, NumberMode.Smart) is { } l ? ScaleLikeHigh(l, lowText, text[m.Start..m.End], m.Low) : null;
                if (low is { } lo && lo > 0 && lo < m.Low)
                {
                    result.Add(m with { Start = m.Start - bare.Length, Low = lo, High = m.Low });
                    continue;
                }
            }
            result.Add(m);
        }
        return result;
    }

    private static bool FollowsBelow(string text, int at) =>
        text.AsSpan(at).TrimStart('的').StartsWith("以下", StringComparison.Ordinal)
        || text.AsSpan(at).StartsWith("（含）以下", StringComparison.Ordinal);

    /// <summary>The low end of 10—100万元 takes the high end's trailing unit when that keeps low below high.</summary>
    private static decimal ScaleLikeHigh(decimal low, string lowText, string highText, decimal high)
    {
        if (lowText.Length > 0 && ChineseNumber.UnitPower(lowText[^1]) > 0) return low;
        var t = NumberText.Normalize(highText);
        var yuanAt = t.IndexOfAny(['元', '圆']);
        if (yuanAt <= 0) return low;
        // Only the last unit carries over (八到九百亿 is 8亿..900亿, as JioNLP reads it).
        var power = ChineseNumber.UnitPower(t[yuanAt - 1]);
        if (power <= 0) return low;
        decimal multiplier = 1;
        for (var r = 0; r < power; r++) multiplier *= 10;
        var scaled = low * multiplier;
        return scaled < high ? scaled : low;
    }
}
