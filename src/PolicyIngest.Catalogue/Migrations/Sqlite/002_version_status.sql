-- What status is computed from (taxonomy.md "Policy status"). Maintained by the version linker (Track):
--   superseded_by: the next version of the same policy, when one exists (this version is then amended or repealed)
--   repealed_by:   the version of the document that repeals this one (同时废止), by title or 发文字号
--   status_reason: the sentence or rule that set repealed_by / superseded_by, for `show`
ALTER TABLE version ADD COLUMN superseded_by TEXT;
ALTER TABLE version ADD COLUMN repealed_by TEXT;
ALTER TABLE version ADD COLUMN status_reason TEXT;
CREATE INDEX version_current ON version(superseded_by);
