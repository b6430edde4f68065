-- Covering indexes for what a search match reads of its version and part (status, region, issuer, dates): each match
-- is then one index lookup per table instead of an index lookup plus a table row.
CREATE INDEX version_search ON version(id, superseded_by, repealed_by, expires_on, effective_from, region, issuer, issued_on);
CREATE INDEX part_search ON part(version_id, part_no, region, issuer, issued_on);
