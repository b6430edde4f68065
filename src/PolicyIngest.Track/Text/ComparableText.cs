using PolicyIngest.Core;
using System.Text;

namespace PolicyIngest.Track.Text;

/// <summary>
/// Text for comparison only: cosmetic differences removed — whitespace and line breaks, half- vs full-width
/// brackets and punctuation, ㈠ vs （一）, 第15条 vs 第十五条, thousands separators, quote and dash styles,
/// 〇/零 and variant or compatibility characters (<see cref="CharacterVariants"/>).
/// Each character remembers where it came from in the original, so a diff on this text marks the original.
/// The original is never rewritten: this is not a normalisation of the document.
/// </summary>
public sealed class ComparableText
{
    private ComparableText(string original, string text, int[] sourceIndex)
    {
        Original = original;
        Text = text;
        SourceIndex = sourceIndex;
    }

    public string Original { get; }
    public string Text { get; }
    /// <summary>For each character of <see cref="Text"/>, its index in <see cref="Original"/>.</summary>
    public IReadOnlyList<int> SourceIndex { get; }

    public static ComparableText From(string original)
    {
        var sb = new StringBuilder(original.Length);
        var map = new List<int>(original.Length);
        void Emit(char c, int at) { sb.Append(c); map.Add(at); }
        void EmitAll(string s, int at) { foreach (var c in s) Emit(c, at); }

        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            if (char.IsWhiteSpace(c) || c is '\u200b' or '\ufeff') continue;
            if (c == '第' && TryArabicOrdinal(original, i, out var numeral, out var end))
            {
                Emit('第', i);
                EmitAll(numeral, i + 1);
                i = end - 1;
                continue;
            }
            if (c is >= '\u3220' and <= '\u3229') { EmitAll("（" + ChineseNumerals.Format(c - '\u3220' + 1) + "）", i); continue; }
            if (c is >= '\u2474' and <= '\u2487') { EmitAll("（" + (c - '\u2474' + 1) + "）", i); continue; }
            if (c is >= '０' and <= '９') { Emit((char)(c - '０' + '0'), i); continue; }
            if (c is >= 'Ａ' and <= 'Ｚ') { Emit((char)(c - 'Ａ' + 'A'), i); continue; }
            if (c is >= 'ａ' and <= 'ｚ') { Emit((char)(c - 'ａ' + 'a'), i); continue; }
            if ((c == ',' || c == '，') && IsDigitAt(original, i - 1) && IsDigitRun3(original, i + 1)) continue; // 1,000
            c = CharacterVariants.Fold(c);
            Emit(c switch
            {
                '(' => '（', ')' => '）', ',' => '，', ';' => '；', ':' => '：', '?' => '？', '!' => '！',
                '“' or '”' or '＂' or '「' or '」' => '"',
                '‘' or '’' or '＇' => '\'',
                '—' or '–' or '－' or '‑' or '―' or '~' or '～' => '-',
                '〔' or '［' or '[' => '〔', '〕' or '］' or ']' => '〕',
                '．' when IsDigitAt(original, i - 1) => '.',
                _ => c,
            }, i);
        }
        return new ComparableText(original, sb.ToString(), map.ToArray());
    }

    /// <summary>The original span [start, end) that comparable characters [from, to) came from.</summary>
    public (int Start, int End) OriginalSpan(int from, int to)
    {
        if (to <= from) return (from < SourceIndex.Count ? SourceIndex[from] : Original.Length, from < SourceIndex.Count ? SourceIndex[from] : Original.Length);
        var start = SourceIndex[from];
        var end = to < SourceIndex.Count ? SourceIndex[to] : Original.Length;
        // A multi-character expansion (㈠ → （一）) maps several characters to one source index.
        if (end <= start) end = start + 1;
        // Trailing whitespace of the original belongs to no change.
        while (end > start + 1 && char.IsWhiteSpace(Original[end - 1])) end--;
        return (start, end);
    }

    private static bool IsDigitAt(string s, int i) => i >= 0 && i < s.Length && char.IsAsciiDigit(s[i]);

    private static bool IsDigitRun3(string s, int i) =>
        i + 2 < s.Length && char.IsAsciiDigit(s[i]) && char.IsAsciiDigit(s[i + 1]) && char.IsAsciiDigit(s[i + 2])
        && (i + 3 >= s.Length || !char.IsAsciiDigit(s[i + 3]));

    /// <summary>第15条 / 第 1 0 条 / 第１５章 → the Chinese numeral (十五) for 条, 章, 节, 款, 项, 编.</summary>
    private static bool TryArabicOrdinal(string s, int at, out string numeral, out int end)
    {
        numeral = "";
        end = at;
        var value = 0;
        var digits = 0;
        var i = at + 1;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c is ' ' or '\u3000') continue;
            var d = c is >= '0' and <= '9' ? c - '0' : c is >= '０' and <= '９' ? c - '０' : -1;
            if (d < 0) break;
            value = value * 10 + d;
            digits++;
            if (digits > 4) return false;
        }
        if (digits == 0 || value == 0 || i >= s.Length || "条章节款项编".IndexOf(s[i]) < 0) return false;
        numeral = ChineseNumerals.Format(value);
        end = i;
        return true;
    }
}
