//! The estimate (METHOD P5): one logged exposure read against the prescription that was served for it
//! (P1, P3, P7, R1), the max it shows, and the bounds on how far a load may move.
//!
//! The engine never judges a log against a prescription re-derived later: `Judged` is built from the
//! exposure and the item the person was given for that day, and everything that follows (a step, a
//! calibrated load, a regression, a plateau) reads these verdicts.

use jiff::civil::Date;

use crate::catalog::Exercise;
use crate::history::Exposure;
use crate::load;
use crate::plan::MainItem;
use crate::vocab::Units;

/// The most reps a set may have for the engine to estimate a max from it. The report keeps to 10
/// (`load::e1rm`); calibration may read the 11-20 rep sets this method prescribes, because it maps the
/// estimate back through the same chart to similar reps, so the chart's error mostly cancels.
const CALIBRATION_MAX_REPS: u32 = 20;

/// METHOD P5: a set at this RPE or lower says only "at least that many reps in reserve".
pub const LOWER_BOUND_RPE: f64 = 6.0;
/// METHOD P5: a logged effort within this many RPE points of the target is on target.
pub const DEAD_BAND: f64 = 1.0;

/// How an exposure went, against what was served for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Judged {
    pub date: Date,
    /// Estimated max from every informative work set (RPE over 6, or none logged), their mean, kg moved
    /// (see `Loading`): never one set alone (METHOD P5).
    pub e1rm: Option<f64>,
    /// The highest estimate from sets at RPE 6 or lower: "at least that many reps in reserve", so only a
    /// floor under the estimate, never a reading of it (METHOD P5).
    pub e1rm_floor: Option<f64>,
    /// The mean RPE of the work sets: the effort the load is calibrated by (a rising last set is
    /// fatigue, not a wrong load).
    pub mean_rpe: Option<f64>,
    pub top_load: Option<f64>,
    pub total_reps: u32,
    pub has_rpe: bool,
    /// The highest RPE of the sets: the effort the prescription is judged by.
    pub top_rpe: Option<f64>,
    /// The most reps of any set.
    pub best_reps: u32,
    /// The reps the hardest set was worth: reps done plus reps left in reserve (10 - RPE), the measure
    /// of R1 at one load or none; for timed work, the seconds held in units of the 5 s a step adds.
    pub rep_max: Option<f64>,
    /// The prescription was a learning dose (P6): it says nothing of a plateau.
    pub learning: bool,
    /// P1: every served set done at its target, effort at or under what was asked, quality 4 or 5.
    pub met: bool,
    /// R1: the prescription asked for something that was not achieved (reps or sets short, or effort a
    /// full RPE point or more over the target).
    pub missed: bool,
    /// A miss that counts for R1: the ask that was missed was more than the body had shown it could do
    /// (set by the engine from the exposures before, see `progression::consume`).
    pub counted: bool,
    /// P3: a set above RPE 9 or quality under 3.
    pub strained: bool,
    /// Fewer sets, reps or seconds than asked.
    pub short: bool,
    /// P7: the best set fell 3 or more reps under the bottom of the range.
    pub far_short: bool,
    /// P5/P7: every rep done at two or more RPE points under the target: the dose is too easy.
    pub easy: bool,
    /// P5: the logged effort is a point or more away from the target, or reps were missed: recalibrate.
    pub off_target: bool,
}

/// Converts between the load a person puts on an implement and the load the muscles move: for a weighted
/// pull-up the body is part of it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Loading {
    pub body_kg: Option<f64>,
    /// The body is the whole load (a bodyweight pull-up): with body weight known, its sets have an e1RM
    /// too, which shows a gain long before a whole rep does.
    pub bodyweight_lift: bool,
}

impl Loading {
    pub fn total(self, load: f64) -> f64 {
        self.body_kg.map_or(load, |b| load + b)
    }
    pub fn added(self, total: f64) -> f64 {
        self.body_kg.map_or(total, |b| total - b)
    }
}

