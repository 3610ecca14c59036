//! Every SQL statement of the store, one function per query, each scoped by athlete.
//!
//! The statements are portable SQL (PostgreSQL accepts them as written): `$n` placeholders, which SQLite
//! reads as named parameters numbered by first appearance (a test checks `$n` is the n-th), `ON CONFLICT
//! .. DO NOTHING`, `COALESCE(MAX(..))`, `LIMIT .. OFFSET`. The only SQLite-only text is the PRAGMAs of
//! opening (`setup`, the probe for `schema_migrations`, `integrity_check`) and the migrations, which live
//! in a folder per backend. Callers own the transactions; these functions take a `&Connection`, which a
//! `Transaction` derefs to.

use backbone_core::archive::{ArchivedPlan, ArchivedProfile, CalendarEntry, CustomExercise};
use backbone_core::custom::Counts;
use backbone_core::log::{Checkin, SessionLog};
use backbone_core::plan::Plan;
use backbone_core::profile::{Assessment, Profile};
use backbone_core::served::Served;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Row, Rows, Statement, params};

use crate::decode::{self, Bad};
use crate::error::Doing;
use crate::sets;
use crate::{StoreError, StoredProfile};

/// The migrations for SQLite, in order: (version, SQL). Append only; never edit a released one.
pub(crate) const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/sqlite/0001_init.sql")),
    (2, include_str!("../migrations/sqlite/0002_imports.sql")),
    (3, include_str!("../migrations/sqlite/0003_served.sql")),
    (4, include_str!("../migrations/sqlite/0004_applied_keys.sql")),
    (5, include_str!("../migrations/sqlite/0005_custom_counts.sql")),
    (6, include_str!("../migrations/sqlite/0006_cleared.sql")),
];

/// Sets up a fresh connection. WAL lets readers go on while one process writes; `synchronous=FULL`
/// makes a commit wait until the WAL is on disk, so an acknowledged write survives a power loss (WAL's
/// default, NORMAL, survives a crash of the process but may lose the last commits on power loss).
pub(crate) fn setup(conn: &Connection) -> Result<(), StoreError> {
    // First, so that switching the journal mode waits for another process instead of failing.
    conn.pragma_update(None, "busy_timeout", 5000).doing("setting busy_timeout")?;
    // 16 KiB pages, for a new file only (an existing one keeps its own): reading the whole log from a
    // cold start takes a quarter as many reads of the file as with 4 KiB pages, which shows in every
    // `backbone` run; a logged session writes a few pages more to the WAL, once a day.
    conn.pragma_update(None, "page_size", 16384).doing("setting page_size")?;
    // An in-memory database answers "memory" and stays that way, which is right for it.
    let _mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0)).doing("setting journal_mode")?;
    conn.pragma_update(None, "synchronous", "FULL").doing("setting synchronous")?;
    conn.pragma_update(None, "foreign_keys", "ON").doing("setting foreign_keys")?;
    // 16 MiB of page cache (the default is 2 MiB) holds five years of log, so that a long-lived
    // connection (the web server) reads it again from memory; pages are allocated only when used.
    conn.pragma_update(None, "cache_size", -16384).doing("setting cache_size")?;
    Ok(())
}

/// The result of `PRAGMA integrity_check`: "ok", or one line per problem found.
pub(crate) fn integrity_check(conn: &Connection) -> Result<String, StoreError> {
    let mut lines = Vec::new();
    conn.pragma_query(None, "integrity_check", |row| {
        lines.push(row.get::<_, String>(0)?);
        Ok(())
    })
    .doing("checking integrity")?;
    Ok(lines.join("\n"))
}

/// The result of `PRAGMA quick_check`: "ok", or one line per problem found.
pub(crate) fn quick_check(conn: &Connection) -> Result<String, StoreError> {
    let mut lines = Vec::new();
    conn.pragma_query(None, "quick_check", |row| {
        lines.push(row.get::<_, String>(0)?);
        Ok(())
    })
    .doing("checking the database")?;
    Ok(lines.join("\n"))
}

// Migrations.

const CREATE_MIGRATIONS: &str =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_on TEXT NOT NULL)";
const MIGRATIONS_TABLE_EXISTS: &str = "SELECT COUNT(*) FROM pragma_table_info('schema_migrations')";
const SCHEMA_VERSION: &str = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
const RECORD_MIGRATION: &str = "INSERT INTO schema_migrations (version, applied_on) VALUES ($1, $2)";

/// The schema version of the file, 0 for a new one, without writing anything: `open` on an up-to-date
/// file must not take the write lock.
pub(crate) fn schema_version(conn: &Connection) -> Result<i64, StoreError> {
    let exists: i64 = conn.query_row(MIGRATIONS_TABLE_EXISTS, [], |r| r.get(0)).doing("reading the schema version")?;
    if exists == 0 {
        return Ok(0);
    }
    conn.query_row(SCHEMA_VERSION, [], |r| r.get(0)).doing("reading the schema version")
}

/// Creates the version table when missing; call inside the migrating transaction.
pub(crate) fn create_migrations_table(conn: &Connection) -> Result<(), StoreError> {
    conn.execute(CREATE_MIGRATIONS, []).doing("creating schema_migrations")?;
    Ok(())
}

