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
use super::{reps, sort_why, why_of};

/// Days between two progression steps of one exercise (METHOD P1).
pub const STEP_DAYS: i64 = 14;

/// Where one exercise stands in its progression.
#[derive(Debug, Clone)]
pub struct State {
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
}

/// The progression of every exercise in the plan.
pub struct Progress {
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
            gentle: profile.is_beginner() || !profile.is_lifter(),
            units: profile.units,
            strength_base: profile.body_weight_kg.map(|bw| bw * experience * sex),
        }
    }

    /// The prescription of one exercise on one date; `room` is how many seconds the session can still
    /// grow by, so that an added set never breaks the time budget (METHOD S5).
    pub fn prescribe(&mut self, pick: &Pick, date: Date, ctx: &DoseContext, room: u32) -> MainItem {
        let ex = pick.exercise;
        let d = dose::dose(ex, pick.role, ctx);
        let e1rm = self.start_e1rm(ex);
        let state = self.states.entry(ex.id.as_str()).or_insert_with(|| State {
            range: d.range,
            reps_bonus: 0,
            sets_bonus: 0,
            seconds_bonus: 0,
            anchor: date,
            steps: 0,
            e1rm,
            load: None,
        });
        if !d.efficiency && state.range != d.range {
            state.range = d.range;
            state.reps_bonus = 0;
            state.load = None;
        }
        let mut why = pick.why.clone();
        why.push("B3");
        if d.efficiency {
            why.push("B4");
        }
        let due = date >= state.anchor.saturating_add(STEP_DAYS.days()) && !d.efficiency;
        let mut item = build(ex, &d, state, self.gentle, self.units);
        if due {
            let cap = dose::set_cap(self.gentle);
            if step(ex, &d, state, cap, room, &item, self.units) {
                state.anchor = date;
                state.steps += 1;
                why.extend(["P1", "P2"]);
            } else if item.sets >= cap
                && ex.load.is_none()
                && let Some(harder) = &ex.harder
            {
                // Capped on an easy variant: the next sessions move to the harder one (METHOD P4).
                self.swaps.insert(ex.id.as_str(), harder.as_str());
            }
            item = build(
                ex,
                &d,
                self.states.get_mut(ex.id.as_str()).expect("state inserted above"),
                self.gentle,
                self.units,
            );
        }
        if self.states.get(ex.id.as_str()).is_some_and(|s| s.steps > 0) {
            why.push("P1");
        }
        if item.load_kg.is_some() {
            why.push("X2");
        }
        item.why = why_of(&why);
        item
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
    let (reps_value, seconds) = match d.range {
        Some((min, max)) => {
            let target = if d.efficiency { min } else { min + state.reps_bonus };
            (Some(reps(min, max, target)), None)
        }
        None => (None, Some((d.seconds + state.seconds_bonus).min(dose::seconds_cap(ex)))),
    };
    let load_kg = match (state.e1rm, reps_value) {
        (Some(e1rm), Some(r)) => {
            let key = (r.min, r.max, (d.rpe * 2.0) as u32);
            if d.efficiency {
                working_load(ex, e1rm, r.target, d.rpe, units)
            } else {
                match state.load {
                    Some((k, kg)) if k == key => Some(kg),
                    _ => {
                        let kg = working_load(ex, e1rm, r.target, d.rpe, units);
                        state.load = kg.map(|kg| (key, kg));
                        kg
                    }
                }
            }
        }
        // Timed loaded work (carries): a share of the estimate, rounded to the implement.
        (Some(e1rm), None) => ex.load.map(|imp| load::round_down(e1rm * 0.5, imp, units)),
        _ => None,
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
