using System.Collections.Concurrent;
using PolicyIngest.Catalogue;
using PolicyIngest.Fetch.Archive;
using PolicyIngest.Fetch.Http;
using PolicyIngest.Fetch.Pipelines;
using PolicyIngest.Ingest;

namespace PolicyIngest.Fetch;

/// <summary>One document's outcome in a run (outcome ids as <c>ingest</c> prints them: new, new-version, unchanged, failed).</summary>
public sealed record DocumentOutcome(string Url, string Source, string Outcome)
{
    public int? HttpStatus { get; init; }
    public string? Sha256 { get; init; }
    public string? VersionId { get; init; }
    public string? PolicyId { get; init; }
    public string? Title { get; init; }
    public string? Error { get; init; }
    public string? Warning { get; init; }
    public IReadOnlyList<string> Reports { get; init; } = [];
}

/// <summary>What a run did: counts, errors (one line each), change reports and every document's outcome.</summary>
public sealed record RunReport(
    string RunId, string Pipeline, string Trigger, DateTimeOffset StartedAt, DateTimeOffset EndedAt, string Status,
    RunCounts Counts, IReadOnlyList<string> Errors, IReadOnlyList<string> Reports, IReadOnlyList<DocumentOutcome> Documents)
{
    /// <summary>The process that ran it (<see cref="PipelineRunner.Node"/>).</summary>
    public string Node { get; init; } = RunNode.ThisProcess;
}

/// <summary>Another process (the scheduler or a CLI run) is running this pipeline now.</summary>
public sealed class PipelineBusyException(string pipeline)
    : Exception($"pipeline {pipeline} is already running in another process");

