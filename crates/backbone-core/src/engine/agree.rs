//! Notices that agree with the session they are printed under (METHOD K10): every load or rep count a
//! notice names is the one served beside it, or the notice says plainly that it is about a later day;
//! and a dose that moved since the exercise was last served is never left unexplained.

use crate::catalog::Catalog;
use crate::plan::{LoadPer, MainItem, Notice, Session, Week};
use crate::vocab::Units;

use super::progression::Claim;

/// A claimed number against the item served: the notice as it is when they agree, else with what this
/// session serves and why.
pub fn reconcile(notice: &Notice, claim: Claim, session: &Session, deload: bool, units: Units) -> Notice {
    let Some(item) = session.main.iter().find(|m| m.exercise == claim.exercise) else { return notice.clone() };
    let load_agrees = claim.load_kg.is_none_or(|kg| item.load_kg.is_some_and(|l| (l - kg).abs() < 0.01));
    let reps_agree = claim.reps.is_none_or(|r| item.reps.is_some_and(|reps| reps.target == r));
    if load_agrees && reps_agree {
        return notice.clone();
    }
    let ex = Catalog::builtin().get(claim.exercise);
    let mut parts = Vec::new();
    if let (Some(reps), false) = (item.reps, reps_agree) {
        parts.push(format!("{} reps", reps.target));
    }
    match (item.load_kg, ex) {
        (Some(kg), Some(ex)) if !load_agrees => parts.push(LoadPer::say(ex, kg, units)),
        (None, _) if !load_agrees => parts.push("no load".to_string()),
        _ => {}
    }
    let served = parts.join(" at ");
    let why = reason(item, deload);
    // The number claimed is not what the person will see (another rep range, a deload, a readiness
    // drop): say what the log showed and what this session serves, and no number served nowhere.
    let text = [
        (": the load moves to ", ": the working load is recalibrated from it"),
        (", so the reps move to ", ""),
        (": the reps move to ", ": the reps are recalibrated from it"),
    ]
    .iter()
    .find_map(|(claim, instead)| {
        notice
            .text
            .find(claim)
            .map(|at| format!("{}{instead}; this session serves {served}: {why}.", &notice.text[..at]))
    })
    .unwrap_or_else(|| {
        format!("{} That is for the hard sessions to come; this session serves {served}: {why}.", notice.text)
    });
    Notice { rule: notice.rule.clone(), text }
}

/// Why an item's dose differs from the working one, from the rules behind it.
fn reason(item: &MainItem, deload: bool) -> &'static str {
    let has = |rule: &str| item.why.iter().any(|w| w == rule);
    if deload || has("B2") {
        "a deload week (B2)"
    } else if has("R3") {
        "a gentle return after pain (R3)"
    } else if has("R5") {
        "today's readiness (R5)"
    } else if has("R2") {
        "the soreness cut (R2)"
    } else if has("P6") {
        "new exercises are learned at RPE 7 first (P6)"
    } else if has("B4") {
        "a heavier efficiency week (B4)"
    } else if has("P1") {
        "a progression step (P1)"
    } else {
        "this block's rep range (B3)"
    }
}

/// METHOD K10: an item whose load moved since it was last served in a hard week, that no notice speaks
/// of, gets one line saying what moved and why.
pub fn unexplained(
    weeks: &[Week],
    week: &Week,
    session: &Session,
    notices: &[Notice],
    catalog: &Catalog,
    units: Units,
) -> Vec<Notice> {
    let mut out = Vec::new();
    // A deload week's B2 notice says why every load is lighter.
    if week.deload {
        return out;
    }
    for item in session.main.iter().filter(|m| !m.why.iter().any(|w| w == "R5" || w == "R3")) {
        let Some(ex) = catalog.get(&item.exercise) else { continue };
        let prefix = format!("{}:", ex.name);
        if notices.iter().any(|n| n.text.starts_with(&prefix)) {
            continue;
        }
        let Some((day, before)) = last_served(weeks, session, &item.exercise) else { continue };
        let (Some(now), Some(was)) = (item.load_kg, before.load_kg) else { continue };
        if (now - was).abs() < 0.01 {
            continue;
        }
        let lighter = now < was;
        let why = if lighter && !item.why.iter().any(|w| w == "B3") {
            "the estimate from your last sessions (P5)".to_string()
        } else if before.reps.map(|r| (r.min, r.max)) != item.reps.map(|r| (r.min, r.max)) {
            "a new rep range for this block takes its load from the same estimate (B3, P5)".to_string()
        } else if lighter {
            "the estimate from your last sessions (P5)".to_string()
        } else {
            reason(item, false).to_string()
        };
        let (now, was) = (LoadPer::say(ex, now, units), LoadPer::say(ex, was, units));
        out.push(Notice::new("P5", format!("{prefix} now {now} (was {was} on {day}): {why}.")));
    }
    out
}

/// The last item of an exercise served in a hard week before this session, with its day.
fn last_served<'w>(weeks: &'w [Week], session: &Session, exercise: &str) -> Option<(jiff::civil::Date, &'w MainItem)> {
    // From the session back: the walk stops at the first hard exposure found, not at the log's start.
    weeks
        .iter()
        .rev()
        .filter(|w| !w.deload)
        .flat_map(|w| w.sessions.iter().rev())
        .filter(|s| s.date < session.date)
        .find_map(|s| s.main.iter().find(|m| m.exercise == exercise).map(|m| (s.date, m)))
}
