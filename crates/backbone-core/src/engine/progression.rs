//! METHOD P per exercise: double progression (a rep, then a set, then a load step back at the bottom of
//! the range, then a harder variation), one step at most every two weeks (P1, P2), with loads calibrated
//! to what the person really lifts (P5), new exercises learned at RPE 7 (P6), regressions when the dose is
//! far out of reach (P7), and plateaus recalibrated (R1).
//!
//! Without a log this is a forecast in which every step succeeds. With a log, each exposure is judged
//! against the prescription that was served for its day (`estimate::judge`), once, in date order, and
//! only hard weeks count: a deload is never evidence (B2).

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::catalog::Exercise;
use crate::load;
use crate::plan::{LoadPer, MainItem, Why};
use crate::profile::Profile;
use crate::vocab::{Category, Units};

use super::LogView;
use super::calibrate::calibrate;
use super::compose::Pick;
use super::dose::{self, Dose, DoseContext};
use super::estimate::{
    self, Asked, ESTIMATE_EXPOSURES, Judged, Loading, MAX_RISE, Prior, Reading, bound_to_prior, working_load,
};
pub use super::outcome::{Claim, Outcome};
use super::plateau::{self, PlateauSign};
use super::state::State;
use super::{reps, sort_why, why_of};

/// Days between two progression steps of one exercise (METHOD P1).
pub const STEP_DAYS: i64 = 14;
/// METHOD P6: the first two exposures of an exercise are at RPE 7 or less.
const NEW_EXPOSURES: u32 = 2;
const NEW_RPE: f64 = 7.0;
/// METHOD B5: at most this many upper-back sets are added by steps in one week, so that steps falling due
/// together (after a deload, say) grow the week's volume gradually, not in a jump.
const SET_STEPS_A_WEEK: u32 = 2;
/// METHOD R1: each recalibration stage gets about three hard weeks before the next.
const STAGE_DAYS: i64 = 21;
/// How far back a change is still worth telling (the plan shows the last four weeks' changes).
const NOTICE_DAYS: i64 = 28;
/// R1 looks back this far for a plateau: six weeks, so that a lift trained once a week, which meets a
/// step (and can miss it) once a fortnight, can show the two misses a plateau needs.
const PLATEAU_DAYS: i64 = 42;

/// The progression of every exercise in the plan.
pub struct Progress {
    /// Exercises replaced by a same-intent variation after repeated plateaus (METHOD R1).
    pub variations: HashMap<&'static str, &'static str>,
    states: HashMap<&'static str, State>,
    /// Exercises replaced by their harder (or loaded) variation (METHOD P4, P7).
    pub swaps: HashMap<&'static str, &'static str>,
    /// Exercises replaced by an easier variation after reps far under the range (METHOD P7).
    pub regressions: HashMap<&'static str, &'static str>,
    /// Starting estimates carried over to a variation (a weighted pull-up from bodyweight pull-ups).
    seeds: HashMap<&'static str, f64>,
    gentle: bool,
    units: Units,
    profile_start: Option<StartProfile>,
    body_kg: Option<f64>,
    /// The first day of every deload week so far: a deload is never evidence (METHOD B2).
    pub deloads: Vec<Date>,
    /// METHOD R1 adds at most one set a week across all exercises, so volume never jumps (B5).
    r1_added: Option<Date>,
    /// METHOD B5: set steps taken in a week (its Monday and how many), at most `SET_STEPS_A_WEEK`.
    set_steps: (Option<Date>, u32),
    /// METHOD B5: the last hard week's planned upper-back hard sets reached the top of the person's
    /// range, so volume stops growing: steps add reps or load, never a set.
    pub volume_full: bool,
    /// What the person owns and which joints are sensitive, for R1's choice of a variation.
    owned: Vec<crate::vocab::Equipment>,
    sensitive: Vec<crate::vocab::Joint>,
}

/// What the starting estimates need from the profile (METHOD P5: all three, or no starting load).
#[derive(Debug, Clone, Copy)]
struct StartProfile {
    body_kg: f64,
    sex: crate::vocab::Sex,
    age: u32,
    experience: crate::vocab::Experience,
}