/// The estimated max of one set (in total kg moved), for calibration.
pub fn set_e1rm(load_kg: f64, reps: u32, rpe: Option<f64>) -> Option<f64> {
    if !(load_kg.is_finite() && load_kg > 0.0 && (1..=CALIBRATION_MAX_REPS).contains(&reps)) {
        return None;
    }
    // Without an RPE the set is taken as done to failure, as the report does (Epley via the chart).
    let pct = load::rts_percent(reps, rpe.unwrap_or(10.0))?;
    Some(load_kg / pct)
}

/// What a prescription asked for, as much as judging its log needs: small and `Copy`, because the engine
/// keeps one per exercise per past day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Asked {
    pub sets: u32,
    pub reps: Option<crate::plan::Reps>,
    pub seconds: Option<u32>,
    pub rpe: f64,
    pub load_kg: Option<f64>,
    /// A learning dose (P6).
    pub learning: bool,
}

impl Asked {
    pub fn of(item: &MainItem) -> Asked {
        Asked {
            sets: item.sets,
            reps: item.reps,
            seconds: item.seconds,
            rpe: item.rpe,
            load_kg: item.load_kg,
            learning: item.why.iter().any(|w| w == "P6"),
        }
    }
}

/// Running sums over an exposure's sets, gathered in one pass without allocating.
#[derive(Default)]
struct Sums {
    sets: u32,
    top_rpe: Option<f64>,
    rpe_sum: f64,
    rpe_n: u32,
    e1rm_sum: f64,
    e1rm_n: u32,
    e1rm_floor: Option<f64>,
    worth: Option<f64>,
    seconds_sum: f64,
    seconds_n: u32,
    best_reps: u32,
    short: bool,
}

