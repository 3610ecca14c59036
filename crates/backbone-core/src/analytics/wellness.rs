//! How the person feels over time (METHOD K4): soreness, sleep, stress, energy and everyday upper-back
//! ache from the check-ins, one value per day (the last check-in of the day, as the engine reads it).

use serde::Serialize;

use super::{Log, Point, Window};
use crate::log::Checkin;

/// The check-in scales as series in date order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Wellness {
    pub soreness: Vec<Point>,
    pub sleep_hours: Vec<Point>,
    pub stress: Vec<Point>,
    pub energy: Vec<Point>,
    pub ache: Vec<Point>,
}

/// Adds a day's value, replacing an earlier one of the same day.
fn push(series: &mut Vec<Point>, p: Point) {
    match series.last_mut() {
        Some(last) if last.date == p.date => *last = p,
        _ => series.push(p),
    }
}

/// The check-ins dated in the window.
pub fn wellness(log: &Log, w: Window) -> Wellness {
    let mut out = Wellness::default();
    for session in log.between(w.from, w.to) {
        let Some(c) = session.checkin else { continue };
        let Checkin { soreness, sleep_hours, stress, energy, ache } = c;
        let date = session.date;
        let add = |series: &mut Vec<Point>, v: Option<f64>| {
            if let Some(value) = v.filter(|v| v.is_finite()) {
                push(series, Point { date, value });
            }
        };
        add(&mut out.soreness, soreness.map(f64::from));
        add(&mut out.sleep_hours, sleep_hours);
        add(&mut out.stress, stress.map(f64::from));
        add(&mut out.energy, energy.map(f64::from));
        add(&mut out.ache, ache.map(f64::from));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::SessionLog;
    use crate::profile::Assessment;
    use jiff::civil::date;

    fn checkin(day: i8, c: Checkin) -> SessionLog {
        SessionLog {
            id: format!("c{day}"),
            date: date(2026, 12, day),
            checkin: Some(c),
            sets: vec![],
            measurements: Assessment::default(),
            ..Default::default()
        }
    }

    #[test]
    fn one_value_per_day_the_last_one_logged() {
        let log = vec![
            checkin(1, Checkin { soreness: Some(3), sleep_hours: Some(7.5), ..Checkin::default() }),
            checkin(1, Checkin { soreness: Some(5), ..Checkin::default() }),
            checkin(2, Checkin { ache: Some(2), ..Checkin::default() }),
            checkin(20, Checkin { ache: Some(9), ..Checkin::default() }),
        ];
        let w = Window { from: date(2026, 11, 30), to: date(2026, 12, 6) };
        let well = wellness(&Log::new(&log), w);
        assert_eq!(well.soreness, [Point { date: date(2026, 12, 1), value: 5.0 }]);
        assert_eq!(well.sleep_hours, [Point { date: date(2026, 12, 1), value: 7.5 }]);
        assert_eq!(well.ache, [Point { date: date(2026, 12, 2), value: 2.0 }]);
        assert!(well.stress.is_empty());
    }
}
