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
    /// Where the answers are written as a profile [default: profile.toml beside the database].
    #[arg(long, value_name = "FILE")]
    pub write: Option<PathBuf>,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let today = context::today(globals);
    let profile = match &args.profile {
        Some(path) => Profile::parse(&read_input(path)?, &path.display().to_string())?,
        None if args.ask || std::io::stdin().is_terminal() => {
            let profile = crate::interview::ask(&mut std::io::stdin().lock(), &mut std::io::stderr(), today)?;
            write_profile(&profile, args.write.as_ref(), globals)?;
            profile
        }
        None => return Err(bad("init: give --profile FILE (standard input is not a terminal to ask questions on)")),
    };
    let mut store = context::open(globals)?;
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
    let mut out = std::io::stdout().lock();
    writeln!(out, "Saved {}'s profile (version {version}) and a plan of {} weeks.", profile.name, plan.weeks.len())?;
    writeln!(out, "Next: `backbone next` shows the next session; `backbone plan` the whole plan.")?;
    Ok(())
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
    std::fs::write(&path, profile.to_toml())
        .map_err(|e| anyhow::anyhow!("{}: cannot write the profile: {e}", path.display()))?;
    let mut err = std::io::stderr();
    writeln!(err, "Wrote your profile to {}.", path.display())?;
    Ok(())
}
