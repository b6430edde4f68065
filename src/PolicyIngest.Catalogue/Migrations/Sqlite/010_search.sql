-- Clause search (issue 5). One FTS5 row per clause row (rowid = clause.rowid), contentless: the original text
-- stays in clause.text, where snippets are cut and highlighted. Both analyses are indexed in their own column:
--   words: jieba search-mode words of the clause (keep-whole rules on: 500万元, 第十二条, 怀经信发〔2025〕35号)
--   grams: overlapping CJK bigrams (plus ASCII words and numbers), so any 2+ character substring can be found
-- Terms are separated by spaces; the ascii tokenizer keeps every non-ASCII character inside a term.
CREATE VIRTUAL TABLE clause_fts USING fts5(
    words, grams,
    content = '', contentless_delete = 1,
    tokenize = "ascii tokenchars '.%'"
);
