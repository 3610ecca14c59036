//! `backbone assess`: record the METHOD A1-A4 assessment, at the start and at the end of every block (A6).

use std::io::Write;

use backbone_core::log::SessionLog;
use backbone_core::profile::{Assessment, LeftRight};
use backbone_core::vocab::{GripWidth, PassFail};

use super::{Globals, context, print_json};
use crate::failure::bad;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "How to test:\n  grip: hand dynamometer, best of 2-3 tries per hand (kg); without one, a dead hang in seconds\n  \
                        wall angel: back, head and arms keep touching the wall through the slide = pass\n  \
                        thoracic rotation: seated, degrees per side (45 or more is adequate)\n\n\
                        Example: backbone assess --grip-left 44 --grip-right 47 --wall-angel pass --thoracic-left 40 --thoracic-right 48"
)]
pub struct Args {
    #[arg(long, value_name = "KG", requires = "grip_right", value_parser = kg)]
    pub grip_left: Option<f64>,
    #[arg(long, value_name = "KG", requires = "grip_left", value_parser = kg)]
    pub grip_right: Option<f64>,
    /// Dead-hang time when there is no dynamometer.
    #[arg(long, value_name = "SECONDS", value_parser = hang_seconds, allow_negative_numbers = true)]
    pub dead_hang: Option<f64>,
    #[arg(long, value_parser = PassFail::parse)]
    pub wall_angel: Option<PassFail>,
    /// Visible shoulder-blade winging during the wall angel.
    #[arg(long)]
    pub winging: Option<bool>,
    #[arg(long, value_name = "DEG", requires = "thoracic_right", value_parser = degrees)]
    pub thoracic_left: Option<f64>,
    #[arg(long, value_name = "DEG", requires = "thoracic_left", value_parser = degrees)]
    pub thoracic_right: Option<f64>,
    /// Bench and row grip width.
    #[arg(long, value_parser = GripWidth::parse)]
    pub bench_grip: Option<GripWidth>,
}

fn kg(s: &str) -> Result<f64, String> {
    s.parse::<f64>().ok().filter(|v| (1.0..=150.0).contains(v)).ok_or_else(|| "not kg from 1 to 150".to_string())
}

fn hang_seconds(s: &str) -> Result<f64, String> {
    s.parse::<f64>().ok().filter(|v| (0.0..=600.0).contains(v)).ok_or_else(|| "not seconds from 0 to 600".to_string())
}

fn degrees(s: &str) -> Result<f64, String> {
    s.parse::<f64>().ok().filter(|v| (0.0..=90.0).contains(v)).ok_or_else(|| "not degrees from 0 to 90".to_string())
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let today = context::today(globals);
    let a = Assessment {
        grip_kg: args.grip_left.zip(args.grip_right).map(|(left, right)| LeftRight { left, right }),
        dead_hang_seconds: args.dead_hang,
        wall_angel: args.wall_angel,
        scapular_winging: args.winging,
        thoracic_rotation_deg: args
            .thoracic_left
            .zip(args.thoracic_right)
            .map(|(left, right)| LeftRight { left, right }),
        bench_grip: args.bench_grip,
    };
    if a.is_empty() {
        return Err(bad("assess: give at least one result, e.g. --wall-angel pass (see --help for how to test)"));
    }
    let mut store = context::open(globals)?;
    let session = SessionLog::measured(format!("a-{today}-{}", super::log::unique_suffix()), today, a.clone());
    store.log_session(&session, today)?;
    if globals.json {
        return print_json(&serde_json::json!({"id": session.id, "date": today, "assessment": a}));
    }
    writeln!(std::io::stdout(), "Assessment saved for {today}; the next block is built on it (METHOD A6).")?;
    Ok(())
}
