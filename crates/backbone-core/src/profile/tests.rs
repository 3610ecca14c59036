//! Profile parsing: the contract's example parses, and every kind of bad value is refused by name.

use super::*;

const EXAMPLE: &str = r#"
name = "Alex"
experience = "intermediate"
goal = "strength"
days_per_week = 3
session_minutes = 60
equipment = ["barbell", "dumbbells", "cable", "bench", "pullup_bar", "bands"]
sensitive_joints = ["lower_back"]
start = "2026-11-23"
training_days = ["mon", "wed", "fri"]
units = "kg"
body_weight_kg = 80.0
sex = "male"
age = 34

[assessment]
grip_kg = { left = 45.0, right = 50.0 }
dead_hang_seconds = 40
wall_angel = "fail"
scapular_winging = false
thoracic_rotation_deg = { left = 35, right = 40 }
bench_grip = "wide"
"#;

#[test]
fn the_contract_example_parses_into_typed_values() {
    let p = Profile::parse(EXAMPLE, "alex.toml").unwrap();
    assert_eq!(p.name, "Alex");
    assert_eq!(p.experience, Experience::Intermediate);
    assert_eq!(p.days_per_week, 3);
    assert_eq!(p.equipment.len(), 6);
    assert_eq!(p.sensitive_joints, vec![Joint::LowerBack]);
    assert_eq!(p.start, jiff::civil::date(2026, 11, 23));
    assert_eq!(p.training_days, Some(vec![Day::Mon, Day::Wed, Day::Fri]));
    assert_eq!(p.assessment.grip_kg, Some(LeftRight { left: 45.0, right: 50.0 }));
    assert_eq!(p.assessment.wall_angel, Some(PassFail::Fail));
    assert_eq!(p.assessment.thoracic_rotation_deg, Some(LeftRight { left: 35.0, right: 40.0 }));
}

#[test]
fn to_toml_round_trips() {
    let p = Profile::parse(EXAMPLE, "alex.toml").unwrap();
    let again = Profile::parse(&p.to_toml(), "again.toml").unwrap();
    assert_eq!(p, again);
}

#[test]
fn optional_keys_default_and_empty_equipment_is_valid() {
    let text = "name = \"B\"\nexperience = \"beginner\"\ngoal = \"posture\"\ndays_per_week = 2\n\
                session_minutes = 20\nequipment = []\nstart = 2026-11-23\n";
    let p = Profile::parse(text, "b.toml").unwrap();
    assert!(p.equipment.is_empty());
    assert!(p.sensitive_joints.is_empty());
    assert_eq!(p.units, Units::Kg);
    assert!(p.assessment.is_empty());
}

/// Replaces `key = ...` lines in the example (or appends a line) and checks the error text.
fn check(edit: &str, removed: &str, must_contain: &[&str]) {
    let mut text: String =
        EXAMPLE.lines().filter(|l| removed.is_empty() || !l.starts_with(removed)).collect::<Vec<_>>().join("\n");
    if !edit.is_empty() {
        // Top-level edits go before the [assessment] table.
        text = text.replacen("[assessment]", &format!("{edit}\n[assessment]"), 1);
    }
    let err = Profile::parse(&text, "p.toml").unwrap_err().to_string();
    assert!(err.starts_with("p.toml"), "{err}");
    for needle in must_contain {
        assert!(err.contains(needle), "{err:?} lacks {needle:?}");
    }
}

