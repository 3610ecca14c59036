//! A command leaves nothing behind that holds nothing: the database file and the folders it made for
//! it are removed again when no profile, session or custom exercise went in (a failed command: exit 2,
//! nothing written; a command that only read).

use std::path::{Path, PathBuf};

/// What did not exist before a command ran.
pub struct Fresh {
    db: Option<PathBuf>,
    folders: Vec<PathBuf>,
}

impl Fresh {
    /// Notes whether the database and its folders exist yet.
    pub fn before(db: &Path) -> Fresh {
        if db.symlink_metadata().is_ok() {
            return Fresh { db: None, folders: Vec::new() };
        }
        let folders = db
            .ancestors()
            .skip(1)
            .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
            .map(Path::to_path_buf)
            .collect();
        Fresh { db: Some(db.to_path_buf()), folders }
    }

    /// Removes a database this command created, with its journal files and new folders, if it holds
    /// no profile and no session (a command may fail after a write it made, which must stay).
    pub fn clean_up(self) {
        let Some(db) = self.db else {
            return;
        };
        if !db.exists() || !backbone_store::Store::holds_nothing(&db) {
            return;
        }
        // Best effort throughout: the command's own error is the one to report.
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut path = db.clone().into_os_string();
            path.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(path));
        }
        for folder in &self.folders {
            let _ = std::fs::remove_dir(folder);
        }
    }
}
