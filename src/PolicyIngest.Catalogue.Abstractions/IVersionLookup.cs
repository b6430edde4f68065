namespace PolicyIngest.Catalogue;

/// <summary>
/// The version chain looked up by the keys the linker and the tracker match on (<c>PolicyKeys</c>), each version with
/// its status as of the date asked. The catalogue answers on what is committed; a version being stored answers inside its
/// own write (<see cref="IVersionWrite"/>), so the look-ups also see what that write has done so far.
/// </summary>
public interface IVersionLookup
{
    IReadOnlyList<TrackedVersion> ByDocNumberKey(string key, DateOnly asOf);

    IReadOnlyList<TrackedVersion> ByTitleKey(string key, DateOnly asOf);

    TrackedVersion? Version(string id, DateOnly asOf);

    /// <summary>The versions of a policy, oldest first (by issue date, then arrival).</summary>
    IReadOnlyList<TrackedVersion> VersionsOf(string policyId, DateOnly asOf);

    /// <summary>
    /// The 同时废止 references stated by catalogued versions that may name a document with these keys (<c>PolicyKeys</c>
    /// of its title and 发文字号; null for none): those giving that 发文字号 or that title, found through an index. More may
    /// come back than name it (the caller applies the naming rule), never fewer; in statement order (version, then order
    /// within it).
    /// </summary>
    IReadOnlyList<RepealRef> RepealRefsNaming(string? titleKey, string? docNumberKey);
}
