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
    /// each one (what a person picks off the rack), so every such load is `each`.
    pub fn of(ex: &crate::catalog::Exercise) -> Option<LoadPer> {
        use crate::vocab::Equipment;
        matches!(ex.load, Some(Equipment::Dumbbells | Equipment::Kettlebell)).then_some(LoadPer::Each)
    }

    /// The word shown beside a load ("each", "pair").
    pub fn word(self) -> &'static str {
        match self {
            LoadPer::Each => "each",
            LoadPer::Pair => "pair",
        }
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
