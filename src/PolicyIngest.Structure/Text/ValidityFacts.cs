using System.Text.RegularExpressions;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Structure.Text;

/// <summary>A piece of a document's text and the clause it stands in (null when not known).</summary>
public sealed record TextSegment(string? ClauseId, string Text);

/// <summary>What a document's validity sentences give: the dates, each with its basis.</summary>
public sealed record ValidityReading(DateOnly? EffectiveFrom, DateOnly? ExpiresOn, Validity Validity);

/// <summary>
/// When a document takes effect and until when, read from the sentences that say so of the document itself: 本办法/本通知…
/// (or the notice that issues it: 现予公布，自…起施行; or a sentence that starts with the statement), never a 有效期 of something
/// else (评定结果有效期三年, 报告有效期为1年, 《X》自…起施行). Each date comes with its rule, sentence and clause; a date
/// nothing states stays null. Also: 试行/暂行 (a trial measure), and changes this document makes to another policy's validity.
/// </summary>
public static partial class ValidityFacts
{
    private const string DocWords = "办法|通知|意见|规定|细则|措施|方案|规则|条例|决定|法典|法|公告|通告|政策|指引|指南|标准|基准|规划|计划|目录|清单|制度|规程|规范|准则|文件|决议";
    private const string Number = "[0-9０-９一二两三四五六七八九十]{1,3}";
    private const string DayText = "[^，,。；;自至到]{6,20}?日";

    /// <summary>The document naming itself: 本办法, 本实施办法, 本若干措施, 本法, 本规则.</summary>
    [GeneratedRegex($"本(?:实施|暂行|试行)?(?:若干)?(?:{DocWords})")]
    private static partial Regex SelfReference();

    [GeneratedRegex($"本(?:实施|暂行|试行)?(?:若干)?(?:{DocWords})的?\\s*$")]
    private static partial Regex SelfReferenceAtEnd();

    /// <summary>The notice that issues the document: 现予公布, 现印发你们, 印发给你们.</summary>
    [GeneratedRegex("现(?:予以?|将)?(?:印发|发布|公布|下发|颁布)|(?:印发|发布|下发)给?你们|予以(?:印发|公布|发布)")]
    private static partial Regex NoticeIssue();

    [GeneratedRegex(@"^\s*(?:第[一二三四五六七八九十百千零〇0-9０-９]+条|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]|[0-9０-９]+[、．.])?\s*")]
    private static partial Regex LeadingLabel();

    [GeneratedRegex(@"[^。；;！!\n]+[。；;！!]?")]
    private static partial Regex SentencePattern();

    [GeneratedRegex(@"^(?:有效期限?|执行期限?|实施期限?)\s*(?:为)?\s*$")]
    private static partial Regex ValidityWordOnly();

    [GeneratedRegex(@"(?:有效期限?|执行期限?|实施期限?)\s*(?:为)?\s*$")]
    private static partial Regex ValidityWordBefore();

    /// <summary>A sentence that opens with the start: 自2019年1月1日起执行，… / 2022年 8月 11日起，…</summary>
    [GeneratedRegex(@"^\s*(?:自|从)?\s*[0-9０-９〇○零一二三四五六七八九]{4}\s*年[^，,。；;]{0,12}?日?\s*起")]
    private static partial Regex OpensWithStart();

    [GeneratedRegex($@"自\s*(?<from>{DayText})\s*起?\s*(?:至|到)\s*(?<to>{DayText})\s*止?")]
    private static partial Regex Range();

    [GeneratedRegex(@"^\s*止?\s*[，,]?\s*(?:施行|实施|执行|有效|生效|试行)")]
    private static partial Regex RangeVerb();

    [GeneratedRegex($@"自\s*(?<what>印发|发布|公布|颁布|下发|签发)\s*之日起\s*(?:(?<n>{Number})\s*(?<unit>日|天|个月)以?后\s*)?(?:施行|实施|执行|生效|试行)")]
    private static partial Regex OnIssue();

    [GeneratedRegex(@"自\s*(?<from>[^，,。；;自]{6,20}?日)\s*(?:起|开始)?\s*(?:施行|实施|执行|生效|试行)(?!的)")]
    private static partial Regex OnDate();

