using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Extract.Amounts;

/// <summary>A sum of money found in one piece of text, with its role, scope and condition.</summary>
public sealed record FoundAmount(
    string Text, int Start, decimal Yuan, decimal? YuanHigh, string Unit, AmountRole Role, string? Per, string? Condition);

/// <summary>A percentage found in one piece of text, with its role and base.</summary>
public sealed record FoundRate(string Text, int Start, decimal Percent, decimal? PercentHigh, RateRole Role, string? Base);

public sealed record PhraseFindings(IReadOnlyList<FoundAmount> Amounts, IReadOnlyList<FoundRate> Rates);

/// <summary>
/// Every amount and rate in one clause's text: pure, string in, records out.
/// Roles come from the words around each number inside its phrase (between ，；。 and the previous number);
/// numbers listed together (30万元和80万元; 50万元、80万元、100万元) share a role and take their
/// conditions from the enumeration they are 分别 distributed over, or from their own inline labels.
/// </summary>
public static partial class AmountPhrases
{
    public static PhraseFindings Find(string text)
    {
        if (string.IsNullOrEmpty(text)) return new([], []);
        var mentions = Mentions.Find(text);
        if (mentions.Count == 0) return new([], []);

        var amounts = new List<FoundAmount>();
        var rates = new List<FoundRate>();
        var ends = mentions.Select(m => m.End).Order().ToArray();
        int PreviousEndOf(Mention m) => PreviousEnd(ends, m);
        var money = mentions.Where(m => !m.IsPercent).ToList();
        var percents = mentions.Where(m => m.IsPercent).ToList();

        foreach (var group in Groups(text, money))
        {
            var conditions = Conditions(text, group);
            AmountRole? groupRole = null;
            var pers = new string?[group.Count];
            for (var k = 0; k < group.Count; k++)
            {
                // A scope stated before the list holds for the members after it (每年分别给予500万元、100万元).
                pers[k] = Cues.Per(text, group[k], PreviousEndOf(group[k])) ?? (k > 0 ? pers[k - 1] : null);
            }
            // 分别给予30万元和80万元一次性资金支持: a scope stated after the list holds for all of it.
            if (Cues.PerAfter(text, group[^1]) is { } after)
            {
                for (var k = 0; k < group.Count; k++) pers[k] ??= after;
            }
            for (var k = 0; k < group.Count; k++)
            {
                var m = group[k];
                var previousEnd = PreviousEndOf(m);
                var (role, hadCue) = Cues.AmountRole(text, m, previousEnd);
                if (k > 0 && !hadCue && groupRole is { } inherited) role = inherited;
                if (k == 0) groupRole = role;
                amounts.Add(new FoundAmount(
                    SpanText(text, m),
                    m.Start,
                    m.Low,
                    m.High,
                    m.Unit,
                    role,
                    pers[k],
                    conditions?[k] ?? Cues.IncrementCondition(text, m, previousEnd)));
            }
        }

        foreach (var group in Groups(text, percents))
        {
            RateRole? groupRole = null;
            string? groupBase = null;
            for (var k = 0; k < group.Count; k++)
            {
                var m = group[k];
                var (role, hadCue, rateBase) = Cues.RateRole(text, m, PreviousEndOf(m));
                if (k > 0 && !hadCue && groupRole is { } inherited) { role = inherited; rateBase ??= groupBase; }
                if (k == 0) { groupRole = role; groupBase = rateBase; }
                rates.Add(new FoundRate(SpanText(text, m), m.Start, m.Low, m.High, role, rateBase));
            }
        }
        return new PhraseFindings(amounts, rates);
    }

    /// <summary>The latest end of a number ending at or before <paramref name="m"/>'s start (0 if none), from the sorted ends:
    /// a binary search, where a scan of every mention per mention was quadratic in numbers per clause.</summary>
    private static int PreviousEnd(int[] sortedEnds, Mention m)
    {
        var i = Array.BinarySearch(sortedEnds, m.Start);
        if (i < 0) i = ~i - 1;
        else while (i + 1 < sortedEnds.Length && sortedEnds[i + 1] == m.Start) i++;
        return i >= 0 ? sortedEnds[i] : 0;
    }

    /// <summary>The exact span with the bound words that touch it: 最高不超过500万元, 50万元（含）以上.</summary>
    private static string SpanText(string text, Mention m)
    {
        var start = m.Start;
        // The bound words are at most 6 characters: look at the last few before the number only (matching the whole
        // text before it made every number cost the length of the clause).
        var from = Math.Max(0, start - 8);
        var prefix = BoundPrefix().Match(text[from..start]);
        if (prefix.Success) start = from + prefix.Index;
        var end = m.End;
        var suffix = BoundSuffix().Match(text, end);
        if (suffix.Success && suffix.Index == end) end += suffix.Length;
        return text[start..end];
    }

    [GeneratedRegex("(?:最高不超过|最高不高于|最多不超过|最低不少于|最低不低于|不超过|不高于|不低于|不少于|最高|最低|最多|至少|超过|达到|突破|低于|不足|高于)[ \u00A0]?$")]
    private static partial Regex BoundPrefix();

