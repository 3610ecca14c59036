//! The command-line surface of CONTRACT.md: global options and one subcommand per file in `cli/`.

mod assess;
mod checkin;
mod completions;
mod config;
mod context;
mod doctor;
mod exercises;
mod export;
mod fresh;
mod history;
mod import;
mod init;
mod log;
mod lookup;
mod map;
mod next;
mod plan;
mod report;
mod rules;
mod serve;
mod undo;

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use jiff::civil::Date;

use crate::failure::bad;

/// backbone: a training coach for the upper back and posterior chain.
///
/// It assesses you, builds a program from a proven method, and says why for every prescription
/// (the METHOD.md rule ids in `why`). Start with `backbone init`, which asks a few questions, or
/// write a profile (see examples/ in the source) and run `backbone init --profile me.toml`.
#[derive(Debug, Parser)]
#[command(name = "backbone", version, about, long_about, propagate_version = true)]
#[command(after_help = "Examples:\n  backbone plan --profile examples/desk-beginner-bands.toml\n  \
                        backbone plan --profile me.toml --weeks 8 --json\n  \
                        backbone exercises --pattern horizontal_pull\n  backbone exercises show cable-face-pull\n  \
                        backbone rules P5\n\n\
                        Terms:\n  \
                        RPE 8    effort from 1 to 10: about 2 more reps were left in the tank (10 = none)\n  \
                        3-1-1-0  tempo: seconds lowering, pausing at the bottom, lifting, pausing at the top\n  \
                        e1RM     estimated one-rep max, read from a set's load, reps and RPE\n  \
                        [P5]     the id of a rule behind a prescription: `backbone rules P5` explains it")]
pub struct Cli {
    /// The SQLite database [default: $XDG_DATA_HOME/backbone/backbone.db].
    #[arg(long, global = true, env = "BACKBONE_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// The date to treat as today, YYYY-MM-DD [default: the local date].
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_today)]
    pub today: Option<Date>,
    /// Machine output: JSON on stdout and nothing else on stdout.
    #[arg(long, global = true)]
    pub json: bool,
    /// When to use colour: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_enum, default_value_t, value_name = "WHEN")]
    pub color: crate::output::ColorWhen,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Store your profile and its plan (asks questions when no --profile is given).
    Init(init::Args),
    /// Print a training plan, week by week: from a profile file, or adapted to your log.
    Plan(plan::Args),
    /// The next session, adapted to everything logged, and what changed and why.
    Next(next::Args),
    /// Record a session: a file, or sets typed between sets (`log band-row 3x12@10`).
    Log(log::Args),
    /// Record how you feel today: soreness, sleep, stress, energy, ache.
    Checkin(checkin::Args),
    /// Record an assessment: grip, wall angel, thoracic rotation, grip width.
    Assess(assess::Args),
    /// The latest sessions, by training date (latest first).
    History(history::Args),
    /// Your progress: KPIs with trends, and what the engine will do about them.
    Report(report::Args),
    /// Remove the last logged entry.
    Undo(undo::Args),
    /// Add a history exported from Strong, Hevy, FitNotes or backbone.
    Import(import::Args),
    /// Write the database (json), the logged sets (csv) or the plan as a calendar (ics).
    Export(export::Args),
    /// List the exercise catalog, or show one exercise.
    Exercises(exercises::Args),
    /// What a rule id on screen means ([P5]), in plain words; also RPE, tempo and e1RM.
    Rules(rules::Args),
    /// Check the database: integrity, what can be read, and a salvage export of every readable row.
    Doctor(doctor::Args),
    /// The web app and JSON API on this machine (http://127.0.0.1:8080), over the same database.
    Serve(serve::Args),
    /// Shell completions (bash, zsh, fish, elvish, powershell) on standard output.
    Completions(completions::Args),
    /// The manual page (roff) on standard output.
    Man(completions::ManArgs),
    /// The settings in effect (database, units, weeks) and where each came from.
    Config(config::Args),
}

/// What every command can see: the global options and the settings.
pub struct Globals {
    pub db: Option<PathBuf>,
    pub today: Option<Date>,
    pub json: bool,
    pub settings: crate::settings::Settings,
}

pub fn run(mut cli: Cli, matches: &clap::ArgMatches) -> anyhow::Result<()> {
    let settings = crate::settings::resolve(given(&cli, matches))?;
    // The config file or BACKBONE_WEEKS stand in for a --weeks that was not typed.
    match &mut cli.command {
        Command::Plan(args) => args.weeks = settings.weeks.value,
        Command::Report(args) => args.weeks = settings.weeks.value,
        _ => {}
    }
    let globals = Globals { db: settings.db.value.clone(), today: cli.today, json: cli.json, settings };
    // Commands that need no database never look for one.
    let stateless =
        matches!(cli.command, Command::Rules(_) | Command::Completions(_) | Command::Man(_) | Command::Config(_))
            || matches!(&cli.command, Command::Exercises(a) if !a.needs_database());
    if stateless || is_stateless_plan(&cli.command) {
        return command(cli.command, &globals);
    }
    let db = context::db_path(&globals)?;
    let fresh = fresh::Fresh::before(&db);
    let result = command(cli.command, &globals).map_err(|e| context::about_database(e, &db));
    // A command leaves no new database that holds nothing, nor its new folder: a failed command wrote
    // nothing, and one that only read (`history` before any log) had nothing to keep.
    fresh.clean_up();
    result
}