    /// <summary>A law's history block: 1982年12月4日全国人民代表大会公告公布施行.</summary>
    [GeneratedRegex(@"(?<date>[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日)(?:(?![0-9０-９]{4}\s*年)[^，,。；;\s]){0,30}?公布施行")]
    private static partial Regex HistoryInForce();

    [GeneratedRegex(@"(?:有效期限?|执行期限?|实施期限?)\s*(?:至|到|截至|截止(?:到|至)?)\s*(?<to>[^，,。；;]{6,20}?日)")]
    private static partial Regex Until();

    [GeneratedRegex($@"(?<word>有效期限?|暂定|试行期|试行)\s*(?:为|暂定为?|限)?\s*(?<n>{Number})\s*(?<unit>年|个月|月)")]
    private static partial Regex Term();

    /// <summary>A period in whole years: 政策期限为2016年至2018年, 执行期限为2021—2025年 (in force to the last day of the last year).</summary>
    [GeneratedRegex(@"(?:政策|执行|实施|施行|有效)期限?\s*(?:为|是)?\s*(?<from>[0-9０-９]{4})\s*年?\s*(?:至|到|—|－|-|～|~)\s*(?<to>[0-9０-９]{4})\s*年(?!\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月)")]
    private static partial Regex YearPeriod();

    [GeneratedRegex(@"试行|暂行")]
    private static partial Regex TrialWord();

    [GeneratedRegex(@"(?:有效期限?|执行期限?|实施期限?|施行期限?)[^。；;，,]{0,6}?(?:延长|延期|顺延|延续|调整)(?:为|至|到)\s*(?<to>[^，,。；;]{6,20}?日)|继续(?:执行|实施|施行|有效)(?:至|到)\s*(?<to>[^，,。；;]{6,20}?日)")]
    private static partial Regex ExtendTo();

    [GeneratedRegex($@"(?:有效期限?|执行期限?|实施期限?|施行期限?)[^。；;，,]{{0,6}}?(?:延长|延期|顺延|延续)\s*(?<n>{Number})\s*(?<unit>年|个月)")]
    private static partial Regex ExtendBy();

    [GeneratedRegex(@"关于(?:延长|延续|顺延)(?<target>.{4,120}?)(?:的)?(?:有效期|执行期限?|实施期限?)")]
    private static partial Regex ExtensionTitle();

    private sealed record Sentence(int Order, string? ClauseId, string Text);

    /// <summary>A candidate date: lower tier wins (0 本办法…, 1 the issuing notice, 2 a sentence opening with it, 3 a law's history), then text order.</summary>
    private sealed record Found(int Tier, int Order, int Rank, DateOnly? Date, ValidityBasis Basis);

    /// <summary>The whole text as one segment (no clause ids): for tests and callers without a clause tree.</summary>
    public static IReadOnlyList<TextSegment> Segments(string text) => [new TextSegment(null, text)];

    /// <summary>
    /// effectiveFrom and expiresOn with their bases. <paramref name="printed"/> is the 版记 line (…2022年9月13日印发): when the
    /// document takes effect 自印发之日起, that is the day it was 印发; without it the 成文日期 (<paramref name="issuedOn"/>) is used.
    /// </summary>
    public static ValidityReading Read(IReadOnlyList<TextSegment> segments, DateOnly? issuedOn, string? title = null, TextSegment? printed = null)
    {
        var sentences = Split(segments);
        var start = Effective(sentences, issuedOn, printed);
        var end = Expiry(sentences, start?.Date);
        var validity = new Validity
        {
            EffectiveFrom = start?.Basis,
            ExpiresOn = end?.Basis,
            Trial = Trial(title, segments, sentences, end?.Basis),
            Changes = Changes(sentences, title),
        };
        return new ValidityReading(start?.Date, end?.Date, validity);
    }

    /// <summary>expiresOn of a text whose start is already known (a compilation card's 时间/频度).</summary>
    public static (DateOnly? Date, ValidityBasis? Basis) ExpiresOn(IReadOnlyList<TextSegment> segments, DateOnly? effectiveFrom) =>
        Expiry(Split(segments), effectiveFrom) is { } f ? (f.Date, f.Basis) : (null, null);

