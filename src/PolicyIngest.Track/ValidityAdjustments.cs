using PolicyIngest.Catalogue;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Track;

/// <summary>
/// 有效期调整: a document that extends or changes another policy's validity (关于延长《X》有效期的通知, 《X》有效期延长至…,
/// 有效期延长2年) sets that version's expires_on, whichever of the two arrives first. The changes are stored as doc refs of
/// kind 'extends' and resolved both ways, like repeals: by 发文字号 when the reference gives one, else by title. The end is
/// always re-derived from the version's own end and every change naming it, in issue order, so arrival order never matters.
/// </summary>
public static class ValidityAdjustments
{
    /// <summary>
    /// As part of storing the version: re-derives the end of the versions this document's changes name, and of this one
    /// if a stored change names it.
    /// </summary>
    public static void Record(IVersionWrite version, PolicyDocument document, DateOnly asOf)
    {
        var versionId = version.VersionId;
        var targets = new HashSet<string>();
        foreach (var c in version.ValidityChangeRefsOf(versionId))
            targets.UnionWith(Named(version, c, asOf).Select(t => t.Id));
        if (Naming(version, document.Title, document.DocNumber).Any(r => r.VersionId != versionId)) targets.Add(versionId);
        foreach (var id in targets) Rederive(version, id, asOf);
    }

    /// <summary>The stored changes that name this title/number (<see cref="Names"/>), in statement order, looked up by its keys.</summary>
    private static IEnumerable<ValidityChangeRef> Naming(IVersionWrite version, string? title, string? docNumber) =>
        version.ValidityChangeRefsNaming(PolicyKeys.TitleToMatch(title), PolicyKeys.DocNumber(docNumber))
            .Where(r => Names(r, title, docNumber));

    /// <summary>The version's end: its own, then each change naming it from a document not issued before it, oldest first.</summary>
    private static void Rederive(IVersionWrite version, string targetId, DateOnly asOf)
    {
        if (version.Version(targetId, asOf) is not { } target) return;
        var end = version.Validity(targetId)?.StatedExpiresOn;
        string? by = null, reason = null;
        var changes = Naming(version, target.Title, target.DocNumber).Where(r => r.VersionId != targetId)
            .Select(r => (Ref: r, By: version.Version(r.VersionId, asOf)))
            .Where(x => x.By is not null && !(x.By.IssuedOn < target.IssuedOn))
            .OrderBy(x => x.By!.IssuedOn ?? DateOnly.MaxValue).ThenBy(x => x.By!.IngestedAt);
        foreach (var (change, extender) in changes)
        {
            // 延长2年 of a policy that states no end has nothing to count from: left as it is.
            var next = change.ExpiresOn ?? (end is { } current && change.ExtendMonths is { } months ? current.AddMonths(months) : null);
            if (next is not { } after) continue;
            reason = ValidityReport.Changed(extender!, end, after, change.Text);
            (end, by) = (after, extender!.Id);
        }
        version.SetExpiresOn(targetId, end, by, reason);
    }

    /// <summary>The stored versions a change names (the same test as <see cref="Names"/>).</summary>
    private static IEnumerable<TrackedVersion> Named(IVersionLookup versions, ValidityChangeRef r, DateOnly asOf)
    {
        if (PolicyKeys.DocNumber(r.DocNumber) is { } number) return versions.ByDocNumberKey(number, asOf);
        return PolicyKeys.Title(r.Title) is { Length: >= 4 } title ? versions.ByTitleKey(title, asOf) : [];
    }

    /// <summary>Whether a change names this title/number: by 发文字号 when it gives one, else by title.</summary>
    private static bool Names(ValidityChangeRef r, string? title, string? docNumber)
    {
        if (PolicyKeys.DocNumber(r.DocNumber) is { } number) return number == PolicyKeys.DocNumber(docNumber);
        return PolicyKeys.Title(r.Title) is { Length: >= 4 } key && key == PolicyKeys.Title(title);
    }
}