/// What the command line itself said about the settings: `--db` (clap reads `BACKBONE_DB` into the same
/// flag, and says which) and a typed `--weeks`.
fn given(cli: &Cli, matches: &clap::ArgMatches) -> crate::settings::Given {
    use crate::settings::Source;
    use clap::parser::ValueSource;
    let db = cli.db.clone().map(|path| {
        let source = match matches.value_source("db") {
            Some(ValueSource::EnvVariable) => Source::Env("BACKBONE_DB"),
            _ => Source::Flag("--db"),
        };
        (path, source)
    });
    let typed = |sub: &clap::ArgMatches| sub.value_source("weeks") == Some(ValueSource::CommandLine);
    let weeks = match (&cli.command, matches.subcommand()) {
        (Command::Plan(args), Some((_, sub))) if typed(sub) => Some(args.weeks),
        (Command::Report(args), Some((_, sub))) if typed(sub) => Some(args.weeks),
        _ => None,
    };
    crate::settings::Given { db, weeks }
}

/// `plan --profile FILE` reads a file and prints; it never touches the database.
fn is_stateless_plan(command: &Command) -> bool {
    matches!(command, Command::Plan(args) if args.profile.is_some())
}

fn command(command: Command, globals: &Globals) -> anyhow::Result<()> {
    match command {
        Command::Init(args) => init::run(args, globals),
        Command::Plan(args) => plan::run(args, globals),
        Command::Next(args) => next::run(args, globals),
        Command::Log(args) => log::run(args, globals),
        Command::Checkin(args) => checkin::run(args, globals),
        Command::Assess(args) => assess::run(args, globals),
        Command::History(args) => history::run(args, globals),
        Command::Report(args) => report::run(args, globals),
        Command::Undo(args) => undo::run(args, globals),
        Command::Import(args) => import::run(args, globals),
        Command::Export(args) => export::run(args, globals),
        Command::Exercises(args) => exercises::run(args, globals),
        Command::Rules(args) => rules::run(args, globals),
        Command::Doctor(args) => doctor::run(args, globals),
        Command::Serve(args) => serve::run(args, globals),
        Command::Completions(args) => completions::run(args, globals),
        Command::Man(args) => completions::man(args, globals),
        Command::Config(args) => config::run(args, globals),
    }
}

/// `--today` must be a real date in ISO form, inside backbone's window.
fn parse_today(text: &str) -> Result<Date, String> {
    parse_day(text)
}

/// A date typed on the command line (`--today`, `log --date`): YYYY-MM-DD, from 1970 to 2100.
pub fn parse_day(text: &str) -> Result<Date, String> {
    let date = backbone_core::profile::parse_date(text)
        .ok_or_else(|| "not a date; expected YYYY-MM-DD, such as 2026-11-23".to_string())?;
    backbone_core::valid::check_date(date)?;
    Ok(date)
}

/// The largest profile or session file read: each is a few kilobytes.
const MAX_INPUT_BYTES: u64 = 1024 * 1024;

/// Reads a file the user named (a profile, a session), with an error that names it. A UTF-8 byte order
/// mark is dropped (editors on Windows write one).
pub fn read_input(path: &std::path::Path) -> anyhow::Result<String> {
    let bytes = read_capped(path, MAX_INPUT_BYTES)?;
    let text = String::from_utf8(bytes)
        .map_err(|e| bad(format!("{}: not UTF-8 text (at byte {})", path.display(), e.utf8_error().valid_up_to())))?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Reads at most `max` bytes of a file, refusing a larger one (or an endless one, `/dev/zero`) with a
/// message rather than filling the memory.
pub fn read_capped(path: &std::path::Path, max: u64) -> anyhow::Result<Vec<u8>> {
    use std::io::Read;
    let cannot = |e: std::io::Error| bad(format!("{}: cannot read the file: {e}", path.display()));
    let file = std::fs::File::open(path).map_err(cannot)?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(bad(format!("{}: is a folder; expected a file", path.display())));
    }
    let mut bytes = Vec::new();
    file.take(max + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > max {
        return Err(bad(format!(
            "{}: larger than {} MB; expected a smaller file",
            path.display(),
            max / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

/// Prints JSON followed by a newline.
pub fn print_json<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    crate::output::stdout(|out| {
        serde_json::to_writer_pretty(&mut *out, value)?;
        writeln!(out)?;
        Ok(())
    })
}
