using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyIngest.Extract.Numbers;

/// <summary>What a money phrase says about its value: exact, approximate, bounded or a range.</summary>
public enum MoneyBound { Exact, Approximate, AtMost, AtLeast, Range }

/// <summary>A money phrase read as a whole: value (low end of a range), high end, currency, bound.</summary>
public sealed record MoneyReading(decimal Value, decimal? High, string Currency, MoneyBound Bound);

/// <summary>
/// Reads one whole money phrase (伍仟元整, 1.2万元, 两到三万港元, 至少三块零四, 50万元（含）以上).
/// The extractor finds spans in running text; this reads a span somebody already knows is money.
/// </summary>
public static partial class MoneyText
{
    private static readonly (string Word, string Currency)[] Currencies =
    [
        ("新台币", "新台币"), ("台币", "新台币"), ("港币", "港元"), ("港元", "港元"), ("美元", "美元"), ("美金", "美元"),
        ("日元", "日元"), ("日币", "日元"), ("欧元", "欧元"), ("泰铢", "泰铢"), ("卢布", "卢布"), ("韩元", "韩元"),
        ("澳元", "澳元"), ("人民币", "元"), ("人民幣", "元"),
    ];

    public static bool TryParse(string? text, out MoneyReading reading)
    {
        reading = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = NumberText.Normalize(text);

        var currency = "元";
        var lastAt = -1;
        foreach (var (word, cur) in Currencies)
        {
            for (var at = s.IndexOf(word, StringComparison.Ordinal); at >= 0; at = s.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                if (cur != "元" && at >= lastAt) { currency = cur; lastAt = at; } // the last currency named wins: 三万元欧元
            }
        }
        var strippedPrefix = true;
        while (strippedPrefix)
        {
            strippedPrefix = false;
            foreach (var (word, _) in Currencies)
            {
                if (s.StartsWith(word, StringComparison.Ordinal)) { s = s[word.Length..]; strippedPrefix = true; }
            }
        }
        foreach (var (word, _) in Currencies) s = s.Replace(word, "元", StringComparison.Ordinal);
        s = s.Replace("块钱", "元").Replace("块", "元").Replace("钱", "").Replace("圆", "元").Replace("毛", "角");
        s = CollapseYuan(s);

        var bound = MoneyBound.Exact;
        (s, bound) = StripBounds(s);
        if (s.Length == 0) return false;

        var range = RangeSeparator().Match(s);
        if (range.Success && range.Index > 0 && range.Index + range.Length < s.Length)
        {
            var left = s[..range.Index].TrimStart('从');
            var right = s[(range.Index + range.Length)..];
            if (!TryParseAmount(right, out var high, out _)) return false;
            if (!TryParseAmount(left, out var low, out var leftUnit)) return false;
            // The left half shares the right half's outer unit when its own is smaller: 一百二十到一百五十万 is 120万..150万.
            if (TrailingMultiplier(right) is { } m && Pow10(leftUnit) < m && low * m <= high) low *= m;
            reading = new MoneyReading(low, high, currency, MoneyBound.Range);
            return true;
        }

        if (VagueRange(s) is { } vague)
        {
            reading = new MoneyReading(vague.Low, vague.High, currency, MoneyBound.Range);
            return true;
        }
        if (!TryParseAmount(s, out var value, out _)) return false;
        reading = new MoneyReading(value, null, currency, bound);
        return true;
    }

    private static string CollapseYuan(string s)
    {
        // 三万元欧元 → 三万元; 1万元元 never means two amounts.
        while (s.Contains("元元", StringComparison.Ordinal)) s = s.Replace("元元", "元", StringComparison.Ordinal);
        return s;
    }

