//! What a coach reads off a simulated log: loads against capacity, deload pairs, volume per week,
//! plateau calls, pain windows, and the figures of `docs/COACHING.md`.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use backbone_core::catalog::{Catalog, Exercise};
use backbone_core::load::rts_percent;
use jiff::ToSpan;
use jiff::civil::Date;
use serde_json::Value;

use super::drive::{Day, Run};

pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

pub fn exercise(v: &Value) -> Option<&'static Exercise> {
    v.as_str().and_then(|id| Catalog::builtin().get(id))
}

pub fn is_overhead(v: &Value) -> bool {
    exercise(v).is_some_and(|e| e.patterns.iter().any(|p| p.as_str() == "vertical_pull"))
}

pub fn is_stability_drill(v: &Value) -> bool {
    exercise(v)
        .is_some_and(|e| e.category.as_str() == "core" || e.patterns.iter().any(|p| p.as_str() == "anti_rotation"))
}

fn is_upper_back(v: &Value) -> bool {
    exercise(v).is_some_and(|e| {
        e.patterns
            .iter()
            .any(|p| matches!(p.as_str(), "horizontal_pull" | "vertical_pull" | "scapular" | "external_rotation"))
    })
}

pub fn has_rule(item: &Value, rule: &str) -> bool {
    item["why"].as_array().is_some_and(|w| w.iter().any(|r| r == rule))
}

pub fn notices(served: &Value) -> Vec<(String, String)> {
    served["notices"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|n| (n["rule"].as_str().unwrap_or("").to_string(), n["text"].as_str().unwrap_or("").to_string()))
        .collect()
}

/// Served load / what the body could lift that day for the target reps at the served RPE.
pub fn ratio_to_ideal(run: &Run, day: Date, item: &Value) -> Option<f64> {
    let ex = exercise(&item["exercise"])?;
    let load = item["load_kg"].as_f64()?;
    let reps = u32::try_from(item["reps"]["target"].as_u64()?).ok()?;
    let ideal = run.body.ideal_load(ex, day, reps, item["rpe"].as_f64()?)?;
    // A load added to the body is judged with the body: 5 kg on a pull-up is not "twice" 2.5 kg.
    let body = if ex.adds_to_body { run.body.body_kg } else { 0.0 };
    (ideal + body > 0.0).then(|| (load + body) / (ideal + body))
}

/// Served load / ideal for every loaded item of the hard weeks in `weeks`.
pub fn load_ratios(run: &Run, weeks: RangeInclusive<i64>) -> Vec<f64> {
    run.items()
        .filter(|(d, deload, _)| !deload && weeks.contains(&run.week(d.date).0))
        .filter_map(|(d, _, m)| ratio_to_ideal(run, d.date, m))
        .collect()
}

/// The max a served item implies: its load at its target reps and RPE (the body included for loads
/// added to it).
pub fn e1rm_equivalent(run: &Run, item: &Value) -> Option<f64> {
    let ex = exercise(&item["exercise"])?;
    let load = item["load_kg"].as_f64()?;
    let pct = rts_percent(u32::try_from(item["reps"]["target"].as_u64()?).ok()?, item["rpe"].as_f64()?)?;
    Some(if ex.adds_to_body { (load + run.body.body_kg) / pct } else { load / pct })
}

/// The body's true growth between two (fractional) weeks.
pub fn true_growth(run: &Run, from: f64, to: f64) -> f64 {
    (1.0 + run.body.growth).powf(to - from)
}

fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// Per exercise served loaded in hard weeks of both ranges: its mean e1RM equivalent in each.
pub fn e1rm_equivalents(run: &Run, first: RangeInclusive<i64>, last: RangeInclusive<i64>) -> Vec<(String, f64, f64)> {
    let mut by: BTreeMap<String, (Vec<f64>, Vec<f64>)> = BTreeMap::new();
    for (d, deload, m) in run.items() {
        let week = run.week(d.date).0;
        let Some(e) = e1rm_equivalent(run, m).filter(|_| !deload) else { continue };
        let entry = by.entry(m["exercise"].as_str().unwrap_or("").to_string()).or_default();
        if first.contains(&week) {
            entry.0.push(e);
        } else if last.contains(&week) {
            entry.1.push(e);
        }
    }
    by.into_iter().filter_map(|(id, (a, b))| Some((id, mean(&a)?, mean(&b)?))).collect()
}

