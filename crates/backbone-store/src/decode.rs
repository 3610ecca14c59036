//! Reading one column of a row into a Rust value, refusing (never panicking on) what does not fit.
//!
//! A database file can be edited by hand, written by another program or damaged, so every value read
//! back is checked: the type, the range of small integers, the date, the JSON. A failure names the
//! column and the value; the caller adds the table and the row (`Bad::at`).

use jiff::civil::Date;
use rusqlite::Row;
use rusqlite::types::ValueRef;
use serde::de::DeserializeOwned;

use crate::StoreError;

/// What was wrong with one column.
#[derive(Debug)]
pub(crate) struct Bad {
    column: &'static str,
    problem: String,
}

impl Bad {
    /// A problem with `column` found by a decoder of its own (the sets of `sets_json`).
    pub(crate) fn new(column: &'static str, problem: String) -> Bad {
        Bad { column, problem }
    }

    /// The error for the whole row: `table` and `row` say which one (e.g. `sessions`, `id "s-1"`).
    pub(crate) fn at(self, table: &str, row: impl std::fmt::Display) -> StoreError {
        StoreError::Corrupt(format!("table {table}, row {row}, column {}: {}", self.column, self.problem))
    }
}

fn value<'r>(row: &'r Row<'_>, idx: usize, column: &'static str) -> Result<ValueRef<'r>, Bad> {
    row.get_ref(idx).map_err(|e| Bad { column, problem: e.to_string() })
}

/// A value as a person would read it in a message.
pub(crate) fn describe(v: ValueRef<'_>) -> String {
    match v {
        ValueRef::Null => "NULL".into(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Text(t) => format!("{:?}", String::from_utf8_lossy(t)),
        ValueRef::Blob(b) => format!("a blob of {} bytes", b.len()),
    }
}

fn wrong(column: &'static str, v: ValueRef<'_>, expected: &str) -> Bad {
    Bad { column, problem: format!("holds {}, expected {expected}", describe(v)) }
}

/// A non-null text column, borrowed from the row.
pub(crate) fn text<'r>(row: &'r Row<'_>, idx: usize, column: &'static str) -> Result<&'r str, Bad> {
    match value(row, idx, column)? {
        ValueRef::Text(t) => {
            std::str::from_utf8(t).map_err(|_| Bad { column, problem: "holds text that is not UTF-8".into() })
        }
        v => Err(wrong(column, v, "text")),
    }
}

/// A non-null text column as bytes, for a reader that checks its UTF-8 itself (`sets::decode`).
pub(crate) fn text_bytes<'r>(row: &'r Row<'_>, idx: usize, column: &'static str) -> Result<&'r [u8], Bad> {
    match value(row, idx, column)? {
        ValueRef::Text(t) => Ok(t),
        v => Err(wrong(column, v, "text")),
    }
}

/// A nullable text column.
pub(crate) fn opt_text<'r>(row: &'r Row<'_>, idx: usize, column: &'static str) -> Result<Option<&'r str>, Bad> {
    match value(row, idx, column)? {
        ValueRef::Null => Ok(None),
        _ => text(row, idx, column).map(Some),
    }
}

/// A nullable integer column that must fit `T` (a scale in `u8`, reps in `u32`, ...).
pub(crate) fn opt_int<T: TryFrom<i64>>(row: &Row<'_>, idx: usize, column: &'static str) -> Result<Option<T>, Bad> {
    match value(row, idx, column)? {
        ValueRef::Null => Ok(None),
        ValueRef::Integer(i) => T::try_from(i).map(Some).map_err(|_| {
            wrong(column, ValueRef::Integer(i), &format!("an integer that fits {}", std::any::type_name::<T>()))
        }),
        v => Err(wrong(column, v, "an integer")),
    }
}

/// A non-null integer column that must fit `T`.
pub(crate) fn int<T: TryFrom<i64>>(row: &Row<'_>, idx: usize, column: &'static str) -> Result<T, Bad> {
    opt_int(row, idx, column)?.ok_or_else(|| wrong(column, ValueRef::Null, "an integer"))
}

/// A nullable real column. SQLite may hand back a whole number as an integer; that is a real too.
pub(crate) fn opt_real(row: &Row<'_>, idx: usize, column: &'static str) -> Result<Option<f64>, Bad> {
    match value(row, idx, column)? {
        ValueRef::Null => Ok(None),
        ValueRef::Real(f) if f.is_finite() => Ok(Some(f)),
        ValueRef::Integer(i) => Ok(Some(i as f64)),
        v => Err(wrong(column, v, "a finite number")),
    }
}

/// A 0/1 column.
pub(crate) fn flag(row: &Row<'_>, idx: usize, column: &'static str) -> Result<bool, Bad> {
    match value(row, idx, column)? {
        ValueRef::Integer(0) => Ok(false),
        ValueRef::Integer(1) => Ok(true),
        v => Err(wrong(column, v, "0 or 1")),
    }
}

/// An ISO date (`YYYY-MM-DD`) in a text column.
pub(crate) fn date(row: &Row<'_>, idx: usize, column: &'static str) -> Result<Date, Bad> {
    let t = text(row, idx, column)?;
    t.parse().map_err(|_| wrong(column, ValueRef::Text(t.as_bytes()), "a date (YYYY-MM-DD)"))
}

/// A text column holding JSON of type `T`.
pub(crate) fn json<T: DeserializeOwned>(row: &Row<'_>, idx: usize, column: &'static str) -> Result<T, Bad> {
    let t = text(row, idx, column)?;
    serde_json::from_str(t).map_err(|e| Bad { column, problem: format!("holds JSON that does not decode: {e}") })
}
