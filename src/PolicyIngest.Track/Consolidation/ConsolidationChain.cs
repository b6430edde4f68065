using PolicyIngest.Catalogue;

namespace PolicyIngest.Track.Consolidation;

/// <summary>Reads a policy's chain of versions from the catalogue for <see cref="ConsolidatedText"/> (CLI and web alike).</summary>
public static class ConsolidationChain
{
    /// <summary>
    /// The versions of the policy up to the one asked for, oldest first: a policy id (p…) gives its current version
    /// with every version before it, a version id (v…) that version with the ones before it. Null when unknown.
    /// </summary>
    public static IReadOnlyList<ChainVersion>? Load(TrackStore store, string id, DateOnly asOf)
    {
        var asked = store.Version(id, asOf);
        var versions = store.VersionsOf(asked?.PolicyId ?? id, asOf);
        if (versions.Count == 0) return null;
        var last = asked ?? versions.FirstOrDefault(v => v.SupersededBy is null) ?? versions[^1];
        var chain = new List<ChainVersion>();
        foreach (var v in versions)
        {
            // A version whose document cannot be loaded is left out: the chain is compared pair by pair as it stands.
            if (store.Catalogue.LoadDocument(v.Id) is { } document) chain.Add(new ChainVersion(v.Id, document, v.DocNumber, v.IssuedOn));
            if (v.Id == last.Id) break;
        }
        return chain.Count == 0 || chain[^1].VersionId != last.Id ? null : chain;
    }
}
