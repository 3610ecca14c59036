//! `backbone rules`: every rule id backbone prints can be looked up, in our own words.

use std::collections::BTreeSet;

use crate::{root, run};

#[test]
fn a_rule_is_explained_in_plain_words() {
    let (code, out, err) = run(&["rules", "p5"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("P5 Calibration"), "{out}");
    assert!(out.contains("RPE"), "{out}");
    let (code, out, _) = run(&["rules", "rpe", "tempo"]);
    assert_eq!(code, 0);
    assert!(out.contains("reps you could still have done") && out.contains("3-1-1-0"), "{out}");
}

#[test]
fn an_unknown_id_is_one_clear_line_and_exit_2() {
    let (code, out, err) = run(&["rules", "Q9"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("\"Q9\"") && err.contains("P1-P7"), "{err}");
}

#[test]
fn rules_as_json_list_every_entry() {
    let (code, out, err) = run(&["rules", "--json"]);
    assert_eq!(code, 0, "{err}");
    let all: Vec<serde_json::Value> = serde_json::from_str(&out).expect("JSON");
    assert!(all.iter().any(|e| e["id"] == "K10" && e["text"].as_str().is_some_and(|t| t.contains("8 lines"))));
}

/// Every id in every `why` and notice of the example plans, and in the catalog's rules, is documented.
#[test]
fn every_rule_id_backbone_prints_can_be_looked_up() {
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for entry in std::fs::read_dir(root().join("examples")).expect("examples/") {
        let path = entry.expect("an entry").path();
        let (code, out, err) = run(&["plan", "--profile", path.to_str().expect("utf-8"), "--weeks", "16", "--json"]);
        assert_eq!(code, 0, "{}: {err}", path.display());
        let plan: serde_json::Value = serde_json::from_str(&out).expect("a plan");
        collect(&plan, &mut ids);
    }
    let (_, out, _) = run(&["exercises", "--json"]);
    let catalog: serde_json::Value = serde_json::from_str(&out).expect("the catalog");
    for e in catalog.as_array().expect("an array") {
        ids.extend(e["rules"].as_array().into_iter().flatten().filter_map(|r| r.as_str().map(String::from)));
    }
    assert!(ids.len() > 20, "{ids:?}");
    for id in &ids {
        let (code, _, err) = run(&["rules", id]);
        assert_eq!(code, 0, "{id} is not documented: {err}");
    }
}

/// Every string in a `why` array or a notice's `rule`.
fn collect(v: &serde_json::Value, ids: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, x) in map {
                match (k.as_str(), x) {
                    ("why", serde_json::Value::Array(a)) => {
                        ids.extend(a.iter().filter_map(|r| r.as_str().map(String::from)));
                    }
                    ("rule", serde_json::Value::String(r)) => {
                        ids.insert(r.clone());
                    }
                    _ => collect(x, ids),
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect(x, ids)),
        _ => {}
    }
}
