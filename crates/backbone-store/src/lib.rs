//! The database: the athlete's profile, plan and training log in SQLite, every row scoped by athlete.
//!
//! `Store` is the whole API. Each write is one transaction (taken with `BEGIN IMMEDIATE`, so that a
//! second process waits for the lock instead of failing half-way); reads never write, and a read of
//! several queries runs in one read transaction so that it sees one snapshot. The SQL is in `sql.rs`,
//! the checks on values read back in `decode.rs`, a session's sets (one JSON text in its row) in
//! `sets.rs`, the schema in `migrations/sqlite/`.
//!
//! The store serves one local athlete (id 1) for now; the athlete is a field, passed to every query, so
//! that a hosted mode can pick another without a query that could read someone else's rows.

mod decode;
mod doctor;
mod error;
mod file;
mod sets;
mod sql;

use std::path::{Path, PathBuf};

use backbone_core::archive::{self, Archive, ArchivedSession, CalendarEntry, CustomExercise};
use backbone_core::log::SessionLog;
use backbone_core::plan::{Plan, Session};
use backbone_core::profile::Profile;
use backbone_core::served::Served;
use jiff::civil::Date;
use rusqlite::{Connection, TransactionBehavior};

pub use doctor::{Doctor, Health, Salvage};
pub use error::StoreError;
pub use file::BACKUPS_KEPT;
pub use sets::check as check_set;

use error::Doing;
use sql::Span;

/// The athlete of a local, single-person database.
const LOCAL_ATHLETE: i64 = 1;

/// The latest saved profile with the day it was made and its version (1, 2, ...).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredProfile {
    pub profile: Profile,
    pub made_on: Date,
    pub version: u32,
}

/// What `log_session` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Logged {
    /// The session and its sets were stored.
    Inserted,
    /// A session with that id was already in the log; nothing changed (CONTRACT: exits 0).
    Duplicate,
}

/// One set for `add_sets`: the client's key, the session it goes into (made when missing, dated `date`).
#[derive(Debug, Clone, PartialEq)]
pub struct NewSet {
    pub key: String,
    pub session_id: String,
    pub date: Date,
    pub set: backbone_core::log::SetLog,
}

/// What an import or a restore did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Imported {
    /// Sessions added, and their sets.
    pub sessions: usize,
    pub sets: usize,
    /// Sessions already in the log (same id), left as they were.
    pub duplicates: usize,
    /// Custom exercises added.
    pub exercises: usize,
    /// Profile and plan versions added (a restore into a database without a profile).
    pub profiles: usize,
    pub plans: usize,
}

/// An open database, for one athlete.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    athlete: i64,
    /// When SQLite's quick check last found this file sound (see `write`).
    checked: Option<std::time::Instant>,
}