/// The mean over exercises of `e1rm_equivalents`.
pub fn mean_e1rm_equivalents(run: &Run, first: RangeInclusive<i64>, last: RangeInclusive<i64>) -> (f64, f64) {
    let all = e1rm_equivalents(run, first, last);
    let a: Vec<f64> = all.iter().map(|(_, a, _)| *a).collect();
    let b: Vec<f64> = all.iter().map(|(_, _, b)| *b).collect();
    (mean(&a).unwrap_or(f64::NAN), mean(&b).unwrap_or(f64::NAN))
}

/// Hard-week exposures of every loadable exercise, in order.
pub fn loaded_exposures(run: &Run) -> Vec<(String, Vec<(&Day, &Value)>)> {
    let mut by: BTreeMap<String, Vec<(&Day, &Value)>> = BTreeMap::new();
    for (d, deload, m) in run.items() {
        if !deload && exercise(&m["exercise"]).is_some_and(|e| e.load.is_some() && !e.timed) {
            by.entry(m["exercise"].as_str().unwrap_or("").to_string()).or_default().push((d, m));
        }
    }
    by.into_iter().collect()
}

fn served_on(run: &Run, day: Date) -> Option<&Value> {
    run.days.iter().find(|d| d.date == day).map(|d| &d.served)
}

fn item_of<'v>(session: &'v Value, exercise: &Value) -> Option<&'v Value> {
    session["main"].as_array()?.iter().find(|m| m["exercise"] == *exercise)
}

/// Each deload item with the same exercise served seven days before.
pub fn deload_pairs(run: &Run) -> Vec<(Date, Value, Value)> {
    let mut out = Vec::new();
    for (d, deload, m) in run.items() {
        if !deload {
            continue;
        }
        let before = served_on(run, d.date.saturating_sub(7.days())).and_then(|s| item_of(s, &m["exercise"]));
        if let Some(b) = before {
            out.push((d.date, b.clone(), m.clone()));
        }
    }
    out
}

/// The max the hardest logged set of an exercise implied on a day (load / RTS%), if it was loaded.
pub fn logged_e1rm(run: &Run, day: Date, exercise: &Value) -> Option<f64> {
    let d = run.days.iter().find(|d| d.date == day)?;
    let ex = super::checks::exercise(exercise)?;
    let body = if ex.adds_to_body { run.body.body_kg } else { 0.0 };
    d.logged["sets"]
        .as_array()?
        .iter()
        .filter(|s| s["exercise"] == *exercise)
        .filter_map(|s| {
            let pct = rts_percent(u32::try_from(s["reps"].as_u64()?).ok()?, s["rpe"].as_f64()?)?;
            Some((s["load_kg"].as_f64()? + body) / pct)
        })
        .reduce(f64::min)
}

/// For every deload week and exercise: the day and item of the last hard exposure before it, and the
/// first item after it.
pub fn around_deloads(run: &Run) -> Vec<(String, Date, Value, Value)> {
    let deload_days: Vec<Date> = run.days.iter().filter(|d| run.week(d.date).1).map(|d| d.date).collect();
    let Some(_) = deload_days.first() else { return Vec::new() };
    let mut out = Vec::new();
    let mut starts: Vec<Date> = deload_days.clone();
    starts.dedup_by(|a, b| run.week(*a).0 == run.week(*b).0);
    for start in starts {
        let hard = |d: &&Day| !run.week(d.date).1;
        let before: Vec<&Day> = run.days.iter().filter(|d| d.date < start).filter(hard).collect();
        let after: Vec<&Day> = run.days.iter().filter(|d| d.date > start).filter(hard).collect();
        let mut names: Vec<Value> = Vec::new();
        for d in before.iter().rev().take(4) {
            for m in d.served["main"].as_array().into_iter().flatten() {
                if !names.contains(&m["exercise"]) {
                    names.push(m["exercise"].clone());
                }
            }
        }
        for name in names {
            let last = before.iter().rev().find_map(|d| item_of(&d.served, &name).map(|m| (d.date, m)));
            let first = after.iter().take(4).find_map(|d| item_of(&d.served, &name));
            if let (Some((day, a)), Some(b)) = (last, first)
                && a["load_kg"].is_number()
                && b["load_kg"].is_number()
            {
                out.push((name.as_str().unwrap_or("").to_string(), day, a.clone(), b.clone()));
            }
        }
    }
    out
}

