//! Workouts read from another app's file turned into the log's sessions: names mapped to the catalog
//! or kept as custom exercises, values checked against what the log accepts, every row accounted for.
//!
//! A session's id is derived from the app's workout key, so a second import of the same file (or of a
//! later export holding the same workouts) finds its sessions already in the log and adds nothing.

use std::borrow::Cow;

use backbone_core::archive::{CustomExercise, custom_id};
use backbone_core::catalog::Catalog;
use backbone_core::log::{SessionLog, SetLog};
use backbone_core::valid;
use jiff::civil::Date;
use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};

use super::warnings::Warnings;
use super::{ImportedSet, Parsed, Warning, Workout, map_exercise};

/// Turns exercise names into ids, once per name, and keeps the custom exercises it had to make.
pub struct Mapper<'c> {
    catalog: &'c Catalog,
    known: FxHashMap<String, Option<Cow<'static, str>>>,
    customs: Vec<CustomExercise>,
    /// The names that became custom exercises, in order of first appearance.
    unmapped: Vec<String>,
}

impl<'c> Mapper<'c> {
    pub fn new(catalog: &'c Catalog) -> Mapper<'c> {
        Mapper { catalog, known: FxHashMap::default(), customs: Vec::new(), unmapped: Vec::new() }
    }

    /// The id of an exercise another app names: the catalog's when the name clearly means one of its
    /// exercises (aliases, careful matching), else a custom exercise made for it. `None` only for a name
    /// with no letter or digit, which cannot be told from any other.
    pub fn id(&mut self, name: &str) -> Option<Cow<'static, str>> {
        let name = name.trim();
        if let Some(id) = self.known.get(name) {
            return id.clone();
        }
        let id = match map_exercise(name, self.catalog) {
            Some(e) => Some(backbone_core::catalog::intern(&e.id)),
            None => custom_id(name).map(|id| {
                self.custom(&id, name);
                Cow::Owned(id)
            }),
        };
        self.known.insert(name.to_string(), id.clone());
        id
    }

    /// The id of an exercise as backbone's own export writes it (an id and a name): a catalog id stays,
    /// a custom one is kept with its name, anything else is mapped from its name as another app's would be.
    pub fn own(&mut self, id: &str, name: &str) -> Option<Cow<'static, str>> {
        if self.catalog.get(id).is_some() {
            return Some(backbone_core::catalog::intern(id));
        }
        if id.starts_with(backbone_core::archive::CUSTOM_PREFIX) {
            self.custom(id, name);
            return Some(Cow::Owned(id.to_string()));
        }
        self.id(if name.trim().is_empty() { id } else { name })
    }

    fn custom(&mut self, id: &str, name: &str) {
        if !self.customs.iter().any(|c| c.id == id) {
            self.customs.push(CustomExercise::new(id, name));
        }
        if !self.unmapped.iter().any(|n| n == name) {
            self.unmapped.push(name.to_string());
        }
    }

    /// The custom exercises made so far, in order.
    pub fn customs(&self) -> &[CustomExercise] {
        &self.customs
    }

    /// The names that became custom exercises, in order of first appearance.
    pub fn unmapped(&self) -> &[String] {
        &self.unmapped
    }
}

/// The sessions of a parsed file, in its order, and what happened to the rows that could not be kept.
/// What is kept meets the rules `log` applies (`backbone_core::valid`): a workout dated outside
/// backbone's window or after `today` is left out, a set the log would refuse is left out, names, titles
/// and notes lose the control characters a terminal would act on.
pub fn to_log(parsed: &Parsed, mapper: &mut Mapper<'_>, today: Date) -> (Vec<SessionLog>, Vec<Warning>) {
    let mut notes = Warnings::default();
    let mut sessions = Vec::with_capacity(parsed.workouts.len());
    for workout in &parsed.workouts {
        let line = workout.sets.first().map_or(0, |s| s.line);
        if let Err(problem) = dated(workout.date, today) {
            notes.add("date", line, || format!("workout {:?} {problem}; left out", clean_title(workout)));
            continue;
        }
        let sets: Vec<SetLog> = workout.sets.iter().filter_map(|s| set(s, mapper, &mut notes)).collect();
        if sets.is_empty() {
            notes.add("empty", workout.sets.first().map_or(0, |s| s.line), || {
                format!(
                    "workout {:?} of {} has no set that could be kept; left out",
                    clean_title(workout),
                    workout.date
                )
            });
            continue;
        }
        sessions.push(session(workout, sets));
    }
    (sessions, notes.finish())
}

