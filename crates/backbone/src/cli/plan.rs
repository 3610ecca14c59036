//! `backbone plan`: the plan for a profile, as JSON or as a week-by-week program to train from.

use std::path::PathBuf;

use backbone_core::engine::{self, MAX_WEEKS};
use backbone_core::profile::Profile;

use super::{Globals, print_json, read_input};
use crate::render;
use backbone_formats::locale::DateStyle;

#[derive(Debug, clap::Args)]
#[command(after_help = "The plan is pure: the same profile gives the same plan, byte for byte.\n\
                        Every item carries `why`: the METHOD.md rules behind it.")]
pub struct Args {
    /// The profile (TOML, see CONTRACT.md "Profile file"). Without it, the plan comes from the database,
    /// adapted to everything logged, from the start to 12 weeks past today.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// How many weeks to plan (with --profile).
    #[arg(long, requires = "profile", default_value_t = 12, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=MAX_WEEKS as i64))]
    pub weeks: u32,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let (profile, plan) = match &args.profile {
        Some(path) => {
            let profile = Profile::parse(&read_input(path)?, &path.display().to_string())?;
            let plan = engine::plan(&profile, args.weeks)?;
            (profile, plan)
        }
        None => {
            let store = super::context::open(globals)?;
            let profile = super::context::stored(&store)?;
            let plan = super::context::adapted(&store, &profile, super::context::today(globals))?.plan;
            (profile, plan)
        }
    };
    if globals.json {
        print_json(&plan)
    } else {
        crate::output::stdout(|out| render::plan(&plan, &profile, DateStyle::from_env(), &mut { out }))
    }
}
