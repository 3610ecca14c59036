//! Import of other apps' exports: Strong, Hevy and FitNotes CSV files, bytes in, workouts and sets out.
//!
//! `parse` strips a byte-order mark, sniffs the delimiter (`,` `;` tab), reads the header through an alias
//! table (localized names included) to tell the app and its dialect (every variant of FORMATS.md 2.1-2.3,
//! the headerless semicolon Strong file too), then reads one set per row and groups the sets into
//! workouts by the app's workout key. Values come out in SI units: kilograms, seconds, metres.
//!
//! Units are resolved header, then row, then the caller's `units`, then the one unit the file's labelled
//! rows agree on. When a weight or distance is left with no unit at all (Strong's iOS export has no unit
//! column) the whole file is refused with [`ImportError::UnitsNeeded`], which names the first such line:
//! guessing would silently store every set 2.2 times too heavy or too light, and the caller (the CLI asks,
//! or exits 2 saying to pass `--units`) is the one who can find out.
//!
//! A file that cannot be read as a whole is refused with [`ImportError::Invalid`], carrying the line and
//! column (1-based, the column counted in characters) of the first problem and a message naming the
//! column, the value and what was expected. Doubtful but readable data (a weight over 3000 lb, a `Rest
//! Timer` row, an unknown set type, a workout left open for days) becomes a [`Warning`] instead. Nothing
//! here panics, whatever the bytes (a property test feeds it arbitrary and mutated files).
//!
//! [`map_exercise`] maps an exercise name as the app writes it to the catalog; names it does not know are
//! for the caller to keep as custom exercises.

mod assemble;
mod cells;
mod detect;
mod fitnotes;
mod hevy;
mod names;
#[doc(hidden)]
pub mod sample;
mod strong;
mod table;
mod to_log;
mod units;
mod values;
mod warnings;

use std::borrow::Cow;
use std::fmt;

use backbone_core::vocab::Units;
use jiff::civil::{Date, DateTime};

pub use names::map_exercise;
pub use to_log::{Mapper, to_log};

/// The app a file comes from, as the CLI's `--format` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Tell from the header.
    Auto,
    Strong,
    Hevy,
    FitNotes,
}

impl Format {
    pub const WORDS: &'static [&'static str] = &["auto", "strong", "hevy", "fitnotes"];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Auto => "auto",
            Format::Strong => "strong",
            Format::Hevy => "hevy",
            Format::FitNotes => "fitnotes",
        }
    }

    /// The word as `--format` takes it, case-insensitive.
    pub fn parse(word: &str) -> Option<Format> {
        match word.to_ascii_lowercase().as_str() {
            "auto" => Some(Format::Auto),
            "strong" => Some(Format::Strong),
            "hevy" => Some(Format::Hevy),
            "fitnotes" => Some(Format::FitNotes),
            _ => None,
        }
    }

    /// The app's name as people write it.
    pub fn title(self) -> &'static str {
        match self {
            Format::Auto => "known",
            Format::Strong => "Strong",
            Format::Hevy => "Hevy",
            Format::FitNotes => "FitNotes",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of set a row records: the log's own kind (warm-up sets are kept but count for nothing).
pub use backbone_core::log::SetKind;

/// Something doubtful that did not stop the import, at a line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub line: u64,
    pub message: String,
}

/// One set, as the file records it, in SI units.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedSet {
    /// The line of the file the set starts on, for provenance and messages.
    pub line: u64,
    /// The exercise as the file names it (trimmed); see [`map_exercise`].
    pub exercise_name: String,
    /// The set's position among the sets of the same exercise in its workout, from 0, in file order.
    /// With the workout's key and the exercise name it identifies the set across re-imports.
    pub index: u32,
    pub kind: SetKind,
    /// The load; `None` when the file leaves the weight empty (bodyweight), which is kept apart from a
    /// written `0`.
    pub load_kg: Option<f64>,
    /// `None` when empty, and when 0 on a set done for time or distance.
    pub reps: Option<u32>,
    /// `None` when empty or 0 (Strong writes 0 in unused columns).
    pub seconds: Option<u32>,
    /// `None` when empty or 0.
    pub distance_m: Option<f64>,
    /// `None` when empty or outside 1-10 (the latter with a warning).
    pub rpe: Option<f64>,
    /// The set's note (Strong `Notes`, Hevy `exercise_notes`, FitNotes `Comment`).
    pub note: Option<String>,
}

