using System.Text.RegularExpressions;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Track.Consolidation;

/// <summary>
/// A revision of a policy as a 编注 names it: the version that made it, its date, the act that made it (the amending
/// decision where the text names one, else the version's own title) and its 发文字号.
/// </summary>
public sealed partial record Revision(string VersionId, DateOnly? IssuedOn, string Act, string? DocNumber)
{
    /// <summary>2022年6月24日《关于修改〈中华人民共和国反垄断法〉的决定》, with （发文字号） when there is one.</summary>
    public string Phrase =>
        (IssuedOn is { } d ? ChineseDate(d) : "") + "《" + Act + "》" + (string.IsNullOrEmpty(DocNumber) ? "" : "（" + DocNumber + "）");

    public static Revision Of(ChainVersion v) =>
        new(v.VersionId, v.IssuedOn, AmendingAct(v.Document, v.IssuedOn) ?? v.Document.Title, v.DocNumber);

    public static string ChineseDate(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>
    /// The act named in the version's own promulgation history for its date, e.g. the line
    /// `2022年6月24日 第十三届…会议《关于修改〈中华人民共和国反垄断法〉的决定》修正）`; null when the history names none
    /// (`2025年3月17日 中华人民共和国国务院令第802号修订` is said by the 发文字号).
    /// </summary>
    public static string? AmendingAct(PolicyDocument document, DateOnly? issuedOn)
    {
        if (issuedOn is not { } date) return null;
        var prefix = ChineseDate(date);
        foreach (var c in document.Clauses.TakeWhile(c => c.Kind is not (ClauseKind.Article or ClauseKind.Chapter or ClauseKind.Section)))
        {
            var text = c.Text.Trim();
            if (c.Label.Length > 0 || !text.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (HistoryAct().Match(text, prefix.Length) is { Success: true } m) return m.Groups[1].Value;
        }
        return null;
    }

    [GeneratedRegex(@"\G[^《]*《([^《》]+)》[^《》]*修[正订改]")]
    private static partial Regex HistoryAct();
}
