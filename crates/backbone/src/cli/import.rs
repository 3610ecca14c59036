//! `backbone import FILE`: a history exported from Strong, Hevy or FitNotes, or from backbone itself
//! (its JSON or CSV export), added to the log in one transaction (CONTRACT "Import and export").
//!
//! The file is read whole before anything is written: a file that cannot be read is refused (exit 2,
//! the line and column of its first problem) and nothing is imported. Names the catalog does not know
//! become custom exercises and are listed; rows that cannot be kept are warnings with their line.
//! Session ids come from the file (the app's workout key), so a second import adds nothing.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use backbone_core::archive::Archive;
use backbone_core::valid;
use backbone_core::vocab::Units;
use backbone_formats::import::Warning;
use backbone_formats::intake::{self, Intake, IntakeError};
use backbone_store::Imported;
use jiff::civil::Date;
use serde::Serialize;

use super::{Globals, context, print_json};
use crate::failure::bad;
use crate::progress::Progress;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  backbone import strong.csv\n  backbone import hevy_workouts.csv --json\n  \
                        backbone import FitNotes_Export.csv --units lb\n  backbone import backbone-export.json\n\n\
                        The app is told from the file's header. Weights are read in the unit the file states \
                        (in its header, then on each row); when it states none, --units says it, and on a \
                        terminal you are asked. Warm-up, drop and failure sets are kept and marked; warm-ups \
                        count for nothing the engine reads. Importing the same file again adds nothing.")]
pub struct Args {
    /// The exported file: CSV from Strong, Hevy or FitNotes, or backbone's own JSON or CSV export.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Which app wrote the file [default: told from its header].
    #[arg(long, default_value = "auto", value_parser = ["auto", "strong", "hevy", "fitnotes", "backbone"])]
    pub format: String,
    /// The unit of weights the file leaves unlabelled (Strong's iOS export labels none).
    #[arg(long, value_parser = ["kg", "lb"])]
    pub units: Option<String>,
    /// Restore a backbone export made for another athlete into this database all the same.
    #[arg(long)]
    pub force: bool,
}

/// The largest file `import` reads: a decade of daily training from any app is a few megabytes.
const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

/// The summary, as CONTRACT.md gives it for `--json`.
#[derive(Debug, Serialize)]
struct Summary {
    sessions: usize,
    sets: usize,
    duplicates: usize,
    unmapped_exercises: Vec<String>,
    warnings: Vec<WarningJson>,
}

#[derive(Debug, Serialize)]
struct WarningJson {
    line: u64,
    message: String,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let path = &args.file;
    let bytes = super::read_capped(path, MAX_IMPORT_BYTES)?;
    let today = context::today(globals);
    let units = match args.units.as_deref() {
        Some(word) => Some(Units::parse(word).map_err(|e| bad(format!("--units: {e}")))?),
        // Not the profile's units: a file's unit is a fact about the file, which only it or the person
        // can state.
        None => None,
    };
    let progress = Progress::on_terminal();
    let read = {
        let _spinner = progress.spinner(bytes.len(), format!("Reading {}", path.display()));
        read(&bytes, &args.format, units, path, today)?
    };
    let mut store = context::open(globals)?;
    if let Intake::Archive(a) = &read {
        same_athlete(&store, a, args.force)?;
    }
    context::backup(&store, "import")?;
    let (done, what, mut warnings, unmapped) = match read {
        Intake::Archive(a) => {
            let mut bar = progress.bar(a.sessions.len() as u64, "Importing sessions");
            let done = store.restore(&a, &mut |n| bar.set(n as u64))?;
            let mut warnings = Vec::new();
            if done.profiles == 0 && !a.profiles.is_empty() {
                warnings.push(Warning {
                    line: 1,
                    message: format!(
                        "this database already has a profile; the file's {} profile versions were not imported",
                        a.profiles.len()
                    ),
                });
            }
            let unmapped = a.custom_exercises.iter().map(|c| c.name.clone()).collect();
            (done, "a backbone export".to_string(), warnings, unmapped)
        }
        Intake::Log { what, sessions, customs, unmapped, warnings } => {
            let mut bar = progress.bar(sessions.len() as u64, "Importing sessions");
            let done = store.import(&customs, &sessions, today, &mut |n| bar.set(n as u64))?;
            (done, what, warnings, unmapped)
        }
    };
    warnings.sort_by_key(|w| w.line);
    let summary = Summary {
        sessions: done.sessions,
        sets: done.sets,
        duplicates: done.duplicates,
        unmapped_exercises: unmapped,
        warnings: warnings.into_iter().map(|w| WarningJson { line: w.line, message: w.message }).collect(),
    };
    if globals.json {
        return print_json(&summary);
    }
    print(&summary, &done, &what, path)
}

