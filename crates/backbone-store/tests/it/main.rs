//! Integration tests of the store, one binary: the story of a database, rows it must refuse, and a kill.

mod archive;
mod kill;
mod rows;
mod served;
mod story;

use backbone_core::log::{Checkin, SessionLog, SetLog};
use backbone_core::plan::Plan;
use backbone_core::profile::Profile;
use jiff::civil::Date;

/// A small profile, as a person would write it.
pub fn profile(name: &str, days: u8) -> Profile {
    let text = format!(
        r#"
name = "{name}"
experience = "intermediate"
goal = "strength"
days_per_week = {days}
session_minutes = 60
equipment = ["barbell", "dumbbells", "cable", "bench", "pullup_bar", "bands"]
sensitive_joints = ["lower_back"]
start = "2026-11-23"
"#
    );
    Profile::parse(&text, "test.toml").expect("the test profile parses")
}

/// A one-week plan of `profile`.
pub fn plan(profile: &Profile) -> Plan {
    backbone_core::engine::plan(profile, 1).expect("the test profile plans")
}

pub fn date(text: &str) -> Date {
    text.parse().expect("a valid test date")
}

/// A set of `reps` at `load_kg`, with RPE, quality and no pain.
pub fn set(exercise: &str, reps: u32, load_kg: f64) -> SetLog {
    SetLog {
        reps: Some(reps),
        load_kg: Some(load_kg),
        rpe: Some(7.5),
        quality: Some(4),
        pain: Some(0),
        ..SetLog::new(exercise)
    }
}

/// A session of three sets of rows and a timed carry, with a full check-in.
pub fn session(id: &str, day: &str) -> SessionLog {
    SessionLog {
        id: id.into(),
        date: date(day),
        checkin: Some(Checkin {
            soreness: Some(3),
            sleep_hours: Some(7.5),
            stress: Some(4),
            energy: Some(6),
            ache: Some(2),
        }),
        sets: vec![
            set("chest-supported-row", 10, 20.0),
            set("chest-supported-row", 9, 20.0),
            SetLog { bar_speed_mps: Some(0.62), ..set("chest-supported-row", 8, 22.5) },
            SetLog { seconds: Some(40), load_kg: Some(24.0), ..SetLog::new("farmer-carry") },
        ],
        measurements: Default::default(),
        ..Default::default()
    }
}
