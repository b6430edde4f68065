namespace PolicyIngest.Catalogue.Sql;

/// <summary>Statements on validity bases and 有效期调整 (migration 071), one constant each.</summary>
internal static class ValiditySql
{
    /// <summary>The version's row, replacing any (with no change recorded: a version stated its own bases).</summary>
    public const string Insert = """
        INSERT INTO version_validity(version_id, effective_rule, effective_sentence, effective_clause, effective_note,
            expires_rule, expires_sentence, expires_clause, expires_note, stated_expires_on, trial_rule, trial_sentence)
        VALUES (@v, @effective_rule, @effective_sentence, @effective_clause, @effective_note,
            @expires_rule, @expires_sentence, @expires_clause, @expires_note, @stated_expires_on, @trial_rule, @trial_sentence)
        ON CONFLICT(version_id) DO UPDATE SET effective_rule = excluded.effective_rule, effective_sentence = excluded.effective_sentence,
            effective_clause = excluded.effective_clause, effective_note = excluded.effective_note, expires_rule = excluded.expires_rule,
            expires_sentence = excluded.expires_sentence, expires_clause = excluded.expires_clause, expires_note = excluded.expires_note,
            stated_expires_on = excluded.stated_expires_on, trial_rule = excluded.trial_rule, trial_sentence = excluded.trial_sentence,
            changed_by = NULL, change_reason = NULL
        """;

    public const string Of = """
        SELECT version_id, effective_rule, effective_sentence, effective_clause, effective_note,
               expires_rule, expires_sentence, expires_clause, expires_note, stated_expires_on, trial_rule, trial_sentence,
               changed_by, change_reason
        FROM version_validity WHERE version_id = @v
        """;

    public const string InsertChangeRef = """
        INSERT INTO doc_ref(version_id, kind, ord, title, doc_number, text, expires_on, extend_months)
        VALUES (@v, 'extends', @ord, @title, @doc_number, @text, @expires_on, @extend_months)
        """;

    /// <summary>The 有效期调整 that may name a document with these keys (see <see cref="TrackSql.RefRowsByKeys"/>).</summary>
    public const string ChangeRefsByKeys = $"""
        SELECT version_id, title, doc_number, text, expires_on, extend_months FROM doc_ref
        WHERE kind = 'extends' AND rowid IN ({TrackSql.RefRowsByKeys})
        ORDER BY version_id, ord
        """;

    /// <summary>The 有效期调整 one version states, in its order.</summary>
    public const string ChangeRefsOf = """
        SELECT version_id, title, doc_number, text, expires_on, extend_months FROM doc_ref WHERE kind = 'extends' AND version_id = @v ORDER BY ord
        """;

    public const string SetExpiresOn = "UPDATE version SET expires_on = @expires_on WHERE id = @v";

    public const string SetChange = """
        INSERT INTO version_validity(version_id, changed_by, change_reason) VALUES (@v, @by, @reason)
        ON CONFLICT(version_id) DO UPDATE SET changed_by = excluded.changed_by, change_reason = excluded.change_reason
        """;
}
