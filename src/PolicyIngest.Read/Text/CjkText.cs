using System.Text;

namespace PolicyIngest.Read.Text;

/// <summary>Character facts the readers share. Nothing here rewrites meaning-bearing characters such as （一） or 〔2025〕.</summary>
public static class CjkText
{
    // U+2F00..U+2FD5, the 214 Kangxi radicals, in order: the ideograph each one stands for (their NFKC mapping).
    private const string KangxiIdeographs =
        "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

    /// <summary>Han ideographs (BMP blocks) — the characters fidelity is measured on.</summary>
    public static bool IsHan(char c) => c is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>Han, CJK punctuation and full-width forms: text after which pdftotext's inserted space is never real.</summary>
    public static bool IsCjk(char c) =>
        IsHan(c) || c is >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF' or >= '\u2F00' and <= '\u2FDF'
        || c is '“' or '”' or '‘' or '’' or '—' or '…' or '·';

    public static bool IsAsciiWord(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '%' or '.' or ',';

    /// <summary>Maps only the Kangxi-radical code points (⽂⼈⽀ from some PDF producers) to the ideographs they stand for.</summary>
    public static string MapKangxiRadicals(string text)
    {
        if (!text.Any(c => c is >= '\u2F00' and <= '\u2FD5')) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(c is >= '\u2F00' and <= '\u2FD5' ? KangxiIdeographs[c - '\u2F00'] : c);
        return sb.ToString();
    }

    /// <summary>
    /// Removes the spaces pdftotext puts between CJK and ASCII text (<c>30 万元</c> → <c>30万元</c>,
    /// <c>〔2025〕8 号</c> → <c>〔2025〕8号</c>). Spaces between two Latin words stay; a space between two CJK
    /// characters stays too (it was typed: <c>第一章 总则</c>) unless <paramref name="alsoBetweenCjk"/> (OCR output).
    /// </summary>
    public static string RemoveSpacesAroundCjk(string text, bool alsoBetweenCjk = false)
    {
        if (!text.Contains(' ') && !text.Contains('\u00A0')) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '\u00A0')
            {
                var end = i;
                while (end < text.Length && text[end] is ' ' or '\u00A0') end++;
                var before = sb.Length > 0 ? sb[^1] : '\0';
                var after = end < text.Length ? text[end] : '\0';
                var drop = before == '\0' || after == '\0'
                    || (IsCjk(before) && IsCjk(after) ? alsoBetweenCjk : IsCjk(before) || IsCjk(after));
                if (!drop) sb.Append(' ');
                i = end - 1;
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Joins two pieces of one paragraph split at a line end: no space next to CJK, one space between Latin words.</summary>
    public static string JoinLines(string left, string right)
    {
        if (left.Length == 0) return right;
        if (right.Length == 0) return left;
        var a = left[^1];
        var b = right[0];
        if (a == '-' && left.Length > 1 && char.IsAsciiLetter(left[^2]) && char.IsAsciiLetterLower(b)) return left[..^1] + right;
        return IsCjk(a) || IsCjk(b) ? left + right : left + " " + right;
    }

    /// <summary>
    /// OCR output only: ASCII punctuation that touches a Han character becomes the full-width form Chinese text uses
    /// (tesseract's chi_sim model prints <c>:</c> <c>(</c> <c>,</c> for ：（，). Printed text is never changed this way.
    /// </summary>
    public static string FullWidthPunctuationForOcr(string text)
    {
        const string ascii = "(),:;?!";
        const string full = "（），：；？！";
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var k = ascii.IndexOf(chars[i]);
            if (k < 0) continue;
            var before = i > 0 ? text[i - 1] : '\0';
            var after = i + 1 < text.Length ? text[i + 1] : '\0';
            if (IsHan(before) || IsHan(after) || (k <= 1 && (IsCjk(before) || IsCjk(after)))) chars[i] = full[k];
        }
        return new string(chars);
    }
}