/// Runs one migration and records it; call inside the migrating transaction.
pub(crate) fn apply_migration(conn: &Connection, version: i64, sql: &str, applied_on: &str) -> Result<(), StoreError> {
    conn.execute_batch(sql).doing("applying a schema migration")?;
    conn.execute(RECORD_MIGRATION, params![version, applied_on]).doing("recording a schema migration")?;
    Ok(())
}

// Athletes.

const ATHLETE_EXISTS: &str = "SELECT COUNT(*) FROM athletes WHERE id = $1";
const INSERT_ATHLETE: &str =
    "INSERT INTO athletes (id, name, created_on) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING";
const RENAME_ATHLETE: &str = "UPDATE athletes SET name = $1 WHERE id = $2";
const ATHLETE_NAME: &str = "SELECT name FROM athletes WHERE id = $1";

pub(crate) fn athlete_exists(conn: &Connection, athlete: i64) -> Result<bool, StoreError> {
    let n: i64 = conn.query_row(ATHLETE_EXISTS, params![athlete], |r| r.get(0)).doing("looking up the athlete")?;
    Ok(n > 0)
}

pub(crate) fn insert_athlete(conn: &Connection, athlete: i64, name: &str, created_on: &str) -> Result<(), StoreError> {
    conn.execute(INSERT_ATHLETE, params![athlete, name, created_on]).doing("creating the athlete")?;
    Ok(())
}

pub(crate) fn athlete_name(conn: &Connection, athlete: i64) -> Result<String, StoreError> {
    conn.query_row(ATHLETE_NAME, params![athlete], |r| r.get(0)).doing("reading the athlete's name")
}

pub(crate) fn rename_athlete(conn: &Connection, athlete: i64, name: &str) -> Result<(), StoreError> {
    conn.execute(RENAME_ATHLETE, params![name, athlete]).doing("renaming the athlete")?;
    Ok(())
}

// Profiles and plans: a new version on every save.

const NEXT_PROFILE_VERSION: &str = "SELECT COALESCE(MAX(version), 0) + 1 FROM profiles WHERE athlete_id = $1";
const INSERT_PROFILE: &str =
    "INSERT INTO profiles (athlete_id, version, made_on, profile_json) VALUES ($1, $2, $3, $4)";
const LATEST_PROFILE: &str =
    "SELECT version, made_on, profile_json FROM profiles WHERE athlete_id = $1 ORDER BY version DESC LIMIT 1";
const NEXT_PLAN_VERSION: &str = "SELECT COALESCE(MAX(version), 0) + 1 FROM plans WHERE athlete_id = $1";
const INSERT_PLAN: &str = "INSERT INTO plans (athlete_id, version, made_on, plan_json) VALUES ($1, $2, $3, $4)";
const LATEST_PLAN: &str =
    "SELECT version, made_on, plan_json FROM plans WHERE athlete_id = $1 ORDER BY version DESC LIMIT 1";

/// Stores a new version of the profile; returns its version.
pub(crate) fn insert_profile(conn: &Connection, athlete: i64, made_on: Date, json: &str) -> Result<u32, StoreError> {
    let version: u32 =
        conn.query_row(NEXT_PROFILE_VERSION, params![athlete], |r| r.get(0)).doing("saving the profile")?;
    conn.execute(INSERT_PROFILE, params![athlete, version, made_on.to_string(), json]).doing("saving the profile")?;
    Ok(version)
}

/// Stores a new version of the plan; returns its version.
pub(crate) fn insert_plan(conn: &Connection, athlete: i64, made_on: Date, json: &str) -> Result<u32, StoreError> {
    let version: u32 = conn.query_row(NEXT_PLAN_VERSION, params![athlete], |r| r.get(0)).doing("saving the plan")?;
    conn.execute(INSERT_PLAN, params![athlete, version, made_on.to_string(), json]).doing("saving the plan")?;
    Ok(version)
}

pub(crate) fn latest_profile(conn: &Connection, athlete: i64) -> Result<Option<StoredProfile>, StoreError> {
    let mut stmt = conn.prepare_cached(LATEST_PROFILE).doing("reading the profile")?;
    let row = stmt.query_row(params![athlete], |row| Ok(versioned::<Profile>(row, "profile_json"))).optional();
    match row.doing("reading the profile")? {
        None => Ok(None),
        Some(Ok((profile, made_on, version))) => Ok(Some(StoredProfile { profile, made_on, version })),
        Some(Err((version, bad))) => Err(bad.at("profiles", format_args!("athlete {athlete} version {version}"))),
    }
}

pub(crate) fn latest_plan(conn: &Connection, athlete: i64) -> Result<Option<(Plan, Date, u32)>, StoreError> {
    let mut stmt = conn.prepare_cached(LATEST_PLAN).doing("reading the plan")?;
    let row = stmt.query_row(params![athlete], |row| Ok(versioned::<Plan>(row, "plan_json"))).optional();
    match row.doing("reading the plan")? {
        None => Ok(None),
        Some(Ok(found)) => Ok(Some(found)),
        Some(Err((version, bad))) => Err(bad.at("plans", format_args!("athlete {athlete} version {version}"))),
    }
}

