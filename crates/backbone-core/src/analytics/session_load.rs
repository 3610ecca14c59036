//! Training load (METHOD-SOURCES 3.3): session RPE x minutes per day (Foster et al. 2001), and per ISO
//! week the load, its monotony (mean / SD of the 7 daily loads, rest days at 0) and strain (weekly load
//! x monotony; Foster 1998).
//!
//! A trend to look at, never a gate: nothing in the engine reads these numbers (METHOD-SOURCES 3.3:
//! "display the trend only"). Session RPE is the mean RPE of the day's sets (the log has no separate
//! post-session rating); minutes are the planned length of that day's session in the adapted plan, else
//! 45. A day whose sets carry no RPE adds no load.

use jiff::ToSpan;
use jiff::civil::Date;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{Log, Window};
use crate::plan::Plan;

/// Minutes assumed for a day with no planned session.
pub const DEFAULT_MINUTES: u32 = 45;

/// One training day's load.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DayLoad {
    pub date: Date,
    /// Mean RPE of the day's sets.
    pub rpe: f64,
    pub minutes: u32,
    /// rpe x minutes, in arbitrary units.
    pub load: f64,
}

/// One ISO week's load.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WeekLoad {
    pub monday: Date,
    pub load: f64,
    /// `None` for a week not over yet, or one whose daily loads do not vary (SD 0).
    pub monotony: Option<f64>,
    pub strain: Option<f64>,
}

/// The load of every training day in the window with an RPE logged.
pub fn daily_loads(plan: &Plan, log: &Log, w: Window) -> Vec<DayLoad> {
    let minutes: FxHashMap<Date, u32> =
        plan.sessions().filter(|(_, s)| w.contains(s.date)).map(|(_, s)| (s.date, s.minutes)).collect();
    let mut out: Vec<DayLoad> = Vec::new();
    let mut day: Option<(Date, f64, u32)> = None;
    let finish = |day: Option<(Date, f64, u32)>, out: &mut Vec<DayLoad>| {
        if let Some((date, sum, n)) = day.filter(|d| d.2 > 0) {
            let rpe = sum / f64::from(n);
            let minutes = minutes.get(&date).copied().unwrap_or(DEFAULT_MINUTES);
            out.push(DayLoad { date, rpe, minutes, load: rpe * f64::from(minutes) });
        }
    };
    for session in log.between(w.from, w.to) {
        if day.is_some_and(|d| d.0 != session.date) {
            finish(day.take(), &mut out);
        }
        let entry = day.get_or_insert((session.date, 0.0, 0));
        for rpe in session.sets.iter().filter_map(|s| s.rpe).filter(|r| r.is_finite()) {
            entry.1 += rpe;
            entry.2 += 1;
        }
    }
    finish(day, &mut out);
    out
}

/// Mean / SD of daily loads (population SD over the days given, rest days at 0); `None` when the SD is
/// 0 (a week of identical days, or of rest).
pub fn monotony(daily: &[f64]) -> Option<f64> {
    if daily.is_empty() {
        return None;
    }
    let n = daily.len() as f64;
    let mean = daily.iter().sum::<f64>() / n;
    let var = daily.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n;
    let sd = var.sqrt();
    (sd > 0.0).then(|| mean / sd)
}

