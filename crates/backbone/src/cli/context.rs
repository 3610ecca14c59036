//! What the commands that keep a log share: the database, today's date, the stored profile.

use backbone_core::adapt::{Adapted, adapt_served};
use backbone_core::profile::Profile;
use backbone_store::{Store, StoreError, StoredProfile};
use jiff::civil::Date;

use super::Globals;
use crate::failure::bad;

/// Opens the database named by `--db`, `BACKBONE_DB`, or the platform default, creating it on first use.
pub fn open(globals: &Globals) -> anyhow::Result<Store> {
    let path = db_path(globals)?;
    Store::open(&path).map_err(|e| match e {
        // These name the file and say what to do already.
        StoreError::NotADatabase { .. }
        | StoreError::Damaged { .. }
        | StoreError::ReadOnly { .. }
        | StoreError::DiskFull { .. }
        | StoreError::Io { .. } => e.into(),
        other => anyhow::Error::new(other).context(format!("{}: cannot open the database", path.display())),
    })
}

/// The database's path: `--db`, `BACKBONE_DB`, or the platform default.
pub fn db_path(globals: &Globals) -> anyhow::Result<std::path::PathBuf> {
    Ok(match &globals.db {
        Some(p) => p.clone(),
        None => Store::default_path()?,
    })
}

/// A store error about the file itself, named with the database's path (damaged, read-only, disk
/// full, not a database), so that the person knows which file and what to do.
pub fn about_database(err: anyhow::Error, db: &std::path::Path) -> anyhow::Error {
    match err.downcast::<StoreError>() {
        Ok(store) => store.about_file(db).into(),
        Err(other) => other,
    }
}

/// Takes an automatic backup before a command rewrites many rows (METHOD K: the log is never lost),
/// and says where on a terminal.
pub fn backup(store: &Store, reason: &str) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    if let Some(path) = store.backup(reason)?
        && std::io::stderr().is_terminal()
    {
        eprintln!("Backed up the database to {} first.", path.display());
    }
    Ok(())
}

/// `--today`, or the local date.
pub fn today(globals: &Globals) -> Date {
    globals.today.unwrap_or_else(|| jiff::Zoned::now().date())
}

/// The stored profile, or a bad-input error telling the person to run `init`.
pub fn profile(store: &Store) -> anyhow::Result<StoredProfile> {
    store.profile()?.ok_or_else(|| bad("no profile in this database yet; run `backbone init --profile FILE` first"))
}

/// The profile alone.
pub fn stored(store: &Store) -> anyhow::Result<Profile> {
    Ok(profile(store)?.profile)
}

/// The plan adapted to the whole log, with every past day as it was served (METHOD P1: a day's log is
/// judged against what the person was given, and replaying never rewrites it).
pub fn adapted(store: &Store, profile: &Profile, today: Date) -> anyhow::Result<Adapted> {
    Ok(adapt_served(profile, &store.sessions()?, &store.served()?, today)?)
}
