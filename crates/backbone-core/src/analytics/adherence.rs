//! Adherence (METHOD K7): sessions done against sessions planned, per ISO week.
//!
//! Planned sessions come from the adapted plan (`adapt(profile, log, today).plan`), so a deload or a
//! schedule change counts as the plan had it; a session is done when its day has logged sets (any sets:
//! an extra day counts too, which is why the share is capped at 1).
//!
//! Only days that have passed are due: a session planned after today is not missed yet, and neither is
//! today's until the day is over, so today's planned session counts once something is logged today. A
//! week with nothing due yet (a Monday morning before Monday's session) has nothing planned, so no share,
//! rather than a 0% that would drag the trend and the K7 notice down for a person who misses nothing.

use jiff::civil::Date;
use serde::Serialize;

use super::{Log, Window};
use crate::plan::Plan;

/// One ISO week's sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WeekAdherence {
    pub monday: Date,
    pub planned: u32,
    pub done: u32,
}

impl WeekAdherence {
    /// Done per planned, at most 1; `None` when nothing was planned.
    pub fn share(&self) -> Option<f64> {
        (self.planned > 0).then(|| (f64::from(self.done) / f64::from(self.planned)).min(1.0))
    }
}

/// Sessions due and done per ISO week of the window; the window's end (`w.to`) is today.
pub fn adherence(plan: &Plan, log: &Log, w: Window) -> Vec<WeekAdherence> {
    let today = w.to;
    w.mondays()
        .into_iter()
        .map(|monday| {
            let (first, last) = w.week(monday);
            let mut days: Vec<Date> =
                log.between(first, last).iter().filter(|s| !s.sets.is_empty()).map(|s| s.date).collect();
            days.dedup();
            let trained_today = days.last() == Some(&today);
            let due = |d: Date| d < today || (d == today && trained_today);
            let planned =
                plan.sessions().filter(|(_, s)| s.date >= first && s.date <= last && due(s.date)).count() as u32;
            WeekAdherence { monday, planned, done: days.len() as u32 }
        })
        .collect()
}

/// Done and planned summed over several weeks.
pub fn total(weeks: &[WeekAdherence]) -> (u32, u32) {
    weeks.iter().fold((0, 0), |(d, p), w| (d + w.done, p + w.planned))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine;
    use crate::log::{SessionLog, SetLog};
    use crate::profile::{Assessment, Profile};
    use jiff::civil::date;

    fn trained(d: Date) -> SessionLog {
        SessionLog {
            id: format!("t{d}"),
            date: d,
            checkin: None,
            sets: vec![SetLog { reps: Some(10), ..SetLog::new("band-row") }],
            measurements: Assessment::default(),
            ..Default::default()
        }
    }

    #[test]
    fn done_over_planned_per_week_capped_at_one() {
        // Mon, Wed, Fri from Mon 2026-11-23.
        let text = include_str!("../../../../examples/contract-example.toml");
        let profile = Profile::parse(text, "contract-example.toml").unwrap();
        let plan = engine::plan(&profile, 3).unwrap();
        let log = vec![
            // Week 1: two of three, one of them twice (two entries, one day).
            trained(date(2026, 11, 23)),
            trained(date(2026, 11, 23)),
            trained(date(2026, 11, 27)),
            // Week 2: four days, more than planned.
            trained(date(2026, 11, 30)),
            trained(date(2026, 12, 1)),
            trained(date(2026, 12, 2)),
            trained(date(2026, 12, 4)),
        ];
        // Today is Thursday of week 3: Mon and Wed have passed, neither done.
        let w = Window { from: date(2026, 11, 16), to: date(2026, 12, 10) };
        let weeks = adherence(&plan, &Log::new(&log), w);
        let got: Vec<(u32, u32, Option<f64>)> = weeks.iter().map(|w| (w.planned, w.done, w.share())).collect();
        assert_eq!(got, [(0, 0, None), (3, 2, Some(2.0 / 3.0)), (3, 4, Some(1.0)), (2, 0, Some(0.0))]);
        assert_eq!(total(&weeks), (6, 8));
    }

    fn contract_plan() -> Plan {
        // Mon, Wed, Fri from Mon 2026-11-23.
        let text = include_str!("../../../../examples/contract-example.toml");
        let profile = Profile::parse(text, "contract-example.toml").unwrap();
        engine::plan(&profile, 3).unwrap()
    }

    fn week_of(plan: &Plan, log: &[SessionLog], today: Date) -> WeekAdherence {
        let w = Window { from: date(2026, 11, 30), to: today };
        let weeks = adherence(plan, &Log::new(log), w);
        assert_eq!(weeks.len(), 1);
        weeks[0]
    }

    #[test]
    fn k7_days_still_ahead_are_not_missed() {
        let plan = contract_plan();
        // Wednesday of week 2, Monday trained: Wednesday's and Friday's sessions are still ahead. Today's
        // session not yet logged is not missed either: the day is not over.
        let log = [trained(date(2026, 11, 30))];
        let week = week_of(&plan, &log, date(2026, 12, 2));
        assert_eq!((week.planned, week.done, week.share()), (1, 1, Some(1.0)));
    }

    #[test]
    fn k7_todays_session_counts_once_it_is_logged() {
        let plan = contract_plan();
        let log = [trained(date(2026, 11, 30)), trained(date(2026, 12, 2))];
        let week = week_of(&plan, &log, date(2026, 12, 2));
        assert_eq!((week.planned, week.done, week.share()), (2, 2, Some(1.0)));
        // A day that has passed without a log is missed.
        let week = week_of(&plan, &log[..1], date(2026, 12, 3));
        assert_eq!((week.planned, week.done, week.share()), (2, 1, Some(0.5)));
    }

    #[test]
    fn k7_a_week_with_no_session_past_yet_has_no_share() {
        let plan = contract_plan();
        // Monday of week 2, before Monday's session is logged: nothing is due, so no point, not 0%.
        let week = week_of(&plan, &[], date(2026, 11, 30));
        assert_eq!((week.planned, week.done, week.share()), (0, 0, None));
    }
}
