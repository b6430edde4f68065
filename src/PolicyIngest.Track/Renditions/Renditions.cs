using PolicyIngest.Core.Model;

namespace PolicyIngest.Track.Renditions;

/// <summary>
/// What a newly read document is to a catalogued version of the policy it was linked to: the same text in another
/// format, a part of it, a fuller file of which the catalogued one was a part, or a different text (a revision).
/// Words decide (<see cref="RenditionJudge"/>), and no 发文字号, issue, effective or expiry date may contradict
/// (a part must share the 发文字号 or issue date with its whole):
/// a policy re-issued word for word under a new 发文字号 or date is a new version. A value one reading missed (null)
/// does not contradict the other.
/// </summary>
public static class Renditions
{
    public static TextVerdict Judge(PolicyDocument catalogued, RenditionText cataloguedText, PolicyDocument incoming, RenditionText incomingText,
        RenditionOptions? options = null)
    {
        if (Contradicts(catalogued.DocNumber, catalogued.IssuedOn, catalogued.EffectiveFrom, incoming)
            || !Agree(catalogued.ExpiresOn, incoming.ExpiresOn))
            return new TextVerdict(TextRelation.Different, 0, 0, 0);
        var identified = Same(PolicyKeys.DocNumber(catalogued.DocNumber), PolicyKeys.DocNumber(incoming.DocNumber))
            || Same(catalogued.IssuedOn, incoming.IssuedOn);
        return RenditionJudge.Compare(cataloguedText, incomingText, options, partsAllowed: identified);
    }

    /// <summary>
    /// Whether a catalogued version's 发文字号, issue or effective date contradicts the incoming document's: then
    /// <see cref="Judge"/> finds them <see cref="TextRelation.Different"/> whatever the words. Asked of the values on a
    /// version's row, it spares reading and comparing the stored document of a version that cannot be the same text.
    /// </summary>
    public static bool Contradicts(string? docNumber, DateOnly? issuedOn, DateOnly? effectiveFrom, PolicyDocument incoming) =>
        !Agree(PolicyKeys.DocNumber(docNumber), PolicyKeys.DocNumber(incoming.DocNumber))
        || !Agree(issuedOn, incoming.IssuedOn)
        || !Agree(effectiveFrom, incoming.EffectiveFrom);

    /// <summary>Whether the verdict makes the incoming file another file of the catalogued version.</summary>
    public static bool IsFileOfVersion(TextRelation relation) =>
        relation is TextRelation.SameText or TextRelation.Rendition or TextRelation.PartOfCatalogued;

    /// <summary>The reason ingest and <c>show</c> give, in the analyst's words.</summary>
    public static string Reason(TextVerdict verdict, string versionId, string versionSource) => verdict.Relation switch
    {
        TextRelation.SameText => $"与 {versionId}（{versionSource}）文字相同：同一版本的另一文件，不是修订",
        TextRelation.Rendition => $"与 {versionId}（{versionSource}）为同一文本的不同格式（文字相似度 {verdict.Similarity:0.000}，差异仅在换行、表格标签、页码或识别误差）：同一版本的另一文件，不是修订",
        TextRelation.PartOfCatalogued => $"为 {versionId}（{versionSource}）的一部分（如只含印发通知或单页扫描件，其文字均见于该版本）：记为该版本的部分文件，不是修订",
        TextRelation.ContainsCatalogued => AbsorbedReason(versionId, versionSource),
        _ => "",
    };

    /// <summary>Why a catalogued version that was only part of the incoming file was folded into it.</summary>
    public static string AbsorbedReason(string versionId, string versionSource) =>
        $"包含 {versionId}（{versionSource}）的全部文字：原文件只是本版本的一部分（如印发通知），已并入本版本，不是修订";

    private static bool Agree<T>(T? a, T? b) => a is null || b is null || EqualityComparer<T>.Default.Equals(a, b);

    private static bool Same<T>(T? a, T? b) => a is not null && b is not null && EqualityComparer<T>.Default.Equals(a, b);
}
