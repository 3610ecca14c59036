//! Strength over time (METHOD K5): the estimated one-rep max of every lift, day by day, and personal
//! records (more reps at a load than ever before, or a higher e1RM than ever before).
//!
//! Estimates come from `load::e1rm`: the RTS chart when the set has an RPE, else a rep formula (Epley),
//! only from sets of 1-10 reps with a load (METHOD-SOURCES 2). Each point keeps the formula it came from.
//!
//! A lift whose load is added to the body (`Exercise::adds_to_body`: a weighted pull-up logs the load on
//! the belt) moves the body too, so its estimate is of body weight plus the added load, as the engine's
//! (METHOD P5). The profile's body weight is the one used, on every date. Without it such a lift has no
//! estimate and no e1RM record (the added load alone would read as a max of a few kilograms);
//! `unweighed` names them so the report can say what would bring them back. Rep records still count:
//! more reps at the same added load is a record whatever the body weighs.

use jiff::civil::Date;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{Log, Window};
use crate::catalog::Catalog;
use crate::load::{self, Formula};
use crate::log::SetLog;

/// The best estimate of one day for one lift, with the set it came from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct E1rmPoint {
    pub date: Date,
    pub kg: f64,
    pub formula: Formula,
    /// The weight the set moved: the logged load, with the body weight for a lift that adds to the body.
    pub load_kg: f64,
    pub reps: u32,
    pub rpe: Option<f64>,
}

/// What a logged load lifts: the catalog (with the person's custom exercises) says which exercises add
/// their load to the body, the profile says what the body weighs.
#[derive(Debug, Clone, Copy)]
pub struct Lifted<'a> {
    pub catalog: &'a Catalog,
    /// The profile's body weight; `None` when there is no profile or it gives none.
    pub body_kg: Option<f64>,
}

impl Lifted<'_> {
    /// True for an exercise whose logged load is added to the body (a weighted pull-up).
    pub fn adds_to_body(&self, exercise: &str) -> bool {
        self.catalog.get(exercise).is_some_and(|e| e.adds_to_body)
    }

    /// The weight a set with `load_kg` logged moved; `None` for a lift that adds to the body when the
    /// body weight is not known.
    fn kg(&self, exercise: &str, load_kg: f64) -> Option<f64> {
        if !self.adds_to_body(exercise) {
            return Some(load_kg);
        }
        self.body_kg.filter(|b| b.is_finite() && *b > 0.0).map(|body| body + load_kg)
    }
}

/// One lift's estimates in date order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lift<'a> {
    pub exercise: &'a str,
    pub points: Vec<E1rmPoint>,
}

fn estimate(date: Date, set: &SetLog, lifted: Lifted) -> Option<E1rmPoint> {
    // A warm-up is no estimate of strength.
    if !set.is_work() {
        return None;
    }
    let (logged, reps) = (set.load_kg?, set.reps?);
    // An added load of 0 on a weighted pull-up is still the body lifted; below 0 is not a load.
    if !(logged > 0.0 || (logged == 0.0 && lifted.adds_to_body(&set.exercise))) {
        return None;
    }
    let load_kg = lifted.kg(&set.exercise, logged)?;
    let e = load::e1rm(load_kg, reps, set.rpe)?;
    Some(E1rmPoint { date, kg: e.kg, formula: e.formula, load_kg, reps, rpe: set.rpe })
}

/// Every lift with an estimate in the window, by exercise id; one point per day (the day's best set).
pub fn e1rm_by_lift<'a>(log: &Log<'a>, w: Window, lifted: Lifted) -> Vec<Lift<'a>> {
    let mut by: FxHashMap<&'a str, Vec<E1rmPoint>> = FxHashMap::default();
    for &session in log.between(w.from, w.to) {
        for set in &session.sets {
            let Some(p) = estimate(session.date, set, lifted) else { continue };
            let list = by.entry(set.exercise.as_ref()).or_default();
            match list.last_mut() {
                Some(last) if last.date == p.date => {
                    if p.kg > last.kg {
                        *last = p;
                    }
                }
                _ => list.push(p),
            }
        }
    }
    let mut lifts: Vec<Lift<'a>> = by.into_iter().map(|(exercise, points)| Lift { exercise, points }).collect();
    lifts.sort_by(|a, b| a.exercise.cmp(b.exercise));
    lifts
}

