namespace PolicyIngest.Catalogue;

/// <summary>
/// The unit of work of cataloguing one document version. The catalogue opens one when it stores a version's rows
/// (<c>CatalogueStore.SaveVersion</c>) and hands it to the code that writes with them: the parts the version absorbs, the
/// clause search index, the version tracker, 有效期调整. Everything written through it is kept together with the version
/// or not at all (one transaction, on either engine). Valid only inside the callback it is handed to.
/// </summary>
public interface IVersionWrite : IVersionLookup
{
    /// <summary>The version being stored (content-addressed: the same bytes always have the same id).</summary>
    string VersionId { get; }

    /// <summary>The policy it is a version of: the one it was linked to, or a new one.</summary>
    string PolicyId { get; }

    /// <summary>
    /// A catalogued version found to be only part of this one (its notice, one scanned page) becomes a part file of it:
    /// its files move here, what pointed at it is cleared for the tracker to set again, its rows and index rows go.
    /// </summary>
    void AbsorbPart(string partVersionId);

    /// <summary>This version's link keys: normalised title, 发文字号, and the key of its folded words.</summary>
    void SetKeys(string? titleKey, string? docNumberKey, string? textKey);

    void SetRepealedBy(string versionId, string byVersionId, string reason);

    /// <summary>Sets (or, with a null <paramref name="byVersionId"/>, clears) the version that supersedes <paramref name="versionId"/>.</summary>
    void SetSupersededBy(string versionId, string? byVersionId, string? reason);

    /// <summary>
    /// The references (同时废止, 有效期调整, cited documents) whose keys are not set: this version's own, and any stored before
    /// the catalogue kept keys. Until keyed, every keyed look-up returns them too.
    /// </summary>
    IReadOnlyList<UnkeyedRef> UnkeyedRefs();

    /// <summary>Sets a reference's keys (<c>PolicyKeys</c> of the title and 发文字号 it names), for the keyed look-ups.</summary>
    void SetRefKeys(long refId, string? titleKey, string? docNumberKey);

    /// <summary>The 有效期调整 one catalogued version states (this one's included), in its order.</summary>
    IReadOnlyList<ValidityChangeRef> ValidityChangeRefsOf(string versionId);

    /// <summary>
    /// The 有效期调整 stated by catalogued versions (this one's included) that may name a document with these keys: as
    /// <see cref="IVersionLookup.RepealRefsNaming"/>, more may come back, never fewer, in statement order.
    /// </summary>
    IReadOnlyList<ValidityChangeRef> ValidityChangeRefsNaming(string? titleKey, string? docNumberKey);

    /// <summary>A version's validity row; null for an unknown version.</summary>
    ValidityRow? Validity(string versionId);

    /// <summary>Sets a version's end (status reads it) and who changed it; a null <paramref name="changedBy"/> restores its own.</summary>
    void SetExpiresOn(string versionId, DateOnly? expiresOn, string? changedBy, string? reason);

    /// <summary>
    /// This version's clauses as stored, every part (document, attachments, compilation cards), in catalogue order: the row
    /// id that names the clause in search results, and the heading and text a search index reads.
    /// </summary>
    IReadOnlyList<(long RowId, string Heading, string Text)> Clauses();

    /// <summary>
    /// The catalogue's own clause search index (FTS5 in the SQLite catalogue): the analysed words and character grams of
    /// each clause, by row id. An index kept outside the catalogue does not call this.
    /// </summary>
    void WriteClauseTerms(IReadOnlyList<(long RowId, string Words, string Grams)> terms);
}