    /// <summary>
    /// The end of a term rule (有效期N年, 暂定N年, 试行期N年) counted from <paramref name="start"/>, read again from its sentence:
    /// when the start date changes (a page's 实施日期), the end moves with it. Null for any other rule.
    /// </summary>
    public static (DateOnly End, ValidityBasis Basis)? CountTerm(ValidityBasis basis, DateOnly start) =>
        IsTermRule(basis.Rule) && Term().Match(basis.Sentence) is { Success: true } m && Months(m) is { } months
            ? (LastDay(start, months), basis with { Note = TermNote(m, start) })
            : null;

    /// <summary>
    /// The last day in force of a term of <paramref name="months"/> from <paramref name="start"/>: the day before the same
    /// date N years (months) on, as portals count it (实施日期 2024-03-04, 有效期5年 → 失效日期 2029-03-03). An expiry date is the
    /// last day in force everywhere (有效期至2027年12月31日 is in force on that day).
    /// </summary>
    public static DateOnly LastDay(DateOnly start, int months) => start.AddMonths(months).AddDays(-1);

    private static string TermNote(Match term, DateOnly? start) =>
        start is { } f ? $"自施行之日 {f:yyyy-MM-dd} 起算{term.Groups["n"].Value}{(term.Groups["unit"].Value == "年" ? "年" : "个月")}" : "施行日期不明，无法推算";

    /// <summary>Rules whose end date is counted from the start date.</summary>
    public static bool IsTermRule(string rule) => rule.EndsWith("N年", StringComparison.Ordinal) || rule.EndsWith("N个月", StringComparison.Ordinal);

    /// <summary>Rules that take the start from the document's own date (自印发/发布/公布之日起施行).</summary>
    public static bool IsOnIssueRule(string rule) => rule.StartsWith("自", StringComparison.Ordinal) && rule.Contains("之日起", StringComparison.Ordinal);

    private static List<Sentence> Split(IReadOnlyList<TextSegment> segments)
    {
        var list = new List<Sentence>();
        foreach (var segment in segments)
        {
            foreach (Match m in SentencePattern().Matches(segment.Text))
            {
                var text = m.Value.Trim(' ', '　', '\t', '\r');
                if (text.Length > 0) list.Add(new Sentence(list.Count, segment.ClauseId, text));
            }
        }
        return list;
    }

    private static Found? Effective(List<Sentence> sentences, DateOnly? issuedOn, TextSegment? printed)
    {
        var found = new List<Found>();
        var printedOn = printed is null ? null : ChineseDates.Find(printed.Text);
        foreach (var s in sentences)
        {
            var ranges = new List<(int Start, int End)>();
            foreach (Match m in Range().Matches(s.Text))
            {
                if (!IsValidityRange(s.Text, m) || StartTier(s.Text[..m.Index]) is not (>= 0 and var tier)) continue;
                ranges.Add((m.Index, m.Index + m.Length));
                if (ChineseDates.Find(m.Groups["from"].Value) is { } from)
                    found.Add(new Found(tier, s.Order, 0, from, new ValidityBasis("自…至…施行", s.Text, s.ClauseId)));
            }
            foreach (Match m in OnIssue().Matches(s.Text))
            {
                if (StartTier(s.Text[..m.Index]) is not (>= 0 and var tier)) continue;
                var what = m.Groups["what"].Value;
                DateOnly? date;
                string note;
                if (what == "印发" && printedOn is { } p)
                    (date, note) = (p, $"按版记印发日期：{printed!.Text.Trim()}");
                else
                    (date, note) = (issuedOn, issuedOn is { } d ? $"按文件日期 {d:yyyy-MM-dd}" : "文中未见印发/发布日期");
                var rule = $"自{what}之日起施行";
                if (m.Groups["n"].Success && ChineseNumerals.Parse(m.Groups["n"].Value) is { } n)
                {
                    rule = $"自{what}之日起N{(m.Groups["unit"].Value == "个月" ? "个月" : "日")}后施行";
                    date = m.Groups["unit"].Value == "个月" ? date?.AddMonths(n) : date?.AddDays(n);
                    note += $"，再加{m.Groups["n"].Value}{m.Groups["unit"].Value}";
                }
                found.Add(new Found(tier, s.Order, 0, date, new ValidityBasis(rule, s.Text, s.ClauseId, note)));
            }
            foreach (Match m in OnDate().Matches(s.Text))
            {
                if (ranges.Any(r => m.Index >= r.Start && m.Index < r.End)) continue;
                if (StartTier(s.Text[..m.Index]) is not (>= 0 and var tier) || ChineseDates.Find(m.Groups["from"].Value) is not { } from) continue;
                found.Add(new Found(tier, s.Order, 0, from, new ValidityBasis("自…起施行", s.Text, s.ClauseId)));
            }
            foreach (Match m in HistoryInForce().Matches(s.Text))
            {
                if (ChineseDates.Find(m.Groups["date"].Value) is { } date)
                    found.Add(new Found(3, s.Order, 0, date, new ValidityBasis("公布施行（沿革）", m.Value, s.ClauseId)));
            }
        }
        // A stated rule whose date is unknown (自印发之日起施行 with no date in the file) still says what the document states.
        return found.OrderBy(f => f.Tier).ThenBy(f => f.Order).ThenBy(f => f.Rank).FirstOrDefault();
    }

