namespace PolicyIngest.Catalogue.Sql;

/// <summary>Statements of clause search (clause_fts, migration 010), one constant each; filters as fragments.</summary>
internal static class SearchSql
{
    /// <summary>What is indexed of a clause: its label and heading (so 第十二条 finds the article) and its text.</summary>
    public const string ClausesOfVersion =
        "SELECT rowid, TRIM(label || ' ' || COALESCE(heading, '')), text FROM clause WHERE version_id = @v ORDER BY part_no, ord";

    public const string InsertTerms = "INSERT INTO clause_fts(rowid, words, grams) VALUES (@rowid, @words, @grams)";

    public const string DeleteVersionTerms =
        "DELETE FROM clause_fts WHERE rowid IN (SELECT rowid FROM clause WHERE version_id = @v)";

    public const string Checkpoint = "PRAGMA wal_checkpoint(TRUNCATE)";

    public const string CountIndexed = "SELECT COUNT(*) FROM clause_fts";

    /// <summary>
    /// Every match passing the filters, with what facets need. {0} = extra WHERE conjuncts, {1} = the status expression,
    /// {2} = the matches as (rid, rank): <see cref="RankedMatches"/>, <see cref="UnrankedMatches"/> or <see cref="HitsWithCount"/>.
    /// Parameters: @match, @wWords, @wGrams, @asOf (and @n). CROSS JOIN fixes the order (matches drive, each looked
    /// up by row id): left free, the planner may scan every current version's clauses instead.
    /// </summary>
    public const string Matches = """
        WITH m AS MATERIALIZED ({2})
        SELECT m.rid, m.rank, v.rowid, c.part_no, c.category, c.instruments_json, c.industries_json,
               COALESCE(p.region, v.region), COALESCE(p.issuer, v.issuer), {1} AS status
        FROM m
        CROSS JOIN clause c ON c.rowid = m.rid
        CROSS JOIN version v ON v.id = c.version_id
        LEFT JOIN part p INDEXED BY part_search ON p.version_id = c.version_id AND p.part_no = c.part_no
        WHERE 1 = 1 {0}
        """;

    public const string RankedMatches = "SELECT rowid AS rid, bm25(clause_fts, @wWords, @wGrams) AS rank FROM clause_fts WHERE clause_fts MATCH @match";

    /// <summary>
    /// bm25 counts, for every phrase of the expression, the rows of the whole index that have it (its IDF): that scan, not
    /// the match, is what a long expression costs. Sets that are only counted or filtered skip it.
    /// </summary>
    public const string UnrankedMatches = "SELECT rowid AS rid, 0.0 AS rank FROM clause_fts WHERE clause_fts MATCH @match";

    /// <summary>
    /// How many of a query's groups each clause has, for relaxing a query no clause fully matches: filled once from one
    /// FTS5 match per group ({0} = the UNION ALL of <see cref="GroupRows"/>, parameters @g0, @g1, …), then read level by level.
    /// </summary>
    public const string CreateGroupHits = "CREATE TEMP TABLE IF NOT EXISTS group_hits (rid INTEGER PRIMARY KEY, n INTEGER NOT NULL)";

    public const string ClearGroupHits = "DELETE FROM temp.group_hits";

    public const string FillGroupHits = "INSERT INTO temp.group_hits(rid, n) SELECT rid, COUNT(*) FROM ({0}) GROUP BY rid";

    public const string GroupRows = "SELECT rowid AS rid FROM clause_fts WHERE clause_fts MATCH {0}";

    public const string GroupHitLevels = "SELECT DISTINCT n FROM temp.group_hits ORDER BY n DESC";

    public const string HitsWithCount = "SELECT rid, 0.0 AS rank FROM temp.group_hits WHERE n = @n";

    /// <summary>
    /// bm25 of the given rows (@rids: JSON array of clause row ids) under an expression. The unary + keeps the row ids
    /// away from FTS5's rowid lookup, which would evaluate the expression (and its bm25 statistics) once per row.
    /// </summary>
    public const string RanksOfRows = """
        SELECT rowid, bm25(clause_fts, @wWords, @wGrams) FROM clause_fts
        WHERE clause_fts MATCH @match AND +rowid IN (SELECT value FROM json_each(@rids))
        """;