/// Days on which R1 showed: in an item's `why` or in a notice.
pub fn r1_dates(run: &Run) -> Vec<Date> {
    run.days
        .iter()
        .filter(|d| {
            let why = d.served["main"].as_array().into_iter().flatten().any(|m| has_rule(m, "R1"));
            why || notices(&d.served).iter().any(|(r, _)| r == "R1")
        })
        .map(|d| d.date)
        .collect()
}

/// Upper-back sets served per hard week, by week index.
pub fn weekly_upper_back_sets(run: &Run) -> Vec<(i64, f64)> {
    let mut by: BTreeMap<i64, f64> = BTreeMap::new();
    for (d, deload, m) in run.items() {
        if !deload && is_upper_back(&m["exercise"]) {
            *by.entry(run.week(d.date).0).or_default() += m["sets"].as_f64().unwrap_or(0.0);
        }
    }
    // Consecutive hard weeks only: a deload between two weeks is not a jump.
    by.into_iter().collect()
}

/// The first logged set with pain of 4 or more: the day, the exercise, and the load served that day.
pub fn pain_event(run: &Run) -> Option<(Date, Value, Option<f64>)> {
    for d in &run.days {
        for s in d.logged["sets"].as_array().into_iter().flatten() {
            if s["pain"].as_u64().is_some_and(|p| p >= 4) {
                let load = item_of(&d.served, &s["exercise"]).and_then(|m| m["load_kg"].as_f64());
                return Some((d.date, s["exercise"].clone(), load));
            }
        }
    }
    None
}

/// Some exercise's reps target or sets grew from its first to its last hard-week prescription.
pub fn grew(run: &Run) -> bool {
    let mut first: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut last: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for (_, deload, m) in run.items().filter(|(_, deload, _)| !deload) {
        let _ = deload;
        let key = m["exercise"].as_str().unwrap_or("").to_string();
        let dose = (m["reps"]["target"].as_u64().unwrap_or(0), m["sets"].as_u64().unwrap_or(0));
        first.entry(key.clone()).or_insert(dose);
        last.insert(key, dose);
    }
    first.iter().any(|(k, a)| last.get(k).is_some_and(|b| b.0 > a.0 || b.1 > a.1))
}

/// Two planned training days follow each other somewhere in the plan.
pub fn has_consecutive_days(run: &Run) -> bool {
    let mut dates: Vec<Date> = run.plan["weeks"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|w| w["sessions"].as_array().into_iter().flatten())
        .filter_map(|s| s["date"].as_str().and_then(|d| d.parse().ok()))
        .collect();
    dates.sort();
    dates.windows(2).any(|w| w[1] == w[0].saturating_add(1.days()))
}

/// The ISO date right after `marker` in a text, if any.
pub fn date_after(text: &str, marker: &str) -> Option<Date> {
    let at = text.find(marker)? + marker.len();
    text.get(at..at + 10)?.parse().ok()
}

/// The final plan's session on a day.
pub fn plan_session(run: &Run, day: Date) -> Option<&Value> {
    run.plan["weeks"]
        .as_array()?
        .iter()
        .flat_map(|w| w["sessions"].as_array().into_iter().flatten())
        .find(|s| s["date"].as_str() == Some(day.to_string().as_str()))
}

