using PolicyIngest.Core;
using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Structure.Text;

/// <summary>Facts stated in the body: when it takes effect, how long it is valid, what it repeals and cites.</summary>
public static partial class PolicyFacts
{
    [GeneratedRegex(@"自\s*(印发|发布|公布|颁布|下发|签发)\s*之日起\s*(施行|实施|执行|生效)")]
    private static partial Regex EffectiveOnIssue();

    [GeneratedRegex(@"自\s*(?<from>[^，。；自]{6,20}?日)\s*(起|开始)?\s*(施行|实施|执行|生效)")]
    private static partial Regex EffectiveOnDate();

    [GeneratedRegex(@"自\s*(?<from>[^，。；自至]{6,20}?日)\s*(起)?\s*(至|到)\s*(?<to>[^，。；]{6,20}?日)\s*(止)?\s*[，,]?\s*(施行|实施|执行|有效)?")]
    private static partial Regex EffectiveRange();

    [GeneratedRegex(@"有效期(至|到|截至)\s*(?<to>[^，。；]{6,20}?日)")]
    private static partial Regex ValidUntil();

    [GeneratedRegex(@"(有效期(为|暂定|限)?|暂定|试行期?为?|试行)\s*(?<n>[0-9０-９一二两三四五六七八九十]{1,3})\s*(个)?\s*(?<unit>年|个月|月)")]
    private static partial Regex ValidFor();

    [GeneratedRegex(@"[^。；\n]*废止[^。；\n]*[。；]?")]
    private static partial Regex RepealSentence();

    [GeneratedRegex(@"《(?<title>[^《》]{2,80})》(?<gap>[^《》（(。；，,]{0,6})[（(](?<num>[^（）()]{3,40}?号)[）)]")]
    private static partial Regex TitleWithNumber();

    [GeneratedRegex(@"《(?<title>[^《》]{2,80})》")]
    private static partial Regex TitleOnly();

    [GeneratedRegex(@"[^。；\n]*?(依据|根据|依托|按照|依照)[^。；\n]*?《[^。；\n]*?(制定|制订|出台|特制定)[^。；\n]*")]
    private static partial Regex BasisSentence();

    /// <summary>effectiveFrom from 自印发之日起施行 (= issuedOn), 自2026年1月1日起施行, 自…至…施行.</summary>
    public static DateOnly? EffectiveFrom(string text, DateOnly? issuedOn)
    {
        foreach (Match m in EffectiveRange().Matches(text))
        {
            if (ChineseDates.Find(m.Groups["from"].Value) is { } from) return from;
        }
        foreach (Match m in EffectiveOnDate().Matches(text))
        {
            if (ChineseDates.Find(m.Groups["from"].Value) is { } from) return from;
        }
        return EffectiveOnIssue().IsMatch(text) ? issuedOn : null;
    }

    /// <summary>expiresOn from 有效期N年 / 暂定三年 (effectiveFrom + N years), 有效期至…, 自…至…施行.</summary>
    public static DateOnly? ExpiresOn(string text, DateOnly? effectiveFrom)
    {
        foreach (Match m in EffectiveRange().Matches(text))
        {
            if (ChineseDates.Find(m.Groups["to"].Value) is { } to) return to;
        }
        foreach (Match m in ValidUntil().Matches(text))
        {
            if (ChineseDates.Find(m.Groups["to"].Value) is { } to) return to;
        }
        if (ValidFor().Match(text) is { Success: true } v && effectiveFrom is { } start && ChineseNumerals.Parse(v.Groups["n"].Value) is { } n && n > 0)
            return v.Groups["unit"].Value == "年" ? start.AddYears(n) : start.AddMonths(n);
        return null;
    }

    /// <summary>Documents repealed by this one; a generic repeal (以前出台的…政策同时废止) is kept with title and number null.</summary>
    public static IReadOnlyList<DocRef> Repeals(string text)
    {
        var found = new List<DocRef>();
        foreach (Match s in RepealSentence().Matches(text))
        {
            var sentence = s.Value.Trim();
            if (!Regex.IsMatch(sentence, @"(同时|予以|即行|自行|一并|相应)?废止[。；]?$") || Regex.IsMatch(sentence, @"(修改|撤销|变更)或者?废止|废止或")) continue;
            var before = found.Count;
            foreach (var (title, number) in Titles(sentence)) found.Add(new DocRef(title, number, sentence));
            if (found.Count == before) found.Add(new DocRef(null, DocNumbers.Find(sentence), sentence));
        }
        return found;
    }

    /// <summary>Documents cited as the basis: 依据/根据/依托《X》（…号）…制定.</summary>
    public static IReadOnlyList<DocRef> References(string text)
    {
        var found = new List<DocRef>();
        foreach (Match s in BasisSentence().Matches(text))
        {
            var sentence = s.Value.Trim();
            var trigger = Regex.Match(sentence, "(依据|根据|依托|按照|依照)");
            // The verb that closes the basis is the first one after the trigger (a 制定 may also stand before it).
            var verb = trigger.Success ? Regex.Match(sentence[trigger.Index..], "(特?制定|制订|出台)") : Match.Empty;
            if (!verb.Success) continue;
            var scope = sentence.Substring(trigger.Index, verb.Index);
            foreach (var (title, number) in Titles(scope))
            {
                if (!found.Any(f => f.Title == title)) found.Add(new DocRef(title, number, sentence));
            }
        }
        return found;
    }

    /// <summary>Each 《title》 in a span with the 发文字号 that follows it (（怀政发〔2024〕16号）), if any.</summary>
    public static IEnumerable<(string Title, string? Number)> Titles(string span)
    {
        var numbered = TitleWithNumber().Matches(span).ToDictionary(m => m.Index, m => DocNumbers.Find(m.Groups["num"].Value));
        foreach (Match m in TitleOnly().Matches(span))
        {
            yield return (m.Groups["title"].Value, numbered.GetValueOrDefault(m.Index));
        }
    }
}