impl Progress {
    pub fn new(profile: &Profile) -> Self {
        let profile_start = match (profile.body_weight_kg, profile.sex, profile.age) {
            (Some(body_kg), Some(sex), Some(age)) => {
                Some(StartProfile { body_kg, sex, age, experience: profile.experience })
            }
            _ => None,
        };
        Progress {
            states: HashMap::default(),
            swaps: HashMap::default(),
            variations: HashMap::default(),
            regressions: HashMap::default(),
            seeds: HashMap::default(),
            gentle: profile.is_beginner() || !profile.is_lifter(),
            units: profile.units,
            profile_start,
            body_kg: profile.body_weight_kg,
            deloads: Vec::new(),
            r1_added: None,
            set_steps: (None, 0),
            volume_full: false,
            owned: profile.equipment.clone(),
            sensitive: profile.sensitive_joints.clone(),
        }
    }

    fn loading(&self, ex: &Exercise) -> Loading {
        // A bodyweight lift with a loaded variation (a pull-up) moves the body too.
        let bodyweight_lift = ex.load.is_none() && ex.loaded.is_some();
        let body = ex.adds_to_body || bodyweight_lift;
        Loading { body_kg: if body { self.body_kg } else { None }, bodyweight_lift }
    }

    /// The prescription of one exercise on one date; `room` is how many seconds the session can still
    /// grow by, so that an added set never breaks the time budget (METHOD S5). With a log, the exposures
    /// since the last prescription are judged first, against what was served for them.
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
        // Up to today the planner has read the log for this day already (P7 may change a session's
        // exercises, so it reads first); after today, or without a log, the state is made here.
        let read = log.is_some_and(|l| date <= l.today.saturating_add(1.days()));
        if !read || !self.states.contains_key(ex.id.as_str()) {
            self.prepare(pick, date, ctx, log, out);
        }
        let mut d = dose::dose(ex, pick.role, ctx);
        let mut why = pick.why.clone();
        why.push("B3");
        if d.efficiency {
            why.push("B4");
        }
        let state = self.states.get_mut(ex.id.as_str()).expect("state inserted above");
        if state.seen + state.forecast < NEW_EXPOSURES && d.rpe > NEW_RPE {
            d.rpe = NEW_RPE;
            why.push("P6");
        }
        // P2, one change at a time: a load calibration raised for this session is its change; the step
        // waits for the next one (stacked, the two would pass P5's 10%).
        let raised = std::mem::take(&mut state.just_raised);
        let due = date >= state.anchor.saturating_add(STEP_DAYS.days()) && !d.efficiency && !raised;
        let units = self.units;
        let loading = self.loading(ex);
        let state = self.states.get_mut(ex.id.as_str()).expect("state inserted above");
        let mut item = build(ex, &d, state, self.gentle, units, loading);
        if due {
            self.step_if_due(ex, &d, date, room, log, &item, &mut why, out);
            let state = self.states.get_mut(ex.id.as_str()).expect("state inserted above");
            item = build(ex, &d, state, self.gentle, units, loading);
        }
        if let Some(log) = log {
            gentle_return(&mut item, ex, date, log, &mut why, out);
        }
        let state = self.states.get_mut(ex.id.as_str()).expect("state inserted above");
        // Today's session is a forecast until it is logged; then the log counts it.
        let ahead = |l: &LogView| {
            date > l.today
                || (date == l.today && l.history.exposures(&ex.id, date, date.saturating_add(1.days())).is_empty())
        };
        if log.is_none_or(ahead) {
            state.forecast += 1;
        }
        // The next hard prescription is bounded from this one (P5); a served one replaces it (`record`).
        if let Some(prior) = Prior::of(ex, &item, loading) {
            state.prior = Some(prior);
        }
        let why_extra = [
            (state.steps > 0, "P1"),
            (state.recalibrations > 0, "R1"),
            (item.load_kg.is_some(), "X2"),
            (state.calibrated && item.load_kg.is_some(), "P5"),
            (state.regressed, "P7"),
        ];
        why.extend(why_extra.iter().filter(|(on, _)| *on).map(|(_, id)| *id));
        item.why = why_of(&why);
        item
    }

    /// Reads the log up to `date` for one exercise (its state created if new): what a session's choice of
    /// exercises may depend on (P7 regressions and loaded variations), before anything is prescribed.
    pub fn prepare(&mut self, pick: &Pick, date: Date, ctx: &DoseContext, log: Option<&LogView>, out: &mut Outcome) {
        let ex = pick.exercise;
        let d = dose::dose(ex, pick.role, ctx);
        if !self.states.contains_key(ex.id.as_str()) {
            let start = self.start_e1rm(ex);
            self.states.insert(ex.id.as_str(), State::new(date, d.range, start));
        }
        let state = self.states.get_mut(ex.id.as_str()).expect("state inserted above");
        if !d.efficiency && state.range != d.range {
            // A new rep range (a new block's emphasis) re-derives the load from the estimate (P5). The
            // e1RM compares across ranges, so R1's window stays open; the range change itself asks for
            // nothing more, so it adds no miss.
            state.range = d.range;
            state.reps_bonus = 0;
            state.load = None;
        }
        if let Some(log) = log {
            self.consume(ex, date, log, out);
        }
    }

    /// The variation METHOD P7 put in place of an exercise (an easier one, or a loaded one), if any.
    pub fn replacement(&self, ex: &Exercise) -> Option<&'static Exercise> {
        let catalog = crate::catalog::Catalog::builtin();
        let easier = self.regressions.get(ex.id.as_str());
        let loaded = self.swaps.get(ex.id.as_str()).filter(|to| ex.loaded.as_deref() == Some(**to));
        easier.or(loaded).and_then(|id| catalog.get(id))
    }

    /// Keeps what a day's prescription was, so that its log is judged against it; `served` replaces the
    /// engine's own when the person was shown something (METHOD P1: judged against what was served).
    pub fn record(&mut self, date: Date, item: &MainItem) {
        let Some(ex) = crate::catalog::Catalog::builtin().get(&item.exercise) else { return };
        let state = self.states.entry(ex.id.as_str()).or_insert_with(|| State::new(date, None, None));
        if state.prescribed.last().is_some_and(|(d, _)| *d == date) {
            state.prescribed.pop();
        }
        state.prescribed.push((date, Asked::of(item)));
        let loading = self.loading(ex);
        let state = self.states.get_mut(ex.id.as_str()).expect("state inserted above");
        if let Some(prior) = Prior::of(ex, item, loading) {
            state.prior = Some(prior);
        }
        // What was served is the working load from now on, for the same context.
        if let (Some(r), Some(kg)) = (item.reps, item.load_kg) {
            state.load = Some(((r.min, r.max, (item.rpe * 2.0) as u32), kg));
        }
        // Only the recent prescriptions can still be judged.
        if state.prescribed.len() > 24 {
            state.prescribed.drain(..12);
        }
    }

    /// Judges the hard exposures logged since the last prescription (METHOD P5, P7, R1 evidence).
    fn consume(&mut self, ex: &'static Exercise, date: Date, log: &LogView, out: &mut Outcome) {
        let to = date.min(log.today.saturating_add(1.days()));
        let loading = self.loading(ex);
        let units = self.units;
        // Deload weeks are in date order: the only one a day can fall in is the last to start by then.
        let deloads = &self.deloads;
        let in_deload = |d: Date| {
            let i = deloads.partition_point(|s| *s <= d);
            i > 0 && d < deloads[i - 1].saturating_add(7.days())
        };
        let state = self.states.get_mut(ex.id.as_str()).expect("state exists before consume");
        if state.read_to == Some(to) {
            return;
        }
        state.read_to = Some(to);
        let from = state.judged_to.map_or(Date::MIN, |d| d.saturating_add(1.days()));
        for e in log.history.exposures(&ex.id, from, to) {
            state.judged_to = Some(e.date);
            if in_deload(e.date) || log.served_deload(e.date) {
                continue;
            }
            state.seen += 1;
            if e.pain_flag() {
                // Pain is R3's and P3's business; a painful set says nothing about strength.
                continue;
            }
            let asked = state.prescribed_for(e.date);
            let j = estimate::judge(e, asked, loading);
            state.recent.push(Reading { e1rm: j.e1rm, floor: j.e1rm_floor });
            if state.recent.len() > ESTIMATE_EXPOSURES {
                state.recent.remove(0);
            }
            state.e1rm = estimate::estimate(&state.recent, state.e1rm);
            // Only recent changes are ever shown (K10); writing years of old ones would cost `next` its
            // speed for nothing.
            out.quiet = e.date < log.today.saturating_sub(NOTICE_DAYS.days());
            calibrate(state, ex, &j, asked, units, loading, out);
            out.quiet = false;
            regression_signals(state, ex, &j, out);
            off_script(state, ex, e, asked, units, out);
            // R1 reads effort climbing only "at the same dose": after a calibration moved the load, a
            // higher RPE is the new load's, not a plateau's (where one step is a third of the load, it
            // always would be).
            // And a miss is evidence only after a session that met its targets: the step that followed
            // asked for more. Misses while a load is still being calibrated (a starting estimate that was
            // too high) say nothing of a plateau.
            // A miss again at no more load than the last one missed also counts: the ask did not grow.
            let mut j = j;
            let prev = state.judged.last();
            let same_load = prev.is_none_or(|p| p.top_load == j.top_load);
            let after_success = prev.is_some_and(|p| p.met);
            let again = prev.is_some_and(|p| p.missed && p.top_load >= j.top_load);
            j.counted = j.missed && (j.short || j.strained || same_load) && (after_success || again);
            let window_start = state.plateau_since.max(e.date.saturating_sub(PLATEAU_DAYS.days()));
            state.judged.retain(|old| old.date >= window_start);
            state.judged.push(j);
        }
        if let Some(floor) = state.reps_floor
            && state.judged.last().is_some_and(|j| state.range.is_some_and(|(min, _)| j.best_reps >= min.max(floor)))
        {
            // The reps are back in the range: the floor has done its job.
            state.reps_floor = None;
        }
    }

    /// METHOD P1-P4 and R1 when a step is due: a step after a real success, a hold with reason, or a
    /// recalibration after a plateau.
    #[allow(clippy::too_many_arguments)]
    fn step_if_due(
        &mut self,
        ex: &'static Exercise,
        d: &Dose,
        date: Date,
        room: u32,
        log: Option<&LogView>,
        item: &MainItem,
        why: &mut Vec<&'static str>,
        out: &mut Outcome,
    ) {
        let past = log.is_some_and(|l| date <= l.today);
        let state = self.states.get(ex.id.as_str()).expect("state exists");
        let verdict = match log {
            Some(log) => verdict(state, log, ex, date),
            None => Verdict::Success,
        };
        match verdict {
            Verdict::Success => {
                let cap = dose::set_cap(self.gentle);
                let units = self.units;
                let loading = self.loading(ex);
                // B5 over S5: a set is added only while the week's upper-back volume has room, and only a
                // couple of sets a week.
                let week = monday(date);
                let this_week = if self.set_steps.0 == Some(week) { self.set_steps.1 } else { 0 };
                let upper = ex.is_upper_back();
                let full = upper && (self.volume_full || this_week >= SET_STEPS_A_WEEK);
                let room = if full { 0 } else { room };
                let state = self.states.get_mut(ex.id.as_str()).expect("state exists");
                let sets_before = state.sets_bonus;
                if step(ex, d, state, cap, room, item, units, loading) {
                    if upper && state.sets_bonus > sets_before {
                        self.set_steps = (Some(week), this_week + 1);
                    }
                    let state = self.states.get_mut(ex.id.as_str()).expect("state exists");
                    state.anchor = date;
                    state.steps += 1;
                    if past {
                        state.step_dates.push(date);
                    }
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
                if log.is_none_or(|l| date >= l.today.saturating_sub(NOTICE_DAYS.days())) {
                    out.change(
                        date,
                        "P3",
                        format!("{}: no progression step yet, {reason}; the sets and reps hold.", ex.name),
                    );
                }
            }
            Verdict::Plateau(reason) => {
                why.push("R1");
                out.plateaus += 1;
                out.setbacks += 1;
                let what = self.recalibrate(ex, date, item);
                out.change(date, "R1", format!("{}: {} (plateau); {what}.", ex.name, reason.words()));
            }
            Verdict::NoData | Verdict::Missed => {}
        }
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
            None => State::new(Date::MIN, d.range, self.start_e1rm(ex)),
        };
        if !d.efficiency && state.range != d.range {
            state.range = d.range;
            state.reps_bonus = 0;
        }
        build(ex, &d, &mut state, self.gentle, self.units, self.loading(ex))
    }

    /// METHOD R1: first volume (one set fewer when effort is climbing, else one more, at most one added
    /// set a week across the plan), then intensity, then selection. Returns what was done, in words.
    fn recalibrate(&mut self, ex: &'static Exercise, date: Date, item: &MainItem) -> String {
        let cap = dose::set_cap(self.gentle);
        let week = monday(date);
        let may_add = self.r1_added != Some(week) && item.sets < cap && !self.volume_full;
        let Some(state) = self.states.get_mut(ex.id.as_str()) else { return "holding".into() };
        let drifting = plateau::rpe_drifting_up(&state.judged);
        let stage = state.recalibrations;
        state.recalibrations += 1;
        state.anchor = date;
        state.reopen(date);
        match stage {
            0 if drifting && item.sets > 1 => {
                if state.sets_bonus > 0 {
                    state.sets_bonus -= 1;
                } else {
                    state.sets_cut += 1;
                }
                "volume first: the effort logged has been rising, so one set fewer to recover".into()
            }
            0 if may_add => {
                state.sets_bonus += 1;
                self.r1_added = Some(week);
                "volume first: one more set".into()
            }
            // Without a load to raise, intensity is a harder variation (P4), when there is one.
            0 | 1 if ex.load.is_none() => {
                state.recalibrations = 2;
                match ex.harder.as_deref().and_then(|id| crate::catalog::Catalog::builtin().get(id)) {
                    Some(harder) if self.variation_fits(harder) => {
                        self.swaps.insert(ex.id.as_str(), harder.id.as_str());
                        format!("intensity next: from the next session the harder {} takes its place", harder.name)
                    }
                    _ => {
                        let state = self.states.get_mut(ex.id.as_str()).expect("state exists");
                        state.reps_floor = None;
                        "intensity next: no harder variation fits, so the reps stay and the selection stage follows"
                            .into()
                    }
                }
            }
            0 | 1 => {
                state.recalibrations = 2;
                state.range_shift += 1;
                state.reps_bonus = 0;
                state.load = None;
                "intensity next: the rep range moves down two reps with a heavier load".into()
            }
            _ => match self.fresh_variation(ex, date) {
                Some(sub) => {
                    self.variations.insert(ex.id.as_str(), sub.id.as_str());
                    format!("selection last: from the next session {} takes its place, with the same intent", sub.name)
                }
                None => "holding: no variation with the same intent is free to take its place".into(),
            },
        }
    }

    /// METHOD R1's selection stage: a substitute that no swap involves yet and that is not trained on
    /// another day (so two days never trade their exercises back and forth).
    fn fresh_variation(&self, ex: &'static Exercise, date: Date) -> Option<&'static Exercise> {
        let catalog = crate::catalog::Catalog::builtin();
        let involved = |id: &str| self.variations.iter().any(|(k, v)| *k == id || *v == id);
        let recent = date.saturating_sub(28.days());
        let in_use = |id: &str| self.states.get(id).is_some_and(|s| s.judged_to.is_some_and(|d| d >= recent));
        ex.substitutes
            .iter()
            .filter_map(|id| catalog.get(id))
            .find(|sub| sub.id != ex.id && !involved(&sub.id) && !in_use(&sub.id) && self.variation_fits(sub))
    }

    /// Whether a variation is one this person can do at all (the kit, the sensitive joints).
    fn variation_fits(&self, sub: &Exercise) -> bool {
        sub.fits(&self.owned) && sub.loads_any(&self.sensitive).next().is_none()
    }

    /// METHOD P7: an easier variation was chosen for `from`.
    pub fn regress_to(&mut self, from: &'static Exercise, to: &'static Exercise) {
        self.regressions.insert(from.id.as_str(), to.id.as_str());
    }

    /// METHOD P7 without an easier variation: a range that starts at what was done.
    pub fn floor_reps(&mut self, ex: &Exercise, best: u32, date: Date) {
        if let Some(state) = self.states.get_mut(ex.id.as_str()) {
            state.reps_floor = Some(best.max(1));
            state.reps_bonus = 0;
            state.regressed = true;
            state.reopen(date);
        }
    }

    /// METHOD P7: a bodyweight exercise too easy for its range moves to its loaded variation, which
    /// starts from the estimate the bodyweight sets give when body weight is known.
    pub fn load_up(&mut self, from: &'static Exercise, to: &'static Exercise) {
        self.swaps.insert(from.id.as_str(), to.id.as_str());
        let (Some(body), Some(state)) = (self.body_kg, self.states.get(from.id.as_str())) else { return };
        let Some(j) = state.judged.last() else { return };
        if let Some(est) = j.top_rpe.and_then(|rpe| estimate::set_e1rm(body, j.best_reps, Some(rpe))) {
            self.seeds.insert(to.id.as_str(), est);
        }
    }

    /// METHOD B2: a deload keeps the movement and cuts sets to at most 60% at RPE 5-6; its load is never
    /// above the week before's.
    pub fn deload(&self, before: &MainItem, ex: Option<&Exercise>) -> MainItem {
        let posture = ex.is_some_and(|e| e.category == Category::Posture);
        let rpe = if posture { 5.0 } else { 6.0 };
        let state = ex.and_then(|e| self.states.get(e.id.as_str()));
        let derived = match (ex, state.and_then(|s| s.e1rm)) {
            (Some(ex), Some(e1rm)) => {
                working_load(ex, e1rm, before.reps.map_or(10, |r| r.target), rpe, self.units, self.loading(ex))
            }
            _ => None,
        };
        let load_kg = match (before.load_kg, derived) {
            (Some(b), Some(d)) => Some(b.min(d)),
            (b, _) => b,
        };
        let mut why: Why =
            before.why.iter().filter(|w| !matches!(w.as_ref(), "P1" | "P2" | "B4" | "P6")).cloned().collect();
        why.push(Cow::Borrowed("B2"));
        sort_why(&mut why);
        MainItem {
            sets: (before.sets * 6 / 10).max(1),
            rpe: rpe.min(before.rpe),
            load_kg,
            load_per: before.load_per,
            why,
            exercise: before.exercise.clone(),
            reps: before.reps,
            seconds: before.seconds,
            tempo: before.tempo.clone(),
            rest_seconds: before.rest_seconds,
        }
    }

    /// A load for an exercise at reps and RPE from what is known of it (a deload's pain substitute).
    pub fn load_for(&self, ex: &Exercise, reps: u32, rpe: f64) -> Option<f64> {
        let e1rm = self.states.get(ex.id.as_str()).and_then(|s| s.e1rm).or_else(|| self.start_e1rm(ex))?;
        working_load(ex, e1rm, reps, rpe, self.units, self.loading(ex))
    }

    /// The starting estimate of the max from published strength standards (METHOD P5, X2): only with
    /// body weight, sex and age; otherwise the first logged set calibrates.
    fn start_e1rm(&self, ex: &Exercise) -> Option<f64> {
        if let Some(seed) = self.seeds.get(ex.id.as_str()) {
            return Some(*seed);
        }
        let p = self.profile_start?;
        ex.load?;
        let est = crate::standards::start_e1rm(&ex.id, p.body_kg, p.sex, p.age, p.experience)?;
        Some(self.loading(ex).total(est.kg))
    }
}

