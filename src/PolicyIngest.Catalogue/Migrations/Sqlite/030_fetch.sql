-- Fetching: what each URL last gave us (for conditional GET), which archived file came from which URL and
-- when, and a record of every pipeline run with its per-document outcomes (read by `changes`).

-- One row per URL ever fetched. etag / last_modified are only stored after the bytes they describe were
-- archived and ingested, so a 304 always refers to content the catalogue already holds.
CREATE TABLE fetch_state (
    url            TEXT PRIMARY KEY,
    pipeline       TEXT NOT NULL,
    source         TEXT NOT NULL,
    etag           TEXT,
    last_modified  TEXT,
    sha256         TEXT,
    format         TEXT,
    fetched_at     TEXT NOT NULL,                -- last time the body was downloaded (200)
    checked_at     TEXT NOT NULL                 -- last time the URL was asked (200 or 304)
);

-- The content-addressed archive (files under <data>/archive/ab/abcdef…): which URL gave which bytes, when.
CREATE TABLE archive_entry (
    sha256        TEXT NOT NULL,
    url           TEXT NOT NULL,
    path          TEXT NOT NULL,                 -- relative to the data directory
    bytes         INTEGER NOT NULL,
    content_type  TEXT,
    format        TEXT,
    first_fetched_at TEXT NOT NULL,
    run_id        TEXT,
    PRIMARY KEY (sha256, url)
);
CREATE INDEX archive_entry_url ON archive_entry(url);

CREATE TABLE fetch_run (
    id             TEXT PRIMARY KEY,
    pipeline       TEXT NOT NULL,
    trigger        TEXT NOT NULL,                -- cli | scheduler | demo | bench
    started_at     TEXT NOT NULL,
    ended_at       TEXT,                         -- NULL while running, or when the process died mid-run
    status         TEXT NOT NULL,                -- running | done | partly | failed | cancelled
    new_count      INTEGER NOT NULL DEFAULT 0,
    new_version_count INTEGER NOT NULL DEFAULT 0,
    unchanged_count INTEGER NOT NULL DEFAULT 0,
    failed_count   INTEGER NOT NULL DEFAULT 0,
    errors_json    TEXT NOT NULL DEFAULT '[]',
    reports_json   TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX fetch_run_started ON fetch_run(started_at);

CREATE TABLE fetch_run_item (
    run_id      TEXT NOT NULL REFERENCES fetch_run(id) ON DELETE CASCADE,
    url         TEXT NOT NULL,
    source      TEXT NOT NULL,
    outcome     TEXT NOT NULL,                   -- new | new-version | unchanged | failed
    http_status INTEGER,
    sha256      TEXT,
    version_id  TEXT,
    error       TEXT,
    at          TEXT NOT NULL,
    PRIMARY KEY (run_id, url)
);
