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
--
-- The sets are in the session's row, as `sets_json`: a JSON array with one array per set, in the order
-- performed, positional: [exercise, reps, seconds, load_kg, rpe, quality, pain, bar_speed_mps], null for
-- an absent value, e.g. [["band-row",10,null,20.0,7.0,4,0,null]]. A table of one row per set made
-- reading five years (50,000 sets) cost SQLite a step and ten column decodes per set, some 22 ms of the
-- 30 ms `backbone next` may take; sets are only ever read and written with their session, so a session
-- is now one step. JSON keeps them readable (`json_each` in SQLite) and portable (`jsonb` in
-- PostgreSQL). `set_count` is the length of that array, so that counting the log reads no JSON.
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
    set_count INTEGER NOT NULL,
    sets_json TEXT NOT NULL,
    PRIMARY KEY (athlete_id, id)
);

CREATE UNIQUE INDEX sessions_by_seq ON sessions (athlete_id, seq);

-- The log is read in training order; unique because seq is.
CREATE UNIQUE INDEX sessions_by_date ON sessions (athlete_id, date, seq);
