//! The log commands end to end on a real database: init, log (file and notation), checkin, assess,
//! history, undo, plan and next.

use std::path::{Path, PathBuf};

use super::backbone;

/// A fresh database in a temp dir, initialised with the contract's example profile on its start date.
struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/backbone.db");
        let db = Db { _dir: dir, path };
        let (code, _, err) = db.run(&["init", "--profile", "examples/contract-example.toml", "--today", "2026-11-23"]);
        assert_eq!(code, 0, "{err}");
        db
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = backbone().arg("--db").arg(&self.path).args(args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into(),
            String::from_utf8_lossy(&out.stderr).into(),
        )
    }

    fn file(&self, name: &str, text: &str) -> String {
        let p = self.path.parent().unwrap().join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.push("--json");
        let (code, out, err) = self.run(&all);
        assert_eq!(code, 0, "{args:?}: {err}");
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {out}"))
    }
}

const SESSION: &str = r#"{"date": "2026-11-23",
  "checkin": {"soreness": 3, "sleep_hours": 7.5, "stress": 4, "energy": 6, "ache": 2},
  "sets": [{"exercise": "chest-supported-row", "reps": 10, "load_kg": 20.0, "rpe": 7, "quality": 4, "pain": 0}],
  "measurements": {"grip_kg": {"left": 46.0, "right": 50.0}}}"#;

#[test]
fn init_creates_the_database_where_asked_and_next_shows_the_first_session() {
    let db = Db::new();
    assert!(Path::new(&db.path).exists());
    let next = db.json(&["next", "--today", "2026-11-23"]);
    assert_eq!(next["date"], "2026-11-23");
    assert!(next["main"].as_array().is_some_and(|m| !m.is_empty()));
    assert!(next["notices"].is_array());
}

#[test]
fn logging_the_same_file_twice_adds_nothing() {
    let db = Db::new();
    let f = db.file("s.json", SESSION);
    let first = db.json(&["log", "--file", &f, "--today", "2026-11-24"]);
    assert_eq!(first["logged"], true);
    let second = db.json(&["log", "--file", &f, "--today", "2026-11-24"]);
    assert_eq!(second["logged"], false);
    let history = db.json(&["history"]);
    assert_eq!(history.as_array().unwrap().len(), 1);
}

