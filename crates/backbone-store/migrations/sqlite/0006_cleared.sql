-- METHOD R3: after a doctor or physical therapist was advised for an exercise, it returns only once the
-- person says it is pain-free or cleared. A session may say so: a JSON array of exercise ids, or NULL.

ALTER TABLE sessions ADD COLUMN cleared_json TEXT;
