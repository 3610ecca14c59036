//! Bytes <-> records: the formats backbone reads and writes, as functions over bytes in and
//! `std::io::Write` out. No file is opened here; the binary and the web app do that.
//!
//! `import`: Strong, Hevy and FitNotes CSV exports read into workouts and sets (the CLI's `import`).
//! `svg`: one chart per KPI of the progress report (METHOD K9), with block starts and deload weeks.

pub mod import;
pub mod svg;
