namespace PolicyIngest.Core;

/// <summary>Chinese and Arabic numerals as they appear in labels and dates: 十五, 一百零一, 1 5, １５, 二○一二.</summary>
public static class ChineseNumerals
{
    private const string Digits = "〇一二三四五六七八九";

    /// <summary>A Chinese digit (<see cref="ChineseDigits"/>) or an Arabic one, half or full width.</summary>
    public static int? DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        _ => ChineseDigits.Value(c) is >= 0 and var d ? d : null,
    };

    /// <summary>Parses 十五, 二十, 一百零一, 15, 1 5, １５ (spaces ignored). Null when it is not a number.</summary>
    public static int? Parse(string text)
    {
        var s = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        if (s.Length == 0) return null;
        if (s.All(c => c is >= '0' and <= '9' or >= '０' and <= '９'))
            return s.Length <= 6 ? s.Aggregate(0, (n, c) => n * 10 + DigitValue(c)!.Value) : null;
        var total = 0;
        var current = 0;
        var sawDigit = false;
        foreach (var c in s)
        {
            if (DigitValue(c) is { } d && !(c is >= '0' and <= '9' or >= '０' and <= '９'))
            {
                current = d;
                sawDigit = true;
                continue;
            }
            var unit = c switch { '十' or '拾' => 10, '百' or '佰' => 100, '千' or '仟' => 1000, _ => 0 };
            if (unit == 0) return null;
            total += (current == 0 && unit == 10 && !sawDigit ? 1 : current) * unit;
            current = 0;
            sawDigit = false;
        }
        return total + current;
    }

    /// <summary>A year written digit by digit: 二○一二 → 2012, 2012 → 2012.</summary>
    public static int? ParseDigitSequence(string text)
    {
        var s = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        if (s.Length == 0) return null;
        var n = 0;
        foreach (var c in s)
        {
            if (DigitValue(c) is not { } d || c is '两') return null;
            n = n * 10 + d;
        }
        return n;
    }

    /// <summary>1 → 一, 10 → 十, 15 → 十五, 20 → 二十, 101 → 一百零一, 110 → 一百一十.</summary>
    public static string Format(int n)
    {
        if (n <= 0) return n == 0 ? "零" : "负" + Format(-n);
        if (n >= 10000) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var parts = new System.Text.StringBuilder();
        int[] units = [1000, 100, 10, 1];
        string[] names = ["千", "百", "十", ""];
        var pendingZero = false;
        for (var i = 0; i < units.Length; i++)
        {
            var d = n / units[i] % 10;
            if (d == 0)
            {
                if (parts.Length > 0) pendingZero = true;
                continue;
            }
            if (pendingZero) { parts.Append('零'); pendingZero = false; }
            if (!(d == 1 && units[i] == 10 && parts.Length == 0)) parts.Append(Digits[d]);
            parts.Append(names[i]);
        }
        return parts.ToString();
    }
}
