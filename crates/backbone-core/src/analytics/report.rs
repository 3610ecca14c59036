//! The progress report (CONTRACT "Reports", `backbone.report/1`): every analytic as a KPI with a
//! trend (`report/kpis.rs`), and notices that say what the engine will do about what the log shows,
//! each with its rule (`report/notices.rs`).
//!
//! Field order is output order. Values are kept in SI units (kg, seconds, m/s) and rounded for output;
//! the dashboard converts to pounds for people who asked for them. Weekly series start at the first
//! week anything was logged (`Log::tracked`), so an empty log gives empty series.

mod kpis;
mod notices;

use std::borrow::Cow;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use super::strength::Record;
use super::trend::Trend;
use super::{Log, Point, Window, adherence, assessments, monday, session_load, speed, strength, volume, wellness};
use crate::catalog::Catalog;
use crate::log::SessionLog;
use crate::plan::{Notice, Plan};
use crate::profile::Profile;

pub use notices::LOW_ADHERENCE;

/// The schema id printed in every report.
pub const SCHEMA: &str = "backbone.report/1";

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub schema: Cow<'static, str>,
    pub from: Date,
    pub to: Date,
    pub kpis: Vec<Kpi>,
    pub notices: Vec<Notice>,
    /// Personal records set in the window, for the dashboard (the JSON carries their count per week).
    #[serde(skip)]
    pub records: Vec<Record>,
}

/// Which way is good for a KPI, for the dashboard's "improved" and "stalled". Not part of the JSON:
/// `trend` there is direction only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Better {
    Higher,
    Lower,
    #[default]
    Neither,
}

/// One KPI: a series and where it is going.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kpi {
    pub id: String,
    pub name: String,
    pub unit: &'static str,
    pub trend: Trend,
    pub series: Vec<Point>,
    #[serde(skip)]
    pub better: Better,
    /// The last point is a week still under way, left out of the trend (and of `thirds`).
    #[serde(skip)]
    pub partial_last: bool,
}

impl Kpi {
    /// The last value, if any.
    pub fn latest(&self) -> Option<f64> {
        self.series.last().map(|p| p.value)
    }

    /// The means the trend compares: first third and last third of the series.
    pub fn thirds(&self) -> Option<(f64, f64)> {
        let mut values: Vec<f64> = self.series.iter().map(|p| p.value).collect();
        if self.partial_last && values.len() > 1 {
            values.pop();
        }
        super::trend::thirds(&values)
    }
}

/// Where blocks start and which weeks are deloads, for charts (METHOD K9).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Calendar {
    /// The first day of each block that starts in the window, with the block's number.
    pub block_starts: Vec<(Date, u32)>,
    /// Deload weeks touching the window: first day and the day after the last.
    pub deloads: Vec<(Date, Date)>,
}

/// Block starts and deload weeks of the adapted plan within the window.
pub fn calendar(plan: &Plan, w: Window) -> Calendar {
    let mut c = Calendar::default();
    let mut previous = None;
    for week in &plan.weeks {
        let end = week.start.saturating_add(7.days());
        if previous != Some(week.block.index) && w.contains(week.start) {
            c.block_starts.push((week.start, week.block.index));
        }
        previous = Some(week.block.index);
        if week.deload && week.start <= w.to && end > w.from {
            c.deloads.push((week.start, end));
        }
    }
    c
}

/// What a profile adds to a report: the plan to measure adherence and session load against, the
/// assessment it started from, the targets, and what the engine will do.
#[derive(Debug, Clone, Copy)]
pub struct Coaching<'a> {
    pub profile: &'a Profile,
    /// The plan adapted to the log (`adapt(profile, log, today)`).
    pub plan: &'a Plan,
}

/// The report for the window, from the log, with what the profile and its plan add when there is one.
/// `catalog` is the catalog with the person's custom exercises ([`Catalog::with_customs`]), so that
/// imported back work counts.
pub fn report(coaching: Option<Coaching>, sessions: &[SessionLog], catalog: &Catalog, w: Window) -> Report {
    let log = Log::new(sessions);
    let tracked = log.tracked(w);
    let running = !w.week_complete(monday(w.to));
    let volume = tracked.map(|t| volume::weekly_volume(&log, t, catalog)).unwrap_or_default();
    // A weighted pull-up's estimate needs the body weight, which only a profile gives (K5).
    let lifted = strength::Lifted { catalog, body_kg: coaching.and_then(|c| c.profile.body_weight_kg) };
    let unweighed = strength::unweighed(&log, w, lifted);
    let records = strength::personal_records(&log, w, lifted);
    let mut kpis = Vec::new();
    let lifts = strength::e1rm_by_lift(&log, w, lifted);
    kpis::strength(&mut kpis, &lifts, catalog);
    kpis::best_reps(&mut kpis, &strength::best_reps_by_lift(&log, w, &lifts), catalog);
    kpis::volume(&mut kpis, &volume, running);
    kpis::assessments(&mut kpis, &assessments::over_time(coaching.map(|c| c.profile), &log, w));
    kpis::speed(&mut kpis, &speed::bar_speed(&log, w), catalog);
    let Some(Coaching { profile, plan }) = coaching else {
        kpis::wellness(&mut kpis, &wellness::wellness(&log, w));
        kpis::records(&mut kpis, &records, tracked, running);
        let mut notices = vec![notices::without_profile()];
        notices.extend(notices::unweighed(&unweighed, catalog, false));
        return Report { schema: Cow::Borrowed(SCHEMA), from: w.from, to: w.to, kpis, notices, records };
    };
    let adherence = tracked.map(|t| adherence::adherence(plan, &log, t)).unwrap_or_default();
    let loads = tracked.map(|t| session_load::weekly_loads(plan, &log, t)).unwrap_or_default();
    kpis::adherence(&mut kpis, &adherence);
    kpis::wellness(&mut kpis, &wellness::wellness(&log, w));
    kpis::load(&mut kpis, &loads, running);
    kpis::records(&mut kpis, &records, tracked, running);
    let unweighed = notices::unweighed(&unweighed, catalog, true);
    let notices = notices::notices(profile, plan, &log, w, &volume, &adherence, unweighed);
    Report { schema: Cow::Borrowed(SCHEMA), from: w.from, to: w.to, kpis, notices, records }
}

#[cfg(test)]
mod tests;