/// The Markdown table of `docs/COACHING.md`, one row per simulated person.
pub fn figures(runs: &[&Run]) -> String {
    let mut out = coach_figures(runs);
    out.push_str(&stage_figures(runs));
    out.push('\n');
    out.push_str(
        "| athlete | sessions | served/ideal load, weeks 9-16 (median) | served strength, weeks 1-4 -> 13-16 | true \
         growth | R1 calls | deload loads above the week before | biggest rise in weekly upper-back sets over the 3 hard weeks before | most \
         notices under a session | past days rewritten |\n|---|---|---|---|---|---|---|---|---|---|\n",
    );
    for run in runs {
        let ratios = load_ratios(run, 9..=16);
        let ratio = if ratios.is_empty() { "no loads".to_string() } else { format!("{:.2}", median(&ratios)) };
        let (a, b) = mean_e1rm_equivalents(run, 1..=4, 13..=16);
        let served =
            if a.is_finite() && b.is_finite() { format!("{:+.1}%", (b / a - 1.0) * 100.0) } else { "-".into() };
        let growth = format!("{:+.1}%", (true_growth(run, 2.5, 14.5) - 1.0) * 100.0);
        let above = deload_pairs(run)
            .iter()
            .filter(|(_, b, m)| m["load_kg"].as_f64().zip(b["load_kg"].as_f64()).is_some_and(|(x, y)| x > y))
            .count();
        let weeks = weekly_upper_back_sets(run);
        let jump = (1..weeks.len())
            .map(|i| weeks[i].1 - weeks[i.saturating_sub(3)..i].iter().map(|(_, s)| *s).fold(0.0, f64::max))
            .fold(0.0, f64::max);
        let most = run.days.iter().map(|d| notices(&d.served).len()).max().unwrap_or(0);
        let rewritten = run.days.iter().filter(|d| !d.kept).count();
        out.push_str(&format!(
            "| {} | {} | {ratio} | {served} | {growth} | {} | {above} | {jump:+} | {most} | {rewritten} |\n",
            run.name,
            run.days.len(),
            r1_dates(run).len(),
        ));
    }
    out
}

/// The figures issue 17 asks for, per simulated person: load direction changes per exercise per block,
/// the largest rise in implied max between hard exposures (and its share over 10% plus a step),
/// notices that disagree with their session, and loads that moved without a word.
fn coach_figures(runs: &[&Run]) -> String {
    let mut out = String::from(
        "| athlete | weeks | load direction changes per exercise per block | largest rise in implied max between hard \
         exposures | rises over 10% + one step | largest fall | notices that disagree with their session | loads moved \
         without a word | weeks 1-3: on target by the third exposure |\n|---|---|---|---|---|---|---|---|---|\n",
    );
    for run in runs {
        let steps = implied_steps(run);
        let rise = steps.iter().map(|(_, _, a, b, _)| b / a - 1.0).fold(0.0, f64::max);
        let fall = steps.iter().map(|(_, _, a, b, _)| b / a - 1.0).fold(0.0, f64::min);
        let over = steps.iter().filter(|(_, _, a, b, s)| *b > a * 1.10 + s + 0.01).count();
        let (reached, of) = reached_target_early(run);
        out.push_str(&format!(
            "| {} | {} | {:.2} | {:+.1}% | {over} of {} | {:+.1}% | {} | {} | {reached} of {of} |\n",
            run.name,
            run.body.weeks,
            direction_changes(run),
            rise * 100.0,
            steps.len(),
            fall * 100.0,
            disagreements(run).len(),
            silent_changes(run).len(),
        ));
    }
    out.push('\n');
    out
}

/// METHOD R1's stages for the people who stall: for each exercise called, the week of each stage.
fn stage_figures(runs: &[&Run]) -> String {
    let mut out = String::from("| athlete | exercise | R1 stages (week: stage) |\n|---|---|---|\n");
    for run in runs.iter().filter(|r| r.body.growth == 0.0) {
        for (exercise, calls) in r1_stages(run) {
            let list: Vec<String> = calls.iter().map(|(d, s)| format!("{}: {s}", run.week(*d).0)).collect();
            out.push_str(&format!("| {} | {exercise} | {} |\n", run.name, list.join(", ")));
        }
    }
    out
}

/// The exercise's served loads in `weeks` were, on average, above what the body could do (the standard
/// it started from was too high for this body).
pub fn first_loads_over_capacity(run: &Run, exercise: &str, weeks: RangeInclusive<i64>) -> bool {
    let ratios: Vec<f64> = run
        .items()
        .filter(|(d, deload, m)| !deload && m["exercise"] == exercise && weeks.contains(&run.week(d.date).0))
        .filter_map(|(d, _, m)| ratio_to_ideal(run, d.date, m))
        .collect();
    mean(&ratios).is_some_and(|r| r > 1.02)
}

