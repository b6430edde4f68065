using System.Data.Common;

namespace PolicyIngest.Catalogue;

/// <summary>
/// <see cref="IVersionWrite"/> of the catalogue (either engine): every statement on the transaction that stores the version, through
/// the stores that own the SQL (<see cref="TrackStore"/>, <see cref="ValidityStore"/>, <see cref="ClauseSearchStore"/>).
/// </summary>
internal sealed class VersionWrite(CatalogueStore catalogue, DbTransaction tx, string versionId, string policyId) : IVersionWrite
{
    private readonly TrackStore _track = new(catalogue);
    private readonly ValidityStore _validity = new(catalogue);

    public string VersionId { get; } = versionId;

    public string PolicyId { get; } = policyId;

    public void AbsorbPart(string partVersionId) => catalogue.AbsorbPart(tx, partVersionId, VersionId);

    public IReadOnlyList<TrackedVersion> ByDocNumberKey(string key, DateOnly asOf) => _track.ByDocNumberKey(key, asOf, tx);

    public IReadOnlyList<TrackedVersion> ByTitleKey(string key, DateOnly asOf) => _track.ByTitleKey(key, asOf, tx);

    public TrackedVersion? Version(string id, DateOnly asOf) => _track.Version(id, asOf, tx);

    public IReadOnlyList<TrackedVersion> VersionsOf(string policyId, DateOnly asOf) => _track.VersionsOf(policyId, asOf, tx);

    public IReadOnlyList<RepealRef> RepealRefsNaming(string? titleKey, string? docNumberKey) => _track.RepealRefsNaming(titleKey, docNumberKey, tx);

    public IReadOnlyList<UnkeyedRef> UnkeyedRefs() => _track.UnkeyedRefs(tx);

    public void SetRefKeys(long refId, string? titleKey, string? docNumberKey) => _track.SetRefKeys(tx, refId, titleKey, docNumberKey);

    public void SetKeys(string? titleKey, string? docNumberKey, string? textKey) =>
        _track.SetKeys(tx, VersionId, titleKey, docNumberKey, textKey);

    public void SetRepealedBy(string versionId, string byVersionId, string reason) => _track.SetRepealedBy(tx, versionId, byVersionId, reason);

    public void SetSupersededBy(string versionId, string? byVersionId, string? reason) =>
        _track.SetSupersededBy(tx, versionId, byVersionId, reason);

    public IReadOnlyList<ValidityChangeRef> ValidityChangeRefsOf(string versionId) => _validity.ChangeRefsOf(versionId, tx);

    public IReadOnlyList<ValidityChangeRef> ValidityChangeRefsNaming(string? titleKey, string? docNumberKey) =>
        _validity.ChangeRefsNaming(titleKey, docNumberKey, tx);

    public ValidityRow? Validity(string versionId) => _validity.Of(versionId, tx);

    public void SetExpiresOn(string versionId, DateOnly? expiresOn, string? changedBy, string? reason) =>
        _validity.SetExpiresOn(tx, versionId, expiresOn, changedBy, reason);

    public IReadOnlyList<(long RowId, string Heading, string Text)> Clauses() => ClauseSearchStore.ClausesOfVersion(catalogue, tx, VersionId);

    public void WriteClauseTerms(IReadOnlyList<(long RowId, string Words, string Grams)> terms)
    {
        if (!catalogue.KeepsClauseTerms)
            throw new NotSupportedException($"the {catalogue.Engine} catalogue keeps no FTS5 clause index: its search is the Lucene index");
        using var writer = new ClauseSearchStore.TermWriter(tx);
        foreach (var (rowId, words, grams) in terms) writer.Write(rowId, words, grams);
    }
}
