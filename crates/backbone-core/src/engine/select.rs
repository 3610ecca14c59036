//! Choosing exercises: the slot lists of `catalog/slots.toml`, filtered by what a person owns, the joints
//! they must spare (METHOD R4) and the tiers open to them (T4).

use std::sync::OnceLock;

use serde::Deserialize;

use crate::catalog::{Catalog, Exercise};
use crate::vocab::Joint;

/// The ordered candidate lists of `catalog/slots.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slots {
    pub main_row: Vec<String>,
    pub main_row_beginner: Vec<String>,
    pub main_vertical: Vec<String>,
    pub main_vertical_beginner: Vec<String>,
    pub main_heavy: Vec<String>,
    pub light_row: Vec<String>,
    pub accessory_row: Vec<String>,
    pub accessory_vertical: Vec<String>,
    pub posture: Vec<String>,
    pub posture_foundational: Vec<String>,
    pub hinge: Vec<String>,
    pub carry: Vec<String>,
    pub core: Vec<String>,
    pub grip: Vec<String>,
    pub warmup: Vec<String>,
    pub warmup_thoracic: Vec<String>,
    pub activation: Vec<String>,
    pub stretch: Vec<String>,
    pub daily_mobility: Vec<String>,
    pub micro_break: Vec<String>,
}

impl Slots {
    /// The shipped slot lists, parsed once; `catalog::tests` checks they parse and name real exercises.
    pub fn builtin() -> &'static Slots {
        static SLOTS: OnceLock<Slots> = OnceLock::new();
        SLOTS.get_or_init(|| match toml::from_str(include_str!("../../catalog/slots.toml")) {
            Ok(s) => s,
            Err(e) => panic!("catalog/slots.toml is invalid: {e}"),
        })
    }

    /// Every list with its name, for the data checks.
    pub fn lists(&self) -> Vec<(&'static str, &[String])> {
        vec![
            ("main_row", &self.main_row),
            ("main_row_beginner", &self.main_row_beginner),
            ("main_vertical", &self.main_vertical),
            ("main_vertical_beginner", &self.main_vertical_beginner),
            ("main_heavy", &self.main_heavy),
            ("light_row", &self.light_row),
            ("accessory_row", &self.accessory_row),
            ("accessory_vertical", &self.accessory_vertical),
            ("posture", &self.posture),
            ("posture_foundational", &self.posture_foundational),
            ("hinge", &self.hinge),
            ("carry", &self.carry),
            ("core", &self.core),
            ("grip", &self.grip),
            ("warmup", &self.warmup),
            ("warmup_thoracic", &self.warmup_thoracic),
            ("activation", &self.activation),
            ("stretch", &self.stretch),
            ("daily_mobility", &self.daily_mobility),
            ("micro_break", &self.micro_break),
        ]
    }
}

/// An exercise chosen for a place, and what it stands in for when a sensitive joint ruled out the first
/// choice (METHOD R4).
#[derive(Debug, Clone, Copy)]
pub struct Choice {
    pub exercise: &'static Exercise,
    /// The exercise that would have been chosen but loads a sensitive joint.
    pub instead_of: Option<&'static Exercise>,
    /// True when every candidate loads a sensitive joint and this one loads the fewest.
    pub forced: bool,
}

/// Picks exercises for one person: their equipment and sensitive joints are fixed for the whole plan.
pub struct Chooser<'c> {
    pub catalog: &'static Catalog,
    pub owned: &'c [crate::vocab::Equipment],
    pub sensitive: &'c [Joint],
}

impl<'c> Chooser<'c> {
    /// The first exercise of `slot` that fits the equipment, is at most `max_tier`, is not in `used`, and
    /// spares every sensitive joint; failing that, the one loading the fewest sensitive joints.
    pub fn choose(&self, slot: &[String], used: &[&str], max_tier: u8) -> Option<Choice> {
        let mut instead_of = None;
        let mut least: Option<(&'static Exercise, usize)> = None;
        for id in slot {
            let Some(ex) = self.catalog.get(id) else { continue };
            if used.contains(&ex.id.as_str()) || !ex.fits(self.owned) || ex.tier.unwrap_or(0) > max_tier {
                continue;
            }
            let loaded = ex.loads_any(self.sensitive).count();
            if loaded == 0 {
                return Some(Choice { exercise: ex, instead_of, forced: false });
            }
            instead_of.get_or_insert(ex);
            if least.is_none_or(|(_, n)| loaded < n) {
                least = Some((ex, loaded));
            }
        }
        least.map(|(ex, _)| Choice { exercise: ex, instead_of: None, forced: true })
    }

    /// Like `choose`, but prefers exercises not in `avoid` (used earlier in the week) when one is possible.
    pub fn choose_fresh(&self, slot: &[String], used: &[&str], avoid: &[&str], max_tier: u8) -> Option<Choice> {
        let mut both: Vec<&str> = used.to_vec();
        both.extend_from_slice(avoid);
        match self.choose(slot, &both, max_tier) {
            Some(c) if !c.forced => Some(c),
            _ => self.choose(slot, used, max_tier),
        }
    }

    /// True when the exercise can be done with this person's kit and spares their joints.
    pub fn allows(&self, ex: &Exercise) -> bool {
        ex.fits(self.owned) && ex.loads_any(self.sensitive).next().is_none()
    }
}
