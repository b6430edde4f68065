using System.Text;

namespace PolicyIngest.Read.Docx;

/// <summary>Renders a list counter the way Word does for the numFmt values Chinese policy documents use.</summary>
public static class NumberFormatter
{
    private const string Digits = "〇一二三四五六七八九";
    private const string LegalDigits = "零壹贰叁肆伍陆柒捌玖";

    public static string Format(int n, string numFmt) => numFmt switch
    {
        "decimal" => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "decimalZero" => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture),
        "decimalFullWidth" or "decimalFullWidth2" => string.Concat(n.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０'))),
        "chineseCounting" or "chineseCountingThousand" or "japaneseCounting" or "taiwaneseCounting" or "taiwaneseCountingThousand" or "koreanCounting"
            => ChineseCounting(n, "零一二三四五六七八九", "十百千"),
        "chineseLegalSimplified" or "japaneseLegal" => ChineseCounting(n, LegalDigits, "拾佰仟"),
        "ideographDigital" or "japaneseDigitalTenThousand" or "taiwaneseDigital" => string.Concat(n.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => Digits[c - '0'])),
        "ideographTraditional" => n is >= 1 and <= 10 ? "甲乙丙丁戊己庚辛壬癸"[n - 1].ToString() : n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "ideographZodiac" => n is >= 1 and <= 12 ? "子丑寅卯辰巳午未申酉戌亥"[n - 1].ToString() : n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" => n is >= 1 and <= 20 ? ((char)('①' + n - 1)).ToString() : n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "decimalEnclosedParen" => $"({n})",
        "decimalEnclosedFullstop" => $"{n}.",
        "ideographEnclosedCircle" => n is >= 1 and <= 10 ? ((char)('㈠' + n - 1)).ToString() : n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "ideographLegalTraditional" => ChineseCounting(n, "零壹貳參肆伍陸柒捌玖", "拾佰仟"),
        "lowerLetter" => Letters(n, 'a'),
        "upperLetter" => Letters(n, 'A'),
        "lowerRoman" => Roman(n).ToLowerInvariant(),
        "upperRoman" => Roman(n),
        "none" => "",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>1 一, 10 十, 11 十一, 20 二十, 105 一百零五, 110 一百一十 (Word's chineseCounting).</summary>
    public static string ChineseCounting(int n, string digits, string units)
    {
        if (n <= 0 || n >= 10000) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (n < 10) return digits[n].ToString();
        if (n < 20) return units[0] + (n % 10 == 0 ? "" : digits[n % 10].ToString());
        var sb = new StringBuilder();
        var places = new[] { (1000, 2), (100, 1), (10, 0) };
        var pendingZero = false;
        var rest = n;
        foreach (var (value, unit) in places)
        {
            var d = rest / value;
            rest %= value;
            if (d == 0) { if (sb.Length > 0) pendingZero = true; continue; }
            if (pendingZero) { sb.Append(digits[0]); pendingZero = false; }
            sb.Append(digits[d]).Append(units[unit]);
        }
        if (rest > 0)
        {
            if (pendingZero) sb.Append(digits[0]);
            sb.Append(digits[rest]);
        }
        return sb.ToString();
    }

    private static string Letters(int n, char a)
    {
        if (n <= 0) return "";
        var letter = (char)(a + (n - 1) % 26);
        return new string(letter, (n - 1) / 26 + 1);
    }

    private static string Roman(int n)
    {
        if (n is <= 0 or >= 4000) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        foreach (var (v, s) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
            while (n >= v) { sb.Append(s); n -= v; }
        return sb.ToString();
    }
}
