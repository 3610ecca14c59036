//! Hevy's export (FORMATS.md 2.2): one row per set, the workout keyed by (`title`, `start_time`).
//!
//! Weights come in `weight_kg` or `weight_lbs` and distances in `distance_km` or `distance_miles`,
//! independently; empty means missing (a bodyweight set has no weight). Times look like
//! `30 Jun 2025, 19:56`. `set_type` is `normal`, `warmup`, `dropset` or `failure`.

use super::assemble::{Builder, Head};
use super::cells::Cells;
use super::detect::Field;
use super::strong::common_set;
use super::units::Mass;
use super::{ImportError, SetKind, values};

pub(crate) fn row(cells: &Cells<'_, '_>, builder: &mut Builder) -> Result<(), ImportError> {
    const TIME: &str = "a time such as 30 Jun 2025, 19:56";
    let (date, start) = builder
        .date_time(cells.text(Field::StartTime))
        .filter(|(_, time)| time.is_some())
        .ok_or_else(|| cells.error(Field::StartTime, TIME))?;
    let end = match cells.text(Field::EndTime) {
        "" => None,
        text => {
            Some(values::date_time(text).and_then(|(_, time)| time).ok_or_else(|| cells.error(Field::EndTime, TIME))?)
        }
    };
    let exercise = cells.text(Field::ExerciseName);
    if exercise.is_empty() {
        return Err(cells.error(Field::ExerciseName, "the exercise's name"));
    }
    let kind = match cells.text(Field::SetType).to_ascii_lowercase().as_str() {
        "" | "normal" => SetKind::Normal,
        "warmup" | "warm up" | "warm-up" => SetKind::Warmup,
        "dropset" | "drop set" | "drop" => SetKind::Drop,
        "failure" => SetKind::Failure,
        other => {
            builder.warn(
                "set type",
                cells.line(),
                format!("set type {other:?} is not normal, warmup, dropset or failure; read as normal"),
            );
            SetKind::Normal
        }
    };
    let layout = cells.layout();
    let weight = cells.amount(Field::Weight, "a weight")?.map(|v| (v, layout.weight_unit.unwrap_or(Mass::Unstated)));
    let set = common_set(cells, exercise, kind, weight, cells.rpe(builder)?)?;
    let head = Head {
        date,
        start,
        title: cells.text(Field::WorkoutName),
        notes: cells.raw(Field::WorkoutNotes),
        duration: "",
        end,
    };
    builder.add(&head, set);
    Ok(())
}
