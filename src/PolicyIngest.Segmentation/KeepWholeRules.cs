using System.Text.RegularExpressions;

namespace PolicyIngest.Segmentation;

/// <summary>
/// Spans the segmenter keeps as one token before jieba sees the text: numbers with their units (500万元, 0.5%,
/// 30 万元 as pdftotext prints it), 发文字号 (怀经信发〔2025〕35号), article labels (第十二条) and dictionary words
/// holding punctuation (首台（套）). Each rule can be switched off.
/// </summary>
public sealed partial class KeepWholeRules
{
    public bool NumbersWithUnits { get; init; } = true;
    public bool DocumentNumbers { get; init; } = true;
    public bool ArticleLabels { get; init; } = true;
    public bool PunctuatedWords { get; init; } = true;

    public static KeepWholeRules All { get; } = new();

    // Words that precede a 发文字号 in running text but are not part of it (根据京政发〔2020〕1号).
    private static readonly string[] LeadingWords =
        ["根据", "按照", "依据", "依照", "参照", "参见", "执行", "印发", "转发", "关于", "落实", "即", "见", "及", "和", "与", "的", "了", "对", "经", "按", "据", "以"];

    [GeneratedRegex(@"(?<prefix>[\u4E00-\u9FD5]{1,14})[〔\[［](?:19|20)\d{2}[〕\]］]第?\d{1,5}号|(?<prefix>[\u4E00-\u9FD5]{1,14})[（(](?:19|20)\d{2}[）)]第?\d{1,5}号")]
    private static partial Regex DocumentNumberPattern();

    [GeneratedRegex(@"第[一二三四五六七八九十百千零〇两0-9０-９]{1,7}[条章节款项编]")]
    private static partial Regex ArticleLabelPattern();

    [GeneratedRegex(@"(?<![0-9０-９.．])[0-9０-９]+(?:[.．][0-9０-９]+)?[ \u00A0]?(?:个百分点|个月|[万亿千百]?(?:元|美元|平方米|平米|亩|吨|千瓦时|千瓦|兆瓦|台套|家|人次|人|项|个|件)|万|亿|%|％|‰|倍|周岁|天|小时)|[一二三四五六七八九十百千两零〇壹贰叁肆伍陆柒捌玖拾佰仟]{1,8}[万亿]元|[一二三四五六七八九十百千两零〇壹贰叁肆伍陆柒捌玖拾佰仟]{2,8}元")]
    private static partial Regex NumberWithUnitPattern();

    /// <summary>Non-overlapping spans in text order; where rules overlap the earliest, then the longest, wins.</summary>
    public IReadOnlyList<(int Start, int End)> Find(string text, IReadOnlyList<string> punctuatedWords)
    {
        var found = new List<(int Start, int End)>();
        if (DocumentNumbers)
        {
            foreach (Match m in DocumentNumberPattern().Matches(text))
            {
                var prefix = m.Groups["prefix"];
                var start = prefix.Index + LeadingLength(text, prefix.Index, prefix.Length);
                found.Add((start, m.Index + m.Length));
            }
        }
        if (ArticleLabels)
            foreach (Match m in ArticleLabelPattern().Matches(text)) found.Add((m.Index, m.Index + m.Length));
        if (NumbersWithUnits)
            foreach (Match m in NumberWithUnitPattern().Matches(text)) found.Add((m.Index, m.Index + m.Length));
        if (PunctuatedWords)
        {
            foreach (var word in punctuatedWords)
            {
                for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
                    found.Add((at, at + word.Length));
            }
        }
        if (found.Count == 0) return found;
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var kept = new List<(int Start, int End)>(found.Count);
        foreach (var span in found)
        {
            if (kept.Count > 0 && span.Start < kept[^1].End) continue;
            kept.Add(span);
        }
        return kept;
    }

    /// <summary>How many characters at the front of a 发文字号 prefix are running text, not the issuer's abbreviation.</summary>
    private static int LeadingLength(string text, int start, int length)
    {
        var skipped = 0;
        var changed = true;
        while (changed && length - skipped > 2)
        {
            changed = false;
            foreach (var w in LeadingWords)
            {
                if (w.Length < length - skipped - 1 && text.AsSpan(start + skipped).StartsWith(w, StringComparison.Ordinal))
                {
                    skipped += w.Length;
                    changed = true;
                    break;
                }
            }
        }
        return skipped;
    }
}
