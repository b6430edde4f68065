using PolicyIngest.Catalogue;
using PolicyIngest.Core.Model;

namespace PolicyIngest.Track;

/// <summary>Decides which existing policy, if any, a newly read document is a version of.</summary>
public interface IVersionLinker
{
    PolicyLink Link(PolicyDocument document, CatalogueStore catalogue);
}

/// <summary>New bytes from a source already in the catalogue are a new version of that source's policy.</summary>
public sealed class SourceVersionLinker : IVersionLinker
{
    public PolicyLink Link(PolicyDocument document, CatalogueStore catalogue) =>
        catalogue.FindLatestVersionBySource(document.Source) is { } previous
            ? new PolicyLink(previous.PolicyId, $"same source as version {previous.Id}: {document.Source}")
            : PolicyLink.NewPolicy();
}
