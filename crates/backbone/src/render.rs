//! Human output: a plan a person can train from, the catalog as tables and cards, and the progress
//! dashboard (`render/dashboard.rs`).

mod dashboard;

pub use dashboard::{Reader, dashboard};

use std::io::Write;

use backbone_core::adapt::NextSession;
use backbone_core::catalog::{Catalog, Exercise};
use backbone_core::load::shown;
use backbone_core::plan::{MainItem, Plan, Session};
use backbone_core::profile::Profile;
use backbone_core::vocab::Units;

use backbone_formats::locale::DateStyle;

/// The week-by-week plan: names, sets x reps, RPE, load, rest and the top cue of every exercise.
pub fn plan(plan: &Plan, profile: &Profile, dates: DateStyle, out: &mut impl Write) -> anyhow::Result<()> {
    let catalog = Catalog::builtin();
    let a = &plan.athlete;
    writeln!(out, "Plan for {} ({}, goal: {}), from {}", a.name, a.experience, a.goal, dates.format(plan.start))?;
    writeln!(out, "Numbers in [brackets] are METHOD.md rules; `--json` shows them for every item.")?;
    for week in &plan.weeks {
        writeln!(out)?;
        let kind = if week.deload { "deload".to_string() } else { week.block.emphasis.to_string() };
        writeln!(
            out,
            "== Week {} (block {}, {kind}) from {} ==",
            week.index,
            week.block.index,
            dates.format(week.start)
        )?;
        for s in &week.sessions {
            session(s, &Default::default(), profile.units, dates, catalog, out)?;
        }
    }
    if !plan.notices.is_empty() {
        writeln!(out, "\nNotes")?;
        for n in &plan.notices {
            writeln!(out, "  [{}] {}", n.rule, n.text)?;
        }
    }
    Ok(())
}

fn name<'a>(catalog: &'a Catalog, id: &'a str) -> &'a str {
    catalog.get(id).map_or(id, |e| e.name.as_str())
}

/// The next session and, in plain words, what changed and why.
/// The next session; `explain` adds what RPE, tempo and an empty load mean, for someone who has logged
/// little so far (METHOD K10: terms explained where they first appear).
pub fn next(
    next: &NextSession,
    profile: &Profile,
    dates: DateStyle,
    explain: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    session(&next.session, &next.done, profile.units, dates, Catalog::builtin(), out)?;
    if explain {
        terms(&next.session, out)?;
    }
    writeln!(out)?;
    if next.notices.is_empty() {
        writeln!(out, "Nothing changed: train as planned.")?;
    } else {
        writeln!(out, "What changed and why:")?;
        for n in &next.notices {
            writeln!(out, "  [{}] {}", n.rule, n.text)?;
        }
    }
    Ok(())
}

/// One line per term the session uses: RPE, tempo, and what to do when no load is given.
fn terms(s: &Session, out: &mut impl Write) -> anyhow::Result<()> {
    writeln!(out, "  Terms (`backbone rules rpe` for more):")?;
    writeln!(out, "    RPE = effort from 1 to 10: RPE 8 leaves about 2 more reps in the tank, 10 leaves none.")?;
    if s.main.iter().any(|m| m.tempo.is_some()) {
        writeln!(out, "    tempo 3-1-1-0 = seconds lowering, pausing, lifting, pausing at the top.")?;
    }
    if s.main.iter().any(|m| m.load_kg.is_none() && m.reps.is_some()) {
        writeln!(
            out,
            "    no load shown = choose one you can lift for the target reps at that RPE; log it with its RPE \
             and the next load is set from it (e1RM: the one-rep max your sets imply)."
        )?;
    }
    Ok(())
}

fn session(
    s: &Session,
    done: &std::collections::BTreeMap<String, u32>,
    units: Units,
    dates: DateStyle,
    catalog: &Catalog,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let heavy = if s.heavy { ", heavy" } else { "" };
    let focus = s.focus.as_str().replace('_', " ");
    writeln!(out, "\n{}: {focus}{heavy}, about {} min", dates.format(s.date), s.minutes)?;
    let warm: Vec<String> =
        s.warmup.iter().map(|w| format!("{} {}", name(catalog, &w.exercise), clock(w.seconds))).collect();
    let warm_total: u32 = s.warmup.iter().map(|w| w.seconds).sum();
    writeln!(out, "  Warm-up ({}): {}", clock(warm_total), warm.join(", "))?;
    for (i, m) in s.main.iter().enumerate() {
        let ex = catalog.get(&m.exercise);
        // What is already trained today says so: its sets are kept as they were served.
        let trained = match done.get(m.exercise.as_ref()) {
            Some(&n) if n >= m.sets => "  [done]".to_string(),
            Some(&n) => format!("  [{n} of {} done]", m.sets),
            None => String::new(),
        };
        writeln!(out, "  {}. {:<28} {}{trained}", i + 1, name(catalog, &m.exercise), dose(m, units, ex, catalog))?;
        if let Some(cue) = ex.map(Exercise::top_cue).filter(|c| !c.is_empty()) {
            writeln!(out, "     cue: {cue}")?;
        }
    }
    let cool: Vec<String> = s
        .cooldown
        .iter()
        .map(|c| format!("{} {} x {} s", name(catalog, &c.exercise), c.sets, c.hold_seconds))
        .collect();
    writeln!(out, "  Cool-down: {}", cool.join(", "))?;
    Ok(())
}

