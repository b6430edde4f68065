-- The catalogue: policies, their versions (one per distinct file), and what each version says.
-- Money is stored exactly: yuan as decimal text, plus yuan_fen (integer 0.01 yuan) for range filters.

CREATE TABLE policy (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    doc_number    TEXT,
    issuer        TEXT,
    region        TEXT,
    created_at    TEXT NOT NULL
);

CREATE TABLE version (
    id             TEXT PRIMARY KEY,
    policy_id      TEXT NOT NULL REFERENCES policy(id),
    seq            INTEGER NOT NULL,              -- 1, 2, … within the policy
    sha256         TEXT NOT NULL UNIQUE,
    source         TEXT NOT NULL,
    format         TEXT NOT NULL,
    doc_type       TEXT NOT NULL,
    title          TEXT NOT NULL,
    notice_title   TEXT,
    doc_number     TEXT,
    issuer         TEXT,
    region         TEXT,
    issued_on      TEXT,
    effective_from TEXT,
    expires_on     TEXT,
    interprets     TEXT,
    page_count     INTEGER,
    link_reason    TEXT,                          -- why this version joined its policy
    ingested_at    TEXT NOT NULL,
    document_json  TEXT NOT NULL                  -- the full PolicyDocument as extract prints it
);
CREATE INDEX version_policy ON version(policy_id, seq);
CREATE INDEX version_source ON version(source);
CREATE INDEX version_doc_number ON version(doc_number);

-- Attachments and compilation cards of a version; part_no 0 is the document itself.
CREATE TABLE part (
    version_id  TEXT NOT NULL REFERENCES version(id) ON DELETE CASCADE,
    part_no     INTEGER NOT NULL,
    title       TEXT NOT NULL,
    doc_number  TEXT,
    issuer      TEXT,
    region      TEXT,
    issued_on   TEXT,
    doc_type    TEXT NOT NULL,
    fields_json TEXT,
    PRIMARY KEY (version_id, part_no)
);

CREATE TABLE clause (
    version_id   TEXT NOT NULL REFERENCES version(id) ON DELETE CASCADE,
    part_no      INTEGER NOT NULL,
    ord          INTEGER NOT NULL,
    clause_id    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    label        TEXT NOT NULL,
    path_json    TEXT NOT NULL,
    heading      TEXT,
    text         TEXT NOT NULL,
    page         INTEGER,
    category     TEXT,
    category_confidence REAL,
    instruments_json TEXT NOT NULL DEFAULT '[]',
    industries_json  TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (version_id, part_no, ord)
);

CREATE TABLE amount (
    version_id  TEXT NOT NULL REFERENCES version(id) ON DELETE CASCADE,
    part_no     INTEGER NOT NULL,
    ord         INTEGER NOT NULL,
    clause_id   TEXT NOT NULL,
    article     TEXT NOT NULL,
    text        TEXT NOT NULL,
    yuan        TEXT NOT NULL,
    yuan_fen    INTEGER NOT NULL,
    yuan_high   TEXT,
    unit        TEXT NOT NULL,
    role        TEXT NOT NULL,
    per         TEXT,
    condition   TEXT,
    PRIMARY KEY (version_id, part_no, ord)
);
CREATE INDEX amount_clause ON amount(version_id, part_no, clause_id);

CREATE TABLE rate (
    version_id   TEXT NOT NULL REFERENCES version(id) ON DELETE CASCADE,
    part_no      INTEGER NOT NULL,
    ord          INTEGER NOT NULL,
    clause_id    TEXT NOT NULL,
    article      TEXT NOT NULL,
    text         TEXT NOT NULL,
    percent      TEXT NOT NULL,
    percent_high TEXT,
    role         TEXT NOT NULL,
    base         TEXT,
    PRIMARY KEY (version_id, part_no, ord)
);

-- repeals and references of a version (kind = 'repeals' | 'references').
CREATE TABLE doc_ref (
    version_id TEXT NOT NULL REFERENCES version(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    ord        INTEGER NOT NULL,
    title      TEXT,
    doc_number TEXT,
    text       TEXT NOT NULL,
    PRIMARY KEY (version_id, kind, ord)
);
