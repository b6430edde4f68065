-- The full document JSON moves out of the version row into its own table. It runs to tens of kilobytes (overflow
-- pages), and the columns later migrations added to version (superseded_by, repealed_by, …) are stored after it in
-- every row, so each status check of a search match had to read through the whole document to reach them.
CREATE TABLE version_document (
    version_id    TEXT PRIMARY KEY REFERENCES version(id) ON DELETE CASCADE,
    document_json TEXT NOT NULL
);
INSERT INTO version_document(version_id, document_json) SELECT id, document_json FROM version;
ALTER TABLE version DROP COLUMN document_json;
