using PolicyIngest.Core;
using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Structure.Text;

/// <summary>Facts stated in the body: what it repeals and cites (when it takes effect and until when: <see cref="ValidityFacts"/>).</summary>
public static partial class PolicyFacts
{
    [GeneratedRegex(@"[^。；\n]*废止[^。；\n]*[。；]?")]
    private static partial Regex RepealSentence();

    [GeneratedRegex(@"《(?<title>[^《》]{2,80})》(?<gap>[^《》（(。；，,]{0,6})[（(](?<num>[^（）()]{3,40}?号)[）)]")]
    private static partial Regex TitleWithNumber();

    [GeneratedRegex(@"《(?<title>[^《》]{2,80})》")]
    private static partial Regex TitleOnly();

    [GeneratedRegex(@"[^。；\n]*?(依据|根据|依托|按照|依照)[^。；\n]*?《[^。；\n]*?(制定|制订|出台|特制定)[^。；\n]*")]
    private static partial Regex BasisSentence();

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
