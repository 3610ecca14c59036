//! The served session's life (METHOD P1, R3, R5, K10): a session is served, derived again whenever
//! something new is known, trained, and kept.
//!
//! While its day is today, what the person has trained stays exactly as it was served (its log is
//! judged against that), and everything not yet trained is the engine's newest derivation: a check-in
//! lowers the sets still to come (R5), pain of 4 or more hands an exercise's remaining sets to its
//! substitute at once (R3). Once the day is past, the session is what was last served, for good.

use std::borrow::Cow;

use crate::plan::{MainItem, Notice, Session};

use super::sort_why;

/// An exercise stopped by pain on the day itself, and the exercise its remaining sets go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SameDayStop {
    pub from: &'static str,
    pub to: Option<&'static str>,
}

/// Today's session: the served items already trained, kept (a stopped one cut to the sets done, its
/// substitute right after it with the sets that remain), and the rest as derived now. `done` gives the
/// work sets logged today for an exercise.
pub fn merge(served: &Session, derived: Session, done: impl Fn(&str) -> u32, stops: &[SameDayStop]) -> Session {
    let mut placed = vec![false; derived.main.len()];
    let mut main: Vec<MainItem> = Vec::with_capacity(served.main.len().max(derived.main.len()) + 1);
    let take = |id: &str, placed: &mut [bool]| {
        let i = derived.main.iter().enumerate().position(|(i, m)| !placed[i] && m.exercise == id)?;
        placed[i] = true;
        Some(derived.main[i].clone())
    };
    // A substitute takes only the sets its exercise had left, however often the day is derived again.
    let left_for = |id: &str| {
        let stop = stops.iter().find(|s| s.to == Some(id))?;
        let from = served.main.iter().find(|m| m.exercise == stop.from)?;
        Some(from.sets.saturating_sub(done(stop.from)).max(1))
    };
    for item in &served.main {
        let sets_done = done(&item.exercise);
        if sets_done == 0 {
            if let Some(mut now) = take(&item.exercise, &mut placed) {
                // Already served as a substitute today: the sets it was given are what remained.
                if left_for(&item.exercise).is_some() {
                    now.sets = now.sets.min(item.sets);
                }
                main.push(now);
            }
            continue;
        }
        // Trained: its prescription stays as served, and it is no longer the derivation's.
        let _ = take(&item.exercise, &mut placed);
        match stops.iter().find(|s| s.from == item.exercise) {
            Some(stop) => {
                main.push(stopped(item, sets_done));
                let left = item.sets.saturating_sub(sets_done);
                if let Some(mut sub) = stop.to.filter(|_| left > 0).and_then(|to| take(to, &mut placed)) {
                    sub.sets = sub.sets.min(left).max(1);
                    main.push(sub);
                }
            }
            None => main.push(item.clone()),
        }
    }
    // What the derivation holds beyond the served items (a substitute, a regression) follows them.
    for (i, m) in derived.main.iter().enumerate() {
        if !placed[i] && !main.iter().any(|k| k.exercise == m.exercise) {
            main.push(m.clone());
        }
    }
    Session { main, ..derived }
}

/// A served item cut to the sets done before pain stopped it (METHOD R3).
fn stopped(item: &MainItem, sets_done: u32) -> MainItem {
    let mut why = item.why.clone();
    why.push(Cow::Borrowed("R3"));
    sort_why(&mut why);
    MainItem { sets: sets_done.min(item.sets), why, ..item.clone() }
}

