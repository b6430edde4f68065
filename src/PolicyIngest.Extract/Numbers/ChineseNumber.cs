using System.Globalization;
using PolicyIngest.Core;

namespace PolicyIngest.Extract.Numbers;

/// <summary>How lenient <see cref="ChineseNumber"/> is; each mode accepts everything the stricter one does.</summary>
public enum NumberMode
{
    /// <summary>Textbook numerals only: 一千零一, 壹拾壹元整, 零点零一. Gaps need 零, no shorthand, no digit strings.</summary>
    Strict,
    /// <summary>Also digit strings (一七二零), spoken shorthand (三万五 = 35000), 〇, 元 without 整.</summary>
    Normal,
    /// <summary>Also Arabic digits mixed with Chinese units: 16.4亿, 5000万, 3千万, 1万600.</summary>
    Smart,
}

/// <summary>
/// Parses one whole Chinese or mixed numeral into a decimal (never a double: 16.4亿 is exactly 1640000000).
/// A failed parse is a value (false), not an exception.
/// </summary>
public static class ChineseNumber
{
    public static bool TryParse(string? text, NumberMode mode, out decimal value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text)) return false;
        var s = Simplify(text);

        var negative = false;
        if (s[0] == '负' || (s[0] == '-' && mode == NumberMode.Smart))
        {
            negative = true;
            s = s[1..];
            if (s.Length == 0) return false;
        }

        decimal result;
        var yuanAt = s.IndexOfAny(['元', '圆']);
        if (yuanAt >= 0)
        {
            if (yuanAt == 0 || !TryParseInteger(s[..yuanAt], mode, out var whole)) return false;
            if (!TryParseJiaoFen(s[(yuanAt + 1)..], mode, out var cents)) return false;
            result = whole + cents;
        }
        else
        {
            var pointAt = s.IndexOf('点');
            if (pointAt >= 0)
            {
                if (pointAt == 0 || !TryParseInteger(s[..pointAt], mode, out var whole)) return false;
                if (!TryParseFraction(s[(pointAt + 1)..], mode, out var fraction)) return false;
                result = whole + fraction;
            }
            else if (!TryParseInteger(s, mode, out result)) return false;
        }

        value = negative ? -result : result;
        return true;
    }

    public static decimal? Parse(string? text, NumberMode mode) => TryParse(text, mode, out var v) ? v : null;

    /// <summary>Value of one Chinese digit character (<see cref="ChineseDigits"/>), else -1.</summary>
    public static int DigitValue(char c) => ChineseDigits.Value(c);

    /// <summary>Power of ten of a unit character (十 1, 百 2, 千 3, 万 4, 亿 8), else -1.</summary>
    public static int UnitPower(char c) => c switch
    {
        '十' or '拾' => 1,
        '百' or '佰' => 2,
        '千' or '仟' => 3,
        '万' => 4,
        '亿' => 8,
        _ => -1,
    };

    /// <summary>Traditional forms to simplified ones, character by character (兩 → 两, 萬 → 万, 億 → 亿, 圓 → 圆).</summary>
    public static string Simplify(string text) =>
        text.IndexOfAny(['兩', '萬', '億', '圓', '貳', '陸']) < 0
            ? text
            : string.Create(text.Length, text, (span, src) =>
            {
                for (var i = 0; i < src.Length; i++)
                {
                    span[i] = src[i] switch
                    {
                        '兩' => '两', '萬' => '万', '億' => '亿', '圓' => '圆', '貳' => '贰', '陸' => '陆', var c => c,
                    };
                }
            });

    private static bool TryParseJiaoFen(string rest, NumberMode mode, out decimal cents)
    {
        cents = 0;
        if (rest.Length == 0) return mode != NumberMode.Strict; // 壹拾壹元: cheque style wants 整 in strict mode
        if (rest is "整" or "正") return true;
        var i = 0;
        var lastPower = 0; // 1 = 角, 2 = 分
        while (i < rest.Length)
        {
            var d = DigitValue(rest[i]);
            if (d < 0 || i + 1 >= rest.Length) return false;
            var power = rest[i + 1] switch { '角' => 1, '分' => 2, _ => 0 };
            if (power == 0 || power <= lastPower) return false;
            cents += d * (power == 1 ? 0.1m : 0.01m);
            lastPower = power;
            i += 2;
        }
        return true;
    }

    private static bool TryParseFraction(string digits, NumberMode mode, out decimal fraction)
    {
        fraction = 0;
        if (digits.Length == 0) return false;
        if (mode == NumberMode.Smart && digits.All(char.IsAsciiDigit))
            return decimal.TryParse("0." + digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out fraction);
        var scale = 0.1m;
        foreach (var c in digits)
        {
            var d = DigitValue(c);
            if (d < 0 || (c == '〇' && mode == NumberMode.Strict)) return false;
            fraction += d * scale;
            scale /= 10;
        }
        // Strict: a written fraction does not end in 零 (零点零, 零点一零 are not textbook numerals).
        return mode != NumberMode.Strict || DigitValue(digits[^1]) != 0;
    }

    private static bool TryParseInteger(string s, NumberMode mode, out decimal value)
    {
        value = 0;
        if (s.Length == 0) return false;

        // A digit string (一七二零, 一一): no units at all.
        if (s.All(c => DigitValue(c) >= 0))
        {
            if (mode == NumberMode.Strict && (s.Length > 1 || s[0] == '〇')) return false;
            foreach (var c in s) value = value * 10 + DigitValue(c);
            return true;
        }
        return TryParsePositional(s, mode, out value);
    }

    /// <summary>
    /// Numerals with units: sections below 万 are built digit × unit; 万 and 亿 close a section.
    /// Strict mode also checks that every skipped place is marked by exactly one 零.
    /// </summary>
    private static bool TryParsePositional(string s, NumberMode mode, out decimal value)
    {
        value = 0;
        var strict = mode == NumberMode.Strict;
        decimal yi = 0, wan = 0, section = 0;
        decimal? pending = null;          // a digit (or an Arabic number in smart mode) waiting for its unit
        var pendingArabic = false;
        var lastSmall = 4;                // place of the last 十/百/千 in this section; 4 = none yet
        var afterBig = false;             // this section follows a 万 or 亿
        var lastBigPower = 0;
        var wanInSegment = false;
        var zeroSeen = false;
        var decimalArabicClosed = false;  // 10.1万: nothing may follow the unit of a decimal Arabic number
        var decimalArabicOpen = false;

        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (decimalArabicClosed) return false;

            if (char.IsAsciiDigit(c))
            {
                if (mode != NumberMode.Smart || pending is not null) return false;
                var start = i;
                while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
                var token = s[start..i];
                if (token.Count(ch => ch == '.') > 1 || token.EndsWith('.')) return false;
                if (!decimal.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)) return false;
                pending = v;
                pendingArabic = true;
                decimalArabicOpen = token.Contains('.');
                continue;
            }

            var digit = DigitValue(c);
            if (c == '零' || c == '〇')
            {
                if (c == '〇' && strict) return false;
                if (pending is not null) return false;
                if (zeroSeen && strict) return false;
                zeroSeen = true;
                i++;
                continue;
            }
            if (digit > 0)
            {
                if (pending is not null) return false;
                pending = digit;
                pendingArabic = false;
                i++;
                continue;
            }
            if (c == '廿')
            {
                if (pending is not null) return false;
                if (!AddSmall(2, 1)) return false;
                i++;
                continue;
            }

            var power = UnitPower(c);
            if (power < 0) return false;
            if (power < 4)
            {
                decimal d;
                if (pending is { } p) d = p;
                else
                {
                    // A bare unit: 十 at the very start (十一), any unit after 零 (一千零十), 十 after a higher unit in lenient modes (一百十一).
                    var atStart = lastSmall == 4 && !afterBig && section == 0 && yi == 0 && wan == 0;
                    var allowed = (power == 1 && atStart) || zeroSeen || (!strict && power == 1 && lastSmall > 1);
                    if (!allowed) return false;
                    d = 1;
                }
                if (!AddSmall(d, power)) return false;
                if (decimalArabicOpen) CloseDecimalUnlessLargerUnitFollows(power);
                i++;
                continue;
            }

            // 万 or 亿 closes a section.
            var sectionValue = section + (pending ?? 0);
            if (pending is not null && !pendingArabic && lastSmall > 1 && lastSmall < 4 && !zeroSeen && strict) return false;
            if (power == 4)
            {
                if (wanInSegment || (sectionValue == 0 && !decimalArabicOpen)) return false;
                wan = (wan + sectionValue) * 10_000m;
                wanInSegment = true;
            }
            else
            {
                var total = yi + wan + sectionValue;
                if (total == 0) return false;
                yi = total * 100_000_000m;
                wan = 0;
                wanInSegment = false;
            }
            section = 0;
            pending = null;
            pendingArabic = false;
            lastSmall = 4;
            afterBig = true;
            lastBigPower = power;
            zeroSeen = false;
            if (decimalArabicOpen) CloseDecimalUnlessLargerUnitFollows(power);
            i++;
        }

        decimal tail = 0;
        if (pending is { } last)
        {
            if (pendingArabic || zeroSeen || (lastSmall == 4 && !afterBig) || lastSmall == 1)
            {
                tail = last;
            }
            else
            {
                // Spoken shorthand: 三万五 = 35000, 一百二 = 120.
                if (strict) return false;
                var unitPower = lastSmall < 4 ? lastSmall : lastBigPower;
                tail = last * Pow10(unitPower - 1);
            }
        }
        value = yi + wan + section + tail;
        return true;

        // 1.5千万 and 16.4亿 are fine; in 10.1万零100 nothing may follow the unit of a decimal Arabic number.
        void CloseDecimalUnlessLargerUnitFollows(int power)
        {
            if (i + 1 < s.Length && UnitPower(s[i + 1]) <= power) decimalArabicClosed = true;
            else if (i + 1 < s.Length && UnitPower(s[i + 1]) < 0) decimalArabicClosed = true;
        }

        bool AddSmall(decimal d, int power)
        {
            if (power >= lastSmall) return false;
            if (strict)
            {
                var expected = lastSmall < 4 ? lastSmall - 1 : afterBig ? 3 : power;
                if (power < expected && !zeroSeen) return false;
                if (power == expected && zeroSeen) return false;
            }
            section += d * Pow10(power);
            lastSmall = power;
            pending = null;
            pendingArabic = false;
            zeroSeen = false;
            return true;
        }
    }

    private static decimal Pow10(int power)
    {
        var r = 1m;
        for (var k = 0; k < power; k++) r *= 10;
        return r;
    }
}
