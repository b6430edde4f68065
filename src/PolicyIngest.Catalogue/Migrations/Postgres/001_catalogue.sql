-- The PostgreSQL catalogue (issue #20): the schema the SQLite migrations 001–090 arrive at, in one file. Later changes
-- come as further files here, beside their SQLite counterparts.
-- Differences from the SQLite file, and why:
--   * text columns use the "C" collation: ORDER BY and the ISO date comparisons compare bytes, as SQLite's BINARY does,
--     whatever locale the database was created with.
--   * money and rates are numeric (SQLite keeps them as canonical decimal text); dates stay ISO text (yyyy-MM-dd) and
--     timestamps ISO-8601 text, read back the same way on both engines.
--   * clause and doc_ref carry an explicit rowid (identity): the search index and the reference look-ups name rows by it,
--     as they use SQLite's implicit rowid.
--   * no clause_fts: FTS5 is SQLite's; on PostgreSQL search is the Lucene index that follows catalogue_change.
--   * catalogue_change is filled by a plpgsql trigger function; writers serialise on an advisory lock (CatalogueStore)
--     so that sequence order is commit order, as it is in SQLite.

CREATE TABLE policy (
    id            text COLLATE "C" PRIMARY KEY,
    title         text COLLATE "C" NOT NULL,
    doc_number    text COLLATE "C",
    issuer        text COLLATE "C",
    region        text COLLATE "C",
    created_at    text COLLATE "C" NOT NULL
);

CREATE TABLE version (
    id             text COLLATE "C" PRIMARY KEY,
    policy_id      text COLLATE "C" NOT NULL REFERENCES policy(id),
    seq            integer NOT NULL,
    sha256         text COLLATE "C" NOT NULL UNIQUE,
    source         text COLLATE "C" NOT NULL,
    format         text COLLATE "C" NOT NULL,
    doc_type       text COLLATE "C" NOT NULL,
    title          text COLLATE "C" NOT NULL,
    notice_title   text COLLATE "C",
    doc_number     text COLLATE "C",
    issuer         text COLLATE "C",
    region         text COLLATE "C",
    issued_on      text COLLATE "C",
    effective_from text COLLATE "C",
    expires_on     text COLLATE "C",
    interprets     text COLLATE "C",
    page_count     integer,
    link_reason    text COLLATE "C",
    ingested_at    text COLLATE "C" NOT NULL,
    superseded_by  text COLLATE "C",
    repealed_by    text COLLATE "C",
    status_reason  text COLLATE "C",
    title_key      text COLLATE "C",
    doc_number_key text COLLATE "C",
    text_key       text COLLATE "C"
);
CREATE INDEX version_policy ON version(policy_id, seq);
CREATE INDEX version_source ON version(source);
CREATE INDEX version_doc_number ON version(doc_number);
CREATE INDEX version_current ON version(superseded_by);
CREATE INDEX version_title_key ON version(title_key);
CREATE INDEX version_doc_number_key ON version(doc_number_key);
CREATE INDEX version_repealed_by ON version(repealed_by);
CREATE INDEX version_ingested_at ON version(ingested_at);
CREATE INDEX version_expires_on ON version(expires_on);
CREATE INDEX version_text_key ON version(text_key);

CREATE TABLE version_document (
    version_id    text COLLATE "C" PRIMARY KEY REFERENCES version(id) ON DELETE CASCADE,
    document_json text NOT NULL
);

CREATE TABLE part (
    version_id  text COLLATE "C" NOT NULL REFERENCES version(id) ON DELETE CASCADE,
    part_no     integer NOT NULL,
    title       text COLLATE "C" NOT NULL,
    doc_number  text COLLATE "C",
    issuer      text COLLATE "C",
    region      text COLLATE "C",
    issued_on   text COLLATE "C",
    doc_type    text COLLATE "C" NOT NULL,
    fields_json text,
    PRIMARY KEY (version_id, part_no)
);

CREATE TABLE clause (
    rowid        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    version_id   text COLLATE "C" NOT NULL REFERENCES version(id) ON DELETE CASCADE,
    part_no      integer NOT NULL,
    ord          integer NOT NULL,
    clause_id    text COLLATE "C" NOT NULL,
    kind         text COLLATE "C" NOT NULL,
    label        text COLLATE "C" NOT NULL,
    path_json    text NOT NULL,
    heading      text COLLATE "C",
    text         text COLLATE "C" NOT NULL,
    page         integer,
    category     text COLLATE "C",
    category_confidence double precision,
    instruments_json text NOT NULL DEFAULT '[]',
    industries_json  text NOT NULL DEFAULT '[]',
    instrument_confidences_json text NOT NULL DEFAULT '{}',
    industry_confidences_json   text NOT NULL DEFAULT '{}',
    PRIMARY KEY (version_id, part_no, ord)
);

CREATE TABLE amount (
    version_id  text COLLATE "C" NOT NULL REFERENCES version(id) ON DELETE CASCADE,
    part_no     integer NOT NULL,
    ord         integer NOT NULL,
    clause_id   text COLLATE "C" NOT NULL,
    article     text COLLATE "C" NOT NULL,
    text        text COLLATE "C" NOT NULL,
    yuan        numeric NOT NULL,
    yuan_fen    bigint NOT NULL,
    yuan_high   numeric,
    unit        text COLLATE "C" NOT NULL,
    role        text COLLATE "C" NOT NULL,
    per         text COLLATE "C",
    condition   text COLLATE "C",
    PRIMARY KEY (version_id, part_no, ord)
);
CREATE INDEX amount_clause ON amount(version_id, part_no, clause_id);

CREATE TABLE rate (
    version_id   text COLLATE "C" NOT NULL REFERENCES version(id) ON DELETE CASCADE,
    part_no      integer NOT NULL,
    ord          integer NOT NULL,
    clause_id    text COLLATE "C" NOT NULL,
    article      text COLLATE "C" NOT NULL,
    text         text COLLATE "C" NOT NULL,
    percent      numeric NOT NULL,
    percent_high numeric,
    role         text COLLATE "C" NOT NULL,
    base         text COLLATE "C",
    PRIMARY KEY (version_id, part_no, ord)
);

CREATE TABLE doc_ref (
    rowid          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    version_id     text COLLATE "C" NOT NULL REFERENCES version(id) ON DELETE CASCADE,
    kind           text COLLATE "C" NOT NULL,
    ord            integer NOT NULL,
    title          text COLLATE "C",
    doc_number     text COLLATE "C",
    text           text COLLATE "C" NOT NULL,
    expires_on     text COLLATE "C",
    extend_months  integer,
    title_key      text COLLATE "C",
    doc_number_key text COLLATE "C",
    keyed          integer NOT NULL DEFAULT 0,
    PRIMARY KEY (version_id, kind, ord)
);
CREATE INDEX doc_ref_title_key ON doc_ref(title_key);
CREATE INDEX doc_ref_doc_number_key ON doc_ref(doc_number_key);
CREATE INDEX doc_ref_unkeyed ON doc_ref(keyed) WHERE keyed = 0;

CREATE TABLE change_report (
    version_id          text COLLATE "C" NOT NULL REFERENCES version(id) ON DELETE CASCADE,
    kind                text COLLATE "C" NOT NULL,
    previous_version_id text COLLATE "C" NOT NULL,
    path                text COLLATE "C",
    created_at          text COLLATE "C" NOT NULL,
    PRIMARY KEY (version_id, kind, previous_version_id)
);

CREATE TABLE version_file (
    sha256     text COLLATE "C" PRIMARY KEY,
    version_id text COLLATE "C" NOT NULL REFERENCES version(id) ON DELETE CASCADE,
    source     text COLLATE "C" NOT NULL,
    format     text COLLATE "C" NOT NULL,
    added_at   text COLLATE "C" NOT NULL,
    role       text COLLATE "C" NOT NULL DEFAULT 'rendition'
);
CREATE INDEX version_file_version ON version_file(version_id);

CREATE TABLE version_validity (
    version_id         text COLLATE "C" PRIMARY KEY REFERENCES version(id) ON DELETE CASCADE,
    effective_rule     text COLLATE "C",
    effective_sentence text COLLATE "C",
    effective_clause   text COLLATE "C",
    effective_note     text COLLATE "C",
    expires_rule       text COLLATE "C",
    expires_sentence   text COLLATE "C",
    expires_clause     text COLLATE "C",
    expires_note       text COLLATE "C",
    stated_expires_on  text COLLATE "C",
    trial_rule         text COLLATE "C",
    trial_sentence     text COLLATE "C",
    changed_by         text COLLATE "C",
    change_reason      text COLLATE "C"
);

CREATE TABLE fetch_state (
    url            text COLLATE "C" PRIMARY KEY,
    pipeline       text COLLATE "C" NOT NULL,
    source         text COLLATE "C" NOT NULL,
    etag           text COLLATE "C",
    last_modified  text COLLATE "C",
    sha256         text COLLATE "C",
    format         text COLLATE "C",
    fetched_at     text COLLATE "C" NOT NULL,
    checked_at     text COLLATE "C" NOT NULL
);

CREATE TABLE archive_entry (
    sha256        text COLLATE "C" NOT NULL,
    url           text COLLATE "C" NOT NULL,
    path          text COLLATE "C" NOT NULL,
    bytes         bigint NOT NULL,
    content_type  text COLLATE "C",
    format        text COLLATE "C",
    first_fetched_at text COLLATE "C" NOT NULL,
    run_id        text COLLATE "C",
    PRIMARY KEY (sha256, url)
);
CREATE INDEX archive_entry_url ON archive_entry(url);

CREATE TABLE fetch_run (
    id             text COLLATE "C" PRIMARY KEY,
    pipeline       text COLLATE "C" NOT NULL,
    trigger        text COLLATE "C" NOT NULL,
    started_at     text COLLATE "C" NOT NULL,
    ended_at       text COLLATE "C",
    status         text COLLATE "C" NOT NULL,
    new_count      integer NOT NULL DEFAULT 0,
    new_version_count integer NOT NULL DEFAULT 0,
    unchanged_count integer NOT NULL DEFAULT 0,
    failed_count   integer NOT NULL DEFAULT 0,
    errors_json    text NOT NULL DEFAULT '[]',
    reports_json   text NOT NULL DEFAULT '[]'
);
CREATE INDEX fetch_run_started ON fetch_run(started_at);

CREATE TABLE fetch_run_item (
    run_id      text COLLATE "C" NOT NULL REFERENCES fetch_run(id) ON DELETE CASCADE,
    url         text COLLATE "C" NOT NULL,
    source      text COLLATE "C" NOT NULL,
    outcome     text COLLATE "C" NOT NULL,
    http_status integer,
    sha256      text COLLATE "C",
    version_id  text COLLATE "C",
    error       text COLLATE "C",
    at          text COLLATE "C" NOT NULL,
    PRIMARY KEY (run_id, url)
);

CREATE TABLE catalogue_change (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id text COLLATE "C" NOT NULL,
    kind       text COLLATE "C" NOT NULL
);

CREATE TABLE catalogue_identity (id text NOT NULL);
INSERT INTO catalogue_identity(id) VALUES (replace(gen_random_uuid()::text, '-', ''));

CREATE FUNCTION catalogue_change_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO catalogue_change(version_id, kind) VALUES (NEW.id, 'stored');
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO catalogue_change(version_id, kind) VALUES (NEW.id, 'updated');
    ELSE
        INSERT INTO catalogue_change(version_id, kind) VALUES (OLD.id, 'removed');
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER catalogue_change_stored AFTER INSERT ON version
    FOR EACH ROW EXECUTE FUNCTION catalogue_change_log();

CREATE TRIGGER catalogue_change_updated
    AFTER UPDATE OF title, notice_title, doc_number, issuer, region, issued_on, effective_from, expires_on, repealed_by, superseded_by ON version
    FOR EACH ROW EXECUTE FUNCTION catalogue_change_log();

CREATE TRIGGER catalogue_change_removed AFTER DELETE ON version
    FOR EACH ROW EXECUTE FUNCTION catalogue_change_log();
