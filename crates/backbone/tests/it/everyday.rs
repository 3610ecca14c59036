//! Everyday use end to end: imported back work that counts (`exercises map`), and logging in seconds
//! (several exercises at once, short names, custom names, the day's session as prescribed).

use std::path::PathBuf;

use super::{backbone, root};

struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("backbone.db");
        Db { _dir: dir, path }
    }

    fn with_profile() -> Db {
        let db = Db::new();
        let (code, _, err) = db.run(&["init", "--profile", "examples/contract-example.toml"]);
        assert_eq!(code, 0, "{err}");
        db
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out =
            backbone().arg("--db").arg(&self.path).args(["--today", "2026-11-23"]).args(args).output().expect("runs");
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.push("--json");
        let (code, out, err) = self.run(&all);
        assert_eq!(code, 0, "{args:?}: {err}");
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {out}"))
    }

    /// Every logged set's exercise id, in order.
    fn logged(&self) -> Vec<String> {
        let history = self.json(&["history"]);
        let sessions = history.as_array().expect("a list");
        let sets = sessions.iter().flat_map(|s| s["sets"].as_array().expect("sets").iter());
        sets.map(|s| s["exercise"].as_str().expect("an id").to_string()).collect()
    }
}

fn hevy() -> String {
    let file = "crates/backbone-formats/tests/fixtures/import/hevy_kg__mouadja02-Hevy-Coach.csv";
    root().join(file).to_string_lossy().into_owned()
}

/// (source, like) of one custom exercise as `exercises map --json` lists it.
fn mapped(db: &Db, name: &str) -> (String, Option<String>) {
    let list = db.json(&["exercises", "map"]);
    let c = list.as_array().expect("a list").iter().find(|c| c["name"] == name);
    let c = c.unwrap_or_else(|| panic!("{name} in {list}"));
    (c["source"].as_str().expect("a source").to_string(), c["like"].as_str().map(str::to_string))
}

