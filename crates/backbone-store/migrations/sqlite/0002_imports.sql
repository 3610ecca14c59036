-- What imports and exports need (CONTRACT "Import and export").
--
-- A session imported from another app keeps its title, duration and notes. A set's kind (warm-up,
-- drop, failure), distance and note are in `sets_json`, as a ninth value that only such sets have.

ALTER TABLE sessions ADD COLUMN title TEXT;
ALTER TABLE sessions ADD COLUMN duration_s INTEGER;
ALTER TABLE sessions ADD COLUMN notes TEXT;

-- An exercise name an import could not map to the catalog: never dropped, kept as its own exercise.
-- `seq` keeps the order they were made in, for a lossless export.
CREATE TABLE custom_exercises (
    athlete_id INTEGER NOT NULL REFERENCES athletes (id),
    id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (athlete_id, id)
);

CREATE UNIQUE INDEX custom_exercises_by_seq ON custom_exercises (athlete_id, seq);

-- What the last `.ics` export wrote for each event: the hash of its content and its SEQUENCE, so that
-- the next export bumps SEQUENCE for the events that changed and only for them (RFC 5545 3.8.7.4).
CREATE TABLE calendar_events (
    athlete_id INTEGER NOT NULL REFERENCES athletes (id),
    uid TEXT NOT NULL,
    hash TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    PRIMARY KEY (athlete_id, uid)
);
