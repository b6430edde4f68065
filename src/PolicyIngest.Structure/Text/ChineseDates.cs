using PolicyIngest.Core;
using System.Text.RegularExpressions;

namespace PolicyIngest.Structure.Text;

/// <summary>Dates as written in policies: 2025年7月10日, 2025 年 7 月 10 日, 二○一二年一月九日, 2023-09-26.</summary>
public static partial class ChineseDates
{
    private const string DigitClass = "0-9０-９〇○零ОＯ一二三四五六七八九十";

    /// <summary>One date anywhere in a string (年月日 or yyyy-MM-dd); group "date" spans it.</summary>
    [GeneratedRegex($@"(?<y>[{DigitClass}]{{4}})\s*年\s*(?<m>[{DigitClass}]{{1,3}})\s*月\s*(?<d>[{DigitClass}]{{1,3}})\s*日|(?<y>(19|20)\d{{2}})\s*[-./]\s*(?<m>\d{{1,2}})\s*[-./]\s*(?<d>\d{{1,2}})(?!\d)")]
    public static partial Regex DatePattern();

    [GeneratedRegex($@"^(?<y>[{DigitClass}]{{4}})\s*年\s*(?<m>[{DigitClass}]{{1,3}})\s*月")]
    private static partial Regex YearMonthPattern();

    /// <summary>Parses the first date in <paramref name="text"/>; null when there is none or it is not a real day.</summary>
    public static DateOnly? Find(string text) => FromMatch(DatePattern().Match(text));

    public static DateOnly? FromMatch(Match m)
    {
        if (!m.Success) return null;
        var y = ChineseNumerals.ParseDigitSequence(m.Groups["y"].Value);
        var mo = ChineseNumerals.Parse(m.Groups["m"].Value);
        var d = ChineseNumerals.Parse(m.Groups["d"].Value);
        if (y is not { } year || mo is not { } month || d is not { } day) return null;
        if (year < 1949 || year > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    /// <summary>A line that is nothing but a date (a signature date), optionally followed by 印发/发布/公布.</summary>
    public static DateOnly? WholeLine(string line)
    {
        var s = line.Trim().Trim('　');
        var m = DatePattern().Match(s);
        if (!m.Success || m.Index != 0) return null;
        var rest = s[(m.Index + m.Length)..].Trim();
        return rest is "" or "印发" or "发布" or "公布" or "印" ? FromMatch(m) : null;
    }
}