#[test]
fn bad_values_name_the_field_the_value_and_what_is_allowed() {
    check("", "days_per_week", &["days_per_week", "missing"]);
    check("days_per_week = 9", "days_per_week", &["days_per_week", "9", "1 to 6"]);
    check("session_minutes = 5", "session_minutes", &["session_minutes", "5", "15 to 120"]);
    check("goal = \"bulk\"", "goal", &["goal", "bulk", "posture, hypertrophy, strength"]);
    check("equipment = [\"rack\"]", "equipment", &["equipment", "rack", "pullup_bar"]);
    check("sensitive_joints = [\"ankle\"]", "sensitive_joints", &["sensitive_joints", "ankle", "lower_back"]);
    check("start = \"2026-02-30\"", "start", &["start", "2026-02-30", "YYYY-MM-DD"]);
    check("start = \"23/11/2026\"", "start", &["start", "23/11/2026"]);
    check("favourite_colour = \"red\"", "", &["unknown key", "favourite_colour", "days_per_week"]);
    check("training_days = [\"mon\", \"mon\", \"fri\"]", "training_days", &["training_days", "at most once"]);
    check("training_days = [\"mon\"]", "training_days", &["training_days", "3 days"]);
    check("training_days = [\"funday\"]", "training_days", &["training_days", "funday", "mon"]);
    check("age = 7", "age", &["age", "7", "13 to 100"]);
    check("body_weight_kg = -3", "body_weight_kg", &["body_weight_kg", "-3"]);
    check("units = \"stone\"", "units", &["units", "stone", "kg, lb"]);
    check("name = 4", "name", &["name", "4", "string"]);
}

#[test]
fn bad_assessment_values_are_named_with_their_table() {
    let bad = EXAMPLE.replace("wall_angel = \"fail\"", "wall_angel = \"maybe\"");
    let err = Profile::parse(&bad, "p.toml").unwrap_err().to_string();
    assert!(err.contains("assessment.wall_angel") && err.contains("maybe") && err.contains("pass, fail"), "{err}");
    let bad = EXAMPLE.replace("left = 35", "left = 400");
    let err = Profile::parse(&bad, "p.toml").unwrap_err().to_string();
    assert!(err.contains("assessment.thoracic_rotation_deg.left") && err.contains("400"), "{err}");
    let bad = EXAMPLE.replace("bench_grip = \"wide\"", "bench_grip = \"wide\"\nvo2max = 50");
    let err = Profile::parse(&bad, "p.toml").unwrap_err().to_string();
    assert!(err.contains("assessment.vo2max"), "{err}");
}

#[test]
fn empty_and_non_toml_files_are_refused_with_a_position() {
    assert!(matches!(Profile::parse("  \n", "e.toml"), Err(ProfileError::Empty { .. })));
    let err = Profile::parse("name = \"A\"\nthis is not toml", "x.toml").unwrap_err();
    match err {
        ProfileError::NotToml { line, .. } => assert_eq!(line, 2),
        other => panic!("expected NotToml, got {other:?}"),
    }
}

#[test]
fn a_near_miss_vocabulary_word_names_the_nearest_allowed_word() {
    let text = EXAMPLE.replace("\"intermediate\"", "\"intermediat\"");
    let err = Profile::parse(&text, "alex.toml").unwrap_err().to_string();
    assert!(err.contains("field `experience`") && err.contains("did you mean \"intermediate\"?"), "{err}");
    let text = EXAMPLE.replace("[\"lower_back\"]", "[\"lower-back\"]");
    let err = Profile::parse(&text, "alex.toml").unwrap_err().to_string();
    assert!(err.contains("did you mean \"lower_back\"?"), "{err}");
}

#[test]
fn a_near_miss_key_names_the_key_it_was_probably_meant_to_be() {
    let text = EXAMPLE.replace("body_weight_kg = 80.0", "body_weight = 80.0");
    let err = Profile::parse(&text, "alex.toml").unwrap_err().to_string();
    assert!(err.contains("unknown key `body_weight`") && err.ends_with("did you mean \"body_weight_kg\"?"), "{err}");
    let text = format!("{EXAMPLE}\nbogus = 1\n").replacen("bogus", "zzz", 1);
    let err = Profile::parse(&text, "alex.toml").unwrap_err().to_string();
    assert!(!err.contains("did you mean"), "{err}");
}

#[test]
fn a_date_with_slashes_is_refused_as_ambiguous_with_the_iso_form() {
    let text = EXAMPLE.replace("\"2026-11-23\"", "\"5/12/2026\"");
    let err = Profile::parse(&text, "alex.toml").unwrap_err().to_string();
    assert!(
        err.contains("field `start`") && err.contains("YYYY-MM-DD") && err.contains("day and month order"),
        "{err}"
    );
}
