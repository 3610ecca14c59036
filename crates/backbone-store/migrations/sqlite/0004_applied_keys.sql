-- The keys of writes a client made up (a set checked off in the web app carries one), so that a retry,
-- a double tap or a replay after the phone was offline never writes twice. A key belongs to the session
-- its write went into.
CREATE TABLE applied_keys (
    athlete_id INTEGER NOT NULL REFERENCES athletes (id),
    key TEXT NOT NULL,
    session_id TEXT NOT NULL,
    PRIMARY KEY (athlete_id, key)
);
