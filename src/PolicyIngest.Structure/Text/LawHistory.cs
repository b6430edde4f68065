using System.Text.RegularExpressions;

namespace PolicyIngest.Structure.Text;

/// <summary>
/// The adoption history a law prints under its title: （1990年6月28日第七届全国人民代表大会常务委员会第十四次会议通过
/// 根据2009年8月27日…第一次修正 根据2020年10月17日…第二次修正 主席令第73号）. The text in force is the last event's:
/// its date is the version's date and its body the issuer.
/// </summary>
public static partial class LawHistory
{
    public sealed record Event(DateOnly Date, string Body, string What);

    [GeneratedRegex(@"(?<date>[0-9０-９〇○零一二三四五六七八九十]{4}\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日)(?<body>[^。；]*?)(?<what>通过|修正|修订|公布|批准)")]
    private static partial Regex EventPattern();

    [GeneratedRegex(@"(?<org>(全国人民代表大会常务委员会|全国人民代表大会|[\u4e00-\u9fff]{2,12}?人民代表大会常务委员会|[\u4e00-\u9fff]{2,12}?人民代表大会|国务院|[\u4e00-\u9fff]{2,12}?人民政府))")]
    private static partial Regex Body();

    /// <summary>True for a line that opens such a block: a bracket, a date, 会议 and 通过 somewhere after.</summary>
    public static bool Opens(string line)
    {
        var s = line.TrimStart(' ', '　');
        return s.Length > 0 && s[0] is '（' or '(' && EventPattern().IsMatch(s) is var any && (any || Regex.IsMatch(s, @"^[（(]\s*[0-9０-９〇○零一二三四五六七八九十]{4}\s*年"));
    }

    public static IReadOnlyList<Event> Parse(string block)
    {
        var events = new List<Event>();
        foreach (Match m in EventPattern().Matches(Regex.Replace(block, @"[\r\n]+", "")))
        {
            if (ChineseDates.Find(m.Groups["date"].Value) is not { } date) continue;
            var org = Body().Match(m.Groups["body"].Value) is { Success: true } b ? b.Groups["org"].Value : "";
            events.Add(new Event(date, Regex.Replace(org, @"^第[一二三四五六七八九十百\d]+届", ""), m.Groups["what"].Value));
        }
        return events;
    }
}
