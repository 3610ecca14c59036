//! Bytes <-> records: the formats backbone reads and writes, as functions over bytes in and
//! `std::io::Write` out. No file is opened here; the binary and the web app do that.
//!
//! `archive`: backbone's own JSON export, the whole database, read back exactly.
//! `sheet`: backbone's CSV export, one row per set, prescribed and performed side by side; read back too.
//! `import`: Strong, Hevy and FitNotes CSV exports read into workouts and sets (for the CLI's `import`).
//! `intake`: a file someone wants in their log, told apart and read whole (`import`, the web upload).
//! `locale`: dates on screen in the person's locale (the CLI's `LC_*`, the web's `Accept-Language`).
//! `ics`: the plan as an RFC 5545 calendar with stable UIDs.
//! `svg`: one chart per KPI of the progress report (METHOD K9), with block starts and deload weeks.

pub mod archive;
pub mod ics;
pub mod import;
pub mod intake;
pub mod locale;
pub mod sheet;
pub mod svg;