    private static Found? Expiry(List<Sentence> sentences, DateOnly? effectiveFrom)
    {
        var found = new List<Found>();
        foreach (var s in sentences)
        {
            foreach (Match m in Range().Matches(s.Text))
            {
                if (!IsValidityRange(s.Text, m) || StartTier(s.Text[..m.Index]) is not (>= 0 and var tier)) continue;
                if (ChineseDates.Find(m.Groups["to"].Value) is { } to)
                    found.Add(new Found(tier, s.Order, 0, to, new ValidityBasis("自…至…施行", s.Text, s.ClauseId)));
            }
            foreach (Match m in Until().Matches(s.Text))
            {
                if (EndTier(s.Text[..m.Index]) is not (>= 0 and var tier) || ChineseDates.Find(m.Groups["to"].Value) is not { } to) continue;
                found.Add(new Found(tier, s.Order, 0, to, new ValidityBasis("有效期至", s.Text, s.ClauseId)));
            }
            foreach (Match m in YearPeriod().Matches(s.Text))
            {
                if (EndTier(s.Text[..m.Index]) is not (>= 0 and var tier) || ChineseNumerals.ParseDigitSequence(m.Groups["to"].Value) is not { } year
                    || ChineseNumerals.ParseDigitSequence(m.Groups["from"].Value) is not { } first || year < first || year is < 1949 or > 2200) continue;
                found.Add(new Found(tier, s.Order, 0, new DateOnly(year, 12, 31),
                    new ValidityBasis("期限为…年至…年", s.Text, s.ClauseId, $"至{year}年末（{year}-12-31）")));
            }
            foreach (Match m in Term().Matches(s.Text))
            {
                if (EndTier(s.Text[..m.Index]) is not (>= 0 and var tier) || Months(m) is not { } months || months <= 0) continue;
                var unit = m.Groups["unit"].Value == "年" ? "年" : "个月";
                var rule = m.Groups["word"].Value switch
                {
                    "暂定" => $"暂定N{unit}",
                    "试行期" or "试行" => $"试行期N{unit}",
                    _ => $"有效期N{unit}",
                };
                found.Add(new Found(tier, s.Order, 1, effectiveFrom is { } from ? LastDay(from, months) : null, new ValidityBasis(rule, s.Text, s.ClauseId, TermNote(m, effectiveFrom))));
            }
        }
        return found.OrderBy(f => f.Tier).ThenBy(f => f.Order).ThenBy(f => f.Rank).FirstOrDefault();
    }

    /// <summary>A 自X至Y range is a validity only when 施行/实施/有效 follows it or 有效期 introduces it (not 申报时间自…至…).</summary>
    private static bool IsValidityRange(string sentence, Match m) =>
        RangeVerb().IsMatch(sentence[(m.Index + m.Length)..]) || ValidityWordBefore().IsMatch(sentence[..m.Index]);

    /// <summary>How surely a 施行 statement is about this document, from what precedes 自 in its sentence; -1 when it is about something else.</summary>
    private static int StartTier(string prefix)
    {
        var p = Unlabelled(prefix);
        if (SelfReference().IsMatch(p)) return 0;
        if (NoticeIssue().IsMatch(p)) return 1;
        var bare = p.Trim(' ', '　', '，', ',');
        return bare.Length == 0 || ValidityWordOnly().IsMatch(bare) ? 2 : -1;
    }

