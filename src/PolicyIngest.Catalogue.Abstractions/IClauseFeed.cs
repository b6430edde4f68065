namespace PolicyIngest.Catalogue;

/// <summary>Where a catalogue's change log stands: which catalogue it is, and its last change's sequence number (0: none).</summary>
public sealed record CataloguePosition(string CatalogueId, long LatestChange);

/// <summary>One numbered change of the catalogue: a version stored, updated (status, dates, head fields) or removed.</summary>
public sealed record CatalogueChange(long Seq, string VersionId, string Kind);

/// <summary>
/// One clause as a search index outside the catalogue holds it: the row id that names it in results, its version and
/// policy, the label and heading, the text, its version's head (so a query naming a policy finds its clauses) and what
/// the search filters and facets read (<see cref="ClauseFacts"/>).
/// </summary>
public sealed record ClauseDocument(long RowId, string VersionId, string PolicyId, string Heading, string Text, VersionHead Head, ClauseFacts Facts);

/// <summary>A version's title, notice title, 发文字号, issuer and region, as stored on the version.</summary>
public sealed record VersionHead(string Title, string? NoticeTitle, string? DocNumber, string? Issuer, string? Region);

/// <summary>
/// What <see cref="ClauseFilter"/> and the facets read of a clause, with the catalogue's meanings: region, issuer and
/// issue date of its part (a compilation card's own, else the version's); its labels; the version's status inputs
/// (status as of a date is computed from them exactly as the catalogue's status expression does); the largest amount
/// the clause states, in fen (yuan_fen, or the upper end of a range), null when it states none.
/// </summary>
public sealed record ClauseFacts(
    string? Region, string? Issuer, DateOnly? IssuedOn, string? Category, IReadOnlyList<string> Instruments, IReadOnlyList<string> Industries,
    bool Repealed, bool Superseded, DateOnly? EffectiveFrom, DateOnly? ExpiresOn, long? MaxAmountFen);

/// <summary>
/// What a search index kept outside the catalogue reads to follow it: the change log (every change numbered in the
/// transaction that made it) and the clause documents of the versions changed. Applying the changes of a range twice,
/// or out of order, gives the same index: a change names a version, and the version's documents are read as they are now.
/// </summary>
public interface IClauseFeed
{
    CataloguePosition Position();

    /// <summary>The changes after <paramref name="seq"/>, oldest first, at most <paramref name="max"/>.</summary>
    IReadOnlyList<CatalogueChange> ChangesAfter(long seq, int max);

    /// <summary>The clauses of these versions as they are now (none for a version that is gone), in catalogue order.</summary>
    IReadOnlyList<ClauseDocument> ClauseDocuments(IReadOnlyCollection<string> versionIds);

    /// <summary>How many clauses the catalogue holds (an index in step holds as many documents).</summary>
    long ClauseCount();
}
