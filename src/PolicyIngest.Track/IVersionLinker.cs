using PolicyIngest.Core;
using PolicyIngest.Catalogue;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Track;

/// <summary>Decides which existing policy, if any, a newly read document is a version of.</summary>
public interface IVersionLinker
{
    PolicyLink Link(PolicyDocument document, CatalogueStore catalogue);
}

/// <summary>
/// The version linker: new bytes from the same source; a document that repeals an existing one (by 发文字号 or
/// title); an existing document that repeals this one; title and issuer equal after normalising year, （试行）,
/// 修订 and spacing. The reason is stored with the version and shown by <c>show</c>.
/// </summary>
public sealed class VersionLinker(TimeProvider clock) : IVersionLinker
{
    public PolicyLink Link(PolicyDocument document, CatalogueStore catalogue)
    {
        var store = new TrackStore(catalogue);
        var asOf = PolicyClock.Today(clock);
        if (catalogue.FindLatestVersionBySource(document.Source) is { } previous)
            return new PolicyLink(previous.PolicyId, $"与 {previous.Id} 来源相同（{document.Source}），内容已变");

        foreach (var r in document.Repeals)
        {
            if (Resolve(store, r, asOf).FirstOrDefault() is { } repealed)
                return new PolicyLink(repealed.PolicyId, $"废止 {repealed.Id}（{repealed.Title}{(repealed.DocNumber is null ? "" : " " + repealed.DocNumber)}）：{r.Text}");
        }

        foreach (var r in RepealRefsNaming(store, document))
        {
            if (store.Version(r.VersionId, asOf) is { } repealer)
                return new PolicyLink(repealer.PolicyId, $"被先行入库的 {repealer.Id}（{repealer.Title}）废止：{r.Text}");
        }

        if (PolicyKeys.Title(document.Title) is { Length: >= 4 } titleKey)
        {
            var issuer = PolicyKeys.Issuer(document.Issuer);
            var same = store.ByTitleKey(titleKey, asOf)
                .Where(v => v.DocType == document.DocType.ToId())
                .Where(v => PolicyKeys.Issuer(v.Issuer) == issuer || (issuer is null || v.Issuer is null) && titleKey.Length >= 8)
                .LastOrDefault();
            if (same is not null)
                return new PolicyLink(same.PolicyId, $"与 {same.Id} 同题{(issuer is null ? "" : "同发文机关")}，标题去掉年份、（试行）、修订字样和空格后相同：{titleKey}{(issuer is null ? "" : "／" + issuer)}");
        }
        // The same 发文字号 and kind of document: the same document read from another file whose title came out differently.
        if (PolicyKeys.DocNumber(document.DocNumber) is { } number
            && store.ByDocNumberKey(number, asOf).LastOrDefault(v => v.DocType == document.DocType.ToId()) is { } numbered)
            return new PolicyLink(numbered.PolicyId, $"与 {numbered.Id} 发文字号相同：{document.DocNumber}");
        return PolicyLink.NewPolicy();
    }

    /// <summary>
    /// The stored versions a 同时废止 reference names: by 发文字号 first, else by title. <paramref name="versions"/> is the
    /// committed catalogue when linking, the version's own write when tracking it.
    /// </summary>
    /// <remarks>
    /// The same rule as <see cref="Names"/>, so the outcome does not depend on which document arrived first: the 发文字号
    /// when both have one, else the title (a version whose own 发文字号 contradicts the reference's is another document).
    /// </remarks>
    public static IReadOnlyList<TrackedVersion> Resolve(IVersionLookup versions, DocRef r, DateOnly asOf)
    {
        var number = PolicyKeys.DocNumber(r.DocNumber);
        if (number is not null && versions.ByDocNumberKey(number, asOf) is { Count: > 0 } byNumber)
            return byNumber;
        if (PolicyKeys.Title(r.Title) is { Length: >= 4 } title)
            return versions.ByTitleKey(title, asOf)
                .Where(v => v.RepealedBy is null && v.SupersededBy is null && (number is null || PolicyKeys.DocNumber(v.DocNumber) is null))
                .ToList();
        return [];
    }

    /// <summary>
    /// The stored 同时废止 references that name this document (<see cref="Names"/>), in statement order: looked up by its
    /// title and 发文字号 keys, so the cost does not grow with the number of references in the catalogue.
    /// </summary>
    public static IEnumerable<RepealRef> RepealRefsNaming(IVersionLookup versions, PolicyDocument document) =>
        versions.RepealRefsNaming(PolicyKeys.TitleToMatch(document.Title), PolicyKeys.DocNumber(document.DocNumber))
            .Where(r => Names(r, document));

    /// <summary>Whether a stored repeal reference names this document (the rule of <see cref="Resolve"/>).</summary>
    public static bool Names(RepealRef r, PolicyDocument document)
    {
        var number = PolicyKeys.DocNumber(r.DocNumber);
        var own = PolicyKeys.DocNumber(document.DocNumber);
        if (number is not null && own is not null) return number == own;
        return PolicyKeys.Title(r.Title) is { Length: >= 4 } title && title == PolicyKeys.Title(document.Title);
    }
}
