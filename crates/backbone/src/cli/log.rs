//! `backbone log`: record a session from a file, or a few sets typed between sets
//! (`backbone log chest-supported-row 3x10@20 --rpe 7 --quality 4`).

use std::io::Write;
use std::path::PathBuf;

use backbone_core::archive::CustomExercise;
use backbone_core::catalog::{Catalog, loose_key};
use backbone_core::log::{NotationError, SessionLog, SetLog, find_exercise, parse_notation, parse_session};
use backbone_core::profile::Assessment;
use backbone_store::{Logged, Store};
use jiff::civil::Date;

use super::{Globals, context, print_json, read_input};
use crate::failure::bad;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  backbone log                                  today's session, every set as prescribed\n  \
                        backbone log --except \"face pull 2x12\" --skip farmer-carry   as prescribed but for those\n  \
                        backbone log chest-supported-row 3x10@20 --rpe 7 --quality 4\n  \
                        backbone log row 3x10@20 face-pull 2x15       several exercises at once\n  \
                        backbone log rdl 3x8@60                        short names: rdl, csr (chest-supported-row)\n  \
                        backbone log \"T Bar Row\" 3x10@40              a custom exercise from an import, by name\n  \
                        backbone log farmer carry 2x40s@24\n  backbone log --file session.json\n  \
                        backbone log --cleared barbell-row             it is pain-free or cleared (METHOD R3)\n\n\
                        Set notation: SETSxREPS (3x10), a list of reps (10,10,8), seconds with s (2x30s), \
                        @LOAD with kg or lb (@20, @45lb; bare numbers use your profile's units). A word that \
                        starts with a digit is a set notation and ends an exercise's name. Logs of one day \
                        join one session in `backbone history`."
)]
pub struct Args {
    /// A session file (JSON, CONTRACT.md "Keeping a log").
    #[arg(long, value_name = "FILE", conflicts_with_all = ["sets", "except", "skip"])]
    pub file: Option<PathBuf>,
    /// Exercises (id, name, short name or custom name), each followed by its sets, e.g.
    /// `chest supported row 3x10@20 face-pull 2x15`. None: the day's session as prescribed.
    #[arg(value_name = "EXERCISE SETS", num_args = 0..)]
    pub sets: Vec<String>,
    /// With no sets given: an exercise done otherwise than prescribed, as "EXERCISE SETS" (repeatable).
    #[arg(long, value_name = "EXERCISE SETS", conflicts_with = "sets")]
    pub except: Vec<String>,
    /// With no sets given: an exercise of the session left out (repeatable).
    #[arg(long, value_name = "EXERCISE", conflicts_with = "sets")]
    pub skip: Vec<String>,
    /// RPE of the sets (1-10 in steps of 0.5) [default: as prescribed, when logging the session].
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
    /// An exercise kept out after pain is pain-free now, or a doctor or physical therapist cleared it
    /// (repeatable): it may return, gently (METHOD R3). Alone, it logs no sets.
    #[arg(long, value_name = "EXERCISE", conflicts_with = "file")]
    pub cleared: Vec<String>,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let today = context::today(globals);
    let mut store = context::open(globals)?;
    // Names as a screen shows them: nothing a terminal would act on, whenever they were stored.
    let mut customs = store.custom_exercises()?;
    for c in &mut customs {
        c.name = backbone_core::valid::clean_text(&c.name, false);
    }
    let session = match &args.file {
        Some(path) => parse_session(&read_input(path)?, &path.display().to_string(), today, Catalog::builtin())
            .map_err(|e| bad(e.to_string()))?,
        None => quick(&args, &mut store, &customs, today)?,
    };
    // The one rule every way into the log applies (a session from a file was checked field by field;
    // this catches what only the whole session shows).
    backbone_core::log::check_session(&session, today).map_err(|e| bad(format!("log: {e}")))?;
    let outcome = store.log_session(&session, today)?;
    report(&session, outcome, &customs, globals)
}