/// Decodes `version, made_on, json` of a profile or plan row; on failure, the raw version for the message.
fn versioned<T: serde::de::DeserializeOwned>(
    row: &Row<'_>,
    column: &'static str,
) -> Result<(T, Date, u32), (String, Bad)> {
    let version = decode::int::<u32>(row, 0, "version").map_err(|bad| ("?".to_string(), bad))?;
    let at = |bad| (version.to_string(), bad);
    Ok((decode::json(row, 2, column).map_err(at)?, decode::date(row, 1, "made_on").map_err(at)?, version))
}

// The log.

const NEXT_SEQ: &str = "SELECT COALESCE(MAX(seq), 0) + 1 FROM sessions WHERE athlete_id = $1";
const INSERT_SESSION: &str = "INSERT INTO sessions \
     (athlete_id, id, seq, date, logged_on, has_checkin, soreness, sleep_hours, stress, energy, ache, \
     measurements_json, set_count, sets_json, title, duration_s, notes, cleared_json) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) \
     ON CONFLICT (athlete_id, id) DO NOTHING";
const COUNTS: &str = "SELECT COUNT(*), COALESCE(SUM(set_count), 0) FROM sessions WHERE athlete_id = $1";
const NTH_LAST_LOGGED: &str = "SELECT seq FROM sessions WHERE athlete_id = $1 ORDER BY seq DESC LIMIT 1 OFFSET $2";
const DELETE_SESSION: &str = "DELETE FROM sessions WHERE athlete_id = $1 AND id = $2";

/// Inserts a session with its sets; false (and nothing written) when the athlete already has that id.
pub(crate) fn insert_session(
    conn: &Connection,
    athlete: i64,
    s: &SessionLog,
    logged_on: Date,
) -> Result<bool, StoreError> {
    const DOING: &str = "logging a session";
    let c = s.checkin.unwrap_or_default();
    let measurements = if s.measurements.is_empty() {
        None
    } else {
        Some(
            serde_json::to_string(&s.measurements)
                .map_err(|source| StoreError::Encode { what: "measurements", source })?,
        )
    };
    // A set the store would refuse to read back is refused here, before anything is written, so that
    // one bad value cannot make the whole log unreadable.
    let sets = sets::encode(&s.sets).map_err(|problem| StoreError::Refused { session: s.id.clone(), problem })?;
    let cleared = if s.cleared.is_empty() {
        None
    } else {
        Some(serde_json::to_string(&s.cleared).map_err(|source| StoreError::Encode { what: "cleared", source })?)
    };
    let seq: i64 = conn.query_row(NEXT_SEQ, params![athlete], |r| r.get(0)).doing(DOING)?;
    let inserted = conn
        .prepare_cached(INSERT_SESSION)
        .and_then(|mut stmt| {
            stmt.execute(params![
                athlete,
                s.id,
                seq,
                s.date.to_string(),
                logged_on.to_string(),
                s.checkin.is_some(),
                c.soreness,
                c.sleep_hours,
                c.stress,
                c.energy,
                c.ache,
                measurements,
                s.sets.len() as i64,
                sets,
                s.title,
                s.duration_s,
                s.notes,
                cleared,
            ])
        })
        .doing(DOING)?;
    Ok(inserted == 1)
}

/// (sessions, sets) of the athlete.
pub(crate) fn counts(conn: &Connection, athlete: i64) -> Result<(usize, usize), StoreError> {
    let (sessions, sets): (i64, i64) =
        conn.query_row(COUNTS, params![athlete], |r| Ok((r.get(0)?, r.get(1)?))).doing("counting the log")?;
    Ok((usize::try_from(sessions).unwrap_or(0), usize::try_from(sets).unwrap_or(0)))
}

/// The seq of the session logged `offset` sessions before the last (0: the last), if there is one.
pub(crate) fn nth_last_logged(conn: &Connection, athlete: i64, offset: i64) -> Result<Option<i64>, StoreError> {
    let mut stmt = conn.prepare_cached(NTH_LAST_LOGGED).doing("finding the last logged sessions")?;
    stmt.query_row(params![athlete, offset], |r| r.get(0)).optional().doing("finding the last logged sessions")
}

/// Deletes a session, its sets with it.
pub(crate) fn delete_session(conn: &Connection, athlete: i64, id: &str) -> Result<bool, StoreError> {
    let n = conn.execute(DELETE_SESSION, params![athlete, id]).doing("removing a session")?;
    Ok(n > 0)
}

const INSERT_KEY: &str = "INSERT INTO applied_keys (athlete_id, key, session_id) VALUES ($1, $2, $3) ON CONFLICT (athlete_id, key) DO NOTHING";
const UPDATE_SETS: &str = "UPDATE sessions SET set_count = $1, sets_json = $2 WHERE athlete_id = $3 AND id = $4";

/// Records a client's key for a write; false when it was recorded before (the write is a repeat).
pub(crate) fn insert_key(conn: &Connection, athlete: i64, key: &str, session: &str) -> Result<bool, StoreError> {
    let n = conn.execute(INSERT_KEY, params![athlete, key, session]).doing("recording a write's key")?;
    Ok(n == 1)
}