/// The lifts logged with a load in the window that add it to the body but have no estimate because the
/// body weight is not known, in id order; empty when it is known.
pub fn unweighed<'a>(log: &Log<'a>, w: Window, lifted: Lifted) -> Vec<&'a str> {
    if lifted.body_kg.is_some_and(|b| b.is_finite() && b > 0.0) {
        return Vec::new();
    }
    let mut out: Vec<&'a str> = log
        .between(w.from, w.to)
        .iter()
        .flat_map(|s| &s.sets)
        .filter(|set| set.is_work() && set.load_kg.is_some() && set.reps.is_some())
        .map(|set| set.exercise.as_ref())
        .filter(|ex| lifted.adds_to_body(ex))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The most reps in one work set, day by day, of the lifts done for 11-20 reps (METHOD S4's upper-back
/// range) that have no e1RM in the window: an e1RM is only estimated from 1-10 reps (METHOD-SOURCES 2),
/// so without this a band row of 15 or a bodyweight row would show no progress at all.
pub fn best_reps_by_lift<'a>(log: &Log<'a>, w: Window, estimated: &[Lift]) -> Vec<(&'a str, Vec<super::Point>)> {
    let mut by: FxHashMap<&'a str, Vec<super::Point>> = FxHashMap::default();
    for &session in log.between(w.from, w.to) {
        for set in session.sets.iter().filter(|s| s.is_work()) {
            let Some(reps) = set.reps.filter(|r| (11..=20).contains(r)) else { continue };
            let exercise = set.exercise.as_ref();
            if estimated.iter().any(|l| l.exercise == exercise) {
                continue;
            }
            let list = by.entry(exercise).or_default();
            let value = f64::from(reps);
            match list.last_mut() {
                Some(last) if last.date == session.date => last.value = last.value.max(value),
                _ => list.push(super::Point { date: session.date, value }),
            }
        }
    }
    let mut lifts: Vec<(&'a str, Vec<super::Point>)> = by.into_iter().collect();
    lifts.sort_by(|a, b| a.0.cmp(b.0));
    lifts
}

/// What kind of record a set set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// A higher estimated one-rep max than any earlier session's.
    E1rm,
    /// More reps at a load (the same load to 0.01 kg, or no load) than any earlier set at it.
    Reps,
}

/// A personal record: the value now and the best before it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    pub date: Date,
    pub exercise: String,
    pub kind: RecordKind,
    /// kg for an e1RM record, reps for a rep record.
    pub value: f64,
    pub previous: f64,
    /// The load of a rep record; `None` for bodyweight sets and for e1RM records.
    pub load_kg: Option<f64>,
}

/// Loads to the hundredth of a kilogram (the precision loads are shown with); -1 for no load.
fn load_key(load_kg: Option<f64>) -> i64 {
    load_kg.filter(|l| l.is_finite() && *l > 0.0).map_or(-1, |l| (l * 100.0).round() as i64)
}