/// One workout: the sets that share the app's workout key.
#[derive(Debug, Clone, PartialEq)]
pub struct Workout {
    /// Stable across re-exports of the same history: the format and the app's workout key, such as
    /// `strong:2021-02-10 16:46:13:Mittwoch`, `hevy:2025-06-30 19:56:00:Push` or `fitnotes:2023-11-21`.
    pub key: String,
    pub date: Date,
    /// The start, naive local time; FitNotes records only the date.
    pub start: Option<DateTime>,
    pub title: Option<String>,
    /// From Strong's `Duration` or Hevy's end minus start; dropped (with a warning) when over 24 hours.
    pub duration_s: Option<u32>,
    pub notes: Option<String>,
    /// In file order.
    pub sets: Vec<ImportedSet>,
}

/// A whole file, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub format: Format,
    /// The variant of the app's export, after FORMATS.md: `strong-ios`, `strong-android`,
    /// `strong-2019-quoted`, `strong-2015`, `strong-fr`, `strong-headerless`, `hevy`, `fitnotes-old`, ...
    pub dialect: &'static str,
    /// In order of date and start time; workouts of the same moment keep file order.
    pub workouts: Vec<Workout>,
    /// In line order.
    pub warnings: Vec<Warning>,
    /// The unit that weights and distances without one were read in, when some were.
    pub assumed_units: Option<Units>,
}

impl Parsed {
    pub fn set_count(&self) -> usize {
        self.workouts.iter().map(|w| w.sets.len()).sum()
    }
}

/// Why a file was refused as a whole.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The file cannot be read: the first problem, with its place.
    #[error("line {line}, column {column}: {message}")]
    Invalid { line: u64, column: u64, message: String },
    /// Weights or distances carry no unit and none was given: the caller must say kg or lb.
    #[error(
        "line {line}: this {} export ({dialect}) does not say whether its weights are in kg or lb; \
         say which and import it again",
        format.title()
    )]
    UnitsNeeded { format: Format, dialect: &'static str, line: u64 },
}

impl ImportError {
    /// Line and column of the problem, for `Invalid`.
    pub fn position(&self) -> Option<(u64, u64)> {
        match self {
            ImportError::Invalid { line, column, .. } => Some((*line, *column)),
            ImportError::UnitsNeeded { .. } => None,
        }
    }
}

/// Reads a whole export. `format` may be `Auto`; `units` is the unit of weights (and distances) that the
/// file itself leaves unlabelled, as the user says it (`--units`).
pub fn parse(bytes: &[u8], format: Format, units: Option<Units>) -> Result<Parsed, ImportError> {
    let bytes = detect::strip_bom(bytes);
    let (text, latin1) = match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), false),
        // Not UTF-8: read it as Latin-1, where every byte is a character, and say so. Spreadsheet programs
        // on Windows save CSV that way; the names may then look odd, but nothing is lost.
        Err(_) => (Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect::<String>()), true),
    };
    let delimiter = detect::sniff_delimiter(&text);
    let mut table = table::Table::new(&text, delimiter);
    let Some(first) = table.next_row()? else {
        return Err(ImportError::Invalid {
            line: 1,
            column: 1,
            message: "the file is empty: expected a header row such as `Date,Workout Name,...`".into(),
        });
    };
    let layout = detect::layout(&first, format)?;
    let read: fn(&cells::Cells<'_, '_>, &mut assemble::Builder) -> Result<(), ImportError> = match layout.format {
        Format::Strong => strong::row,
        Format::Hevy => hevy::row,
        Format::FitNotes => fitnotes::row,
        // `detect::layout` answers with an app, never `Auto`.
        Format::Auto => return Err(first.error(0, "the file's format could not be told".into())),
    };
    let mut builder = assemble::Builder::new(layout.format, layout.dialect, units);
    if latin1 {
        builder.warn("encoding", 1, "the file is not UTF-8; it was read as Latin-1 (ISO 8859-1)".into());
    }
    if !layout.ignored.is_empty() {
        let names = layout.ignored.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
        builder.warn("columns", first.line, format!("columns not imported: {names}"));
    }
    if !layout.duplicates.is_empty() {
        let names = layout.duplicates.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
        builder.warn("columns", first.line, format!("columns repeated, the first of each kept: {names}"));
    }
    if !layout.header {
        cells::Cells::new(&first, &layout).read(read, &mut builder)?;
    }
    while let Some(row) = table.next_row()? {
        cells::Cells::new(&row, &layout).read(read, &mut builder)?;
    }
    builder.finish()
}

#[cfg(test)]
mod tests;
