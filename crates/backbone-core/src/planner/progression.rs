//! The forecast of METHOD P: per exercise, one step every two weeks (a rep, then a set, then a load step
//! back at the bottom of the range, then a harder variation), as if every step succeeded.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::catalog::Exercise;
use crate::load;
use crate::plan::{MainItem, Why};
use crate::profile::Profile;
use crate::vocab::{Category, Experience, Sex, Units};

use super::compose::Pick;
use super::dose::{self, Dose, DoseContext};
use super::timing;
use super::{reps, sort_why, why_of};
use crate::adapt::{LogView, Verdict};
use crate::plan::Notice;

/// Days between two progression steps of one exercise (METHOD P1).
pub const STEP_DAYS: i64 = 14;

/// Where one exercise stands in its progression.
#[derive(Debug, Clone)]
pub struct State {
    /// METHOD R1 recalibrations so far, and the start of the current plateau window.
    recalibrations: u32,
    plateau_since: Date,
    /// Rep-range shifts made by R1's intensity stage (two reps down each).
    range_shift: u32,
    /// The date of the logged session the working load was last taken from.
    load_date: Option<Date>,
    /// The rep range the bonus counts from; a new range starts again at its bottom.
    range: Option<(u32, u32)>,
    reps_bonus: u32,
    sets_bonus: u32,
    seconds_bonus: u32,
    /// The date of the last step, or of the first exposure.
    anchor: Date,
    steps: u32,
    /// Estimated one-rep max, kg, when a starting load can be computed.
    e1rm: Option<f64>,
    /// The working load for a (range, RPE) context, kept while reps climb (double progression).
    load: Option<((u32, u32, u32), f64)>,
    /// The heaviest load of the newest logged session, for the range it was prescribed in.
    logged_load: Option<((u32, u32), f64)>,
}

impl State {
    fn new(date: Date, range: Option<(u32, u32)>, e1rm: Option<f64>) -> State {
        State {
            recalibrations: 0,
            plateau_since: date,
            range_shift: 0,
            load_date: None,
            range,
            reps_bonus: 0,
            sets_bonus: 0,
            seconds_bonus: 0,
            anchor: date,
            steps: 0,
            e1rm,
            load: None,
            logged_load: None,
        }
    }
}

/// What prescribing a session's exercises found, for the engine's notices and block decisions.
#[derive(Debug, Default)]
pub struct Outcome {
    pub successes: u32,
    pub setbacks: u32,
    pub plateaus: u32,
    pub changes: Vec<(Date, Notice)>,
}

impl Outcome {
    pub fn change(&mut self, date: Date, rule: &'static str, text: String) {
        let notice = Notice::new(rule, text);
        if !self.changes.iter().any(|(_, n)| *n == notice) {
            self.changes.push((date, notice));
        }
    }
}

/// The progression of every exercise in the plan.
pub struct Progress {
    /// Exercises replaced by a same-intent variation after repeated plateaus (METHOD R1).
    pub variations: HashMap<&'static str, &'static str>,
    states: HashMap<&'static str, State>,
    /// Exercises replaced by their harder variation (METHOD P4).
    pub swaps: HashMap<&'static str, &'static str>,
    gentle: bool,
    units: Units,
    /// Body weight times the experience and sex factors: the base of starting estimates.
    strength_base: Option<f64>,
}

impl Progress {
    pub fn new(profile: &Profile) -> Self {
        let experience = match profile.experience {
            Experience::Beginner => 0.6,
            Experience::Intermediate => 1.0,
            Experience::Advanced => 1.25,
        };
        // Unknown sex takes the lower factor: METHOD X2, start light.
        let sex = match profile.sex {
            Some(Sex::Male) => 1.0,
            Some(Sex::Female) | None => 0.65,
        };
        Progress {
            states: HashMap::default(),
            swaps: HashMap::default(),
            variations: HashMap::default(),
            gentle: profile.is_beginner() || !profile.is_lifter(),
            units: profile.units,
            strength_base: profile.body_weight_kg.map(|bw| bw * experience * sex),
        }
    }

