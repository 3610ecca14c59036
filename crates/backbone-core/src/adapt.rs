//! The adaptation engine: the plan replayed over what was logged (METHOD P, T4, R1-R6, B2, A6).
//!
//! `adapt(profile, log, today)` walks the same weeks as the planner. For days up to today it reads the
//! log: a progression step only after a real success, holds after pain or poor quality, plateaus and
//! their recalibration, soreness cuts, pain substitutions, readiness, early deloads and the T3 gate. For
//! days after today it forecasts as the planner does, from where the person really stands.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::catalog::{Catalog, Exercise};
use crate::history::{Exposure, History};
use crate::log::SessionLog;
use crate::plan::{MainItem, Notice, Plan, Session};
use crate::planner::{self, PlanError};
use crate::profile::Profile;

/// Weeks planned past today (CONTRACT: "at least 12 weeks past today").
pub const WEEKS_AHEAD: i64 = 12;

/// The adapted plan and the session due next.
#[derive(Debug, Clone)]
pub struct Adapted {
    pub plan: Plan,
    /// The next planned session on or after today, with what changed and why.
    pub next: Option<NextSession>,
}

/// The next session with its notices (CONTRACT `next --json`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct NextSession {
    #[serde(flatten)]
    pub session: Session,
    pub notices: Vec<Notice>,
}

/// Replays the method over the log and plans from the profile's start to 12 weeks past today.
pub fn adapt(profile: &Profile, sessions: &[SessionLog], today: Date) -> Result<Adapted, PlanError> {
    let history = History::new(sessions);
    let weeks = weeks_through(profile.start, today);
    let view = LogView::new(&history, today, Catalog::builtin());
    planner::plan_adapted(profile, weeks, &view)
}

/// How many weeks from `start` reach 12 weeks past `today`.
pub fn weeks_through(start: Date, today: Date) -> u32 {
    let days = i64::from((today - start).get_days().max(0));
    (days / 7 + 1 + WEEKS_AHEAD) as u32
}

/// Whether the log lets a progression step happen (METHOD P1, P3, R1).
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Every set reached its target at RPE 8 or less with good quality, or the day is in the future.
    Success,
    /// Nothing logged since the last step: no evidence, no step.
    NoData,
    /// METHOD P3: pain, quality under 3 or RPE above 9 in the last two weeks.
    Hold(String),
    /// Targets missed, but not yet a plateau.
    Missed,
    /// METHOD R1: no gain over 3 or more exposures spanning at least 14 days.
    Plateau,
}

/// A pain event that changes the plan (METHOD R3).
#[derive(Debug, Clone)]
pub struct PainEvent {
    pub exercise: String,
    pub date: Date,
    pub pain: u8,
    pub rising: bool,
}

/// The log as the planner reads it.
pub struct LogView<'h> {
    pub history: &'h History<'h>,
    pub today: Date,
    /// Logged sessions with T2 work for the gate (METHOD T4): (date, qualifies, pain flag).
    gate: Vec<(Date, bool, bool)>,
    /// Pain of 4 or more, or rising pain (METHOD R3), by date.
    pub stops: Vec<PainEvent>,
    /// Indexes into `stops` per exercise, by date.
    stops_by_exercise: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// Exercises with pain of 5 or more, or two pain flags within 14 days: see a professional.
    pub refer: Vec<(String, Date)>,
}

/// METHOD R3: pain from 4/10 stops the exercise; from 5/10 see a professional.
const PAIN_STOP: u8 = 4;
const PAIN_REFER: u8 = 5;
/// METHOD R3: the replacement lasts at least two weeks.
pub const PAIN_DAYS: i64 = 14;

