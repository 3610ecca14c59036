//! Weekly hard sets per muscle group against METHOD B5's targets (K6), and the balance of pulling
//! against pressing (W6) and of horizontal against vertical pulling (W2).
//!
//! Sets are counted fractionally (METHOD-SOURCES 1.5, Pelland et al. 2024): a set counts 1 for each of
//! its exercise's primary muscles and 0.5 for each secondary one. A set is hard when its RPE is 7 or more;
//! a working set logged without an RPE counts as hard. Working sets are those of the categories done for
//! sets in the main part (strength, posture, hinge, carry, core, grip), never warm-ups or stretches.

use jiff::civil::Date;
use serde::Serialize;

use super::{Log, Window};
use crate::catalog::{Catalog, Exercise};
use crate::log::SetLog;
use crate::vocab::{Experience, Muscle, Pattern};

/// The muscles that make up the upper back, for METHOD B5's target.
pub const UPPER_BACK: &[Muscle] = &[
    Muscle::Trapezius,
    Muscle::Rhomboids,
    Muscle::RearDeltoids,
    Muscle::TeresMajor,
    Muscle::TeresMinor,
    Muscle::Infraspinatus,
    Muscle::Latissimus,
];

/// The RPE from which a set is hard.
pub const HARD_RPE: f64 = 7.0;

/// Weekly hard upper-back sets: where to start and where to stop.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Target {
    pub low: f64,
    pub high: f64,
    /// The most sets a week before recovery suffers (MRV).
    pub cap: f64,
}

/// METHOD B5 and METHOD-SOURCES 5 ("Back target", built from RP's landmarks and Schoenfeld 2017): a
/// beginner starts at about 6-10 upper-back sets a week, an intermediate or advanced lifter works in
/// 10-20, and 25 is the cap.
pub fn upper_back_target(experience: Experience) -> Target {
    match experience {
        Experience::Beginner => Target { low: 6.0, high: 10.0, cap: 25.0 },
        Experience::Intermediate | Experience::Advanced => Target { low: 10.0, high: 20.0, cap: 25.0 },
    }
}

/// A set that counts toward weekly hard sets: a work set (not a warm-up) at RPE 7 or more, or with no RPE.
pub fn is_hard(set: &SetLog) -> bool {
    set.is_work() && set.rpe.is_none_or(|r| r >= HARD_RPE)
}

/// A pressing set, for METHOD W6. The catalog holds no pressing exercises (the method trains the back),
/// so pressing can only come in as an exercise the catalog does not know, such as an imported "Bench
/// Press". The rule is deliberately small: not a catalog id, and the name says press, bench or push, and
/// not pull or row (so "Bench Pull" or "Push-Pull Row" stay out).
pub fn is_pressing(exercise: &str, catalog: &Catalog) -> bool {
    if catalog.get(exercise).is_some() {
        return false;
    }
    let name = exercise.to_ascii_lowercase();
    let says = |w: &str| name.contains(w);
    (says("press") || says("bench") || says("push")) && !(says("pull") || says("row"))
}

/// One ISO week's hard sets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekVolume {
    /// The Monday of the week.
    pub monday: Date,
    /// Fractional hard sets per muscle, indexed by `Muscle as usize`.
    pub muscles: [f64; Muscle::ALL.len()],
    /// Fractional hard sets for the upper back as a group: 1 for a set with an upper-back prime mover,
    /// else 0.5 when one is a secondary muscle (so a hinge set counts half, as METHOD-SOURCES 5 says).
    pub upper_back: f64,
    /// Hard sets of horizontal or vertical pulls.
    pub pull: f64,
    /// Hard pressing sets (see `is_pressing`).
    pub push: f64,
    pub horizontal: f64,
    pub vertical: f64,
}

