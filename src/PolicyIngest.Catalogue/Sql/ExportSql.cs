namespace PolicyIngest.Catalogue.Sql;

/// <summary>
/// Catalogue reads for exports and the web UI's policy pages. Status always comes from <see cref="StatusSql.Case"/>.
/// @scope: 0 = current versions only, 1 = every version.
/// </summary>
internal static class ExportSql
{
    private const string VersionColumns = $"""
        v.policy_id, v.id, v.seq, v.title, v.notice_title, v.doc_number, v.issuer, v.region, v.doc_type, v.format,
        v.issued_on, v.effective_from, v.expires_on, v.interprets, {StatusSql.Case}, v.status_reason,
        v.superseded_by, v.repealed_by, r.title, r.doc_number, v.source, v.sha256, v.ingested_at, v.link_reason,
        (SELECT COUNT(*) FROM clause c WHERE c.version_id = v.id),
        (SELECT COUNT(*) FROM amount a WHERE a.version_id = v.id)
        """;

    private const string VersionFrom = "FROM version v LEFT JOIN version r ON r.id = v.repealed_by";

    public const string Versions = $"""
        SELECT {VersionColumns} {VersionFrom}
        WHERE (@scope = 1 OR {StatusSql.IsCurrent})
        ORDER BY v.issued_on IS NULL, v.issued_on DESC, v.title, v.seq
        """;

    public const string VersionsOfPolicy = $"""
        SELECT {VersionColumns} {VersionFrom}
        WHERE v.policy_id = @policy
        ORDER BY v.seq
        """;

    public const string VersionById = $"""
        SELECT {VersionColumns} {VersionFrom}
        WHERE v.id = @id
        """;

    public const string CurrentVersionOfPolicy =
        "SELECT id FROM version v WHERE v.policy_id = @policy ORDER BY (v.superseded_by IS NULL) DESC, v.seq DESC LIMIT 1";

    public const string Amounts = """
        SELECT v.policy_id, v.id, v.title, v.doc_number, a.part_no, p.title, a.clause_id, a.article, a.text,
               a.yuan, a.yuan_high, a.unit, a.role, a.per, a.condition
        FROM amount a
        JOIN version v ON v.id = a.version_id
        LEFT JOIN part p ON p.version_id = a.version_id AND p.part_no = a.part_no
        WHERE (@scope = 1 OR v.superseded_by IS NULL)
        ORDER BY v.issued_on IS NULL, v.issued_on DESC, v.title, v.id, a.part_no, a.ord
        """;

    public const string Clauses = """
        SELECT v.policy_id, v.id, v.title, v.doc_number, c.part_no, p.title, c.ord, c.clause_id, c.kind, c.label, c.path_json,
               c.heading, c.text, c.page, c.category, c.instruments_json, c.industries_json,
               c.category_confidence, c.instrument_confidences_json, c.industry_confidences_json
        FROM clause c
        JOIN version v ON v.id = c.version_id
        LEFT JOIN part p ON p.version_id = c.version_id AND p.part_no = c.part_no
        WHERE (@scope = 1 OR v.superseded_by IS NULL)
        ORDER BY v.issued_on IS NULL, v.issued_on DESC, v.title, v.id, c.part_no, c.ord
        """;

    public const string RecentVersions = $"""
        SELECT {VersionColumns} {VersionFrom}
        WHERE {StatusSql.IsCurrent}
        ORDER BY v.ingested_at DESC, v.id
        LIMIT @limit
        """;
}
