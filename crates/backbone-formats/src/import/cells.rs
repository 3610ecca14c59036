//! One row seen through the file's layout: its cells by field, parsed, and errors that point at the cell.
//!
//! Every refusal message has the same shape, ``Weight` is "-5": expected a weight of 0 or more`, and
//! carries the line and column of the cell.

use super::assemble::Builder;
use super::detect::{Field, Layout};
use super::table::Row;
use super::{ImportError, values};

pub(crate) struct Cells<'r, 't> {
    row: &'r Row<'t>,
    layout: &'r Layout,
}

impl<'r, 't> Cells<'r, 't> {
    pub(crate) fn new(row: &'r Row<'t>, layout: &'r Layout) -> Cells<'r, 't> {
        Cells { row, layout }
    }

    pub(crate) fn line(&self) -> u64 {
        self.row.line
    }

    /// Checks the row's width, skips a row of empty cells, and hands the rest to the dialect's reader.
    pub(crate) fn read(
        &self,
        read: fn(&Cells<'_, '_>, &mut Builder) -> Result<(), ImportError>,
        builder: &mut Builder,
    ) -> Result<(), ImportError> {
        if self.row.fields().all(|f| f.trim().is_empty()) {
            return Ok(());
        }
        let (len, width) = (self.row.len(), self.layout.width);
        if len < width {
            return Err(self.row.error(
                len,
                format!(
                    "this row has {len} fields where the header has {width}: `{}` and after are missing",
                    self.layout.name(len)
                ),
            ));
        }
        if len > width && (width..len).any(|i| !self.row.get(i).trim().is_empty()) {
            return Err(self.row.error(
                width,
                format!(
                    "this row has {len} fields where the header has {width} (a misplaced quote or an extra \
                     delimiter?)"
                ),
            ));
        }
        read(self, builder)
    }

    /// The trimmed cell of `field`; `""` when the file has no such column.
    pub(crate) fn text(&self, field: Field) -> &'t str {
        self.layout.column(field).map_or("", |i| self.row.get(i).trim())
    }

    /// The raw cell of `field`, untrimmed (for notes).
    pub(crate) fn raw(&self, field: Field) -> &'t str {
        self.layout.column(field).map_or("", |i| self.row.get(i))
    }

    /// An error at the cell of `field`: "`Name` is "value": expected ...".
    pub(crate) fn error(&self, field: Field, expected: &str) -> ImportError {
        let i = self.layout.column(field).unwrap_or(0);
        let value = self.row.get(i);
        let value: String = if value.chars().count() > 60 {
            value.chars().take(57).chain("...".chars()).collect()
        } else {
            value.to_string()
        };
        self.row.error(i, format!("`{}` is {value:?}: expected {expected}", self.layout.name(i)))
    }

    /// A number of 0 or more; `None` when empty.
    pub(crate) fn amount(&self, field: Field, what: &str) -> Result<Option<f64>, ImportError> {
        let text = self.text(field);
        if text.is_empty() {
            return Ok(None);
        }
        match values::decimal(text) {
            Some(v) if v >= 0.0 => Ok(Some(v)),
            _ => Err(self.error(field, &format!("{what} of 0 or more, such as 102.5"))),
        }
    }

    /// A whole count; `None` when empty.
    pub(crate) fn count(&self, field: Field, what: &str) -> Result<Option<u32>, ImportError> {
        let text = self.text(field);
        if text.is_empty() {
            return Ok(None);
        }
        values::count(text).map(Some).ok_or_else(|| self.error(field, &format!("{what}, a whole number of 0 or more")))
    }

    /// Seconds, as a number or `H:MM:SS`; `None` when empty.
    pub(crate) fn seconds(&self, field: Field) -> Result<Option<u32>, ImportError> {
        let text = self.text(field);
        if text.is_empty() {
            return Ok(None);
        }
        values::seconds(text)
            .map(Some)
            .ok_or_else(|| self.error(field, "a time in seconds (such as 90) or as H:MM:SS (such as 0:09:21)"))
    }

    /// An RPE from 1 to 10; empty and 0 are none, a value out of range is dropped with a warning.
    pub(crate) fn rpe(&self, builder: &mut Builder) -> Result<Option<f64>, ImportError> {
        let text = self.text(Field::Rpe);
        if text.is_empty() {
            return Ok(None);
        }
        match values::decimal(text) {
            Some(0.0) => Ok(None),
            Some(v) if (1.0..=10.0).contains(&v) => Ok(Some(v)),
            Some(v) => {
                builder.warn("rpe", self.line(), format!("RPE {v} is outside 1-10; left out"));
                Ok(None)
            }
            None => Err(self.error(Field::Rpe, "an RPE from 1 to 10, such as 8.5")),
        }
    }

    pub(crate) fn layout(&self) -> &Layout {
        self.layout
    }
}
