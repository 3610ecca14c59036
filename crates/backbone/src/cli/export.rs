//! `backbone export --format json|csv|ics [--out FILE]`: the database as backbone's JSON (lossless), the
//! log as a CSV of sets with what was prescribed beside what was done, or the plan as an iCalendar file
//! (CONTRACT "Import and export").
//!
//! The whole output is made in memory first; `--out` then writes it to a file beside the target and
//! renames it over, so an interrupted export never leaves half a file. The `.ics` export remembers what
//! it wrote (each event's content hash and SEQUENCE) so that the next export bumps SEQUENCE exactly for
//! the events whose content changed, and a calendar that re-imports it updates them.

use std::io::Write;
use std::path::{Path, PathBuf};

use backbone_core::adapt::adapt_served;
use backbone_core::archive::CalendarEntry;
use backbone_core::catalog::Catalog;
use backbone_core::vocab::Units;
use backbone_formats::{ics, sheet};
use backbone_store::Store;
use jiff::civil::Date;

use super::{Globals, context, print_json};
use crate::failure::bad;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  backbone export --format json --out backbone-backup.json\n  \
                        backbone export --format csv --units lb > sets.csv\n  \
                        backbone export --format ics --reminders --out backbone.ics\n\n\
                        json: everything in the database; `backbone import` reads it back exactly.\n\
                        csv: one row per set, prescribed and performed side by side.\n\
                        ics: the plan, one all-day event per session (deload weeks marked); import it into your \
                        calendar, and import a later export again: events update, none are duplicated.")]
pub struct Args {
    /// What to write.
    #[arg(long, value_parser = ["json", "csv", "ics"])]
    pub format: String,
    /// Write to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Units of loads in the CSV and the calendar [default: your profile's, else kg].
    #[arg(long, value_parser = ["kg", "lb"])]
    pub units: Option<String>,
    /// ics: add the daily mobility reminder and, for posture goals, workday micro-breaks (METHOD W4, W5).
    #[arg(long)]
    pub reminders: bool,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    if let Some(out) = &args.out {
        refuse_database_target(out, &context::db_path(globals)?)?;
    }
    let mut store = context::open(globals)?;
    let today = context::today(globals);
    let units = match args.units.as_deref() {
        Some(word) => Units::parse(word).map_err(|e| bad(format!("--units: {e}")))?,
        None => store.profile()?.map_or(globals.settings.units.value, |p| p.profile.units),
    };
    let mut bytes = Vec::new();
    let mut after: Option<Vec<CalendarEntry>> = None;
    let what = match args.format.as_str() {
        "json" => {
            backbone_formats::archive::write(&store.archive()?, &mut bytes)?;
            "the whole database"
        }
        "csv" => {
            csv(&store, units, today, &mut bytes)?;
            "every logged set"
        }
        _ => {
            after = Some(ics(&store, units, today, args.reminders, &mut bytes)?);
            "the plan"
        }
    };
    match &args.out {
        None => {
            crate::output::stdout(|out| Ok(out.write_all(&bytes)?))?;
        }
        Some(path) => write_whole(path, &bytes)?,
    }
    // Recorded once the calendar is out: an export that failed to be written bumps nothing.
    if let Some(entries) = after {
        store.save_calendar(&entries)?;
    }
    if let Some(path) = &args.out {
        if globals.json {
            return print_json(&serde_json::json!({"format": args.format, "out": path, "bytes": bytes.len()}));
        }
        let line = format!("Wrote {what} as {} to {} ({} bytes).", args.format, path.display(), bytes.len());
        crate::output::stdout(|out| Ok(writeln!(out, "{line}")?))?;
    }
    Ok(())
}

/// The log as a sheet of sets, with the adapted plan's prescription beside each when there is a profile.
fn csv(store: &Store, units: Units, today: Date, out: &mut Vec<u8>) -> anyhow::Result<()> {
    let sessions = store.sessions()?;
    let plan = match store.profile()? {
        Some(p) => Some(adapt_served(&p.profile, &sessions, &store.served()?, today)?.plan),
        None => None,
    };
    sheet::write_log(&sessions, &store.custom_exercises()?, plan.as_ref(), units, out)?;
    Ok(())
}

/// The adapted plan as a calendar; returns the events to record as exported.
fn ics(
    store: &Store,
    units: Units,
    today: Date,
    reminders: bool,
    out: &mut Vec<u8>,
) -> anyhow::Result<Vec<CalendarEntry>> {
    let profile = context::stored(store)?;
    let plan = super::context::adapted(store, &profile, today)?.plan;
    let (text, entries) =
        ics::export(&plan, Catalog::builtin(), jiff::Timestamp::now(), units, reminders, &store.calendar()?);
    out.extend_from_slice(text.as_bytes());
    Ok(entries)
}

/// An export must never replace a database: the one in use, its `-wal`/`-shm`/`-journal` companions
/// (which hold its latest writes), or any other SQLite file the person pointed `--out` at by mistake.
pub(super) fn refuse_database_target(out: &Path, db: &Path) -> anyhow::Result<()> {
    let refuse = |what: &str| {
        bad(format!(
            "--out {}: {what}; backbone never writes an export over a database, choose another file",
            out.display()
        ))
    };
    let (Some(out_dir), Some(out_name)) = (canonical_dir(out), out.file_name()) else {
        return Ok(());
    };
    if let (Some(db_dir), Some(db_name)) = (canonical_dir(db), db.file_name()) {
        let db_name = db_name.to_string_lossy();
        let companions = ["", "-wal", "-shm", "-journal"].map(|suffix| format!("{db_name}{suffix}"));
        if out_dir == db_dir && companions.iter().any(|c| *c == out_name.to_string_lossy()) {
            return Err(refuse("is the database in use (or one of its files)"));
        }
    }
    if is_sqlite_file(out) {
        return Err(refuse("is a SQLite database"));
    }
    Ok(())
}

/// The folder a path is in, with links and `..` resolved, when it exists.
fn canonical_dir(path: &Path) -> Option<PathBuf> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    dir.canonicalize().ok()
}

/// Whether a file starts with SQLite's header ("SQLite format 3" and a NUL).
fn is_sqlite_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head)).is_ok() && &head == b"SQLite format 3\0"
}

/// Writes `bytes` to `path` whole or not at all: a temporary file beside it, synced, renamed over it.
pub(super) fn write_whole(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let cannot = |e: std::io::Error| bad(format!("{}: cannot write the file: {e}", path.display()));
    let name = path.file_name().ok_or_else(|| bad(format!("--out {}: expected a file name", path.display())))?;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let temp = dir.join(format!(".{}.{}.tmp", name.to_string_lossy(), std::process::id()));
    let written = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if let Err(e) = written {
        // Best effort: the error worth reporting is the one that stopped the write.
        let _ = std::fs::remove_file(&temp);
        return Err(cannot(e));
    }
    Ok(())
}
