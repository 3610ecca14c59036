//! Gathers the rows the dialect readers produce into workouts, resolves the units the file left unstated,
//! converts to SI, numbers each exercise's sets and collects the warnings.
//!
//! Rows of one workout are usually consecutive, so a row is first compared with the last workout (date,
//! start, title) and the key is built (in a reused buffer) and looked up only when that changes: a row
//! costs one allocation, its exercise name.

use std::fmt::Write as _;

use backbone_core::vocab::Units;
use jiff::civil::{Date, DateTime};
use rustc_hash::FxHashMap;

use super::units::{self, Length, Mass};
use super::warnings::Warnings;
use super::{Format, ImportError, ImportedSet, Parsed, SetKind, Workout, values};

/// Liftosaur's plausibility limits (FORMATS.md 2.5): a load over 3000 lb, more than 1000 reps, a date
/// before 2000 are imported but flagged.
const MAX_PLAUSIBLE_KG: f64 = 3000.0 * 0.453_592_37;
const MAX_PLAUSIBLE_REPS: u32 = 1000;
const EARLIEST_PLAUSIBLE_YEAR: i16 = 2000;
/// A workout "lasting" longer than this was left open in the app (Strong shows `264h 1m`).
const MAX_DURATION_S: u32 = 24 * 3600;

/// What the rows of one workout share.
pub(crate) struct Head<'a> {
    pub(crate) date: Date,
    pub(crate) start: Option<DateTime>,
    pub(crate) title: &'a str,
    pub(crate) notes: &'a str,
    /// A duration as the file writes it (Strong); parsed when the workout is first seen.
    pub(crate) duration: &'a str,
    /// The end (Hevy), for the duration.
    pub(crate) end: Option<DateTime>,
}

/// A set as a row gives it, units not yet resolved.
pub(crate) struct RawSet {
    pub(crate) line: u64,
    pub(crate) exercise: String,
    pub(crate) kind: SetKind,
    pub(crate) weight: Option<(f64, Mass)>,
    pub(crate) reps: Option<u32>,
    pub(crate) seconds: Option<u32>,
    pub(crate) distance: Option<(f64, Length)>,
    pub(crate) rpe: Option<f64>,
    pub(crate) note: Option<String>,
}

struct Pending {
    workout: Workout,
    /// The title as the key has it, to tell a row of the same workout without building its key.
    title: String,
    sets: Vec<RawSet>,
}

pub(crate) struct Builder {
    format: Format,
    dialect: &'static str,
    units: Option<Units>,
    workouts: Vec<Pending>,
    index: FxHashMap<String, usize>,
    last: Option<usize>,
    key: String,
    /// The last date cell read and its reading: every row of a workout repeats it.
    date: (String, Option<(Date, Option<DateTime>)>),
    /// Units the file states for non-zero values: weights in kg, in lb.
    stated: [bool; 2],
    warnings: Warnings,
}

impl Builder {
    pub(crate) fn new(format: Format, dialect: &'static str, units: Option<Units>) -> Builder {
        Builder {
            format,
            dialect,
            units,
            workouts: Vec::new(),
            index: FxHashMap::default(),
            last: None,
            key: String::new(),
            date: (String::new(), None),
            stated: [false; 2],
            warnings: Warnings::default(),
        }
    }

    /// A warning; past a few of one kind, they are counted and summed up at the end.
    pub(crate) fn warn(&mut self, kind: &'static str, line: u64, message: String) {
        self.warnings.add(kind, line, || message);
    }

    /// Reads a date cell (`values::date_time`), remembering the last one.
    pub(crate) fn date_time(&mut self, text: &str) -> Option<(Date, Option<DateTime>)> {
        if self.date.0 != text {
            self.date.0.clear();
            self.date.0.push_str(text);
            self.date.1 = values::date_time(text);
        }
        self.date.1
    }

