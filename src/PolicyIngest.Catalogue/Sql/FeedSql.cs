namespace PolicyIngest.Catalogue.Sql;

/// <summary>Statements of the change log a search index follows (catalogue_change, migration 080).</summary>
internal static class FeedSql
{
    public const string Position =
        "SELECT (SELECT id FROM catalogue_identity LIMIT 1), (SELECT COALESCE(MAX(seq), 0) FROM catalogue_change)";

    public const string ChangesAfter =
        "SELECT seq, version_id, kind FROM catalogue_change WHERE seq > @seq ORDER BY seq LIMIT @max";

    /// <summary>
    /// The clause documents of the versions in @ids (a JSON array). Label and heading together as the FTS5 index reads
    /// them; the head is the version's own; the facts mean what the search filters of <see cref="SearchSql"/> mean.
    /// </summary>
    public static readonly DialectSql ClauseDocuments = new(ClauseDocumentsSqlite, ClauseDocumentsPostgres);

    private const string ClauseDocumentsSqlite = """
        SELECT c.rowid, c.version_id, v.policy_id, TRIM(c.label || ' ' || COALESCE(c.heading, '')), c.text,
               v.title, v.notice_title, v.doc_number, v.issuer, v.region,
               COALESCE(p.region, v.region), COALESCE(p.issuer, v.issuer), COALESCE(p.issued_on, v.issued_on), c.category,
               c.instruments_json, c.industries_json, v.repealed_by IS NOT NULL, v.superseded_by IS NOT NULL, v.effective_from, v.expires_on,
               (SELECT MAX(MAX(a.yuan_fen, COALESCE(CAST(ROUND(CAST(a.yuan_high AS REAL) * 100) AS INTEGER), 0))) FROM amount a
                WHERE a.version_id = c.version_id AND a.part_no = c.part_no AND a.clause_id = c.clause_id)
        FROM clause c JOIN version v ON v.id = c.version_id
        LEFT JOIN part p ON p.version_id = c.version_id AND p.part_no = c.part_no
        WHERE c.version_id IN (SELECT value FROM json_each(@ids))
        ORDER BY c.version_id, c.part_no, c.ord
        """;

    private const string ClauseDocumentsPostgres = """
        SELECT c.rowid, c.version_id, v.policy_id, TRIM(c.label || ' ' || COALESCE(c.heading, '')), c.text,
               v.title, v.notice_title, v.doc_number, v.issuer, v.region,
               COALESCE(p.region, v.region), COALESCE(p.issuer, v.issuer), COALESCE(p.issued_on, v.issued_on), c.category,
               c.instruments_json, c.industries_json, v.repealed_by IS NOT NULL, v.superseded_by IS NOT NULL, v.effective_from, v.expires_on,
               (SELECT MAX(GREATEST(a.yuan_fen, COALESCE(ROUND(a.yuan_high * 100)::bigint, 0))) FROM amount a
                WHERE a.version_id = c.version_id AND a.part_no = c.part_no AND a.clause_id = c.clause_id)
        FROM clause c JOIN version v ON v.id = c.version_id
        LEFT JOIN part p ON p.version_id = c.version_id AND p.part_no = c.part_no
        WHERE c.version_id IN (SELECT jsonb_array_elements_text(@ids::jsonb))
        ORDER BY c.version_id, c.part_no, c.ord
        """;

    public const string ClauseCount = "SELECT COUNT(*) FROM clause";
}