#[test]
fn imported_machine_and_cable_back_work_counts_in_the_weekly_sets() {
    let db = Db::with_profile();
    let (code, _, err) = db.run(&["import", &hevy(), "--units", "kg"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(mapped(&db, "Lat Pulldown (Machine)"), ("name".into(), Some("lat-pulldown".into())));
    assert_eq!(mapped(&db, "Iso-Lateral Low Row"), ("name".into(), Some("cable-row".into())));
    assert_eq!(mapped(&db, "Bench Press (Dumbbell)"), ("none".into(), None));
    // The export's last ten weeks: machine pulldowns and rows beside the catalog's face pull.
    let upper = |db: &Db| -> f64 {
        let report = db.json(&["report", "--today", "2025-07-06", "--weeks", "10"]);
        let kpis = report["kpis"].as_array().expect("kpis").clone();
        let k = kpis.iter().find(|k| k["id"] == "weekly_sets:upper_back").expect("upper back");
        k["series"].as_array().expect("series").iter().filter_map(|p| p["value"].as_f64()).sum()
    };
    let counted = upper(&db);
    for name in ["Lat Pulldown (Machine)", "Iso-Lateral Low Row", "Lat Pulldown - Close Grip (Cable)"] {
        assert_eq!(db.run(&["exercises", "map", name, "--none"]).0, 0);
    }
    let without = upper(&db);
    assert!(counted >= without + 20.0, "20 imported sets of rows and pulldowns count: {counted} against {without}");
    let report = db.json(&["report", "--today", "2025-07-06", "--weeks", "10"]);
    let kpi = |id: &str| report["kpis"].as_array().expect("kpis").iter().find(|k| k["id"] == id).cloned();
    assert!(kpi("e1rm:custom-iso-lateral-low-row").is_some_and(|k| k["name"] == "Iso-Lateral Low Row e1RM"));
}

#[test]
fn the_person_maps_a_custom_exercise_and_can_take_it_back() {
    let db = Db::with_profile();
    assert_eq!(db.run(&["import", &hevy(), "--units", "kg"]).0, 0);
    let (code, out, err) = db.run(&["exercises", "map", "Iso-Lateral Low Row", "barbell-row"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Iso-Lateral Low Row") && out.contains("Barbell row"), "{out}");
    assert_eq!(mapped(&db, "Iso-Lateral Low Row"), ("set".into(), Some("barbell-row".into())));
    assert_eq!(db.run(&["exercises", "map", "Shoulder Press (Dumbbell)", "--none"]).0, 0);
    assert_eq!(mapped(&db, "Shoulder Press (Dumbbell)"), ("set".into(), None));
    assert_eq!(db.run(&["exercises", "map", "custom-iso-lateral-low-row", "--auto"]).0, 0);
    assert_eq!(mapped(&db, "Iso-Lateral Low Row"), ("name".into(), Some("cable-row".into())));
    let (code, _, err) = db.run(&["exercises", "map", "Iso-Lateral Low Row", "barbel-rwo"]);
    assert_eq!(code, 2);
    assert!(err.contains("barbel-rwo") && err.contains("did you mean"), "{err}");
    let (code, _, err) = db.run(&["exercises", "map", "Face Pull", "--pattern", "scapular"]);
    assert_eq!(code, 2, "a catalog exercise is not custom: {err}");
    let (code, _, err) = db.run(&["exercises", "map", "Iso-Lateral Low Row"]);
    assert_eq!(code, 2);
    assert!(err.contains("--pattern"), "{err}");
}

#[test]
fn log_takes_several_exercises_short_names_and_custom_names_in_one_call() {
    let db = Db::with_profile();
    let (code, _, err) = db.run(&["log", "Meadows", "Row", "3x10@30"]);
    assert_eq!(code, 2, "an unknown name is refused, not made up");
    assert!(err.contains("Meadows Row"), "{err}");
    let (code, out, err) = db.run(&["exercises", "map", "Meadows Row", "--pattern", "horizontal_pull"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Added Meadows Row"), "{out}");
    let (code, out, err) = db.run(&["log", "meadows", "row", "3x10@30", "rdl", "3x8@60", "csr", "2x12@20"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Logged 8 sets") && out.contains("Meadows Row"), "{out}");
    assert_eq!(db.run(&["log", "face", "pull", "2x15"]).0, 0);
    let (_, history, _) = db.run(&["history"]);
    let lines: Vec<&str> = history.lines().collect();
    assert_eq!(lines.len(), 1, "two logs of one day are one session: {history}");
    assert!(lines[0].contains("(2 entries)") && lines[0].contains("Meadows Row"), "{history}");
    let ids = db.logged();
    for id in ["custom-meadows-row", "romanian-deadlift", "chest-supported-row"] {
        assert!(ids.contains(&id.to_string()), "{id} in {ids:?}");
    }
    let (code, _, err) = db.run(&["log", "chest", "suported", "rwo", "3x10"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean") && err.contains("chest-supported-row"), "{err}");
    let (code, _, err) = db.run(&["log", "band-row", "3x10", "face", "pull"]);
    assert_eq!(code, 2, "a name without sets after it");
    assert!(err.contains("face pull") && err.contains("needs its sets"), "{err}");
}

#[test]
fn log_with_no_sets_logs_the_day_as_prescribed_but_for_the_exceptions() {
    let db = Db::with_profile();
    let next = db.json(&["next"]);
    let main = next["main"].as_array().expect("main").clone();
    assert!(main.len() >= 2, "{next}");
    let planned: u64 = main.iter().map(|m| m["sets"].as_u64().expect("sets")).sum();
    let (first, second) = (main[0]["exercise"].as_str().expect("id"), main[1]["exercise"].as_str().expect("id"));
    let except = format!("{second} 1x5");
    let (code, out, err) = db.run(&["log", "--skip", first, "--except", &except]);
    assert_eq!(code, 0, "{err}");
    let logged = planned - main[0]["sets"].as_u64().expect("sets") - main[1]["sets"].as_u64().expect("sets") + 1;
    assert!(out.contains(&format!("Logged {logged} sets")), "{out}");
    let history = db.json(&["history"]);
    let sets = history[0]["sets"].as_array().expect("sets");
    assert!(sets.iter().all(|s| s["exercise"] != first), "{first} was skipped");
    let seconds: Vec<&serde_json::Value> = sets.iter().filter(|s| s["exercise"] == second).collect();
    assert_eq!((seconds.len(), seconds[0]["reps"].as_u64()), (1, Some(5)), "{second} as typed");
    let third = sets.iter().find(|s| s["exercise"] == main[2]["exercise"]).expect("the rest as prescribed");
    assert_eq!(third["rpe"].as_f64(), main[2]["rpe"].as_f64());
    if let Some(target) = main[2]["reps"]["target"].as_u64() {
        assert_eq!(third["reps"].as_u64(), Some(target));
    }
}

#[test]
fn someone_who_only_imported_gets_a_report_of_what_the_log_allows() {
    let db = Db::new();
    let (code, _, err) = db.run(&["report"]);
    assert_eq!(code, 2, "nothing to report: {err}");
    assert!(err.contains("backbone init") && err.contains("import"), "{err}");
    assert_eq!(db.run(&["import", &hevy(), "--units", "kg"]).0, 0);
    let report = db.json(&["report", "--today", "2025-07-06", "--weeks", "10"]);
    let ids: Vec<&str> = report["kpis"].as_array().expect("kpis").iter().filter_map(|k| k["id"].as_str()).collect();
    for id in ["weekly_sets:upper_back", "pull_push", "prs", "e1rm:custom-iso-lateral-low-row"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    assert!(!ids.contains(&"adherence"), "adherence needs a plan: {ids:?}");
    let notices = report["notices"].as_array().expect("notices");
    assert!(notices.iter().any(|n| n["text"].as_str().is_some_and(|t| t.contains("backbone init"))), "{notices:?}");
    let (code, text, err) = db.run(&["report", "--today", "2025-07-06", "--weeks", "10"]);
    assert_eq!(code, 0, "{err}");
    assert!(text.starts_with("Progress from your log alone"), "{text}");
}