#[test]
fn bad_session_files_are_refused_by_field_and_nothing_is_written() {
    let db = Db::new();
    let cases = [
        ("{oops", "not valid JSON"),
        (
            r#"{"date": "2026-11-23", "sets": [{"exercise": "chest-supported-row", "reps": 10, "rpe": 11}]}"#,
            "sets[0].rpe",
        ),
        (r#"{"date": "2026-11-23", "sets": [{"exercise": "moonwalk", "reps": 10}]}"#, "sets[0].exercise"),
        (r#"{"date": "2026-11-31"}"#, "date"),
        (r#"{"date": "2026-11-23", "sets": [{"exercise": "band-row"}]}"#, "sets[0].reps"),
        (r#"{"date": "2030-01-01"}"#, "before today"),
    ];
    for (i, (text, needle)) in cases.iter().enumerate() {
        let f = db.file(&format!("bad{i}.json"), text);
        let (code, out, err) = db.run(&["log", "--file", &f, "--today", "2026-11-24"]);
        assert_eq!(code, 2, "{text}: {err}");
        assert!(out.is_empty());
        assert!(err.contains(needle) && err.contains(&f), "{err:?} lacks {needle:?}");
    }
    assert_eq!(db.json(&["history"]).as_array().unwrap().len(), 0);
}

#[test]
fn the_set_notation_logs_between_sets_in_kg_or_lb() {
    let db = Db::new();
    let (code, out, err) = db.run(&[
        "log",
        "chest",
        "supported",
        "row",
        "3x10@20",
        "--rpe",
        "7",
        "--quality",
        "4",
        "--today",
        "2026-11-23",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Logged 3 sets"), "{out}");
    let (code, _, _) = db.run(&["log", "Face Pull", "2x15@45lb", "--today", "2026-11-23"]);
    assert_eq!(code, 0);
    let history = db.json(&["history"]);
    let sets: Vec<&serde_json::Value> =
        history.as_array().unwrap().iter().flat_map(|s| s["sets"].as_array().unwrap()).collect();
    assert_eq!(sets.len(), 5);
    let pounds = |s: &&serde_json::Value| s["load_kg"].as_f64().map(|kg| kg / 0.45359237);
    assert!(
        sets.iter().any(|s| s["exercise"] == "cable-face-pull" && pounds(s).is_some_and(|lb| (lb - 45.0).abs() < 1e-9)),
        "45 lb is kept exactly: {sets:?}"
    );
    let (code, _, err) = db.run(&["log", "band-row", "3xlots", "--today", "2026-11-23"]);
    assert_eq!(code, 2);
    assert!(err.contains("3xlots"));
}

#[test]
fn checkin_assess_history_and_undo() {
    let db = Db::new();
    assert_eq!(db.json(&["checkin", "--soreness", "8", "--sleep", "5.5", "--today", "2026-11-23"])["logged"], true);
    assert!(
        db.json(&[
            "assess",
            "--wall-angel",
            "pass",
            "--grip-left",
            "48",
            "--grip-right",
            "50",
            "--today",
            "2026-11-23"
        ])["id"]
            .is_string()
    );
    assert_eq!(db.json(&["history"]).as_array().unwrap().len(), 2);
    let undone = db.json(&["undo"]);
    assert!(undone["removed"]["measurements"]["wall_angel"] == "pass", "the last entry goes first: {undone}");
    assert_eq!(db.json(&["history"]).as_array().unwrap().len(), 1);
    let (code, _, _) = db.run(&["checkin"]);
    assert_eq!(code, 2, "no flags and no terminal");
}

#[test]
fn history_lists_sessions_by_training_date_not_by_when_they_were_entered() {
    let db = Db::new();
    for date in ["2026-11-25", "2026-11-23", "2026-11-27"] {
        let (code, _, err) = db.run(&["log", "band-row", "3x12", "--date", date, "--today", "2026-11-28"]);
        assert_eq!(code, 0, "{err}");
    }
    let dates: Vec<String> = db.json(&["history"]).as_array().unwrap().iter().map(|s| s["date"].to_string()).collect();
    assert_eq!(dates, ["\"2026-11-27\"", "\"2026-11-25\"", "\"2026-11-23\""]);
    let (_, text, _) = db.run(&["history", "--limit", "2"]);
    let shown: Vec<&str> = text.lines().map(|l| l.split("  ").next().unwrap()).collect();
    assert_eq!(shown, ["Fri 2026-11-27", "Wed 2026-11-25"], "{text}");
}

#[test]
fn plan_from_the_database_runs_to_twelve_weeks_past_today_and_next_explains_changes() {
    let db = Db::new();
    let f = db.file(
        "pain.json",
        r#"{"date": "2026-11-23", "sets": [{"exercise": "one-arm-dumbbell-row", "reps": 8, "load_kg": 20, "rpe": 8, "quality": 4, "pain": 6}]}"#,
    );
    assert_eq!(db.run(&["log", "--file", &f, "--today", "2026-11-23"]).0, 0);
    let plan = db.json(&["plan", "--today", "2026-12-01"]);
    assert_eq!(plan["schema"], "backbone.plan/1");
    let weeks = plan["weeks"].as_array().unwrap();
    assert!(weeks.last().unwrap()["start"].as_str().unwrap() >= "2027-02-16");
    let next = db.json(&["next", "--today", "2026-11-24"]);
    let notices = next["notices"].as_array().unwrap();
    assert!(notices.iter().any(|n| n["rule"] == "R3"), "{notices:?}");
    let (code, text, _) = db.run(&["next", "--today", "2026-11-24"]);
    assert_eq!(code, 0);
    assert!(text.contains("What changed and why") && text.contains("not medical advice"), "{text}");
}

#[test]
fn commands_that_need_a_profile_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.db");
    let out = backbone().arg("--db").arg(&db).args(["next"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("backbone init"));
}

#[test]
fn init_asks_its_questions_and_writes_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.db");
    let profile = dir.path().join("me.toml");
    let answers = "Sam\nbeginner\nposture\n2\n30\nbands\nnone\n2026-11-23\nlb\n176\nmale\n35\npass\nskip\n";
    let out = backbone()
        .arg("--db")
        .arg(&db)
        .args(["init", "--ask", "--write"])
        .arg(&profile)
        .write_stdin(answers)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let written = std::fs::read_to_string(&profile).unwrap();
    assert!(written.contains("name = \"Sam\"") && written.contains("equipment = [\"bands\"]"), "{written}");
    // Body weight is asked in the person's units and kept in kilograms, so that loads can be suggested.
    assert!(written.contains("body_weight_kg = 79.8") && written.contains("units = \"lb\""), "{written}");
}

#[test]
fn a_load_typed_in_pounds_reads_back_as_typed_on_screen_and_in_the_csv_export() {
    let db = Db::new();
    let (code, _, err) = db.run(&["log", "band-row", "2x10@20lb", "--today", "2026-11-23"]);
    assert_eq!(code, 0, "{err}");
    let (code, history, err) = db.run(&["history", "--today", "2026-11-23"]);
    assert_eq!(code, 0, "{err}");
    let (code, csv, err) = db.run(&["export", "--format", "csv", "--units", "lb"]);
    assert_eq!(code, 0, "{err}");
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let column = rows.headers().unwrap().iter().position(|h| h.starts_with("load") && h.contains("lb"));
    let column = column.unwrap_or_else(|| panic!("a load column in lb: {csv}"));
    let loads: Vec<String> = rows.records().map(|r| r.unwrap()[column].to_string()).filter(|l| !l.is_empty()).collect();
    assert!(loads.len() >= 2 && loads.iter().all(|l| l == "20"), "20 lb typed, exported as {loads:?}");
    let (code, csv_kg, _) = db.run(&["export", "--format", "csv", "--units", "kg"]);
    assert_eq!(code, 0);
    assert!(csv_kg.contains(",9.07,") && !csv_kg.contains("9.0718"), "kg to 0.01: {csv_kg}");
    assert!(!history.contains("19.99"), "{history}");
}

#[test]
fn k10_prescribed_dumbbell_loads_say_each_in_next_and_plan_in_kg_and_lb() {
    let db = Db::new();
    let (code, _, err) = db.run(&["log", "chest-supported-row", "3x10@20", "--rpe", "6", "--today", "2026-11-23"]);
    assert_eq!(code, 0, "{err}");
    let (_, next, _) = db.run(&["next", "--today", "2026-11-24"]);
    let (_, plan, _) = db.run(&["plan", "--today", "2026-11-24"]);
    for out in [&next, &plan] {
        let rows: Vec<&str> = out.lines().filter(|l| l.contains("Chest-supported row") && l.contains(" kg")).collect();
        assert!(!rows.is_empty(), "{out}");
        // Every load named on the row's lines, the item's and any notice's, says it is each hand's.
        assert!(rows.iter().all(|l| l.matches(" kg").count() == l.matches(" kg each").count()), "{rows:?}");
        // A barbell load is one number.
        assert!(out.lines().filter(|l| l.contains("Barbell")).all(|l| !l.contains("each,")), "{out}");
    }
    let item = &db.json(&["next", "--today", "2026-11-24"])["main"];
    let row = item.as_array().unwrap().iter().find(|m| m["exercise"] == "chest-supported-row").expect("the row");
    assert_eq!(row["load_per"], "each");

    // The same in pounds.
    let dir = tempfile::tempdir().unwrap();
    let lb = |args: &[&str]| {
        let out = backbone().arg("--db").arg(dir.path().join("lb.db")).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    lb(&["init", "--profile", "examples/home-lifter-dumbbells.toml", "--today", "2026-11-23"]);
    lb(&["log", "chest-supported-row", "2x8@40lb", "--rpe", "6", "--today", "2026-11-23"]);
    let plan = lb(&["plan", "--today", "2026-11-24"]);
    let rows: Vec<&str> = plan.lines().filter(|l| l.contains("Chest-supported row") && l.contains(" lb")).collect();
    assert!(!rows.is_empty() && rows.iter().all(|l| l.contains(" lb each,")), "{plan}");
}

/// The served session's life: a set logged today is kept and `next` says what is already done; pain of 6
/// on it cuts the exercise to the sets done, says so under R3, and `--cleared` is taken.
#[test]
fn next_says_what_is_done_today_and_pain_replaces_the_rest_at_once() {
    let db = Db::new();
    let first = db.json(&["next", "--today", "2026-11-23"]);
    let item = first["main"][0].clone();
    let id = item["exercise"].as_str().unwrap().to_string();
    let reps = item["reps"]["target"].as_u64().unwrap_or(10).to_string();
    let (code, _, err) = db.run(&["log", &id, &format!("1x{reps}"), "--today", "2026-11-23"]);
    assert_eq!(code, 0, "{err}");
    let after = db.json(&["next", "--today", "2026-11-23"]);
    assert_eq!(after["done"][&id], 1, "{after}");
    assert_eq!(after["main"][0]["sets"], item["sets"], "a set without pain changes nothing of the dose");
    let (_, text, _) = db.run(&["next", "--today", "2026-11-23"]);
    assert!(text.contains(&format!("[1 of {} done]", item["sets"])), "{text}");
    let (code, _, err) = db.run(&["log", &id, &format!("1x{reps}"), "--pain", "6", "--today", "2026-11-23"]);
    assert_eq!(code, 0, "{err}");
    let hurt = db.json(&["next", "--today", "2026-11-23"]);
    assert_eq!(hurt["main"][0]["exercise"], item["exercise"], "{hurt}");
    assert_eq!(hurt["main"][0]["sets"], 2, "cut to the two sets done: {hurt}");
    let told = hurt["notices"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["rule"] == "R3" && n["text"].as_str().unwrap().contains("today"));
    assert!(told, "{hurt}");
    let (code, out, err) = db.run(&["log", "--cleared", &id, "--today", "2026-11-23"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("pain-free or cleared"), "{out}");
}
