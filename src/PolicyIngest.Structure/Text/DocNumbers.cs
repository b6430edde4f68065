using System.Text.RegularExpressions;

namespace PolicyIngest.Structure.Text;

/// <summary>发文字号: 怀经信发〔2025〕35号, 京发改规[2023]12 号, 国务院令第529号.</summary>
public static partial class DocNumbers
{
    [GeneratedRegex(@"(?<prefix>[\u4e00-\u9fff]{1,12}?)\s*[〔\[［【﹝(（]\s*(?<year>(19|20)\d{2})\s*[〕\]］】﹞)）]\s*(?<seq>第?\s*\d{1,5})\s*号")]
    private static partial Regex Bracketed();

    /// <summary>The year first, as some lists print it: 〔2022〕京经信发 45号.</summary>
    [GeneratedRegex(@"[〔\[［【﹝(（]\s*(?<year>(19|20)\d{2})\s*[〕\]］】﹞)）]\s*(?<prefix>[\u4e00-\u9fff]{1,12}?)\s*(?<seq>\d{1,5})\s*号")]
    private static partial Regex YearFirst();

    /// <summary>A decree number (主席令第73号, 广州市人民政府令第179号, 国务院令第529号): the issuing office before 令, never a verb (修正主席令 → 主席令).</summary>
    [GeneratedRegex(@"(?<prefix>(中华人民共和国)?(主席|国务院|[\u4e00-\u9fff]{1,12}?(人民政府|政府|部|委员会|总局|局|署|行|院)))令\s*第\s*(?<seq>\d{1,5})\s*号")]
    private static partial Regex Decree();

    /// <summary>The first 发文字号 in a string, normalised, or null.</summary>
    public static string? Find(string text)
    {
        if (Bracketed().Match(text) is { Success: true } m)
            return $"{m.Groups["prefix"].Value}〔{m.Groups["year"].Value}〕{Regex.Replace(m.Groups["seq"].Value, @"\s", "")}号";
        if (YearFirst().Match(text) is { Success: true } y)
            return $"{y.Groups["prefix"].Value}〔{y.Groups["year"].Value}〕{y.Groups["seq"].Value}号";
        if (Decree().Match(text) is { Success: true } d)
            return $"{d.Groups["prefix"].Value}令第{d.Groups["seq"].Value}号";
        return null;
    }

    /// <summary>A line that is only a 发文字号 (possibly in brackets): 怀经信发〔2025〕35号, （余府发〔2012〕3号）.</summary>
    public static string? WholeLine(string line)
    {
        var s = line.Trim(' ', '　', '\t', '（', '）', '(', ')');
        if (s.Length > 30 || s.Length < 5) return null;
        var m = Bracketed().Match(s);
        if (m.Success && m.Index == 0 && m.Length >= s.Length - 1) return Find(s);
        // A template's 发文字号 field keeps its shape with placeholders (XXX〔2023〕X号, Xxxx发〔20xx〕xxx号): still the
        // 发文字号 line of the 版头, printed as it stands with the brackets normalised.
        return Placeholder().Match(s) is { Success: true } p
            ? $"{p.Groups["prefix"].Value}〔{p.Groups["year"].Value}〕{p.Groups["seq"].Value}号"
            : null;
    }

    [GeneratedRegex(@"^(?<prefix>[\u4e00-\u9fffA-Za-z]{1,12}?)\s*[〔\[［【﹝]\s*(?<year>(19|20)[0-9Xx]{2})\s*[〕\]］】﹞]\s*(?<seq>[0-9Xx]{1,5})\s*号$")]
    private static partial Regex Placeholder();

    /// <summary>Every 发文字号 in a string, normalised, in order (a card may cite several: …16号/…22号).</summary>
    public static IReadOnlyList<string> FindAll(string text) =>
        Regex.Split(text, @"[/／、;；,，]|\s{2,}").Select(Find).OfType<string>().Distinct().ToList();

    /// <summary>Normalises a 发文字号 written any way (〔2025〕8 号, [2025], ﹝2024﹞) to 〔2025〕8号.</summary>
    public static string Normalise(string text) => Find(text) ?? Regex.Replace(text, @"\s", "");
}