/// A session from the set notation, or the day's session as prescribed; each typed entry gets its own
/// id, so two identical sets are two sets.
fn quick(args: &Args, store: &mut Store, customs: &[CustomExercise], today: Date) -> anyhow::Result<SessionLog> {
    if let Some(rpe) = args.rpe
        && (!(1.0..=10.0).contains(&rpe) || (rpe * 2.0).fract() != 0.0)
    {
        return Err(bad(format!("log: --rpe {rpe} is not allowed; expected 1 to 10 in steps of 0.5")));
    }
    let date = match &args.date {
        Some(text) => super::parse_day(text)
            .map_err(|e| bad(format!("log: --date {}: {e}", backbone_core::valid::excerpt(text))))?,
        None => today,
    };
    if date > today {
        return Err(bad(format!("log: --date {date} is after today ({today}); a session cannot be logged ahead")));
    }
    let units = store.profile()?.map_or(backbone_core::vocab::Units::Kg, |p| p.profile.units);
    let names = Names { planned: planned_near(store, date)?, customs };
    let cleared: Vec<String> = args.cleared.iter().map(|c| names.resolve(c)).collect::<anyhow::Result<_>>()?;
    let only_cleared = !cleared.is_empty() && args.except.is_empty() && args.skip.is_empty();
    let sets = if args.sets.is_empty() && only_cleared {
        Vec::new()
    } else if args.sets.is_empty() {
        as_prescribed(args, store, &names, date, today, units)?
    } else {
        let mut sets = Vec::new();
        for (name, dose) in groups(&args.sets)? {
            sets.extend(typed(args, &names.resolve(&name)?, &dose, units)?);
        }
        sets
    };
    let id = format!("n-{}", unique_suffix());
    Ok(SessionLog { id, date, checkin: None, sets, measurements: Assessment::default(), cleared, ..Default::default() })
}

/// The words typed, as (exercise, sets) pairs: a word that starts with a digit is a set notation and
/// ends the exercise's name before it.
fn groups(words: &[String]) -> anyhow::Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut name: Vec<&str> = Vec::new();
    for word in words {
        if word.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
            if name.is_empty() {
                return Err(bad(format!("log: {word:?} needs an exercise before it, e.g. `log band-row {word}`")));
            }
            out.push((name.join(" "), word.clone()));
            name.clear();
        } else {
            name.push(word);
        }
    }
    if !name.is_empty() {
        let name = name.join(" ");
        return Err(bad(format!("log: {name:?} needs its sets after it, e.g. `log {name} 3x10`")));
    }
    Ok(out)
}

/// The sets of one typed group.
fn typed(args: &Args, exercise: &str, dose: &str, units: backbone_core::vocab::Units) -> anyhow::Result<Vec<SetLog>> {
    let noted = parse_notation(dose, units).map_err(|e| bad(format!("log: {e}")))?;
    Ok(noted
        .iter()
        .map(|n| SetLog {
            reps: n.reps,
            seconds: n.seconds,
            load_kg: n.load_kg,
            rpe: args.rpe,
            quality: args.quality,
            pain: args.pain,
            ..SetLog::new(exercise)
        })
        .collect())
}

/// The day's session as it was served (what `next` showed), every set done as prescribed, but for what
/// `--except` and `--skip` say. Today's session is served now when `next` has not shown it yet.
fn as_prescribed(
    args: &Args,
    store: &mut Store,
    names: &Names,
    date: Date,
    today: Date,
    units: backbone_core::vocab::Units,
) -> anyhow::Result<Vec<SetLog>> {
    let session = served_on(store, date, today)?;
    let skipped: Vec<String> = args.skip.iter().map(|s| names.resolve(s)).collect::<anyhow::Result<_>>()?;
    let mut instead: Vec<(String, Vec<SetLog>)> = Vec::new();
    for except in &args.except {
        let words: Vec<String> = except.split_whitespace().map(str::to_string).collect();
        for (name, dose) in groups(&words)? {
            let id = names.resolve(&name)?;
            instead.push((id.clone(), typed(args, &id, &dose, units)?));
        }
    }
    let mut sets = Vec::new();
    for item in &session.main {
        let id = item.exercise.as_ref();
        if skipped.iter().any(|s| s == id) {
            continue;
        }
        if let Some(pos) = instead.iter().position(|(i, _)| i == id) {
            sets.extend(instead.remove(pos).1);
            continue;
        }
        let set = SetLog {
            reps: item.reps.map(|r| r.target),
            seconds: item.seconds,
            load_kg: item.load_kg,
            rpe: args.rpe.or(Some(item.rpe)),
            quality: args.quality,
            pain: args.pain,
            ..SetLog::new(id)
        };
        sets.extend(std::iter::repeat_n(set, item.sets as usize));
    }
    // An exception for an exercise the session did not hold was done as well.
    sets.extend(instead.into_iter().flat_map(|(_, s)| s));
    Ok(sets)
}

