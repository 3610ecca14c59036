//! The training log: what was actually done (CONTRACT "Keeping a log"), as typed values.
//!
//! A logged session has a date, an optional check-in (METHOD K4), sets (K3, K5, K2), and optional
//! measurements (K1, K8). Parsing lives in `log/session_json.rs` (the session file) and
//! `log/notation.rs` (what a person types between sets).

mod check;
mod notation;
#[doc(hidden)]
pub mod sample;
mod session_json;

use std::borrow::Cow;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use check::{check_session, check_set};
pub use notation::{NotationError, NotedSet, closest, find_exercise, parse_notation};
pub use session_json::{LogError, parse_session};

use crate::profile::Assessment;

/// One performed session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionLog {
    /// Given in the file, or derived from the content so that logging the same file twice is a no-op.
    pub id: String,
    pub date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkin: Option<Checkin>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sets: Vec<SetLog>,
    /// Grip, wall angel, thoracic rotation and the rest of METHOD A1-A4, when measured that day.
    #[serde(default, skip_serializing_if = "Assessment::is_empty")]
    pub measurements: Assessment,
    /// The workout's name, as another app recorded it (an import) or the person gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// How long the session took, when recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_s: Option<u32>,
    /// Notes on the whole session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Exercises the person says are pain-free again or cleared by a doctor or physical therapist, that
    /// day: after a referral they may return (METHOD R3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cleared: Vec<String>,
}

impl SessionLog {
    /// A check-in alone (a valid session: CONTRACT "every field but `date` optional").
    pub fn checkin_only(id: impl Into<String>, date: Date, checkin: Checkin) -> SessionLog {
        SessionLog { id: id.into(), date, checkin: Some(checkin), ..SessionLog::default() }
    }

    /// Measurements alone: an assessment (METHOD A1-A4, A6).
    pub fn measured(id: impl Into<String>, date: Date, measurements: Assessment) -> SessionLog {
        SessionLog { id: id.into(), date, measurements, ..SessionLog::default() }
    }
}

/// How the person feels on the day (METHOD K4): 0-10 scales, sleep in hours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Checkin {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soreness: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sleep_hours: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stress: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ache: Option<u8>,
}

impl Checkin {
    pub fn is_empty(&self) -> bool {
        *self == Checkin::default()
    }
}

/// What kind of set a row records (Strong's `W`/`D`/`F` set orders, Hevy's `set_type`). Warm-up sets
/// are kept in the log but count for nothing the method reads (progression, hard sets, records).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SetKind {
    #[default]
    Normal,
    Warmup,
    Drop,
    Failure,
}

impl SetKind {
    pub const ALL: [SetKind; 4] = [SetKind::Normal, SetKind::Warmup, SetKind::Drop, SetKind::Failure];

    pub fn as_str(self) -> &'static str {
        match self {
            SetKind::Normal => "normal",
            SetKind::Warmup => "warmup",
            SetKind::Drop => "drop",
            SetKind::Failure => "failure",
        }
    }

    /// The word as `as_str` writes it.
    pub fn parse(word: &str) -> Option<SetKind> {
        SetKind::ALL.into_iter().find(|k| k.as_str() == word)
    }

    pub fn is_normal(&self) -> bool {
        *self == SetKind::Normal
    }
}

/// One performed set. At least one of `reps`, `seconds` and `distance_m` is present (the log's own
/// sets always have reps or seconds; an imported cardio row may have only a distance).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SetLog {
    /// The exercise id; borrowed from the catalog when it is a catalog exercise, so that reading years of
    /// sets does not allocate a string per set.
    pub exercise: Cow<'static, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reps: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load_kg: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpe: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bar_speed_mps: Option<f64>,
    #[serde(default, skip_serializing_if = "SetKind::is_normal")]
    pub kind: SetKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_m: Option<f64>,
    /// A note on the set (imported from Strong's `Notes`, Hevy's `exercise_notes`, FitNotes' `Comment`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl SetLog {
    /// A set with reps or seconds and nothing else, for building logs in code.
    pub fn new(exercise: &str) -> SetLog {
        SetLog { exercise: crate::catalog::intern(exercise), ..SetLog::default() }
    }

    /// Whether the set is work the method counts: anything but a warm-up.
    pub fn is_work(&self) -> bool {
        self.kind != SetKind::Warmup
    }

    /// METHOD R3: any pain above 0 is a pain flag.
    pub fn pain_flag(&self) -> bool {
        self.pain.is_some_and(|p| p > 0)
    }
}

/// A content id: the same session content always gets the same id (CONTRACT: "without one its id is
/// derived from its content").
pub fn content_id(date: Date, checkin: &Option<Checkin>, sets: &[SetLog], measurements: &Assessment) -> String {
    use sha2::{Digest, Sha256};
    #[derive(Serialize)]
    struct Content<'a> {
        date: Date,
        checkin: &'a Option<Checkin>,
        sets: &'a [SetLog],
        measurements: &'a Assessment,
    }
    let bytes = serde_json::to_vec(&Content { date, checkin, sets, measurements }).unwrap_or_default();
    let digest = Sha256::digest(&bytes);
    let hex: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    format!("s-{hex}")
}
