//! The command-line surface of CONTRACT.md: global options and one subcommand per file in `cli/`.

mod exercises;
mod plan;

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use jiff::civil::Date;

use crate::failure::bad;

/// backbone: a training coach for the upper back and posterior chain.
///
/// It assesses you, builds a program from a proven method, and says why for every prescription
/// (the METHOD.md rule ids in `why`). Start with a profile (see examples/ in the source) and
/// `backbone plan --profile me.toml`.
#[derive(Debug, Parser)]
#[command(name = "backbone", version, about, long_about, propagate_version = true)]
#[command(after_help = "Examples:\n  backbone plan --profile examples/desk-beginner.toml\n  \
                        backbone plan --profile me.toml --weeks 8 --json\n  \
                        backbone exercises --pattern horizontal_pull\n  backbone exercises show face-pull")]
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
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a training plan, week by week.
    Plan(plan::Args),
    /// List the exercise catalog, or show one exercise.
    Exercises(exercises::Args),
}

/// What every command can see: the global options.
pub struct Globals {
    #[allow(dead_code)]
    pub db: Option<PathBuf>,
    #[allow(dead_code)]
    pub today: Option<Date>,
    pub json: bool,
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    let globals = Globals { db: cli.db, today: cli.today, json: cli.json };
    match cli.command {
        Command::Plan(args) => plan::run(args, &globals),
        Command::Exercises(args) => exercises::run(args, &globals),
    }
}

/// `--today` must be a real date in ISO form.
fn parse_today(text: &str) -> Result<Date, String> {
    backbone_core::profile::parse_date(text)
        .ok_or_else(|| format!("{text:?} is not a date; expected YYYY-MM-DD, such as 2026-11-23"))
}

/// Reads a file the user named, with an error that names it.
pub fn read_input(path: &std::path::Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).map_err(|e| bad(format!("{}: cannot read the file: {e}", path.display())))
}

/// Prints JSON followed by a newline.
pub fn print_json<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}
