//! Maps an exercise name as an app writes it (`Seated Row (Cable)`, `Cable Face Pull`, `Pull Up`) to an
//! exercise of the catalog, or to nothing.
//!
//! Three steps, the first that answers wins: the alias table (`aliases.toml`, data), the catalog's own
//! lookup by id or name, then a cautious match. The cautious match splits a name into its words and its
//! implement (`Barbell`, `Dumbbell`, `Cable`, `Band`, `Kettlebell`, `Bodyweight`; in parentheses or not)
//! and accepts a catalog exercise only when the words are the same set, the implements agree, and exactly
//! one exercise qualifies: a mere shared word ("Row") is never enough, and a machine, a Smith machine or
//! an EZ bar, which the catalog has none of, matches nothing. Anything unmatched is for the caller to keep
//! as a custom exercise; nothing is dropped.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use backbone_core::catalog::{Catalog, Exercise};
use backbone_core::vocab::Equipment;

/// The alias table, embedded.
const ALIASES: &str = include_str!("aliases.toml");

/// An implement a name states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gear {
    Barbell,
    Dumbbell,
    Kettlebell,
    Cable,
    Band,
    /// `Bodyweight`, or `Weighted` (a bodyweight exercise with a load added).
    Bodyweight,
    /// A machine, a Smith machine, a plate-loaded lever, an EZ or trap bar: nothing the catalog has.
    Other,
}

/// A name cut into its words (singular, sorted, without implements) and its implement.
#[derive(Debug, PartialEq)]
struct Words {
    words: Vec<String>,
    gear: Option<Gear>,
    /// Two different implements named: matches nothing.
    mixed: bool,
}

/// Words that say nothing about the movement.
const STOP: &[&str] = &["the", "a", "an", "with", "and", "on", "of", "to"];

/// Two-word spellings of one word, joined so that "Pull Up", "Pull-up" and "Pullup" meet.
const JOINED: &[(&str, &str, &str)] = &[
    ("pull", "up", "pullup"),
    ("chin", "up", "chinup"),
    ("push", "up", "pushup"),
    ("sit", "up", "situp"),
    ("pull", "down", "pulldown"),
    ("push", "down", "pushdown"),
    ("bent", "over", "bentover"),
    ("body", "weight", "bodyweight"),
    ("ez", "bar", "ezbar"),
    ("trap", "bar", "trapbar"),
    ("hex", "bar", "trapbar"),
    ("plate", "loaded", "plateloaded"),
];

/// Lower-case words, apostrophes dropped ("Farmer's" is "farmers"), two-word spellings joined, plurals
/// made singular, stop words left out. Order kept.
fn tokens(name: &str) -> Vec<String> {
    let lower = name.to_lowercase().replace(['\'', '’'], "");
    let raw: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if let Some(&(_, _, joined)) =
            JOINED.iter().find(|(a, b, _)| raw[i] == *a && raw.get(i + 1).is_some_and(|next| next == b))
        {
            out.push(joined.to_string());
            i += 2;
            continue;
        }
        let w = raw[i];
        i += 1;
        if STOP.contains(&w) {
            continue;
        }
        out.push(singular(w).to_string());
    }
    out
}

/// "flys" -> "fly", "raises" -> "raise", "curls" -> "curl"; "press" and "bus" stay.
fn singular(word: &str) -> &str {
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        &word[..word.len() - 1]
    } else {
        word
    }
}

fn gear_of(word: &str) -> Option<Gear> {
    Some(match word {
        "barbell" | "bb" => Gear::Barbell,
        "dumbbell" | "db" => Gear::Dumbbell,
        "kettlebell" | "kb" => Gear::Kettlebell,
        "cable" => Gear::Cable,
        "band" | "banded" => Gear::Band,
        "bodyweight" | "weighted" => Gear::Bodyweight,
        "machine" | "smith" | "plateloaded" | "ezbar" | "trapbar" | "lever" | "sled" | "landmine" => Gear::Other,
        _ => return None,
    })
}

fn words(name: &str) -> Words {
    let mut words = Vec::new();
    let mut gear = None;
    let mut mixed = false;
    for token in tokens(name) {
        match gear_of(&token) {
            Some(g) => {
                mixed |= gear.is_some_and(|seen| seen != g);
                gear = Some(g);
            }
            None => words.push(token),
        }
    }
    words.sort();
    words.dedup();
    Words { words, gear, mixed }
}

