//! The log indexed for the adaptation engine: exposures per exercise, check-ins and measurements by
//! date, and the readings METHOD P, R and T4 take from them.

use jiff::ToSpan;
use jiff::civil::Date;
use rustc_hash::FxHashMap;

use crate::load;
use crate::log::{Checkin, SessionLog, SetLog};
use crate::profile::Assessment;

/// One session's sets of one exercise.
#[derive(Debug, Clone)]
pub struct Exposure<'a> {
    pub date: Date,
    pub sets: Vec<&'a SetLog>,
}

impl Exposure<'_> {
    /// The best estimated one-rep max of the exposure (METHOD K5): RTS when RPE is known, else Epley,
    /// only from sets of 10 reps or fewer with a load.
    pub fn e1rm(&self) -> Option<f64> {
        self.sets
            .iter()
            .filter_map(|s| load::e1rm(s.load_kg?, s.reps?, s.rpe).map(|e| e.kg))
            .fold(None, |best: Option<f64>, e| Some(best.map_or(e, |b| b.max(e))))
    }

    /// The heaviest load used.
    pub fn top_load(&self) -> Option<f64> {
        self.sets.iter().filter_map(|s| s.load_kg).fold(None, |best: Option<f64>, l| Some(best.map_or(l, |b| b.max(l))))
    }

    pub fn max_pain(&self) -> u8 {
        self.sets.iter().filter_map(|s| s.pain).max().unwrap_or(0)
    }

    /// METHOD R3: pain that rises from set to set.
    pub fn pain_rising(&self) -> bool {
        let pains: Vec<u8> = self.sets.iter().filter_map(|s| s.pain).collect();
        pains.len() >= 2 && pains.windows(2).all(|w| w[1] >= w[0]) && pains.last() > pains.first()
    }

    pub fn pain_flag(&self) -> bool {
        self.sets.iter().any(|s| s.pain_flag())
    }

    pub fn max_rpe(&self) -> Option<f64> {
        self.sets.iter().filter_map(|s| s.rpe).fold(None, |m: Option<f64>, r| Some(m.map_or(r, |m| m.max(r))))
    }

    pub fn min_quality(&self) -> Option<u8> {
        self.sets.iter().filter_map(|s| s.quality).min()
    }
}

/// The log, indexed once per adaptation.
#[derive(Debug, Default)]
pub struct History<'a> {
    by_exercise: FxHashMap<&'a str, Vec<Exposure<'a>>>,
    checkins: Vec<(Date, Checkin)>,
    measurements: Vec<(Date, &'a Assessment)>,
    /// Dates with at least one logged set, sorted.
    training_dates: Vec<Date>,
}

impl<'a> History<'a> {
    /// Indexes sessions (in any order).
    pub fn new(sessions: &'a [SessionLog]) -> History<'a> {
        let mut order: Vec<&SessionLog> = sessions.iter().collect();
        order.sort_by_key(|s| s.date);
        let mut h = History::default();
        for s in order {
            if let Some(c) = s.checkin.filter(|c| !c.is_empty()) {
                h.checkins.push((s.date, c));
            }
            if !s.measurements.is_empty() {
                h.measurements.push((s.date, &s.measurements));
            }
            if !s.sets.is_empty() && h.training_dates.last() != Some(&s.date) {
                h.training_dates.push(s.date);
            }
            for set in &s.sets {
                let list = h.by_exercise.entry(set.exercise.as_ref()).or_default();
                match list.last_mut() {
                    Some(last) if last.date == s.date => last.sets.push(set),
                    _ => list.push(Exposure { date: s.date, sets: vec![set] }),
                }
            }
        }
        h
    }

    pub fn is_empty(&self) -> bool {
        self.by_exercise.is_empty() && self.checkins.is_empty() && self.measurements.is_empty()
    }

    /// Exposures of an exercise on days in `[from, to)`.
    pub fn exposures(&self, exercise: &str, from: Date, to: Date) -> &[Exposure<'a>] {
        let Some(list) = self.by_exercise.get(exercise) else { return &[] };
        let lo = list.partition_point(|e| e.date < from);
        let hi = list.partition_point(|e| e.date < to);
        &list[lo..hi.max(lo)]
    }

    /// All exposures of an exercise before `to`.
    pub fn exposures_before(&self, exercise: &str, to: Date) -> &[Exposure<'a>] {
        self.exposures(exercise, Date::MIN, to)
    }

    /// Every exercise that was logged, with its exposures.
    pub fn exercises(&self) -> impl Iterator<Item = (&'a str, &[Exposure<'a>])> {
        self.by_exercise.iter().map(|(k, v)| (*k, v.as_slice()))
    }

