using System.Text.RegularExpressions;
using PolicyIngest.Catalogue;
using PolicyIngest.Catalogue.Reads;
using PolicyIngest.Core.Model;
using PolicyIngest.Track;

namespace PolicyIngest.Web.Policies;

/// <summary>One version of a policy as the policy page and <c>/api/policies/{id}</c> show it.</summary>
public sealed record PolicyDetails(
    VersionStatusRow Version,
    PolicyDocument Document,
    IReadOnlyList<VersionStatusRow> Versions,
    string StatusReason)
{
    public bool IsCurrent => Version.SupersededBy is null;

    /// <summary>Per version id, its other files: the same text in another format (renditions).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RenditionFile>> OtherFiles { get; init; } = new Dictionary<string, IReadOnlyList<RenditionFile>>();

    /// <summary>Per version id, what its validity rests on (bases, 有效期调整); null for a version stored without it.</summary>
    public IReadOnlyDictionary<string, ValidityRow?> Validity { get; init; } = new Dictionary<string, ValidityRow?>();

    /// <summary>The version before <paramref name="version"/> in the same policy, for "与上一版对照".</summary>
    public VersionStatusRow? Previous(VersionStatusRow version) =>
        Versions.Where(v => v.Seq < version.Seq).MaxBy(v => v.Seq);
}

/// <summary>Finds a policy by its policy id (p…, shows the current version) or a version id (v…, shows that version).</summary>
public sealed partial class PolicyLookup(CatalogueStore store)
{
    public PolicyDetails? Find(string id, DateOnly asOf)
    {
        if (!IsCatalogueId(id)) return null;
        var reader = new CatalogueReader(store);
        var versionId = id.StartsWith('p') ? reader.CurrentVersionId(id) : id;
        if (versionId is null || reader.Version(versionId, asOf) is not { } version) return null;
        if (store.LoadDocument(version.VersionId) is not { } document) return null;
        var versions = reader.VersionsOfPolicy(version.PolicyId, asOf);
        var validity = new ValidityStore(store);
        return new PolicyDetails(version, document, versions, StatusExplanation.For(version, validity.Of(version.VersionId)))
        {
            OtherFiles = versions.ToDictionary(v => v.VersionId, v => RenditionsOf(store, v.VersionId)),
            Validity = versions.Append(version).DistinctBy(v => v.VersionId).ToDictionary(v => v.VersionId, v => validity.Of(v.VersionId)),
        };
    }

    public static IReadOnlyList<RenditionFile> RenditionsOf(CatalogueStore store, string versionId) =>
        [.. store.FilesOf(versionId).Select(f => new RenditionFile(f.Sha256, f.Source, f.Format, f.Role))];

    public VersionStatusRow? FindVersion(string versionId, DateOnly asOf) =>
        IsCatalogueId(versionId) ? new CatalogueReader(store).Version(versionId, asOf) : null;

    /// <summary>Catalogue ids are short ASCII tokens (p/v + hex); anything else is not looked up at all.</summary>
    public static bool IsCatalogueId(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[pv][0-9a-zA-Z_-]{1,64}$")]
    private static partial Regex IdPattern();
}

/// <summary>Why a version has its status, in the words an analyst reads (已废止：被 京平科信发〔2026〕3号 废止 …).</summary>
public static class StatusExplanation
{
    public static string For(VersionStatusRow v) => For(v, null);

    /// <summary>With the version's validity row, 已失效 and 尚未生效 also say which sentence set the date.</summary>
    public static string For(VersionStatusRow v, ValidityRow? validity)
    {
        var recorded = string.IsNullOrWhiteSpace(v.StatusReason) ? null : v.StatusReason.Trim();
        var dated = validity is null ? null : ValidityReport.StatusReason(v.Status, v.EffectiveFrom, v.ExpiresOn, validity);
        return v.Status switch
        {
            "repealed" => Join($"被{Describe(v.RepealedByTitle, v.RepealedByDocNumber) ?? "后续文件"}废止", recorded),
            "amended" => Join("已有更新版本", recorded),
            "expired" => Join(dated ?? (v.ExpiresOn is { } e ? $"有效期至 {e:yyyy-MM-dd}，已过期" : "已过有效期"), recorded),
            "not_yet_effective" => Join(dated ?? (v.EffectiveFrom is { } f ? $"自 {f:yyyy-MM-dd} 起施行" : "尚未施行"), recorded),
            _ => Join(InForce(v), recorded),
        };
    }

    private static string InForce(VersionStatusRow v)
    {
        var parts = new List<string>();
        if (v.EffectiveFrom is { } from) parts.Add($"自 {from:yyyy-MM-dd} 起施行");
        parts.Add(v.ExpiresOn is { } until ? $"有效期至 {until:yyyy-MM-dd}" : "未见废止或失效记录");
        return string.Join("，", parts);
    }

    private static string? Describe(string? title, string? docNumber) =>
        (title, docNumber) switch
        {
            (null or "", null or "") => null,
            (null or "", _) => $" {docNumber} ",
            (_, null or "") => $"《{title}》",
            _ => $"《{title}》（{docNumber}）",
        };

    private static string Join(string main, string? recorded) =>
        recorded is null || main.Contains(recorded, StringComparison.Ordinal) ? main : $"{main}。{recorded}";
}