/// Reads an exposure against what was asked for it (or, when nothing was prescribed for that day,
/// against nothing: then it only informs the estimate).
pub fn judge(e: &Exposure, asked: Option<Asked>, loading: Loading) -> Judged {
    let mut t = Sums::default();
    for s in e.sets.iter() {
        t.sets += 1;
        let lowest = |old: Option<f64>, new: f64| Some(old.map_or(new, |o: f64| o.min(new)));
        if let Some(r) = s.rpe {
            t.top_rpe = Some(t.top_rpe.map_or(r, |o: f64| o.max(r)));
            t.rpe_sum += r;
            t.rpe_n += 1;
        }
        let load = s.load_kg.or((loading.bodyweight_lift && loading.body_kg.is_some()).then_some(0.0));
        let easy = s.rpe.filter(|r| *r <= LOWER_BOUND_RPE);
        if let Some(rpe) = easy {
            // Read carefully: as if the set were a point harder than logged (people misjudge easy sets by
            // about a point), which gives a lower floor.
            let floor = load.zip(s.reps).and_then(|(l, r)| set_e1rm(loading.total(l), r, Some(rpe + 1.0)));
            if let Some(f) = floor {
                t.e1rm_floor = Some(t.e1rm_floor.map_or(f, |o: f64| o.max(f)));
            }
        } else if let Some(est) = load.zip(s.reps).and_then(|(l, r)| set_e1rm(loading.total(l), r, s.rpe)) {
            {
                t.e1rm_sum += est;
                t.e1rm_n += 1;
            }
        }
        if let (Some(r), Some(rpe)) = (s.reps, s.rpe) {
            t.worth = lowest(t.worth, f64::from(r) + (10.0 - rpe));
        }
        if let Some(sec) = s.seconds {
            t.seconds_sum += f64::from(sec);
            t.seconds_n += 1;
        }
        t.best_reps = t.best_reps.max(s.reps.unwrap_or(0));
        t.short |= asked.is_some_and(|a| match (a.reps, a.seconds) {
            (Some(r), _) => s.reps.is_none_or(|n| n < r.target),
            (None, Some(sec)) => s.seconds.is_none_or(|n| n < sec),
            _ => false,
        });
    }
    let top_rpe = t.top_rpe;
    // Timed work has no reps: the seconds held, in units of the 5 s a step adds, are its measure.
    let seconds = (t.seconds_n > 0).then(|| t.seconds_sum / f64::from(t.seconds_n) / 5.0);
    let rep_max = t.worth.or(seconds);
    let strained = e.max_rpe().is_some_and(|r| r > 9.0) || e.min_quality().is_some_and(|q| q < 3);
    let mean_rpe = (t.rpe_n > 0).then(|| t.rpe_sum / f64::from(t.rpe_n));
    let mut j = Judged {
        date: e.date,
        e1rm: (t.e1rm_n > 0).then(|| t.e1rm_sum / f64::from(t.e1rm_n)),
        e1rm_floor: t.e1rm_floor,
        mean_rpe,
        top_load: e.top_load(),
        total_reps: e.total_reps(),
        has_rpe: top_rpe.is_some(),
        top_rpe,
        best_reps: t.best_reps,
        rep_max,
        learning: false,
        met: false,
        missed: strained,
        counted: false,
        strained,
        short: false,
        far_short: false,
        easy: false,
        off_target: false,
    };
    let Some(a) = asked else { return j };
    j.learning = a.learning;
    let any_short = t.short || t.sets < a.sets;
    // R1's "RPE climbed at the same dose" reads the sets' mean, as P5's dead band does: a last set a
    // point over the target is fatigue within the session, not a dose that grew too hard.
    let over = mean_rpe.is_some_and(|m| m > a.rpe + DEAD_BAND);
    let at_most_asked = top_rpe.is_none_or(|r| r <= a.rpe.max(8.0) + 0.5);
    let quality = e.min_quality().is_none_or(|q| q >= 4);
    j.met = !any_short && at_most_asked && quality && !e.pain_flag() && !strained;
    j.missed = any_short || over || strained;
    j.short = any_short;
    // Without a load to lower, not even the bottom of the range at RPE 9.5 or more is as far out of
    // reach as three reps under it: P5 cannot fit reps under the range, so P7 is the way.
    let out_of_reach = e.top_load().is_none() && top_rpe.is_some_and(|r| r >= 9.5);
    let mean_reps = e.total_reps() / t.sets.max(1);
    j.far_short = a.reps.is_some_and(|r| t.best_reps + 3 <= r.min || (out_of_reach && mean_reps < r.min));
    j.easy = !any_short && top_rpe.is_some_and(|r| r <= a.rpe - 2.0);
    // METHOD P5's dead band: an effort within 1 of the target, on average over the sets, moves no load.
    let off = mean_rpe.is_some_and(|m| (m - a.rpe).abs() > DEAD_BAND);
    j.off_target = any_short || off || e.max_rpe().is_some_and(|r| r >= 10.0);
    j
}

/// METHOD P5: one change moves the max a load implies at most about 10%, up or down.
pub const MAX_RISE: f64 = 1.10;
pub const MAX_FALL: f64 = 0.90;
/// METHOD P5: an implement's step this large against the load (2 kg at 18 kg) holds the load and fits the
/// reps to it, rather than alternate between two loads.
pub const COARSE_STEP: f64 = 0.095;
/// METHOD P5: the estimate reads this many recent hard exposures.
pub const ESTIMATE_EXPOSURES: usize = 3;

/// One hard exposure's reading of the max: from its informative sets, and the floor its easy sets set.
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    pub e1rm: Option<f64>,
    pub floor: Option<f64>,
}

/// A hard prescription as P5's bound reads it: its load and the max it implies at its reps and RPE.
#[derive(Debug, Clone, Copy)]
pub struct Prior {
    pub implied: f64,
    /// The log showed the last load was too much (reps missed, RPE 10): it may come down further.
    pub may_fall: bool,
}

impl Prior {
    pub fn of(ex: &Exercise, item: &MainItem, loading: Loading) -> Option<Prior> {
        ex.load?;
        let (kg, reps) = (item.load_kg?, item.reps?);
        let pct = load::rts_percent(reps.target, item.rpe)?;
        Some(Prior { implied: loading.total(kg) / pct, may_fall: false })
    }
}

