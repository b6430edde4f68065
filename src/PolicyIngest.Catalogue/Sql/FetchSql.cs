namespace PolicyIngest.Catalogue.Sql;

/// <summary>Statements on fetch state, the archive index and pipeline runs, one constant each.</summary>
internal static class FetchSql
{
    public const string FindState =
        "SELECT url, pipeline, source, etag, last_modified, sha256, format, fetched_at, checked_at FROM fetch_state WHERE url = @url";

    public const string UpsertState = """
        INSERT INTO fetch_state(url, pipeline, source, etag, last_modified, sha256, format, fetched_at, checked_at)
        VALUES (@url, @pipeline, @source, @etag, @last_modified, @sha256, @format, @now, @now)
        ON CONFLICT(url) DO UPDATE SET pipeline = excluded.pipeline, source = excluded.source, etag = excluded.etag,
            last_modified = excluded.last_modified, sha256 = excluded.sha256, format = excluded.format,
            fetched_at = excluded.fetched_at, checked_at = excluded.checked_at
        """;

    public const string TouchState = "UPDATE fetch_state SET checked_at = @now WHERE url = @url";

    public const string InsertArchiveEntry = """
        INSERT INTO archive_entry(sha256, url, path, bytes, content_type, format, first_fetched_at, run_id)
        VALUES (@sha256, @url, @path, @bytes, @content_type, @format, @now, @run_id)
        ON CONFLICT DO NOTHING
        """;

    public const string ArchiveEntriesBySha =
        "SELECT sha256, url, path, bytes, content_type, format, first_fetched_at, run_id FROM archive_entry WHERE sha256 = @sha256 ORDER BY first_fetched_at";

    public const string InsertRun =
        "INSERT INTO fetch_run(id, pipeline, trigger, started_at, status, node) VALUES (@id, @pipeline, @trigger, @now, 'running', @node)";

    public const string FinishRun = """
        UPDATE fetch_run SET ended_at = @now, status = @status, new_count = @new, new_version_count = @new_version,
            unchanged_count = @unchanged, failed_count = @failed, errors_json = @errors, reports_json = @reports
        WHERE id = @id
        """;

    /// <summary>Runs of a pipeline still marked running when a new one holds the pipeline's lock: their process died.</summary>
    public const string MarkInterrupted =
        "UPDATE fetch_run SET status = 'interrupted' WHERE pipeline = @pipeline AND status = 'running' AND id <> @id";

    public const string UpsertRunItem = """
        INSERT INTO fetch_run_item(run_id, url, source, outcome, http_status, sha256, version_id, error, at)
        VALUES (@run_id, @url, @source, @outcome, @http_status, @sha256, @version_id, @error, @now)
        ON CONFLICT(run_id, url) DO UPDATE SET outcome = excluded.outcome, http_status = excluded.http_status,
            sha256 = excluded.sha256, version_id = excluded.version_id, error = excluded.error, at = excluded.at
        """;

    private const string RunColumns =
        "id, pipeline, trigger, started_at, ended_at, status, new_count, new_version_count, unchanged_count, failed_count, errors_json, reports_json, node";

    public const string FindRun = "SELECT " + RunColumns + " FROM fetch_run WHERE id = @id";

    /// <summary>Runs started at or after @since (ISO-8601 text), newest first; @limit caps the count.</summary>
    public const string ListRuns =
        "SELECT " + RunColumns + " FROM fetch_run WHERE started_at >= @since ORDER BY started_at DESC, id DESC LIMIT @limit";

    public const string RunItems =
        "SELECT run_id, url, source, outcome, http_status, sha256, version_id, error, at FROM fetch_run_item WHERE run_id = @run_id ORDER BY at, url";
}
