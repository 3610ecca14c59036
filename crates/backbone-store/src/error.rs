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
