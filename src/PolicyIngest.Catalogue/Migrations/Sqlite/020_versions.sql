-- Versions (Track): the keys the linker matches on, and the change reports written when a version arrives.
--   title_key:      the title with year, （试行）, 修订 and spacing removed (two versions of one policy share it)
--   doc_number_key: the 发文字号 with bracket styles and spacing unified
ALTER TABLE version ADD COLUMN title_key TEXT;
ALTER TABLE version ADD COLUMN doc_number_key TEXT;
CREATE INDEX version_title_key ON version(title_key);
CREATE INDEX version_doc_number_key ON version(doc_number_key);
CREATE INDEX version_repealed_by ON version(repealed_by);
CREATE INDEX version_ingested_at ON version(ingested_at);
CREATE INDEX version_expires_on ON version(expires_on);

-- One row per event `changes` lists with a report: a revision (new version of a policy) or a repeal.
CREATE TABLE change_report (
    version_id          TEXT NOT NULL REFERENCES version(id) ON DELETE CASCADE,  -- the version that brought the change
    kind                TEXT NOT NULL,                                          -- revised | repealed
    previous_version_id TEXT NOT NULL,                                          -- the version it revises or repeals
    path                TEXT,                                                   -- the HTML 新旧对照 report
    created_at          TEXT NOT NULL,
    PRIMARY KEY (version_id, kind, previous_version_id)
);