/// What moved in the sets not yet trained since the session was first shown today, in words, with the
/// rule that moved it (METHOD K10: what changed for this session and why).
pub fn moved_since_shown(
    shown: &Session,
    shown_on: jiff::civil::Date,
    now: &Session,
    done: impl Fn(&str) -> u32,
    units: crate::vocab::Units,
) -> Vec<Notice> {
    let day = now.date;
    let when = if shown_on == day { format!("today ({day})") } else { format!("on {shown_on}") };
    let mut out = Vec::new();
    for m in now.main.iter().filter(|m| done(&m.exercise) == 0) {
        let Some(was) = shown.main.iter().find(|s| s.exercise == m.exercise) else { continue };
        let mut parts = Vec::new();
        if was.sets != m.sets {
            let word = |n: u32| if n == 1 { "set" } else { "sets" };
            parts.push(format!("{} {} (was {})", m.sets, word(m.sets), was.sets));
        }
        if (was.rpe - m.rpe).abs() > 0.01 {
            parts.push(format!("RPE {} (was {})", m.rpe, was.rpe));
        }
        if let (Some(a), Some(b), Some(ex)) =
            (was.load_kg, m.load_kg, crate::catalog::Catalog::builtin().get(&m.exercise))
            && (a - b).abs() > 0.01
        {
            let say = |kg| crate::plan::LoadPer::say(ex, kg, units);
            parts.push(format!("{} (was {})", say(b), say(a)));
        }
        if parts.is_empty() {
            continue;
        }
        let rule = ["R3", "R2", "R5", "B2", "P7", "P5"].into_iter().find(|r| m.why.iter().any(|w| w == r));
        let name = crate::catalog::Catalog::builtin().get(&m.exercise).map_or(m.exercise.as_ref(), |e| e.name.as_str());
        out.push(Notice::new(
            rule.unwrap_or("K10"),
            format!("{name}: changed since the session of {day} was shown {when}: {}.", parts.join(", ")),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Reps;
    use crate::vocab::Focus;
    use jiff::civil::date;

    fn item(id: &'static str, sets: u32, rpe: f64) -> MainItem {
        MainItem {
            exercise: Cow::Borrowed(id),
            sets,
            reps: Some(Reps { min: 8, max: 12, target: 8 }),
            seconds: None,
            rpe,
            load_kg: Some(40.0),
            load_per: None,
            tempo: None,
            rest_seconds: 90,
            why: vec![],
        }
    }

    fn session(main: Vec<MainItem>) -> Session {
        Session {
            date: date(2026, 12, 7),
            focus: Focus::Full,
            heavy: false,
            minutes: 0,
            warmup: vec![],
            main,
            cooldown: vec![],
        }
    }

    /// R5: a check-in after the session was shown lowers every set not yet done, and none that was.
    #[test]
    fn r5_a_late_check_in_lowers_only_what_is_not_yet_trained() {
        let shown = session(vec![item("barbell-row", 3, 7.0), item("lat-pulldown", 3, 7.0)]);
        let derived = session(vec![item("barbell-row", 3, 5.0), item("lat-pulldown", 3, 5.0)]);
        let done = |id: &str| u32::from(id == "barbell-row") * 3;
        let now = merge(&shown, derived, done, &[]);
        assert_eq!(now.main[0].rpe, 7.0, "trained as served");
        assert_eq!(now.main[1].rpe, 5.0, "not yet trained: lowered");
        let moved = moved_since_shown(&shown, now.date, &now, done, crate::vocab::Units::Kg);
        assert_eq!(moved.len(), 1, "{moved:?}");
        assert!(moved[0].text.contains("RPE 5 (was 7)"), "{moved:?}");
    }

    /// R3: pain of 4 or more on the first set cuts the exercise to that set and hands the remaining sets
    /// to its substitute, right after it.
    #[test]
    fn r3_pain_mid_session_replaces_the_remaining_sets_at_once() {
        let shown = session(vec![item("barbell-row", 3, 7.0), item("face-pull", 3, 7.0)]);
        let derived = session(vec![item("chest-supported-row", 3, 7.0), item("face-pull", 3, 7.0)]);
        let done = |id: &str| u32::from(id == "barbell-row");
        let stops = [SameDayStop { from: "barbell-row", to: Some("chest-supported-row") }];
        let now = merge(&shown, derived, done, &stops);
        let ids: Vec<(&str, u32)> = now.main.iter().map(|m| (m.exercise.as_ref(), m.sets)).collect();
        assert_eq!(ids, vec![("barbell-row", 1), ("chest-supported-row", 2), ("face-pull", 3)]);
        assert!(now.main[0].why.iter().any(|w| w == "R3"));
    }
}
