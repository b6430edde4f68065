using PolicyIngest.Catalogue;
using PolicyIngest.Catalogue.Reads;
using PolicyIngest.Core.Json;
using PolicyIngest.Web.Pages;

namespace PolicyIngest.Web.Policies;

/// <summary>The JSON of <c>/api/policies/{id}</c>: catalogue facts (status and why, versions) plus the stored PolicyDocument.</summary>
public static class PolicyApi
{
    public static string Serialize(PolicyDetails p)
    {
        var v = p.Version;
        return PolicyJson.Serialize(new
        {
            policyId = v.PolicyId,
            versionId = v.VersionId,
            seq = v.Seq,
            current = p.IsCurrent,
            title = v.Title,
            docNumber = v.DocNumber,
            issuer = v.Issuer,
            region = v.Region,
            status = v.Status,
            statusReason = p.StatusReason,
            validity = p.Validity.GetValueOrDefault(v.VersionId),
            repealedBy = v.RepealedBy is null ? null : new { versionId = v.RepealedBy, title = v.RepealedByTitle, docNumber = v.RepealedByDocNumber },
            supersededBy = v.SupersededBy,
            original = PolicyPage.OriginalUrl(v.VersionId),
            versions = p.Versions.Select(x => Version(x, p.Previous(x), p.Validity.GetValueOrDefault(x.VersionId))),
            document = p.Document,
        });
    }

    private static object Version(VersionStatusRow v, VersionStatusRow? previous, ValidityRow? validity) => new
    {
        versionId = v.VersionId,
        seq = v.Seq,
        title = v.Title,
        docNumber = v.DocNumber,
        issuedOn = v.IssuedOn,
        status = v.Status,
        statusReason = StatusExplanation.For(v, validity),
        ingestedAt = v.IngestedAt,
        source = v.Source,
        sha256 = v.Sha256,
        linkReason = v.LinkReason,
        diffFromPrevious = previous is null ? null : "/api/diff" + Html.Html.Query(("old", previous.VersionId), ("new", v.VersionId)),
    };
}