impl Store {
    /// Opens (creating it and its folders when missing) the database at `path`, migrated to the latest
    /// schema, for the local athlete.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_as(path, LOCAL_ATHLETE)
    }

    /// Opens the database at `path` as athlete `athlete`, creating the athlete when missing. For tests
    /// of athlete scoping; the hosted mode will choose the athlete through its own login.
    #[doc(hidden)]
    pub fn open_as(path: &Path, athlete: i64) -> Result<Store, StoreError> {
        if file::identify(path)? == file::Found::Missing {
            file::create(path)?;
        }
        let opened = Connection::open(path).doing("opening the database").and_then(|conn| Store::init(conn, athlete));
        opened.map_err(|e| e.about_file(path))
    }

    /// Whether the file at `path` holds nothing of a person's: no profile, no session, no custom
    /// exercise (an empty file, or a database made but never written). A file that cannot be read is
    /// not known to hold nothing.
    pub fn holds_nothing(path: &Path) -> bool {
        match file::identify(path) {
            Ok(file::Found::Empty) => true,
            Ok(file::Found::Sqlite) => Doctor::open(path).is_ok_and(|d| d.holds_nothing()),
            _ => false,
        }
    }

    /// A private database in memory, gone when dropped: for tests and dry runs.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory().doing("opening an in-memory database")?;
        Store::init(conn, LOCAL_ATHLETE)
    }

    /// Where the database lives when `--db` is not given: `$XDG_DATA_HOME/backbone/backbone.db`, or
    /// `$HOME/.local/share/backbone/backbone.db` when `XDG_DATA_HOME` is unset or not absolute.
    pub fn default_path() -> Result<PathBuf, StoreError> {
        use etcetera::BaseStrategy;
        let base = etcetera::choose_base_strategy().map_err(|_| StoreError::NoDataDir)?;
        Ok(base.data_dir().join("backbone").join("backbone.db"))
    }

    fn init(mut conn: Connection, athlete: i64) -> Result<Store, StoreError> {
        // Before anything is changed in it (the journal mode is kept in the file).
        if file::foreign(&conn)? {
            let path = PathBuf::from(conn.path().unwrap_or_default());
            return Err(StoreError::NotADatabase { path, what: "it is another program's SQLite database".into() });
        }
        sql::setup(&conn)?;
        migrate(&mut conn)?;
        // Checked first so that opening an existing database takes no write lock.
        if !sql::athlete_exists(&conn, athlete)? {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).doing("creating the athlete")?;
            let name = if athlete == LOCAL_ATHLETE { "local".to_string() } else { format!("athlete {athlete}") };
            sql::insert_athlete(&tx, athlete, &name, &now())?;
            tx.commit().doing("creating the athlete")?;
        }
        Ok(Store { conn, athlete, checked: None })
    }

    /// Saves a new version of the profile and the plan made from it, in one transaction, and names the
    /// athlete after the profile. Returns the profile's version (1 for the first save).
    pub fn save_profile(&mut self, profile: &Profile, plan: &Plan, made_on: Date) -> Result<u32, StoreError> {
        const DOING: &str = "saving the profile";
        let profile_json =
            serde_json::to_string(profile).map_err(|source| StoreError::Encode { what: "profile", source })?;
        let plan_json = serde_json::to_string(plan).map_err(|source| StoreError::Encode { what: "plan", source })?;
        let tx = write(&mut self.conn, &mut self.checked, DOING)?;
        let version = sql::insert_profile(&tx, self.athlete, made_on, &profile_json)?;
        sql::insert_plan(&tx, self.athlete, made_on, &plan_json)?;
        sql::rename_athlete(&tx, self.athlete, &profile.name)?;
        tx.commit().doing(DOING)?;
        Ok(version)
    }

    /// The latest saved profile, if any.
    pub fn profile(&self) -> Result<Option<StoredProfile>, StoreError> {
        sql::latest_profile(&self.conn, self.athlete)
    }

    /// Every saved version of the profile, the first first.
    pub fn profile_versions(&self) -> Result<Vec<archive::ArchivedProfile>, StoreError> {
        sql::all_profiles(&self.conn, self.athlete)
    }

    /// The latest saved plan with the day it was made and its version, if any.
    pub fn latest_plan(&self) -> Result<Option<(Plan, Date, u32)>, StoreError> {
        sql::latest_plan(&self.conn, self.athlete)
    }

    /// Records a performed session and its sets in one transaction. A session whose id is already in
    /// the log changes nothing and is `Logged::Duplicate`, so a retried or re-imported log is harmless.
    /// A set outside what the log accepts (an RPE of 42, neither reps nor seconds) is `StoreError::Refused`
    /// and nothing is written: the store would refuse to read it back.
    pub fn log_session(&mut self, session: &SessionLog, logged_on: Date) -> Result<Logged, StoreError> {
        let tx = write(&mut self.conn, &mut self.checked, "logging a session")?;
        if !sql::insert_session(&tx, self.athlete, session, logged_on)? {
            // Dropping the transaction rolls it back; nothing was written anyway.
            return Ok(Logged::Duplicate);
        }
        tx.commit().doing("logging a session")?;
        Ok(Logged::Inserted)
    }

    /// Records many sessions in one transaction, as an import does: all of them or, on an error, none.
    /// Returns what happened to each, in order; a repeated id (in the log or earlier in `sessions`) is
    /// `Logged::Duplicate`, so importing the same file twice adds nothing the second time.
    pub fn log_sessions(&mut self, sessions: &[SessionLog], logged_on: Date) -> Result<Vec<Logged>, StoreError> {
        let tx = write(&mut self.conn, &mut self.checked, "importing sessions")?;
        let mut outcomes = Vec::with_capacity(sessions.len());
        for session in sessions {
            let inserted = sql::insert_session(&tx, self.athlete, session, logged_on)?;
            outcomes.push(if inserted { Logged::Inserted } else { Logged::Duplicate });
        }
        tx.commit().doing("importing sessions")?;
        Ok(outcomes)
    }

    /// Adds an import, in one transaction: the custom exercises (an id already there keeps its name) and
    /// the sessions (an id already in the log, or earlier in `sessions`, is a duplicate and changes
    /// nothing), so that importing the same file twice adds nothing the second time. On an error
    /// nothing is added. `progress` is told how many sessions are done, now and then.
    pub fn import(
        &mut self,
        customs: &[CustomExercise],
        sessions: &[SessionLog],
        logged_on: Date,
        progress: &mut dyn FnMut(usize),
    ) -> Result<Imported, StoreError> {
        const DOING: &str = "importing";
        let tx = write(&mut self.conn, &mut self.checked, DOING)?;
        let mut done = Imported::default();
        for custom in customs {
            done.exercises += usize::from(sql::insert_custom(&tx, self.athlete, custom)?);
        }
        for (i, session) in sessions.iter().enumerate() {
            count(&mut done, session, sql::insert_session(&tx, self.athlete, session, logged_on)?);
            if i % 256 == 255 {
                progress(i + 1);
            }
        }
        tx.commit().doing(DOING)?;
        progress(sessions.len());
        Ok(done)
    }

    /// Says what a custom exercise counts as, making it first when it is new (a name typed to
    /// `exercises map` that no import brought); `None` gives it back to what its name reads as.
    /// True when the exercise was made.
    pub fn map_custom(&mut self, custom: &CustomExercise) -> Result<bool, StoreError> {
        const DOING: &str = "mapping a custom exercise";
        let tx = write(&mut self.conn, &mut self.checked, DOING)?;
        let made = sql::insert_custom(&tx, self.athlete, custom)?;
        if !made {
            sql::set_counts(&tx, self.athlete, &custom.id, custom.counts.as_ref())?;
        }
        tx.commit().doing(DOING)?;
        Ok(made)
    }

    /// The custom exercises, in the order they were made.
    pub fn custom_exercises(&self) -> Result<Vec<CustomExercise>, StoreError> {
        sql::customs(&self.conn, self.athlete)
    }

    /// Everything the athlete has, for `export --format json`: one snapshot, sessions in logging order.
    pub fn archive(&self) -> Result<Archive, StoreError> {
        let tx = self.conn.unchecked_transaction().doing("reading the database")?;
        let mut by_id: rustc_hash::FxHashMap<String, SessionLog> =
            sql::sessions(&tx, self.athlete, Span::All)?.into_iter().map(|s| (s.id.clone(), s)).collect();
        let sessions = sql::logged_order(&tx, self.athlete)?
            .into_iter()
            .filter_map(|(id, logged_on)| by_id.remove(&id).map(|session| ArchivedSession { logged_on, session }))
            .collect();
        let archive = Archive {
            format: archive::FORMAT.to_string(),
            athlete: sql::athlete_name(&tx, self.athlete)?,
            profiles: sql::all_profiles(&tx, self.athlete)?,
            plans: sql::all_plans(&tx, self.athlete)?,
            custom_exercises: sql::customs(&tx, self.athlete)?,
            sessions,
            calendar: sql::calendar(&tx, self.athlete)?,
            served: sql::served(&tx, self.athlete)?,
        };
        tx.rollback().doing("reading the database")?;
        Ok(archive)
    }

    /// Adds an archive (`import --format backbone`) in one transaction. Into a database without a
    /// profile it brings every profile and plan version and the athlete's name, so that a restore into
    /// an empty database holds what was exported; into one with a profile, the database's own profile
    /// and plans stay (the caller says so) and the log, custom exercises and calendar are merged as an
    /// import merges them.
    pub fn restore(&mut self, archive: &Archive, progress: &mut dyn FnMut(usize)) -> Result<Imported, StoreError> {
        const DOING: &str = "restoring an export";
        let tx = write(&mut self.conn, &mut self.checked, DOING)?;
        let mut done = Imported::default();
        let (has_profile, has_plan) = sql::has_profile_and_plan(&tx, self.athlete)?;
        if !has_profile {
            for p in &archive.profiles {
                sql::restore_profile(&tx, self.athlete, p)?;
            }
            done.profiles = archive.profiles.len();
            if !archive.profiles.is_empty() {
                sql::rename_athlete(&tx, self.athlete, &archive.athlete)?;
            }
        }
        if !has_plan {
            for p in &archive.plans {
                sql::restore_plan(&tx, self.athlete, p)?;
            }
            done.plans = archive.plans.len();
        }
        for custom in &archive.custom_exercises {
            done.exercises += usize::from(sql::insert_custom(&tx, self.athlete, custom)?);
        }
        for (i, s) in archive.sessions.iter().enumerate() {
            count(&mut done, &s.session, sql::insert_session(&tx, self.athlete, &s.session, s.logged_on)?);
            if i % 256 == 255 {
                progress(i + 1);
            }
        }
        for entry in &archive.calendar {
            sql::save_calendar_entry(&tx, self.athlete, entry, false)?;
        }
        for served in &archive.served {
            sql::save_served(&tx, self.athlete, served, &to_json(&served.session)?, false)?;
        }
        tx.commit().doing(DOING)?;
        progress(archive.sessions.len());
        Ok(done)
    }

    /// Records what was served for a day (METHOD P1: the log is judged against what the person was
    /// given). A day is frozen once it is past (`session.date < served_on`): then nothing changes and this
    /// returns false. Until then the day's record is inserted or replaced, in one transaction: the engine
    /// keeps what was already trained exactly as served and derives the rest again (the served session's
    /// life, ARCHITECTURE.md). Serving the same session again writes nothing.
    pub fn serve(&mut self, session: &Session, deload: bool, served_on: Date) -> Result<bool, StoreError> {
        const DOING: &str = "recording what was served";
        if session.date < served_on {
            return Ok(false);
        }
        let json = to_json(session)?;
        let unchanged = |conn: &Connection| -> Result<bool, StoreError> {
            Ok(sql::served_json(conn, self.athlete, session.date)?.is_some_and(|old| old == json))
        };
        // Most `next` runs serve what was already served: a read answers them without taking the write
        // lock. A write checks again under the lock, in case another process served in between.
        if unchanged(&self.conn)? {
            return Ok(false);
        }
        let tx = write(&mut self.conn, &mut self.checked, DOING)?;
        if unchanged(&tx)? {
            return Ok(false);
        }
        let served = Served { session: session.clone(), deload, served_on };
        sql::save_served(&tx, self.athlete, &served, &json, true)?;
        tx.commit().doing(DOING)?;
        Ok(true)
    }

    /// Every day's served session, by date.
    pub fn served(&self) -> Result<Vec<Served>, StoreError> {
        sql::served(&self.conn, self.athlete)
    }

    /// What the last calendar export wrote, by UID.
    pub fn calendar(&self) -> Result<Vec<CalendarEntry>, StoreError> {
        sql::calendar(&self.conn, self.athlete)
    }

    /// Records the events of a calendar export (their hash and SEQUENCE), in one transaction.
    pub fn save_calendar(&mut self, entries: &[CalendarEntry]) -> Result<(), StoreError> {
        let tx = write(&mut self.conn, &mut self.checked, "recording the calendar")?;
        for entry in entries {
            sql::save_calendar_entry(&tx, self.athlete, entry, true)?;
        }
        tx.commit().doing("recording the calendar")?;
        Ok(())
    }

    /// The whole log, by date and then by logging order, each session's sets in the order performed.
    pub fn sessions(&self) -> Result<Vec<SessionLog>, StoreError> {
        self.read(Span::All)
    }

    /// The sessions dated `from..=to`, ordered as `sessions`.
    pub fn sessions_between(&self, from: Date, to: Date) -> Result<Vec<SessionLog>, StoreError> {
        self.read(Span::Between(from, to))
    }

    /// The `n` sessions logged last, the last logged first.
    pub fn recent(&self, n: usize) -> Result<Vec<SessionLog>, StoreError> {
        if n == 0 {
            return Ok(Vec::new());
        }
        // One snapshot for finding the cut and reading from it; fewer than n sessions: all of them.
        let tx = self.conn.unchecked_transaction().doing("reading the log")?;
        let offset = i64::try_from(n - 1).unwrap_or(i64::MAX);
        let from = sql::nth_last_logged(&tx, self.athlete, offset)?.unwrap_or(i64::MIN);
        let found = sql::sessions(&tx, self.athlete, Span::SeqFrom(from))?;
        // A read transaction has nothing to keep.
        tx.rollback().doing("reading the log")?;
        Ok(found)
    }

    /// The `n` sessions with the latest training dates, latest first (a day logged late, or imported,
    /// takes its place by date; sessions of one day by logging order, latest first).
    pub fn latest_dated(&self, n: usize) -> Result<Vec<SessionLog>, StoreError> {
        self.read(Span::LatestDated(i64::try_from(n).unwrap_or(i64::MAX)))
    }

    /// How many sessions and sets the log holds.
    pub fn counts(&self) -> Result<(usize, usize), StoreError> {
        sql::counts(&self.conn, self.athlete)
    }

    /// SQLite's `PRAGMA data_version`: a number that changes when another connection (another handle of
    /// this process, or another process) commits to the file. A cache that keeps one handle only for
    /// asking this knows, for a few microseconds, whether anything it holds is stale.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        self.conn.query_row("PRAGMA data_version", [], |r| r.get(0)).doing("reading the data version")
    }

    /// Removes the session logged last (not the one dated last) with its sets, and returns it.
    pub fn undo_last(&mut self) -> Result<Option<SessionLog>, StoreError> {
        const DOING: &str = "undoing the last log";
        let tx = write(&mut self.conn, &mut self.checked, DOING)?;
        let Some(seq) = sql::nth_last_logged(&tx, self.athlete, 0)? else {
            return Ok(None);
        };
        let Some(last) = sql::sessions(&tx, self.athlete, Span::SeqFrom(seq))?.pop() else {
            return Ok(None);
        };
        sql::delete_session(&tx, self.athlete, &last.id)?;
        tx.commit().doing(DOING)?;
        Ok(Some(last))
    }

    /// The database's file; `None` in memory.
    pub fn path(&self) -> Option<PathBuf> {
        file_path(&self.conn)
    }

    /// Takes an automatic backup (SQLite's online backup, to `backups/` beside the database, the newest
    /// `BACKUPS_KEPT` kept) before something that rewrites many rows: an import, a restore, a profile
    /// change. Nothing to protect (no profile, no session) or no file: no backup, `None`.
    pub fn backup(&self, reason: &str) -> Result<Option<PathBuf>, StoreError> {
        let Some(path) = self.path() else {
            return Ok(None);
        };
        let (sessions, _) = self.counts()?;
        if sessions == 0 && self.profile()?.is_none() {
            return Ok(None);
        }
        file::backup(&self.conn, &path, reason).map(Some)
    }

    /// SQLite's `PRAGMA quick_check` (the pages and records, not the indexes' agreement with their
    /// tables; a fraction of `integrity_check`'s time): "ok" for a sound file. Every write runs it first.
    pub fn quick_check(&self) -> Result<String, StoreError> {
        sql::quick_check(&self.conn)
    }

    /// Adds one set to a session (made when missing, dated `date`), in one transaction, once per `key`:
    /// a set checked off in the web app carries a key its page made up, so a retry, a double tap or a
    /// replay after the phone was offline is `Logged::Duplicate` and changes nothing.
    pub fn add_set(
        &mut self,
        key: &str,
        session_id: &str,
        date: Date,
        set: &backbone_core::log::SetLog,
        logged_on: Date,
    ) -> Result<Logged, StoreError> {
        let new = NewSet { key: key.to_string(), session_id: session_id.to_string(), date, set: set.clone() };
        Ok(self.add_sets(&[new], logged_on)?.pop().unwrap_or(Logged::Duplicate))
    }

    /// Adds many sets at once, each as `add_set` would, in one transaction: a server that gathers the
    /// sets arriving together commits (and waits for the disk) once for all of them. Each session touched
    /// is read and written once. A session holds at most `SETS_PER_ADDED_SESSION` sets this way; more go
    /// into a next one (`ID-2`, `ID-3`, ...), so that a day's row stays small whatever a client sends.
    /// One outcome per set.
    pub fn add_sets(&mut self, sets: &[NewSet], logged_on: Date) -> Result<Vec<Logged>, StoreError> {
        const DOING: &str = "adding sets";
        let tx = write(&mut self.conn, &mut self.checked, DOING)?;
        // Sessions touched, in order: (the session, whether it was in the log before, whether it grew).
        let mut touched: Vec<(SessionLog, bool, bool)> = Vec::new();
        let mut outcomes = Vec::with_capacity(sets.len());
        for new in sets {
            let mut part = 1;
            let slot = loop {
                let id = if part == 1 { new.session_id.clone() } else { format!("{}-{part}", new.session_id) };
                let at = match touched.iter().position(|(s, _, _)| s.id == id) {
                    Some(at) => at,
                    None => {
                        let found = sql::session_by_id(&tx, self.athlete, &id)?;
                        let existed = found.is_some();
                        let session =
                            found.unwrap_or_else(|| SessionLog { id, date: new.date, ..SessionLog::default() });
                        touched.push((session, existed, false));
                        touched.len() - 1
                    }
                };
                if touched[at].0.sets.len() < SETS_PER_ADDED_SESSION {
                    break at;
                }
                part += 1;
            };
            if !sql::insert_key(&tx, self.athlete, &new.key, &touched[slot].0.id)? {
                outcomes.push(Logged::Duplicate);
                continue;
            }
            touched[slot].0.sets.push(new.set.clone());
            touched[slot].2 = true;
            outcomes.push(Logged::Inserted);
        }
        for (session, existed, grew) in &touched {
            if !grew {
                continue;
            }
            if *existed {
                sql::update_sets(&tx, self.athlete, session)?;
            } else {
                sql::insert_session(&tx, self.athlete, session, logged_on)?;
            }
        }
        tx.commit().doing(DOING)?;
        Ok(outcomes)
    }

    /// One session by id.
    pub fn session(&self, id: &str) -> Result<Option<SessionLog>, StoreError> {
        sql::session_by_id(&self.conn, self.athlete, id)
    }

    /// Replaces a logged session by its id with `session` (an edit), or removes it when `session` is
    /// `None`, in one transaction. False when there was no such session.
    pub fn edit_session(
        &mut self,
        id: &str,
        session: Option<&SessionLog>,
        logged_on: Date,
    ) -> Result<bool, StoreError> {
        const DOING: &str = "editing a session";
        let tx = write(&mut self.conn, &mut self.checked, DOING)?;
        if !sql::delete_session(&tx, self.athlete, id)? {
            return Ok(false);
        }
        if let Some(session) = session {
            sql::insert_session(&tx, self.athlete, session, logged_on)?;
        }
        tx.commit().doing(DOING)?;
        Ok(true)
    }

    /// SQLite's `PRAGMA integrity_check`: "ok" for a sound file, else one line per problem.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        sql::integrity_check(&self.conn)
    }

    /// Reads a span of the log. No read transaction: a session and its sets are one row, read by one
    /// statement, which SQLite runs in one snapshot.
    fn read(&self, span: Span) -> Result<Vec<SessionLog>, StoreError> {
        sql::sessions(&self.conn, self.athlete, span)
    }
}

