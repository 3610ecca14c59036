//! Bytes <-> records: the formats backbone reads and writes, as functions over `std::io::Write` (and,
//! for importers to come, `Read`). No file is opened here; the binary and the web app do that.
//!
//! `svg`: one chart per KPI of the progress report (METHOD K9), with block starts and deload weeks.

pub mod svg;
