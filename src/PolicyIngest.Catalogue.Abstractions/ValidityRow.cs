using PolicyIngest.Core.Model;

namespace PolicyIngest.Catalogue;

/// <summary>
/// What a version's validity rests on: the bases the document states (null when nothing states them), the end it states
/// itself, and the later document that changed it (有效期调整) with the reason.
/// </summary>
public sealed record ValidityRow(
    string VersionId, ValidityBasis? EffectiveFrom, ValidityBasis? ExpiresOn, DateOnly? StatedExpiresOn, ValidityBasis? Trial,
    string? ChangedBy, string? ChangeReason);

/// <summary>A 有效期调整 stated by a version: the policy it names, the new end or the months added, the sentence.</summary>
public sealed record ValidityChangeRef(string VersionId, string? Title, string? DocNumber, string Text, DateOnly? ExpiresOn, int? ExtendMonths);
