using PolicyIngest.Core;
using PolicyIngest.Catalogue;
using PolicyIngest.Core.Model;
using PolicyIngest.Track.Alignment;
using PolicyIngest.Track.Reports;

namespace PolicyIngest.Track;

/// <summary>
/// Keeps the version chain right as part of storing a version (through its <see cref="IVersionWrite"/>): link keys,
/// repeals stated by the new document, repeals stated earlier by documents that arrived first, and superseded_by along
/// each policy's versions.
/// </summary>
public sealed class VersionTracker(TrackStore store, TimeProvider clock)
{
    public static VersionTracker For(CatalogueStore catalogue, TimeProvider clock) => new(new TrackStore(catalogue), clock);

    /// <summary>Where change reports go: reports/ next to the catalogue file.</summary>
    public string ReportDirectory =>
        Path.Combine(store.Catalogue.DataDirectory, CatalogueLayout.Reports);

    /// <summary>
    /// Versions whose status changed because of the stored one: repealed by it, the one it revises, and the one that
    /// revises it when it arrived after a later version (an older text catalogued late).
    /// </summary>
    public sealed record Outcome(IReadOnlyList<string> Repealed, string? Previous, string? Next = null);

    public Outcome Record(IVersionWrite version, PolicyDocument document, string? textKey = null)
    {
        var asOf = PolicyClock.Today(clock);
        var versionId = version.VersionId;
        version.SetKeys(PolicyKeys.Title(document.Title), PolicyKeys.DocNumber(document.DocNumber),
            textKey ?? Renditions.RenditionText.Of(document).Key);
        // The references this version states (and any stored before references had keys) get the keys they are looked up by.
        foreach (var r in version.UnkeyedRefs())
            version.SetRefKeys(r.Id, PolicyKeys.Title(r.Title), PolicyKeys.DocNumber(r.DocNumber));
        var repealed = new List<string>();
        foreach (var r in document.Repeals)
        {
            foreach (var target in VersionLinker.Resolve(version, r, asOf))
            {
                if (target.Id == versionId || IssuedAfter(target.IssuedOn, document.IssuedOn)) continue;
                version.SetRepealedBy(target.Id, versionId, $"被 {versionId}（{Describe(document)}）废止：{r.Text}");
                repealed.Add(target.Id);
            }
        }
        // A repealing document that arrived before this one.
        foreach (var r in VersionLinker.RepealRefsNaming(version, document))
        {
            if (r.VersionId == versionId) continue;
            // A document cannot repeal one issued after it (a later version sharing the repealed title).
            if (version.Version(r.VersionId, asOf) is not { } repealer || !IssuedAfter(repealer.IssuedOn, document.IssuedOn) && repealer.IssuedOn is not null && document.IssuedOn is not null) continue;
            version.SetRepealedBy(versionId, r.VersionId, $"被先行入库的 {r.VersionId} 废止：{r.Text}");
        }
        ValidityAdjustments.Record(version, document, asOf);
        var versions = version.VersionsOf(version.PolicyId, asOf);
        string? previous = null;
        string? later = null;
        for (var i = 0; i < versions.Count; i++)
        {
            var next = i + 1 < versions.Count ? versions[i + 1] : null;
            if (next?.Id == versionId) previous = versions[i].Id;
            if (versions[i].Id == versionId) later = next?.Id;
            version.SetSupersededBy(versions[i].Id, next?.Id,
                next is null ? null : $"已被 {next.Id}（{next.Title}{(next.DocNumber is null ? "" : " " + next.DocNumber)}{(next.IssuedOn is { } d ? "，" + d.ToString("yyyy-MM-dd") : "")}）修订取代");
        }
        return new Outcome(repealed, previous, later);
    }

    /// <summary>
    /// After the version's transaction committed: the HTML 新旧对照 report against the version it revises and against every
    /// version it repeals, recorded for `changes`. A report that cannot be written is skipped (the catalogue stays right).
    /// </summary>
    public IReadOnlyList<string> WriteReports(string versionId, Outcome outcome, Action<string>? warn = null)
    {
        // (old, new, kind): each report is recorded with the version that brings the change.
        var targets = new List<(string Old, string New, string Kind)>();
        if (outcome.Previous is { } previous)
            targets.Add((previous, versionId, outcome.Repealed.Contains(previous) ? "repealed" : "revised"));
        targets.AddRange(outcome.Repealed.Where(r => r != outcome.Previous).Select(r => (r, versionId, "repealed")));
        // An older text that arrived late now sits between two versions: the later one revises it, not its former predecessor.
        if (outcome.Next is { } later)
        {
            store.RemoveReports(later, "revised");
            targets.Add((versionId, later, "revised"));
        }
        var paths = new List<string>();
        foreach (var (oldId, newId, kind) in targets)
        {
            if (store.Catalogue.LoadDocument(oldId) is not { } oldDoc || store.Catalogue.LoadDocument(newId) is not { } newDoc) continue;
            var path = System.IO.Path.Combine(ReportDirectory, $"{oldId}-{newId}.html");
            try
            {
                Directory.CreateDirectory(ReportDirectory);
                var diff = new DocumentDiffer().Diff(oldDoc, newDoc);
                File.WriteAllText(path, DiffHtml.Render(diff, oldId, newId));
                store.AddReport(newId, kind, oldId, path, clock.GetUtcNow());
                paths.Add(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                warn?.Invoke($"新旧对照报告 {path} 未能写出：{ex.Message}");
                store.AddReport(newId, kind, oldId, null, clock.GetUtcNow());
            }
        }
        return paths;
    }

    private static bool IssuedAfter(DateOnly? a, DateOnly? b) => a is { } x && b is { } y && x > y;

    private static string Describe(PolicyDocument d) => d.DocNumber is null ? d.Title : $"{d.Title} {d.DocNumber}";
}
