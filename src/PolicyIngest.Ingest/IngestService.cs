using PolicyIngest.Catalogue;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Index;
using PolicyIngest.Track;
using PolicyIngest.Track.Renditions;

namespace PolicyIngest.Ingest;

public enum IngestOutcome { New, NewVersion, Unchanged, Failed }

public sealed record IngestResult(string Source, IngestOutcome Outcome, string? VersionId = null, string? PolicyId = null,
    string? Title = null, string? Error = null, string? LinkReason = null, IReadOnlyList<string>? Reports = null)
{
    public string OutcomeId => Outcome switch
    {
        IngestOutcome.New => "new",
        IngestOutcome.NewVersion => "new-version",
        IngestOutcome.Unchanged => "unchanged",
        _ => "failed",
    };
}

/// <summary>Files or bytes into the catalogue: one transaction per document version.</summary>
public sealed class IngestService(
    DocumentProcessor processor,
    CatalogueStore catalogue,
    IVersionLinker linker,
    IClauseIndexer? indexer,
    TimeProvider clock,
    VersionTracker? tracker = null)
{
    public CatalogueStore Catalogue => catalogue;

    public IngestResult IngestFile(string path, CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > processor.ReadOptions.MaxFileBytes)
                return Failed(path, $"file is {info.Length:N0} bytes, over the {processor.ReadOptions.MaxFileBytes:N0}-byte limit");
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex) { return Failed(path, ex.Message); }
        catch (UnauthorizedAccessException ex) { return Failed(path, ex.Message); }
        return IngestBytes(bytes, path, cancellationToken);
    }

    public IngestResult IngestBytes(byte[] bytes, string source, CancellationToken cancellationToken = default, string? httpCharset = null)
    {
        var sha = DocumentProcessor.Sha256Hex(bytes);
        if (catalogue.FindVersionBySha(sha) is { } existing)
            return new IngestResult(source, IngestOutcome.Unchanged, existing.Id, existing.PolicyId, existing.Title);
        PolicyDocument document;
        try
        {
            document = processor.Process(bytes, source, cancellationToken, httpCharset, sha);
        }
        catch (UnreadableDocumentException ex)
        {
            return Failed(source, ex.Reason);
        }
        return Store(document);
    }

    public IngestResult Store(PolicyDocument document)
    {
        var text = RenditionText.Of(document);
        // The same words anywhere in the catalogue: another file of that version, whatever its name or URL.
        foreach (var same in catalogue.VersionsWithTextKey(text.Key))
        {
            if (catalogue.LoadDocument(same.Id) is not { } catalogued) continue;
            // Equal keys mean equal folded words: the incoming text stands for both; only the dates and 发文字号 are left to check.
            var verdict = Renditions.Judge(catalogued, text, document, text);
            if (verdict.Relation == TextRelation.SameText) return KeptAsFile(document, same, verdict);
        }
        var link = linker.Link(document, catalogue);
        var absorbed = new List<VersionRow>();
        if (link.ExistingPolicyId is { } existing)
        {
            var rows = new TrackStore(catalogue).VersionsOf(existing, PolicyClock.Today(clock)).ToDictionary(v => v.Id, StringComparer.Ordinal);
            foreach (var version in catalogue.VersionsOf(existing).Reverse())
            {
                // A 发文字号 or date on the version's row that contradicts the incoming one makes it another text (Judge's
                // first test): its stored document is not read, so only the few versions that could be this text are compared.
                if (rows.TryGetValue(version.Id, out var row) && Renditions.Contradicts(row.DocNumber, row.IssuedOn, row.EffectiveFrom, document)) continue;
                if (catalogue.LoadDocument(version.Id) is not { } catalogued) continue;
                var verdict = Renditions.Judge(catalogued, RenditionText.Of(catalogued), document, text);
                if (Renditions.IsFileOfVersion(verdict.Relation)) return KeptAsFile(document, version, verdict);
                if (verdict.Relation == TextRelation.ContainsCatalogued) absorbed.Add(version);
            }
        }
        // A policy whose only versions were parts of this file (its notice arrived first) gets this file as its first version.
        var joins = link.ExistingPolicyId is { } policy && catalogue.VersionsOf(policy).Any(v => absorbed.All(a => a.Id != v.Id));
        if (absorbed.Count > 0)
        {
            var why = string.Join("；", absorbed.Select(a => Renditions.AbsorbedReason(a.Id, a.Source)));
            link = link with { Reason = joins ? $"{link.Reason}；{why}" : why };
        }
        VersionTracker.Outcome? tracked = null;
        // The clauses are analysed for the index before the catalogue is locked for the write: only the rows are written under it.
        var index = indexer?.Prepare(document);
        var stored = catalogue.SaveVersion(document, link, clock.GetUtcNow(), version =>
        {
            foreach (var part in absorbed) version.AbsorbPart(part.Id);
            index?.IndexVersion(version, document);
            tracked = tracker?.Record(version, document, text.Key);
        });
        // Post-store hook (Track): the 新旧对照 reports of a revision or a repeal, written after the commit.
        var reports = tracked is null ? [] : tracker!.WriteReports(stored.Id, tracked);
        return new IngestResult(document.Source, joins ? IngestOutcome.NewVersion : IngestOutcome.New,
            stored.Id, stored.PolicyId, document.Title, LinkReason: link.Reason, Reports: reports);
    }

    private IngestResult KeptAsFile(PolicyDocument document, VersionRow version, TextVerdict verdict)
    {
        var role = verdict.Relation == TextRelation.PartOfCatalogued ? VersionFileRoles.Part : VersionFileRoles.Rendition;
        catalogue.AddVersionFile(version.Id, document.Sha256, document.Source, document.Format.ToId(), clock.GetUtcNow(), role);
        return new IngestResult(document.Source, IngestOutcome.Unchanged, version.Id, version.PolicyId, version.Title,
            LinkReason: Renditions.Reason(verdict, version.Id, version.Source));
    }

    private static IngestResult Failed(string source, string reason) => new(source, IngestOutcome.Failed, Error: reason);
}