    /// The prescription of one exercise on one date; `room` is how many seconds the session can still
    /// grow by, so that an added set never breaks the time budget (METHOD S5). With a log, a step is
    /// taken only after a real success, and loads come from what was lifted (METHOD P1, P3, R1).
    pub fn prescribe(
        &mut self,
        pick: &Pick,
        date: Date,
        ctx: &DoseContext,
        room: u32,
        log: Option<&LogView>,
        out: &mut Outcome,
    ) -> MainItem {
        let ex = pick.exercise;
        let d = dose::dose(ex, pick.role, ctx);
        let e1rm = self.start_e1rm(ex);
        let state = self.states.entry(ex.id.as_str()).or_insert_with(|| State::new(date, d.range, e1rm));
        if !d.efficiency && state.range != d.range {
            state.range = d.range;
            state.reps_bonus = 0;
            state.load = None;
        }
        if let Some(log) = log {
            adopt_logged_load(state, ex, log, date);
        }
        let mut why = pick.why.clone();
        why.push("B3");
        if d.efficiency {
            why.push("B4");
        }
        let due = date >= state.anchor.saturating_add(STEP_DAYS.days()) && !d.efficiency;
        let mut item = build(ex, &d, state, self.gentle, self.units);
        if due {
            let verdict = match log {
                Some(log) => log.verdict(&ex.id, state.anchor, state.plateau_since, date, &item),
                None => Verdict::Success,
            };
            let past = log.is_some_and(|l| date <= l.today);
            match verdict {
                Verdict::Success => {
                    let cap = dose::set_cap(self.gentle);
                    let before = state.clone();
                    let stepped = step(ex, &d, state, cap, room, &item, self.units);
                    // METHOD S5 over P1: a step that would make the session outlast its budget waits.
                    let grows = stepped && {
                        let after = build(ex, &d, &mut state.clone(), self.gentle, self.units);
                        timing::item_seconds(&after, ex) > timing::item_seconds(&item, ex) + room
                    };
                    if grows {
                        *state = before;
                        why.push("S5");
                    } else if stepped {
                        state.anchor = date;
                        state.plateau_since = date;
                        state.steps += 1;
                        why.extend(["P1", "P2"]);
                        out.successes += u32::from(past);
                    } else if item.sets >= cap
                        && ex.load.is_none()
                        && let Some(harder) = &ex.harder
                    {
                        // Capped on an easy variant: the next sessions move to the harder one (METHOD P4).
                        self.swaps.insert(ex.id.as_str(), harder.as_str());
                    }
                }
                Verdict::Hold(reason) => {
                    why.push("P3");
                    out.setbacks += 1;
                    out.change(date, "P3", format!("{}: no progression yet, {reason}; holding the dose.", ex.name));
                }
                Verdict::Plateau => {
                    why.push("R1");
                    out.plateaus += 1;
                    out.setbacks += 1;
                    let what = self.recalibrate(ex, date);
                    out.change(date, "R1", format!("{}: no gain over the last sessions (plateau); {what}.", ex.name));
                }
                Verdict::NoData | Verdict::Missed => {}
            }
            let state = self.states.get_mut(ex.id.as_str()).expect("state inserted above");
            item = build(ex, &d, state, self.gentle, self.units);
        }
        let state = self.states.get(ex.id.as_str());
        if state.is_some_and(|s| s.steps > 0) {
            why.push("P1");
        }
        if state.is_some_and(|s| s.recalibrations > 0) {
            why.push("R1");
        }
        if item.load_kg.is_some() {
            why.push("X2");
        }
        item.why = why_of(&why);
        item
    }

    /// True when the exercise's next progression step is due on `date` (METHOD P1: 14 days).
    pub fn due(&self, pick: &Pick, date: Date) -> bool {
        self.states.get(pick.exercise.id.as_str()).is_some_and(|s| date >= s.anchor.saturating_add(STEP_DAYS.days()))
    }

