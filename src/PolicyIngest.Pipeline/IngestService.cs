using PolicyIngest.Catalogue;
using PolicyIngest.Core;
using PolicyIngest.Core.Model;
using PolicyIngest.Index;
using PolicyIngest.Track;

namespace PolicyIngest.Pipeline;

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
            document = processor.Process(bytes, source, cancellationToken, httpCharset);
        }
        catch (UnreadableDocumentException ex)
        {
            return Failed(source, ex.Reason);
        }
        return Store(document);
    }

    public IngestResult Store(PolicyDocument document)
    {
        var link = linker.Link(document, catalogue);
        if (link.ExistingPolicyId is { } existing && RenditionOf(existing, document) is { } rendered)
        {
            catalogue.AddVersionFile(rendered.Id, document.Sha256, document.Source, document.Format.ToId(), clock.GetUtcNow());
            return new IngestResult(document.Source, IngestOutcome.Unchanged, rendered.Id, rendered.PolicyId, rendered.Title,
                LinkReason: $"same text as {rendered.Id} ({rendered.Source}): another file of that version, not a revision");
        }
        var policyId = link.ExistingPolicyId ?? CatalogueStore.PolicyIdFor(document.Sha256);
        VersionTracker.Outcome? tracked = null;
        var row = catalogue.SaveVersion(document, link, clock.GetUtcNow(), (tx, versionId) =>
        {
            indexer?.IndexVersion(tx, versionId, document);
            tracked = tracker?.Record(tx, versionId, policyId, document);
        });
        // Post-store hook (Track): the 新旧对照 reports of a revision or a repeal, written after the commit.
        var reports = tracked is null ? [] : tracker!.WriteReports(row.Id, tracked);
        return new IngestResult(document.Source, link.ExistingPolicyId is null ? IngestOutcome.New : IngestOutcome.NewVersion,
            row.Id, row.PolicyId, document.Title, LinkReason: link.Reason, Reports: reports);
    }

    /// <summary>The version of the policy this document is another file of (same text, same dates), newest first; else null.</summary>
    private VersionRow? RenditionOf(string policyId, PolicyDocument document)
    {
        foreach (var version in catalogue.VersionsOf(policyId).Reverse())
        {
            if (catalogue.LoadDocument(version.Id) is { } catalogued && Renditions.SameDocument(catalogued, document)) return version;
        }
        return null;
    }

    private static IngestResult Failed(string source, string reason) => new(source, IngestOutcome.Failed, Error: reason);
}
