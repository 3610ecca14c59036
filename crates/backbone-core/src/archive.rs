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

/// The `format` of an archive this version writes and reads.
pub const FORMAT: &str = "backbone.export/1";

/// The prefix of every custom exercise id: an imported name the catalog does not know. A prefix keeps
/// a later catalog exercise from taking over the meaning of an old log.
pub const CUSTOM_PREFIX: &str = "custom-";

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

/// An exercise the catalog does not hold, made when an import met a name it could not map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomExercise {
    /// [`CUSTOM_PREFIX`] and the name in kebab case ([`custom_id`]).
    pub id: String,
    /// The name as the first file that used it wrote it.
    pub name: String,
    /// What the person said it counts as (`backbone exercises map`); `None`: as its name reads
    /// ([`crate::custom`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<crate::custom::Counts>,
}

impl CustomExercise {
    /// A custom exercise that counts as its name reads.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> CustomExercise {
        CustomExercise { id: id.into(), name: name.into(), counts: None }
    }
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

/// The custom exercise id for a name: `custom-` and the name's letters and digits in lower case, other
/// runs of characters as one `-` ("Bench Press (Barbell)" -> `custom-bench-press-barbell`). Letters
/// outside ASCII are kept, lower-cased. `None` when the name has no letter or digit.
pub fn custom_id(name: &str) -> Option<String> {
    let slug = words(name, '-');
    (!slug.is_empty()).then(|| format!("{CUSTOM_PREFIX}{slug}"))
}

/// A name's letters and digits in lower case, every other run of characters as one `sep`, none at
/// either end ("Bench Press (Barbell)" -> "bench-press-barbell" with `-`).
pub fn words(name: &str, sep: char) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(sep) {
            out.push(sep);
        }
    }
    out.truncate(out.trim_end_matches(sep).len());
    out
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
