namespace PolicyIngest.Track.Text;

/// <summary>Chinese numerals for article labels (15 → 十五, 105 → 一百零五) and the reverse for small numbers.</summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>Formats 1…9999 the way article labels write them: 十五 (not 一十五), 一百一十, 一千零一十.</summary>
    public static string Format(int n)
    {
        if (n is <= 0 or > 9999) throw new ArgumentOutOfRangeException(nameof(n), n, "article numbers run from 1 to 9999");
        if (n < 20 && n >= 10) return n == 10 ? "十" : "十" + Digits[n - 10];
        var units = new[] { (1000, "千"), (100, "百"), (10, "十"), (1, "") };
        var sb = new System.Text.StringBuilder();
        var pendingZero = false;
        foreach (var (value, name) in units)
        {
            var d = n / value % 10;
            if (d == 0)
            {
                if (sb.Length > 0) pendingZero = true;
                continue;
            }
            if (pendingZero) { sb.Append('零'); pendingZero = false; }
            sb.Append(Digits[d]).Append(name);
        }
        return sb.ToString();
    }

    /// <summary>Parses 一…九千九百九十九 (also 两, 〇); null when the text is not such a numeral.</summary>
    public static int? Parse(string text)
    {
        if (text.Length == 0) return null;
        int total = 0, digit = -1;
        foreach (var ch in text)
        {
            var d = ch switch { '〇' or '零' => 0, '两' => 2, _ => Digits.IndexOf(ch) };
            if (d >= 0) { digit = d; continue; }
            var unit = ch switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0) return null;
            total += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }
        return total + (digit > 0 ? digit : 0);
    }
}