impl<'h> LogView<'h> {
    pub fn new(history: &'h History<'h>, today: Date, catalog: &Catalog) -> Self {
        let mut gate: Vec<(Date, bool, bool)> = Vec::new();
        let mut stops = Vec::new();
        let mut refer = Vec::new();
        for (id, exposures) in history.exercises() {
            let tier = catalog.get(id).and_then(|e| e.tier);
            let mut flags: Vec<Date> = Vec::new();
            for e in exposures {
                if e.date > today {
                    continue;
                }
                let pain = e.max_pain();
                if pain >= PAIN_STOP || e.pain_rising() {
                    stops.push(PainEvent { exercise: id.to_string(), date: e.date, pain, rising: e.pain_rising() });
                }
                if e.pain_flag() {
                    let twice = flags.last().is_some_and(|d| e.date <= d.saturating_add(PAIN_DAYS.days()));
                    if pain >= PAIN_REFER || twice {
                        refer.push((id.to_string(), e.date));
                    }
                    flags.push(e.date);
                }
                if tier == Some(2) || e.pain_flag() {
                    let good =
                        tier == Some(2) && e.good_quality() && e.max_rpe().is_none_or(|r| r <= 8.0) && !e.pain_flag();
                    gate.push((e.date, good, e.pain_flag()));
                }
            }
        }
        gate.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
        stops.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.exercise.cmp(&b.exercise)));
        refer.sort();
        refer.dedup_by(|a, b| a.0 == b.0);
        let mut stops_by_exercise: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
        for (i, p) in stops.iter().enumerate() {
            stops_by_exercise.entry(p.exercise.clone()).or_default().push(i);
        }
        LogView { history, today, gate, stops, stops_by_exercise, refer }
    }

    /// METHOD T4 from the log: qualifying T2 sessions on or before `day` since the last pain flag, and
    /// the date of the first of them.
    pub fn tolerance(&self, day: Date) -> (u32, Option<Date>) {
        let mut count = 0;
        let mut first = None;
        let mut last_day = None;
        for &(d, good, pain) in &self.gate {
            if d > day {
                break;
            }
            if pain {
                count = 0;
                first = None;
                last_day = None;
                continue;
            }
            // Several T2 exercises on one day are one session.
            if good && last_day != Some(d) {
                count += 1;
                first.get_or_insert(d);
                last_day = Some(d);
            }
        }
        (count, first)
    }

    /// The pain event that keeps an exercise out of the plan on `day`, if any (METHOD R3).
    pub fn stopped(&self, exercise: &str, day: Date) -> Option<&PainEvent> {
        let events = self.stops_by_exercise.get(exercise)?;
        events
            .iter()
            .rev()
            .map(|&i| &self.stops[i])
            .find(|p| p.date < day && day <= p.date.saturating_add(PAIN_DAYS.days()))
    }

    /// METHOD P1, P3, R1 for one exercise whose step is due on `day`; `anchor` is its last step and
    /// `since` the start of its current plateau window.
    pub fn verdict(&self, exercise: &str, anchor: Date, since: Date, day: Date, item: &MainItem) -> Verdict {
        let seen_to = day.min(self.today.saturating_add(1.days()));
        let recent = self.history.exposures(exercise, day.saturating_sub(14.days()), seen_to);
        if let Some(reason) = hold_reason(recent) {
            return Verdict::Hold(reason);
        }
        if day > self.today {
            return Verdict::Success;
        }
        let since_step = self.history.exposures(exercise, anchor, day);
        let Some(last) = since_step.last() else { return Verdict::NoData };
        if met_targets(last, item) {
            return Verdict::Success;
        }
        // A plateau shows in the recent exposures; four weeks back is enough to see 3 spanning 14 days.
        let window = self.history.exposures(exercise, since.max(day.saturating_sub(28.days())), day);
        if plateaued(window) { Verdict::Plateau } else { Verdict::Missed }
    }
}

/// METHOD P3: the reason to hold, if the last two weeks show pain, quality under 3 or RPE above 9.
fn hold_reason(recent: &[Exposure]) -> Option<String> {
    if recent.iter().any(|e| e.pain_flag()) {
        return Some("pain was logged in the last two weeks".into());
    }
    if recent.iter().any(|e| e.min_quality().is_some_and(|q| q < 3)) {
        return Some("movement quality was under 3/5 in the last two weeks".into());
    }
    if recent.iter().any(|e| e.max_rpe().is_some_and(|r| r > 9.0)) {
        return Some("a set went above RPE 9 in the last two weeks".into());
    }
    None
}

/// METHOD P1: every prescribed set done at its target, at RPE 8 or less, with quality 4 or 5.
pub fn met_targets(e: &Exposure, item: &MainItem) -> bool {
    let enough_sets = e.sets.len() as u32 >= item.sets;
    let each = e.sets.iter().all(|s| {
        let hit = match (item.reps, item.seconds) {
            (Some(r), _) => s.reps.is_some_and(|n| n >= r.target),
            (None, Some(sec)) => s.seconds.is_some_and(|n| n >= sec),
            _ => true,
        };
        hit && s.rpe.is_none_or(|r| r <= 8.0) && s.quality.is_none_or(|q| q >= 4)
    });
    enough_sets && each
}

/// METHOD R1: three or more exposures spanning 14 days or more without a gain in estimated max, or in
/// reps at the same load.
pub fn plateaued(window: &[Exposure]) -> bool {
    let (Some(first), Some(last)) = (window.first(), window.last()) else { return false };
    if window.len() < 3 || last.date < first.date.saturating_add(14.days()) {
        return false;
    }
    let later = &window[1..];
    let e1rm_gain = match first.e1rm() {
        Some(base) => later.iter().filter_map(Exposure::e1rm).any(|e| e > base * 1.005),
        None => false,
    };
    let reps_gain = later.iter().any(|e| {
        (e.top_load() == first.top_load() && e.total_reps() > first.total_reps())
            || e.total_seconds() > first.total_seconds()
    });
    !(e1rm_gain || reps_gain)
}

/// A same-pattern variation that loads fewer of the exercise's joints (METHOD R3), from its
/// substitutes first, then from the catalog, that the person can do.
pub fn pain_substitute<'c>(
    catalog: &'c Catalog,
    ex: &Exercise,
    allowed: impl Fn(&Exercise) -> bool,
    avoid: &[&str],
) -> Option<&'c Exercise> {
    let shared =
        |c: &Exercise| c.patterns.first().is_some_and(|p| ex.patterns.contains(p)) && c.category == ex.category;
    let load = |c: &Exercise| c.joints.iter().filter(|j| ex.joints.contains(j)).count();
    let own = ex.joints.len();
    let candidates = ex.substitutes.iter().filter_map(|id| catalog.get(id)).chain(catalog.all().iter());
    candidates
        .filter(|c| c.id != ex.id && shared(c) && allowed(c) && !avoid.contains(&c.id.as_str()))
        .filter(|c| own == 0 || load(c) < own)
        .min_by_key(|c| (load(c), c.tier.unwrap_or(0)))
}

#[cfg(test)]
mod tests;
