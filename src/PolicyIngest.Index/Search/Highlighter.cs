using System.Text;
using PolicyIngest.Segmentation;

namespace PolicyIngest.Index.Search;

/// <summary>
/// Finds the query's terms in a clause's ORIGINAL text (through <see cref="IndexText"/>'s offset map, so a term
/// broken by a PDF line break or written 首台（套） is still found) and cuts a snippet with &lt;em&gt; around them.
/// </summary>
public sealed class Highlighter(ClauseAnalyzer analyzer) : IClauseSnippets
{
    public const int SnippetLength = 120;

    /// <summary>Ranges [start, end) of the original text to highlight, sorted and merged.</summary>
    public List<(int Start, int End)> Find(string original, SearchQuery query)
    {
        var text = IndexText.Of(original);
        var ranges = new List<(int Start, int End)>();
        foreach (var term in query.PositiveTerms)
        {
            var needle = IndexText.Of(term.Text).Text.Trim();
            if (needle.Length == 0) continue;
            var found = AddOccurrences(original, text, needle, ranges);
            if (found || term.Phrase) continue;
            foreach (var word in analyzer.Words(IndexText.Of(term.Text), SegmentMode.Precise))
                AddOccurrences(original, text, IndexText.Of(term.Text).Text[word.Start..word.End], ranges);
        }
        ranges.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var r in ranges)
        {
            if (merged.Count > 0 && r.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
            else merged.Add(r);
        }
        return merged;
    }

    /// <summary>A window of about <see cref="SnippetLength"/> characters around the first highlight, HTML-escaped, terms in &lt;em&gt;.</summary>
    public string Snippet(string original, SearchQuery query)
    {
        var ranges = Find(original, query);
        var first = ranges.Count > 0 ? ranges[0].Start : 0;
        var start = Math.Max(0, first - SnippetLength / 3);
        var end = Math.Min(original.Length, start + SnippetLength);
        start = Math.Max(0, Math.Min(start, end - SnippetLength));
        var sb = new StringBuilder(SnippetLength + 40);
        if (start > 0) sb.Append('…');
        var at = start;
        foreach (var (s, e) in ranges)
        {
            if (e <= start || s >= end) continue;
            var hs = Math.Max(s, start);
            var he = Math.Min(e, end);
            Append(sb, original, at, hs);
            sb.Append("<em>");
            Append(sb, original, hs, he);
            sb.Append("</em>");
            at = he;
        }
        Append(sb, original, at, end);
        if (end < original.Length) sb.Append('…');
        return sb.ToString();
    }

    private static bool AddOccurrences(string original, IndexText text, string needle, List<(int Start, int End)> ranges)
    {
        var found = false;
        for (var at = text.Text.IndexOf(needle, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.Text.IndexOf(needle, at + needle.Length, StringComparison.OrdinalIgnoreCase))
        {
            var start = text.OriginalStart(at);
            var end = text.OriginalEnd(at + needle.Length);
            ranges.Add((start, BalancedEnd(original, start, end)));
            found = true;
        }
        return found;
    }

    /// <summary>
    /// 首台套 found in 首台（套）: the end taken past the closing bracket the index text dropped, so a highlight stays balanced.
    /// </summary>
    public static int BalancedEnd(string original, int start, int end) =>
        end < original.Length && original[end] is '）' or ')' && original.AsSpan(start, end - start).IndexOfAny('（', '(') >= 0 ? end + 1 : end;

    private static void Append(StringBuilder sb, string s, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            switch (s[i])
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\r': break;
                case '\n': sb.Append(' '); break;
                default: sb.Append(s[i]); break;
            }
        }
    }
}