/// One session by id.
pub(crate) fn session_by_id(conn: &Connection, athlete: i64, id: &str) -> Result<Option<SessionLog>, StoreError> {
    const DOING: &str = "reading a session";
    let mut stmt = conn.prepare_cached(SESSION_BY_ID).doing(DOING)?;
    let mut rows = stmt.query(params![athlete, id]).doing(DOING)?;
    let mut ids = sets::Ids::new();
    match rows.next().doing(DOING)? {
        Some(row) => Ok(Some(session_row(row, &mut ids)?)),
        None => Ok(None),
    }
}

/// Replaces a session's sets (checked as on insert).
pub(crate) fn update_sets(conn: &Connection, athlete: i64, s: &SessionLog) -> Result<(), StoreError> {
    let sets = sets::encode(&s.sets).map_err(|problem| StoreError::Refused { session: s.id.clone(), problem })?;
    let count = i64::try_from(s.sets.len()).unwrap_or(i64::MAX);
    conn.execute(UPDATE_SETS, params![count, sets, athlete, s.id]).doing("adding a set")?;
    Ok(())
}

const LOGGED_ORDER: &str = "SELECT id, logged_on FROM sessions WHERE athlete_id = $1 ORDER BY seq";

/// Every session's id and the day it was logged, in logging order.
pub(crate) fn logged_order(conn: &Connection, athlete: i64) -> Result<Vec<(String, Date)>, StoreError> {
    const DOING: &str = "reading the order of the log";
    let mut stmt = conn.prepare_cached(LOGGED_ORDER).doing(DOING)?;
    let mut rows = stmt.query(params![athlete]).doing(DOING)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().doing(DOING)? {
        let id = decode::text(row, 0, "id").map_err(|bad| bad.at("sessions", "(unknown id)"))?.to_owned();
        let logged_on =
            decode::date(row, 1, "logged_on").map_err(|bad| bad.at("sessions", format_args!("id {id:?}")))?;
        out.push((id, logged_on));
    }
    Ok(out)
}

// Every version of the profile and the plan, for the archive.

const ALL_PROFILES: &str = "SELECT version, made_on, profile_json FROM profiles WHERE athlete_id = $1 ORDER BY version";
const ALL_PLANS: &str = "SELECT version, made_on, plan_json FROM plans WHERE athlete_id = $1 ORDER BY version";
const COUNT_PROFILES: &str = "SELECT COUNT(*) FROM profiles WHERE athlete_id = $1";
const COUNT_PLANS: &str = "SELECT COUNT(*) FROM plans WHERE athlete_id = $1";

pub(crate) fn all_profiles(conn: &Connection, athlete: i64) -> Result<Vec<ArchivedProfile>, StoreError> {
    all_versions(conn, athlete, ALL_PROFILES, "profiles", "profile_json").map(|found| {
        found.into_iter().map(|(profile, made_on, version)| ArchivedProfile { version, made_on, profile }).collect()
    })
}

pub(crate) fn all_plans(conn: &Connection, athlete: i64) -> Result<Vec<ArchivedPlan>, StoreError> {
    all_versions(conn, athlete, ALL_PLANS, "plans", "plan_json").map(|found| {
        found.into_iter().map(|(plan, made_on, version)| ArchivedPlan { version, made_on, plan }).collect()
    })
}

fn all_versions<T: serde::de::DeserializeOwned>(
    conn: &Connection,
    athlete: i64,
    sql: &str,
    table: &'static str,
    column: &'static str,
) -> Result<Vec<(T, Date, u32)>, StoreError> {
    let mut stmt = conn.prepare_cached(sql).doing("reading every version")?;
    let mut rows = stmt.query(params![athlete]).doing("reading every version")?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().doing("reading every version")? {
        match versioned::<T>(row, column) {
            Ok(found) => out.push(found),
            Err((version, bad)) => return Err(bad.at(table, format_args!("athlete {athlete} version {version}"))),
        }
    }
    Ok(out)
}

/// Whether the athlete has saved a profile, and a plan.
pub(crate) fn has_profile_and_plan(conn: &Connection, athlete: i64) -> Result<(bool, bool), StoreError> {
    let count = |sql| -> Result<bool, StoreError> {
        let n: i64 = conn.query_row(sql, params![athlete], |r| r.get(0)).doing("counting versions")?;
        Ok(n > 0)
    };
    Ok((count(COUNT_PROFILES)?, count(COUNT_PLANS)?))
}

/// Stores a profile version as the archive gives it.
pub(crate) fn restore_profile(conn: &Connection, athlete: i64, p: &ArchivedProfile) -> Result<(), StoreError> {
    let json = serde_json::to_string(&p.profile).map_err(|source| StoreError::Encode { what: "profile", source })?;
    conn.execute(INSERT_PROFILE, params![athlete, p.version, p.made_on.to_string(), json])
        .doing("restoring a profile")?;
    Ok(())
}

/// Stores a plan version as the archive gives it.
pub(crate) fn restore_plan(conn: &Connection, athlete: i64, p: &ArchivedPlan) -> Result<(), StoreError> {
    let json = serde_json::to_string(&p.plan).map_err(|source| StoreError::Encode { what: "plan", source })?;
    conn.execute(INSERT_PLAN, params![athlete, p.version, p.made_on.to_string(), json]).doing("restoring a plan")?;
    Ok(())
}

// Custom exercises.

