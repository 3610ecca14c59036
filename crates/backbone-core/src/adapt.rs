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
use crate::plan::{Notice, Plan, Session};
use crate::planner::{self, PlanError};
use crate::profile::Profile;
pub use crate::served::Served;
use crate::vocab::Pattern;

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
    /// Exercises kept out after a referral that wait for the person to say they are pain-free or
    /// cleared (METHOD R3): `log --cleared ID`, or the API's `cleared` field of a session.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ask_cleared: Vec<String>,
}

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
    planner::plan_adapted(profile, weeks, &view)
}

/// How many weeks from `start` reach 12 weeks past `today`.
pub fn weeks_through(start: Date, today: Date) -> u32 {
    let days = i64::from((today - start).get_days().max(0));
    (days / 7 + 1 + WEEKS_AHEAD) as u32
}

/// A pain event that changes the plan (METHOD R3).
#[derive(Debug, Clone)]
pub struct PainEvent {
    pub exercise: String,
    pub date: Date,
    pub pain: u8,
    pub rising: bool,
    /// A doctor or physical therapist was advised: the exercise waits for the person's word that it is
    /// pain-free or cleared, however long that takes.
    pub referred: bool,
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
    /// What was served for each day, whether that day was in a deload week, and the day it was served.
    served: rustc_hash::FxHashMap<Date, (&'h Session, bool, Date)>,
}

/// METHOD R3: pain from 4/10 stops the exercise; from 5/10 see a professional.
const PAIN_STOP: u8 = 4;
const PAIN_REFER: u8 = 5;
/// METHOD R3: the replacement lasts at least two weeks.
pub const PAIN_DAYS: i64 = 14;

impl<'h> LogView<'h> {
    pub fn new(history: &'h History<'h>, today: Date, catalog: &Catalog, served: &'h [Served]) -> Self {
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
                let twice = flags.last().is_some_and(|d| e.date <= d.saturating_add(PAIN_DAYS.days()));
                let referred = e.pain_flag() && (pain >= PAIN_REFER || twice);
                // A referral stops the exercise too, whatever the pain: it is not done again until seen.
                if pain >= PAIN_STOP || e.pain_rising() || referred {
                    let rising = e.pain_rising();
                    stops.push(PainEvent { exercise: id.to_string(), date: e.date, pain, rising, referred });
                }
                if referred {
                    refer.push((id.to_string(), e.date));
                }
                if e.pain_flag() {
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
        let served = served.iter().map(|s| (s.session.date, (&s.session, s.deload, s.served_on))).collect();
        LogView { history, today, gate, stops, stops_by_exercise, refer, served }
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

    /// The pain event that keeps an exercise out of the plan on `day`, if any (METHOD R3): for 14 days,
    /// and after a referral until the person says it is pain-free or cleared.
    pub fn stopped(&self, exercise: &str, day: Date) -> Option<&PainEvent> {
        let events = self.stops_by_exercise.get(exercise)?;
        // Pain on the day itself stops the exercise's remaining sets that day.
        let known = |p: &&PainEvent| p.date < day || (p.date == day && day == self.today);
        let mut past = events.iter().rev().map(|&i| &self.stops[i]).filter(known);
        let window = past.clone().find(|p| day <= p.date.saturating_add(PAIN_DAYS.days()));
        window.or_else(|| past.find(|p| p.referred).filter(|p| !self.is_cleared(exercise, p.date, day)))
    }

    /// The pain event that keeps `ex` out on `day`: its own, or that of an exercise of the same pattern
    /// whose every joint `ex` loads too (METHOD R3: after pain on a bent-over row, a barbell row spares
    /// nothing), with the exercise that hurt.
    pub fn stopped_for<'c>(
        &self,
        ex: &Exercise,
        day: Date,
        catalog: &'c Catalog,
    ) -> Option<(&PainEvent, &'c Exercise)> {
        if let Some(event) = self.stopped(&ex.id, day) {
            return catalog.get(&ex.id).map(|own| (event, own));
        }
        let pattern = ex.patterns.first()?;
        self.stops_by_exercise.keys().filter(|id| **id != ex.id).find_map(|id| {
            let hurt = catalog.get(id)?;
            let spares_nothing = !hurt.joints.is_empty() && hurt.joints.iter().all(|j| ex.joints.contains(j));
            let same = hurt.patterns.first() == Some(pattern);
            if !(same && spares_nothing) {
                return None;
            }
            self.stopped(id, day).map(|event| (event, hurt))
        })
    }

    /// The exercises stopped by pain logged today (METHOD R3: their remaining sets are replaced at once).
    pub fn stopped_today(&self) -> impl Iterator<Item = &str> {
        self.stops.iter().filter(|p| p.date == self.today).map(|p| p.exercise.as_str())
    }

    /// Whether the person said the exercise is pain-free or cleared since `since`, by `day`.
    fn is_cleared(&self, exercise: &str, since: Date, day: Date) -> bool {
        self.history.cleared(exercise, since, day.min(self.today))
    }

    /// METHOD R3's question: the exercise was referred, its two weeks are over, and the person has not yet
    /// said it is pain-free or cleared.
    pub fn awaiting_clearance(&self, exercise: &str, day: Date) -> Option<&PainEvent> {
        self.stopped(exercise, day).filter(|p| p.referred && day > p.date.saturating_add(PAIN_DAYS.days()))
    }

    /// Work sets of an exercise logged on a day.
    pub fn sets_done(&self, exercise: &str, day: Date) -> u32 {
        let on = self.history.exposures(exercise, day, day.saturating_add(1.days()));
        on.iter().map(|e| e.sets.len() as u32).sum()
    }

    /// METHOD R3: the pain stop whose window is over and after which the exercise has not been done yet:
    /// its return is gentle.
    pub fn returning(&self, exercise: &str, day: Date) -> Option<&PainEvent> {
        let events = self.stops_by_exercise.get(exercise)?;
        let last = events.iter().rev().map(|&i| &self.stops[i]).find(|p| p.date < day)?;
        let window_over = day > last.date.saturating_add(PAIN_DAYS.days());
        let seen_to = day.min(self.today.saturating_add(1.days()));
        let since = self.history.exposures(exercise, last.date.saturating_add(1.days()), seen_to);
        (window_over && since.is_empty()).then_some(last)
    }

    /// What was served for a day (METHOD P1: a log is judged against what the person was given).
    pub fn served_on(&self, day: Date) -> Option<&Session> {
        self.served.get(&day).map(|(s, _, _)| *s)
    }

    /// The day the session of `day` was last served (shown) on.
    pub fn served_when(&self, day: Date) -> Option<Date> {
        self.served.get(&day).map(|(_, _, on)| *on)
    }

    /// Whether the week starting `start` was served as a deload week, when anything of it was served
    /// up to today: a past week stays what the person was given (METHOD B2).
    pub fn served_week_deload(&self, start: Date) -> Option<bool> {
        let end = start.saturating_add(7.days()).min(self.today.saturating_add(1.days()));
        let mut day = start;
        while day < end {
            if let Some((_, deload, _)) = self.served.get(&day) {
                return Some(*deload);
            }
            day = day.saturating_add(1.days());
        }
        None
    }

    /// The session served for the day belonged to a deload week (METHOD B2: not evidence).
    pub fn served_deload(&self, day: Date) -> bool {
        self.served.get(&day).is_some_and(|(_, deload, _)| *deload)
    }
}

/// METHOD P3: the reason to hold, if the last two weeks show pain, quality under 3 or RPE above 9.
pub fn hold_reason(recent: &[Exposure]) -> Option<String> {
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

/// A same-pattern variation that loads fewer of the exercise's joints and spares its painful range
/// (METHOD R3): an overhead pull gives way to a pull below shoulder height, never to another overhead pull.
/// From its substitutes first, then from the catalog, that the person can do.
pub fn pain_substitute<'c>(
    catalog: &'c Catalog,
    ex: &Exercise,
    allowed: impl Fn(&Exercise) -> bool,
    avoid: &[&str],
) -> Option<&'c Exercise> {
    let overhead = |e: &Exercise| e.patterns.contains(&Pattern::VerticalPull);
    let same_intent = |c: &Exercise| {
        let pattern = c.patterns.first().is_some_and(|p| ex.patterns.contains(p));
        // Below shoulder height the intent of a pull is a row.
        let range = if overhead(ex) { !overhead(c) && c.is_row() } else { pattern };
        range && c.category == ex.category
    };
    let load = |c: &Exercise| c.joints.iter().filter(|j| ex.joints.contains(j)).count();
    let own = ex.joints.len();
    let candidates = ex.substitutes.iter().filter_map(|id| catalog.get(id)).chain(catalog.all().iter());
    candidates
        .filter(|c| c.id != ex.id && same_intent(c) && allowed(c) && !avoid.contains(&c.id.as_str()))
        // Sparing the range already spares the joint in its painful position; otherwise load fewer joints.
        .filter(|c| own == 0 || load(c) < own || overhead(ex))
        .min_by_key(|c| (load(c), c.tier.unwrap_or(0)))
}

#[cfg(test)]
mod tests;
