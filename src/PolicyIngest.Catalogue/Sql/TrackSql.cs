namespace PolicyIngest.Catalogue.Sql;

/// <summary>Statements of version tracking (links, repeals, status, change reports), one constant each.</summary>
internal static class TrackSql
{
    private const string VersionColumns = """
        v.id, v.policy_id, v.seq, v.title, v.doc_number, v.issuer, v.region, v.issued_on, v.effective_from, v.expires_on,
        v.ingested_at, v.link_reason, v.superseded_by, v.repealed_by, v.status_reason, v.source, v.doc_type
        """;

    public const string SetKeys =
        "UPDATE version SET title_key = @title_key, doc_number_key = @doc_number_key, text_key = @text_key WHERE id = @id";

    public const string ByDocNumberKey = $"SELECT {VersionColumns}, {StatusSql.Case} FROM version v WHERE v.doc_number_key = @key ORDER BY v.seq";

    public const string ByTitleKey = $"SELECT {VersionColumns}, {StatusSql.Case} FROM version v WHERE v.title_key = @key ORDER BY v.seq";

    public const string ById = $"SELECT {VersionColumns}, {StatusSql.Case} FROM version v WHERE v.id = @id";

    public const string ByPolicy = $"""
        SELECT {VersionColumns}, {StatusSql.Case} FROM version v WHERE v.policy_id = @policy
        ORDER BY COALESCE(v.issued_on, v.effective_from, substr(v.ingested_at, 1, 10)), v.seq
        """;

    /// <summary>
    /// The doc refs that may name a document with these keys (migration 090): by 发文字号 key, by title key, and every row
    /// not keyed yet; through the indexes, never the whole table. Used with a kind filter by <see cref="RepealRefsByKeys"/>
    /// and <see cref="ValiditySql.ChangeRefsByKeys"/>.
    /// </summary>
    internal const string RefRowsByKeys = """
        SELECT rowid FROM doc_ref WHERE doc_number_key = @doc_number_key
        UNION SELECT rowid FROM doc_ref WHERE title_key = @title_key
        UNION SELECT rowid FROM doc_ref WHERE keyed = 0
        """;

    /// <summary>The 同时废止 references that may name a document with these keys: which version states each, and what it names.</summary>
    public const string RepealRefsByKeys = $"""
        SELECT version_id, title, doc_number, text FROM doc_ref
        WHERE kind = 'repeals' AND rowid IN ({RefRowsByKeys})
        ORDER BY version_id, ord
        """;

    /// <summary>References of any kind whose keys are not set yet: their own (just stored) and any from before migration 090.</summary>
    public const string UnkeyedRefs = "SELECT rowid, title, doc_number FROM doc_ref WHERE keyed = 0";

    public const string SetRefKeys =
        "UPDATE doc_ref SET title_key = @title_key, doc_number_key = @doc_number_key, keyed = 1 WHERE rowid = @id";

    public const string SetRepealedBy =
        "UPDATE version SET repealed_by = @by, status_reason = @reason WHERE id = @id AND (repealed_by IS NULL OR repealed_by = @by)";

    public const string SetSupersededBy = """
        UPDATE version SET superseded_by = @by,
            status_reason = CASE WHEN repealed_by IS NULL THEN @reason ELSE status_reason END
        WHERE id = @id
        """;

    public const string InsertReport = """
        INSERT INTO change_report(version_id, kind, previous_version_id, path, created_at)
        VALUES (@version, @kind, @previous, @path, @now)
        ON CONFLICT(version_id, kind, previous_version_id) DO UPDATE SET path = excluded.path, created_at = excluded.created_at
        """;

    public const string DeleteReports = "DELETE FROM change_report WHERE version_id = @version AND kind = @kind";

    public const string PolicyOfVersion = "SELECT policy_id FROM version WHERE id = @id";

    /// <summary>Versions ingested since a moment: new policies (seq 1) and new versions (seq > 1).</summary>
    public const string IngestedSince = $"""
        SELECT {VersionColumns}, {StatusSql.Case} FROM version v WHERE v.ingested_at >= @since ORDER BY v.ingested_at, v.id
        """;

    /// <summary>Versions repealed by a version ingested since a moment.</summary>
    public const string RepealedSince = $"""
        SELECT {VersionColumns}, {StatusSql.Case}, r.id, r.title, r.ingested_at FROM version v JOIN version r ON r.id = v.repealed_by
        WHERE r.ingested_at >= @since ORDER BY r.ingested_at, v.id
        """;

    /// <summary>Current versions whose validity ended in [from, asOf).</summary>
    public const string ExpiredBetween = $"""
        SELECT {VersionColumns}, {StatusSql.Case} FROM version v
        WHERE {StatusSql.IsCurrent} AND v.repealed_by IS NULL AND v.expires_on IS NOT NULL AND v.expires_on >= @from AND v.expires_on < @asOf
        ORDER BY v.expires_on, v.id
        """;

    /// <summary>Current versions in force whose validity ends within [asOf, until].</summary>
    public const string ExpiringBetween = $"""
        SELECT {VersionColumns}, {StatusSql.Case} FROM version v
        WHERE {StatusSql.IsCurrent} AND v.repealed_by IS NULL AND v.expires_on IS NOT NULL AND v.expires_on >= @asOf AND v.expires_on <= @until
        ORDER BY v.expires_on, v.id
        """;

    public const string ReportsOf = "SELECT version_id, kind, previous_version_id, path, created_at FROM change_report WHERE version_id = @version";

    public const string ReportFor =
        "SELECT path FROM change_report WHERE previous_version_id = @previous AND kind = @kind ORDER BY created_at DESC LIMIT 1";
}
