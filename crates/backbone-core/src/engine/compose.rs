//! Which exercises make up each kind of day (METHOD S2, S2a, S4, W2, W1a, A5, T3), before any dose.

use crate::catalog::Exercise;
use crate::vocab::{Category, Equipment, Pattern};

use super::Planner;
use super::dose::Role;
use super::schedule::{Kind, Slot};
use super::select::Choice;

/// An exercise placed in a session, with the rules that put it there.
#[derive(Debug, Clone)]
pub struct Pick {
    pub exercise: &'static Exercise,
    pub role: Role,
    pub why: Vec<&'static str>,
    /// The exercise a sensitive joint ruled out, for the R4 notice.
    pub instead_of: Option<&'static Exercise>,
    /// Every candidate loaded a sensitive joint; this one loads the fewest.
    pub forced: bool,
}

/// At most this many upper-back exercises in a session (METHOD S2: 3 to 5).
const MAX_UPPER_BACK: usize = 5;
/// At most this many hinge, carry or core additions (METHOD S2: at most 3 more).
const MAX_EXTRAS: usize = 3;

/// Builds the exercise list of one session in METHOD S4 order: main lift, accessories, extras, posture.
pub struct Composer<'p, 'c> {
    pub planner: &'p Planner<'c>,
    pub week_used: &'p [&'static str],
    t3_open: bool,
    picks: Vec<Pick>,
    posture: Vec<Pick>,
}

