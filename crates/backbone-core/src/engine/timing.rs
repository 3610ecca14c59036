//! How long a session takes, and fitting it into the time budget (METHOD S5): accessories go before the
//! warm-up is shortened, and the warm-up never drops under five minutes.

use crate::catalog::Catalog;
use crate::plan::{CooldownItem, MainItem, Session, WarmupItem};
use crate::vocab::Category;

use super::dose::seconds_per_rep;

/// Moving between stretches.
const STRETCH_CHANGE_SECONDS: u32 = 10;
/// METHOD S1: at least five minutes of warm-up.
pub const MIN_WARMUP_SECONDS: u32 = 300;

pub fn warmup_seconds(items: &[WarmupItem]) -> u32 {
    items.iter().map(|w| w.seconds).sum()
}

pub fn cooldown_seconds(items: &[CooldownItem], catalog: &Catalog) -> u32 {
    items.iter().map(|c| stretch_seconds(c, catalog)).sum()
}

fn stretch_seconds(c: &CooldownItem, catalog: &Catalog) -> u32 {
    let sides = if catalog.get(&c.exercise).is_some_and(|e| e.unilateral) { 2 } else { 1 };
    c.hold_seconds * c.sets * sides + STRETCH_CHANGE_SECONDS
}

/// Work and rest of one main item: each set is the reps at the tempo (or the hold), both sides for
/// one-sided work, then the rest (the last rest is the change to the next exercise).
pub fn item_seconds(item: &MainItem, ex: &crate::catalog::Exercise) -> u32 {
    let work = match (item.reps, item.seconds) {
        (Some(r), _) => r.target * seconds_per_rep(item.tempo.as_deref()),
        (None, Some(s)) => s,
        (None, None) => 30,
    };
    let sides = if ex.unilateral { 2 } else { 1 };
    item.sets * (work * sides + item.rest_seconds)
}

fn main_seconds(items: &[MainItem], catalog: &Catalog) -> u32 {
    items.iter().map(|m| catalog.get(&m.exercise).map_or(0, |ex| item_seconds(m, ex))).sum()
}

pub fn session_seconds(s: &Session, catalog: &Catalog) -> u32 {
    warmup_seconds(&s.warmup) + main_seconds(&s.main, catalog) + cooldown_seconds(&s.cooldown, catalog)
}

/// The session's expected length in whole minutes, rounded up.
pub fn session_minutes(s: &Session, catalog: &Catalog) -> u32 {
    session_seconds(s, catalog).div_ceil(60)
}

/// Trims the session until it fits `budget` seconds; returns true when anything was cut.
pub fn fit(s: &mut Session, budget: u32, catalog: &Catalog) -> bool {
    let over = |s: &Session| session_minutes(s, catalog) * 60 > budget;
    if !over(s) {
        return false;
    }
    let steps: [fn(&mut Session, &Catalog) -> bool; 8] = [
        drop_extra,
        drop_upper_back_accessory,
        shorten_cooldown,
        shorten_warmup,
        shorten_rests,
        fewer_sets,
        shortest,
        drop_any_extra,
    ];
    for step in steps {
        while over(s) && step(s, catalog) {}
        if !over(s) {
            break;
        }
    }
    true
}

fn category(m: &MainItem, catalog: &Catalog) -> Option<Category> {
    catalog.get(&m.exercise).map(|e| e.category)
}

/// Hinge, carry, core and grip additions go first, last added first; grip work the assessment asked for
/// (METHOD A5) stays and only loses sets later.
fn drop_extra(s: &mut Session, catalog: &Catalog) -> bool {
    let extra = |m: &MainItem| {
        let assessed = m.why.iter().any(|r| r == "A5");
        !assessed
            && matches!(category(m, catalog), Some(Category::Hinge | Category::Carry | Category::Core | Category::Grip))
    };
    match s.main.iter().skip(1).rposition(extra) {
        Some(i) => {
            s.main.remove(i + 1);
            true
        }
        None => false,
    }
}