    /// The item as the current state gives it, changing nothing: the planner sizes the session with it
    /// before deciding which steps fit.
    pub fn peek(&self, pick: &Pick, ctx: &DoseContext) -> MainItem {
        let ex = pick.exercise;
        let d = dose::dose(ex, pick.role, ctx);
        let mut state = match self.states.get(ex.id.as_str()) {
            Some(s) => s.clone(),
            None => State::new(jiff::civil::Date::MIN, d.range, self.start_e1rm(ex)),
        };
        if !d.efficiency && state.range != d.range {
            state.range = d.range;
            state.reps_bonus = 0;
        }
        build(ex, &d, &mut state, self.gentle, self.units)
    }

    /// METHOD R1: first volume, then intensity, then selection. Returns what was done, in words.
    fn recalibrate(&mut self, ex: &'static Exercise, date: Date) -> String {
        let cap = dose::set_cap(self.gentle);
        let Some(state) = self.states.get_mut(ex.id.as_str()) else { return "holding".into() };
        let stage = state.recalibrations;
        state.recalibrations += 1;
        state.anchor = date;
        state.plateau_since = date;
        match stage {
            0 if state.sets_bonus > 0 || dose::BASE_SETS_MAX >= cap => {
                state.sets_bonus = state.sets_bonus.saturating_sub(1);
                "volume first: one set fewer to recover".into()
            }
            0 => {
                state.sets_bonus += 1;
                "volume first: one more set".into()
            }
            1 => {
                state.range_shift += 1;
                state.reps_bonus = 0;
                state.load = None;
                "intensity next: the rep range moves down two reps with a heavier load".into()
            }
            _ => match ex.substitutes.first() {
                Some(sub) => {
                    self.variations.insert(ex.id.as_str(), sub.as_str());
                    format!("selection last: a variation with the same intent ({sub}) takes its place")
                }
                None => "holding: no variation with the same intent is available".into(),
            },
        }
    }

    /// METHOD B2: a deload keeps the movement and cuts sets to at most 60% at RPE 5-6.
    pub fn deload(&self, before: &MainItem, ex: Option<&Exercise>) -> MainItem {
        let posture = ex.is_some_and(|e| e.category == Category::Posture);
        let rpe = if posture { 5.0 } else { 6.0 };
        let state = ex.and_then(|e| self.states.get(e.id.as_str()));
        let load_kg = match (before.load_kg, ex, state.and_then(|s| s.e1rm)) {
            (Some(_), Some(ex), Some(e1rm)) => {
                working_load(ex, e1rm, before.reps.map_or(10, |r| r.target), rpe, self.units)
            }
            (other, _, _) => other,
        };
        let mut why: Why = before.why.iter().filter(|w| !matches!(w.as_ref(), "P1" | "P2" | "B4")).cloned().collect();
        why.push(Cow::Borrowed("B2"));
        sort_why(&mut why);
        MainItem {
            sets: (before.sets * 6 / 10).max(1),
            rpe,
            load_kg,
            why,
            exercise: before.exercise.clone(),
            reps: before.reps,
            seconds: before.seconds,
            tempo: before.tempo.clone(),
            rest_seconds: before.rest_seconds,
        }
    }

    /// A cautious starting estimate of the one-rep max, when the profile gives body weight (METHOD X2).
    fn start_e1rm(&self, ex: &Exercise) -> Option<f64> {
        let base = self.strength_base?;
        ex.load?;
        Some(base * ex.start_e1rm_bw?)
    }
}

