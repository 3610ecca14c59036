//! `backbone history`: the latest sessions by training date, latest first (a day logged late or
//! imported takes its place by date, not by when it was entered).

use std::collections::HashMap;
use std::io::Write;

use backbone_core::catalog::Catalog;
use backbone_core::log::{SessionLog, SetKind, SetLog};

use super::{Globals, context, print_json};
use crate::render::weight;
use backbone_formats::locale::DateStyle;

#[derive(Debug, clap::Args)]
#[command(after_help = "Sets are listed as reps (or seconds with s, distances in km); w marks a warm-up set, d a \
                        drop set, f a set taken to failure.")]
pub struct Args {
    /// How many sessions to show.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let store = context::open(globals)?;
    let recent = store.latest_dated(args.limit)?;
    if globals.json {
        return print_json(&recent);
    }
    // The person's own units; before there is a profile, the settings' (config file, BACKBONE_UNITS).
    let units = store.profile()?.map_or(globals.settings.units.value, |p| p.profile.units);
    let dates = DateStyle::from_env();
    let customs: HashMap<String, String> = store.custom_exercises()?.into_iter().map(|c| (c.id, c.name)).collect();
    let mut out = crate::output::buffered();
    if recent.is_empty() {
        writeln!(out, "Nothing logged yet. `backbone log --help` shows how.")?;
    }
    for (s, entries) in by_day(recent) {
        // A database written before imports were cleaned may hold escape sequences: shown inert.
        let line = backbone_core::valid::clean_text(&summary(&s, units, &customs), false);
        let joined = if entries > 1 { format!("  ({entries} entries)") } else { String::new() };
        writeln!(out, "{}  {line}{joined}", dates.format(s.date))?;
    }
    out.flush()?;
    Ok(())
}

/// Entries of one training day (sets logged between sets, the check-in, a file) as one session, in the
/// order they were logged, with how many entries it joins. `--json` keeps every entry with its id.
fn by_day(latest_first: Vec<SessionLog>) -> Vec<(SessionLog, usize)> {
    let mut days: Vec<(SessionLog, usize)> = Vec::new();
    // Latest first, so within a day the earliest entry comes last: walk from the end of each day.
    for s in latest_first.into_iter().rev() {
        match days.last_mut() {
            Some((day, n)) if day.date == s.date => {
                day.sets.extend(s.sets);
                day.checkin = day.checkin.take().or(s.checkin);
                if day.measurements == backbone_core::profile::Assessment::default() {
                    day.measurements = s.measurements;
                }
                *n += 1;
            }
            _ => days.push((s, 1)),
        }
    }
    days.reverse();
    days
}

/// What one set did: reps, seconds or a distance, marked by its kind.
fn done(set: &SetLog) -> String {
    let amount = match (set.reps, set.seconds, set.distance_m) {
        (Some(r), _, _) => r.to_string(),
        (None, Some(s), _) => format!("{s}s"),
        (None, None, Some(m)) => format!("{:.2} km", m / 1000.0),
        (None, None, None) => "?".into(),
    };
    let mark = match set.kind {
        SetKind::Normal => "",
        SetKind::Warmup => "w",
        SetKind::Drop => "d",
        SetKind::Failure => "f",
    };
    format!("{amount}{mark}")
}

/// One line: the sets grouped by exercise, the check-in and measurements.
fn summary(s: &SessionLog, units: backbone_core::vocab::Units, customs: &HashMap<String, String>) -> String {
    let catalog = Catalog::builtin();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < s.sets.len() {
        let ex = &s.sets[i].exercise;
        let group: Vec<_> = s.sets[i..].iter().take_while(|x| &x.exercise == ex).collect();
        let reps: Vec<String> = group.iter().map(|x| done(x)).collect();
        let load = group.iter().find(|x| x.is_work()).unwrap_or(&group[0]).load_kg;
        let load = load.map(|kg| format!(" @ {}", weight(kg, units))).unwrap_or_default();
        let name = match catalog.get(ex) {
            Some(e) => e.name.as_str(),
            None => customs.get(ex.as_ref()).map_or(ex.as_ref(), String::as_str),
        };
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

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn entry(id: &str, day: i8, exercise: &str) -> SessionLog {
        SessionLog {
            id: id.into(),
            date: date(2026, 11, day),
            sets: vec![SetLog { reps: Some(10), ..SetLog::new(exercise) }],
            ..SessionLog::default()
        }
    }

    #[test]
    fn entries_of_one_day_join_in_the_order_they_were_logged() {
        // As the store gives them: latest date first, the latest entry of a day first.
        let days = by_day(vec![entry("c", 24, "face-pull"), entry("b", 23, "band-row"), entry("a", 23, "chin-up")]);
        assert_eq!(days.len(), 2);
        assert_eq!((days[0].0.id.as_str(), days[0].1), ("c", 1));
        let joined: Vec<&str> = days[1].0.sets.iter().map(|s| s.exercise.as_ref()).collect();
        assert_eq!((joined, days[1].1), (vec!["chin-up", "band-row"], 2));
    }
}