/// The last resort when even the shortest doses overrun a very short budget: the extras the assessment
/// asked for go too (METHOD S5 before A5's extra work; the session keeps its main lift, a row and a
/// posture move).
fn drop_any_extra(s: &mut Session, catalog: &Catalog) -> bool {
    let extra = |m: &MainItem| {
        matches!(category(m, catalog), Some(Category::Hinge | Category::Carry | Category::Core | Category::Grip))
    };
    match s.main.iter().skip(1).rposition(extra) {
        Some(i) => {
            s.main.remove(i + 1);
            true
        }
        None => false,
    }
}

/// Then upper-back accessories, keeping the main lift, a row, a posture move and three upper-back moves.
fn drop_upper_back_accessory(s: &mut Session, catalog: &Catalog) -> bool {
    let ex = |m: &MainItem| catalog.get(&m.exercise);
    let upper = s.main.iter().filter(|m| ex(m).is_some_and(|e| e.is_upper_back())).count();
    if upper <= 3 {
        return false;
    }
    let rows = s.main.iter().filter(|m| ex(m).is_some_and(|e| e.is_row())).count();
    let postures = s.main.iter().filter(|m| ex(m).is_some_and(|e| e.is_posture())).count();
    let removable = |m: &MainItem| {
        ex(m).is_some_and(|e| e.is_upper_back() && !(e.is_row() && rows <= 1) && !(e.is_posture() && postures <= 1))
    };
    match s.main.iter().skip(1).rposition(removable) {
        Some(i) => {
            s.main.remove(i + 1);
            true
        }
        None => false,
    }
}

/// Three stretches, two holds of 15 s: the least METHOD S3 allows.
fn shorten_cooldown(s: &mut Session, _: &Catalog) -> bool {
    if s.cooldown.len() > 3 {
        s.cooldown.pop();
        return true;
    }
    let mut changed = false;
    for c in &mut s.cooldown {
        if c.sets > 2 || c.hold_seconds > 15 {
            c.sets = c.sets.min(2);
            c.hold_seconds = c.hold_seconds.min(15);
            changed = true;
        }
    }
    changed
}

/// Down to exactly five minutes of warm-up, never less.
fn shorten_warmup(s: &mut Session, _: &Catalog) -> bool {
    let total = warmup_seconds(&s.warmup);
    if total <= MIN_WARMUP_SECONDS {
        return false;
    }
    if s.warmup.len() > 1 {
        let last = s.warmup.last().map_or(0, |w| w.seconds);
        if total - last >= MIN_WARMUP_SECONDS {
            s.warmup.pop();
            return true;
        }
    }
    if let Some(last) = s.warmup.last_mut() {
        last.seconds -= (total - MIN_WARMUP_SECONDS).min(last.seconds.saturating_sub(30));
    }
    warmup_seconds(&s.warmup) < total
}

/// Shorter rests: accessories and posture to 45 s, the main lift to 60 s.
fn shorten_rests(s: &mut Session, _: &Catalog) -> bool {
    let mut changed = false;
    for (i, m) in s.main.iter_mut().enumerate() {
        let floor = if i == 0 { 60 } else { 45 };
        if m.rest_seconds > floor {
            m.rest_seconds = floor;
            changed = true;
        }
    }
    changed
}

/// Fewer sets: accessories first, then the main lift, never below one.
fn fewer_sets(s: &mut Session, _: &Catalog) -> bool {
    if let Some(m) = s.main.iter_mut().skip(1).rev().find(|m| m.sets > 1) {
        m.sets -= 1;
        return true;
    }
    match s.main.first_mut() {
        Some(m) if m.sets > 1 => {
            m.sets -= 1;
            true
        }
        _ => false,
    }
}

/// The last resort for the shortest budgets: 30 s rests and reps at the bottom of the range.
fn shortest(s: &mut Session, _: &Catalog) -> bool {
    let mut changed = false;
    for m in &mut s.main {
        if m.rest_seconds > 30 {
            m.rest_seconds = 30;
            changed = true;
        }
        if let Some(r) = &mut m.reps
            && r.target > r.min
        {
            r.target = r.min;
            changed = true;
        }
    }
    changed
}
