//! The exercise catalog: every movement the method names, read from the TOML files in `catalog/`.
//!
//! The files are embedded at build time, parsed once on first use, and checked by the tests below, so a
//! mistake in the data (a substitute that does not exist, an unknown word) fails the build's tests, not a
//! user's session.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::vocab::{Category, Equipment, Joint, Muscle, Pattern};

/// The catalog files, one per category, embedded in the binary.
const FILES: &[(&str, &str)] = &[
    ("warmup.toml", include_str!("../catalog/warmup.toml")),
    ("mobility.toml", include_str!("../catalog/mobility.toml")),
    ("strength.toml", include_str!("../catalog/strength.toml")),
    ("posture.toml", include_str!("../catalog/posture.toml")),
    ("hinge.toml", include_str!("../catalog/hinge.toml")),
    ("carry.toml", include_str!("../catalog/carry.toml")),
    ("core.toml", include_str!("../catalog/core.toml")),
    ("grip.toml", include_str!("../catalog/grip.toml")),
    ("stretch.toml", include_str!("../catalog/stretch.toml")),
    ("breathing.toml", include_str!("../catalog/breathing.toml")),
];

/// Primary and secondary muscles of an exercise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Muscles {
    pub primary: Vec<Muscle>,
    #[serde(default)]
    pub secondary: Vec<Muscle>,
}

/// One exercise, as the catalog files describe it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    pub id: String,
    pub name: String,
    pub category: Category,
    pub patterns: Vec<Pattern>,
    /// METHOD T1-T3 where the tiers apply; `None` for warm-ups, stretches, carries and the like.
    #[serde(default)]
    pub tier: Option<u8>,
    /// Everything the exercise needs; empty means a wall, a chair and the floor are enough.
    #[serde(default)]
    pub equipment: Vec<Equipment>,
    /// Joints the exercise loads enough that a sensitivity there should avoid it (METHOD R4).
    #[serde(default)]
    pub joints: Vec<Joint>,
    pub muscles: Muscles,
    #[serde(default)]
    pub unilateral: bool,
    /// Technique cues, the most important first (METHOD S6).
    pub cues: Vec<String>,
    /// Same-intent exercises, best first.
    #[serde(default)]
    pub substitutes: Vec<String>,
    /// Done for time (holds, carries, hangs, warm-up drills) rather than for reps.
    #[serde(default)]
    pub timed: bool,
    /// A multi-joint lift that can be a session's main lift.
    #[serde(default)]
    pub compound: bool,
    /// The harder variation to move to once the easy one is capped (METHOD P4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub harder: Option<String>,
    /// The loaded variation to move to when bodyweight sets are far too easy for their range (METHOD P7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loaded: Option<String>,
    /// The load is added to the body's weight (a weighted pull-up): estimates count both.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub adds_to_body: bool,
    /// The implement whose weight steps apply when a load is prescribed; `None` for bodyweight and bands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load: Option<Equipment>,
    /// Rule ids that name this exercise explicitly, beyond what its category and tier imply.
    #[serde(default)]
    pub rules: Vec<String>,
    /// Short names lifters type ("rdl"), beyond the initials of the id (`csr` for chest-supported-row),
    /// which `log` takes without a list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

impl Exercise {
    /// A row: a horizontal pull done for strength (METHOD S2 wants one in every session).
    pub fn is_row(&self) -> bool {
        self.category == Category::Strength && self.patterns.contains(&Pattern::HorizontalPull)
    }

    /// A posture-focused move (METHOD S2).
    pub fn is_posture(&self) -> bool {
        self.category == Category::Posture
    }

    /// An upper-back exercise for the count of METHOD S2.
    pub fn is_upper_back(&self) -> bool {
        matches!(self.category, Category::Strength | Category::Posture)
            && self.patterns.iter().any(|p| p.is_upper_back())
    }

    /// True when everything the exercise needs is in `owned`.
    pub fn fits(&self, owned: &[Equipment]) -> bool {
        self.equipment.iter().all(|e| owned.contains(e))
    }

    /// The joints in `sensitive` that this exercise loads.
    pub fn loads_any<'a>(&'a self, sensitive: &'a [Joint]) -> impl Iterator<Item = Joint> + 'a {
        self.joints.iter().copied().filter(|j| sensitive.contains(j))
    }

    /// The most important cue.
    pub fn top_cue(&self) -> &str {
        self.cues.first().map(String::as_str).unwrap_or("")
    }