const NEXT_CUSTOM_SEQ: &str = "SELECT COALESCE(MAX(seq), 0) + 1 FROM custom_exercises WHERE athlete_id = $1";
const INSERT_CUSTOM: &str = "INSERT INTO custom_exercises (athlete_id, id, seq, name, counts_json) \
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (athlete_id, id) DO NOTHING";
// SQLite numbers `$N` parameters in order of appearance, not by N: keep them in order.
const SET_COUNTS: &str = "UPDATE custom_exercises SET counts_json = $1 WHERE athlete_id = $2 AND id = $3";
const CUSTOMS: &str = "SELECT id, name, counts_json FROM custom_exercises WHERE athlete_id = $1 ORDER BY seq";

/// Adds a custom exercise; false when the athlete already has that id (its first name stays).
pub(crate) fn insert_custom(conn: &Connection, athlete: i64, e: &CustomExercise) -> Result<bool, StoreError> {
    const DOING: &str = "adding a custom exercise";
    let seq: i64 = conn.query_row(NEXT_CUSTOM_SEQ, params![athlete], |r| r.get(0)).doing(DOING)?;
    let counts = counts_json(e.counts.as_ref())?;
    let n = conn
        .prepare_cached(INSERT_CUSTOM)
        .and_then(|mut s| s.execute(params![athlete, e.id, seq, e.name, counts]))
        .doing(DOING)?;
    Ok(n == 1)
}

/// Sets what a custom exercise counts as (`None`: as its name reads); false when there is no such id.
pub(crate) fn set_counts(
    conn: &Connection,
    athlete: i64,
    id: &str,
    counts: Option<&Counts>,
) -> Result<bool, StoreError> {
    let n = conn.execute(SET_COUNTS, params![counts_json(counts)?, athlete, id]).doing("mapping a custom exercise")?;
    Ok(n == 1)
}

fn counts_json(counts: Option<&Counts>) -> Result<Option<String>, StoreError> {
    counts
        .map(serde_json::to_string)
        .transpose()
        .map_err(|source| StoreError::Encode { what: "what a custom exercise counts as", source })
}

pub(crate) fn customs(conn: &Connection, athlete: i64) -> Result<Vec<CustomExercise>, StoreError> {
    const DOING: &str = "reading the custom exercises";
    let mut stmt = conn.prepare_cached(CUSTOMS).doing(DOING)?;
    let mut rows = stmt.query(params![athlete]).doing(DOING)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().doing(DOING)? {
        let at = |bad: Bad| bad.at("custom_exercises", format_args!("athlete {athlete}"));
        let id = decode::text(row, 0, "id").map_err(at)?.to_owned();
        let name = decode::text(row, 1, "name").map_err(at)?.to_owned();
        let counts = match decode::opt_text(row, 2, "counts_json").map_err(at)? {
            Some(_) => Some(decode::json(row, 2, "counts_json").map_err(at)?),
            None => None,
        };
        out.push(CustomExercise { id, name, counts });
    }
    Ok(out)
}

// What was served for a day.

const SERVED: &str =
    "SELECT date, served_on, deload, session_json FROM served_sessions WHERE athlete_id = $1 ORDER BY date";
const SERVED_ON: &str = "SELECT session_json FROM served_sessions WHERE athlete_id = $1 AND date = $2";
const SERVE: &str = "INSERT INTO served_sessions (athlete_id, date, served_on, deload, session_json) \
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (athlete_id, date) DO UPDATE SET served_on = excluded.served_on, \
     deload = excluded.deload, session_json = excluded.session_json";
const RESTORE_SERVED: &str = "INSERT INTO served_sessions (athlete_id, date, served_on, deload, session_json) \
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (athlete_id, date) DO NOTHING";

pub(crate) fn served(conn: &Connection, athlete: i64) -> Result<Vec<Served>, StoreError> {
    const DOING: &str = "reading what was served";
    let mut stmt = conn.prepare_cached(SERVED).doing(DOING)?;
    let mut rows = stmt.query(params![athlete]).doing(DOING)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().doing(DOING)? {
        let day =
            decode::text(row, 0, "date").map_err(|bad| bad.at("served_sessions", format_args!("athlete {athlete}")))?;
        let at = |bad: Bad| bad.at("served_sessions", format_args!("date {day}"));
        let served_on = decode::date(row, 1, "served_on").map_err(at)?;
        let deload = decode::int::<i64>(row, 2, "deload").map_err(at)? != 0;
        let mut session: backbone_core::plan::Session = decode::json(row, 3, "session_json").map_err(at)?;
        held(&mut session);
        out.push(Served { session, deload, served_on });
    }
    Ok(out)
}

/// A session served before items carried `load_per` says how its dumbbell loads are held as the catalog
/// does (K10), so every answer made from it (`next --json`, the API, the exports) carries it. Only a
/// missing word is filled in: what was served is otherwise read as it was kept.
fn held(session: &mut backbone_core::plan::Session) {
    let catalog = backbone_core::catalog::Catalog::builtin();
    for m in session.main.iter_mut().filter(|m| m.load_per.is_none()) {
        m.load_per = catalog.get(&m.exercise).and_then(backbone_core::plan::LoadPer::of);
    }
}

/// The JSON served for a day, if any.
pub(crate) fn served_json(conn: &Connection, athlete: i64, day: Date) -> Result<Option<String>, StoreError> {
    conn.prepare_cached(SERVED_ON)
        .and_then(|mut s| s.query_row(params![athlete, day.to_string()], |r| r.get(0)).optional())
        .doing("reading what was served")
}