/// The item for the current state.
fn build(ex: &'static Exercise, d: &Dose, state: &mut State, gentle: bool, units: Units) -> MainItem {
    let cap = dose::set_cap(gentle);
    let sets = (d.sets + state.sets_bonus).min(cap);
    let range = d.range.map(|(min, max)| shifted(min, max, state.range_shift));
    let (reps_value, seconds) = match range {
        Some((min, max)) => {
            let target = if d.efficiency { min } else { min + state.reps_bonus };
            (Some(reps(min, max, target)), None)
        }
        None => (None, Some((d.seconds + state.seconds_bonus).min(dose::seconds_cap(ex)))),
    };
    let load_kg = match reps_value {
        Some(r) => {
            let key = (r.min, r.max, (d.rpe * 2.0) as u32);
            if let Some((range, kg)) = state.logged_load.take()
                && d.range == Some(range)
            {
                state.load = Some((key, kg));
            }
            let estimate = |e1rm: Option<f64>| e1rm.and_then(|e| working_load(ex, e, r.target, d.rpe, units));
            if d.efficiency {
                estimate(state.e1rm)
            } else {
                match state.load {
                    Some((k, kg)) if k == key => Some(kg),
                    _ => {
                        let kg = estimate(state.e1rm);
                        state.load = kg.map(|kg| (key, kg));
                        kg
                    }
                }
            }
        }
        // Timed loaded work (carries): a share of the estimate, rounded to the implement.
        None => state.e1rm.and_then(|e| ex.load.map(|imp| load::round_down(e * 0.5, imp, units))),
    };
    MainItem {
        exercise: Cow::Borrowed(ex.id.as_str()),
        sets,
        reps: reps_value,
        seconds,
        rpe: d.rpe,
        load_kg,
        tempo: d.tempo.map(Cow::Borrowed),
        rest_seconds: d.rest,
        why: Vec::new(),
    }
}

/// A rep range moved down two reps per R1 intensity shift, never under 3 reps.
fn shifted(min: u32, max: u32, shift: u32) -> (u32, u32) {
    if shift == 0 {
        return (min, max);
    }
    let down = 2 * shift;
    let new_min = min.saturating_sub(down).max(3);
    (new_min, max.saturating_sub(down).max(new_min + 2))
}

/// Takes the working load from the newest logged session of the exercise: loads in later prescriptions
/// come from what was really lifted (METHOD P1).
fn adopt_logged_load(state: &mut State, ex: &Exercise, log: &LogView, date: Date) {
    let seen_to = date.min(log.today.saturating_add(1.days()));
    let Some(last) = log.history.exposures_before(&ex.id, seen_to).last() else { return };
    if state.load_date.is_some_and(|d| d >= last.date) {
        return;
    }
    state.load_date = Some(last.date);
    if let Some(e) = last.e1rm() {
        state.e1rm = Some(e);
    }
    if let (Some(top), Some(range)) = (last.top_load(), state.range) {
        // The key is filled in by `build` for the current context; a logged load replaces the estimate.
        state.logged_load = Some((range, top));
    }
}

/// One progression step, the first that applies: a rep, a set (if the session has room), a load step
/// back at the bottom of the range (METHOD P1, P2). Returns false when none applies.
fn step(ex: &Exercise, d: &Dose, state: &mut State, cap: u32, room: u32, item: &MainItem, units: Units) -> bool {
    let one_set = super::timing::item_seconds(&MainItem { sets: 1, ..item.clone() }, ex);
    match item.reps {
        Some(r) if r.target < r.max => {
            state.reps_bonus += 1;
            true
        }
        None if item.seconds.unwrap_or(0) < dose::seconds_cap(ex) => {
            state.seconds_bonus += 5;
            true
        }
        _ if item.sets < cap && one_set <= room => {
            state.sets_bonus += 1;
            true
        }
        Some(r) => match (ex.load, state.load) {
            (Some(implement), Some((key, kg))) => {
                if let Some(pct) = load::rts_percent(r.max, d.rpe) {
                    state.e1rm = state.e1rm.map(|e| e.max(kg / pct));
                }
                state.load = Some((key, kg + load::step_kg(implement, units)));
                state.reps_bonus = 0;
                true
            }
            _ => false,
        },
        None => false,
    }
}

/// The load for reps at an RPE from an estimated max, rounded down to what the implement allows.
fn working_load(ex: &Exercise, e1rm: f64, reps: u32, rpe: f64, units: Units) -> Option<f64> {
    let implement = ex.load?;
    let pct = load::rts_percent(reps, rpe)?;
    Some(load::round_down(e1rm * pct, implement, units))
}
