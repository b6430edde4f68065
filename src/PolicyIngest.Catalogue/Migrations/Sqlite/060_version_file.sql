-- Other files of a catalogued version: the same document in another format (its PDF beside its Word file or web page),
-- found to have the same text. They are remembered so the same bytes are known next time, but they are not versions:
-- no status change for the version they render, no 新旧对照 report.
CREATE TABLE version_file (
    sha256     TEXT PRIMARY KEY,
    version_id TEXT NOT NULL REFERENCES version(id) ON DELETE CASCADE,
    source     TEXT NOT NULL,
    format     TEXT NOT NULL,
    added_at   TEXT NOT NULL
);
CREATE INDEX version_file_version ON version_file(version_id);
