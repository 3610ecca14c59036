//! The plan as data: weeks, sessions and items, in the JSON shape of CONTRACT.md (`backbone.plan/1`).
//!
//! Field order here is the order of the JSON output, so keep it in step with the contract.

use std::borrow::Cow;

use jiff::civil::Date;
use serde::{Deserialize, Serialize, Serializer};

use crate::vocab::{Emphasis, Experience, Focus, Goal};

/// The schema id printed in every plan.
pub const SCHEMA: &str = "backbone.plan/1";

/// METHOD.md rule ids behind a prescription, in METHOD order.
pub type Why = Vec<Cow<'static, str>>;

/// A whole plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub schema: Cow<'static, str>,
    pub athlete: Athlete,
    pub start: Date,
    pub weeks: Vec<Week>,
    pub notices: Vec<Notice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Athlete {
    pub name: String,
    pub experience: Experience,
    pub goal: Goal,
}

/// Seven days from `start`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Week {
    pub index: u32,
    pub start: Date,
    pub block: BlockRef,
    pub deload: bool,
    pub sessions: Vec<Session>,
}

/// Which block a week belongs to and its emphasis (`deload` in a deload week).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BlockRef {
    pub index: u32,
    pub emphasis: Emphasis,
}

/// One training session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub date: Date,
    pub focus: Focus,
    pub heavy: bool,
    pub minutes: u32,
    pub warmup: Vec<WarmupItem>,
    pub main: Vec<MainItem>,
    pub cooldown: Vec<CooldownItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WarmupItem {
    pub exercise: Cow<'static, str>,
    pub seconds: u32,
    pub why: Why,
}

/// A rep range with the reps to aim for this time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reps {
    pub min: u32,
    pub max: u32,
    pub target: u32,
}

/// One exercise of the main part: sets of reps (or of seconds for holds and carries).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MainItem {
    pub exercise: Cow<'static, str>,
    pub sets: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reps: Option<Reps>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<u32>,
    #[serde(serialize_with = "half_steps")]
    pub rpe: f64,
    pub load_kg: Option<f64>,
    /// How a dumbbell or kettlebell load is held (K10): each hand's weight, or the pair's. Absent for
    /// other implements, whose load is one number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load_per: Option<LoadPer>,
    pub tempo: Option<Cow<'static, str>>,
    pub rest_seconds: u32,
    pub why: Why,
}

/// CONTRACT `load_per`: a dumbbell or kettlebell load is per hand (`each`: one weight in each hand, or
/// the one hand of a unilateral exercise) or for the two together (`pair`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LoadPer {
    Each,
    Pair,
}

impl LoadPer {
    /// How an exercise's load is held: backbone prescribes dumbbells and kettlebells by the weight of
    /// each one (what a person picks off the rack), so every such load is `each`. A load added to the body
    /// (a weighted pull-up's dumbbell between the feet) is one weight on the body, not one per hand, so
    /// it has none: "each" there would send a person to the rack for two.
    pub fn of(ex: &crate::catalog::Exercise) -> Option<LoadPer> {
        use crate::vocab::Equipment;
        let held = matches!(ex.load, Some(Equipment::Dumbbells | Equipment::Kettlebell)) && !ex.adds_to_body;
        held.then_some(LoadPer::Each)
    }

    /// A load as a notice says it, in the person's units and as it is held: "20 kg each" for dumbbells,
    /// "+10 kg" on the body for a weighted pull-up, "44.1 lb" for a barbell in pounds (METHOD K10).
    pub fn say(ex: &crate::catalog::Exercise, kg: f64, units: crate::vocab::Units) -> String {
        let added = if ex.adds_to_body { "+" } else { "" };
        let number = format!("{added}{} {}", crate::load::shown(kg, units), units.as_str());
        match LoadPer::of(ex) {
            Some(per) => format!("{number} {}", per.word()),
            None => number,
        }
    }

