-- Issue #18: the catalogue is the source of truth for every search index kept outside it. Each change that alters what a
-- version's clause documents hold gets a sequence number here, in the transaction that makes the change: triggers, so no
-- write path can forget one. An index applies the changes after the catalogue commit, keeps the last sequence it applied
-- in its own commit data, and on start catches up from there (a new index from 0). SQLite serialises writers, so
-- sequence order is commit order.
CREATE TABLE catalogue_change (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id TEXT NOT NULL,
    kind       TEXT NOT NULL              -- stored | updated | removed
);

-- Which catalogue an index follows: an index left beside a catalogue that was deleted and made again must not trust
-- its sequence numbers.
CREATE TABLE catalogue_identity (id TEXT NOT NULL);
INSERT INTO catalogue_identity(id) VALUES (lower(hex(randomblob(16))));

CREATE TRIGGER catalogue_change_stored AFTER INSERT ON version
BEGIN
    INSERT INTO catalogue_change(version_id, kind) VALUES (NEW.id, 'stored');
END;

CREATE TRIGGER catalogue_change_updated
AFTER UPDATE OF title, notice_title, doc_number, issuer, region, issued_on, effective_from, expires_on, repealed_by, superseded_by ON version
BEGIN
    INSERT INTO catalogue_change(version_id, kind) VALUES (NEW.id, 'updated');
END;

CREATE TRIGGER catalogue_change_removed AFTER DELETE ON version
BEGIN
    INSERT INTO catalogue_change(version_id, kind) VALUES (OLD.id, 'removed');
END;

-- A catalogue made before this migration: every version it holds is a change an index has not applied.
INSERT INTO catalogue_change(version_id, kind) SELECT id, 'stored' FROM version ORDER BY rowid;