impl WeekVolume {
    fn new(monday: Date) -> WeekVolume {
        WeekVolume {
            monday,
            muscles: [0.0; Muscle::ALL.len()],
            upper_back: 0.0,
            pull: 0.0,
            push: 0.0,
            horizontal: 0.0,
            vertical: 0.0,
        }
    }

    pub fn muscle(&self, m: Muscle) -> f64 {
        self.muscles[m as usize]
    }

    /// Pulling sets per pressing set; `None` when no pressing was logged.
    pub fn pull_push(&self) -> Option<f64> {
        ratio(self.pull, self.push)
    }

    /// Horizontal per vertical pulling sets; `None` without vertical pulls.
    pub fn horizontal_vertical(&self) -> Option<f64> {
        ratio(self.horizontal, self.vertical)
    }

    fn add(&mut self, ex: &Exercise) {
        for m in &ex.muscles.primary {
            self.muscles[*m as usize] += 1.0;
        }
        for m in ex.muscles.secondary.iter().filter(|m| !ex.muscles.primary.contains(m)) {
            self.muscles[*m as usize] += 0.5;
        }
        let back = |ms: &[Muscle]| ms.iter().any(|m| UPPER_BACK.contains(m));
        if back(&ex.muscles.primary) {
            self.upper_back += 1.0;
        } else if back(&ex.muscles.secondary) {
            self.upper_back += 0.5;
        }
        let horizontal = ex.patterns.contains(&Pattern::HorizontalPull);
        let vertical = ex.patterns.contains(&Pattern::VerticalPull);
        if horizontal || vertical {
            self.pull += 1.0;
        }
        if horizontal {
            self.horizontal += 1.0;
        }
        if vertical {
            self.vertical += 1.0;
        }
    }
}

fn ratio(a: f64, b: f64) -> Option<f64> {
    (b > 0.0).then(|| a / b)
}

/// Hard sets per ISO week of the window, one entry per week, weeks without sets included (at zero).
pub fn weekly_volume(log: &Log, w: Window, catalog: &Catalog) -> Vec<WeekVolume> {
    w.mondays()
        .into_iter()
        .map(|monday| {
            let mut week = WeekVolume::new(monday);
            let (first, last) = w.week(monday);
            for session in log.between(first, last) {
                for set in session.sets.iter().filter(|s| is_hard(s)) {
                    match catalog.get(&set.exercise) {
                        Some(ex) if ex.category.is_work() => week.add(ex),
                        Some(_) => {}
                        None if is_pressing(&set.exercise, catalog) => week.push += 1.0,
                        None => {}
                    }
                }
            }
            week
        })
        .collect()
}