/// Records what was served; `replace` false keeps what is there (a restore into a used database).
pub(crate) fn save_served(
    conn: &Connection,
    athlete: i64,
    served: &Served,
    json: &str,
    replace: bool,
) -> Result<(), StoreError> {
    let sql = if replace { SERVE } else { RESTORE_SERVED };
    let s = served;
    conn.prepare_cached(sql)
        .and_then(|mut st| {
            st.execute(params![athlete, s.session.date.to_string(), s.served_on.to_string(), i64::from(s.deload), json])
        })
        .doing("recording what was served")?;
    Ok(())
}

// The calendar export's bookkeeping.

const CALENDAR: &str = "SELECT uid, hash, sequence FROM calendar_events WHERE athlete_id = $1 ORDER BY uid";
const SAVE_CALENDAR: &str = "INSERT INTO calendar_events (athlete_id, uid, hash, sequence) VALUES ($1, $2, $3, $4) \
     ON CONFLICT (athlete_id, uid) DO UPDATE SET hash = excluded.hash, sequence = excluded.sequence";
const RESTORE_CALENDAR: &str = "INSERT INTO calendar_events (athlete_id, uid, hash, sequence) VALUES ($1, $2, $3, $4) \
     ON CONFLICT (athlete_id, uid) DO NOTHING";

pub(crate) fn calendar(conn: &Connection, athlete: i64) -> Result<Vec<CalendarEntry>, StoreError> {
    const DOING: &str = "reading the calendar";
    let mut stmt = conn.prepare_cached(CALENDAR).doing(DOING)?;
    let mut rows = stmt.query(params![athlete]).doing(DOING)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().doing(DOING)? {
        let at = |bad: Bad| bad.at("calendar_events", format_args!("athlete {athlete}"));
        let uid = decode::text(row, 0, "uid").map_err(at)?.to_owned();
        let hash = decode::text(row, 1, "hash").map_err(at)?.to_owned();
        let sequence = decode::int(row, 2, "sequence").map_err(at)?;
        out.push(CalendarEntry { uid, hash, sequence });
    }
    Ok(out)
}

/// Records an event as exported; `replace` false keeps what is there (a restore into a used database).
pub(crate) fn save_calendar_entry(
    conn: &Connection,
    athlete: i64,
    e: &CalendarEntry,
    replace: bool,
) -> Result<(), StoreError> {
    let sql = if replace { SAVE_CALENDAR } else { RESTORE_CALENDAR };
    conn.prepare_cached(sql)
        .and_then(|mut s| s.execute(params![athlete, e.uid, e.hash, e.sequence]))
        .doing("recording the calendar")?;
    Ok(())
}

/// Which sessions to read.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Span {
    /// All, by date then logging order.
    All,
    /// Dated from..=to, by date then logging order.
    Between(Date, Date),
    /// The sessions logged with seq >= this, newest logged first.
    SeqFrom(i64),
    /// At most this many sessions, the latest dated first (then the latest logged).
    LatestDated(i64),
}

/// The columns of a session, in the order `session_row` reads them.
macro_rules! session_columns {
    () => {
        "SELECT id, date, has_checkin, soreness, sleep_hours, stress, energy, ache, measurements_json, \
         set_count, sets_json, title, duration_s, notes, cleared_json FROM sessions WHERE athlete_id = $1"
    };
}

const SESSIONS_ALL: &str = concat!(session_columns!(), " ORDER BY date, seq");
const SESSIONS_BETWEEN: &str = concat!(session_columns!(), " AND date >= $2 AND date <= $3 ORDER BY date, seq");
const SESSIONS_FROM_SEQ: &str = concat!(session_columns!(), " AND seq >= $2 ORDER BY seq DESC");
const SESSION_BY_ID: &str = concat!(session_columns!(), " AND id = $2");
const SESSIONS_LATEST_DATED: &str = concat!(session_columns!(), " ORDER BY date DESC, seq DESC LIMIT $2");

/// How many sessions a span holds, as the capacity of the vector they are read into: five years of
/// sessions take some 280 KB, and growing that by doubling copies it and touches about twice as much
/// fresh memory, which the kernel maps page by page (0.3 ms of a 4 ms read on the machine of the
/// benchmarks). Only a hint: a log that changes in between costs a reallocation, nothing else.
const COUNT_ALL: &str = "SELECT COUNT(*) FROM sessions WHERE athlete_id = $1";
const COUNT_BETWEEN: &str = "SELECT COUNT(*) FROM sessions WHERE athlete_id = $1 AND date >= $2 AND date <= $3";
const COUNT_FROM_SEQ: &str = "SELECT COUNT(*) FROM sessions WHERE athlete_id = $1 AND seq >= $2";
const COUNT_LATEST_DATED: &str = "SELECT MIN(COUNT(*), $2) FROM sessions WHERE athlete_id = $1";

