//! `backbone init`: store a profile and its first plan; without `--profile`, ask for it question by question.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use backbone_core::profile::Profile;

use super::{Globals, context, print_json, read_input};
use crate::failure::bad;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  backbone init --profile examples/desk-beginner-bands.toml\n  \
                        backbone init            (asks its questions one by one on a terminal)")]
pub struct Args {
    /// The profile (TOML, see CONTRACT.md). Without it, backbone asks its questions and writes one.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Ask the questions even when standard input is not a terminal (for scripts that answer them).
    #[arg(long)]
    pub ask: bool,
    /// Where the answers are written as a profile [default: profile.toml beside the database]. A file
    /// already there is never overwritten: the answers go beside it (profile-2.toml, ...).
    #[arg(long, value_name = "FILE")]
    pub write: Option<PathBuf>,
    /// Store a profile with another person's name over this database's profile, keeping its log (a
    /// changed name); without it, a different person is refused.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let today = context::today(globals);
    let (profile, answered) = match &args.profile {
        Some(path) => (Profile::parse(&read_input(path)?, &path.display().to_string())?, false),
        None if args.ask || std::io::stdin().is_terminal() => (
            crate::interview::ask(
                &mut std::io::stdin().lock(),
                &mut std::io::stderr(),
                today,
                globals.settings.units.value,
            )?,
            true,
        ),
        None => return Err(bad("init: give --profile FILE (standard input is not a terminal to ask questions on)")),
    };
    backbone_core::valid::check_start(profile.start, today).map_err(|e| bad(format!("profile: field `start`: {e}")))?;
    let mut store = context::open(globals)?;
    let stored = store.profile()?;
    if let Some(stored) = &stored {
        same_person(&stored.profile.name, &profile.name, args.force)?;
    }
    if answered {
        write_profile(&profile, args.write.as_ref(), globals)?;
    }
    if stored.is_some() {
        // A new profile version re-plans everything after it: keep a copy of what was.
        context::backup(&store, "profile")?;
    }
    let plan = super::context::adapted(&store, &profile, today.max(profile.start))?.plan;
    let version = store.save_profile(&profile, &plan, today)?;
    if globals.json {
        return print_json(&serde_json::json!({
            "athlete": profile.name,
            "profile_version": version,
            "made_on": today,
            "weeks": plan.weeks.len(),
        }));
    }
    let mut out = crate::output::buffered();
    writeln!(out, "Saved {}'s profile (version {version}) and a plan of {} weeks.", profile.name, plan.weeks.len())?;
    writeln!(out, "Next: `backbone next` shows the next session; `backbone plan` the whole plan.")?;
    out.flush()?;
    Ok(())
}

/// A database holds one person's log. A new profile with the same name is a new version of that person
/// (the log is kept and the plan follows it); another name is another person, whose profile would take
/// over this log, so it is refused unless `--force` says the name changed.
fn same_person(stored: &str, new: &str, force: bool) -> anyhow::Result<()> {
    if force || backbone_core::profile::same_person(stored, new) {
        return Ok(());
    }
    let (stored, new) = (backbone_core::valid::excerpt(stored), backbone_core::valid::excerpt(new));
    Err(bad(format!(
        "this database holds {stored}'s log, and the profile is {new}'s; nothing was saved. Give {new} a database \
         of their own with --db PATH, or pass --force if {stored} is now called {new}"
    )))
}

/// `path`, or the first free `stem-2.ext`, `stem-3.ext`, ... beside it: a file the person wrote is never
/// overwritten.
fn free_path(path: &std::path::Path) -> PathBuf {
    if !path.exists() {
        return path.to_path_buf();
    }
    let stem = path.file_stem().map_or_else(|| "profile".into(), |s| s.to_string_lossy().into_owned());
    let ext = path.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}{ext}")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.to_path_buf())
}

/// Writes the answers as a profile file so they can be edited and reused.
fn write_profile(profile: &Profile, to: Option<&PathBuf>, globals: &Globals) -> anyhow::Result<()> {
    let path = match to {
        Some(p) => p.clone(),
        None => {
            let db = match &globals.db {
                Some(p) => p.clone(),
                None => backbone_store::Store::default_path()?,
            };
            db.with_file_name("profile.toml")
        }
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let free = free_path(&path);
    // create_new: a file that appeared in between is not overwritten either.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&free)
        .and_then(|mut f| f.write_all(profile.to_toml().as_bytes()))
        .map_err(|e| anyhow::anyhow!("{}: cannot write the profile: {e}", free.display()))?;
    let mut err = std::io::stderr();
    if free != path {
        writeln!(err, "{} already exists and was left as it is.", path.display())?;
    }
    writeln!(err, "Wrote your profile to {}.", free.display())?;
    Ok(())
}
