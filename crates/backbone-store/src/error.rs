//! Why a store operation failed: the database, a row that cannot be read back, or the file system.

use std::path::PathBuf;

/// A failed store operation. Each variant says what was being done, so that `backbone`'s message is
/// useful without a backtrace.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite refused or failed; `doing` says what the store was doing (e.g. "logging a session").
    #[error("database error while {doing}")]
    Sqlite {
        doing: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    /// A row that cannot be decoded into its type: names the table, the row and the column.
    #[error("the database holds a row it cannot read: {0}")]
    Corrupt(String),
    /// A file or folder could not be created or opened.
    #[error("{doing} {}", path.display())]
    Io {
        doing: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Neither `$XDG_DATA_HOME` nor `$HOME` says where the database belongs.
    #[error("cannot find the data folder (neither XDG_DATA_HOME nor HOME is set); pass --db PATH")]
    NoDataDir,
    /// The file was written by a newer backbone, whose schema this one does not know.
    #[error("the database has schema version {found}, newer than this backbone knows ({known}); upgrade backbone")]
    NewerSchema { found: i64, known: i64 },
    /// A set outside what the log accepts (an RPE of 42, neither reps nor seconds): nothing was written.
    #[error("session {session:?}, {problem}")]
    Refused { session: String, problem: String },
    /// The path is not a backbone database: a folder, a text file, another program's SQLite file.
    #[error("{}: not a backbone database ({what}); pass --db with the path of your backbone database", path.display())]
    NotADatabase { path: PathBuf, what: String },
    /// SQLite found the file damaged (a truncated or overwritten file).
    #[error(
        "{}: the database is damaged ({detail}); nothing was written. Run `backbone doctor` to see what can \
         still be read and save it",
        path.display()
    )]
    Damaged { path: PathBuf, detail: String },
    /// The file or its folder cannot be written.
    #[error(
        "{}: the database is read-only (the file or its folder cannot be written; check their permissions); \
         nothing was written",
        path.display()
    )]
    ReadOnly { path: PathBuf },
    /// The disk (or the file size limit) is full.
    #[error("{}: the disk is full (or the file has reached its size limit); nothing was written. Free some \
             space and try again", path.display())]
    DiskFull { path: PathBuf },
    /// A value could not be encoded for storage (JSON).
    #[error("cannot encode the {what} as JSON")]
    Encode {
        what: &'static str,
        #[source]
        source: serde_json::Error,
    },
}

/// Adds what the store was doing to a rusqlite error: `conn.execute(..).doing("logging a session")?`.
pub(crate) trait Doing<T> {
    fn doing(self, doing: &'static str) -> Result<T, StoreError>;
}

impl<T> Doing<T> for Result<T, rusqlite::Error> {
    fn doing(self, doing: &'static str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Sqlite { doing, source })
    }
}

impl StoreError {
    /// The same error naming the database file when SQLite's reason is about the file itself (damaged,
    /// not a database, read-only, disk full), so that the person knows which file and what to do.
    pub fn about_file(self, path: &std::path::Path) -> StoreError {
        use rusqlite::ErrorCode;
        let (code, extended) = match &self {
            StoreError::Sqlite { source: rusqlite::Error::SqliteFailure(e, _), .. } => (e.code, e.extended_code),
            _ => return self,
        };
        let path = path.to_path_buf();
        match code {
            ErrorCode::DatabaseCorrupt => {
                StoreError::Damaged { path, detail: "SQLite reports a malformed file".into() }
            }
            ErrorCode::NotADatabase => {
                StoreError::NotADatabase { path, what: "SQLite does not recognise the file".into() }
            }
            ErrorCode::ReadOnly => StoreError::ReadOnly { path },
            ErrorCode::DiskFull => StoreError::DiskFull { path },
            // A write cut short by the file size limit (EFBIG) is reported as an I/O error, not SQLITE_FULL.
            ErrorCode::SystemIoFailure if extended == rusqlite::ffi::SQLITE_IOERR_WRITE => {
                StoreError::DiskFull { path }
            }
            ErrorCode::CannotOpen | ErrorCode::PermissionDenied => StoreError::ReadOnly { path },
            _ => self,
        }
    }

    /// Whether this is the person's file rather than the program or the machine (exit code 2).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            StoreError::Refused { .. }
                | StoreError::NotADatabase { .. }
                | StoreError::Damaged { .. }
                | StoreError::ReadOnly { .. }
        )
    }
}