/// The alias table with normalized keys, parsed once.
fn aliases() -> &'static BTreeMap<String, String> {
    static TABLE: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The file is embedded and checked by the tests below; if it were broken, no alias would apply
        // and names would fall back to the matcher, which is safe.
        let table: toml::Table = ALIASES.parse().unwrap_or_default();
        let mut map = BTreeMap::new();
        if let Some(toml::Value::Table(alias)) = table.get("alias") {
            for (name, id) in alias {
                if let toml::Value::String(id) = id {
                    map.insert(key(name), id.clone());
                }
            }
        }
        map
    })
}

/// A name's alias-table key: its words in order, implements included.
fn key(name: &str) -> String {
    tokens(name).join(" ")
}

/// Whether a catalog exercise can be what a name with `gear` means.
fn fits(gear: Option<Gear>, named: Option<Gear>, exercise: &Exercise) -> bool {
    let has = |e: Equipment| exercise.equipment.contains(&e);
    match gear {
        // No implement named: the catalog's plain variant, whose own name names none.
        None => named.is_none(),
        Some(Gear::Other) => false,
        Some(Gear::Bodyweight) => {
            exercise.load.is_none()
                && exercise.equipment.iter().all(|e| matches!(e, Equipment::PullupBar | Equipment::Bench))
        }
        Some(g) => {
            let needed = match g {
                Gear::Barbell => Equipment::Barbell,
                Gear::Dumbbell => Equipment::Dumbbells,
                Gear::Kettlebell => Equipment::Kettlebell,
                Gear::Cable => Equipment::Cable,
                _ => Equipment::Bands,
            };
            has(needed) && named.is_none_or(|n| n == g)
        }
    }
}