    private static (string Remainder, MoneyBound Bound) StripBounds(string s)
    {
        var bound = MoneyBound.Exact;
        foreach (var p in new[] { "大约", "约", "近", "将近", "接近" })
            if (s.StartsWith(p, StringComparison.Ordinal)) { s = s[p.Length..]; bound = p is "近" or "将近" or "接近" ? MoneyBound.AtMost : MoneyBound.Approximate; break; }
        foreach (var p in new[] { "不到", "小于", "少于", "低于", "最多", "不超过", "至多" })
            if (s.StartsWith(p, StringComparison.Ordinal)) { s = s[p.Length..]; bound = MoneyBound.AtMost; break; }
        foreach (var p in new[] { "至少", "最少", "不少于", "不低于", "大于", "超过", "多于" })
            if (s.StartsWith(p, StringComparison.Ordinal)) { s = s[p.Length..]; bound = MoneyBound.AtLeast; break; }
        s = s.Replace("(含)", "", StringComparison.Ordinal).Replace("（含）", "", StringComparison.Ordinal);
        foreach (var (suffix, b) in new[] { ("及以上", MoneyBound.AtLeast), ("以上", MoneyBound.AtLeast), ("以下", MoneyBound.AtMost), ("以内", MoneyBound.AtMost), ("左右", MoneyBound.Approximate), ("上下", MoneyBound.Approximate) })
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal)) { s = s[..^suffix.Length]; bound = b; break; }
        }
        return (s, bound);
    }

    /// <summary>几十万 → 10万..100万, 十几 → 10..20, 3000多 → 3000..4000, 八九亿 → 8亿..9亿, 三五百 → 300..500.</summary>
    private static (decimal Low, decimal High)? VagueRange(string s)
    {
        var t = s.TrimEnd('元');
        if (t.StartsWith("数", StringComparison.Ordinal) || t.StartsWith("几", StringComparison.Ordinal))
        {
            var unit = t[1..];
            if (unit.Length > 0 && unit.All(c => ChineseNumber.UnitPower(c) > 0) && ChineseNumber.TryParse("一" + unit, NumberMode.Smart, out var low))
                return (low, low * 10);
        }
        foreach (var marker in new[] { "几", "多" })
        {
            if (!t.EndsWith(marker, StringComparison.Ordinal) || t.Length < 2) continue;
            var head = t[..^1];
            if (!ChineseNumber.TryParse(head, NumberMode.Smart, out var low) || low <= 0) continue;
            var step = LeadingPlace(head, low);
            return (low, low + step);
        }
        if (t.Length >= 3 && ChineseNumber.DigitValue(t[0]) is > 0 and var a && ChineseNumber.DigitValue(t[1]) is > 0 and var b && b > a)
        {
            var unit = t[2..];
            if (unit.All(c => ChineseNumber.UnitPower(c) > 0) && ChineseNumber.TryParse("一" + unit, NumberMode.Smart, out var scale))
                return (a * scale, b * scale);
        }
        return null;
    }

    /// <summary>The place a vague 多/几 adds to: 十多 → 10, 3000多 → 1000, 三十多万 → 10万.</summary>
    private static decimal LeadingPlace(string head, decimal value)
    {
        var trailingUnits = head.Reverse().TakeWhile(c => ChineseNumber.UnitPower(c) >= 4).ToArray();
        decimal outer = 1;
        foreach (var c in trailingUnits) outer *= Pow10(ChineseNumber.UnitPower(c));
        var inner = value / outer;
        decimal place = 1;
        while (place * 10 <= inner) place *= 10;
        return place * outer;
    }

    private static decimal? TrailingMultiplier(string right)
    {
        var t = right.TrimEnd('元');
        if (t.Length == 0) return null;
        var c = t[^1];
        if (c is 'k' or 'K') return 1000m;
        if (c is 'w' or 'W') return 10_000m;
        var power = ChineseNumber.UnitPower(c);
        return power > 0 ? Pow10(power) : null;
    }

    /// <summary>One amount: 123元1角1分, 一块二, 两毛五, 三块零四, 1.2万, 15k, 两个亿.</summary>
    private static bool TryParseAmount(string s, out decimal value, out int unitPower)
    {
        value = 0;
        unitPower = 0;
        s = s.Replace("个亿", "亿", StringComparison.Ordinal).Replace("个万", "万", StringComparison.Ordinal);
        var yuanAt = s.IndexOf('元');
        var whole = yuanAt >= 0 ? s[..yuanAt] : s;
        var small = yuanAt >= 0 ? s[(yuanAt + 1)..].TrimEnd('整', '正') : "";
        if (yuanAt < 0 && (s.EndsWith('角') || s.EndsWith('分') || s.Contains('角')))
        {
            whole = "";
            small = s;
        }

        decimal integer = 0;
        if (whole.Length > 0)
        {
            if (whole[^1] is 'k' or 'K' or 'w' or 'W')
            {
                var scale = whole[^1] is 'k' or 'K' ? 1000m : 10_000m;
                if (!ChineseNumber.TryParse(whole[..^1], NumberMode.Smart, out var n)) return false;
                integer = n * scale;
                unitPower = scale == 1000m ? 3 : 4;
            }
            else
            {
                if (!ChineseNumber.TryParse(whole, NumberMode.Smart, out integer)) return false;
                unitPower = Math.Max(0, ChineseNumber.UnitPower(whole[^1]));
            }
        }
        else if (small.Length == 0) return false;

        if (!TryParseJiaoFen(small, yuanAt >= 0, out var cents)) return false;
        value = integer + cents;
        return true;
    }

    /// <summary>角/分 after 元: 1角1分, 二角, 七角八分; a bare trailing digit is 角 after 元 (一块二) and 分 after 角 (两毛五); 零四 is 4 分.</summary>
    private static bool TryParseJiaoFen(string s, bool afterYuan, out decimal cents)
    {
        cents = 0;
        if (s.Length == 0) return true;
        var i = 0;
        var next = afterYuan ? 1 : 1; // the place a bare digit takes: 1 = 角, 2 = 分
        while (i < s.Length)
        {
            if (s[i] == '零') { next = 2; i++; continue; }
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.' || ChineseNumber.DigitValue(s[i]) >= 0 || ChineseNumber.UnitPower(s[i]) is > 0 and < 4)) i++;
            if (i == start) return false;
            if (!ChineseNumber.TryParse(s[start..i], NumberMode.Smart, out var d)) return false;
            var place = next;
            if (i < s.Length && s[i] == '角') { place = 1; i++; }
            else if (i < s.Length && s[i] == '分') { place = 2; i++; }
            else if (i < s.Length) return false;
            cents += d * (place == 1 ? 0.1m : 0.01m);
            next = place + 1;
        }
        return true;
    }

    private static decimal Pow10(int power)
    {
        var r = 1m;
        for (var k = 0; k < power; k++) r *= 10;
        return r;
    }

    [GeneratedRegex("(?:到|至|~|～|—+|–+|－+|-+)")]
    private static partial Regex RangeSeparator();
}

/// <summary>Text of a number as printed (full-width digits, thousands separators, pdftotext spaces) made plain.</summary>
public static class NumberText
{
    /// <summary>
    /// For a span already known to be a number or money phrase: full-width digits and points to ASCII, thousands
    /// separators and spaces removed. Other characters (（一）, 〔2025〕) stay as they are; never used on whole clauses.
    /// </summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var c = ch switch
            {
                >= '０' and <= '９' => (char)('0' + (ch - '０')),
                '．' => '.',
                'ｋ' => 'k',
                'ｗ' => 'w',
                _ => ch,
            };
            sb.Append(c);
        }
        var s = sb.ToString();
        sb.Clear();
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if ((c is ',' or '，') && i > 0 && char.IsAsciiDigit(s[i - 1]) && IsThreeDigits(s, i + 1)) continue;
            if (c is ' ' or '\u00A0' or '\u3000') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsThreeDigits(string s, int at) =>
        at + 3 <= s.Length && char.IsAsciiDigit(s[at]) && char.IsAsciiDigit(s[at + 1]) && char.IsAsciiDigit(s[at + 2])
        && (at + 3 == s.Length || !char.IsAsciiDigit(s[at + 3]));

    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
