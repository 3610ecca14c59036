-- The first schema: athletes, their profiles and plans (versioned), and the training log.
--
-- Append-only: a released migration is never edited; a change is a new file (0002_...sql).
-- Every table is keyed by athlete first, so every query can (and must) be scoped to one athlete.
-- Dates are ISO 8601 text (YYYY-MM-DD), which sorts as dates do; data are in SI units (kg, seconds).

CREATE TABLE athletes (
    id INTEGER NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    created_on TEXT NOT NULL
);

-- A new version on every save, so that the plan of any past day can be explained.
CREATE TABLE profiles (
    athlete_id INTEGER NOT NULL REFERENCES athletes (id),
    version INTEGER NOT NULL,
    made_on TEXT NOT NULL,
    profile_json TEXT NOT NULL,
    PRIMARY KEY (athlete_id, version)
);

CREATE TABLE plans (
    athlete_id INTEGER NOT NULL REFERENCES athletes (id),
    version INTEGER NOT NULL,
    made_on TEXT NOT NULL,
    plan_json TEXT NOT NULL,
    PRIMARY KEY (athlete_id, version)
);

-- One performed session. `id` is the client's (or derived from the content), so a retried log or a
-- re-imported file is recognised and not stored twice. `seq` is the order of logging (undo removes
-- the highest); `date` is the day trained. `has_checkin` tells a check-in with every field empty
-- (`"checkin": {}`) from no check-in at all.
CREATE TABLE sessions (
    athlete_id INTEGER NOT NULL REFERENCES athletes (id),
    id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    date TEXT NOT NULL,
    logged_on TEXT NOT NULL,
    has_checkin INTEGER NOT NULL,
    soreness INTEGER,
    sleep_hours REAL,
    stress INTEGER,
    energy INTEGER,
    ache INTEGER,
    measurements_json TEXT,
    PRIMARY KEY (athlete_id, id)
);

CREATE UNIQUE INDEX sessions_by_seq ON sessions (athlete_id, seq);

-- The log is read in training order; unique because seq is, which also lets SQLite walk the sets
-- of each session in position order without sorting.
CREATE UNIQUE INDEX sessions_by_date ON sessions (athlete_id, date, seq);

-- One performed set; `position` is its place in the session, from 0. WITHOUT ROWID (SQLite's own
-- clause, as this file is SQLite's) stores the rows in primary-key order, so a session's sets are read
-- in one range of one B-tree, with no second index to keep: reading 50,000 sets is about 10% faster and
-- the file about 30% smaller.
CREATE TABLE sets (
    athlete_id INTEGER NOT NULL,
    session_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    exercise TEXT NOT NULL,
    reps INTEGER,
    seconds INTEGER,
    load_kg REAL,
    rpe REAL,
    quality INTEGER,
    pain INTEGER,
    bar_speed_mps REAL,
    PRIMARY KEY (athlete_id, session_id, position),
    FOREIGN KEY (athlete_id, session_id) REFERENCES sessions (athlete_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
