-- The classifier's probability for each instrument and industry it gave a clause (JSON objects label → probability),
-- beside the label lists that facets read; category_confidence already holds the category's.
ALTER TABLE clause ADD COLUMN instrument_confidences_json TEXT NOT NULL DEFAULT '{}';
ALTER TABLE clause ADD COLUMN industry_confidences_json TEXT NOT NULL DEFAULT '{}';
