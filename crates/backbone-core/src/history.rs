//! The log indexed for the adaptation engine: exposures per exercise, check-ins and measurements by
//! date, and the readings METHOD P, R and T4 take from them.

use jiff::ToSpan;
use jiff::civil::Date;
use rustc_hash::FxHashMap;

use crate::load;
use crate::log::{Checkin, SessionLog, SetLog};
use crate::profile::Assessment;

/// The sets of one exercise on one day: a run of one session's sets, borrowed as they are (the common
/// case, and no copy of 50,000 references on every `next`), or a list when the exercise was logged in
/// several places that day.
#[derive(Debug, Clone)]
pub enum Sets<'a> {
    Run(&'a [SetLog]),
    Scattered(Vec<&'a SetLog>),
}

impl<'a> Sets<'a> {
    pub fn iter(&self) -> SetsIter<'_, 'a> {
        match self {
            Sets::Run(run) => SetsIter::Run(run.iter()),
            Sets::Scattered(list) => SetsIter::Scattered(list.iter()),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Sets::Run(run) => run.len(),
            Sets::Scattered(list) => list.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds another run of the same day.
    fn extend(&mut self, more: &'a [SetLog]) {
        if let Sets::Run(run) = self {
            *self = Sets::Scattered(run.iter().collect());
        }
        if let Sets::Scattered(list) = self {
            list.extend(more.iter());
        }
    }
}

/// Iterates the sets of an exposure.
pub enum SetsIter<'s, 'a> {
    Run(std::slice::Iter<'a, SetLog>),
    Scattered(std::slice::Iter<'s, &'a SetLog>),
}

impl<'a> Iterator for SetsIter<'_, 'a> {
    type Item = &'a SetLog;

    fn next(&mut self) -> Option<&'a SetLog> {
        match self {
            SetsIter::Run(i) => i.next(),
            SetsIter::Scattered(i) => i.next().copied(),
        }
    }
}

/// One session's sets of one exercise, with the readings the engine takes from them computed once.
#[derive(Debug, Clone)]
pub struct Exposure<'a> {
    pub date: Date,
    pub sets: Sets<'a>,
    top_load: Option<f64>,
    max_pain: u8,
    pain_rising: bool,
    max_rpe: Option<f64>,
    min_quality: Option<u8>,
    /// Every set has a quality of 4 or 5 logged (METHOD T4 asks for it to be shown).
    good_quality: bool,
    total_reps: u32,
    total_seconds: u32,
}

impl<'a> Exposure<'a> {
    fn new(date: Date, sets: Sets<'a>) -> Exposure<'a> {
        let mut e = Exposure {
            date,
            sets,
            top_load: None,
            max_pain: 0,
            pain_rising: false,
            max_rpe: None,
            min_quality: None,
            good_quality: true,
            total_reps: 0,
            total_seconds: 0,
        };
        let (mut first_pain, mut last_pain, mut pains, mut rising) = (None, None, 0, true);
        for s in e.sets.iter() {
            if let Some(l) = s.load_kg {
                e.top_load = Some(e.top_load.map_or(l, |b: f64| b.max(l)));
            }
            if let Some(p) = s.pain {
                e.max_pain = e.max_pain.max(p);
                rising &= last_pain.is_none_or(|last| p >= last);
                first_pain.get_or_insert(p);
                last_pain = Some(p);
                pains += 1;
            }
            if let Some(r) = s.rpe {
                e.max_rpe = Some(e.max_rpe.map_or(r, |m: f64| m.max(r)));
            }
            e.min_quality = match (e.min_quality, s.quality) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            e.good_quality &= s.quality.is_some_and(|q| q >= 4);
            e.total_reps += s.reps.unwrap_or(0);
            e.total_seconds += s.seconds.unwrap_or(0);
        }
        // METHOD R3: pain that rises from set to set.
        e.pain_rising = pains >= 2 && rising && last_pain > first_pain;
        e
    }

    /// The best estimated one-rep max of the exposure (METHOD K5): RTS when RPE is known, else Epley,
    /// only from sets of 10 reps or fewer with a load.
    /// Computed on demand: the engine needs it for a few recent exposures, not for every one logged.
    pub fn e1rm(&self) -> Option<f64> {
        self.sets
            .iter()
            .filter_map(|s| load::e1rm(s.load_kg?, s.reps?, s.rpe).map(|e| e.kg))
            .fold(None, |best: Option<f64>, e| Some(best.map_or(e, |b| b.max(e))))
    }

    /// The heaviest load used.
    pub fn top_load(&self) -> Option<f64> {
        self.top_load
    }

    pub fn max_pain(&self) -> u8 {
        self.max_pain
    }

    /// METHOD R3: pain that rises from set to set.
    pub fn pain_rising(&self) -> bool {
        self.pain_rising
    }

    /// METHOD R3: any pain above 0 is a pain flag.
    pub fn pain_flag(&self) -> bool {
        self.max_pain > 0
    }

    pub fn max_rpe(&self) -> Option<f64> {
        self.max_rpe
    }

    pub fn min_quality(&self) -> Option<u8> {
        self.min_quality
    }

    /// Every set logged with quality 4 or 5.
    pub fn good_quality(&self) -> bool {
        self.good_quality
    }

    pub fn total_reps(&self) -> u32 {
        self.total_reps
    }

    pub fn total_seconds(&self) -> u32 {
        self.total_seconds
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
    /// Exercises said to be pain-free or cleared, by date (METHOD R3).
    cleared: Vec<(Date, &'a str)>,
}

impl<'a> History<'a> {
    /// Indexes sessions (in any order; the store gives them in date order, so sorting is usually skipped).
    pub fn new(sessions: &'a [SessionLog]) -> History<'a> {
        let mut order: Vec<&SessionLog> = sessions.iter().collect();
        if !order.is_sorted_by_key(|s| s.date) {
            order.sort_by_key(|s| s.date);
        }
        let mut h = History::default();
        let mut pending: FxHashMap<&'a str, Vec<(Date, Sets<'a>)>> = FxHashMap::default();
        for s in order {
            if let Some(c) = s.checkin.filter(|c| !c.is_empty()) {
                h.checkins.push((s.date, c));
            }
            if !s.measurements.is_empty() {
                h.measurements.push((s.date, &s.measurements));
            }
            h.cleared.extend(s.cleared.iter().map(|id| (s.date, id.as_str())));
            if !s.sets.is_empty() && h.training_dates.last() != Some(&s.date) {
                h.training_dates.push(s.date);
            }
            // Runs of consecutive sets of one exercise; an exercise seen again that day joins its exposure.
            // Warm-up sets are left out: they say nothing about progress or tolerance. They usually
            // come first, so what is left of a run is still one slice.
            let work = s.sets.chunk_by(|a, b| a.exercise == b.exercise).flat_map(|run| run.split(|set| !set.is_work()));
            for run in work.filter(|run| !run.is_empty()) {
                let list = pending.entry(run[0].exercise.as_ref()).or_default();
                match list.last_mut() {
                    Some((date, sets)) if *date == s.date => sets.extend(run),
                    _ => list.push((s.date, Sets::Run(run))),
                }
            }
        }
        h.by_exercise = pending
            .into_iter()
            .map(|(id, list)| (id, list.into_iter().map(|(date, sets)| Exposure::new(date, sets)).collect()))
            .collect();
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

    /// Whether the person said an exercise is pain-free or cleared on a day in `[from, to]` (METHOD R3).
    pub fn cleared(&self, exercise: &str, from: Date, to: Date) -> bool {
        self.cleared.iter().any(|(d, id)| *id == exercise && *d >= from && *d <= to)
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
    use crate::log::SetKind;
    use jiff::civil::date;

    fn day(d: i8, soreness: u8) -> SessionLog {
        SessionLog {
            id: format!("c{d}"),
            date: date(2026, 12, d),
            checkin: Some(Checkin { soreness: Some(soreness), ..Checkin::default() }),
            sets: vec![],
            measurements: Assessment::default(),
            ..Default::default()
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

    /// Imported warm-ups stay in the log but are not exposures: a 20 kg warm-up before 60 kg work sets
    /// is neither the top load nor part of the reps that P1 reads.
    #[test]
    fn warm_up_sets_are_not_part_of_an_exposure() {
        let set = |kind, load: f64| SetLog { reps: Some(5), load_kg: Some(load), kind, ..SetLog::new("barbell-row") };
        let log = vec![SessionLog {
            id: "w".into(),
            date: date(2026, 12, 1),
            sets: vec![set(SetKind::Warmup, 20.0), set(SetKind::Normal, 60.0), set(SetKind::Warmup, 100.0)],
            ..Default::default()
        }];
        let h = History::new(&log);
        let exposures = &h.by_exercise["barbell-row"];
        assert_eq!(exposures.len(), 1);
        assert_eq!(exposures[0].sets.len(), 1);
        assert_eq!(exposures[0].top_load(), Some(60.0));
        let only_warm_up = vec![SessionLog { sets: vec![set(SetKind::Warmup, 20.0)], ..log[0].clone() }];
        assert!(!History::new(&only_warm_up).by_exercise.contains_key("barbell-row"));
    }

    #[test]
    fn readiness_counts_poor_sleep_stress_and_energy() {
        let c = Checkin { sleep_hours: Some(5.0), stress: Some(8), energy: Some(6), ..Checkin::default() };
        assert_eq!(readiness_flags(&c), 2);
        assert_eq!(readiness_flags(&Checkin::default()), 0);
    }
}
