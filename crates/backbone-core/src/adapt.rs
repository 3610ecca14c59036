//! The adaptation engine's front door: the plan replayed over what was logged (METHOD P, T4, R1-R6, B2).
//!
//! `adapt(profile, log, today)` walks the same weeks as the planner (`engine`). For days up to today it
//! reads the log: a progression step only after a real success, holds after pain or poor quality,
//! plateaus and their recalibration, soreness cuts, pain substitutions, readiness, early deloads and the
//! T3 gate. For days after today it forecasts as the planner does, from where the person really stands.
//! The engine itself never looks back here: this file only calls it.

use jiff::civil::Date;

use crate::catalog::Catalog;
use crate::engine::{self, PlanError};
use crate::history::History;
use crate::log::SessionLog;
use crate::profile::Profile;

pub use crate::engine::{Adapted, LogView, NextSession, PAIN_DAYS, PainEvent, hold_reason, pain_substitute};
pub use crate::served::Served;

/// Weeks planned past today (CONTRACT: "at least 12 weeks past today").
pub const WEEKS_AHEAD: i64 = 12;

/// Replays the method over the log and plans from the profile's start to 12 weeks past today.
pub fn adapt(profile: &Profile, sessions: &[SessionLog], today: Date) -> Result<Adapted, PlanError> {
    adapt_served(profile, sessions, &[], today)
}

/// Like [`adapt`], with what was served on past days: those days keep the prescription the person was
/// given, and their logs are judged against it (METHOD P1, K10).
pub fn adapt_served(
    profile: &Profile,
    sessions: &[SessionLog],
    served: &[Served],
    today: Date,
) -> Result<Adapted, PlanError> {
    let history = History::new(sessions);
    let weeks = weeks_through(profile.start, today);
    let view = LogView::new(&history, today, Catalog::builtin(), served);
    engine::plan_adapted(profile, weeks, &view)
}

/// How many weeks from `start` reach 12 weeks past `today`.
pub fn weeks_through(start: Date, today: Date) -> u32 {
    let days = i64::from((today - start).get_days().max(0));
    (days / 7 + 1 + WEEKS_AHEAD) as u32
}

#[cfg(test)]
mod tests;
