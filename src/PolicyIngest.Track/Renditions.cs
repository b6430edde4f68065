using PolicyIngest.Core.Model;
using PolicyIngest.Track.Alignment;

namespace PolicyIngest.Track;

/// <summary>
/// Whether a new file is another rendition (PDF, Word, web page) of a version already catalogued: every clause the
/// same as the 新旧对照 compares them (brackets, spaces, line breaks and 第15条/第十五条 do not count), nothing moved,
/// added or removed, and no 发文字号 or date that says otherwise. Such a file is not a revision.
/// </summary>
public static class Renditions
{
    public static bool SameDocument(PolicyDocument catalogued, PolicyDocument incoming)
    {
        // Cheap refusal first; clause counts may differ (an empty paragraph one reader keeps), the text hardly can.
        var (a, b) = (TextLength(catalogued), TextLength(incoming));
        if (Math.Abs(a - b) > Math.Max(a, b) / 20) return false;
        if (!Agree(PolicyKeys.DocNumber(catalogued.DocNumber), PolicyKeys.DocNumber(incoming.DocNumber))
            || !Agree(catalogued.IssuedOn, incoming.IssuedOn)
            || !Agree(catalogued.EffectiveFrom, incoming.EffectiveFrom)
            || !Agree(catalogued.ExpiresOn, incoming.ExpiresOn))
            return false;
        var diff = new DocumentDiffer().Diff(catalogued, incoming);
        return diff.Summary.Changed == 0 && diff.AmountChanges.Count == 0;
    }

    private static long TextLength(PolicyDocument d) => d.Clauses.Sum(c => (long)c.Text.Length) + d.Parts.Sum(p => p.Clauses.Sum(c => (long)c.Text.Length));

    /// <summary>A value one reading missed (null) does not contradict the other.</summary>
    private static bool Agree<T>(T? a, T? b) => a is null || b is null || EqualityComparer<T>.Default.Equals(a, b);
}