/// Reads the whole file as the format says (or its header tells), refusing it on the first problem;
/// on a terminal, asks for the unit of weights a file leaves unlabelled.
fn read(bytes: &[u8], format: &str, units: Option<Units>, path: &Path, today: Date) -> anyhow::Result<Intake> {
    let refused = |e: IntakeError| bad(format!("{}: {e}; nothing was imported", path.display()));
    match intake::read(bytes, format, units, today) {
        Err(e) if e.needs_units() && units.is_none() && can_ask() => {
            let units = ask_units(path)?;
            intake::read(bytes, format, Some(units), today).map_err(refused)
        }
        Err(e) if e.needs_units() => {
            Err(bad(format!("{}: {e} with --units kg or --units lb; nothing was imported", path.display())))
        }
        other => other.map_err(refused),
    }
}

/// A backbone export belongs to one athlete: restoring Sam's into Alex's database would make Sam's
/// sessions Alex's. The names must match once the database has a profile, unless `--force` says so.
fn same_athlete(store: &backbone_store::Store, archive: &Archive, force: bool) -> anyhow::Result<()> {
    let Some(ours) = store.profile()? else {
        return Ok(());
    };
    if force || archive.profiles.is_empty() || backbone_core::profile::same_person(&ours.profile.name, &archive.athlete)
    {
        return Ok(());
    }
    let (theirs, ours) = (valid::excerpt(&archive.athlete), valid::excerpt(&ours.profile.name));
    Err(bad(format!(
        "this export is {theirs}'s and this database is {ours}'s; nothing was imported. Restore it into its \
         own database (--db), or pass --force to add {theirs}'s sessions to {ours}'s log"
    )))
}

/// Whether a person is there to answer.
fn can_ask() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Asks whether unlabelled weights are in kg or lb, until the answer is one of them.
fn ask_units(path: &Path) -> anyhow::Result<Units> {
    let mut err = std::io::stderr().lock();
    let stdin = std::io::stdin();
    loop {
        write!(err, "{} does not say whether its weights are in kg or lb. Which are they? [kg/lb] ", path.display())?;
        err.flush()?;
        let mut answer = String::new();
        if stdin.lock().read_line(&mut answer)? == 0 {
            return Err(bad(format!("{}: no unit given; pass --units kg or --units lb", path.display())));
        }
        match answer.trim().to_ascii_lowercase().as_str() {
            "kg" | "kgs" | "kilograms" => return Ok(Units::Kg),
            "lb" | "lbs" | "pounds" => return Ok(Units::Lb),
            _ => writeln!(err, "Please answer kg or lb.")?,
        }
    }
}

fn print(summary: &Summary, done: &Imported, what: &str, path: &Path) -> anyhow::Result<()> {
    let mut out = crate::output::buffered();
    let (sessions, sets) = (count(summary.sessions, "session"), count(summary.sets, "set"));
    writeln!(out, "Imported {sessions} ({sets}) from {what}, {}.", path.display())?;
    if summary.duplicates > 0 {
        let already = count(summary.duplicates, "session");
        writeln!(out, "{already} already in the log, left as they are (nothing is imported twice).")?;
    }
    if done.profiles > 0 {
        let (profiles, plans) = (count(done.profiles, "profile version"), count(done.plans, "plan version"));
        writeln!(out, "Restored {profiles} and {plans}.")?;
    }
    if !summary.unmapped_exercises.is_empty() {
        let n = summary.unmapped_exercises.len();
        let (them, are) = if n == 1 { ("it", "is") } else { ("them", "are") };
        let (exercises, names) = (count(n, "exercise"), summary.unmapped_exercises.join(", "));
        writeln!(
            out,
            "{exercises} {are} not in the catalog; backbone keeps {them} as your own and the engine does not plan \
             {them}: {names}."
        )?;
    }
    if !summary.warnings.is_empty() {
        writeln!(out, "Warnings:")?;
        for w in &summary.warnings {
            writeln!(out, "  line {}: {}", w.line, w.message)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// "1 session", "2 sessions".
fn count(n: usize, what: &str) -> String {
    if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") }
}