    /// <summary>The details of the hits shown (@rids: JSON array of clause row ids). {0} = the status expression.</summary>
    public static readonly DialectSql HitDetails = new(
        HitDetailsOf + "\nWHERE c.rowid IN (SELECT value FROM json_each(@rids))",
        HitDetailsOf + "\nWHERE c.rowid IN (SELECT jsonb_array_elements_text(@rids::jsonb)::bigint)");

    private const string HitDetailsOf = """
        SELECT c.rowid, c.version_id, v.policy_id, c.part_no, c.clause_id, c.label, c.path_json, c.heading, c.text,
               COALESCE(p.title, v.title), COALESCE(p.doc_number, v.doc_number), COALESCE(p.region, v.region),
               COALESCE(p.issuer, v.issuer), COALESCE(p.issued_on, v.issued_on), {0} AS status, v.source, c.category
        FROM clause c
        JOIN version v ON v.id = c.version_id
        LEFT JOIN part p ON p.version_id = c.version_id AND p.part_no = c.part_no
        """;

    /// <summary>Amounts of the clauses in @rids (a JSON array of clause row ids), in clause order.</summary>
    public static readonly DialectSql AmountsOfClauses = new(
        AmountsOf + "\nWHERE c.rowid IN (SELECT value FROM json_each(@rids)) ORDER BY c.rowid, a.ord",
        AmountsOf + "\nWHERE c.rowid IN (SELECT jsonb_array_elements_text(@rids::jsonb)::bigint) ORDER BY c.rowid, a.ord");

    private const string AmountsOf = """
        SELECT c.rowid, a.yuan, a.role, a.text FROM clause c
        JOIN amount a ON a.version_id = c.version_id AND a.part_no = c.part_no AND a.clause_id = c.clause_id
        """;

    public const string FilterCurrent = " AND " + StatusSql.IsCurrent;
    public const string FilterRegion = " AND COALESCE(p.region, v.region) LIKE '%' || @region || '%'";
    public const string FilterIssuer = " AND COALESCE(p.issuer, v.issuer) LIKE '%' || @issuer || '%'";
    public const string FilterCategory = " AND c.category = @category";
    public const string FilterInstrument = " AND EXISTS (SELECT 1 FROM json_each(c.instruments_json) WHERE value = @instrument)";
    public const string FilterIndustry = " AND EXISTS (SELECT 1 FROM json_each(c.industries_json) WHERE value = @industry)";
    public const string FilterStatus = " AND " + StatusSql.Case + " = @status";
    public const string FilterFrom = " AND COALESCE(p.issued_on, v.issued_on) >= @from";
    public const string FilterTo = " AND COALESCE(p.issued_on, v.issued_on) <= @to";
    public const string FilterMinAmount = """
         AND EXISTS (SELECT 1 FROM amount a WHERE a.version_id = c.version_id AND a.part_no = c.part_no AND a.clause_id = c.clause_id
                     AND (a.yuan_fen >= @minFen OR (a.yuan_high IS NOT NULL AND CAST(a.yuan_high AS REAL) >= @minYuan)))
        """;

    // The trigram-only baseline of `evaluate search`: created in the evaluation database only.
    public const string CreateTrigramTable =
        "CREATE VIRTUAL TABLE IF NOT EXISTS clause_trigram USING fts5(text, content = '', tokenize = 'trigram')";

    public const string InsertTrigram = "INSERT INTO clause_trigram(rowid, text) VALUES (@rowid, @text)";

    public const string TrigramMatches = """
        SELECT t.rowid, bm25(clause_trigram) FROM clause_trigram t
        JOIN clause c ON c.rowid = t.rowid JOIN version v ON v.id = c.version_id
        WHERE clause_trigram MATCH @match AND
        """ + StatusSql.IsCurrent + " ORDER BY 2 LIMIT @limit";

    public const string AllClauses = "SELECT rowid, TRIM(label || ' ' || COALESCE(heading, '')), text FROM clause";

    /// <summary>Clause texts with their version's source file, for resolving relevance judgments.</summary>
    /// <summary>Current clauses once per file of their version: the file it was first read from and every rendition of it.</summary>
    public const string ClauseSources = """
        WITH files AS (SELECT id AS version_id, source FROM version UNION SELECT version_id, source FROM version_file)
        SELECT c.rowid, f.source, TRIM(c.label || ' ' || COALESCE(c.heading, '') || ' ' || c.text)
        FROM clause c JOIN version v ON v.id = c.version_id JOIN files f ON f.version_id = v.id
        WHERE 
        """ + StatusSql.IsCurrent;
}