/// METHOD P5 at a coarse step when the load was clearly easy: the reps the sets were worth, read a point
/// harder than logged (an easy set is only a floor), less the reps the RPE asked to leave; at least one
/// more than asked, within the range.
pub fn easy_reps(j: &Judged, reps: crate::plan::Reps, rpe: f64) -> Option<u32> {
    let logged = j.mean_rpe?;
    let worth = f64::from(j.best_reps) + (10.0 - (logged + 1.0).min(10.0));
    let fits = (worth - (10.0 - rpe)).floor().max(0.0) as u32;
    let r = fits.clamp(reps.target + 1, reps.max.max(reps.target + 1)).min(reps.max);
    // More reps at one load imply a higher max: at most about 10% more than the target did, a rep at least.
    let now = load::rts_percent(reps.target, rpe)?;
    let within = |n: u32| load::rts_percent(n, rpe).is_some_and(|p| now / p <= MAX_RISE);
    Some((reps.target + 1..=r).rev().find(|n| within(*n)).unwrap_or(reps.target + 1).min(r))
}

/// The most reps in `min..=max` that `load` allows at `rpe` for an estimated max, if even `min` does.
pub fn reps_for(e1rm: f64, load: f64, rpe: f64, min: u32, max: u32) -> Option<u32> {
    let fraction = load / e1rm;
    (min..=max).rev().find(|r| load::rts_percent(*r, rpe).is_some_and(|p| p >= fraction))
}

/// METHOD P5's bound at every kind of step: the max a load implies at its reps and RPE moves at most
/// about 10% from the last hard prescription's (for a load added to the body, the body counts too), with
/// at least one step of the implement allowed up. A new rep range at the same implied max passes.
pub fn bound_to_prior(
    ex: &Exercise,
    kg: f64,
    reps: u32,
    rpe: f64,
    prior: Option<Prior>,
    units: Units,
    loading: Loading,
) -> f64 {
    let (Some(implement), Some(p), Some(pct)) = (ex.load, prior, load::rts_percent(reps, rpe)) else { return kg };
    let implied = loading.total(kg) / pct;
    if implied > p.implied * MAX_RISE {
        let bound = load::round_down(loading.added(p.implied * MAX_RISE * pct), implement, units);
        let same = load::round_down(loading.added(p.implied * pct), implement, units);
        return bound.max(same + load::step_kg(implement, units)).min(kg);
    }
    if implied < p.implied * MAX_FALL && !p.may_fall {
        return kg.max(load::round_down(loading.added(p.implied * MAX_FALL * pct), implement, units));
    }
    kg
}

/// The estimate from the last hard exposures (METHOD P5): the mean of their informative estimates,
/// weighted 1, 2, 3 toward the latest; sets at RPE 6 or lower only raise it to what they show at least,
/// and only from the latest exposure that read the max on.
pub fn estimate(recent: &[Reading], before: Option<f64>) -> Option<f64> {
    let (mut sum, mut weights) = (0.0, 0.0);
    for (i, r) in recent.iter().enumerate() {
        if let Some(e) = r.e1rm {
            let w = (i + 1) as f64;
            sum += e * w;
            weights += w;
        }
    }
    let read = (weights > 0.0).then(|| sum / weights).or(before);
    // A floor speaks only until a harder set reads the max: an easy week before a hard one says nothing
    // the hard one does not say better.
    let last_read = recent.iter().rposition(|r| r.e1rm.is_some()).unwrap_or(0);
    let floor = recent[last_read..]
        .iter()
        .filter_map(|r| r.floor)
        .fold(None, |m: Option<f64>, f| Some(m.map_or(f, |m| m.max(f))));
    match (read, floor) {
        (Some(r), Some(f)) => Some(r.max(f)),
        (r, f) => r.or(f),
    }
}

