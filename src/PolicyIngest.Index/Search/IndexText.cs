using System.Text;

namespace PolicyIngest.Index.Search;

/// <summary>
/// The text the index sees, with a map back to the original: whitespace dropped unless it separates two ASCII
/// words (pdftotext's hard line breaks inside words, its 30 万元 spaces), and brackets around one or two Han
/// characters after a Han character dropped (首台（套） reads as 首台套). The original is never changed.
/// </summary>
public sealed class IndexText
{
    private readonly int[] _origin;

    private IndexText(string text, int[] origin, int originalLength)
    {
        Text = text;
        _origin = origin;
        OriginalLength = originalLength;
    }

    public string Text { get; }

    public int OriginalLength { get; }

    /// <summary>Offset in the original of the character at <paramref name="index"/>; the original's length at the end.</summary>
    public int OriginalStart(int index) => index < _origin.Length ? _origin[index] : OriginalLength;

    /// <summary>End offset (exclusive) in the original of a span ending before <paramref name="end"/>.</summary>
    public int OriginalEnd(int end) => end == 0 ? 0 : _origin[end - 1] + 1;

    public static IndexText Of(string original)
    {
        var sb = new StringBuilder(original.Length);
        var origin = new List<int>(original.Length);
        var i = 0;
        while (i < original.Length)
        {
            var c = original[i];
            if (char.IsWhiteSpace(c))
            {
                var j = i;
                while (j < original.Length && char.IsWhiteSpace(original[j])) j++;
                var before = sb.Length > 0 ? sb[^1] : '\0';
                var after = j < original.Length ? original[j] : '\0';
                if (char.IsAsciiLetterOrDigit(before) && char.IsAsciiLetterOrDigit(after))
                {
                    sb.Append(' ');
                    origin.Add(i);
                }
                i = j;
                continue;
            }
            if (c is '（' or '(' && sb.Length > 0 && IsHan(sb[^1]) && BracketedHan(original, i) is var inner and > 0)
            {
                for (var k = 1; k <= inner; k++)
                {
                    sb.Append(original[i + k]);
                    origin.Add(i + k);
                }
                i += inner + 2;
                continue;
            }
            sb.Append(c);
            origin.Add(i);
            i++;
        }
        return new IndexText(sb.ToString(), origin.ToArray(), original.Length);
    }

    /// <summary>Length of the 1–2 Han characters enclosed by the bracket at <paramref name="open"/>; 0 if not that shape.</summary>
    private static int BracketedHan(string s, int open)
    {
        for (var n = 1; n <= 2; n++)
        {
            var close = open + n + 1;
            if (close >= s.Length) return 0;
            if (!IsHan(s[open + n])) return 0;
            if (s[close] is '）' or ')') return n;
        }
        return 0;
    }

    public static bool IsHan(char c) => c is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