/// The smallest load step of an exercise's implement, kg.
pub fn step_kg(exercise: &Value) -> f64 {
    let ex = super::checks::exercise(exercise);
    ex.and_then(|e| e.load).map_or(0.0, |i| backbone_core::load::step_kg(i, backbone_core::vocab::Units::Kg))
}

/// Whether a served load is within `lo..=hi` times the ideal, or within one step of the implement of
/// that band (where one step is a third of a light load, no load can be nearer).
pub fn near_ideal(run: &Run, day: Date, item: &Value, lo: f64, hi: f64) -> Option<bool> {
    let ratio = ratio_to_ideal(run, day, item)?;
    let load = item["load_kg"].as_f64()?;
    let ideal = load / ratio;
    let step = step_kg(&item["exercise"]);
    Some(load >= ideal * lo - step && load <= ideal * hi + step)
}

/// METHOD K10: the notices under a session that name a number the session does not serve, as
/// (day, notice, what the session serves). A notice that says it is for later sessions agrees.
pub fn disagreements(run: &Run) -> Vec<(Date, String, String)> {
    let mut out = Vec::new();
    for d in &run.days {
        for (_, text) in notices(&d.served) {
            if text.contains("That is for the hard sessions to come") {
                continue;
            }
            for m in d.served["main"].as_array().into_iter().flatten() {
                let Some(ex) = exercise(&m["exercise"]) else { continue };
                if !text.starts_with(&format!("{}:", ex.name)) {
                    continue;
                }
                if let Some(kg) = number_after(&text, "moves to ", " kg")
                    && m["load_kg"].as_f64().is_none_or(|l| (l - kg).abs() > 0.01)
                {
                    out.push((d.date, text.clone(), format!("{} kg", m["load_kg"])));
                }
                if let Some(reps) = number_after(&text, "reps move to ", " ")
                    && m["reps"]["target"].as_f64().is_none_or(|r| (r - reps).abs() > 0.01)
                {
                    out.push((d.date, text.clone(), format!("{} reps", m["reps"]["target"])));
                }
            }
            // An announced swap names the exercise now served in the old one's place.
            if let Some(rest) = text.split(": in place of ").next().filter(|_| text.contains(": in place of "))
                && !d.served["main"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|m| exercise(&m["exercise"]).is_some_and(|e| e.name == rest))
            {
                out.push((d.date, text.clone(), "the exercise is not in the session".into()));
            }
        }
    }
    out
}

/// METHOD K10: days whose load moved for an exercise since its last hard exposure while no notice under
/// the session says anything (the "Nothing changed" the person would read).
pub fn silent_changes(run: &Run) -> Vec<(Date, String)> {
    let mut last: BTreeMap<String, f64> = BTreeMap::new();
    let mut out = Vec::new();
    for d in &run.days {
        let deload = run.week(d.date).1;
        let quiet = notices(&d.served).is_empty();
        for m in d.served["main"].as_array().into_iter().flatten() {
            let (id, Some(kg)) = (m["exercise"].to_string(), m["load_kg"].as_f64()) else { continue };
            if deload {
                continue;
            }
            if let Some(was) = last.insert(id.clone(), kg)
                && (was - kg).abs() > 0.01
                && quiet
            {
                out.push((d.date, format!("{id}: {was} -> {kg} kg")));
            }
        }
    }
    out
}

/// The number written between `before` and `after` in a text, if any.
fn number_after(text: &str, before: &str, after: &str) -> Option<f64> {
    let start = text.find(before)? + before.len();
    let rest = &text[start..];
    let end = rest.find(after).unwrap_or(rest.len());
    rest[..end].trim_end_matches(['.', ',']).parse().ok()
}

