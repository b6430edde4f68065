namespace PolicyIngest.Catalogue.Sql;

/// <summary>Statements of the change log a search index follows (catalogue_change, migration 080).</summary>
internal static class FeedSql
{
    public const string Position =
        "SELECT (SELECT id FROM catalogue_identity LIMIT 1), (SELECT COALESCE(MAX(seq), 0) FROM catalogue_change)";

    public const string ChangesAfter =
        "SELECT seq, version_id, kind FROM catalogue_change WHERE seq > $seq ORDER BY seq LIMIT $max";

    /// <summary>
    /// The clause documents of the versions in $ids (a JSON array). Label and heading together as the FTS5 index reads
    /// them; the head fields are the version's own (a compilation card's title stays in its clause text).
    /// </summary>
    public const string ClauseDocuments = """
        SELECT c.rowid, c.version_id, v.policy_id, TRIM(c.label || ' ' || COALESCE(c.heading, '')), c.text,
               v.title, v.notice_title, v.doc_number, v.issuer, v.region, c.category
        FROM clause c JOIN version v ON v.id = c.version_id
        WHERE c.version_id IN (SELECT value FROM json_each($ids))
        ORDER BY c.version_id, c.part_no, c.ord
        """;

    public const string ClauseCount = "SELECT COUNT(*) FROM clause";
}
