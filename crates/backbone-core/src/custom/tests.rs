//! What a custom exercise counts as: names read through `catalog/names.toml`, what the person says, and the catalog with customs.

use super::*;
use crate::vocab::Category;

fn custom(name: &str) -> CustomExercise {
    CustomExercise::new(crate::archive::custom_id(name).expect("an id"), name)
}

#[test]
fn the_back_work_of_real_exports_reads_as_rows_and_pulldowns() {
    for (name, like) in [
        ("Lat Pulldown (Machine)", "lat-pulldown"),
        ("Seated Row (Machine)", "cable-row"),
        ("Cable Row Wide Grip", "cable-row"),
        ("T Bar Row", "cable-row"),
        ("Iso-Lateral Row", "cable-row"),
        ("Pull Up (Assisted)", "band-assisted-pull-up"),
        ("Chin Up", "chin-up"),
        ("Rear Delt Reverse Fly (Machine)", "cable-reverse-fly"),
        ("Romanian Deadlift (Dumbbell)", "romanian-deadlift"),
        ("Trap Bar Deadlift", "deadlift"),
        ("Hyperextension", "back-extension"),
        ("Farmers Walk", "farmer-carry"),
    ] {
        assert_eq!(read_name(name).map(|e| e.id.as_str()), Some(like), "{name}");
    }
}

#[test]
fn names_that_are_not_back_work_or_not_clear_count_for_nothing() {
    for name in [
        "Upright Row (Barbell)",
        "Rowing Machine",
        "Bench Press (Barbell)",
        "Triceps Pushdown",
        "Lateral Raise",
        "Lat Pullover",
    ] {
        assert_eq!(read_name(name).map(|e| e.id.as_str()), None, "{name}");
        assert_eq!(custom(name).as_exercise(Catalog::builtin()), None, "{name}");
    }
}

#[test]
fn a_custom_exercise_counts_with_the_pattern_and_muscles_of_what_it_is_like_under_its_own_name() {
    let t_bar = custom("T Bar Row").as_exercise(Catalog::builtin()).expect("counts");
    assert_eq!((t_bar.id.as_str(), t_bar.name.as_str()), ("custom-t-bar-row", "T Bar Row"));
    assert_eq!(t_bar.patterns, vec![Pattern::HorizontalPull]);
    assert!(t_bar.is_upper_back() && t_bar.is_row());
    assert!(t_bar.cues.is_empty() && t_bar.substitutes.is_empty() && t_bar.tier.is_none());
}

#[test]
fn what_the_person_says_wins_over_the_name() {
    let mut c = custom("T Bar Row");
    c.counts = Some(Counts { like: Some("barbell-row".into()), ..Counts::default() });
    assert!(matches!(c.reading(), Reading::Set(_)));
    assert_eq!(
        c.as_exercise(Catalog::builtin()).map(|e| e.muscles),
        Catalog::builtin().get("barbell-row").map(|e| e.muscles.clone())
    );
    c.counts =
        Some(Counts { pattern: Some(Pattern::VerticalPull), muscles: vec![Muscle::Latissimus], ..Counts::default() });
    let e = c.as_exercise(Catalog::builtin()).expect("counts");
    assert_eq!(
        (e.patterns.clone(), e.muscles.primary.clone()),
        (vec![Pattern::VerticalPull], vec![Muscle::Latissimus])
    );
    assert_eq!(e.category, Category::Strength);
    c.counts = Some(Counts::default());
    assert_eq!(c.as_exercise(Catalog::builtin()), None, "said to count for nothing");
}

#[test]
fn a_catalog_with_customs_finds_them_and_keeps_its_own() {
    let customs = [custom("T Bar Row"), custom("Bench Press (Barbell)")];
    let c = Catalog::builtin().with_customs(&customs);
    assert!(c.get("custom-t-bar-row").is_some());
    assert!(c.get("custom-bench-press-barbell").is_none(), "counts for nothing, so not in the catalog");
    assert_eq!(c.all().len(), Catalog::builtin().all().len() + 1);
    assert_eq!(c.get("barbell-row"), Catalog::builtin().get("barbell-row"));
}

#[test]
fn every_rule_names_a_catalog_exercise() {
    for rule in rules() {
        if let Some(id) = &rule.like {
            assert!(Catalog::builtin().get(id).is_some(), "catalog/names.toml: {id} is not in the catalog");
        }
        assert!(rule.words.iter().all(|w| *w == spaced(w)), "words are lower case and spaced: {:?}", rule.words);
    }
}
