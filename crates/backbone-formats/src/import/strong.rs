//! Strong's export (FORMATS.md 2.1): one row per set, the workout keyed by (`Date`, `Workout Name`).
//!
//! All Strong variants share this reader; the layout says which columns exist. Strong writes `0` in the
//! columns a set does not use, `W`/`D`/`F` as set orders of warm-up, drop and failure sets, and `Rest
//! Timer` rows whose `Seconds` is a rest time (left out, with a warning). A weight's unit comes from the
//! header (`kg`, `Weight (kg)`), else the row's `Weight Unit` (Android; empty there means bodyweight),
//! else it is unstated (iOS).

use super::assemble::{self, Builder, Head, RawSet};
use super::cells::Cells;
use super::detect::Field;
use super::units::{self, Length, Mass};
use super::{ImportError, SetKind, values};

pub(crate) fn row(cells: &Cells<'_, '_>, builder: &mut Builder) -> Result<(), ImportError> {
    let (date, start) = builder
        .date_time(cells.text(Field::Date))
        .ok_or_else(|| cells.error(Field::Date, "a date and time such as 2021-02-10 16:46:13"))?;
    let exercise = cells.text(Field::ExerciseName);
    if exercise.is_empty() {
        return Err(cells.error(Field::ExerciseName, "the exercise's name"));
    }
    let order = cells.text(Field::SetOrder);
    let kind = match order {
        "W" | "w" => SetKind::Warmup,
        "D" | "d" => SetKind::Drop,
        "F" | "f" => SetKind::Failure,
        o if o.eq_ignore_ascii_case("rest timer") => {
            builder.warn("rest timer", cells.line(), "a `Rest Timer` row (a rest time, not a set) is left out".into());
            return Ok(());
        }
        o if o.is_empty() || values::count(o).is_some() => SetKind::Normal,
        o => {
            builder.warn(
                "set order",
                cells.line(),
                format!("set order {o:?} is not a number, W, D or F; read as a normal set"),
            );
            SetKind::Normal
        }
    };
    let layout = cells.layout();
    let weight = match cells.amount(Field::Weight, "a weight")? {
        None => None,
        Some(v) => match layout.weight_unit {
            Some(unit) => Some((v, unit)),
            None if layout.has(Field::WeightUnit) => {
                let word = cells.text(Field::WeightUnit);
                if word.is_empty() {
                    // Android leaves the unit empty for bodyweight sets.
                    if v == 0.0 { None } else { Some((v, Mass::Unstated)) }
                } else {
                    let unit = units::mass(word).ok_or_else(|| cells.error(Field::WeightUnit, "`kg` or `lbs`"))?;
                    Some((v, unit))
                }
            }
            None => Some((v, Mass::Unstated)),
        },
    };
    let set = common_set(cells, exercise, kind, weight, cells.rpe(builder)?)?;
    let head = Head {
        date,
        start,
        title: cells.text(Field::WorkoutName),
        notes: cells.raw(Field::WorkoutNotes),
        duration: cells.text(Field::Duration),
        end: None,
    };
    builder.add(&head, set);
    Ok(())
}

/// The unit of the row's distance: the header's, else the row's `Distance Unit` (`mi.`, `km`), else unstated.
/// The columns every format reads alike: reps, seconds, distance with its unit, and the set's note.
pub(crate) fn common_set(
    cells: &Cells<'_, '_>,
    exercise: &str,
    kind: SetKind,
    weight: Option<(f64, Mass)>,
    rpe: Option<f64>,
) -> Result<RawSet, ImportError> {
    let distance = match cells.amount(Field::Distance, "a distance")? {
        None => None,
        Some(v) => Some((v, distance_unit(cells, cells.layout().distance_unit)?)),
    };
    Ok(RawSet {
        line: cells.line(),
        exercise: exercise.to_string(),
        kind,
        weight,
        reps: cells.count(Field::Reps, "a number of reps")?,
        seconds: cells.seconds(Field::Seconds)?,
        distance,
        rpe,
        note: assemble::note(cells.raw(Field::Notes)),
    })
}

pub(crate) fn distance_unit(cells: &Cells<'_, '_>, header: Option<Length>) -> Result<Length, ImportError> {
    if let Some(unit) = header {
        return Ok(unit);
    }
    let word = cells.text(Field::DistanceUnit);
    if word.is_empty() {
        return Ok(Length::Unstated);
    }
    units::length(word)
        .ok_or_else(|| cells.error(Field::DistanceUnit, "a distance unit: `km`, `m`, `mi`, `ft` or `yd`"))
}