/// Whether the log lets a progression step happen (METHOD P1, P3, R1).
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The last exposure met what was served, or the day is in the future.
    Success,
    /// Nothing logged since the last step: no evidence, no step.
    NoData,
    /// METHOD P3: pain, quality under 3 or RPE above 9 in the last two weeks.
    Hold(String),
    /// Targets missed, but not yet a plateau.
    Missed,
    /// METHOD R1, with the signal that called it.
    Plateau(PlateauSign),
}

fn verdict(state: &State, log: &LogView, ex: &Exercise, day: Date) -> Verdict {
    let seen_to = day.min(log.today.saturating_add(1.days()));
    let recent = log.history.exposures(&ex.id, day.saturating_sub(14.days()), seen_to);
    let pain = recent.iter().any(|e| e.pain_flag());
    if pain {
        return Verdict::Hold("pain was logged in the last two weeks".into());
    }
    // Posture drills (pull-aparts, wall angels, face pulls) are for quality and endurance, and progress by
    // reps and harder variations (P4); a plateau is a strength lift's call.
    // Core and grip drills (dead bugs, bird dogs, planks, squeezes) likewise: they progress by reps, time
    // and harder variations, and have no max to stall.
    let drill = matches!(ex.category, Category::Posture | Category::Core | Category::Grip);
    if day <= log.today && !drill {
        let since = state.judged.first().map_or(day, |j| j.date);
        let steps = state.step_dates.iter().filter(|d| **d >= since).count();
        if plateau::plateaued(&state.judged) {
            return Verdict::Plateau(PlateauSign::Missed);
        }
        // Steps met without a gain say "no progress" only where a max can be estimated: for band and
        // bodyweight work met steps are reps gained, whatever the logged RPE did.
        if ex.load.is_some() && plateau::stepped_without_gain(&state.judged, steps) {
            return Verdict::Plateau(PlateauSign::StepsWithoutGain);
        }
        // R1: each stage gets about three hard weeks; a plateau that lasts moves to the next, whether or
        // not the smaller dose was met. And a person doing something else than asked is judged by what
        // was done: no gain over three exposures and two weeks is a plateau.
        let stage_over = state.recalibrations > 0 && day >= state.plateau_since.saturating_add(STAGE_DAYS.days());
        let own_way = state.off_script >= 3;
        if (stage_over || own_way) && plateau::no_gain_in(&state.judged, if own_way { 14 } else { STAGE_DAYS - 7 }) {
            return Verdict::Plateau(if own_way { PlateauSign::OwnWay } else { PlateauSign::StageOver });
        }
    }
    if let Some(reason) = super::hold_reason(recent) {
        return Verdict::Hold(reason);
    }
    if day > log.today {
        return Verdict::Success;
    }
    match state.judged.iter().rev().find(|j| j.date >= state.anchor) {
        None => Verdict::NoData,
        Some(j) if j.met => Verdict::Success,
        Some(_) => Verdict::Missed,
    }
}

