-- What `backbone next` (and later the web app) served for a day (METHOD P1, K10).
--
-- The engine judges a day's log against the prescription the person was given, not one derived again
-- later, and never rewrites a past day. A day's row may be replaced while the day is ahead and nothing
-- is logged on it; from then on it is frozen. `deload` keeps whether the day was in a deload week, which
-- is never evidence (METHOD B2).
CREATE TABLE served_sessions (
    athlete_id INTEGER NOT NULL REFERENCES athletes (id),
    date TEXT NOT NULL,
    served_on TEXT NOT NULL,
    deload INTEGER NOT NULL,
    session_json TEXT NOT NULL,
    PRIMARY KEY (athlete_id, date)
);