/// Sums of several weeks, for balances over a stretch of time.
pub fn total(weeks: &[WeekVolume]) -> WeekVolume {
    let mut t = WeekVolume::new(weeks.first().map_or(Date::MIN, |w| w.monday));
    for w in weeks {
        for (sum, v) in t.muscles.iter_mut().zip(w.muscles) {
            *sum += v;
        }
        t.upper_back += w.upper_back;
        t.pull += w.pull;
        t.push += w.push;
        t.horizontal += w.horizontal;
        t.vertical += w.vertical;
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::SessionLog;
    use crate::profile::Assessment;
    use jiff::civil::date;

    fn sets(ex: &str, n: usize, rpe: Option<f64>) -> Vec<SetLog> {
        vec![SetLog { reps: Some(8), rpe, ..SetLog::new(ex) }; n]
    }

    fn session(day: i8, sets: Vec<SetLog>) -> SessionLog {
        SessionLog {
            id: format!("s{day}"),
            date: date(2026, 11, day),
            checkin: None,
            sets,
            measurements: Assessment::default(),
            ..Default::default()
        }
    }

    /// Mon 2026-11-23 to Sun 2026-11-29.
    const WEEK: Window = Window { from: jiff::civil::date(2026, 11, 23), to: jiff::civil::date(2026, 11, 29) };

    #[test]
    fn primary_muscles_count_one_and_secondary_half() {
        let c = Catalog::builtin();
        // Chest-supported row: primary rhomboids, trapezius, lats; secondary rear delts, biceps.
        let log = vec![session(23, sets("chest-supported-row", 3, Some(8.0)))];
        let weeks = weekly_volume(&Log::new(&log), WEEK, c);
        let w = &weeks[0];
        assert_eq!(w.muscle(Muscle::Rhomboids), 3.0);
        assert_eq!(w.muscle(Muscle::Latissimus), 3.0);
        assert_eq!(w.muscle(Muscle::RearDeltoids), 1.5);
        assert_eq!(w.muscle(Muscle::Biceps), 1.5);
        assert_eq!(w.muscle(Muscle::Glutes), 0.0);
        assert_eq!(w.upper_back, 3.0);
        assert_eq!((w.pull, w.horizontal, w.vertical), (3.0, 3.0, 0.0));
    }

    #[test]
    fn easy_sets_warmups_and_stretches_do_not_count_and_unrated_sets_do() {
        let c = Catalog::builtin();
        let mut all = sets("chest-supported-row", 2, Some(6.5));
        all.extend(sets("chest-supported-row", 1, None));
        all.extend(sets("cat-cow", 2, None));
        all.extend(sets("lat-stretch", 2, None));
        let log = vec![session(24, all)];
        let w = &weekly_volume(&Log::new(&log), WEEK, c)[0];
        assert_eq!(w.upper_back, 1.0);
    }

    #[test]
    fn a_hinge_counts_half_for_the_upper_back() {
        let c = Catalog::builtin();
        let rdl = c.expect("romanian-deadlift");
        assert!(!rdl.muscles.primary.iter().any(|m| UPPER_BACK.contains(m)));
        assert!(rdl.muscles.secondary.iter().any(|m| UPPER_BACK.contains(m)), "{:?}", rdl.muscles);
        let log = vec![session(25, sets("romanian-deadlift", 4, Some(8.0)))];
        let w = &weekly_volume(&Log::new(&log), WEEK, c)[0];
        assert_eq!(w.upper_back, 2.0);
        assert_eq!(w.muscle(Muscle::Hamstrings), 4.0);
    }

    #[test]
    fn pull_push_needs_pressing() {
        let c = Catalog::builtin();
        let mut all = sets("chest-supported-row", 4, Some(8.0));
        all.extend(sets("lat-pulldown", 2, Some(8.0)));
        let log = vec![session(23, all.clone())];
        let w = &weekly_volume(&Log::new(&log), WEEK, c)[0];
        assert_eq!(w.pull_push(), None);
        assert_eq!(w.horizontal_vertical(), Some(2.0));
        all.extend(sets("Bench Press", 3, Some(8.0)));
        all.extend(sets("push-up", 1, None));
        let log = vec![session(23, all)];
        let w = &weekly_volume(&Log::new(&log), WEEK, c)[0];
        assert_eq!((w.pull, w.push), (6.0, 4.0));
        assert_eq!(w.pull_push(), Some(1.5));
    }

    #[test]
    fn the_pressing_rule_stays_small() {
        let c = Catalog::builtin();
        for yes in ["Bench Press", "overhead-press", "Push-up", "incline bench", "Dips and pushups"] {
            assert!(is_pressing(yes, c), "{yes}");
        }
        // Catalog exercises (the Pallof press is anti-rotation core work) and pulls are never pressing.
        for no in ["band-pallof-press", "incline-bench-pull", "Bench Pull", "Push-Pull Row", "Squat", "curl"] {
            assert!(!is_pressing(no, c), "{no}");
        }
    }

    #[test]
    fn targets_follow_experience() {
        assert_eq!(upper_back_target(Experience::Beginner), Target { low: 6.0, high: 10.0, cap: 25.0 });
        assert_eq!(upper_back_target(Experience::Advanced).low, 10.0);
    }
}
