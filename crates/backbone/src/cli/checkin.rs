//! `backbone checkin`: how you feel today (METHOD K4): soreness, sleep, stress, energy, ache.

use std::io::{IsTerminal, Write};

use backbone_core::log::{Checkin, SessionLog};
use backbone_store::Logged;

use super::{Globals, context, print_json};
use crate::failure::bad;

#[derive(Debug, clap::Args)]
#[command(after_help = "Example: backbone checkin --soreness 3 --sleep 7.5 --stress 4 --energy 6 --ache 2\n\
                        Without flags on a terminal, backbone asks. Soreness of 7+ twice in a row cuts the next \
                        week's sets (METHOD R2); under 6 h of sleep, stress 7+ or energy 3- lowers today's RPE (R5).")]
pub struct Args {
    /// Muscle soreness, 0-10.
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=10))]
    pub soreness: Option<u8>,
    /// Hours slept last night.
    #[arg(long, value_parser = parse_sleep)]
    pub sleep: Option<f64>,
    /// Stress, 0-10.
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=10))]
    pub stress: Option<u8>,
    /// Energy, 0-10.
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=10))]
    pub energy: Option<u8>,
    /// Everyday upper-back or neck ache, 0-10.
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=10))]
    pub ache: Option<u8>,
}

fn parse_sleep(s: &str) -> Result<f64, String> {
    s.parse::<f64>().ok().filter(|h| (0.0..=24.0).contains(h)).ok_or_else(|| "not hours from 0 to 24".to_string())
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let today = context::today(globals);
    let mut checkin = Checkin {
        soreness: args.soreness,
        sleep_hours: args.sleep,
        stress: args.stress,
        energy: args.energy,
        ache: args.ache,
    };
    if checkin.is_empty() {
        if !std::io::stdin().is_terminal() {
            return Err(bad("checkin: give at least one of --soreness, --sleep, --stress, --energy, --ache"));
        }
        checkin = ask()?;
    }
    let mut store = context::open(globals)?;
    let id = format!("c-{today}-{}", super::log::unique_suffix());
    let session = SessionLog::checkin_only(id, today, checkin);
    let outcome = store.log_session(&session, today)?;
    if globals.json {
        return print_json(
            &serde_json::json!({"id": session.id, "date": today, "logged": outcome == Logged::Inserted, "checkin": checkin}),
        );
    }
    writeln!(std::io::stdout(), "Check-in saved for {today}.")?;
    Ok(())
}

/// Asks each scale on the terminal; Enter skips one.
fn ask() -> anyhow::Result<Checkin> {
    let mut c = Checkin::default();
    let read = |q: &str, max: f64| -> anyhow::Result<Option<f64>> {
        loop {
            eprint!("{q} (0-{max}, Enter to skip): ");
            std::io::stderr().flush()?;
            let mut line = String::new();
            if std::io::stdin().read_line(&mut line)? == 0 {
                return Ok(None);
            }
            let t = line.trim();
            if t.is_empty() {
                return Ok(None);
            }
            match t.parse::<f64>() {
                Ok(v) if (0.0..=max).contains(&v) => return Ok(Some(v)),
                _ => eprintln!("  {t:?} is not a number from 0 to {max}"),
            }
        }
    };
    c.soreness = read("Soreness", 10.0)?.map(|v| v.round() as u8);
    c.sleep_hours = read("Hours of sleep", 24.0)?;
    c.stress = read("Stress", 10.0)?.map(|v| v.round() as u8);
    c.energy = read("Energy", 10.0)?.map(|v| v.round() as u8);
    c.ache = read("Upper-back or neck ache", 10.0)?.map(|v| v.round() as u8);
    if c.is_empty() {
        return Err(bad("checkin: nothing was answered"));
    }
    Ok(c)
}