    /// The word shown beside a load ("each", "pair").
    pub fn word(self) -> &'static str {
        match self {
            LoadPer::Each => "each",
            LoadPer::Pair => "pair",
        }
    }
}

impl MainItem {
    /// How this item's load is held, for what shows or exports it: as served, else as the catalog holds
    /// the exercise, so that a session served before `load_per` existed (kept as it was served) says it
    /// too. `None` without a load.
    pub fn load_held(&self, catalog: &crate::catalog::Catalog) -> Option<LoadPer> {
        self.load_kg?;
        self.load_per.or_else(|| catalog.get(&self.exercise).and_then(LoadPer::of))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CooldownItem {
    pub exercise: Cow<'static, str>,
    pub hold_seconds: u32,
    pub sets: u32,
    pub why: Why,
}

/// Advice or a warning, with the rule behind it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Notice {
    pub rule: Cow<'static, str>,
    pub text: String,
}

impl Notice {
    pub fn new(rule: &'static str, text: impl Into<String>) -> Notice {
        Notice { rule: Cow::Borrowed(rule), text: text.into() }
    }
}

/// Writes whole RPEs as integers (7, not 7.0) and half steps as decimals (7.5).
fn half_steps<S: Serializer>(rpe: &f64, s: S) -> Result<S::Ok, S::Error> {
    if rpe.fract() == 0.0 { s.serialize_u64(*rpe as u64) } else { s.serialize_f64(*rpe) }
}

impl Session {
    /// The session's main lift: its first main item.
    pub fn main_lift(&self) -> Option<&MainItem> {
        self.main.first()
    }
}

impl Plan {
    /// Every session in date order with the week it belongs to.
    pub fn sessions(&self) -> impl Iterator<Item = (&Week, &Session)> {
        self.weeks.iter().flat_map(|w| w.sessions.iter().map(move |s| (w, s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn item(exercise: &'static str, load_kg: Option<f64>, load_per: Option<LoadPer>) -> MainItem {
        MainItem {
            exercise: Cow::Borrowed(exercise),
            sets: 3,
            reps: Some(Reps { min: 8, max: 12, target: 10 }),
            seconds: None,
            rpe: 7.0,
            load_kg,
            load_per,
            tempo: None,
            rest_seconds: 90,
            why: Vec::new(),
        }
    }

    #[test]
    fn k10_dumbbell_and_kettlebell_loads_are_each_but_a_load_on_the_body_is_not() {
        let catalog = Catalog::builtin();
        let per = |id: &str| catalog.get(id).and_then(LoadPer::of);
        assert_eq!(per("chest-supported-row"), Some(LoadPer::Each));
        assert_eq!(per("one-arm-dumbbell-row"), Some(LoadPer::Each));
        assert_eq!(per("kettlebell-farmer-carry"), Some(LoadPer::Each));
        assert_eq!(per("barbell-row"), None);
        assert_eq!(per("weighted-pull-up"), None, "one dumbbell between the feet");
    }

    #[test]
    fn k10_an_item_served_before_load_per_existed_is_held_as_the_catalog_says() {
        let catalog = Catalog::builtin();
        // Old JSON has no `load_per`: it reads as None and the catalog fills it in.
        let json = r#"{"exercise":"chest-supported-row","sets":3,"rpe":7.0,"load_kg":20.0,"tempo":null,
                       "rest_seconds":90,"why":[]}"#;
        let old: MainItem = serde_json::from_str(json).expect("old JSON reads");
        assert_eq!(old.load_per, None);
        assert_eq!(old.load_held(catalog), Some(LoadPer::Each));
        // What was served wins; without a load there is nothing to hold.
        assert_eq!(
            item("chest-supported-row", Some(20.0), Some(LoadPer::Pair)).load_held(catalog),
            Some(LoadPer::Pair)
        );
        assert_eq!(item("chest-supported-row", None, None).load_held(catalog), None);
        assert_eq!(item("barbell-row", Some(60.0), None).load_held(catalog), None);
    }
}
