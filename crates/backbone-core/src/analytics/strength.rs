//! Strength over time (METHOD K5): the estimated one-rep max of every lift, day by day, and personal
//! records (more reps at a load than ever before, or a higher e1RM than ever before).
//!
//! Estimates come from `load::e1rm`: the RTS chart when the set has an RPE, else a rep formula (Epley),
//! only from sets of 1-10 reps with a load (METHOD-SOURCES 2). Each point keeps the formula it came from.

use jiff::civil::Date;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{Log, Window};
use crate::load::{self, Formula};
use crate::log::SetLog;

/// The best estimate of one day for one lift, with the set it came from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct E1rmPoint {
    pub date: Date,
    pub kg: f64,
    pub formula: Formula,
    pub load_kg: f64,
    pub reps: u32,
    pub rpe: Option<f64>,
}

/// One lift's estimates in date order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lift<'a> {
    pub exercise: &'a str,
    pub points: Vec<E1rmPoint>,
}

fn estimate(date: Date, set: &SetLog) -> Option<E1rmPoint> {
    // A warm-up is no estimate of strength.
    if !set.is_work() {
        return None;
    }
    let (load_kg, reps) = (set.load_kg?, set.reps?);
    let e = load::e1rm(load_kg, reps, set.rpe)?;
    Some(E1rmPoint { date, kg: e.kg, formula: e.formula, load_kg, reps, rpe: set.rpe })
}

/// Every lift with an estimate in the window, by exercise id; one point per day (the day's best set).
pub fn e1rm_by_lift<'a>(log: &Log<'a>, w: Window) -> Vec<Lift<'a>> {
    let mut by: FxHashMap<&'a str, Vec<E1rmPoint>> = FxHashMap::default();
    for &session in log.between(w.from, w.to) {
        for set in &session.sets {
            let Some(p) = estimate(session.date, set) else { continue };
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
pub fn personal_records(log: &Log, w: Window) -> Vec<Record> {
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
            if let Some(p) = estimate(session.date, set) {
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
        let lifts = e1rm_by_lift(&Log::new(&log), DECEMBER);
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
        let records = personal_records(&Log::new(&log), DECEMBER);
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
        assert!(personal_records(&Log::new(&log), w).is_empty());
    }
}
