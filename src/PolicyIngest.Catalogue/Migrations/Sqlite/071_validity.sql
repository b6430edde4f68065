-- Validity with its basis (issue 21 points 4 and 5). One row per version: the rule, sentence and clause that gave its
-- effective_from and expires_on as the document states them, whether it is a trial measure, and what a later document
-- changed (有效期调整: version.expires_on then holds the changed end, stated_expires_on the document's own).
CREATE TABLE version_validity (
    version_id         TEXT PRIMARY KEY REFERENCES version(id) ON DELETE CASCADE,
    effective_rule     TEXT,   -- 自印发之日起施行, 自…起施行, page field 实施日期 …; NULL: nothing states the start
    effective_sentence TEXT,   -- the sentence as written
    effective_clause   TEXT,   -- its clause id (NULL for a portal page field)
    effective_note     TEXT,   -- how the date was counted (按版记印发日期：…)
    expires_rule       TEXT,   -- 有效期N年, 有效期至, 暂定N年, page field 失效日期 …; NULL: nothing states an end
    expires_sentence   TEXT,
    expires_clause     TEXT,
    expires_note       TEXT,
    stated_expires_on  TEXT,   -- the end the document itself gives
    trial_rule         TEXT,   -- 标题含试行, 正文称暂行 …; NULL: not a trial measure
    trial_sentence     TEXT,
    changed_by         TEXT,   -- the version whose 有效期调整 set version.expires_on
    change_reason      TEXT    -- 有效期由《…》（…号）延长至…：<sentence>
);
-- Versions stored before this migration: their end is their own; no basis was recorded for them.
INSERT INTO version_validity(version_id, stated_expires_on) SELECT id, expires_on FROM version;

-- doc_ref kind 'extends': a validity change a version states about another policy (title/doc_number name it, text is
-- the sentence), with the new end date or the months it adds to the policy's own end.
ALTER TABLE doc_ref ADD COLUMN expires_on TEXT;
ALTER TABLE doc_ref ADD COLUMN extend_months INTEGER;
