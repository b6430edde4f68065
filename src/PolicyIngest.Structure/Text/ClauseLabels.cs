using PolicyIngest.Core;
using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Structure.Text;

/// <summary>Numbering levels, outermost first. The outline style (一、（一）1.（1）①) nests below 条.</summary>
public enum LabelLevel
{
    Part = 0,      // 第一编, 第一部分
    Chapter = 1,   // 第一章
    Section = 2,   // 第一节
    Article = 3,   // 第一条
    Outline1 = 4,  // 一、
    Outline2 = 5,  // （一） (一) ㈠
    Outline3 = 6,  // 1. 1． 1、
    Outline4 = 7,  // （1） (1)
    Outline5 = 8,  // ①
}

/// <summary>A label found at the start of a line: its level, number, canonical form and what follows it.</summary>
public sealed record LabelMatch(LabelLevel Level, int Number, string Label, string Rest, string Source)
{
    public ClauseKind Kind => Level switch
    {
        LabelLevel.Part or LabelLevel.Chapter => ClauseKind.Chapter,
        LabelLevel.Section or LabelLevel.Outline1 => ClauseKind.Section,
        LabelLevel.Article => ClauseKind.Article,
        LabelLevel.Outline2 => ClauseKind.Item,
        _ => ClauseKind.Subitem,
    };

    /// <summary>The id segment: ch2, art5, s2, i8, n3, q1, c2.</summary>
    public string IdSegment => Level switch
    {
        LabelLevel.Part => "pt",
        LabelLevel.Chapter => "ch",
        LabelLevel.Section => "sec",
        LabelLevel.Article => "art",
        LabelLevel.Outline1 => "s",
        LabelLevel.Outline2 => "i",
        LabelLevel.Outline3 => "n",
        LabelLevel.Outline4 => "q",
        _ => "c",
    } + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Recognises and canonicalises clause labels at the start of a line.</summary>
public static partial class ClauseLabels
{
    private const string Num = "[0-9０-９〇○零一二两三四五六七八九十百千]";