    /// <summary>
    /// How surely a 有效期/暂定/试行期 phrase is this document's validity: it must follow the start of the sentence, a comma or the
    /// document naming itself (not 评定结果有效期三年), in a sentence about the document (本办法…, or one opening with its start).
    /// </summary>
    private static int EndTier(string prefix)
    {
        var p = Unlabelled(prefix);
        var trimmed = p.TrimEnd(' ', '　');
        var adjoins = trimmed.Length == 0 || trimmed[^1] is '，' or ',' or '、' or '：' or ':' || SelfReferenceAtEnd().IsMatch(trimmed);
        if (!adjoins) return -1;
        if (SelfReference().IsMatch(p)) return 0;
        if (NoticeIssue().IsMatch(p)) return 1;
        return trimmed.Length == 0 || OpensWithStart().IsMatch(p) ? 2 : -1;
    }

    private static string Unlabelled(string prefix) => LeadingLabel().Replace(prefix, "", 1);

    private static int? Months(Match term) =>
        ChineseNumerals.Parse(term.Groups["n"].Value) is { } n ? (term.Groups["unit"].Value == "年" ? n * 12 : n) : null;

    /// <summary>试行/暂行 in the title (outside 《》), or said of the document itself in its text (本办法自…起试行, 试行期为两年).</summary>
    private static ValidityBasis? Trial(string? title, IReadOnlyList<TextSegment> segments, List<Sentence> sentences, ValidityBasis? end)
    {
        if (title is not null && OutsideQuotes(title, TrialWord()) is { } word)
        {
            var clause = segments.FirstOrDefault(s => Compact(s.Text) == Compact(title))?.ClauseId;
            return new ValidityBasis($"标题含{word}", title, clause);
        }
        if (end is not null && end.Rule.StartsWith("试行期", StringComparison.Ordinal)) return end with { Note = null };
        foreach (var s in sentences)
        {
            if (SelfReference().Match(s.Text) is not { Success: true } self) continue;
            if (OutsideQuotes(s.Text[(self.Index + self.Length)..], TrialWord()) is { } w)
                return new ValidityBasis($"正文称{w}", s.Text, s.ClauseId);
        }
        return null;
    }

    /// <summary>The first match of <paramref name="pattern"/> that is not inside 《…》 (a cited 《…暂行办法》 is not this document).</summary>
    private static string? OutsideQuotes(string text, Regex pattern)
    {
        foreach (Match m in pattern.Matches(text))
        {
            var before = text[..m.Index];
            if (before.Count(c => c == '《') <= before.Count(c => c == '》')) return m.Value;
        }
        return null;
    }

    private static string Compact(string s) => Regex.Replace(s, @"\s", "");

    /// <summary>
    /// 有效期调整: 《X》（…号）有效期延长至2027年12月31日, 有效期延长2年, 继续执行至…; the policy is the 《X》 before the verb in the
    /// sentence, else the one the title names (关于延长《X》有效期的通知). A sentence naming no policy changes nothing.
    /// </summary>
    private static IReadOnlyList<ValidityChange> Changes(List<Sentence> sentences, string? title)
    {
        var titleTargets = title is not null && ExtensionTitle().Match(title) is { Success: true } t ? Targets(t.Groups["target"].Value) : [];
        var changes = new List<ValidityChange>();
        foreach (var s in sentences)
        {
            DateOnly? to = null;
            int? months = null;
            Match m = ExtendTo().Match(s.Text);
            if (m.Success) to = ChineseDates.Find(m.Groups["to"].Value);
            else if (ExtendBy().Match(s.Text) is { Success: true } by && Months(by) is { } n && n > 0) (m, months) = (by, n);
            if (to is null && months is null) continue;
            var targets = PolicyFacts.Titles(s.Text[..m.Index]).ToList();
            if (targets.Count == 0) targets = [.. titleTargets];
            foreach (var (name, number) in targets)
            {
                if (!changes.Any(c => c.Title == name && c.Text == s.Text))
                    changes.Add(new ValidityChange(name, number, to, months, s.Text, s.ClauseId));
            }
        }
        return changes;
    }

    /// <summary>The policies a 关于延长…有效期 title names: each 《X》 with its number, else the bare name.</summary>
    private static List<(string Title, string? Number)> Targets(string named)
    {
        var quoted = PolicyFacts.Titles(named).ToList();
        if (quoted.Count > 0) return quoted;
        var bare = Regex.Replace(named, @"[（(][^（）()]*号[）)]", "").Trim();
        return bare.Length >= 4 ? [(bare, DocNumbers.Find(named))] : [];
    }
}
