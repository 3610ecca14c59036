//! Assessments over time (METHOD K8, K1): every reading of METHOD A1-A4, and the latest grip reading
//! against the norms for age and sex and for left/right asymmetry (A5).
//!
//! The profile's own assessment is the first reading, dated the profile's start; measurements logged
//! later follow in date order (one per day: the last logged that day).

use jiff::civil::Date;
use serde::Serialize;

use super::{Log, Window};
use crate::norms::{self, GripFinding, GripNorms};
use crate::profile::{Assessment, LeftRight, Profile};
use crate::vocab::{GripWidth, PassFail};

/// A reading and its date.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Dated<T> {
    pub date: Date,
    pub value: T,
}

/// Every assessment reading in a window, one list per test.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Assessments {
    pub grip_kg: Vec<Dated<LeftRight>>,
    pub dead_hang_seconds: Vec<Dated<f64>>,
    pub wall_angel: Vec<Dated<PassFail>>,
    pub scapular_winging: Vec<Dated<bool>>,
    pub thoracic_rotation_deg: Vec<Dated<LeftRight>>,
    pub bench_grip: Vec<Dated<GripWidth>>,
}

/// Adds a reading, replacing one of the same day (the later entry wins, as in `History`).
fn push<T>(list: &mut Vec<Dated<T>>, date: Date, value: Option<T>) {
    let Some(value) = value else { return };
    match list.last_mut() {
        Some(last) if last.date == date => last.value = value,
        _ => list.push(Dated { date, value }),
    }
}

impl Assessments {
    fn add(&mut self, date: Date, a: &Assessment) {
        push(&mut self.grip_kg, date, a.grip_kg);
        push(&mut self.dead_hang_seconds, date, a.dead_hang_seconds);
        push(&mut self.wall_angel, date, a.wall_angel);
        push(&mut self.scapular_winging, date, a.scapular_winging);
        push(&mut self.thoracic_rotation_deg, date, a.thoracic_rotation_deg);
        push(&mut self.bench_grip, date, a.bench_grip);
    }
}

/// The readings dated in the window: the profile's assessment (dated its start) and the log's, in date
/// order; on the profile's start day a logged reading overrides the profile's.
pub fn over_time(profile: Option<&Profile>, log: &Log, w: Window) -> Assessments {
    let mut readings: Vec<(Date, &Assessment)> = Vec::new();
    if let Some(profile) = profile.filter(|p| w.contains(p.start)) {
        readings.push((profile.start, &profile.assessment));
    }
    readings.extend(log.between(w.from, w.to).iter().map(|s| (s.date, &s.measurements)));
    // A stable sort keeps the profile's reading before the log's of the same day.
    readings.sort_by_key(|(d, _)| *d);
    let mut out = Assessments::default();
    for (date, a) in readings {
        out.add(date, a);
    }
    out
}

/// The latest grip reading and what it says (METHOD A1, A5).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GripStatus {
    pub date: Date,
    pub left: f64,
    pub right: f64,
    pub finding: GripFinding,
    /// Where the norm comes from, so the report can name it.
    pub source: &'static str,
}

/// The latest grip reading on or before `today`: the log's last, else the profile's (dated its start).
pub fn grip_status(profile: &Profile, log: &Log, today: Date) -> Option<GripStatus> {
    let logged = log.through(today).iter().rev().find_map(|s| s.measurements.grip_kg.map(|g| (s.date, g)));
    let (date, grip) = logged.or_else(|| profile.assessment.grip_kg.map(|g| (profile.start, g)))?;
    let finding = norms::grip_assessment(grip.left, grip.right, profile.sex, profile.age);
    Some(GripStatus { date, left: grip.left, right: grip.right, finding, source: GripNorms::builtin().source.as_str() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::SessionLog;
    use crate::vocab::Sex;
    use jiff::civil::date;

    fn profile() -> Profile {
        let text = include_str!("../../../../examples/contract-example.toml");
        Profile::parse(text, "contract-example.toml").unwrap()
    }

    fn measured(d: Date, left: f64, right: f64) -> SessionLog {
        SessionLog {
            id: format!("m{d}"),
            date: d,
            checkin: None,
            sets: vec![],
            measurements: Assessment { grip_kg: Some(LeftRight { left, right }), ..Assessment::default() },
            ..Default::default()
        }
    }

    #[test]
    fn the_profile_reading_comes_first_then_the_log() {
        let p = profile();
        assert_eq!(p.start, date(2026, 11, 23));
        let log = vec![measured(date(2026, 12, 21), 47.0, 51.0), measured(date(2026, 11, 20), 40.0, 41.0)];
        let w = Window { from: date(2026, 11, 16), to: date(2027, 1, 3) };
        let a = over_time(Some(&p), &Log::new(&log), w);
        let grip: Vec<(Date, f64, f64)> = a.grip_kg.iter().map(|r| (r.date, r.value.left, r.value.right)).collect();
        assert_eq!(
            grip,
            [(date(2026, 11, 20), 40.0, 41.0), (date(2026, 11, 23), 45.0, 50.0), (date(2026, 12, 21), 47.0, 51.0)]
        );
        assert_eq!(a.wall_angel, [Dated { date: date(2026, 11, 23), value: PassFail::Fail }]);
        assert_eq!(a.thoracic_rotation_deg.len(), 1);
    }

    #[test]
    fn grip_below_the_norm_and_asymmetric() {
        let p = profile();
        assert_eq!((p.sex, p.age), (Some(Sex::Male), Some(34)));
        let log = vec![measured(date(2026, 12, 21), 40.0, 46.0)];
        let g = grip_status(&p, &Log::new(&log), date(2027, 1, 1)).unwrap();
        assert_eq!((g.date, g.left, g.right), (date(2026, 12, 21), 40.0, 46.0));
        // A 34-year-old man's median is about 49.5 kg; 46 is under it, and 6 / 46 = 13% is over 10%.
        assert_eq!(g.finding.below_norm, Some(true));
        assert!(g.finding.asymmetric);
        assert!(g.source.contains("J Sport Health Sci 2025"));
        // Before the logged reading, the profile's counts.
        let g = grip_status(&p, &Log::new(&log), date(2026, 12, 1)).unwrap();
        assert_eq!((g.left, g.right), (45.0, 50.0));
        assert_eq!(g.finding.below_norm, Some(false));
    }
}