/// Load, monotony and strain per ISO week of the window. Monotony and strain need the whole week, so the
/// week today is in has its load so far and neither of the two.
pub fn weekly_loads(plan: &Plan, log: &Log, w: Window) -> Vec<WeekLoad> {
    let days = daily_loads(plan, log, w);
    w.mondays()
        .into_iter()
        .map(|monday| {
            let mut daily = [0.0; 7];
            for d in days.iter().filter(|d| d.date >= monday && d.date <= monday.saturating_add(6.days())) {
                let i = (d.date - monday).get_days().clamp(0, 6) as usize;
                daily[i] += d.load;
            }
            let load: f64 = daily.iter().sum();
            let monotony = if w.week_complete(monday) { monotony(&daily) } else { None };
            WeekLoad { monday, load, monotony, strain: monotony.map(|m| m * load) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine;
    use crate::log::{SessionLog, SetLog};
    use crate::profile::{Assessment, Profile};
    use jiff::civil::date;

    fn session(d: Date, rpes: &[f64]) -> SessionLog {
        SessionLog {
            id: format!("s{d}"),
            date: d,
            checkin: None,
            sets: rpes.iter().map(|r| SetLog { reps: Some(8), rpe: Some(*r), ..SetLog::new("band-row") }).collect(),
            measurements: Assessment::default(),
            ..Default::default()
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn monotony_of_a_known_week() {
        // Three equal days and four rest days: mean 600/7, SD sqrt(480000)/7, so mean/SD = sqrt(3)/2.
        let week = [200.0, 0.0, 200.0, 0.0, 200.0, 0.0, 0.0];
        assert!(close(monotony(&week).unwrap(), 3f64.sqrt() / 2.0));
        assert_eq!(monotony(&[0.0; 7]), None);
        assert_eq!(monotony(&[100.0; 7]), None);
    }

    #[test]
    fn session_rpe_times_minutes_with_planned_minutes_or_45() {
        let text = include_str!("../../../../examples/contract-example.toml");
        let profile = Profile::parse(text, "contract-example.toml").unwrap();
        let plan = engine::plan(&profile, 2).unwrap();
        let planned = |d: Date| plan.sessions().find(|(_, s)| s.date == d).map(|(_, s)| s.minutes).unwrap();
        // Mon, Wed and Fri are planned; Tue is not. Mean RPEs: 7, 8, 6, 7.
        let log = vec![
            session(date(2026, 11, 23), &[6.0, 8.0]),
            session(date(2026, 11, 24), &[8.0]),
            session(date(2026, 11, 25), &[6.0]),
            session(date(2026, 11, 27), &[7.0]),
            // Sets without RPE add nothing.
            SessionLog {
                sets: vec![SetLog { reps: Some(8), ..SetLog::new("band-row") }],
                ..session(date(2026, 11, 28), &[])
            },
        ];
        let w = Window { from: date(2026, 11, 23), to: date(2026, 11, 29) };
        let days = daily_loads(&plan, &Log::new(&log), w);
        let got: Vec<(i8, f64, u32)> = days.iter().map(|d| (d.date.day(), d.rpe, d.minutes)).collect();
        let (mon, wed, fri) = (planned(date(2026, 11, 23)), planned(date(2026, 11, 25)), planned(date(2026, 11, 27)));
        assert_eq!(got, [(23, 7.0, mon), (24, 8.0, 45), (25, 6.0, wed), (27, 7.0, fri)]);
        let week = weekly_loads(&plan, &Log::new(&log), w)[0];
        let daily = [7.0 * f64::from(mon), 8.0 * 45.0, 6.0 * f64::from(wed), 0.0, 7.0 * f64::from(fri), 0.0, 0.0];
        let load: f64 = daily.iter().sum();
        assert!(close(week.load, load));
        assert!(close(week.monotony.unwrap(), monotony(&daily).unwrap()));
        assert!(close(week.strain.unwrap(), load * monotony(&daily).unwrap()));
    }

    #[test]
    fn the_current_week_has_load_but_no_monotony_yet() {
        let text = include_str!("../../../../examples/contract-example.toml");
        let profile = Profile::parse(text, "contract-example.toml").unwrap();
        let plan = engine::plan(&profile, 1).unwrap();
        let log = vec![session(date(2026, 11, 23), &[5.0]), session(date(2026, 11, 25), &[5.0])];
        let w = Window { from: date(2026, 11, 23), to: date(2026, 11, 26) };
        let week = weekly_loads(&plan, &Log::new(&log), w)[0];
        assert!(week.load > 0.0);
        assert_eq!((week.monotony, week.strain), (None, None));
    }
}
