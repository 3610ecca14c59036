//! The database as a file: what a path holds before SQLite opens it, creating a new one, and the
//! automatic backups taken before anything that rewrites many rows.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::StoreError;
use crate::error::Doing;

/// How many automatic backups of one database are kept; the oldest goes when a new one is taken.
pub const BACKUPS_KEPT: usize = 3;

/// What a path holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    /// Nothing yet: a new database will be made there.
    Missing,
    /// An empty file (made by an earlier run that stopped before SQLite wrote its header).
    Empty,
    /// A SQLite file; whether it is backbone's is for its tables to say.
    Sqlite,
}

/// Looks at a path before SQLite does, so that a folder, a text file or a truncated header each get
/// their own message instead of SQLite's "file is not a database".
pub(crate) fn identify(path: &Path) -> Result<Found, StoreError> {
    let not = |what: &str| StoreError::NotADatabase { path: path.to_path_buf(), what: what.to_string() };
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Missing),
        Err(source) => return Err(StoreError::Io { doing: "cannot read", path: path.to_path_buf(), source }),
    };
    if meta.is_dir() {
        return Err(not("it is a folder"));
    }
    if !meta.is_file() {
        return Err(not("it is not a regular file"));
    }
    if meta.len() == 0 {
        return Ok(Found::Empty);
    }
    let mut head = [0u8; 16];
    let read = std::fs::File::open(path).and_then(|mut f| f.read(&mut head));
    let n = read.map_err(|source| StoreError::Io { doing: "cannot read", path: path.to_path_buf(), source })?;
    if n == 16 && &head == b"SQLite format 3\0" {
        return Ok(Found::Sqlite);
    }
    if n < 16 && b"SQLite format 3\0".starts_with(&head[..n]) {
        return Err(StoreError::Damaged { path: path.to_path_buf(), detail: "the file is cut short".into() });
    }
    Err(not("it is not a SQLite file"))
}

/// Creates the folders and an empty, owner-only file: the log is health data.
pub(crate) fn create(path: &Path) -> Result<(), StoreError> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        let mut dirs = std::fs::DirBuilder::new();
        dirs.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut dirs, 0o700);
        dirs.create(parent).map_err(|source| StoreError::Io {
            doing: "cannot create the folder",
            path: parent.to_path_buf(),
            source,
        })?;
    }
    let mut file = std::fs::OpenOptions::new();
    file.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut file, 0o600);
    match file.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(source) => Err(StoreError::Io { doing: "cannot create the database", path: path.to_path_buf(), source }),
    }
}

/// Copies the open database, with SQLite's online backup (a consistent snapshot even while another
/// process writes), to `backups/` beside it, named after the database, the time and the reason, and keeps
/// the newest `BACKUPS_KEPT`. Returns the copy's path.
pub(crate) fn backup(conn: &Connection, db: &Path, reason: &str) -> Result<PathBuf, StoreError> {
    let dir = db.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).join("backups");
    let stem = db.file_stem().map_or_else(|| "backbone".into(), |s| s.to_string_lossy().into_owned());
    let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%S%.3fZ").to_string();
    let to = dir.join(format!("{stem}-{stamp}-{reason}.db"));
    create(&to)?;
    let copied = (|| {
        let mut dest = Connection::open(&to)?;
        let backup = rusqlite::backup::Backup::new(conn, &mut dest)?;
        backup.run_to_completion(1024, std::time::Duration::ZERO, None)
    })();
    if let Err(source) = copied {
        // A half-made copy is worse than none: it looks like a backup.
        let _ = std::fs::remove_file(&to);
        return Err(StoreError::Sqlite { doing: "taking a backup", source }.about_file(&to));
    }
    rotate(&dir, &stem)?;
    Ok(to)
}

/// Removes the oldest automatic backups of `stem` beyond `BACKUPS_KEPT` (their names sort by time).
fn rotate(dir: &Path, stem: &str) -> Result<(), StoreError> {
    let listing = std::fs::read_dir(dir).map_err(|source| StoreError::Io {
        doing: "cannot list the backups in",
        path: dir.to_path_buf(),
        source,
    })?;
    let prefix = format!("{stem}-");
    let mut ours: Vec<PathBuf> = listing
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            name.starts_with(&prefix) && name.ends_with(".db") && is_stamped(&name[prefix.len()..])
        })
        .collect();
    ours.sort();
    let extra = ours.len().saturating_sub(BACKUPS_KEPT);
    for old in &ours[..extra] {
        std::fs::remove_file(old).map_err(|source| StoreError::Io {
            doing: "cannot remove the old backup",
            path: old.clone(),
            source,
        })?;
    }
    Ok(())
}

/// Whether a name continues with the time stamp `backup` writes (so that another database whose name
/// starts like this one's is never rotated away).
fn is_stamped(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() > 20 && b[..8].iter().all(u8::is_ascii_digit) && b[8] == b'T'
}

/// Whether a SQLite file holds another program's tables (and no backbone schema), checked before the
/// store changes anything in it (its journal mode, its tables).
pub(crate) fn foreign(conn: &Connection) -> Result<bool, StoreError> {
    const TABLES: &str = "SELECT COUNT(*), COUNT(CASE WHEN name = 'schema_migrations' THEN 1 END) \
                          FROM sqlite_master WHERE type = 'table'";
    let (tables, ours): (i64, i64) =
        conn.query_row(TABLES, [], |r| Ok((r.get(0)?, r.get(1)?))).doing("reading the tables")?;
    Ok(tables > 0 && ours == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_a_text_file_and_a_cut_header_each_have_their_own_answer() {
        let dir = tempfile::tempdir().expect("a folder");
        assert!(matches!(identify(dir.path()), Err(StoreError::NotADatabase { .. })));
        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "hello, this is not a database at all").expect("writes");
        let err = identify(&text).expect_err("a text file");
        assert!(err.to_string().contains("not a SQLite file"), "{err}");
        let cut = dir.path().join("cut.db");
        std::fs::write(&cut, b"SQLite for").expect("writes");
        assert!(matches!(identify(&cut), Err(StoreError::Damaged { .. })));
        assert_eq!(identify(&dir.path().join("new.db")).expect("missing"), Found::Missing);
    }

    #[test]
    fn only_time_stamped_names_are_rotated() {
        assert!(is_stamped("20261205T074500.123Z-import.db"));
        assert!(!is_stamped("old.db"));
    }
}
