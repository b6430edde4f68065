using System.Globalization;
using System.Text.RegularExpressions;
using PolicyIngest.Core;

namespace PolicyIngest.Search;

/// <summary>
/// The other way an amount typed in a query is written: laws write fines in Chinese numerals (五百万元, 三千元) and
/// policies mostly in Arabic ones (500万元, 3000元), so a query for one finds the other. Only a whole term that is an
/// amount (a number of up to four digits with its unit) has another spelling; the unit is kept as typed.
/// </summary>
public static partial class AmountSpellings
{
    [GeneratedRegex(@"^(?<n>[0-9]{1,4})(?<unit>万元|亿元|千元|元|万|亿)$")]
    private static partial Regex Arabic();

    [GeneratedRegex(@"^(?<n>[〇零一二两三四五六七八九十百千]+)(?<unit>万元|亿元|元|万|亿)$")]
    private static partial Regex Chinese();

    /// <summary>The other spellings of <paramref name="term"/> (none when it is not an amount).</summary>
    public static IReadOnlyList<string> Of(string term)
    {
        if (Arabic().Match(term) is { Success: true } a && int.TryParse(a.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            var spelled = ChineseNumerals.Format(n) + a.Groups["unit"].Value;
            // 两 for a leading 2 before 千/万 is written too (两千元, 两万元), 二 as often: both.
            return n is >= 2000 and < 3000 ? [spelled, "两" + spelled[1..]] : [spelled];
        }
        if (Chinese().Match(term) is { Success: true } c && ChineseNumerals.Parse(c.Groups["n"].Value.Replace('两', '二')) is > 0 and var value
            && ChineseNumerals.Format(value) == c.Groups["n"].Value.Replace('两', '二').Replace('〇', '零'))
            return [value.ToString(CultureInfo.InvariantCulture) + c.Groups["unit"].Value];
        return [];
    }
}
