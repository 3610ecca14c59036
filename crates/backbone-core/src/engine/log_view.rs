//! The log as the engine reads it (METHOD T4, R3): what was served for each day, the T3 gate's
//! evidence, pain events and their windows, referrals and the person's answer to them.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::catalog::{Catalog, Exercise};
use crate::history::History;
use crate::plan::Session;
use crate::served::Served;

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
    /// The catalog exercises that have a pain stop, resolved once: R3's "a variation that spares
    /// nothing" test reads them for every exercise of every session.
    hurt: Vec<&'static Exercise>,
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
    pub fn new(history: &'h History<'h>, today: Date, catalog: &'static Catalog, served: &'h [Served]) -> Self {
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
        let mut hurt: Vec<&'static Exercise> = stops_by_exercise.keys().filter_map(|id| catalog.get(id)).collect();
        // In a fixed order, so that the first match is the same every run (no hash map order reaches output).
        hurt.sort_by(|a, b| a.id.cmp(&b.id));
        LogView { history, today, gate, stops, stops_by_exercise, hurt, refer, served }
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
    pub fn stopped_for(&self, ex: &'static Exercise, day: Date) -> Option<(&PainEvent, &'static Exercise)> {
        if let Some(event) = self.stopped(&ex.id, day) {
            return Some((event, ex));
        }
        let pattern = ex.patterns.first()?;
        self.hurt.iter().filter(|hurt| hurt.id != ex.id).find_map(|&hurt| {
            let spares_nothing = !hurt.joints.is_empty() && hurt.joints.iter().all(|j| ex.joints.contains(j));
            if hurt.patterns.first() != Some(pattern) || !spares_nothing {
                return None;
            }
            self.stopped(&hurt.id, day).map(|event| (event, hurt))
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