    // 第X条 must be followed by a break, not by words that make it a citation (第三条规定, 第三条的, 第三条、第四条).
    [GeneratedRegex($@"^第\s*(?<n>{Num}(\s*{Num}){{0,8}})\s*(?<u>部分|编|章|节|条)(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex Structural();

    [GeneratedRegex($@"^(?<n>[一二三四五六七八九十百]{{1,4}})\s*[、．.]\s*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex Outline1();

    [GeneratedRegex(@"^[（(]\s*(?<n>[一二三四五六七八九十百]{1,4})\s*[）)]\s*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex Outline2();

    [GeneratedRegex(@"^(?<n>[0-9０-９]{1,3})\s*(?<sep>[.．、](?![0-9０-９])|\s+(?=[\u4e00-\u9fff]))\s*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex Outline3();

    [GeneratedRegex(@"^[（(]\s*(?<n>[0-9０-９]{1,3})\s*[）)]\s*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex Outline4();

    /// <summary>Words right after 第X条 that show the article is being cited, not started.</summary>
    private static readonly string[] CitationFollowers =
        ["规定", "的", "之", "所", "中", "第", "和", "或", "及", "、", "至", "到", "款", "项", "（", "(", "，", "。", "；", "明确", "确定", "列", "以", "范围", "办理", "执行"];

    /// <summary>The label at the start of <paramref name="line"/>, or null. Never a label mentioned mid-sentence.</summary>
    public static LabelMatch? Match(string line)
    {
        var s = line.TrimStart(' ', '　', '\t');
        if (s.Length == 0) return null;
        var m = Structural().Match(s);
        if (m.Success && ChineseNumerals.Parse(m.Groups["n"].Value) is { } n && n > 0)
        {
            var rest = m.Groups["rest"].Value;
            var unit = m.Groups["u"].Value;
            var level = unit switch { "编" or "部分" => LabelLevel.Part, "章" => LabelLevel.Chapter, "节" => LabelLevel.Section, _ => LabelLevel.Article };
            if (!LooksLikeCitation(rest, level))
                return new LabelMatch(level, n, $"第{ChineseNumerals.Format(n)}{unit}", rest.Trim(' ', '　', '\t'), s[..(s.Length - rest.Length)]);
        }
        if (s[0] is >= '\u2460' and <= '\u2473')
            return new LabelMatch(LabelLevel.Outline5, s[0] - '\u2460' + 1, s[0].ToString(), s[1..].Trim(' ', '　'), s[..1]);
        if (s[0] is >= '\u3220' and <= '\u3229')
        {
            var k = s[0] - '\u3220' + 1;
            return new LabelMatch(LabelLevel.Outline2, k, $"（{ChineseNumerals.Format(k)}）", s[1..].Trim(' ', '　'), s[..1]);
        }
        if (Outline2().Match(s) is { Success: true } o2 && ChineseNumerals.Parse(o2.Groups["n"].Value) is { } n2)
            return Make(LabelLevel.Outline2, n2, $"（{ChineseNumerals.Format(n2)}）", o2, s);
        if (Outline4().Match(s) is { Success: true } o4 && ChineseNumerals.Parse(o4.Groups["n"].Value) is { } n4 && n4 > 0)
            return Make(LabelLevel.Outline4, n4, $"（{n4}）", o4, s);
        if (Outline1().Match(s) is { Success: true } o1 && ChineseNumerals.Parse(o1.Groups["n"].Value) is { } n1
            && o1.Groups["rest"].Value.Length > 0 && !o1.Groups["rest"].Value.StartsWith('、'))
            return Make(LabelLevel.Outline1, n1, ChineseNumerals.Format(n1), o1, s);
        if (Outline3().Match(s) is { Success: true } o3 && ChineseNumerals.Parse(o3.Groups["n"].Value) is { } n3 && n3 > 0
            && o3.Groups["rest"].Value.Length > 0 && !(o3.Groups["sep"].Value.Trim().Length == 0 && StartsWithUnit(o3.Groups["rest"].Value)))
            return Make(LabelLevel.Outline3, n3, $"{n3}.", o3, s);
        return null;
    }

    private static LabelMatch Make(LabelLevel level, int n, string label, Match m, string s)
    {
        var rest = m.Groups["rest"].Value;
        return new LabelMatch(level, n, label, rest.Trim(' ', '　', '\t'), s[..(s.Length - rest.Length)]);
    }

    private static bool LooksLikeCitation(string rest, LabelLevel level)
    {
        var r = rest.TrimStart(' ', '　', '\t');
        if (r.Length == 0) return level == LabelLevel.Article;   // a bare 第五条 line is a citation fragment, a bare 第一章 is a chapter
        if (rest.Length > r.Length) return false;               // 第五条 followed by a space: the article starts
        return CitationFollowers.Any(r.StartsWith);
    }

    /// <summary>A table-of-contents entry: 第一章 总则……………1 (dot leaders and a page number).</summary>
    public static bool IsContentsEntry(string line) => ContentsEntry().IsMatch(line);

    [GeneratedRegex(@"([.…·．]{3,}|[-—]{3,})\s*\d{1,4}\s*$")]
    private static partial Regex ContentsEntry();

    /// <summary>1 年, 2 个月, 3 万元: a number with a unit, not an outline label.</summary>
    private static bool StartsWithUnit(string rest) =>
        rest.Length > 0 && "年月日万亿元个家项次人号%％倍天小分岁批类级".Contains(rest[0]);

    /// <summary>Replaces a label at the start of a line by its canonical form (for comparing coverage).</summary>
    public static string Canonicalise(string line) =>
        Match(line) is { } m ? m.Label + line.TrimStart(' ', '　', '\t')[m.Source.Length..] : line;
}
