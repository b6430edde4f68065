-- Issue #20: ingest whose cost does not grow with the catalogue. A new document used to read every 同时废止 and
-- 有效期调整 reference of the catalogue to find those naming it; now they are looked up by its keys.
--   doc_ref.title_key / doc_number_key: the named document's title and 发文字号 in Track's PolicyKeys form, the keys the
--                     version rows already carry (title_key, doc_number_key): set by the version tracker in the
--                     transaction that stores the reference.
--   doc_ref.keyed:    1 once the keys are set. A row with 0 (stored before this migration, or without the tracker) is
--                     returned by every look-up, so nothing is missed, until the tracker keys it on the next ingest.
ALTER TABLE doc_ref ADD COLUMN title_key TEXT;
ALTER TABLE doc_ref ADD COLUMN doc_number_key TEXT;
ALTER TABLE doc_ref ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX doc_ref_title_key ON doc_ref(title_key);
CREATE INDEX doc_ref_doc_number_key ON doc_ref(doc_number_key);
CREATE INDEX doc_ref_unkeyed ON doc_ref(keyed) WHERE keyed = 0;