    /// Check-ins on days in `[from, to]`.
    pub fn checkins(&self, from: Date, to: Date) -> &[(Date, Checkin)] {
        let lo = self.checkins.partition_point(|(d, _)| *d < from);
        let hi = self.checkins.partition_point(|(d, _)| *d <= to);
        &self.checkins[lo..hi.max(lo)]
    }

    /// The check-in of a day, if any (the last one logged that day).
    pub fn checkin_on(&self, day: Date) -> Option<Checkin> {
        self.checkins(day, day).last().map(|(_, c)| *c)
    }

    /// The assessment as of a day: the profile's, overridden field by field by later measurements.
    pub fn assessment_as_of(&self, base: &Assessment, day: Date) -> Assessment {
        let mut a = base.clone();
        for (d, m) in &self.measurements {
            if *d > day {
                break;
            }
            a.grip_kg = m.grip_kg.or(a.grip_kg);
            a.dead_hang_seconds = m.dead_hang_seconds.or(a.dead_hang_seconds);
            a.wall_angel = m.wall_angel.or(a.wall_angel);
            a.scapular_winging = m.scapular_winging.or(a.scapular_winging);
            a.thoracic_rotation_deg = m.thoracic_rotation_deg.or(a.thoracic_rotation_deg);
            a.bench_grip = m.bench_grip.or(a.bench_grip);
        }
        a
    }

    /// Dates of assessments logged (any measurement) in `[from, to]`.
    pub fn assessed_between(&self, from: Date, to: Date) -> bool {
        self.measurements.iter().any(|(d, _)| *d >= from && *d <= to)
    }

    /// Days trained in `[from, to]`.
    pub fn trained_days(&self, from: Date, to: Date) -> usize {
        let lo = self.training_dates.partition_point(|d| *d < from);
        let hi = self.training_dates.partition_point(|d| *d <= to);
        hi.saturating_sub(lo)
    }

    /// METHOD R2: the first day in `[from, to]` on which soreness of 7 or more has shown on two
    /// check-ins in a row, or on three within a week.
    pub fn soreness_trigger(&self, from: Date, to: Date) -> Option<Date> {
        let window = self.checkins(from.saturating_sub(7.days()), to);
        for (i, (day, c)) in window.iter().enumerate() {
            if *day < from || !sore(c) {
                continue;
            }
            let two_in_a_row = i > 0 && sore(&window[i - 1].1);
            let week_ago = day.saturating_sub(6.days());
            let in_week = window[..=i].iter().filter(|(d, c)| *d >= week_ago && sore(c)).count();
            if two_in_a_row || in_week >= 3 {
                return Some(*day);
            }
        }
        None
    }
}

/// METHOD R2 threshold.
pub const SORE: u8 = 7;

fn sore(c: &Checkin) -> bool {
    c.soreness.is_some_and(|s| s >= SORE)
}

/// METHOD R5: poor sleep (under 6 h), high stress or low energy on the day. Returns how many of the
/// three are poor.
pub fn readiness_flags(c: &Checkin) -> u8 {
    let sleep = c.sleep_hours.is_some_and(|h| h < 6.0);
    let stress = c.stress.is_some_and(|s| s >= 7);
    let energy = c.energy.is_some_and(|e| e <= 3);
    u8::from(sleep) + u8::from(stress) + u8::from(energy)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn day(d: i8, soreness: u8) -> SessionLog {
        SessionLog {
            id: format!("c{d}"),
            date: date(2026, 12, d),
            checkin: Some(Checkin { soreness: Some(soreness), ..Checkin::default() }),
            sets: vec![],
            measurements: Assessment::default(),
        }
    }

    #[test]
    fn soreness_twice_in_a_row_triggers() {
        let log = vec![day(1, 3), day(2, 8), day(3, 7)];
        let h = History::new(&log);
        assert_eq!(h.soreness_trigger(date(2026, 12, 1), date(2026, 12, 31)), Some(date(2026, 12, 3)));
    }

    #[test]
    fn soreness_three_times_in_a_week_triggers_and_spread_out_does_not() {
        let log = vec![day(1, 8), day(2, 2), day(4, 8), day(5, 1), day(6, 9)];
        assert_eq!(History::new(&log).soreness_trigger(date(2026, 12, 1), date(2026, 12, 31)), Some(date(2026, 12, 6)));
        let log = vec![day(1, 8), day(2, 2), day(9, 8), day(10, 1), day(17, 9)];
        assert_eq!(History::new(&log).soreness_trigger(date(2026, 12, 1), date(2026, 12, 31)), None);
    }

    #[test]
    fn readiness_counts_poor_sleep_stress_and_energy() {
        let c = Checkin { sleep_hours: Some(5.0), stress: Some(8), energy: Some(6), ..Checkin::default() };
        assert_eq!(readiness_flags(&c), 2);
        assert_eq!(readiness_flags(&Checkin::default()), 0);
    }
}
