//! The whole record of one athlete as one value: what `backbone export --format json` writes and
//! `backbone import --format backbone` reads back (CONTRACT "Import and export").
//!
//! Everything the database holds that is the athlete's is here, in the order it was made (profile and
//! plan versions, custom exercises, sessions in logging order with the day each was logged, the calendar
//! bookkeeping of the `.ics` export, what was served for each day), so that exporting, importing into an empty database and exporting
//! again gives the same bytes. Bookkeeping of the machine (when a migration ran, when the athlete row
//! was made) is not the athlete's and is left out, or the round trip could not be exact.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::log::SessionLog;
use crate::plan::Plan;
use crate::profile::Profile;

pub use crate::custom::{CUSTOM_PREFIX, CustomExercise, custom_id, words};

/// The `format` of an archive this version writes and reads.
pub const FORMAT: &str = "backbone.export/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Archive {
    /// Always [`FORMAT`].
    pub format: String,
    pub athlete: String,
    #[serde(default)]
    pub profiles: Vec<ArchivedProfile>,
    #[serde(default)]
    pub plans: Vec<ArchivedPlan>,
    #[serde(default)]
    pub custom_exercises: Vec<CustomExercise>,
    /// In the order they were logged.
    #[serde(default)]
    pub sessions: Vec<ArchivedSession>,
    #[serde(default)]
    pub calendar: Vec<CalendarEntry>,
    /// What was served for each day, by date (METHOD P1: the log is judged against it). Archives written
    /// before it existed have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub served: Vec<crate::served::Served>,
}

/// One saved version of the profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchivedProfile {
    pub version: u32,
    pub made_on: Date,
    pub profile: Profile,
}

/// One saved version of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchivedPlan {
    pub version: u32,
    pub made_on: Date,
    pub plan: Plan,
}

/// A logged session and the day it was logged (which the log's `undo` and its order rest on).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchivedSession {
    pub logged_on: Date,
    pub session: SessionLog,
}

/// What the `.ics` export last wrote for one event: its content hash and `SEQUENCE`, so that the next
/// export bumps `SEQUENCE` exactly for the events whose content changed (RFC 5545 3.8.7.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarEntry {
    pub uid: String,
    pub hash: String,
    pub sequence: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_ids_are_kebab_case_names_with_a_prefix() {
        assert_eq!(custom_id("Bench Press (Barbell)").as_deref(), Some("custom-bench-press-barbell"));
        assert_eq!(custom_id("  Développé  couché ").as_deref(), Some("custom-développé-couché"));
        assert_eq!(custom_id("T-Bar Row").as_deref(), Some("custom-t-bar-row"));
        assert_eq!(custom_id("--- ()"), None);
    }
}