/// The workout's title as the log keeps it: plain text, at most a name's length.
fn clean_title(workout: &Workout) -> String {
    valid::clip(&valid::clean_text(workout.title.as_deref().unwrap_or(""), false), valid::NAME_MAX_CHARS)
}

/// A workout's date inside backbone's window and not after today.
fn dated(date: Date, today: Date) -> Result<(), String> {
    valid::check_date(date).map_err(|e| format!("is dated {e}"))?;
    if date > today {
        return Err(format!("is dated {date}, after today ({today}); a session cannot be logged ahead"));
    }
    Ok(())
}

fn session(workout: &Workout, sets: Vec<SetLog>) -> SessionLog {
    let digest = Sha256::digest(workout.key.as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    let app = workout.key.split(':').next().unwrap_or("import");
    SessionLog {
        id: format!("{app}-{hex}"),
        date: workout.date,
        sets,
        title: Some(clean_title(workout)).filter(|t| !t.is_empty()),
        duration_s: workout.duration_s,
        notes: workout.notes.as_deref().map(clean_note).filter(|n| !n.is_empty()),
        ..SessionLog::default()
    }
}

/// One imported set as the log keeps it, or `None` with a warning saying why it was left out.
fn set(s: &ImportedSet, mapper: &mut Mapper<'_>, notes: &mut Warnings) -> Option<SetLog> {
    let name = valid::clean_text(&s.exercise_name, false);
    if let Err(problem) = valid::check_name(name.trim()) {
        notes.add("name", s.line, || format!("exercise name {problem}; set left out"));
        return None;
    }
    let Some(exercise) = mapper.id(&name) else {
        let name = s.exercise_name.clone();
        notes.add("name", s.line, || format!("exercise {name:?} has no letter or digit; set left out"));
        return None;
    };
    let mut rpe = s.rpe;
    if let Some(r) = rpe.filter(|r| (r * 2.0).fract() != 0.0) {
        let rounded = (r * 2.0).round() / 2.0;
        notes.add("rpe", s.line, || format!("RPE {r} read as {rounded}: the log keeps RPE in steps of 0.5"));
        rpe = Some(rounded);
    }
    let set = SetLog {
        exercise,
        reps: s.reps,
        seconds: s.seconds,
        load_kg: s.load_kg,
        rpe,
        kind: s.kind,
        distance_m: s.distance_m,
        note: s.note.as_deref().map(clean_note).filter(|n| !n.is_empty()),
        ..SetLog::default()
    };
    match backbone_core::log::check_set(&set) {
        Ok(()) => Some(set),
        Err(problem) => {
            notes.add("refused", s.line, || format!("set left out: {problem}"));
            None
        }
    }
}

/// A note as the log keeps it: line breaks and tabs kept, other control characters gone, not too long.
fn clean_note(note: &str) -> String {
    valid::clip(&valid::clean_text(note, true), valid::NOTE_MAX_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{Format, parse};

    const STRONG: &str = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\
        2024-01-08 18:00:00,Pull,1h 2m,Bent Over Row (Barbell),W,40,5,0,0,,,\n\
        2024-01-08 18:00:00,Pull,1h 2m,Bent Over Row (Barbell),1,80,5,0,0,belt,,8.3\n\
        2024-01-08 18:00:00,Pull,1h 2m,Zercher Carry Deluxe,1,60,0,20,0,,,\n\
        2024-01-08 18:00:00,Pull,1h 2m,Zercher Carry Deluxe,2,60,,,,,,\n\
        2024-01-10 18:00:00,Legs,40m,Squat (Barbell),1,100,5,0,0,,,\n";

    fn converted() -> (Vec<SessionLog>, Vec<Warning>, Vec<String>) {
        let parsed = parse(STRONG.as_bytes(), Format::Auto, Some(backbone_core::vocab::Units::Kg)).expect("parses");
        let mut mapper = Mapper::new(Catalog::builtin());
        let (sessions, warnings) = to_log(&parsed, &mut mapper, jiff::civil::date(2026, 12, 5));
        (sessions, warnings, mapper.unmapped().to_vec())
    }

    #[test]
    fn names_map_to_the_catalog_or_become_custom_exercises() {
        let (sessions, _, unmapped) = converted();
        let ids: Vec<&str> = sessions[0].sets.iter().map(|s| &*s.exercise).collect();
        assert_eq!(ids, ["barbell-row", "barbell-row", "custom-zercher-carry-deluxe"]);
        assert_eq!(unmapped, ["Zercher Carry Deluxe", "Squat (Barbell)"]);
        assert_eq!(sessions[1].sets[0].exercise, "custom-squat-barbell");
    }

    #[test]
    fn kinds_titles_and_notes_are_kept_and_odd_rows_are_accounted_for() {
        let (sessions, warnings, _) = converted();
        let pull = &sessions[0];
        assert_eq!((pull.title.as_deref(), pull.duration_s), (Some("Pull"), Some(3720)));
        assert_eq!(pull.sets[0].kind, backbone_core::log::SetKind::Warmup);
        assert_eq!((pull.sets[1].note.as_deref(), pull.sets[1].rpe), (Some("belt"), Some(8.5)));
        // Strong writes distances in km when its weights are in kg.
        assert_eq!(pull.sets[2].distance_m, Some(20_000.0));
        let lines: Vec<(u64, &str)> = warnings.iter().map(|w| (w.line, w.message.as_str())).collect();
        assert!(lines.contains(&(3, "RPE 8.3 read as 8.5: the log keeps RPE in steps of 0.5")), "{lines:?}");
        let empty = "set left out: has neither reps nor seconds (nor a distance); expected one of them";
        assert!(lines.contains(&(5, empty)), "{lines:?}");
    }

    #[test]
    fn workouts_outside_the_dates_of_the_log_and_names_with_escapes_are_kept_out_or_cleaned() {
        let text = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\
            2099-01-01 18:00:00,Later,1h,Barbell Row,1,40,5,0,0,,,\n\
            2026-11-20 18:00:00,\"\x1b[1mPull\",1h,\"\x1b[31mOdd Row\",1,40,5,0,0,\"a\x07b\",,\n";
        let parsed = parse(text.as_bytes(), Format::Auto, Some(backbone_core::vocab::Units::Kg)).expect("parses");
        let mut mapper = Mapper::new(Catalog::builtin());
        let (sessions, warnings) = to_log(&parsed, &mut mapper, jiff::civil::date(2026, 12, 5));
        assert_eq!(sessions.len(), 1);
        assert!(warnings.iter().any(|w| w.line == 2 && w.message.contains("after today")), "{warnings:?}");
        assert_eq!(sessions[0].title.as_deref(), Some("Pull"));
        assert_eq!(mapper.customs()[0].name, "Odd Row");
        assert_eq!(sessions[0].sets[0].note.as_deref(), Some("a b"));
    }

    #[test]
    fn session_ids_follow_the_workout_key() {
        let (first, _, _) = converted();
        let (again, _, _) = converted();
        assert_eq!(first[0].id, again[0].id);
        assert!(first[0].id.starts_with("strong-"));
        assert_ne!(first[0].id, first[1].id);
    }
}
