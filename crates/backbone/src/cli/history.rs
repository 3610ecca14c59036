//! `backbone history`: the latest logged sessions, newest first.

use std::io::Write;

use backbone_core::catalog::Catalog;
use backbone_core::log::SessionLog;

use super::{Globals, context, print_json};
use crate::locale::DateStyle;
use crate::render::weight;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many sessions to show.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let store = context::open(globals)?;
    let recent = store.recent(args.limit)?;
    if globals.json {
        return print_json(&recent);
    }
    let units = store.profile()?.map_or(backbone_core::vocab::Units::Kg, |p| p.profile.units);
    let dates = DateStyle::from_env();
    let mut out = std::io::stdout().lock();
    if recent.is_empty() {
        writeln!(out, "Nothing logged yet. `backbone log --help` shows how.")?;
    }
    for s in &recent {
        writeln!(out, "{}  {}", dates.format(s.date), summary(s, units))?;
    }
    Ok(())
}

/// One line: the sets grouped by exercise, the check-in and measurements.
fn summary(s: &SessionLog, units: backbone_core::vocab::Units) -> String {
    let catalog = Catalog::builtin();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < s.sets.len() {
        let ex = &s.sets[i].exercise;
        let group: Vec<_> = s.sets[i..].iter().take_while(|x| &x.exercise == ex).collect();
        let reps: Vec<String> = group
            .iter()
            .map(|x| x.reps.map_or_else(|| format!("{}s", x.seconds.unwrap_or(0)), |r| r.to_string()))
            .collect();
        let load = group[0].load_kg.map(|kg| format!(" @ {}", weight(kg, units))).unwrap_or_default();
        let name = catalog.get(ex).map_or(ex.as_ref(), |e| e.name.as_str());
        parts.push(format!("{name} {}{load}", reps.join(",")));
        i += group.len();
    }
    if let Some(c) = s.checkin {
        let mut bits = Vec::new();
        if let Some(v) = c.soreness {
            bits.push(format!("soreness {v}"));
        }
        if let Some(v) = c.sleep_hours {
            bits.push(format!("sleep {v} h"));
        }
        if let Some(v) = c.stress {
            bits.push(format!("stress {v}"));
        }
        if let Some(v) = c.energy {
            bits.push(format!("energy {v}"));
        }
        if let Some(v) = c.ache {
            bits.push(format!("ache {v}"));
        }
        parts.push(format!("check-in: {}", bits.join(", ")));
    }
    if !s.measurements.is_empty() {
        parts.push("assessment".into());
    }
    parts.join("; ")
}
