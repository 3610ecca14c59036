//! `backbone doctor`: a database looked at without trusting it. It is opened read-only, with no
//! migration and no setup, SQLite's integrity check is run, every table is counted as far as it can be
//! read, and every row that can still be read is gathered into an archive (backbone's JSON export),
//! which `backbone import` restores into a fresh database.

use std::path::{Path, PathBuf};

use backbone_core::archive::{self, Archive, ArchivedSession};
use rusqlite::{Connection, OpenFlags};

use crate::error::Doing;
use crate::file::{self, Found};
use crate::{LOCAL_ATHLETE, StoreError, sql};

/// The tables backbone keeps, in the order `doctor` reports them.
const TABLES: [&str; 9] = [
    "athletes",
    "profiles",
    "plans",
    "sessions",
    "custom_exercises",
    "calendar_events",
    "served_sessions",
    "applied_keys",
    "schema_migrations",
];

/// What the integrity check and a count of each table found.
#[derive(Debug, Clone, PartialEq)]
pub struct Health {
    pub path: PathBuf,
    /// `PRAGMA integrity_check`'s lines: `["ok"]` for a sound file.
    pub integrity: Vec<String>,
    /// Each table and its row count, or why it could not be counted.
    pub tables: Vec<(String, Result<i64, String>)>,
}

impl Health {
    pub fn is_sound(&self) -> bool {
        self.integrity == ["ok"] && self.tables.iter().all(|(_, n)| n.is_ok())
    }
}

/// Every row that could be read, as an archive, and what could not.
#[derive(Debug, Clone)]
pub struct Salvage {
    pub archive: Archive,
    /// Rows of the sessions table that could not be read.
    pub sessions_lost: usize,
    /// What else could not be read ("plans: database disk image is malformed").
    pub problems: Vec<String>,
}

/// A database opened read-only for a check-up.
pub struct Doctor {
    conn: Connection,
    path: PathBuf,
}

impl Doctor {
    /// Opens the file read-only. A missing file, a folder or a file that is not SQLite is an error.
    pub fn open(path: &Path) -> Result<Doctor, StoreError> {
        match file::identify(path)? {
            Found::Sqlite => {}
            Found::Missing => {
                let source = std::io::Error::from(std::io::ErrorKind::NotFound);
                return Err(StoreError::Io { doing: "cannot find the database", path: path.to_path_buf(), source });
            }
            Found::Empty => {
                return Err(StoreError::NotADatabase { path: path.to_path_buf(), what: "the file is empty".into() });
            }
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).doing("opening the database").map_err(|e| e.about_file(path))?;
        Ok(Doctor { conn, path: path.to_path_buf() })
    }

    /// Whether no profile, session or custom exercise is in the file (a missing table counts as empty).
    pub fn holds_nothing(&self) -> bool {
        ["profiles", "sessions", "custom_exercises"].iter().all(|t| {
            let exists: rusqlite::Result<i64> = self.conn.query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [t],
                |r| r.get(0),
            );
            match exists {
                Ok(0) => true,
                Ok(_) => self.conn.query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get::<_, i64>(0)) == Ok(0),
                Err(_) => false,
            }
        })
    }

    /// The integrity check and the count of every table.
    pub fn health(&self) -> Health {
        let integrity = match sql::integrity_check(&self.conn) {
            Ok(text) => text.lines().map(str::to_string).collect(),
            Err(e) => vec![reason(&e)],
        };
        let tables = TABLES
            .iter()
            .map(|t| {
                let count = self
                    .conn
                    .query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get::<_, i64>(0))
                    .map_err(|e| e.to_string());
                (t.to_string(), count)
            })
            .collect();
        Health { path: self.path.clone(), integrity, tables }
    }

    /// Every row that can still be read. The sessions are read by ranges of rows, and a range that
    /// fails is split until each unreadable row is alone, so that one damaged page costs only its rows.
    pub fn salvage(&self) -> Salvage {
        let mut problems = Vec::new();
        let athlete = LOCAL_ATHLETE;
        let p = &mut problems;
        let name: String = readable(p, "athlete", sql::athlete_name(&self.conn, athlete));
        let name = if name.is_empty() { "unknown".to_string() } else { name };
        let profiles = readable(p, "profiles", sql::all_profiles(&self.conn, athlete));
        let plans = readable(p, "plans", sql::all_plans(&self.conn, athlete));
        let custom_exercises = readable(p, "custom exercises", sql::customs(&self.conn, athlete));
        let calendar = readable(p, "calendar", sql::calendar(&self.conn, athlete));
        let served = readable(p, "served sessions", sql::served(&self.conn, athlete));
        let (mut found, lost) = match sql::salvage_bounds(&self.conn) {
            Ok(Some((from, to))) => self.sessions(athlete, from, to),
            Ok(None) => (Vec::new(), 0),
            Err(e) => {
                problems.push(format!("sessions: {}", reason(&e)));
                // Without the bounds, walk the rowids a log of many years would use.
                self.sessions(athlete, 1, 1 << 20)
            }
        };
        found.sort_by_key(|(seq, _, _)| *seq);
        let sessions =
            found.into_iter().map(|(_, logged_on, session)| ArchivedSession { logged_on, session }).collect();
        let archive = Archive {
            format: archive::FORMAT.to_string(),
            athlete: name,
            profiles,
            plans,
            custom_exercises,
            sessions,
            calendar,
            served,
        };
        Salvage { archive, sessions_lost: lost, problems }
    }

    /// The readable sessions with rowids `from..=to` and how many rows could not be read.
    fn sessions(
        &self,
        athlete: i64,
        from: i64,
        to: i64,
    ) -> (Vec<(i64, jiff::civil::Date, backbone_core::log::SessionLog)>, usize) {
        let mut found = Vec::new();
        let mut lost = 0;
        let mut pending = vec![(from, to)];
        while let Some((lo, hi)) = pending.pop() {
            match sql::salvage_sessions(&self.conn, athlete, lo, hi) {
                Ok(rows) => found.extend(rows),
                Err(_) if lo == hi => lost += usize::from(self.row_exists(lo)),
                Err(_) => {
                    let mid = lo + (hi - lo) / 2;
                    pending.push((mid + 1, hi));
                    pending.push((lo, mid));
                }
            }
        }
        (found, lost)
    }

    /// Whether a row is there at all (a damaged page may hide that too: then it counts as lost).
    fn row_exists(&self, rowid: i64) -> bool {
        self.conn
            .query_row("SELECT COUNT(*) FROM sessions WHERE rowid = ?1", [rowid], |r| r.get::<_, i64>(0))
            .map_or(true, |n| n > 0)
    }
}

/// What was read, or nothing with the reason kept among `problems`: a part that cannot be read is left
/// out of a salvage and said.
fn readable<T: Default>(problems: &mut Vec<String>, what: &str, found: Result<T, StoreError>) -> T {
    found.unwrap_or_else(|e| {
        problems.push(format!("{what}: {}", reason(&e)));
        T::default()
    })
}

/// SQLite's own words for a failure, without the store's "while ..." wrapping.
fn reason(e: &StoreError) -> String {
    match e {
        StoreError::Sqlite { source, .. } => source.to_string(),
        other => other.to_string(),
    }
}
