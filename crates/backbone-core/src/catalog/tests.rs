//! Checks of the catalog data: ids, cross-references, vocabulary and coverage of what METHOD.md names.

use super::*;
use crate::vocab::{Equipment, Joint, Pattern};

/// Every movement METHOD.md names, and the extras it lists, by the id the catalog gives it.
pub(crate) const METHOD_NAMED: &[&str] = &[
    // S1 warm-up
    "neck-rolls",
    "shoulder-rolls",
    "arm-circles",
    "overhead-arm-reach",
    "chair-rotation",
    "cat-cow",
    "knee-to-chest",
    "thoracic-extension",
    "banded-scapular-engagement",
    // rows and pulls
    "bent-over-row",
    "one-arm-dumbbell-row",
    "band-row",
    "chest-supported-row",
    "incline-bench-pull",
    "barbell-row",
    "high-barbell-row",
    "cable-row",
    "unilateral-cable-row",
    "pull-up",
    "renegade-row",
    // posture
    "cable-face-pull",
    "band-face-pull",
    "scapular-squeeze",
    "wall-angel",
    "reverse-dumbbell-fly",
    "band-pull-apart",
    "cable-external-rotation",
    "chin-tuck",
    // posterior chain
    "deadlift",
    "romanian-deadlift",
    "hip-hinge",
    "back-extension",
    "bird-dog",
    "glute-bridge",
    // carries and grip
    "farmer-carry",
    "suitcase-carry",
    "dead-hang",
    "grip-squeeze",
    // S3 stretches
    "doorway-stretch",
    "childs-pose",
    "butterfly-stretch",
    "upper-trapezius-stretch",
    "levator-scapulae-stretch",
    "rhomboid-stretch",
    "lat-stretch",
    // W4 mobility and breathing
    "breathing-drill",
    "foam-roller-thoracic-release",
    // extras a coach expects
    "lat-pulldown",
    "chin-up",
    "band-assisted-pull-up",
    "band-pulldown",
    "door-frame-row",
    "towel-row",
    "inverted-row",
    "seal-row",
    "pendlay-row",
    "prone-y-t-w",
    "good-morning",
    "hip-thrust",
    "kettlebell-swing",
    "band-pallof-press",
    "cable-pallof-press",
];

