using System.Globalization;
using System.Text.Json;
using System.Data.Common;
using PolicyIngest.Catalogue.Sql;

namespace PolicyIngest.Catalogue;

/// <summary>What a URL last gave us: the validators for a conditional GET and the hash of the bytes.</summary>
public sealed record FetchState(
    string Url, string Pipeline, string Source, string? ETag, string? LastModified, string? Sha256, string? Format,
    DateTimeOffset FetchedAt, DateTimeOffset CheckedAt);

/// <summary>One archived original: which URL gave these bytes and when it first did.</summary>
public sealed record ArchiveEntry(
    string Sha256, string Url, string Path, long Bytes, string? ContentType, string? Format, DateTimeOffset FirstFetchedAt, string? RunId);

/// <summary>Counts of one pipeline run, by outcome.</summary>
public sealed record RunCounts(int New, int NewVersion, int Unchanged, int Failed)
{
    public static readonly RunCounts Zero = new(0, 0, 0, 0);
}

/// <summary>
/// A recorded pipeline run. <see cref="EndedAt"/> is null while it runs, or if the process died. <see cref="Node"/> is the
/// process that ran it (the scheduler's instance id in a cluster, host-pid of a CLI run); null for runs recorded before
/// runs said so.
/// </summary>
public sealed record FetchRun(
    string Id, string Pipeline, string Trigger, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string Status,
    RunCounts Counts, IReadOnlyList<string> Errors, IReadOnlyList<string> Reports, string? Node = null);

/// <summary>One document's outcome within a run.</summary>
public sealed record FetchRunItem(
    string RunId, string Url, string Source, string Outcome, int? HttpStatus, string? Sha256, string? VersionId, string? Error,
    DateTimeOffset At);

/// <summary>The catalogue's SQL for fetch state, the archive index and run records.</summary>
public sealed class FetchStore(CatalogueStore catalogue)
{
    public FetchState? FindState(string url)
    {
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(FetchSql.FindState, ("@url", url));
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            return new FetchState(r.GetString(0), r.GetString(1), r.GetString(2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6),
                Time(r.GetString(7)), Time(r.GetString(8)));
        }
    }

    /// <summary>Remembers what <paramref name="url"/> gave; call only once those bytes are archived and ingested.</summary>
    public void SaveState(string url, string pipeline, string source, string? etag, string? lastModified, string? sha256,
        string? format, DateTimeOffset now) =>
        Exec(FetchSql.UpsertState, ("@url", url), ("@pipeline", pipeline), ("@source", source), ("@etag", etag),
            ("@last_modified", lastModified), ("@sha256", sha256), ("@format", format), ("@now", Iso(now)));

    public void TouchState(string url, DateTimeOffset now) => Exec(FetchSql.TouchState, ("@url", url), ("@now", Iso(now)));

    public void RecordArchived(string sha256, string url, string relativePath, long bytes, string? contentType, string? format,
        string? runId, DateTimeOffset now) =>
        Exec(FetchSql.InsertArchiveEntry, ("@sha256", sha256), ("@url", url), ("@path", relativePath), ("@bytes", bytes),
            ("@content_type", contentType), ("@format", format), ("@now", Iso(now)), ("@run_id", runId));

    public IReadOnlyList<ArchiveEntry> ArchiveEntries(string sha256)
    {
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(FetchSql.ArchiveEntriesBySha, ("@sha256", sha256));
            using var r = cmd.ExecuteReader();
            var list = new List<ArchiveEntry>();
            while (r.Read())
                list.Add(new ArchiveEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), Text(r, 4), Text(r, 5),
                    Time(r.GetString(6)), Text(r, 7)));
            return list;
        }
    }

    /// <summary>Records a run as running on <paramref name="node"/> (the process that runs it).</summary>
    public void StartRun(string runId, string pipeline, string trigger, DateTimeOffset now, string? node = null) =>
        Exec(FetchSql.InsertRun, ("@id", runId), ("@pipeline", pipeline), ("@trigger", trigger), ("@now", Iso(now)), ("@node", node));

    /// <summary>Marks earlier runs of <paramref name="pipeline"/> that never finished (the process died) as interrupted.</summary>
    public void MarkInterrupted(string pipeline, string currentRunId) =>
        Exec(FetchSql.MarkInterrupted, ("@pipeline", pipeline), ("@id", currentRunId));

    public void FinishRun(string runId, string status, RunCounts counts, IReadOnlyList<string> errors, IReadOnlyList<string> reports,
        DateTimeOffset now) =>
        Exec(FetchSql.FinishRun, ("@id", runId), ("@now", Iso(now)), ("@status", status), ("@new", counts.New),
            ("@new_version", counts.NewVersion), ("@unchanged", counts.Unchanged), ("@failed", counts.Failed),
            ("@errors", JsonSerializer.Serialize(errors)), ("@reports", JsonSerializer.Serialize(reports)));

    public void RecordItem(FetchRunItem item) =>
        Exec(FetchSql.UpsertRunItem, ("@run_id", item.RunId), ("@url", item.Url), ("@source", item.Source), ("@outcome", item.Outcome),
            ("@http_status", item.HttpStatus), ("@sha256", item.Sha256), ("@version_id", item.VersionId), ("@error", item.Error),
            ("@now", Iso(item.At)));

    public FetchRun? FindRun(string runId) => QueryRuns(FetchSql.FindRun, ("@id", runId)).FirstOrDefault();

    /// <summary>Runs started since <paramref name="since"/>, newest first (for <c>changes</c>).</summary>
    public IReadOnlyList<FetchRun> Runs(DateTimeOffset? since = null, int limit = 1000) =>
        QueryRuns(FetchSql.ListRuns, ("@since", since is { } s ? Iso(s) : ""), ("@limit", limit));

    public IReadOnlyList<FetchRunItem> RunItems(string runId)
    {
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(FetchSql.RunItems, ("@run_id", runId));
            using var r = cmd.ExecuteReader();
            var list = new List<FetchRunItem>();
            while (r.Read())
                list.Add(new FetchRunItem(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetInt32(4), Text(r, 5), Text(r, 6), Text(r, 7), Time(r.GetString(8))));
            return list;
        }
    }

    private List<FetchRun> QueryRuns(string sql, params (string, object?)[] args)
    {
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(sql, args);
            using var r = cmd.ExecuteReader();
            var list = new List<FetchRun>();
            while (r.Read())
            {
                list.Add(new FetchRun(r.GetString(0), r.GetString(1), r.GetString(2), Time(r.GetString(3)),
                    r.IsDBNull(4) ? null : Time(r.GetString(4)), r.GetString(5),
                    new RunCounts(r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9)),
                    JsonSerializer.Deserialize<List<string>>(r.GetString(10)) ?? [],
                    JsonSerializer.Deserialize<List<string>>(r.GetString(11)) ?? [], Text(r, 12)));
            }
            return list;
        }
    }

    private void Exec(string sql, params (string, object?)[] args)
    {
        lock (catalogue.Gate)
        {
            using var cmd = catalogue.Command(sql, args);
            cmd.ExecuteNonQuery();
        }
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    // Fixed-width UTC text so that string comparison in SQL orders by time.
    private static string Iso(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
