//! `backbone plan`: snapshots of the example profiles' plans and the contract's promises.

use super::run;

const EXAMPLES: &[&str] = &[
    "desk-beginner-bands",
    "home-lifter-dumbbells",
    "advanced-barbell-failed-wall-angel",
    "no-equipment",
    "contract-example",
];

#[test]
fn example_plans_as_json_match_their_snapshots() {
    for name in EXAMPLES {
        let path = format!("examples/{name}.toml");
        let (code, out, err) = run(&["plan", "--profile", &path, "--weeks", "5", "--json"]);
        assert_eq!(code, 0, "{name}: {err}");
        insta::assert_snapshot!(format!("{name}.json"), out);
    }
}

#[test]
fn example_plans_for_people_match_their_snapshots() {
    for name in EXAMPLES {
        let path = format!("examples/{name}.toml");
        let (code, out, err) = run(&["plan", "--profile", &path, "--weeks", "5"]);
        assert_eq!(code, 0, "{name}: {err}");
        insta::assert_snapshot!(format!("{name}.txt"), out);
    }
}

#[test]
fn the_same_profile_gives_the_same_bytes() {
    let a = run(&["plan", "--profile", "examples/contract-example.toml", "--json", "--weeks", "52"]);
    let b = run(&["plan", "--profile", "examples/contract-example.toml", "--json", "--weeks", "52"]);
    assert_eq!(a.0, 0);
    assert_eq!(a.1, b.1);
}

#[test]
fn json_plan_has_the_contract_shape_and_twelve_weeks_by_default() {
    let (code, out, _) = run(&["plan", "--profile", "examples/contract-example.toml", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("stdout is JSON and nothing else");
    assert_eq!(v["schema"], "backbone.plan/1");
    assert_eq!(v["athlete"]["name"], "Alex");
    assert_eq!(v["weeks"].as_array().map(Vec::len), Some(12));
    let session = &v["weeks"][0]["sessions"][0];
    for key in ["date", "focus", "heavy", "minutes", "warmup", "main", "cooldown"] {
        assert!(session.get(key).is_some(), "session lacks {key}");
    }
    let item = &session["main"][0];
    for key in ["exercise", "sets", "reps", "rpe", "load_kg", "tempo", "rest_seconds", "why"] {
        assert!(item.get(key).is_some(), "main item lacks {key}");
    }
    assert!(v["weeks"][3]["deload"].as_bool().unwrap_or(false));
    assert_eq!(v["weeks"][3]["block"]["emphasis"], "deload");
    assert!(v["notices"].as_array().is_some_and(|n| n.iter().all(|n| n["rule"].is_string() && n["text"].is_string())));
}

#[test]
fn loads_are_suggested_only_when_the_profile_gives_body_weight() {
    let (_, with, _) = run(&["plan", "--profile", "examples/contract-example.toml", "--json", "--weeks", "1"]);
    let (_, without, _) = run(&["plan", "--profile", "examples/no-equipment.toml", "--json", "--weeks", "1"]);
    let loads = |out: &str| {
        let v: serde_json::Value = serde_json::from_str(out).unwrap();
        v["weeks"][0]["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["main"].as_array().unwrap().clone())
            .filter(|m| m["load_kg"].is_number())
            .count()
    };
    assert!(loads(&with) > 0);
    assert_eq!(loads(&without), 0);
}

#[test]
fn pounds_are_shown_to_lb_users_while_json_stays_in_kg() {
    // The contract's lifter, in pounds: the hip thrust has a starting load from the strength standards.
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("lb.toml");
    let text = std::fs::read_to_string(super::root().join("examples/contract-example.toml")).unwrap();
    std::fs::write(&profile, text.replace("units = \"kg\"", "units = \"lb\"")).unwrap();
    let path = profile.to_str().unwrap();
    let (_, text, _) = run(&["plan", "--profile", path, "--weeks", "1"]);
    assert!(text.contains(" lb,"), "{text}");
    assert!(!text.contains(" kg,"));
    let (_, json, _) = run(&["plan", "--profile", path, "--weeks", "1", "--json"]);
    assert!(json.contains("\"load_kg\": 9"), "loads stay in kg in JSON: {json}");
}

#[test]
fn dates_on_screen_follow_the_locale() {
    let out = super::backbone()
        .args(["plan", "--profile", "examples/no-equipment.toml", "--weeks", "1"])
        .env("LC_ALL", "de_DE.UTF-8")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Mon 23.11.2026"), "{text}");
}