fn catalog() -> Catalog {
    match Catalog::load() {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn the_catalog_parses_with_unique_kebab_case_ids_and_at_least_sixty_exercises() {
    let c = catalog();
    assert!(c.all().len() >= 60, "only {} exercises", c.all().len());
    for e in c.all() {
        let kebab = !e.id.is_empty()
            && e.id.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
            && !e.id.starts_with('-')
            && !e.id.ends_with('-')
            && !e.id.contains("--");
        assert!(kebab, "{:?} is not kebab-case", e.id);
    }
}

#[test]
fn every_movement_method_names_is_in_the_catalog() {
    let c = catalog();
    let missing: Vec<_> = METHOD_NAMED.iter().filter(|id| c.get(id).is_none()).collect();
    assert!(missing.is_empty(), "missing: {missing:?}");
}

#[test]
fn substitutes_exist_differ_from_the_exercise_and_share_a_pattern() {
    let c = catalog();
    for e in c.all() {
        for s in &e.substitutes {
            let sub = c.get(s).unwrap_or_else(|| panic!("{}: substitute {s:?} does not exist", e.id));
            assert_ne!(sub.id, e.id, "{} lists itself as a substitute", e.id);
            assert!(
                sub.patterns.iter().any(|p| e.patterns.contains(p)),
                "{} and its substitute {} share no pattern",
                e.id,
                sub.id
            );
        }
    }
}

#[test]
fn harder_variations_exist_share_a_pattern_and_are_not_easier() {
    let c = catalog();
    for e in c.all() {
        let Some(h) = &e.harder else { continue };
        let harder = c.get(h).unwrap_or_else(|| panic!("{}: harder {h:?} does not exist", e.id));
        assert!(harder.patterns.iter().any(|p| e.patterns.contains(p)), "{} -> {h}", e.id);
        assert!(harder.tier.unwrap_or(0) >= e.tier.unwrap_or(0), "{} -> {h} lowers the tier", e.id);
    }
}

#[test]
fn every_entry_is_complete_and_consistent() {
    let c = catalog();
    for e in c.all() {
        assert!(!e.name.trim().is_empty(), "{}: no name", e.id);
        assert!(!e.patterns.is_empty(), "{}: no pattern", e.id);
        assert!(!e.cues.is_empty(), "{}: no cue", e.id);
        assert!(!e.muscles.primary.is_empty(), "{}: no primary muscle", e.id);
        if let Some(t) = e.tier {
            assert!((1..=3).contains(&t), "{}: tier {t}", e.id);
            assert!(
                matches!(e.category, Category::Strength | Category::Posture | Category::Hinge),
                "{}: a tier on a {} exercise",
                e.id,
                e.category
            );
        }
        if let Some(load) = e.load {
            assert!(e.equipment.contains(&load), "{}: loaded with {load} it does not need", e.id);
        }
        if e.adds_to_body {
            assert!(e.load.is_some(), "{}: a load added to the body needs a load", e.id);
        }
        if let Some(loaded) = &e.loaded {
            let l =
                Catalog::builtin().get(loaded).unwrap_or_else(|| panic!("{}: loaded {loaded} does not exist", e.id));
            assert!(l.load.is_some() && e.load.is_none(), "{} -> {loaded}: from bodyweight to loaded", e.id);
            assert!(l.patterns.iter().any(|p| e.patterns.contains(p)), "{} -> {loaded}: same pattern", e.id);
        }
        if matches!(e.category, Category::Warmup | Category::Mobility | Category::Carry) {
            assert!(e.timed, "{}: {} is done for time", e.id, e.category);
        }
        assert!(!(e.timed && e.load.is_none() && e.category == Category::Carry), "{}: a carry needs a load", e.id);
    }
}

#[test]
fn equipment_words_each_appear_and_every_equipment_variant_needs_all_it_lists() {
    let c = catalog();
    for eq in Equipment::ALL {
        assert!(c.all().iter().any(|e| e.equipment.contains(eq)), "no exercise uses {eq}");
    }
}

/// METHOD S2a and R4: whatever a person owns and whichever single joint is sensitive, the catalog still
/// offers a row, a posture move, three upper-back moves, five minutes of warm-up and three stretches that
/// spare that joint.
#[test]
fn every_person_can_be_given_a_full_session_that_spares_one_sensitive_joint() {
    let c = catalog();
    let kits: &[&[Equipment]] = &[
        &[],
        &[Equipment::Bands],
        &[Equipment::Dumbbells, Equipment::Bench],
        &[Equipment::Barbell],
        &[Equipment::Cable],
        &[Equipment::Kettlebell],
        &[Equipment::PullupBar],
    ];
    for kit in kits {
        for joint in Joint::ALL.iter().map(|j| vec![*j]).chain([vec![]]) {
            let ok = |e: &&Exercise| e.fits(kit) && e.loads_any(&joint).next().is_none();
            let usable: Vec<&Exercise> = c.all().iter().filter(ok).collect();
            let label = format!("kit {kit:?}, sensitive {joint:?}");
            assert!(usable.iter().any(|e| e.is_row()), "no row for {label}");
            assert!(usable.iter().any(|e| e.is_posture()), "no posture move for {label}");
            assert!(usable.iter().filter(|e| e.is_upper_back()).count() >= 3, "under 3 upper-back moves for {label}");
            let warmups = usable.iter().filter(|e| e.category == Category::Warmup).count();
            assert!(warmups >= 5, "only {warmups} warm-up drills for {label}");
            let stretches = usable.iter().filter(|e| e.category == Category::Stretch).count();
            assert!(stretches >= 3, "only {stretches} stretches for {label}");
        }
    }
}

#[test]
fn find_matches_ids_and_names_forgivingly() {
    let c = catalog();
    assert_eq!(c.find("chest-supported-row").map(|e| e.id.as_str()), Some("chest-supported-row"));
    assert_eq!(c.find("Chest Supported Rows").map(|e| e.id.as_str()), Some("chest-supported-row"));
    assert!(c.find("underwater basket weaving").is_none());
}

/// METHOD T3/T4: a stability drill (a plank that rows, anything anti-rotation) is never a main strength lift.
#[test]
fn t3_main_heavy_lifts_are_never_stability_drills() {
    let c = catalog();
    for id in &crate::engine::Slots::builtin().main_heavy {
        let e = c.get(id).unwrap_or_else(|| panic!("{id} is not in the catalog"));
        assert!(!e.patterns.contains(&Pattern::AntiRotation) && e.category != Category::Core, "{id}");
    }
}