/// <summary>
/// One run of a pipeline: discover documents (listing pages, detail pages, URL lists, folders), fetch each
/// conditionally, archive the original, ingest it through <see cref="IngestService"/> (one transaction per version),
/// and only then remember the URL's validators — so a run killed at any point loses nothing and duplicates nothing:
/// the next run re-fetches what was not remembered and finds the same bytes already in the catalogue.
/// The CLI's <c>run</c>, the scheduler's job and the demo all call <see cref="RunAsync"/>.
/// </summary>
public sealed class PipelineRunner(
    IngestService ingest,
    string dataDirectory,
    HttpClient client,
    TimeProvider clock)
{
    private readonly FetchStore _store = new(ingest.Catalogue);
    private readonly DocumentFetcher _fetcher = new(client);
    private readonly SemaphoreSlim _ingestGate = new(1, 1);
    private ContentArchive? _archive;

    /// <summary>Called as each document finishes (progress output).</summary>
    public Action<DocumentOutcome>? OnDocument { get; init; }

    /// <summary>Called once a run that stored something has finished: brings the search index up to the catalogue.</summary>
    public Action<CancellationToken>? AfterWrites { get; init; }

    public ContentArchive Archive => _archive ??= new ContentArchive(Path.Combine(dataDirectory, CatalogueLayout.Archive));

    public FetchStore Store => _store;

    /// <summary>The name the run log gives this process (<see cref="RunNode.ThisProcess"/>: the clustered scheduler's instance id too).</summary>
    public string Node { get; init; } = RunNode.ThisProcess;

    public async Task<RunReport> RunAsync(PipelineDefinition pipeline, string trigger, CancellationToken cancellationToken)
    {
        using var runLock = ingest.Catalogue.TryLockPipeline(pipeline.Name) ?? throw new PipelineBusyException(pipeline.Name);
        var runId = $"r{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid().ToString("N")[..6]}";
        var started = clock.GetUtcNow();
        _store.StartRun(runId, pipeline.Name, trigger, started, Node);
        _store.MarkInterrupted(pipeline.Name, runId);
        _ = Archive; // sweeps partial files a killed run left behind

        var outcomes = new ConcurrentQueue<DocumentOutcome>();
        var status = "done";
        try
        {
            foreach (var source in pipeline.Sources)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await RunSourceAsync(pipeline, source, runId, outcomes, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            status = "cancelled";
        }
        var documents = outcomes.ToList();
        var counts = new RunCounts(
            documents.Count(d => d.Outcome == "new"), documents.Count(d => d.Outcome == "new-version"),
            documents.Count(d => d.Outcome == "unchanged"), documents.Count(d => d.Outcome == "failed"));
        if (status == "done" && counts.Failed > 0) status = counts.Failed == documents.Count ? "failed" : "partly";
        var errors = documents.Where(d => d.Error is not null).Select(d => $"{d.Url}: {d.Error}").ToList();
        var reportPaths = documents.SelectMany(d => d.Reports).Distinct().ToList();
        var ended = clock.GetUtcNow();
        _store.FinishRun(runId, status, counts, errors, reportPaths, ended);
        if (status == "cancelled") cancellationToken.ThrowIfCancellationRequested();
        if (counts.New + counts.NewVersion > 0) AfterWrites?.Invoke(cancellationToken);
        return new RunReport(runId, pipeline.Name, trigger, started, ended, status, counts, errors, reportPaths, documents) { Node = Node };
    }

    private async Task RunSourceAsync(PipelineDefinition pipeline, SourceDefinition source, string runId,
        ConcurrentQueue<DocumentOutcome> outcomes, CancellationToken ct)
    {
        var politeness = new Politeness(source.Limits.Delay, clock);
        void Add(DocumentOutcome o)
        {
            outcomes.Enqueue(o);
            _store.RecordItem(new FetchRunItem(runId, o.Url, o.Source, o.Outcome, o.HttpStatus, o.Sha256, o.VersionId, o.Error, clock.GetUtcNow()));
            OnDocument?.Invoke(o);
        }

        if (source.Kind == SourceKind.Folder)
        {
            foreach (var file in FolderDocuments(source))
            {
                ct.ThrowIfCancellationRequested();
                Add(await IngestDownloadedAsync(pipeline, source, runId, new Uri(file), File.ReadAllBytes(file), null, null, null, null, ct)
                    .ConfigureAwait(false));
            }
            return;
        }

        var documents = source.Kind == SourceKind.Urls
            ? source.Urls.ToList()
            : await DiscoverAsync(source, politeness, Add, ct).ConfigureAwait(false);

        await Parallel.ForEachAsync(documents,
            new ParallelOptions { MaxDegreeOfParallelism = source.Limits.Concurrency, CancellationToken = ct },
            async (url, token) => Add(await FetchDocumentAsync(pipeline, source, runId, url, politeness, token).ConfigureAwait(false)))
            .ConfigureAwait(false);
    }

    /// <summary>Walks the listing pages (next-page links up to maxPages) and detail pages; returns document URLs in page order.</summary>
    private async Task<List<Uri>> DiscoverAsync(SourceDefinition source, Politeness politeness, Action<DocumentOutcome> fail, CancellationToken ct)
    {
        var documents = new List<Uri>();
        var seenDocuments = new HashSet<Uri>();
        var seenPages = new HashSet<Uri>();
        var detailPages = new List<Uri>();
        void AddDocument(Uri u)
        {
            if (seenDocuments.Add(u)) documents.Add(u);
        }

        var page = source.Url;
        for (var n = 0; page is not null && n < source.MaxPages && seenPages.Add(page); n++)
        {
            var html = await FetchPageAsync(source, page, politeness, fail, ct).ConfigureAwait(false);
            if (html is null) break;
            foreach (var link in HtmlLinks.Find(html, page, source.Links))
            {
                var text = link.Url.AbsoluteUri;
                if (source.Exclude?.IsMatch(text) == true || !source.Limits.Allows(link.Url)) continue;
                if (source.Detail is { } detail && detail.Match.IsMatch(text))
                {
                    if (!detailPages.Contains(link.Url)) detailPages.Add(link.Url);
                }
                else if (source.Include.IsMatch(text)) AddDocument(link.Url);
            }
            page = source.NextPage is null ? null : HtmlLinks.Find(html, page, source.NextPage).Select(l => l.Url).FirstOrDefault();
        }

        if (source.Detail is { } d)
        {
            foreach (var detailUrl in detailPages)
            {
                var html = await FetchPageAsync(source, detailUrl, politeness, fail, ct).ConfigureAwait(false);
                if (html is null) continue;
                if (d.IngestPage) AddDocument(detailUrl);
                foreach (var link in HtmlLinks.Find(html, detailUrl, d.Links))
                {
                    if (d.Include.IsMatch(link.Url.AbsoluteUri) && source.Limits.Allows(link.Url) &&
                        source.Exclude?.IsMatch(link.Url.AbsoluteUri) != true)
                        AddDocument(link.Url);
                }
            }
        }
        return documents;
    }

    private async Task<string?> FetchPageAsync(SourceDefinition source, Uri url, Politeness politeness, Action<DocumentOutcome> fail,
        CancellationToken ct)
    {
        var response = await _fetcher.FetchAsync(url, source.Limits, validators: null, politeness, ct).ConfigureAwait(false);
        if (response.Status == FetchStatus.Downloaded) return HtmlLinks.Decode(response.Body, response.ContentType);
        // A listing or detail page that cannot be read hides the documents behind it: that is a failure of the run.
        fail(new DocumentOutcome(url.AbsoluteUri, source.Name, "failed")
        {
            HttpStatus = response.HttpStatus,
            Error = $"page not read: {response.Error ?? "not modified"}",
        });
        return null;
    }

    private async Task<DocumentOutcome> FetchDocumentAsync(PipelineDefinition pipeline, SourceDefinition source, string runId, Uri url,
        Politeness politeness, CancellationToken ct)
    {
        var key = url.AbsoluteUri;
        var state = _store.FindState(key);
        // Validators are only sent when the bytes they stand for are in the catalogue; otherwise a 304 would hide them.
        var known = state?.Sha256 is { } sha ? ingest.Catalogue.FindVersionBySha(sha) : null;
        var validators = known is not null && state is not null ? new Validators(state.ETag, state.LastModified) : null;
        if (validators?.IsEmpty == true) validators = null;

        var response = await _fetcher.FetchAsync(url, source.Limits, validators, politeness, ct).ConfigureAwait(false);
        switch (response.Status)
        {
            case FetchStatus.NotModified when known is not null:
                _store.TouchState(key, clock.GetUtcNow());
                return new DocumentOutcome(key, source.Name, "unchanged")
                {
                    HttpStatus = 304, Sha256 = known.Sha256, VersionId = known.Id, PolicyId = known.PolicyId, Title = known.Title,
                };
            case FetchStatus.NotModified:
                return new DocumentOutcome(key, source.Name, "failed") { HttpStatus = 304, Error = "304 Not Modified to an unconditional request" };
            case FetchStatus.Failed:
                return new DocumentOutcome(key, source.Name, "failed") { HttpStatus = response.HttpStatus, Error = response.Error };
        }
        return await IngestDownloadedAsync(pipeline, source, runId, url, response.Body, response.ContentType, response.ETag,
            response.LastModified, response.HttpStatus, ct).ConfigureAwait(false);
    }

    private async Task<DocumentOutcome> IngestDownloadedAsync(PipelineDefinition pipeline, SourceDefinition source, string runId, Uri url,
        byte[] body, string? contentType, string? etag, string? lastModified, int? httpStatus, CancellationToken ct)
    {
        var key = url.AbsoluteUri;
        var sha = DocumentProcessor.Sha256Hex(body);
        var now = clock.GetUtcNow();
        var verdict = ContentCheck.Check(contentType, url, body);
        var relative = Path.Combine(CatalogueLayout.Archive, Archive.Store(sha, body));
        _store.RecordArchived(sha, key, relative, body.Length, contentType, verdict.Format?.ToString().ToLowerInvariant(), runId, now);
        if (!verdict.Accepted)
            return new DocumentOutcome(key, source.Name, "failed") { HttpStatus = httpStatus, Sha256 = sha, Error = verdict.Error };

        IngestResult result;
        await _ingestGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            result = IngestOnce(body, key, HtmlLinks.CharsetName(contentType), ct);
        }
        finally
        {
            _ingestGate.Release();
        }
        if (result.Outcome == IngestOutcome.Failed)
            return new DocumentOutcome(key, source.Name, "failed") { HttpStatus = httpStatus, Sha256 = sha, Error = result.Error, Warning = verdict.Warning };

        // Only now that the version is committed may a later 304 stand for these bytes.
        _store.SaveState(key, pipeline.Name, source.Name, etag, lastModified, sha, verdict.Format?.ToString().ToLowerInvariant(), clock.GetUtcNow());
        // The version tracker wrote the 新旧对照 reports inside ingest (Track); the run lists their paths.
        return Outcome(result, source, httpStatus, sha, verdict.Warning) with { Reports = result.Reports ?? [] };
    }

    private IngestResult IngestOnce(byte[] body, string source, string? httpCharset, CancellationToken ct)
    {
        try
        {
            return ingest.IngestBytes(body, source, ct, httpCharset);
        }
        catch (DuplicateVersionException)
        {
            // Another process stored the same bytes between our lookup and our insert: now they are found.
            return ingest.IngestBytes(body, source, ct, httpCharset);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or ComponentUnavailableException))
        {
            // A reader bug on one file must not stop the others; it is reported with the file.
            return new IngestResult(source, IngestOutcome.Failed, Error: $"internal error: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
        }
    }

    private static DocumentOutcome Outcome(IngestResult result, SourceDefinition source, int? httpStatus, string sha, string? warning) =>
        new(result.Source, source.Name, result.OutcomeId)
        {
            HttpStatus = httpStatus, Sha256 = sha, VersionId = result.VersionId, PolicyId = result.PolicyId, Title = result.Title,
            Warning = warning,
        };

    private static IEnumerable<string> FolderDocuments(SourceDefinition source)
    {
        if (!Directory.Exists(source.Folder)) yield break;
        foreach (var file in Directory.EnumerateFiles(source.Folder!, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.') || !source.Include.IsMatch(name) || source.Exclude?.IsMatch(name) == true) continue;
            yield return file;
        }
    }
}