/// METHOD P5: for each exercise, the implied max of consecutive hard exposures (its load at its target
/// reps and RPE, the body included for loads added to it), as (exercise, day, from, to, step in e1RM terms).
pub fn implied_steps(run: &Run) -> Vec<(String, Date, f64, f64, f64)> {
    let mut last: BTreeMap<String, f64> = BTreeMap::new();
    let mut out = Vec::new();
    for (d, deload, m) in run.items() {
        if deload {
            continue;
        }
        let Some(now) = e1rm_equivalent(run, m) else { continue };
        let id = m["exercise"].as_str().unwrap_or("").to_string();
        let pct = rts_percent(m["reps"]["target"].as_u64().unwrap_or(10) as u32, m["rpe"].as_f64().unwrap_or(8.0));
        let step = pct.map_or(0.0, |p| step_kg(&m["exercise"]) / p);
        if let Some(was) = last.insert(id.clone(), now) {
            out.push((id, d.date, was, now, step));
        }
    }
    out
}

/// METHOD P5: how often a load's direction turns (up then down, or down then up) per exercise per block,
/// over every exercise and block: the alternation a coach would not write.
pub fn direction_changes(run: &Run) -> f64 {
    let mut by: BTreeMap<(String, String), Vec<f64>> = BTreeMap::new();
    for (d, deload, m) in run.items() {
        let (_, _, emphasis) = run.week(d.date);
        if deload {
            continue;
        }
        if let Some(kg) = m["load_kg"].as_f64() {
            by.entry((m["exercise"].to_string(), emphasis)).or_default().push(kg);
        }
    }
    if by.is_empty() {
        return 0.0;
    }
    let turns: usize = by
        .values()
        .map(|loads| {
            let dirs: Vec<f64> = loads.windows(2).map(|w| w[1] - w[0]).filter(|d| d.abs() > 0.01).collect();
            dirs.windows(2).filter(|w| w[0].signum() != w[1].signum()).count()
        })
        .sum();
    turns as f64 / by.len() as f64
}

/// METHOD R1's calls per exercise, in order: (day, stage word), from the notices that announced them.
pub fn r1_stages(run: &Run) -> BTreeMap<String, Vec<(Date, String)>> {
    let mut by: BTreeMap<String, Vec<(Date, String)>> = BTreeMap::new();
    let mut seen: std::collections::BTreeSet<String> = Default::default();
    for d in &run.days {
        for (rule, text) in notices(&d.served) {
            if rule != "R1" || !text.contains("(plateau)") || !seen.insert(text.clone()) {
                continue;
            }
            let name = text.split(':').next().unwrap_or("").to_string();
            let stage =
                ["volume", "intensity", "selection", "holding"].into_iter().find(|w| text.contains(&format!("; {w}")));
            by.entry(name).or_default().push((d.date, stage.unwrap_or("?").to_string()));
        }
    }
    by
}

/// METHOD R1's selection swaps announced: (from, to) by name.
pub fn r1_swaps(run: &Run) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for d in &run.days {
        for (rule, text) in notices(&d.served) {
            let Some(rest) = text.split("from the next session ").nth(1).filter(|_| rule == "R1") else { continue };
            let to = rest.split(" takes its place").next().unwrap_or("").to_string();
            let from = text.split(':').next().unwrap_or("").to_string();
            if !out.contains(&(from.clone(), to.clone())) {
                out.push((from, to));
            }
        }
    }
    out
}

/// METHOD P5 in weeks 1-3: for each loaded exercise, whether the effort logged at its third exposure (two
/// after the first logged load) is within a point and a half of the RPE served, as (reached, of).
pub fn reached_target_early(run: &Run) -> (usize, usize) {
    let mut by: BTreeMap<String, Vec<(f64, f64)>> = BTreeMap::new();
    for d in run.days.iter().filter(|d| run.week(d.date).0 <= 3 && !run.week(d.date).1) {
        for m in d.served["main"].as_array().into_iter().flatten() {
            let Some(asked) = m["rpe"].as_f64() else { continue };
            let sets: Vec<f64> = d.logged["sets"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|s| s["exercise"] == m["exercise"] && s["load_kg"].as_f64().is_some())
                .filter_map(|s| s["rpe"].as_f64())
                .collect();
            if !sets.is_empty() {
                let mean = sets.iter().sum::<f64>() / sets.len() as f64;
                by.entry(m["exercise"].to_string()).or_default().push((asked, mean));
            }
        }
    }
    let third: Vec<&(f64, f64)> = by.values().filter_map(|v| v.get(2)).collect();
    (third.iter().filter(|(asked, mean)| (mean - asked).abs() <= 1.5).count(), third.len())
}