/// METHOD R1: an exposure done otherwise than asked (another load by more than a step, or two reps or
/// more over the target); after three in a row the person is told, once, and R1 judges what was done.
fn off_script(
    state: &mut State,
    ex: &Exercise,
    e: &crate::history::Exposure,
    asked: Option<Asked>,
    units: Units,
    out: &mut Outcome,
) {
    let Some(a) = asked else { return };
    let step = ex.load.map_or(0.0, |i| load::step_kg(i, units));
    let other_load = a.load_kg.zip(e.top_load()).is_some_and(|(asked, done)| (asked - done).abs() > step + 0.01);
    let n = e.sets.len().max(1) as u32;
    let mean_reps = e.total_reps() / n;
    let more_reps = a.reps.is_some_and(|r| mean_reps >= r.target + 2);
    state.off_script = if other_load || more_reps { state.off_script + 1 } else { 0 };
    if state.off_script == 3 {
        let done = match e.top_load() {
            Some(kg) => format!("{n} x {mean_reps} @ {}", LoadPer::say(ex, kg, units)),
            None => format!("{n} x {mean_reps}"),
        };
        let asked_text = match (a.reps, a.load_kg) {
            (Some(r), Some(kg)) => format!("{} x {} @ {}", a.sets, r.target, LoadPer::say(ex, kg, units)),
            (Some(r), None) => format!("{} x {}", a.sets, r.target),
            _ => format!("{} sets", a.sets),
        };
        out.change(
            e.date,
            "R1",
            format!(
                "{}: done as {done} where {asked_text} was asked, three times running. backbone now judges \
                 progress by what you do; say so if the prescription does not suit you.",
                ex.name
            ),
        );
    }
}