/// Reads sessions with their sets. A session and its sets are one row, so the one statement that reads
/// them sees one snapshot without a transaction around it.
pub(crate) fn sessions(conn: &Connection, athlete: i64, span: Span) -> Result<Vec<SessionLog>, StoreError> {
    const DOING: &str = "reading the log";
    let (count_sql, sessions_sql) = match span {
        Span::All => (COUNT_ALL, SESSIONS_ALL),
        Span::Between(..) => (COUNT_BETWEEN, SESSIONS_BETWEEN),
        Span::SeqFrom(_) => (COUNT_FROM_SEQ, SESSIONS_FROM_SEQ),
        Span::LatestDated(_) => (COUNT_LATEST_DATED, SESSIONS_LATEST_DATED),
    };
    let mut stmt = conn.prepare_cached(count_sql).doing(DOING)?;
    let count: i64 = query(&mut stmt, athlete, span)
        .and_then(|mut rows| match rows.next()? {
            Some(row) => row.get(0),
            None => Ok(0),
        })
        .doing(DOING)?;
    let mut out = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
    let mut stmt = conn.prepare_cached(sessions_sql).doing(DOING)?;
    let mut rows = query(&mut stmt, athlete, span).doing(DOING)?;
    let mut ids = sets::Ids::new();
    while let Some(row) = rows.next().doing(DOING)? {
        out.push(session_row(row, &mut ids)?);
    }
    Ok(out)
}

/// Runs a count or sessions query of `span` (both take the same parameters).
fn query<'s>(stmt: &'s mut Statement<'_>, athlete: i64, span: Span) -> rusqlite::Result<Rows<'s>> {
    match span {
        Span::All => stmt.query(params![athlete]),
        Span::Between(from, to) => stmt.query(params![athlete, from.to_string(), to.to_string()]),
        Span::SeqFrom(seq) => stmt.query(params![athlete, seq]),
        Span::LatestDated(limit) => stmt.query(params![athlete, limit]),
    }
}

fn session_row(row: &Row<'_>, ids: &mut sets::Ids) -> Result<SessionLog, StoreError> {
    let id = decode::text(row, 0, "id").map_err(|bad| bad.at("sessions", "(unknown id)"))?;
    let decoded = (|| -> Result<_, Bad> {
        let date = decode::date(row, 1, "date")?;
        let checkin = if decode::flag(row, 2, "has_checkin")? {
            Some(Checkin {
                soreness: decode::opt_int(row, 3, "soreness")?,
                sleep_hours: decode::opt_real(row, 4, "sleep_hours")?,
                stress: decode::opt_int(row, 5, "stress")?,
                energy: decode::opt_int(row, 6, "energy")?,
                ache: decode::opt_int(row, 7, "ache")?,
            })
        } else {
            None
        };
        let measurements: Assessment = match decode::opt_text(row, 8, "measurements_json")? {
            None => Assessment::default(),
            Some(_) => decode::json(row, 8, "measurements_json")?,
        };
        let sets = sets::decode(decode::text_bytes(row, 10, "sets_json")?, decode::int(row, 9, "set_count")?, ids)?;
        let title = decode::opt_text(row, 11, "title")?.map(str::to_owned);
        let duration_s = decode::opt_int(row, 12, "duration_s")?;
        let notes = decode::opt_text(row, 13, "notes")?.map(str::to_owned);
        let cleared: Vec<String> = match decode::opt_text(row, 14, "cleared_json")? {
            None => Vec::new(),
            Some(_) => decode::json(row, 14, "cleared_json")?,
        };
        Ok(SessionLog { id: id.to_owned(), date, checkin, sets, measurements, title, duration_s, notes, cleared })
    })();
    match decoded {
        Ok(session) => Ok(session),
        Err(bad) => Err(bad.at("sessions", format_args!("id {id:?}"))),
    }
}

// Salvage (`backbone doctor`): the sessions table read by rowid ranges, which walk the table's own
// b-tree and no index, so that a damaged index or page costs only the rows it holds.

const SALVAGE_BOUNDS: &str = "SELECT MIN(rowid), MAX(rowid) FROM sessions";
// `+athlete_id` keeps SQLite from reaching for an index on the athlete: the rowid range is the way in.
const SALVAGE_SESSIONS: &str = "SELECT id, date, has_checkin, soreness, sleep_hours, stress, energy, ache, \
     measurements_json, set_count, sets_json, title, duration_s, notes, cleared_json FROM sessions \
     WHERE +athlete_id = $1 AND rowid >= $2 AND rowid <= $3 ORDER BY rowid";
const SALVAGE_LOGGED: &str =
    "SELECT seq, logged_on FROM sessions WHERE +athlete_id = $1 AND rowid >= $2 AND rowid <= $3 ORDER BY rowid";

/// The first and last rowid of the sessions table, when it can say.
pub(crate) fn salvage_bounds(conn: &Connection) -> Result<Option<(i64, i64)>, StoreError> {
    let (min, max): (Option<i64>, Option<i64>) =
        conn.query_row(SALVAGE_BOUNDS, [], |r| Ok((r.get(0)?, r.get(1)?))).doing("finding the sessions")?;
    Ok(min.zip(max))
}