/// Personal records set in the window, against everything logged before. The first time a lift (or a
/// load) is logged sets no record: there is nothing to beat.
pub fn personal_records(log: &Log, w: Window, lifted: Lifted) -> Vec<Record> {
    let mut best_e1rm: FxHashMap<&str, f64> = FxHashMap::default();
    let mut best_reps: FxHashMap<(&str, i64), u32> = FxHashMap::default();
    let mut session_e1rm: Vec<(&str, f64)> = Vec::new();
    let mut session_reps: Vec<(&str, i64, u32)> = Vec::new();
    let mut out = Vec::new();
    for &session in log.through(w.to) {
        // A session's best against the best before the session, so that set 3 does not "beat" set 2.
        session_e1rm.clear();
        session_reps.clear();
        for set in &session.sets {
            let ex: &str = set.exercise.as_ref();
            if let Some(p) = estimate(session.date, set, lifted) {
                match session_e1rm.iter_mut().find(|(e, _)| *e == ex) {
                    Some((_, kg)) => *kg = kg.max(p.kg),
                    None => session_e1rm.push((ex, p.kg)),
                }
            }
            if let Some(reps) = set.reps.filter(|r| *r > 0 && set.is_work()) {
                let key = load_key(set.load_kg);
                match session_reps.iter_mut().find(|(e, k, _)| *e == ex && *k == key) {
                    Some((_, _, r)) => *r = (*r).max(reps),
                    None => session_reps.push((ex, key, reps)),
                }
            }
        }
        let counts = w.contains(session.date);
        for &(ex, kg) in &session_e1rm {
            match best_e1rm.get_mut(ex) {
                Some(best) if kg > *best => {
                    if counts {
                        out.push(Record {
                            date: session.date,
                            exercise: ex.to_string(),
                            kind: RecordKind::E1rm,
                            value: kg,
                            previous: *best,
                            load_kg: None,
                        });
                    }
                    *best = kg;
                }
                Some(_) => {}
                None => {
                    best_e1rm.insert(ex, kg);
                }
            }
        }
        for &(ex, key, reps) in &session_reps {
            match best_reps.get_mut(&(ex, key)) {
                Some(best) if reps > *best => {
                    if counts {
                        out.push(Record {
                            date: session.date,
                            exercise: ex.to_string(),
                            kind: RecordKind::Reps,
                            value: f64::from(reps),
                            previous: f64::from(*best),
                            load_kg: (key >= 0).then(|| key as f64 / 100.0),
                        });
                    }
                    *best = reps;
                }
                Some(_) => {}
                None => {
                    best_reps.insert((ex, key), reps);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::SessionLog;
    use crate::profile::Assessment;
    use jiff::civil::date;

    fn set(ex: &str, reps: u32, load: Option<f64>, rpe: Option<f64>) -> SetLog {
        SetLog { reps: Some(reps), load_kg: load, rpe, ..SetLog::new(ex) }
    }

    fn session(day: i8, sets: Vec<SetLog>) -> SessionLog {
        SessionLog {
            id: format!("s{day}"),
            date: date(2026, 12, day),
            checkin: None,
            sets,
            measurements: Assessment::default(),
            ..Default::default()
        }
    }

    fn lifted(body_kg: Option<f64>) -> Lifted<'static> {
        Lifted { catalog: Catalog::builtin(), body_kg }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    const DECEMBER: Window = Window { from: jiff::civil::date(2026, 11, 30), to: jiff::civil::date(2026, 12, 31) };

    #[test]
    fn e1rm_is_the_days_best_set_with_its_formula() {
        let log = vec![
            // 100 kg x 5 @ RPE 8: the RTS chart says 81.1%.
            session(
                1,
                vec![set("barbell-row", 5, Some(100.0), Some(8.0)), set("barbell-row", 5, Some(90.0), Some(8.0))],
            ),
            // No RPE: Epley, 80 * (1 + 6/30) = 96. Twelve reps are out of range and ignored.
            session(3, vec![set("barbell-row", 6, Some(80.0), None), set("barbell-row", 12, Some(200.0), None)]),
            // Bodyweight sets carry no estimate.
            session(5, vec![set("pull-up", 8, None, Some(8.0))]),
        ];
        let lifts = e1rm_by_lift(&Log::new(&log), DECEMBER, lifted(None));
        assert_eq!(lifts.len(), 1);
        let row = &lifts[0];
        assert_eq!(row.exercise, "barbell-row");
        assert_eq!(row.points.len(), 2);
        assert!(close(row.points[0].kg, 100.0 / 0.811));
        assert_eq!(row.points[0].formula, Formula::Rts);
        assert_eq!(row.points[0].load_kg, 100.0);
        assert!(close(row.points[1].kg, 96.0));
        assert_eq!(row.points[1].formula, Formula::Epley);
    }

    #[test]
    fn records_beat_what_came_before_and_the_first_time_is_no_record() {
        let log = vec![
            session(1, vec![set("band-row", 10, None, None), set("barbell-row", 5, Some(60.0), Some(8.0))]),
            // Two more reps at 60 kg: a rep record and, at the same RPE, an e1RM record.
            session(
                3,
                vec![set("barbell-row", 7, Some(60.0), Some(8.0)), set("barbell-row", 6, Some(60.0), Some(8.0))],
            ),
            // A new load is not a rep record; fewer reps at 60 kg neither. Band rows: 12 beats 10.
            session(5, vec![set("barbell-row", 3, Some(70.0), Some(9.0)), set("band-row", 12, None, None)]),
        ];
        let records = personal_records(&Log::new(&log), DECEMBER, lifted(None));
        let summary: Vec<(i8, &str, RecordKind)> =
            records.iter().map(|r| (r.date.day(), r.exercise.as_str(), r.kind)).collect();
        assert_eq!(
            summary,
            [
                (3, "barbell-row", RecordKind::E1rm),
                (3, "barbell-row", RecordKind::Reps),
                (5, "band-row", RecordKind::Reps)
            ]
        );
        // 7 @ RPE 8 is 76.2% of 1RM, 5 @ RPE 8 is 81.1%. 70 kg x 3 @ RPE 9 (89.2%) is 78.48 kg, under 78.74.
        assert!(close(records[0].value, 60.0 / 0.762) && close(records[0].previous, 60.0 / 0.811));
        assert_eq!((records[1].value, records[1].previous, records[1].load_kg), (7.0, 5.0, Some(60.0)));
        assert_eq!((records[2].value, records[2].previous, records[2].load_kg), (12.0, 10.0, None));
    }

    #[test]
    fn records_before_the_window_set_the_bar_but_are_not_listed() {
        let log = vec![
            session(1, vec![set("barbell-row", 5, Some(60.0), None)]),
            session(2, vec![set("barbell-row", 6, Some(60.0), None)]),
            session(9, vec![set("barbell-row", 6, Some(60.0), None)]),
        ];
        let w = Window { from: date(2026, 12, 7), to: date(2026, 12, 31) };
        assert!(personal_records(&Log::new(&log), w, lifted(None)).is_empty());
    }

    #[test]
    fn k5_a_weighted_pull_ups_e1rm_is_of_body_plus_added_load() {
        let log = vec![
            // +10 kg x 5 @ RPE 8 with a body of 80 kg: 90 kg moved, 81.1% of the max.
            session(1, vec![set("weighted-pull-up", 5, Some(10.0), Some(8.0))]),
            // +12.5 kg x 5 @ RPE 8: 92.5 kg moved, an e1RM record.
            session(3, vec![set("weighted-pull-up", 5, Some(12.5), Some(8.0))]),
        ];
        let lifts = e1rm_by_lift(&Log::new(&log), DECEMBER, lifted(Some(80.0)));
        let points = &lifts[0].points;
        assert!(close(points[0].kg, 90.0 / 0.811), "{points:?}");
        assert_eq!(points[0].load_kg, 90.0);
        assert!(close(points[1].kg, 92.5 / 0.811), "{points:?}");
        let records = personal_records(&Log::new(&log), DECEMBER, lifted(Some(80.0)));
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].kind, RecordKind::E1rm);
        assert!(close(records[0].value, 92.5 / 0.811) && close(records[0].previous, 90.0 / 0.811));
        // Other lifts keep their load as it was logged.
        let rows = vec![session(1, vec![set("barbell-row", 5, Some(100.0), Some(8.0))])];
        let row = e1rm_by_lift(&Log::new(&rows), DECEMBER, lifted(Some(80.0)));
        assert!(close(row[0].points[0].kg, 100.0 / 0.811));
        assert!(unweighed(&Log::new(&log), DECEMBER, lifted(Some(80.0))).is_empty());
    }

    #[test]
    fn k5_without_body_weight_a_weighted_pull_up_has_no_e1rm_but_keeps_its_rep_records() {
        let log = vec![
            session(
                1,
                vec![set("weighted-pull-up", 5, Some(10.0), Some(8.0)), set("barbell-row", 5, Some(60.0), None)],
            ),
            session(3, vec![set("weighted-pull-up", 7, Some(10.0), Some(8.0))]),
        ];
        let lifts = e1rm_by_lift(&Log::new(&log), DECEMBER, lifted(None));
        let ids: Vec<&str> = lifts.iter().map(|l| l.exercise).collect();
        assert_eq!(ids, ["barbell-row"], "10 kg added is not a max of 16 kg");
        assert_eq!(unweighed(&Log::new(&log), DECEMBER, lifted(None)), ["weighted-pull-up"]);
        let records = personal_records(&Log::new(&log), DECEMBER, lifted(None));
        let summary: Vec<(&str, RecordKind, f64, Option<f64>)> =
            records.iter().map(|r| (r.exercise.as_str(), r.kind, r.value, r.load_kg)).collect();
        assert_eq!(summary, [("weighted-pull-up", RecordKind::Reps, 7.0, Some(10.0))]);
    }
}