/// METHOD P7's signals: reps far under the range twice in a row, or bodyweight sets far too easy twice.
fn regression_signals(state: &mut State, ex: &'static Exercise, j: &Judged, out: &mut Outcome) {
    state.short_streak = if j.far_short { state.short_streak + 1 } else { 0 };
    if state.short_streak >= 2 {
        state.short_streak = 0;
        state.regressed = true;
        if ex.load.is_none() || j.top_load.is_none() {
            out.regress.push((ex, j.best_reps));
        } else {
            out.change(
                j.date,
                "P7",
                format!("{}: reps fell far under the range twice; the load comes down to what was done.", ex.name),
            );
        }
    }
    let bodyweight = ex.load.is_none() && ex.loaded.is_some();
    state.easy_streak = if bodyweight && j.easy { state.easy_streak + 1 } else { 0 };
    if state.easy_streak >= 2 {
        state.easy_streak = 0;
        out.load_up.push(ex);
    }
}

/// METHOD R3: the first exposure after a pain stop is gentle: at most 2 sets, RPE 7 or less, and no more
/// load than before the pain.
fn gentle_return(
    item: &mut MainItem,
    ex: &Exercise,
    date: Date,
    log: &LogView,
    why: &mut Vec<&'static str>,
    out: &mut Outcome,
) {
    let Some(event) = log.returning(&ex.id, date) else { return };
    let before = log.history.exposures_before(&ex.id, event.date.saturating_add(1.days()));
    let load_before = before.iter().rev().find_map(|e| e.top_load());
    item.sets = item.sets.min(2);
    item.rpe = item.rpe.min(7.0);
    if let (Some(kg), Some(limit)) = (item.load_kg, load_before) {
        item.load_kg = Some(kg.min(limit));
    }
    why.push("R3");
    let text = format!(
        "{} returns after the pain of {}: gently, at most 2 sets at RPE 7 and no more load than before.",
        ex.name, event.date
    );
    out.expiring.push((text.clone(), date));
    out.change(date, "R3", text);
}