    /// The METHOD rule ids that use this exercise: its own list plus what its category and tier imply.
    pub fn rule_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.rules.clone();
        let implied: &[&str] = match self.category {
            Category::Warmup | Category::Mobility => &["S1", "W4"],
            Category::Strength => &["S2", "S4"],
            Category::Posture => &["S2", "W5"],
            Category::Hinge => &["S2", "W2"],
            Category::Carry => &["S2", "W2", "A5"],
            Category::Core => &["S2"],
            Category::Grip => &["A1", "A5"],
            Category::Stretch => &["S3"],
            Category::Breathing => &["W4"],
        };
        ids.extend(implied.iter().map(|s| s.to_string()));
        if let Some(t) = self.tier {
            ids.push(format!("T{t}"));
        }
        if !self.substitutes.is_empty() {
            ids.push("R4".into());
        }
        if self.harder.is_some() {
            ids.push("P4".into());
        }
        ids.sort_by(|a, b| rule_order(a).cmp(&rule_order(b)));
        ids.dedup();
        ids
    }
}

/// Orders rule ids as METHOD.md lists its sections (A, S, W, B, T, P, R, K, N, X), then by number.
pub fn rule_order(id: &str) -> (usize, u32, &str) {
    let rank = match id.as_bytes().first() {
        Some(b'A') => 0,
        Some(b'S') => 1,
        Some(b'W') => 2,
        Some(b'B') => 3,
        Some(b'T') => 4,
        Some(b'P') => 5,
        Some(b'R') => 6,
        Some(b'K') => 7,
        Some(b'N') => 8,
        Some(b'X') => 9,
        _ => 99,
    };
    let number =
        id[1.min(id.len())..].bytes().take_while(u8::is_ascii_digit).fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    (rank, number, id)
}

/// A problem in the catalog data, found when it is loaded.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("catalog/{file}: {message}")]
    Parse { file: &'static str, message: String },
    #[error("catalog: exercise id {0:?} appears twice")]
    Duplicate(String),
}

/// The whole catalog, in file order, with an index by id.
#[derive(Debug)]
pub struct Catalog {
    exercises: Vec<Exercise>,
    by_id: FxHashMap<String, usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    exercise: Vec<Exercise>,
}

impl Catalog {
    /// Parses the embedded files. The tests guarantee this succeeds for the shipped data.
    pub fn load() -> Result<Catalog, CatalogError> {
        let mut exercises = Vec::new();
        for (file, text) in FILES {
            let parsed: CatalogFile =
                toml::from_str(text).map_err(|e| CatalogError::Parse { file, message: e.to_string() })?;
            exercises.extend(parsed.exercise);
        }
        let mut by_id = FxHashMap::default();
        for (i, ex) in exercises.iter().enumerate() {
            if by_id.insert(ex.id.clone(), i).is_some() {
                return Err(CatalogError::Duplicate(ex.id.clone()));
            }
        }
        Ok(Catalog { exercises, by_id })
    }

    /// The shipped catalog, parsed once.
    pub fn builtin() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| match Catalog::load() {
            Ok(c) => c,
            // The catalog is compiled in and checked by `catalog::tests`; a failure here is a build defect.
            Err(e) => panic!("the embedded exercise catalog is invalid: {e}"),
        })
    }

    /// This catalog with `extra` exercises after its own; an id it already holds is not added again.
    pub fn extended(&self, extra: Vec<Exercise>) -> Catalog {
        let mut exercises = self.exercises.clone();
        let mut by_id = self.by_id.clone();
        for ex in extra {
            if !by_id.contains_key(&ex.id) {
                by_id.insert(ex.id.clone(), exercises.len());
                exercises.push(ex);
            }
        }
        Catalog { exercises, by_id }
    }

    pub fn all(&self) -> &[Exercise] {
        &self.exercises
    }

    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.by_id.get(id).map(|&i| &self.exercises[i])
    }

    /// The exercise with this id; for ids the code itself names, which the catalog tests check exist.
    pub fn expect(&self, id: &str) -> &Exercise {
        match self.get(id) {
            Some(e) => e,
            None => panic!("exercise {id:?} is named in code but missing from the catalog"),
        }
    }

    /// Finds an exercise by id, or by name ignoring case, spaces, hyphens and a trailing "s".
    pub fn find(&self, query: &str) -> Option<&Exercise> {
        if let Some(e) = self.get(query) {
            return Some(e);
        }
        let key = loose_key(query);
        self.exercises.iter().find(|e| loose_key(&e.id) == key || loose_key(&e.name) == key)
    }
}

/// An exercise id as a `Cow`: borrowed from the shipped catalog when it is one of its ids, so that years of
/// logged sets share the catalog's strings; owned otherwise (custom exercises).
pub fn intern(id: &str) -> std::borrow::Cow<'static, str> {
    match Catalog::builtin().get(id) {
        Some(e) => std::borrow::Cow::Borrowed(e.id.as_str()),
        None => std::borrow::Cow::Owned(id.to_string()),
    }
}

/// Lower-case letters and digits only, without a plural "s": "Face Pulls" and "face-pull" meet.
pub fn loose_key(text: &str) -> String {
    let mut key: String = text.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect();
    if key.ends_with('s') {
        key.pop();
    }
    key
}

#[cfg(test)]
mod tests;