    /// Adds a set to the workout `head` belongs to.
    pub(crate) fn add(&mut self, head: &Head<'_>, set: RawSet) {
        self.note_units(&set);
        if let Some(i) = self.last {
            let last = &self.workouts[i];
            if last.workout.date == head.date && last.workout.start == head.start && last.title == head.title {
                self.workouts[i].sets.push(set);
                return;
            }
        }
        self.key.clear();
        self.key.push_str(self.format.as_str());
        self.key.push(':');
        match head.start {
            Some(t) => {
                let _ = write!(
                    self.key,
                    "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
                    t.year(),
                    t.month(),
                    t.day(),
                    t.hour(),
                    t.minute(),
                    t.second()
                );
            }
            None => {
                let d = head.date;
                let _ = write!(self.key, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
            }
        }
        if self.format != Format::FitNotes {
            self.key.push(':');
            self.key.push_str(head.title);
        }
        let at = match self.index.get(self.key.as_str()) {
            Some(&i) => i,
            None => self.open(head, set.line),
        };
        self.last = Some(at);
        self.workouts[at].sets.push(set);
    }

    /// Notes which units the file states for non-zero weights.
    fn note_units(&mut self, set: &RawSet) {
        if let Some((v, m)) = set.weight
            && v != 0.0
        {
            match m {
                Mass::Kg => self.stated[0] = true,
                Mass::Lb => self.stated[1] = true,
                Mass::Unstated => {}
            }
        }
    }

    /// Starts the workout whose key is in `self.key`.
    fn open(&mut self, head: &Head<'_>, line: u64) -> usize {
        let duration = self.duration(head, line);
        let text = |s: &str| (!s.trim().is_empty()).then(|| unescape(s.trim()));
        let workout = Workout {
            key: self.key.clone(),
            date: head.date,
            start: head.start,
            title: text(head.title),
            duration_s: duration,
            notes: text(head.notes),
            sets: Vec::new(),
        };
        if head.date.year() < EARLIEST_PLAUSIBLE_YEAR {
            self.warn("date", line, format!("a workout dated {} (before {EARLIEST_PLAUSIBLE_YEAR})", head.date));
        }
        let i = self.workouts.len();
        self.workouts.push(Pending { workout, title: head.title.to_string(), sets: Vec::new() });
        self.index.insert(self.key.clone(), i);
        i
    }

    /// The workout's duration from Hevy's end time or Strong's duration text; junk is dropped with a warning.
    fn duration(&mut self, head: &Head<'_>, line: u64) -> Option<u32> {
        let seconds = match (head.start, head.end) {
            (Some(start), Some(end)) => {
                let s = end.duration_since(start).as_secs();
                if s < 0 {
                    self.warn("duration", line, "the workout ends before it starts; its duration is left out".into());
                    return None;
                }
                u32::try_from(s).unwrap_or(u32::MAX)
            }
            _ if head.duration.trim().is_empty() => return None,
            _ => match values::duration(head.duration.trim()) {
                Some(s) => s,
                None => {
                    self.warn("duration", line, format!("duration {:?} is not one; left out", head.duration.trim()));
                    return None;
                }
            },
        };
        if seconds > MAX_DURATION_S {
            let shown = if head.duration.trim().is_empty() {
                format!("{} h", seconds / 3600)
            } else {
                head.duration.trim().to_string()
            };
            self.warn(
                "duration",
                line,
                format!("a workout lasting {shown} (over 24 hours: left open in the app?); duration left out"),
            );
            return None;
        }
        Some(seconds)
    }

    /// Resolves units, converts, numbers the sets, orders the workouts.
    pub(crate) fn finish(mut self) -> Result<Parsed, ImportError> {
        let fallback = self.units.or(match self.stated {
            [true, false] => Some(Units::Kg),
            [false, true] => Some(Units::Lb),
            _ => None,
        });
        let mut assumed = false;
        let mut workouts = Vec::with_capacity(self.workouts.len());
        let pending = std::mem::take(&mut self.workouts);
        for Pending { mut workout, sets, .. } in pending {
            let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
            let mut indices = Vec::with_capacity(sets.len());
            for set in &sets {
                let n = counts.entry(set.exercise.as_str()).or_insert(0);
                indices.push(*n);
                *n += 1;
            }
            drop(counts);
            workout.sets.reserve(sets.len());
            for (set, index) in sets.into_iter().zip(indices) {
                let load_kg = match set.weight {
                    None => None,
                    Some((0.0, _)) => Some(0.0),
                    Some((v, m)) => match m.units().or(fallback) {
                        Some(u) => {
                            assumed |= m == Mass::Unstated;
                            Some(units::to_kg(v, u))
                        }
                        None => return Err(self.units_needed(set.line)),
                    },
                };
                let distance_m = match set.distance {
                    Some((0.0, _)) => None,
                    None => None,
                    Some((v, l)) => match (l, fallback) {
                        (Length::Unstated, None) => return Err(self.units_needed(set.line)),
                        (Length::Unstated, Some(u)) => {
                            assumed = true;
                            Some(units::to_m(v, l, u))
                        }
                        (l, u) => Some(units::to_m(v, l, u.unwrap_or(Units::Kg))),
                    },
                };
                let seconds = set.seconds.filter(|&s| s > 0);
                let reps = match set.reps {
                    Some(0) if seconds.is_some() || distance_m.is_some() => None,
                    r => r,
                };
                if let Some(kg) = load_kg
                    && kg > MAX_PLAUSIBLE_KG
                {
                    self.warn("weight", set.line, format!("a load of {kg:.1} kg (over 3000 lb)"));
                }
                if let Some(r) = reps
                    && r > MAX_PLAUSIBLE_REPS
                {
                    self.warn("reps", set.line, format!("{r} reps in one set (over {MAX_PLAUSIBLE_REPS})"));
                }
                workout.sets.push(ImportedSet {
                    line: set.line,
                    exercise_name: set.exercise,
                    index,
                    kind: set.kind,
                    load_kg,
                    reps,
                    seconds,
                    distance_m,
                    rpe: set.rpe,
                    note: set.note,
                });
            }
            workouts.push(workout);
        }
        workouts.sort_by_key(|w| (w.date, w.start));
        Ok(Parsed {
            format: self.format,
            dialect: self.dialect,
            workouts,
            warnings: self.warnings.finish(),
            assumed_units: if assumed { fallback } else { None },
        })
    }

    fn units_needed(&self, line: u64) -> ImportError {
        ImportError::UnitsNeeded { format: self.format, dialect: self.dialect, line }
    }
}

/// Notes with Hevy's literal `\n` turned into line breaks (Liftosaur does the same).
fn unescape(text: &str) -> String {
    if text.contains("\\n") { text.replace("\\r\\n", "\n").replace("\\n", "\n") } else { text.to_string() }
}

/// A set's note: trimmed, unescaped, `None` when empty.
pub(crate) fn note(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| unescape(t))
}