/// The item for the current state.
fn build(ex: &'static Exercise, d: &Dose, state: &mut State, gentle: bool, units: Units, loading: Loading) -> MainItem {
    let cap = dose::set_cap(gentle);
    let sets = (d.sets + state.sets_bonus).saturating_sub(state.sets_cut).clamp(1, cap);
    let range = d.range.map(|(min, max)| match state.reps_floor {
        Some(floor) if floor < min => (floor, (floor + 4).min(max)),
        _ => shifted(min, max, state.range_shift),
    });
    let (mut reps_value, seconds) = match range {
        Some((min, max)) => {
            let target = if d.efficiency { min } else { min + state.reps_bonus };
            (Some(reps(min, max, target)), None)
        }
        None => (None, Some((d.seconds + state.seconds_bonus).min(dose::seconds_cap(ex)))),
    };
    let load_kg = match reps_value.as_mut() {
        Some(r) => {
            let key = (r.min, r.max, (d.rpe * 2.0) as u32);
            match state.load {
                Some((k, kg)) if k == key && !d.efficiency => Some(kg),
                _ => {
                    let derived = state.e1rm.and_then(|e| working_load(ex, e, r.target, d.rpe, units, loading));
                    // A re-derived load (a new block's range, the week after a deload or a technique
                    // block) moves the implied max at most about 10% from the last hard prescription (P5).
                    let kg = derived.map(|kg| bound_to_prior(ex, kg, r.target, d.rpe, state.prior, units, loading));
                    // Three weeks after a failure lowered it, no re-derived load goes back to the one that
                    // failed (P5), whatever the new rep range or RPE.
                    let recent_failure = state
                        .lowered_on
                        .filter(|(on, _)| state.judged_to.is_some_and(|last| last <= on.saturating_add(21.days())));
                    let kg = match (kg, recent_failure, ex.load) {
                        (Some(kg), Some((_, failed)), Some(implement)) if kg >= failed => {
                            Some(load::round_down(failed - load::step_kg(implement, units), implement, units).min(kg))
                        }
                        (kg, _, _) => kg,
                    };
                    if !d.efficiency {
                        state.load = kg.map(|kg| (key, kg));
                    }
                    kg
                }
            }
        }
        // Timed loaded work (carries): what was carried, else a share of the estimate.
        None => state.timed_load.or_else(|| {
            state.e1rm.and_then(|e| ex.load.map(|imp| load::round_down(loading.added(e) * 0.5, imp, units)))
        }),
    };
    // A load added to the body cannot go under one step: where even that is more than P5's bound allows at
    // these reps, fewer reps in the range bring it within.
    if let (Some(kg), Some(p), Some(r)) = (load_kg, state.prior.filter(|_| ex.adds_to_body), reps_value.as_mut()) {
        let within = |reps: u32| {
            load::rts_percent(reps, d.rpe).is_some_and(|pct| loading.total(kg) / pct <= p.implied * MAX_RISE)
        };
        if !within(r.target) {
            r.target = (r.min..r.target).rev().find(|t| within(*t)).unwrap_or(r.min);
        }
    }
    MainItem {
        exercise: Cow::Borrowed(ex.id.as_str()),
        sets,
        reps: reps_value,
        seconds,
        rpe: d.rpe,
        load_per: crate::plan::LoadPer::of(ex),
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

/// One progression step, the first that applies: a rep, a set (if the session has room), a load step
/// back at the bottom of the range (METHOD P1, P2). A tight budget never blocks a rep or a load step,
/// which add seconds, not minutes (S5). Returns false when none applies.
#[allow(clippy::too_many_arguments)]
fn step(
    ex: &Exercise,
    d: &Dose,
    state: &mut State,
    cap: u32,
    room: u32,
    item: &MainItem,
    units: Units,
    loading: Loading,
) -> bool {
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
        Some(r) => match (ex.load, item.load_kg) {
            (Some(implement), Some(kg)) => {
                let step = load::step_kg(implement, units);
                let bottom = d.range.map_or(r.min, |(min, _)| min.max(r.min));
                let derived = state.e1rm.and_then(|e| working_load(ex, e, bottom, d.rpe, units, loading));
                let next = derived.map_or(kg + step, |dkg| dkg.min(kg * MAX_RISE)).max(kg + step);
                let next = load::round_down(next, implement, units);
                // A step on top of a re-derived load never stacks past P5's bound: where it would (one
                // step of a light cable is a third of the load), the load holds and the step is no step.
                let next = bound_to_prior(ex, next, bottom, d.rpe, state.prior, units, loading);
                if next <= kg {
                    return false;
                }
                state.load = Some(((r.min, r.max, (d.rpe * 2.0) as u32), next));
                state.last_load = None;
                state.reps_bonus = 0;
                true
            }
            _ => false,
        },
        None => false,
    }
}

/// The Monday of a date's week.
fn monday(date: Date) -> Date {
    date.saturating_sub(i64::from(date.weekday().to_monday_zero_offset()).days())
}
