//! `backbone exercises`: the catalog as JSON and tables, filters, and one exercise in full.

use super::run;

fn list(args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["exercises", "--json"];
    all.extend_from_slice(args);
    let (code, out, err) = run(&all);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str::<Vec<serde_json::Value>>(&out).expect("a JSON array")
}

#[test]
fn every_exercise_has_the_contract_fields() {
    let all = list(&[]);
    assert!(all.len() >= 60);
    for e in &all {
        for key in [
            "id",
            "name",
            "category",
            "patterns",
            "tier",
            "equipment",
            "joints",
            "muscles",
            "unilateral",
            "cues",
            "substitutes",
        ] {
            assert!(e.get(key).is_some(), "{} lacks {key}", e["id"]);
        }
        assert!(e["muscles"]["primary"].is_array() && e["muscles"]["secondary"].is_array());
    }
}

#[test]
fn filters_narrow_the_list() {
    let bands = list(&["--equipment", "bands"]);
    assert!(!bands.is_empty());
    assert!(bands.iter().all(|e| e["equipment"].as_array().unwrap().iter().any(|w| w == "bands")));
    let pulls = list(&["--pattern", "vertical_pull"]);
    assert!(pulls.iter().all(|e| e["patterns"].as_array().unwrap().iter().any(|p| p == "vertical_pull")));
    let stretches = list(&["--category", "stretch"]);
    assert!(stretches.len() >= 7 && stretches.iter().all(|e| e["category"] == "stretch"));
    let kit = list(&["--kit", "none"]);
    assert!(kit.iter().all(|e| e["equipment"].as_array().unwrap().is_empty()));
}

#[test]
fn show_gives_cues_substitutes_and_rules() {
    let (code, out, _) = run(&["exercises", "show", "chest-supported-row"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("show-chest-supported-row", out);
    let (code, out, _) = run(&["exercises", "show", "Chest Supported Rows", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["id"], "chest-supported-row");
    assert!(v["rules"].as_array().unwrap().iter().any(|r| r == "T1"));
}

#[test]
fn help_teaches() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("help", out);
}
