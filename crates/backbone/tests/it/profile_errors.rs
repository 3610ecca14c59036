//! Every kind of bad profile and flag: exit code 2, a message naming the file, field and value, no panic.

use std::io::Write;

use super::run;

const GOOD: &str = "name = \"T\"\nexperience = \"beginner\"\ngoal = \"posture\"\ndays_per_week = 2\n\
                    session_minutes = 30\nequipment = []\nstart = \"2026-11-23\"\n";

/// Writes `text` to a temporary profile and runs `plan` on it.
fn plan_with(text: &str) -> (i32, String, String) {
    let mut file = tempfile::Builder::new().suffix(".toml").tempfile().unwrap();
    file.write_all(text.as_bytes()).unwrap();
    let path = file.path().to_str().unwrap().to_string();
    let (code, out, err) = run(&["plan", "--profile", &path, "--json"]);
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.is_empty(), "nothing on stdout when failing: {out}");
    (code, path, err)
}

fn check(text: &str, needles: &[&str]) {
    let (code, path, err) = plan_with(text);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(&path), "the file is named: {err}");
    for n in needles {
        assert!(err.contains(n), "{err:?} lacks {n:?}");
    }
}

#[test]
fn the_good_profile_is_accepted() {
    let (code, _, err) = {
        let mut file = tempfile::Builder::new().suffix(".toml").tempfile().unwrap();
        file.write_all(GOOD.as_bytes()).unwrap();
        run(&["plan", "--profile", file.path().to_str().unwrap(), "--json"])
    };
    assert_eq!(code, 0, "{err}");
}

#[test]
fn out_of_range_values_are_refused() {
    check(&GOOD.replace("days_per_week = 2", "days_per_week = 7"), &["days_per_week", "7", "1 to 6"]);
    check(&GOOD.replace("session_minutes = 30", "session_minutes = 500"), &["session_minutes", "500", "15 to 120"]);
}

#[test]
fn unknown_keys_and_words_are_refused_with_the_known_ones() {
    check(&format!("{GOOD}colour = \"red\"\n"), &["colour", "unknown key", "experience"]);
    check(&GOOD.replace("equipment = []", "equipment = [\"treadmill\"]"), &["equipment", "treadmill", "bands"]);
    check(&GOOD.replace("goal = \"posture\"", "goal = \"cardio\""), &["goal", "cardio", "hypertrophy"]);
    check(&format!("{GOOD}sensitive_joints = [\"toe\"]\n"), &["sensitive_joints", "toe", "lower_back"]);
}

#[test]
fn a_near_miss_word_is_refused_with_the_word_it_was_probably_meant_to_be() {
    check(
        &GOOD.replace("\"beginner\"", "\"intermediat\""),
        &["experience", "intermediat", "did you mean \"intermediate\"?"],
    );
    check(&GOOD.replace("equipment = []", "equipment = [\"pull-up bar\"]"), &["did you mean \"pullup_bar\"?"]);
    let (_, _, err) = plan_with(&GOOD.replace("equipment = []", "equipment = [\"treadmill\"]"));
    assert!(!err.contains("did you mean"), "no guess for a word from elsewhere: {err}");
}

#[test]
fn init_names_the_nearest_word_of_a_profile_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("me.toml");
    std::fs::write(&profile, format!("{GOOD}sensitive_joints = [\"lower back\"]\n")).unwrap();
    let db = dir.path().join("b.db");
    let (code, _, err) =
        run(&["--db", db.to_str().unwrap(), "init", "--profile", profile.to_str().unwrap(), "--today", "2026-11-23"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("sensitive_joints") && err.contains("did you mean \"lower_back\"?"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!db.exists(), "a refused profile leaves no database");
}

#[test]
fn bad_dates_and_missing_keys_are_refused() {
    check(&GOOD.replace("2026-11-23", "2026-13-01"), &["start", "2026-13-01", "YYYY-MM-DD"]);
    check(&GOOD.replace("start = \"2026-11-23\"\n", ""), &["start", "missing"]);
    check(&GOOD.replace("name = \"T\"\n", ""), &["name", "missing"]);
}

#[test]
fn empty_and_non_toml_files_are_refused() {
    check("", &["empty"]);
    check("this is = = not toml", &["not valid TOML", ":1:"]);
}

#[test]
fn a_missing_file_is_refused() {
    let (code, out, err) = run(&["plan", "--profile", "no/such/profile.toml"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("no/such/profile.toml") && err.contains("cannot read"), "{err}");
}

#[test]
fn bad_flags_are_refused() {
    for args in [
        &["plan", "--profile", "examples/no-equipment.toml", "--weeks", "0"][..],
        &["plan", "--profile", "examples/no-equipment.toml", "--weeks", "53"],
        &["plan", "--profile", "examples/no-equipment.toml", "--weeks", "many"],
        &["plan", "--profile", "examples/no-equipment.toml", "--today", "2026-02-30"],
        &["exercises", "--pattern", "diagonal"],
        &["exercises", "show", "underwater-basket-weaving"],
    ] {
        let (code, _, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(!err.contains("panicked"));
    }
}
