//! Bytes <-> records: the formats backbone reads and writes, as functions over `std::io::Write` (and,
//! for importers to come, `Read`). No file is opened here; the binary and the web app do that.
//!
//! `ics`: the plan as an RFC 5545 calendar with stable UIDs.
//! `svg`: one chart per KPI of the progress report (METHOD K9), with block starts and deload weeks.

pub mod ics;
pub mod svg;