/// The sessions with rowids `from..=to`, each with its logging order and the day it was logged; any
/// unreadable row fails the whole range (the caller splits it).
pub(crate) fn salvage_sessions(
    conn: &Connection,
    athlete: i64,
    from: i64,
    to: i64,
) -> Result<Vec<(i64, Date, SessionLog)>, StoreError> {
    const DOING: &str = "salvaging sessions";
    let mut stmt = conn.prepare_cached(SALVAGE_SESSIONS).doing(DOING)?;
    let mut rows = stmt.query(params![athlete, from, to]).doing(DOING)?;
    let mut ids = sets::Ids::new();
    let mut sessions = Vec::new();
    while let Some(row) = rows.next().doing(DOING)? {
        sessions.push(session_row(row, &mut ids)?);
    }
    let mut stmt = conn.prepare_cached(SALVAGE_LOGGED).doing(DOING)?;
    let mut rows = stmt.query(params![athlete, from, to]).doing(DOING)?;
    let mut logged = Vec::with_capacity(sessions.len());
    while let Some(row) = rows.next().doing(DOING)? {
        let seq = decode::int::<i64>(row, 0, "seq").map_err(|b| b.at("sessions", "(salvage)"))?;
        let on = decode::date(row, 1, "logged_on").map_err(|b| b.at("sessions", "(salvage)"))?;
        logged.push((seq, on));
    }
    if logged.len() != sessions.len() {
        return Err(StoreError::Corrupt("the sessions changed while being read".into()));
    }
    Ok(logged.into_iter().zip(sessions).map(|((seq, on), s)| (seq, on, s)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salvage_walks_the_table_by_rowid_and_no_index() {
        let conn = Connection::open_in_memory().expect("opens");
        for (_, text) in MIGRATIONS {
            conn.execute_batch(text).expect("migrates");
        }
        for sql in [SALVAGE_SESSIONS, SALVAGE_LOGGED] {
            let plan: Vec<String> = conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .and_then(|mut s| s.query_map(params![1, 1, 2], |r| r.get::<_, String>(3))?.collect())
                .expect("explains");
            assert_eq!(plan, ["SEARCH sessions USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"], "{sql}");
        }
    }

    /// Every statement run with positional binding.
    const ALL: &[&str] = &[
        INSERT_KEY,
        UPDATE_SETS,
        SESSION_BY_ID,
        RECORD_MIGRATION,
        ATHLETE_EXISTS,
        INSERT_ATHLETE,
        RENAME_ATHLETE,
        ATHLETE_NAME,
        NEXT_PROFILE_VERSION,
        INSERT_PROFILE,
        LATEST_PROFILE,
        NEXT_PLAN_VERSION,
        INSERT_PLAN,
        LATEST_PLAN,
        NEXT_SEQ,
        INSERT_SESSION,
        COUNTS,
        NTH_LAST_LOGGED,
        DELETE_SESSION,
        COUNT_ALL,
        COUNT_BETWEEN,
        COUNT_FROM_SEQ,
        SESSIONS_ALL,
        SESSIONS_BETWEEN,
        SESSIONS_FROM_SEQ,
        LOGGED_ORDER,
        ALL_PROFILES,
        ALL_PLANS,
        COUNT_PROFILES,
        COUNT_PLANS,
        NEXT_CUSTOM_SEQ,
        INSERT_CUSTOM,
        SET_COUNTS,
        CUSTOMS,
        CALENDAR,
        SAVE_CALENDAR,
        RESTORE_CALENDAR,
    ];

    fn migrated() -> Connection {
        let conn = Connection::open_in_memory().expect("in-memory database");
        setup(&conn).expect("setup");
        create_migrations_table(&conn).expect("schema_migrations");
        for (version, sql) in MIGRATIONS {
            apply_migration(&conn, *version, sql, "test").expect("migration");
        }
        conn
    }

    /// `$n` must be SQLite's n-th parameter, or positional binding would put values in the wrong place;
    /// and every statement must name the athlete.
    #[test]
    fn placeholders_are_numbered_in_order_of_first_use() {
        let conn = migrated();
        for sql in ALL {
            let stmt = conn.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
            let n = stmt.parameter_count();
            assert!(n >= 1, "{sql}");
            for i in 1..=n {
                assert_eq!(stmt.parameter_index(&format!("${i}")).ok().flatten(), Some(i), "{sql}");
            }
            assert!(sql.contains("athlete_id = $") || sql.contains("id = $") || sql.starts_with("INSERT"), "{sql}");
        }
    }

    /// The hot path: reading the log must walk an index in order, not scan the table or sort it.
    #[test]
    fn reading_the_log_needs_no_sort() {
        let conn = migrated();
        for sql in [
            SESSIONS_ALL,
            SESSIONS_BETWEEN,
            SESSIONS_FROM_SEQ,
            COUNT_ALL,
            COUNT_BETWEEN,
            COUNT_FROM_SEQ,
            COUNTS,
            SALVAGE_SESSIONS,
            SALVAGE_LOGGED,
        ] {
            let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).expect("explain");
            let nulls = std::iter::repeat_n(rusqlite::types::Null, stmt.parameter_count());
            let plan: Vec<String> = stmt
                .query_map(rusqlite::params_from_iter(nulls), |r| r.get::<_, String>(3))
                .expect("query plan")
                .collect::<Result<_, _>>()
                .expect("rows");
            assert!(!plan.iter().any(|step| step.contains("TEMP B-TREE")), "{sql}\n{plan:#?}");
            assert!(!plan.iter().any(|step| step.starts_with("SCAN")), "{sql}\n{plan:#?}");
        }
    }
}