/// The catalog exercise an imported name means, if one clearly does.
pub fn map_exercise<'c>(name: &str, catalog: &'c Catalog) -> Option<&'c Exercise> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    if let Some(id) = aliases().get(&key(name)) {
        return catalog.get(id);
    }
    if let Some(e) = catalog.find(name) {
        return Some(e);
    }
    let wanted = words(name);
    if wanted.mixed || wanted.words.is_empty() {
        return None;
    }
    let mut found = None;
    for exercise in catalog.all() {
        let own = words(&exercise.name);
        if own.words == wanted.words && !own.mixed && fits(wanted.gear, own.gear, exercise) {
            if found.is_some() {
                return None;
            }
            found = Some(exercise);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(name: &str) -> Option<&'static str> {
        map_exercise(name, Catalog::builtin()).map(|e| e.id.as_str())
    }

    #[test]
    fn every_alias_names_a_catalog_exercise() {
        let table: toml::Table = ALIASES.parse().expect("aliases.toml parses");
        let alias = table["alias"].as_table().expect("an [alias] table");
        assert!(alias.len() >= 20);
        for (name, target) in alias {
            let target = target.as_str().expect("a string id");
            assert!(Catalog::builtin().get(target).is_some(), "{name} -> {target}: no such exercise");
            assert_eq!(id(name), Some(target), "{name}");
        }
        assert_eq!(aliases().len(), alias.len(), "two aliases normalize to the same key");
    }

    #[test]
    fn words_and_implements() {
        let w = words("Seated Row (Cable)");
        assert_eq!((w.words, w.gear), (vec!["row".to_string(), "seated".to_string()], Some(Gear::Cable)));
        assert_eq!(words("Farmer's Walk").words, vec!["farmer", "walk"]);
        assert_eq!(words("Reverse Cable Flys").words, vec!["fly", "reverse"]);
        assert_eq!(words("Chin-up").words, vec!["chinup"]);
        assert_eq!(words("Bench Press").words, vec!["bench", "press"]);
        assert!(words("Deadlift (Barbell) - Kettlebell").mixed);
        assert_eq!(words("Lat Pulldown (Machine)").gear, Some(Gear::Other));
    }

    /// Every name in the three real exports that has a catalog counterpart, and some that must not match.
    #[test]
    fn check_names() {
        let cases: &[(&str, Option<&str>)] = &[
            // Strong iOS (breinsp).
            ("Pull Up", Some("pull-up")),
            ("Pull Up (Band)", Some("band-assisted-pull-up")),
            ("Pull Up (Assisted)", None),
            ("Wide Pull Up", None),
            ("Deadlift (Barbell)", Some("deadlift")),
            ("Lat Pulldown (Cable)", Some("lat-pulldown")),
            ("Lat Pulldown (Machine)", None),
            ("Seated Row (Cable)", Some("cable-row")),
            ("Seated Row (Machine)", None),
            ("Bent Over Row (Barbell)", Some("barbell-row")),
            ("Bent Over One Arm Row (Dumbbell)", Some("one-arm-dumbbell-row")),
            ("Bent Over Row Machine (Panatta)", None),
            ("Pendlay Row (Barbell)", Some("pendlay-row")),
            ("Face Pull (Cable)", Some("cable-face-pull")),
            ("Inverted Row (Bodyweight)", Some("inverted-row")),
            ("Plank", Some("plank")),
            ("Hyperextensions", Some("back-extension")),
            ("Cable Row Wide Grip", None),
            ("T Bar Row", None),
            ("Low Row", None),
            ("High Row", None),
            ("Iso-Lateral Row (Machine)", None),
            ("Bench Press (Barbell)", None),
            ("Front Pulldown", None),
            // Hevy (mouadja02).
            ("Face Pull", Some("cable-face-pull")),
            ("Dumbbell Row", Some("one-arm-dumbbell-row")),
            ("Lat pulldown (V-grip)", Some("neutral-grip-pulldown")),
            ("Lat Pulldown - Close Grip (Cable)", None),
            ("Seated Cable Row - V Grip (Cable)", Some("cable-row")),
            ("Iso-Lateral Low Row", None),
            ("Rope Straight Arm Pulldown", None),
            // FitNotes (PersonalWeightTracker).
            ("Barbell Row", Some("barbell-row")),
            ("Cable Face Pull", Some("cable-face-pull")),
            ("Chest Supported Row", Some("chest-supported-row")),
            ("Chin Up", Some("chin-up")),
            ("Deadlift", Some("deadlift")),
            ("Lat Pulldown", Some("lat-pulldown")),
            ("Neutral Lat Pulldown", Some("neutral-grip-pulldown")),
            ("Reverse Cable Flys", Some("cable-reverse-fly")),
            ("Romanian Deadlift", Some("romanian-deadlift")),
            ("Seated Cable Row", Some("cable-row")),
            ("Cable Single Arm Pull Down", None),
            ("Close Lat Pulldown", None),
            ("Seated Wide Grip Row", None),
            ("Rear Delt Machine Fly", None),
            ("Barbell Glute Bridge", None),
            // Common names elsewhere.
            ("Farmers Walk", Some("farmer-carry")),
            ("Farmer's Walk", Some("farmer-carry")),
            ("Farmer Carry (Kettlebell)", Some("kettlebell-farmer-carry")),
            ("Romanian Deadlift (Barbell)", Some("romanian-deadlift")),
            ("Romanian Deadlift (Dumbbell)", Some("dumbbell-romanian-deadlift")),
            ("Bent Over Row (Dumbbell)", Some("dumbbell-bent-over-row")),
            ("Hip Thrust (Barbell)", Some("hip-thrust")),
            ("Good Morning (Barbell)", Some("good-morning")),
            ("Kettlebell Swing", Some("kettlebell-swing")),
            ("Reverse Fly (Dumbbell)", Some("reverse-dumbbell-fly")),
            ("Face Pull (Band)", Some("band-face-pull")),
            ("Pull Up (Weighted)", Some("pull-up")),
            ("Band Assisted Pull Up", Some("band-assisted-pull-up")),
            ("Deadlift (Trap bar)", None),
            ("Deadlift (Smith Machine)", None),
            // A shared word is not a match.
            ("Row", None),
            ("Pull", None),
            ("Deadlift Row", None),
            ("Curl", None),
            ("", None),
            ("()", None),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(name, want)| id(name) != *want)
            .map(|(name, want)| format!("{name:?}: want {want:?}, got {:?}", id(name)))
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
