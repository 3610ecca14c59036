//! What the commands that keep a log share: the database, today's date, the stored profile.

use backbone_core::adapt::{Adapted, adapt_served};
use backbone_core::profile::Profile;
use backbone_store::{Store, StoredProfile};
use jiff::civil::Date;

use super::Globals;
use crate::failure::bad;

/// Opens the database named by `--db`, `BACKBONE_DB`, or the platform default, creating it on first use.
pub fn open(globals: &Globals) -> anyhow::Result<Store> {
    let path = match &globals.db {
        Some(p) => p.clone(),
        None => Store::default_path()?,
    };
    Store::open(&path).map_err(|e| anyhow::anyhow!("{}: cannot open the database: {e}", path.display()))
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
