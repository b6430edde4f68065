-- Renditions and parts (issue 21).
--   version.text_key: SHA-256 of the version's folded words (Track's RenditionText): a file with the same words in
--                     another format is found by one indexed look-up, without reading any stored document.
--   version_file.role: 'rendition' (the same text in another format) or 'part' (a file holding only part of the
--                     version: its 印发 notice without the attachment, one scanned page).
ALTER TABLE version ADD COLUMN text_key TEXT;
CREATE INDEX version_text_key ON version(text_key);
ALTER TABLE version_file ADD COLUMN role TEXT NOT NULL DEFAULT 'rendition';
