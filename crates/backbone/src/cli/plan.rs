//! `backbone plan`: the plan for a profile, as JSON or as a week-by-week program to train from.

use std::path::PathBuf;

use backbone_core::planner::{self, MAX_WEEKS};
use backbone_core::profile::Profile;

use super::{Globals, print_json, read_input};
use crate::locale::DateStyle;
use crate::render;

#[derive(Debug, clap::Args)]
#[command(after_help = "The plan is pure: the same profile gives the same plan, byte for byte.\n\
                        Every item carries `why`: the METHOD.md rules behind it.")]
pub struct Args {
    /// The profile (TOML, see CONTRACT.md "Profile file").
    #[arg(long, value_name = "FILE")]
    pub profile: PathBuf,
    /// How many weeks to plan.
    #[arg(long, default_value_t = 12, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=MAX_WEEKS as i64))]
    pub weeks: u32,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let text = read_input(&args.profile)?;
    let profile = Profile::parse(&text, &args.profile.display().to_string())?;
    let plan = planner::plan(&profile, args.weeks)?;
    if globals.json {
        print_json(&plan)
    } else {
        render::plan(&plan, &profile, DateStyle::from_env(), &mut std::io::stdout().lock())
    }
}
