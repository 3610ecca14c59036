//! `backbone import` and `backbone export` end to end on real databases: the real exports of Strong,
//! Hevy and FitNotes, refusals that import nothing, a second import that adds nothing, the JSON export
//! that comes back byte for byte, the CSV that comes back set for set, and a calendar that an
//! independent parser (Python's `icalendar`) and `icalendar`'s own parser read.

use std::path::{Path, PathBuf};

use backbone_core::archive::{ArchivedSession, CustomExercise};
use backbone_core::log::{Checkin, SessionLog, SetKind, SetLog};
use backbone_store::Store;
use proptest::prelude::*;

use super::{backbone, root};

/// The real exports and the small files written for each dialect, copied beside the parsers' tests.
pub fn fixture(name: &str) -> String {
    root().join("crates/backbone-formats/tests/fixtures/import").join(name).to_string_lossy().into_owned()
}

/// An empty database in a temp dir.
struct Db {
    dir: tempfile::TempDir,
    path: PathBuf,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("backbone.db");
        Db { dir, path }
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = backbone().arg("--db").arg(&self.path).args(args).output().expect("runs");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.push("--json");
        let (code, out, err) = self.run(&all);
        assert_eq!(code, 0, "{args:?}: {err}");
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
    }

    fn counts(&self) -> (usize, usize) {
        Store::open(&self.path).expect("opens").counts().expect("counts")
    }

    fn out(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

#[test]
fn the_real_exports_import_once_and_a_second_import_adds_nothing() {
    for (file, min_sessions) in [
        ("strong_ios_comma__breinsp-strong-charts.csv", 100),
        ("hevy_kg__mouadja02-Hevy-Coach.csv", 10),
        ("fitnotes_android_kgs__PersonalWeightTracker.csv", 100),
    ] {
        let db = Db::new();
        let first = db.json(&["import", &fixture(file), "--units", "kg"]);
        let sessions = first["sessions"].as_u64().expect("sessions");
        assert!(sessions >= min_sessions, "{file}: {first}");
        assert_eq!(first["duplicates"], 0, "{file}");
        assert!(first["sets"].as_u64().expect("sets") > sessions, "{file}");
        assert!(first["unmapped_exercises"].as_array().is_some_and(|a| !a.is_empty()), "{file}");
        assert!(first["warnings"].is_array(), "{file}");
        let counted = db.counts();
        assert_eq!(counted, (sessions as usize, first["sets"].as_u64().expect("sets") as usize), "{file}");

        let again = db.json(&["import", &fixture(file), "--units", "kg"]);
        assert_eq!((again["sessions"].as_u64(), again["sets"].as_u64()), (Some(0), Some(0)), "{file}: {again}");
        assert_eq!(again["duplicates"].as_u64(), Some(sessions), "{file}");
        assert_eq!(db.counts(), counted, "{file}");
    }
}

#[test]
fn every_dialect_file_imports() {
    for file in [
        "strong_2015_lb.csv",
        "strong_2019_quoted.csv",
        "strong_android_lbs.csv",
        "strong_bom_crlf.csv",
        "strong_fr.csv",
        "strong_headerless.csv",
        "strong_ios_markers.csv",
        "hevy_lbs_miles.csv",
        "fitnotes_old_lbs.csv",
    ] {
        let db = Db::new();
        let (code, out, err) = db.run(&["import", &fixture(file), "--units", "kg"]);
        assert_eq!(code, 0, "{file}: {err}");
        assert!(out.starts_with("Imported "), "{file}: {out}");
        assert!(db.counts().0 > 0, "{file}");
    }
}

#[test]
fn warm_up_drop_and_failure_sets_are_kept_and_marked() {
    let db = Db::new();
    db.json(&["import", &fixture("hevy_lbs_miles.csv")]);
    db.json(&["import", &fixture("strong_ios_markers.csv"), "--units", "kg"]);
    let sets: Vec<SetLog> =
        Store::open(&db.path).expect("opens").sessions().expect("reads").into_iter().flat_map(|s| s.sets).collect();
    for kind in [SetKind::Warmup, SetKind::Drop, SetKind::Failure, SetKind::Normal] {
        assert!(sets.iter().any(|s| s.kind == kind), "{kind:?}");
    }
    // Hevy's distances in miles come in metres.
    assert!(sets.iter().any(|s| s.distance_m.is_some_and(|d| d > 1000.0)));
    // Bodyweight sets have no load rather than a load of 0.
    assert!(sets.iter().any(|s| s.load_kg.is_none() && s.reps.is_some()));
}

#[test]
fn a_file_that_cannot_be_read_is_refused_with_its_place_and_nothing_is_imported() {
    let db = Db::new();
    db.json(&["import", &fixture("strong_2019_quoted.csv")]);
    let before = db.counts();
    for (file, place) in [
        ("bad_negative_weight.csv", "line 3, column 26"),
        ("bad_date.csv", "line 3, column 1"),
        ("bad_truncated_quote.csv", "line 3"),
    ] {
        let (code, out, err) = db.run(&["import", &fixture(file), "--units", "kg"]);
        assert_eq!(code, 2, "{file}: {out}{err}");
        assert!(err.contains(place) && err.contains("nothing was imported"), "{file}: {err}");
        assert_eq!(db.counts(), before, "{file}");
    }
    let (code, _, err) = db.run(&["import", "no/such/file.csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("no/such/file.csv"), "{err}");
}

#[test]
fn a_file_without_units_needs_them_said() {
    let db = Db::new();
    let file = fixture("strong_ios_markers.csv");
    let (code, _, err) = db.run(&["import", &file]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--units"), "{err}");
    assert_eq!(db.counts(), (0, 0));
    let kg = db.json(&["import", &file, "--units", "kg"]);
    assert!(kg["sessions"].as_u64() > Some(0));
    let lb_db = Db::new();
    lb_db.json(&["import", &file, "--units", "lb"]);
    let load = |db: &Db| {
        let log = Store::open(&db.path).expect("opens").sessions().expect("reads");
        log.iter().flat_map(|s| s.sets.iter()).find_map(|s| s.load_kg.filter(|l| *l > 0.0)).expect("a load")
    };
    assert!((load(&lb_db) - load(&db) * 0.45359237).abs() < 1e-9);
}

#[test]
fn the_summary_lists_unmapped_names_and_warnings_with_lines() {
    let db = Db::new();
    let summary = db.json(&["import", &fixture("strong_ios_markers.csv"), "--units", "kg"]);
    assert_eq!(summary["unmapped_exercises"], serde_json::json!(["Bench Press (Barbell)"]));
    let warnings = summary["warnings"].as_array().expect("warnings");
    assert!(warnings.iter().any(|w| w["line"] == 4 && w["message"].as_str().is_some_and(|m| m.contains("Rest Timer"))));
    let customs = Store::open(&db.path).expect("opens").custom_exercises().expect("reads");
    assert_eq!(customs, [CustomExercise::new("custom-bench-press-barbell", "Bench Press (Barbell)")]);
}

#[test]
fn a_json_export_imported_into_an_empty_database_exports_the_same_bytes() {
    let db = Db::new();
    let (code, _, err) = db.run(&["init", "--profile", "examples/contract-example.toml", "--today", "2026-11-23"]);
    assert_eq!(code, 0, "{err}");
    db.json(&["import", &fixture("hevy_kg__mouadja02-Hevy-Coach.csv")]);
    let (code, _, err) = db.run(&["log", "band-row", "3x12@10", "--rpe", "7", "--today", "2026-11-24"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = db.run(&["checkin", "--soreness", "3", "--sleep", "7.5", "--today", "2026-11-24"]);
    assert_eq!(code, 0, "{err}");
    round_trip_json(&db);
}

/// Exports `db` as JSON, imports it into an empty database, exports that, and compares the bytes.
fn round_trip_json(db: &Db) -> String {
    let first = db.out("first.json");
    let (code, _, err) = db.run(&["export", "--format", "json", "--out", first.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{err}");
    let empty = Db::new();
    let (code, _, err) = empty.run(&["import", first.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{err}");
    let (code, second, err) = empty.run(&["export", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let first = std::fs::read_to_string(&first).expect("reads");
    assert_eq!(second, first);
    let (_, again, _) = empty.run(&["import", db.out("first.json").to_str().expect("utf-8"), "--json"]);
    let again: serde_json::Value = serde_json::from_str(&again).expect("json");
    assert_eq!(again["sessions"], 0, "{again}");
    first
}

fn write_log(path: &Path, sessions: &[SessionLog], customs: &[CustomExercise]) {
    let mut store = Store::open(path).expect("opens");
    store.import(customs, sessions, jiff::civil::date(2026, 11, 22), &mut |_| {}).expect("stores");
}

/// Sessions as any source could give them: catalog and custom exercises, every kind of set, notes with
/// quotes, commas and line breaks, check-ins, values at the edges of their ranges.
fn arb_sessions() -> impl Strategy<Value = Vec<SessionLog>> {
    let exercise = prop_oneof![
        Just("band-row".to_string()),
        Just("barbell-row".to_string()),
        Just("farmer-carry".to_string()),
        Just("custom-bench-press".to_string()),
        Just("custom-rückenübung".to_string()),
    ];
    let kind = prop_oneof![Just(SetKind::Normal), Just(SetKind::Warmup), Just(SetKind::Drop), Just(SetKind::Failure)];
    let note =
        proptest::option::of(prop_oneof![Just("belt".to_string()), Just("a, \"b\"\nc".to_string()), "[a-zé ]{1,8}"]);
    let set = (
        exercise,
        proptest::option::of(1u32..=200),
        proptest::option::of(1u32..=3600),
        // Up to 699.95 kg: the heaviest load backbone accepts is 700 kg.
        proptest::option::of(0u32..=2799),
        proptest::option::of(2u32..=20),
        proptest::option::of(1u8..=5),
        proptest::option::of(0u8..=10),
        kind,
        proptest::option::of(1u32..=100_000),
        note,
    )
        .prop_map(|(exercise, reps, seconds, quarter_kg, half_rpe, quality, pain, kind, distance, note)| {
            // A set is counted or timed, never both (backbone_core::valid).
            let seconds = if reps.is_some() { None } else { seconds };
            let reps = if reps.is_none() && seconds.is_none() { Some(5) } else { reps };
            SetLog {
                reps,
                seconds,
                load_kg: quarter_kg.map(|q| f64::from(q) * 0.25 + 0.1 * f64::from(q % 3)),
                rpe: half_rpe.map(|h| f64::from(h) / 2.0),
                quality,
                pain,
                kind,
                distance_m: distance.map(|d| f64::from(d) / 10.0),
                note,
                ..SetLog::new(&exercise)
            }
        });
    let session =
        (0i32..2000, proptest::collection::vec(set, 1..6), proptest::option::of(0u8..=10), "[A-Za-z ,]{0,12}")
            .prop_map(|(day, sets, soreness, title)| {
                let date = jiff::civil::date(2020, 1, 1).saturating_add(jiff::Span::new().days(day));
                SessionLog {
                    id: String::new(),
                    date,
                    sets,
                    checkin: soreness.map(|s| Checkin { soreness: Some(s), ..Checkin::default() }),
                    title: Some(title).filter(|t| !t.trim().is_empty() && t.trim() == t),
                    ..SessionLog::default()
                }
            });
    proptest::collection::vec(session, 1..8).prop_map(|mut sessions| {
        for (i, s) in sessions.iter_mut().enumerate() {
            s.id = format!("p-{i}");
        }
        sessions
    })
}

fn arb_customs() -> Vec<CustomExercise> {
    vec![
        CustomExercise::new("custom-bench-press", "Bench Press, \"flat\""),
        CustomExercise::new("custom-rückenübung", "Rückenübung"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// CONTRACT: `json` is lossless; export -> import into an empty database -> export gives the same bytes.
    #[test]
    fn json_export_import_export_is_the_same_bytes(sessions in arb_sessions()) {
        let db = Db::new();
        write_log(&db.path, &sessions, &arb_customs());
        let text = round_trip_json(&db);
        let archive = backbone_formats::archive::parse(text.as_bytes()).expect("parses");
        let back: Vec<SessionLog> = archive.sessions.into_iter().map(|ArchivedSession { session, .. }| session).collect();
        prop_assert_eq!(back, sessions);
    }

    /// The CSV export read back gives the same sets, with their sessions, dates and titles.
    #[test]
    fn csv_export_then_import_gives_the_same_sets(sessions in arb_sessions()) {
        let db = Db::new();
        write_log(&db.path, &sessions, &arb_customs());
        let csv = db.out("sets.csv");
        let (code, _, err) = db.run(&["export", "--format", "csv", "--out", csv.to_str().expect("utf-8")]);
        prop_assert_eq!(code, 0, "{}", err);
        let other = Db::new();
        let summary = other.json(&["import", csv.to_str().expect("utf-8")]);
        prop_assert_eq!(summary["sessions"].as_u64(), Some(sessions.len() as u64));
        let mut back = Store::open(&other.path).expect("opens").sessions().expect("reads");
        let mut want: Vec<SessionLog> = sessions
            .into_iter()
            .map(|s| SessionLog { checkin: None, ..s })
            .collect();
        back.sort_by(|a, b| a.id.cmp(&b.id));
        want.sort_by(|a, b| a.id.cmp(&b.id));
        prop_assert_eq!(back, want);
        let customs = Store::open(&other.path).expect("opens").custom_exercises().expect("reads");
        for c in customs {
            prop_assert!(arb_customs().contains(&c), "{:?}", c);
        }
    }
}

#[test]
fn the_csv_has_prescribed_beside_performed_in_the_units_asked() {
    let db = Db::new();
    let (code, _, err) = db.run(&["init", "--profile", "examples/contract-example.toml", "--today", "2026-11-23"]);
    assert_eq!(code, 0, "{err}");
    let (_, next, _) = db.run(&["next", "--json", "--today", "2026-11-23"]);
    let next: serde_json::Value = serde_json::from_str(&next).expect("json");
    let first = &next["main"][0];
    let (exercise, date) = (first["exercise"].as_str().expect("an id"), next["date"].as_str().expect("a date"));
    let (code, _, err) = db.run(&["log", exercise, "3x8@40", "--rpe", "8", "--date", date, "--today", date]);
    assert_eq!(code, 0, "{err}");
    let (code, csv, err) = db.run(&["export", "--format", "csv", "--units", "lb", "--today", date]);
    assert_eq!(code, 0, "{err}");
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("a header").split(',').collect();
    let row: Vec<&str> = lines.next().expect("a row").split(',').collect();
    let cell = |name: &str| row[header.iter().position(|h| *h == name).unwrap_or_else(|| panic!("{name}"))];
    assert_eq!(cell("exercise"), exercise);
    assert_eq!(cell("prescribed_sets"), first["sets"].to_string());
    assert!(!cell("prescribed_rpe").is_empty());
    assert_eq!(cell("rpe"), "8");
    assert_eq!(cell("load_lb"), "88.2", "40 kg in pounds, to 0.1 lb");
}

#[test]
fn the_calendar_reads_in_an_independent_parser_and_sequences_follow_changes() {
    let db = Db::new();
    let (code, _, err) = db.run(&["init", "--profile", "examples/contract-example.toml", "--today", "2026-11-23"]);
    assert_eq!(code, 0, "{err}");
    let ics = |name: &str| {
        let path = db.out(name);
        let (code, _, err) = db.run(&[
            "export",
            "--format",
            "ics",
            "--reminders",
            "--out",
            path.to_str().expect("utf-8"),
            "--today",
            "2026-11-23",
        ]);
        assert_eq!(code, 0, "{err}");
        std::fs::read_to_string(path).expect("reads")
    };
    let first = ics("first.ics");
    let summary = python_icalendar(&db.out("first.ics"));
    assert_eq!(summary["version"], "2.0", "{summary}");
    let events = summary["events"].as_array().expect("events");
    assert!(events.len() > 10, "{summary}");
    assert!(events.iter().all(|e| e["sequence"] == 0));
    assert!(events.iter().any(|e| e["rrule"].as_bool() == Some(true)), "the W4 reminder recurs");
    assert!(events.iter().filter(|e| e["all_day"] == true).all(|e| e["end_after_start"] == true));
    let uids: std::collections::HashSet<&str> = events.iter().filter_map(|e| e["uid"].as_str()).collect();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    let parsed: icalendar::Calendar = first.parse().expect("icalendar's own parser reads it");
    assert_eq!(parsed.components.len(), events.len());

    // The same plan again: the same UIDs and sequences.
    let _ = ics("second.ics");
    assert_eq!(python_icalendar(&db.out("second.ics"))["events"], summary["events"]);

    // A changed profile (shorter sessions) changes the plan: changed events get SEQUENCE 1 under the same UIDs.
    let example = std::fs::read_to_string(root().join("examples/contract-example.toml")).expect("reads");
    let shorter = db.out("shorter.toml");
    std::fs::write(&shorter, example.replace("session_minutes = 60", "session_minutes = 30")).expect("writes");
    let (code, _, err) = db.run(&["init", "--profile", shorter.to_str().expect("utf-8"), "--today", "2026-11-23"]);
    assert_eq!(code, 0, "{err}");
    let _ = ics("third.ics");
    let third = python_icalendar(&db.out("third.ics"));
    let bumped: Vec<&serde_json::Value> =
        third["events"].as_array().expect("events").iter().filter(|e| e["sequence"] == 1).collect();
    assert!(!bumped.is_empty(), "{third}");
    assert!(bumped.iter().all(|e| e["uid"].as_str().is_some_and(|u| uids.contains(u))));
}

/// Reads an .ics file with Python's `icalendar` package (installed by `cargo xtask test`): the version
/// and each event's UID, SEQUENCE, whether it recurs, and for all-day events whether DTEND is after
/// DTSTART (RFC 5545: exclusive).
fn python_icalendar(path: &Path) -> serde_json::Value {
    const SCRIPT: &str = r#"
import json, sys, datetime, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = []
for e in cal.walk('VEVENT'):
    start = e.decoded('DTSTART')
    all_day = isinstance(start, datetime.date) and not isinstance(start, datetime.datetime)
    end = e.decoded('DTEND') if 'DTEND' in e else None
    events.append({'uid': str(e['UID']), 'sequence': int(e.get('SEQUENCE', 0)), 'rrule': 'RRULE' in e,
                   'all_day': all_day, 'end_after_start': end is not None and end > start})
print(json.dumps({'version': str(cal['VERSION']), 'events': events}))
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(path)
        .output()
        .expect("python3 runs (cargo xtask test installs Python's icalendar package)");
    assert!(
        out.status.success(),
        "Python's icalendar could not read {}: {} (cargo xtask test installs the package)",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the script prints JSON")
}

#[test]
fn import_and_export_help_teach_with_examples() {
    for (command, needles) in [
        ("import", &["Examples:", "--units", "--format", "adds nothing"][..]),
        ("export", &["Examples:", "--out", "json", "csv", "ics", "--reminders"][..]),
    ] {
        let (code, out, _) = super::run(&[command, "--help"]);
        assert_eq!(code, 0);
        for needle in needles {
            assert!(out.contains(needle), "{command} --help lacks {needle:?}:\n{out}");
        }
    }
}

#[test]
fn a_backbone_export_with_a_bad_value_is_refused_and_nothing_is_imported() {
    let db = Db::new();
    let file = db.out("bad.json");
    let bad_set = r#"{"format": "backbone.export/1", "athlete": "a", "sessions": [
        {"logged_on": "2026-01-01", "session": {"id": "ok", "date": "2026-01-01", "sets": [{"exercise": "band-row", "reps": 10}]}},
        {"logged_on": "2026-01-02", "session": {"id": "x", "date": "2026-01-02", "sets": [{"exercise": "band-row", "reps": 10, "rpe": 42}]}}
    ]}"#;
    std::fs::write(&file, bad_set).expect("writes");
    let (code, _, err) = db.run(&["import", file.to_str().expect("utf-8")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("\"x\"") && err.contains("rpe is 42"), "{err}");
    assert_eq!(db.counts(), (0, 0));
    std::fs::write(&file, "{\"format\": \"backbone.export/1\",\n \"athlete\": [}").expect("writes");
    let (code, _, err) = db.run(&["import", file.to_str().expect("utf-8"), "--format", "backbone"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("line 2, column"), "{err}");
    let (code, _, err) = db.run(&["import", &fixture("strong_2019_quoted.csv"), "--format", "backbone"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a backbone export"), "{err}");
}

/// On a terminal, a file that states no unit is not refused: the person is asked, until the answer is
/// kg or lb. `script` (util-linux) gives the command a terminal.
#[test]
fn on_a_terminal_the_units_are_asked() {
    use std::io::Write as _;
    let db = Db::new();
    let command = format!(
        "{} --db {} import {}",
        assert_cmd::cargo::cargo_bin("backbone").display(),
        db.path.display(),
        fixture("strong_ios_markers.csv")
    );
    let mut child = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("LC_ALL", "C")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("script (util-linux) runs");
    child.stdin.take().expect("stdin").write_all(b"stones\nlb\n").expect("answers");
    let out = child.wait_with_output().expect("ends");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Which are they? [kg/lb]") && text.contains("Please answer kg or lb."), "{text}");
    assert!(text.contains("Imported 2 sessions"), "{text}");
    let log = Store::open(&db.path).expect("opens").sessions().expect("reads");
    let top = log.iter().flat_map(|s| &s.sets).filter_map(|s| s.load_kg).fold(0.0, f64::max);
    // The heaviest set, 315 in the file, is 315 lb.
    assert!((top - 315.0 * 0.45359237).abs() < 1e-9, "{top}");
}

/// An imported history shows in the report under the names the app gave its exercises.
#[test]
fn the_report_names_custom_exercises_as_the_app_did() {
    let db = Db::new();
    // The profile starts when the imported history does: a start is within a few years of today.
    let example = std::fs::read_to_string(super::root().join("examples/contract-example.toml")).expect("reads");
    let profile = db.out("profile.toml");
    std::fs::write(&profile, example.replace("start = \"2026-11-23\"", "start = \"2021-06-01\"")).expect("writes");
    let profile = profile.to_str().expect("utf-8");
    let (code, _, err) = db.run(&["init", "--profile", profile, "--today", "2021-06-01"]);
    assert_eq!(code, 0, "{err}");
    db.json(&["import", &fixture("strong_ios_comma__breinsp-strong-charts.csv"), "--units", "kg"]);
    let report = db.json(&["report", "--weeks", "30", "--today", "2021-12-23"]);
    let names: Vec<&str> = report["kpis"].as_array().expect("kpis").iter().filter_map(|k| k["name"].as_str()).collect();
    assert!(names.contains(&"Bench Press (Barbell) e1RM"), "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with("custom-")), "{names:?}");
    let (_, dashboard, _) = db.run(&["report", "--weeks", "30", "--today", "2021-12-23"]);
    assert!(!dashboard.contains("custom-"), "{dashboard}");
}