/// "3 x 8 (8-12) @ RPE 7, 20 kg each, rest 1:30, tempo 3-1-1-0": a dumbbell or kettlebell load says
/// whether it is each one's or the pair's (METHOD K10), a load added to the body says so with "+".
fn dose(m: &MainItem, units: Units, ex: Option<&Exercise>, catalog: &Catalog) -> String {
    let side = if ex.is_some_and(|e| e.unilateral) { " each side" } else { "" };
    let amount = match (m.reps, m.seconds) {
        (Some(r), _) => format!("{} x {}{side} ({}-{})", m.sets, r.target, r.min, r.max),
        (None, Some(s)) => format!("{} x {s} s{side}", m.sets),
        (None, None) => format!("{} sets", m.sets),
    };
    let mut parts = vec![amount, format!("@ RPE {}", m.rpe)];
    if let Some(kg) = m.load_kg {
        parts.push(load(kg, units, m, ex, catalog));
    }
    parts.push(format!("rest {}", clock(m.rest_seconds)));
    if let Some(t) = &m.tempo {
        parts.push(format!("tempo {t}"));
    }
    parts.join(", ")
}

/// A load in the user's units.
pub fn weight(kg: f64, units: Units) -> String {
    format!("{} {}", shown(kg, units), units.as_str())
}

/// A prescribed load as the person picks it up: "20 kg each" for dumbbells, "+10 kg" on the body.
fn load(kg: f64, units: Units, m: &MainItem, ex: Option<&Exercise>, catalog: &Catalog) -> String {
    let added = if ex.is_some_and(|e| e.adds_to_body) { "+" } else { "" };
    match m.load_held(catalog) {
        Some(per) => format!("{added}{} {}", weight(kg, units), per.word()),
        None => format!("{added}{}", weight(kg, units)),
    }
}

/// Seconds as m:ss.
fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// One line per exercise.
pub fn exercise_table(list: &[&Exercise], out: &mut impl Write) -> anyhow::Result<()> {
    let rows: Vec<[String; 5]> = list
        .iter()
        .map(|e| {
            let tier = e.tier.map_or("-".to_string(), |t| format!("T{t}"));
            let eq = if e.equipment.is_empty() { "none".to_string() } else { join(&e.equipment) };
            [e.id.clone(), e.category.to_string(), tier, eq, join(&e.patterns)]
        })
        .collect();
    let header = ["ID", "CATEGORY", "TIER", "EQUIPMENT", "PATTERNS"].map(str::to_string);
    // Each column as wide as its widest cell (display width), so the columns line up whatever the words.
    let mut widths = header.clone().map(|h| unicode_width::UnicodeWidthStr::width(h.as_str()));
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(unicode_width::UnicodeWidthStr::width(cell.as_str()));
        }
    }
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            line.push_str(cell);
            if i + 1 < row.len() {
                line.push_str(&" ".repeat(w - unicode_width::UnicodeWidthStr::width(cell.as_str()) + 2));
            }
        }
        writeln!(out, "{line}")?;
    }
    writeln!(out, "{} exercises. `backbone exercises show ID` for cues and substitutes.", list.len())?;
    Ok(())
}

fn join<T: std::fmt::Display>(items: &[T]) -> String {
    items.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ")
}

/// Everything about one exercise.
pub fn exercise(e: &Exercise, catalog: &Catalog, out: &mut impl Write) -> anyhow::Result<()> {
    writeln!(out, "{} ({})", e.name, e.id)?;
    let tier = e.tier.map_or(String::new(), |t| format!(", tier T{t}"));
    writeln!(out, "  {}{tier}; patterns: {}", e.category, join(&e.patterns))?;
    let eq =
        if e.equipment.is_empty() { "nothing beyond a wall, a chair and the floor".into() } else { join(&e.equipment) };
    writeln!(out, "  needs: {eq}{}", if e.unilateral { "; one side at a time" } else { "" })?;
    writeln!(out, "  muscles: {}; also {}", join(&e.muscles.primary), join(&e.muscles.secondary))?;
    let joints = if e.joints.is_empty() { "none in particular".into() } else { join(&e.joints) };
    writeln!(out, "  loads the joints: {joints}")?;
    writeln!(out, "  cues:")?;
    for c in &e.cues {
        writeln!(out, "    - {c}")?;
    }
    if !e.substitutes.is_empty() {
        let subs: Vec<String> = e.substitutes.iter().map(|s| format!("{} ({s})", name(catalog, s))).collect();
        writeln!(out, "  substitutes: {}", subs.join(", "))?;
    }
    if let Some(h) = &e.harder {
        writeln!(out, "  harder variation: {} ({h})", name(catalog, h))?;
    }
    writeln!(out, "  rules that use it: {}", e.rule_ids().join(", "))?;
    Ok(())
}
