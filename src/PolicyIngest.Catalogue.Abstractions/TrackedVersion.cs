namespace PolicyIngest.Catalogue;

/// <summary>A version with what its status is computed from, and its status as of the date asked.</summary>
public sealed record TrackedVersion(
    string Id, string PolicyId, int Seq, string Title, string? DocNumber, string? Issuer, string? Region,
    DateOnly? IssuedOn, DateOnly? EffectiveFrom, DateOnly? ExpiresOn, DateTimeOffset IngestedAt, string? LinkReason,
    string? SupersededBy, string? RepealedBy, string? StatusReason, string Source, string DocType, string Status);

/// <summary>A 同时废止 reference stated by a version.</summary>
public sealed record RepealRef(string VersionId, string? Title, string? DocNumber, string Text);

/// <summary>A reference (of any kind) whose keys are not set yet: <paramref name="Id"/> names it to <c>IVersionWrite.SetRefKeys</c>.</summary>
public sealed record UnkeyedRef(long Id, string? Title, string? DocNumber);