/// The load for reps at an RPE from an estimated max, rounded down to what the implement allows (P5).
pub fn working_load(ex: &Exercise, e1rm: f64, reps: u32, rpe: f64, units: Units, loading: Loading) -> Option<f64> {
    let implement = ex.load?;
    let pct = load::rts_percent(reps, rpe)?;
    Some(load::round_down(loading.added(e1rm * pct), implement, units))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::History;
    use crate::log::{SessionLog, SetLog};
    use crate::plan::Reps;
    use jiff::civil::date;
    use std::borrow::Cow;

    fn served(target: u32, rpe: f64, load: f64) -> MainItem {
        MainItem {
            exercise: Cow::Borrowed("barbell-row"),
            sets: 3,
            reps: Some(Reps { min: 8, max: 12, target }),
            seconds: None,
            rpe,
            load_kg: Some(load),
            load_per: None,
            tempo: None,
            rest_seconds: 90,
            why: vec![],
        }
    }

    fn logged(reps: &[u32], rpe: f64, load: f64) -> Vec<SessionLog> {
        let sets = reps
            .iter()
            .map(|&r| SetLog { reps: Some(r), load_kg: Some(load), rpe: Some(rpe), ..SetLog::new("barbell-row") })
            .collect();
        vec![SessionLog { id: "s".into(), date: date(2026, 12, 1), sets, ..Default::default() }]
    }

    fn judged(log: &[SessionLog], item: &MainItem) -> Judged {
        let h = History::new(log);
        let e = h.exposures_before("barbell-row", date(2027, 1, 1))[0].clone();
        judge(&e, Some(Asked::of(item)), Loading::default())
    }

    /// Doing exactly what was asked, at the RPE asked (even RPE 9 when 9 was asked), is a success.
    #[test]
    fn p1_the_prescribed_rpe_is_met_not_failed() {
        let log = logged(&[8, 8, 8], 9.0, 60.0);
        let j = judged(&log, &served(8, 9.0, 60.0));
        assert!(j.met && !j.missed && !j.off_target, "{j:?}");
    }

    /// P5's dead band: RPE 6 / 7.5 / 8.5 where 7 was asked averages on target: no load moves.
    #[test]
    fn p5_a_rising_last_set_within_the_dead_band_is_on_target() {
        let h_log = vec![SessionLog {
            id: "s".into(),
            date: date(2026, 12, 1),
            sets: [6.0, 7.5, 8.5]
                .iter()
                .map(|&rpe| SetLog {
                    reps: Some(8),
                    load_kg: Some(150.0),
                    rpe: Some(rpe),
                    ..SetLog::new("barbell-row")
                })
                .collect(),
            ..Default::default()
        }];
        let j = judged(&h_log, &served(8, 7.0, 150.0));
        assert!(j.met && !j.off_target, "{j:?}");
        // The estimate is the mean of the two informative sets; the RPE 6 set is only a floor, read as if
        // it were a point harder.
        let floor = set_e1rm(150.0, 8, Some(7.0)).unwrap();
        assert_eq!(j.e1rm_floor, Some(floor));
        let mean = (set_e1rm(150.0, 8, Some(7.5)).unwrap() + set_e1rm(150.0, 8, Some(8.5)).unwrap()) / 2.0;
        assert!((j.e1rm.unwrap() - mean).abs() < 1e-9, "{j:?}");
    }

    /// RPE 6 where 8 was asked is off target (P5 raises the load) and not a miss.
    #[test]
    fn p5_effort_well_under_the_target_is_off_target() {
        let log = logged(&[10, 10, 10], 6.0, 40.0);
        let j = judged(&log, &served(10, 8.0, 40.0));
        assert!(j.met && j.off_target && j.easy && !j.missed, "{j:?}");
    }

    /// Short reps are a miss; 3 or more under the bottom of the range is far short (P7).
    #[test]
    fn p7_reps_far_under_the_range_are_far_short() {
        let log = logged(&[4, 3, 2], 10.0, 40.0);
        let j = judged(&log, &served(8, 8.0, 40.0));
        assert!(j.missed && j.far_short && !j.met && j.off_target, "{j:?}");
    }
}