impl<'p, 'c> Composer<'p, 'c> {
    pub fn new(planner: &'p Planner<'c>, week_used: &'p [&'static str]) -> Self {
        Composer { planner, week_used, t3_open: false, picks: Vec::new(), posture: Vec::new() }
    }

    /// The exercises of a day of this kind.
    pub fn day(mut self, slot: Slot, t3_open: bool, single: bool, week_has_vertical: bool) -> Vec<Pick> {
        self.t3_open = t3_open;
        let p = self.planner;
        let s = p.slots;
        let lifter = p.profile.is_lifter();
        let main_role = if slot.heavy { Role::MainHeavy } else { Role::MainLight };
        match slot.kind {
            Kind::Horizontal => {
                let main_is_hinge = self.horizontal_main(t3_open, main_role);
                let second = if lifter { &s.accessory_row } else { &s.accessory_vertical };
                self.add(second, Role::Accessory, 2, &["S2", "B3"]);
                if single {
                    self.add(&s.accessory_vertical, Role::Accessory, 2, &["S2", "W2"]);
                }
                self.add_posture();
                if lifter {
                    if !main_is_hinge {
                        self.add(&s.hinge, Role::Extra, 2, &["S2", "W2"]);
                    }
                    if single {
                        self.add_carry();
                    }
                    // S5: an hour or more leaves time for core work, which adds no upper-back sets (B5).
                    if p.profile.session_minutes >= 60 {
                        self.add(&s.core, Role::Extra, 2, &["S2", "S5"]);
                    }
                }
                if single {
                    self.add_grip();
                }
            }
            Kind::Vertical => {
                let main = if p.profile.is_beginner() { &s.main_vertical_beginner } else { &s.main_vertical };
                self.add(main, main_role, 2, &["S2", "S4", "W2", "B3"]);
                let row = if lifter { &s.accessory_row } else { &s.light_row };
                self.add(row, Role::Accessory, 2, &["S2", "B3"]);
                self.add_posture();
                if lifter {
                    self.add_carry();
                    self.add(&s.core, Role::Extra, 2, &["S2"]);
                }
                self.add_grip();
            }
            Kind::Light => {
                self.add(&s.light_row, Role::MainLight, 1, &["S2", "S4", "W1a", "B3"]);
                if self.picks.is_empty() {
                    // No T1 row in this kit: a mid-tier row, still dosed light.
                    self.add(&s.accessory_row, Role::MainLight, 2, &["S2", "S4", "W1a", "B3"]);
                }
                if lifter && !week_has_vertical {
                    self.add(&s.accessory_vertical, Role::Accessory, 2, &["S2", "W2"]);
                }
                self.add_posture();
                if lifter {
                    self.add(&s.hinge, Role::Extra, 2, &["S2", "W1a", "W2"]);
                    self.add(&s.core, Role::Extra, 2, &["S2"]);
                    // S5: an hour or more leaves time for a carry, which adds no upper-back sets (B5).
                    if p.profile.session_minutes >= 60 {
                        self.add_carry();
                    }
                } else {
                    self.add(&s.posture, Role::Posture, 1, &["S2", "W1a"]);
                }
            }
        }
        self.ensure_row_and_posture();
        self.picks.append(&mut self.posture);
        self.picks
    }

    /// The horizontal day's main lift: a T3 compound once the gate is open, else the main row. Returns
    /// true when the main lift is a hinge (then the row follows as an accessory).
    fn horizontal_main(&mut self, t3_open: bool, role: Role) -> bool {
        let p = self.planner;
        let s = p.slots;
        let rows = if p.profile.is_beginner() { &s.main_row_beginner } else { &s.main_row };
        if t3_open
            && role == Role::MainHeavy
            && let Some(c) = p.chooser.choose(&s.main_heavy, &self.used(), 3).filter(|c| !c.forced)
        {
            let hinge = c.exercise.category == Category::Hinge;
            self.push(c, role, &["S2", "S4", "W2", "B3", "T3", "T4"]);
            if hinge {
                self.add(rows, Role::Accessory, 2, &["S2", "B3"]);
            }
            return hinge;
        }
        self.add(rows, role, 2, &["S2", "S4", "W2", "B3"]);
        false
    }

    /// Posture moves: two, plus foundational scapular work after a failed wall angel test (METHOD A5).
    fn add_posture(&mut self) {
        let s = self.planner.slots;
        if self.planner.findings.wall_angel_failed {
            self.add(&s.posture_foundational, Role::Posture, 1, &["S2", "A5"]);
        }
        while self.posture.len() < 2 + usize::from(self.planner.findings.wall_angel_failed) {
            let before = self.posture.len();
            self.add(&s.posture, Role::Posture, 1, &["S2", "B3"]);
            if self.posture.len() == before {
                break;
            }
        }
    }

    /// A carry at least once a week when there are dumbbells or a kettlebell (METHOD W2).
    fn add_carry(&mut self) {
        let owned = self.planner.profile.equipment.as_slice();
        if owned.contains(&Equipment::Dumbbells) || owned.contains(&Equipment::Kettlebell) {
            let why: &[&str] = if self.planner.findings.grip_weak { &["S2", "W2", "A5"] } else { &["S2", "W2"] };
            self.add(&self.planner.slots.carry, Role::Extra, 2, why);
        }
    }

    /// Grip work for a weak or uneven grip, unless a carry already trains it (METHOD A5).
    fn add_grip(&mut self) {
        let has_carry = self.picks.iter().any(|p| p.exercise.category == Category::Carry);
        if self.planner.findings.grip_weak && !has_carry {
            self.add(&self.planner.slots.grip, Role::Extra, 2, &["A5"]);
        }
    }

    /// S2 and S2a: whatever was available, a session has a row and a posture move.
    fn ensure_row_and_posture(&mut self) {
        let s = self.planner.slots;
        if !self.picks.iter().any(|p| p.exercise.is_row()) {
            self.add(&s.light_row, Role::Accessory, 1, &["S2", "S2a"]);
            if !self.picks.iter().any(|p| p.exercise.is_row()) {
                self.add(&s.accessory_row, Role::Accessory, 2, &["S2", "S2a"]);
            }
        }
        if self.posture.is_empty() {
            self.add(&s.posture, Role::Posture, 1, &["S2", "S2a"]);
        }
    }

    /// The same-intent variation R1 chose after repeated plateaus, if the person can do it.
    fn variation(&self, ex: &'static Exercise) -> Option<&'static Exercise> {
        let p = self.planner;
        let id = p.progress.variations.get(ex.id.as_str())?;
        let v = p.catalog.get(id)?;
        let max_tier = if self.t3_open { 3 } else { 2 };
        (p.chooser.allows(v) && v.tier.unwrap_or(0) <= max_tier && !self.used().contains(&v.id.as_str())).then_some(v)
    }

    /// The easier variation METHOD P7 chose after reps far under the range, if still possible.
    fn regression(&self, ex: &'static Exercise) -> Option<&'static Exercise> {
        let p = self.planner;
        let id = p.progress.regressions.get(ex.id.as_str())?;
        let easier = p.catalog.get(id)?;
        (p.chooser.allows(easier) && !self.used().contains(&easier.id.as_str())).then_some(easier)
    }

    /// The harder variation the forecast moved to once the easy one was capped (METHOD P4), if the
    /// person's kit, joints and open tiers allow it.
    fn harder_variant(&self, ex: &'static Exercise) -> Option<&'static Exercise> {
        let p = self.planner;
        let id = p.progress.swaps.get(ex.id.as_str())?;
        let harder = p.catalog.get(id)?;
        let max_tier = if self.t3_open { 3 } else { 2 };
        let fits = p.chooser.allows(harder) && harder.tier.unwrap_or(0) <= max_tier;
        (fits && !self.used().contains(&harder.id.as_str())).then_some(harder)
    }

    fn used(&self) -> Vec<&'static str> {
        self.picks.iter().chain(&self.posture).map(|p| p.exercise.id.as_str()).collect()
    }

    fn upper_back(&self) -> usize {
        self.picks.iter().chain(&self.posture).filter(|p| p.exercise.is_upper_back()).count()
    }

    fn extras(&self) -> usize {
        self.picks.iter().filter(|p| p.role == Role::Extra).count()
    }

    /// Chooses from `slot`, preferring exercises not yet used this week, and places it unless a cap of
    /// METHOD S2 is reached.
    fn add(&mut self, slot: &[String], role: Role, max_tier: u8, why: &[&'static str]) {
        if role == Role::Extra && self.extras() >= MAX_EXTRAS {
            return;
        }
        let used = self.used();
        let chooser = &self.planner.chooser;
        let mut choice = None;
        if role == Role::Posture {
            // Two versions of one move (a cable and a band face pull) make a dull session: skip the family
            // while something else is possible.
            let mut family = used.clone();
            family.extend(self.posture.iter().flat_map(|p| p.exercise.substitutes.iter().map(String::as_str)));
            choice = chooser.choose_fresh(slot, &family, self.week_used, max_tier).filter(|c| !c.forced);
        }
        let Some(c) = choice.or_else(|| chooser.choose_fresh(slot, &used, self.week_used, max_tier)) else { return };
        if c.exercise.is_upper_back() && self.upper_back() >= MAX_UPPER_BACK {
            return;
        }
        self.push(c, role, why);
    }

    fn push(&mut self, mut c: Choice, role: Role, why: &[&'static str]) {
        let mut why = why.to_vec();
        if let Some(easier) = self.regression(c.exercise) {
            c.exercise = easier;
            why.push("P7");
        }
        if let Some(variation) = self.variation(c.exercise) {
            c.exercise = variation;
            why.push("R1");
        }
        if let Some(harder) = self.harder_variant(c.exercise) {
            // A loaded variation for bodyweight sets that were far too easy is P7's; a harder one is P4's.
            why.push(if c.exercise.loaded.as_deref() == Some(harder.id.as_str()) { "P7" } else { "P4" });
            c.exercise = harder;
        }
        if c.instead_of.is_some() || c.forced {
            why.push("R4");
        }
        if self.planner.profile.equipment.is_empty() && (c.exercise.is_row() || c.exercise.is_posture()) {
            why.push("S2a");
        }
        if let Some(t) = c.exercise.tier {
            why.push(["T1", "T2", "T3"][(t.clamp(1, 3) - 1) as usize]);
        }
        if c.exercise.patterns.contains(&Pattern::HorizontalPull)
            && c.exercise.unilateral
            && self.planner.findings.grip_weak
        {
            why.push("A5");
        }
        let pick = Pick { exercise: c.exercise, role, why, instead_of: c.instead_of, forced: c.forced };
        if role == Role::Posture { self.posture.push(pick) } else { self.picks.push(pick) }
    }
}
