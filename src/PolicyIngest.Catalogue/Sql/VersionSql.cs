namespace PolicyIngest.Catalogue.Sql;

/// <summary>Statements on policy and version rows, one constant each.</summary>
internal static class VersionSql
{
    /// <summary>The version with these bytes, or the version these bytes are another file of (version_file).</summary>
    public const string FindBySha =
        "SELECT id, policy_id, seq, sha256, source, title, doc_number, issuer, ingested_at FROM version WHERE sha256 = @sha " +
        "UNION ALL SELECT v.id, v.policy_id, v.seq, v.sha256, v.source, v.title, v.doc_number, v.issuer, v.ingested_at " +
        "FROM version_file f JOIN version v ON v.id = f.version_id WHERE f.sha256 = @sha";

    public const string InsertVersionFile =
        "INSERT INTO version_file(sha256, version_id, source, format, added_at, role) VALUES (@sha, @version, @source, @format, @now, @role) ON CONFLICT DO NOTHING";

    public const string FilesOfVersion = "SELECT sha256, source, format, added_at, role FROM version_file WHERE version_id = @version ORDER BY added_at";

    public const string FindByTextKey =
        "SELECT id, policy_id, seq, sha256, source, title, doc_number, issuer, ingested_at FROM version WHERE text_key = @key ORDER BY seq";

    // A version found to be only part of a newer file (its notice, one page) is folded into that file's version: its
    // file and other files move there as parts, what pointed at it is cleared for the tracker to set again, its index
    // rows go (SQLite's FTS5 rows; a Lucene index follows the 'removed' change), and the row itself (clauses, amounts,
    // reports by cascade).
    private const string AbsorbPartFiles = """
        UPDATE version_file SET version_id = @whole, role = 'part' WHERE version_id = @part;
        INSERT INTO version_file(sha256, version_id, source, format, added_at, role)
            SELECT sha256, @whole, source, format, ingested_at, 'part' FROM version WHERE id = @part
            ON CONFLICT DO NOTHING;
        UPDATE version SET repealed_by = NULL, status_reason = NULL WHERE repealed_by = @part;
        UPDATE version SET superseded_by = NULL, status_reason = CASE WHEN repealed_by IS NULL THEN NULL ELSE status_reason END
            WHERE superseded_by = @part;
        DELETE FROM change_report WHERE previous_version_id = @part;
        """;

    public static readonly DialectSql AbsorbPart = new(
        AbsorbPartFiles + """
            DELETE FROM clause_fts WHERE rowid IN (SELECT rowid FROM clause WHERE version_id = @part);
            DELETE FROM version WHERE id = @part;
            """,
        AbsorbPartFiles + "DELETE FROM version WHERE id = @part;");

    public const string FindLatestBySource =
        "SELECT id, policy_id, seq, sha256, source, title, doc_number, issuer, ingested_at FROM version WHERE source = @source ORDER BY seq DESC LIMIT 1";

    public const string FindById =
        "SELECT id, policy_id, seq, sha256, source, title, doc_number, issuer, ingested_at FROM version WHERE id = @id";

    public const string ListByPolicy =
        "SELECT id, policy_id, seq, sha256, source, title, doc_number, issuer, ingested_at FROM version WHERE policy_id = @policy ORDER BY seq";

    public const string NextSeq = "SELECT COALESCE(MAX(seq), 0) + 1 FROM version WHERE policy_id = @policy";

    public const string InsertPolicy =
        "INSERT INTO policy(id, title, doc_number, issuer, region, created_at) VALUES (@id, @title, @doc_number, @issuer, @region, @now)";

    public const string UpdatePolicyHead =
        "UPDATE policy SET title = @title, doc_number = @doc_number, issuer = @issuer, region = @region WHERE id = @id";

    public const string InsertVersion = """
        INSERT INTO version(id, policy_id, seq, sha256, source, format, doc_type, title, notice_title, doc_number, issuer, region,
                            issued_on, effective_from, expires_on, interprets, page_count, link_reason, ingested_at)
        VALUES (@id, @policy_id, @seq, @sha256, @source, @format, @doc_type, @title, @notice_title, @doc_number, @issuer, @region,
                @issued_on, @effective_from, @expires_on, @interprets, @page_count, @link_reason, @now)
        """;

    public const string InsertDocument = "INSERT INTO version_document(version_id, document_json) VALUES (@id, @json)";

    public const string InsertPart = """
        INSERT INTO part(version_id, part_no, title, doc_number, issuer, region, issued_on, doc_type, fields_json)
        VALUES (@v, @p, @title, @doc_number, @issuer, @region, @issued_on, @doc_type, @fields)
        """;

    public const string InsertClause = """
        INSERT INTO clause(version_id, part_no, ord, clause_id, kind, label, path_json, heading, text, page, category,
                           category_confidence, instruments_json, industries_json, instrument_confidences_json, industry_confidences_json)
        VALUES (@v, @p, @ord, @clause_id, @kind, @label, @path, @heading, @text, @page, @category, @confidence, @instruments, @industries,
                @instrument_confidences, @industry_confidences)
        """;

    public const string InsertAmount = """
        INSERT INTO amount(version_id, part_no, ord, clause_id, article, text, yuan, yuan_fen, yuan_high, unit, role, per, condition)
        VALUES (@v, @p, @ord, @clause_id, @article, @text, @yuan, @yuan_fen, @yuan_high, @unit, @role, @per, @condition)
        """;

    public const string InsertRate = """
        INSERT INTO rate(version_id, part_no, ord, clause_id, article, text, percent, percent_high, role, base)
        VALUES (@v, @p, @ord, @clause_id, @article, @text, @percent, @percent_high, @role, @base)
        """;

    public const string InsertDocRef =
        "INSERT INTO doc_ref(version_id, kind, ord, title, doc_number, text) VALUES (@v, @kind, @ord, @title, @doc_number, @text)";

    public const string DocumentJson = "SELECT document_json FROM version_document WHERE version_id = @id";

    public const string Counts =
        "SELECT (SELECT COUNT(*) FROM policy), (SELECT COUNT(*) FROM version), (SELECT COUNT(*) FROM clause), (SELECT COUNT(*) FROM amount)";

    /// <summary>Bytes the catalogue's database takes on disk (benchmarks print it).</summary>
    public static readonly DialectSql StorageBytes = new(
        "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
        "SELECT pg_database_size(current_database())");
}