/// What was served for `date`; for today, what `next` would show, served now (METHOD P1).
fn served_on(store: &mut Store, date: Date, today: Date) -> anyhow::Result<backbone_core::plan::Session> {
    if let Some(s) = store.served()?.into_iter().find(|s| s.session.date == date) {
        return Ok(s.session);
    }
    if date != today {
        return Err(bad(format!(
            "log: nothing was served for {date}; give the sets, e.g. `log --date {date} band-row 3x12`"
        )));
    }
    let profile = context::stored(store)?;
    let adapted = context::adapted(store, &profile, today)?;
    let next = adapted.next.filter(|n| n.session.date == today).ok_or_else(|| {
        bad("log: no session is planned for today; give the sets, e.g. `log band-row 3x12`, or see `backbone next`")
    })?;
    let deload = adapted.plan.sessions().any(|(w, s)| s.date == today && w.deload);
    store.serve(&next.session, deload, today)?;
    Ok(next.session)
}

/// What the log can take by name: the catalog (the day's planned exercises first) and the person's
/// custom exercises.
struct Names<'c> {
    planned: Vec<String>,
    customs: &'c [CustomExercise],
}

impl Names<'_> {
    /// The exercise id a person means: several catalog entries may match ("face pull"), so the ones
    /// planned nearest that day win; then a custom exercise by its name or id; else a "did you mean".
    fn resolve(&self, query: &str) -> anyhow::Result<String> {
        let mut seen: Vec<&str> = Vec::new();
        let mut result = find_exercise(Catalog::builtin(), query, &[]);
        for id in &self.planned {
            if !matches!(result, Err(NotationError::Ambiguous { .. })) {
                break;
            }
            seen.push(id);
            result = find_exercise(Catalog::builtin(), query, &seen);
        }
        match result {
            Ok(e) => Ok(e.id.clone()),
            Err(NotationError::Unknown { given, mut suggestions }) => {
                let key = loose_key(query);
                if let Some(c) = self.customs.iter().find(|c| loose_key(&c.name) == key || c.id == query) {
                    return Ok(c.id.clone());
                }
                suggestions.extend(self.close_customs(&key));
                Err(bad(format!("log: {}", NotationError::Unknown { given, suggestions })))
            }
            Err(e) => Err(bad(format!("log: {e}"))),
        }
    }

    fn close_customs(&self, key: &str) -> Vec<String> {
        let close = |c: &&CustomExercise| strsim::jaro_winkler(key, &loose_key(&c.name)) >= 0.85;
        self.customs.iter().filter(close).take(2).map(|c| format!("{:?}", c.name)).collect()
    }
}

/// The plan's exercise ids, those of sessions nearest `date` first, each once.
fn planned_near(store: &Store, date: Date) -> anyhow::Result<Vec<String>> {
    let plan = store.latest_plan()?.map(|(plan, _, _)| plan);
    let mut planned: Vec<(i32, String)> = plan
        .iter()
        .flat_map(|p| p.sessions())
        .flat_map(|(_, s)| {
            let distance = (s.date - date).get_days().abs();
            s.main.iter().map(move |m| (distance, m.exercise.to_string()))
        })
        .collect();
    planned.sort();
    let mut ids: Vec<String> = Vec::new();
    for (_, id) in planned {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// A suffix no other entry has: the clock in nanoseconds and the process id.
pub fn unique_suffix() -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    format!("{nanos:x}-{:x}", std::process::id())
}

fn report(session: &SessionLog, outcome: Logged, customs: &[CustomExercise], globals: &Globals) -> anyhow::Result<()> {
    let inserted = outcome == Logged::Inserted;
    if globals.json {
        return print_json(&serde_json::json!({
            "id": session.id,
            "date": session.date,
            "logged": inserted,
            "sets": session.sets.len(),
            "cleared": session.cleared,
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
        .map(|s| match catalog.get(&s.exercise) {
            Some(e) => e.name.as_str(),
            None => customs.iter().find(|c| c.id == s.exercise).map_or(s.exercise.as_ref(), |c| c.name.as_str()),
        })
        .collect();
    let mut unique = names.clone();
    unique.dedup();
    let what = if session.sets.is_empty() && !session.cleared.is_empty() {
        "your answer".to_string()
    } else if session.sets.is_empty() {
        "a check-in".to_string()
    } else {
        format!("{} sets ({})", session.sets.len(), unique.join(", "))
    };
    writeln!(out, "Logged {what} on {}.", session.date)?;
    for id in &session.cleared {
        let name = catalog.get(id).map_or(id.as_str(), |e| e.name.as_str());
        writeln!(out, "{name} is pain-free or cleared: it returns gently, at most 2 sets at RPE 7 (R3).")?;
    }
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
