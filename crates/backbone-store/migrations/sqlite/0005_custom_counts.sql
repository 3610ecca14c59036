-- What the person said a custom exercise counts as (`backbone exercises map`), as JSON
-- (`backbone_core::custom::Counts`); NULL: as its name reads.
ALTER TABLE custom_exercises ADD COLUMN counts_json TEXT;
