//! `backbone log`: record a session from a file, or a few sets typed between sets
//! (`backbone log chest-supported-row 3x10@20 --rpe 7 --quality 4`).

use std::io::Write;
use std::path::PathBuf;

use backbone_core::catalog::Catalog;
use backbone_core::log::{SessionLog, SetLog, find_exercise, parse_notation, parse_session};
use backbone_core::profile::Assessment;
use backbone_store::Logged;
use jiff::civil::Date;

use super::{Globals, context, print_json, read_input};
use crate::failure::bad;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  backbone log --file session.json\n  \
                        backbone log chest-supported-row 3x10@20 --rpe 7 --quality 4\n  \
                        backbone log face pull 2x15 --rpe 6\n  backbone log farmer carry 2x40s@24\n\n\
                        Set notation: SETSxREPS (3x10), a list of reps (10,10,8), seconds with s (2x30s), \
                        @LOAD with kg or lb (@20, @45lb; bare numbers use your profile's units).")]
pub struct Args {
    /// A session file (JSON, CONTRACT.md "Keeping a log").
    #[arg(long, value_name = "FILE", conflicts_with = "sets")]
    pub file: Option<PathBuf>,
    /// The exercise (id or name, forgiving) followed by the sets, e.g. `chest supported row 3x10@20`.
    #[arg(value_name = "EXERCISE SETS", num_args = 0..)]
    pub sets: Vec<String>,
    /// RPE of the sets (1-10 in steps of 0.5).
    #[arg(long)]
    pub rpe: Option<f64>,
    /// Movement quality, 1-5.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=5))]
    pub quality: Option<u8>,
    /// Pain during the sets, 0-10 (any pain above 0 is a pain flag).
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=10))]
    pub pain: Option<u8>,
    /// The day the sets were done [default: today].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let today = context::today(globals);
    let mut store = context::open(globals)?;
    let session = match &args.file {
        Some(path) => parse_session(&read_input(path)?, &path.display().to_string(), today, Catalog::builtin())
            .map_err(|e| bad(e.to_string()))?,
        None => quick(&args, &store, today)?,
    };
    // The one rule every way into the log applies (a session from a file was checked field by field;
    // this catches what only the whole session shows).
    backbone_core::valid::check_session(&session, today).map_err(|e| bad(format!("log: {e}")))?;
    let outcome = store.log_session(&session, today)?;
    report(&session, outcome, globals)
}

/// A session from the set notation; each typed entry gets its own id, so two identical sets are two sets.
fn quick(args: &Args, store: &backbone_store::Store, today: Date) -> anyhow::Result<SessionLog> {
    let Some((dose, name)) = args.sets.split_last() else {
        return Err(bad("log: give --file SESSION.json, or an exercise and its sets, e.g. `log band-row 3x12`"));
    };
    if name.is_empty() {
        return Err(bad(format!("log: {dose:?} needs an exercise before it, e.g. `log band-row {dose}`")));
    }
    let profile = store.profile()?.map(|p| p.profile);
    let units = profile.as_ref().map_or(backbone_core::vocab::Units::Kg, |p| p.units);
    let noted = parse_notation(dose, units).map_err(|e| bad(format!("log: {e}")))?;
    let date = match &args.date {
        Some(text) => super::parse_day(text)
            .map_err(|e| bad(format!("log: --date {}: {e}", backbone_core::valid::excerpt(text))))?,
        None => today,
    };
    let exercise = planned_exercise(store, &name.join(" "), date)?;
    if let Some(rpe) = args.rpe
        && (!(1.0..=10.0).contains(&rpe) || (rpe * 2.0).fract() != 0.0)
    {
        return Err(bad(format!("log: --rpe {rpe} is not allowed; expected 1 to 10 in steps of 0.5")));
    }
    if date > today {
        return Err(bad(format!("log: --date {date} is after today ({today}); a session cannot be logged ahead")));
    }
    let sets: Vec<SetLog> = noted
        .iter()
        .map(|n| SetLog {
            reps: n.reps,
            seconds: n.seconds,
            load_kg: n.load_kg,
            rpe: args.rpe,
            quality: args.quality,
            pain: args.pain,
            ..SetLog::new(&exercise.id)
        })
        .collect();
    let id = format!("n-{}", unique_suffix());
    Ok(SessionLog { id, date, checkin: None, sets, measurements: Assessment::default(), ..Default::default() })
}

/// The exercise a person means: several catalog entries may match ("face pull"), so the ones planned for
/// that day win, then the ones anywhere in the plan.
fn planned_exercise(
    store: &backbone_store::Store,
    query: &str,
    date: Date,
) -> anyhow::Result<&'static backbone_core::catalog::Exercise> {
    let plan = store.latest_plan()?.map(|(plan, _, _)| plan);
    // Planned exercises nearest the day first: "face pull" means the face pull of that day's session,
    // or of the closest session that has one.
    let mut planned: Vec<(i32, String)> = plan
        .iter()
        .flat_map(|p| p.sessions())
        .flat_map(|(_, s)| {
            let distance = (s.date - date).get_days().abs();
            s.main.iter().map(move |m| (distance, m.exercise.to_string()))
        })
        .collect();
    planned.sort();
    let mut result = Err(backbone_core::log::NotationError::Unknown { given: query.into() });
    let mut seen: Vec<&str> = Vec::new();
    for (_, id) in &planned {
        if seen.contains(&id.as_str()) {
            continue;
        }
        seen.push(id);
        result = find_exercise(Catalog::builtin(), query, &seen);
        if !matches!(result, Err(backbone_core::log::NotationError::Ambiguous { .. })) {
            return result.map_err(|e| bad(format!("log: {e}")));
        }
    }
    if planned.is_empty() {
        result = find_exercise(Catalog::builtin(), query, &[]);
    }
    result.map_err(|e| bad(format!("log: {e}")))
}

/// A suffix no other entry has: the clock in nanoseconds and the process id.
pub fn unique_suffix() -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    format!("{nanos:x}-{:x}", std::process::id())
}

fn report(session: &SessionLog, outcome: Logged, globals: &Globals) -> anyhow::Result<()> {
    let inserted = outcome == Logged::Inserted;
    if globals.json {
        return print_json(&serde_json::json!({
            "id": session.id,
            "date": session.date,
            "logged": inserted,
            "sets": session.sets.len(),
        }));
    }
    let mut out = crate::output::buffered();
    if !inserted {
        writeln!(out, "Already logged (session {}): nothing changed.", session.id)?;
        out.flush()?;
        return Ok(());
    }
    let catalog = Catalog::builtin();
    let names: Vec<&str> = session
        .sets
        .iter()
        .map(|s| catalog.get(&s.exercise).map_or(s.exercise.as_ref(), |e| e.name.as_str()))
        .collect();
    let mut unique = names.clone();
    unique.dedup();
    let what = if session.sets.is_empty() {
        "a check-in".to_string()
    } else {
        format!("{} sets ({})", session.sets.len(), unique.join(", "))
    };
    writeln!(out, "Logged {what} on {}.", session.date)?;
    if session.sets.iter().any(|s| s.pain.is_some_and(|p| p >= 4)) {
        writeln!(
            out,
            "Pain of 4/10 or more: stop this exercise for today; `backbone next` shows its replacement. Sharp or \
             worsening pain: see a doctor or physical therapist. backbone gives training guidance, not medical advice."
        )?;
    }
    out.flush()?;
    Ok(())
}