/// Counts one session of an import.
fn count(done: &mut Imported, session: &SessionLog, inserted: bool) {
    if inserted {
        done.sessions += 1;
        done.sets += session.sets.len();
    } else {
        done.duplicates += 1;
    }
}

/// Brings the schema up to date: a read when it already is, else one write transaction that applies the
/// missing migrations in order (re-reading the version under the lock, in case another process did it).
fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let known = sql::MIGRATIONS.last().map_or(0, |(v, _)| *v);
    let found = sql::schema_version(conn)?;
    if found > known {
        return Err(StoreError::NewerSchema { found, known });
    }
    if found == known {
        return Ok(());
    }
    if found > 0
        && let Some(path) = file_path(conn)
    {
        file::backup(conn, &path, "migration")?;
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).doing("migrating the schema")?;
    sql::create_migrations_table(&tx)?;
    let found = sql::schema_version(&tx)?;
    let applied_on = now();
    for (version, text) in sql::MIGRATIONS.iter().filter(|(v, _)| *v > found) {
        sql::apply_migration(&tx, *version, text, &applied_on)?;
    }
    tx.commit().doing("migrating the schema")?;
    Ok(())
}

/// A write transaction, taken only on a sound file: SQLite's quick check runs first (about 1-2 ms on
/// five years of log), and a file it finds damaged is refused (`StoreError::Damaged`), since each write
/// into it could spread the damage while `backbone doctor` can still save what is readable.
fn write<'c>(
    conn: &'c mut Connection,
    checked: &mut Option<std::time::Instant>,
    doing: &'static str,
) -> Result<rusqlite::Transaction<'c>, StoreError> {
    // A command checks before its write; a long-lived handle (the web server's) at most every few
    // seconds, so that a burst of writes is not a burst of whole-file checks.
    if checked.is_none_or(|at| at.elapsed() > RECHECK) {
        let check = sql::quick_check(conn)?;
        if check != "ok" {
            *checked = None;
            let path = file_path(conn).unwrap_or_else(|| PathBuf::from("(in memory)"));
            let detail = format!("SQLite's check says: {}", check.lines().next().unwrap_or_default());
            return Err(StoreError::Damaged { path, detail });
        }
        *checked = Some(std::time::Instant::now());
    }
    conn.transaction_with_behavior(TransactionBehavior::Immediate).doing(doing)
}

/// The most sets `add_sets` puts into one session (a day of training is a few dozen).
pub const SETS_PER_ADDED_SESSION: usize = 100;

/// How long a sound quick check holds for one handle.
const RECHECK: std::time::Duration = std::time::Duration::from_secs(5);

/// The file of a connection; `None` in memory.
fn file_path(conn: &Connection) -> Option<PathBuf> {
    conn.path().filter(|p| !p.is_empty()).map(PathBuf::from)
}

/// The time of a bookkeeping row (athlete created, migration applied); never part of the method.
fn now() -> String {
    jiff::Timestamp::now().to_string()
}

/// A served session as the JSON the store keeps.
fn to_json(session: &Session) -> Result<String, StoreError> {
    serde_json::to_string(session).map_err(|source| StoreError::Encode { what: "served session", source })
}
