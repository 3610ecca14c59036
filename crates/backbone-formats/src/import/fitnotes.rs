//! FitNotes' export (FORMATS.md 2.3): one row per set, no workout name or time, so a workout is a date.
//!
//! The old layout names the unit in the header (`Weight (lbs)`, `Weight (kgs)`), the new one on each row
//! (`Weight Unit`: `kgs`/`lbs`). `Time` is a duration `H:MM:SS`, `Distance Unit` is `mi`, `km` or `m`, and
//! an optional `Comment` is the set's note. Set order is row order.

use super::assemble::{Builder, Head};
use super::cells::Cells;
use super::detect::Field;
use super::strong::common_set;
use super::units::{self, Mass};
use super::{ImportError, SetKind};

pub(crate) fn row(cells: &Cells<'_, '_>, builder: &mut Builder) -> Result<(), ImportError> {
    let (date, _) = builder
        .date_time(cells.text(Field::Date))
        .ok_or_else(|| cells.error(Field::Date, "a date such as 2023-11-21"))?;
    let exercise = cells.text(Field::ExerciseName);
    if exercise.is_empty() {
        return Err(cells.error(Field::ExerciseName, "the exercise's name"));
    }
    let layout = cells.layout();
    let weight = match cells.amount(Field::Weight, "a weight")? {
        None => None,
        Some(v) => {
            let unit = match layout.weight_unit {
                Some(unit) => unit,
                None => match cells.text(Field::WeightUnit) {
                    "" => Mass::Unstated,
                    word => units::mass(word).ok_or_else(|| cells.error(Field::WeightUnit, "`kgs` or `lbs`"))?,
                },
            };
            Some((v, unit))
        }
    };
    let set = common_set(cells, exercise, SetKind::Normal, weight, None)?;
    let head = Head { date, start: None, title: "", notes: "", duration: "", end: None };
    builder.add(&head, set);
    Ok(())
}
