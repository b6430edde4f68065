using System.Text;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Index.Search;

/// <summary>One index term and where it came from in the <see cref="IndexText"/>.</summary>
public readonly record struct Term(string Text, int Start, int End);

/// <summary>
/// Turns text into index terms for the two columns of clause_fts: jieba search-mode words (keep-whole rules on)
/// and overlapping CJK bigrams. Query terms go through the same analysis, so both sides always agree.
/// </summary>
public sealed class ClauseAnalyzer(ISegmenter segmenter)
{
    /// <summary>Words for the words column, in text order; punctuation and spaces dropped, spaces inside tokens removed.</summary>
    public List<Term> Words(IndexText text, SegmentMode mode = SegmentMode.Search)
    {
        var tokens = segmenter.Cut(text.Text, mode);
        var terms = new List<Term>(tokens.Count);
        foreach (var t in tokens)
        {
            var form = TermForm(t.Text);
            if (form.Length > 0) terms.Add(new Term(form, t.Start, t.End));
        }
        return terms;
    }

    /// <summary>Overlapping bigrams of each Han run (a lone Han character is its own term); ASCII words and numbers whole.</summary>
    public static List<Term> Bigrams(IndexText text)
    {
        var s = text.Text;
        var terms = new List<Term>(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            if (IndexText.IsHan(s[i]))
            {
                var j = i;
                while (j < s.Length && IndexText.IsHan(s[j])) j++;
                if (j - i == 1) terms.Add(new Term(s.Substring(i, 1), i, j));
                for (var k = i; k + 1 < j; k++) terms.Add(new Term(s.Substring(k, 2), k, k + 2));
                i = j;
            }
            else if (IsWordChar(s[i]))
            {
                var j = i;
                while (j < s.Length && IsWordChar(s[j])) j++;
                terms.Add(new Term(s[i..j].ToLowerInvariant(), i, j));
                i = j;
            }
            else i++;
        }
        return terms;
    }

    /// <summary>The column texts of one clause: terms joined by spaces.</summary>
    public (string Words, string Grams) Analyze(string original)
    {
        var text = IndexText.Of(original);
        return (Join(Words(text)), Join(Bigrams(text)));
    }

    public static string Join(IEnumerable<Term> terms)
    {
        var sb = new StringBuilder();
        foreach (var t in terms)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(t.Text);
        }
        return sb.ToString();
    }

    /// <summary>
    /// A token as the index stores it: letters, digits and the '.', '%' of amounts; other punctuation and spaces
    /// removed (so 30 万元 and 30万元 are one term, 〔2025〕 keeps its brackets as they are not ASCII).
    /// </summary>
    public static string TermForm(string token)
    {
        var hasContent = false;
        foreach (var c in token)
        {
            if (char.IsLetterOrDigit(c)) { hasContent = true; break; }
        }
        if (!hasContent) return "";
        var sb = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            if (char.IsWhiteSpace(c)) continue;
            if (c < 128 && !char.IsAsciiLetterOrDigit(c) && c is not '.' and not '%') continue;
            if (c < 128) sb.Append(char.ToLowerInvariant(c));
            else if (char.IsLetterOrDigit(c) || c is '〔' or '〕' or '［' or '］' or '％' or '．') sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '%' || (c > 127 && char.IsLetterOrDigit(c) && !IndexText.IsHan(c));
}
