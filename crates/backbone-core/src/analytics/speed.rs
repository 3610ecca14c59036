//! Bar speed (METHOD K2, optional): the mean speed of each lift per session, and the velocity lost
//! from the session's fastest set to its last (METHOD-SOURCES 3.2, velocity-loss thresholds).

use jiff::civil::Date;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{Log, Window};

/// One lift's bar speed on one day.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SpeedPoint {
    pub date: Date,
    /// Mean of the sets with a speed logged, m/s.
    pub mean_mps: f64,
    /// (fastest - last) / fastest over the day's sets in the order done; `None` with fewer than two
    /// sets timed. 0.2 is a 20% loss.
    pub velocity_loss: Option<f64>,
}

/// One lift's bar speed in date order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LiftSpeed<'a> {
    pub exercise: &'a str,
    pub points: Vec<SpeedPoint>,
}

/// Speeds of one lift on one day, in the order the sets were done.
#[derive(Default)]
struct Day {
    speeds: Vec<f64>,
}

impl Day {
    fn point(&self, date: Date) -> SpeedPoint {
        let n = self.speeds.len() as f64;
        let fastest = self.speeds.iter().copied().fold(f64::MIN, f64::max);
        let last = self.speeds.last().copied().unwrap_or(fastest);
        let velocity_loss = (self.speeds.len() >= 2 && fastest > 0.0).then(|| (fastest - last) / fastest);
        SpeedPoint { date, mean_mps: self.speeds.iter().sum::<f64>() / n, velocity_loss }
    }
}

/// Every lift with a bar speed logged in the window, by exercise id.
pub fn bar_speed<'a>(log: &Log<'a>, w: Window) -> Vec<LiftSpeed<'a>> {
    let mut by: FxHashMap<&'a str, Vec<(Date, Day)>> = FxHashMap::default();
    for &session in log.between(w.from, w.to) {
        for set in &session.sets {
            let Some(v) = set.bar_speed_mps.filter(|v| v.is_finite() && *v > 0.0) else { continue };
            let days = by.entry(set.exercise.as_ref()).or_default();
            match days.last_mut() {
                Some((d, day)) if *d == session.date => day.speeds.push(v),
                _ => days.push((session.date, Day { speeds: vec![v] })),
            }
        }
    }
    let mut out: Vec<LiftSpeed<'a>> = by
        .into_iter()
        .map(|(exercise, days)| LiftSpeed { exercise, points: days.iter().map(|(d, day)| day.point(*d)).collect() })
        .collect();
    out.sort_by(|a, b| a.exercise.cmp(b.exercise));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::{SessionLog, SetLog};
    use crate::profile::Assessment;
    use jiff::civil::date;

    fn timed(ex: &str, speeds: &[Option<f64>]) -> Vec<SetLog> {
        speeds.iter().map(|v| SetLog { reps: Some(5), bar_speed_mps: *v, ..SetLog::new(ex) }).collect()
    }

    #[test]
    fn mean_speed_and_loss_from_the_fastest_set_to_the_last() {
        let mut sets = timed("barbell-row", &[Some(0.60), Some(0.64), None, Some(0.48)]);
        sets.extend(timed("deadlift", &[Some(0.50)]));
        let log = vec![SessionLog {
            id: "a".into(),
            date: date(2026, 12, 1),
            checkin: None,
            sets,
            measurements: Assessment::default(),
            ..Default::default()
        }];
        let w = Window { from: date(2026, 11, 30), to: date(2026, 12, 6) };
        let speeds = bar_speed(&Log::new(&log), w);
        assert_eq!(speeds.iter().map(|s| s.exercise).collect::<Vec<_>>(), ["barbell-row", "deadlift"]);
        let row = speeds[0].points[0];
        assert!((row.mean_mps - 1.72 / 3.0).abs() < 1e-9);
        // 0.64 -> 0.48 is a 25% loss.
        assert!((row.velocity_loss.unwrap() - 0.25).abs() < 1e-9);
        assert_eq!(speeds[1].points[0].velocity_loss, None);
    }
}