    [GeneratedRegex("\\G(?:（含）|\\(含\\))?(?:及以上|以上|以下|以内)")]
    private static partial Regex BoundSuffix();

    /// <summary>Numbers listed together: only 、 和 及 与 或 (and an inline label such as 国家标准) between them.</summary>
    private static List<List<Mention>> Groups(string text, List<Mention> mentions)
    {
        var groups = new List<List<Mention>>();
        foreach (var m in mentions)
        {
            if (groups.Count > 0 && IsListGap(text[groups[^1][^1].End..m.Start])) groups[^1].Add(m);
            else groups.Add([m]);
        }
        return groups;
    }

    private static bool IsListGap(string gap) => ListGap().IsMatch(gap);

    [GeneratedRegex("^(?:的?(?:资金|奖励|补贴|补助)?(?:、|和|及|与|或|以及)(?:[^，。；;、\\d０-９元]{0,10}?))$")]
    private static partial Regex ListGap();

    /// <summary>
    /// Conditions of a tiered list: inline labels (分别给予国际标准50万元、国家标准30万元), else the enumeration the
    /// amounts are 分别 distributed over (北京市“专精特新”中小企业、国家级专精特新“小巨人”称号的企业分别给予30万元和80万元).
    /// </summary>
    private static string?[]? Conditions(string text, List<Mention> group)
    {
        if (group.Count < 2) return null;
        var labels = new string?[group.Count];
        var allInline = true;
        for (var k = 1; k < group.Count; k++)
        {
            var gap = text[group[k - 1].End..group[k].Start];
            var label = ListSeparator().Replace(gap, "").Trim();
            label = Cues.StripAwardWords(label);
            labels[k] = label.Length > 0 ? label : null;
            allInline &= labels[k] is not null;
        }
        if (allInline)
        {
            var before = Cues.PhraseBefore(text, group[0].Start, group[0].Start - SentenceLookBack);
            var first = Cues.StripAwardWords(Cues.AfterLastAwardVerb(before));
            if (first.Length is > 0 and <= 12)
            {
                labels[0] = first;
                return labels;
            }
        }

        var sentenceStart = Cues.SentenceStart(text, group[0].Start, group[0].Start - SentenceLookBack);
        var prefix = text[sentenceStart..group[0].Start];
        var fenbie = prefix.LastIndexOf("分别", StringComparison.Ordinal);
        if (fenbie < 0) return null;
        var items = Enumeration(prefix[..fenbie], group.Count);
        return items;
    }

    /// <summary>How far back a list's sentence is read for its labels or its 分别 enumeration: far beyond any real
    /// sentence, and a bound on the work for a text with no sentence marks.</summary>
    private const int SentenceLookBack = 2000;

    [GeneratedRegex("^(?:的?(?:资金|奖励|补贴|补助)?)(?:、|和|及|与|或|以及)")]
    private static partial Regex ListSeparator();

    /// <summary>The last enumeration of exactly <paramref name="count"/> items (A、B和C) before 分别, trimmed to the items.</summary>
    private static string?[]? Enumeration(string beforeFenbie, int count)
    {
        var segments = SegmentSplit().Split(beforeFenbie);
        for (var s = segments.Length - 1; s >= Math.Max(0, segments.Length - 2); s--)
        {
            // A、B和C is ambiguous (软件和信息技术服务业 is one item): with 、 present only 、 separates items.
            var pieces = segments[s].Contains('、') ? segments[s].Split('、') : PairSplit().Split(segments[s]);
            if (pieces.Length < 2) continue;
            // Exactly as many items as amounts, else the pairing is a guess: no conditions rather than wrong ones.
            if (pieces.Length != count) return null;
            var items = pieces.ToArray();
            items[0] = LeadingCue().Replace(items[0], "");
            items[^1] = TrailingHead().Replace(items[^1], "");
            for (var k = 0; k < items.Length; k++) items[k] = items[k].Trim();
            if (items.Any(i => i.Length == 0 || i.Length > 30 || NotAnItem().IsMatch(i))) return null;
            return items;
        }
        return null;
    }

    /// <summary>第二、三年 is an ordinal range, and a piece holding a clause (根据…结果) is no enumeration item.</summary>
    [GeneratedRegex("^第|根据|按照|结果|期间|年度|每年")]
    private static partial Regex NotAnItem();

    [GeneratedRegex("[，,；;：:]")]
    private static partial Regex SegmentSplit();

    [GeneratedRegex("以及|和|及|或|与")]
    private static partial Regex PairSplit();

    [GeneratedRegex("^.*(?:对于|对|获得|获评|被评为|评定为|认定为|新评定为|列入|进入|参与|参加|按照|按|依据|根据|新建|新获|首次|属于|其中)")]
    private static partial Regex LeadingCue();

    [GeneratedRegex("(?:称号|认定|资质)?(?:的[^的、]{0,8})?(?:等)?$")]
    private static partial Regex TrailingHead();
}
