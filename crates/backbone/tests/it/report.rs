//! `backbone report` end to end on a real database: the JSON of CONTRACT "Reports", the dashboard, the
//! charts, bad flags and an empty log.

use std::path::{Path, PathBuf};

use backbone_core::log::{Checkin, SessionLog, SetLog};
use backbone_core::profile::{Assessment, LeftRight};
use backbone_store::Store;
use jiff::ToSpan;
use jiff::civil::{Date, date};

use super::backbone;

/// Sunday at the end of eight weeks of training from the profile's start (Mon 2026-11-23).
const TODAY: &str = "2027-01-17";

/// A database initialised with the contract's example profile on its start date.
struct Db {
    dir: tempfile::TempDir,
    path: PathBuf,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("backbone.db");
        let db = Db { dir, path };
        let (code, _, err) = db.run(&["init", "--profile", "examples/contract-example.toml", "--today", "2026-11-23"]);
        assert_eq!(code, 0, "{err}");
        db
    }

    /// With eight weeks of training logged.
    fn trained() -> Db {
        let db = Db::new();
        let mut store = Store::open(&db.path).unwrap();
        store.log_sessions(&eight_weeks(), date(2027, 1, 17)).unwrap();
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

    fn report_json(&self, extra: &[&str]) -> serde_json::Value {
        let mut args = vec!["report", "--json", "--today", TODAY];
        args.extend(extra);
        let (code, out, err) = self.run(&args);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
    }
}

fn sets(ex: &str, n: usize, reps: u32, load: Option<f64>, rpe: f64) -> Vec<SetLog> {
    vec![
        SetLog { reps: Some(reps), load_kg: load, rpe: Some(rpe), quality: Some(4), pain: Some(0), ..SetLog::new(ex) };
        n
    ]
}

/// Mon, Wed and Fri for eight weeks: rows getting heavier, bar speed on barbell rows, face pulls at RPE
/// 6.5 (not hard sets), pulldowns and hinges, bench presses on Wednesdays (an exercise the catalog does
/// not know), check-ins with soreness easing until two sore days in the last week, and grip every four
/// weeks. Three Fridays are missed, and in the last week only Monday is done.
fn eight_weeks() -> Vec<SessionLog> {
    let start = date(2026, 11, 23);
    let mut log = Vec::new();
    for week in 0..8i64 {
        let monday = start.saturating_add((7 * week).days());
        let w = week as f64;
        for (day, offset) in [(0u8, 0i64), (1, 2), (2, 4)] {
            let missed = (day == 2 && matches!(week, 2 | 5 | 6)) || (week == 7 && day > 0);
            if missed {
                continue;
            }
            let d = monday.saturating_add(offset.days());
            let mut s = Vec::new();
            match day {
                0 => {
                    s.extend(sets("chest-supported-row", 3, 8, Some(20.0 + 1.25 * w), 8.0));
                    let mut rows = sets("barbell-row", 3, 5, Some(50.0 + 2.5 * w), 8.5);
                    for (i, r) in rows.iter_mut().enumerate() {
                        r.bar_speed_mps = Some(0.62 - 0.05 * i as f64 + 0.005 * w);
                    }
                    s.extend(rows);
                    s.extend(sets("cable-face-pull", 2, 15, Some(10.0), 6.5));
                }
                1 => {
                    s.extend(sets("lat-pulldown", 3, 10, Some(40.0 + w), 7.5));
                    s.extend(sets("romanian-deadlift", 3, 6, Some(60.0 + 2.5 * w), 8.0));
                    s.extend(sets("Bench Press", 4, 8, Some(70.0), 8.0));
                }
                _ => {
                    s.extend(sets("chest-supported-row", 3, 10, Some(18.0 + w), 7.5));
                    s.extend(sets("lat-pulldown", 3, 10, Some(40.0 + w), 7.5));
                }
            }
            let soreness = if week == 7 || (week == 6 && day == 1) { 8 } else { (5 - week).max(1) as u8 };
            log.push(SessionLog {
                id: format!("t-{d}"),
                date: d,
                checkin: Some(Checkin {
                    soreness: Some(soreness),
                    sleep_hours: Some(6.5 + 0.125 * w),
                    stress: Some(4),
                    energy: Some(6),
                    ache: Some((4 - week / 2).max(0) as u8),
                }),
                sets: s,
                measurements: if day == 0 && week % 4 == 0 {
                    Assessment {
                        grip_kg: Some(LeftRight { left: 44.0 + w / 2.0, right: 49.0 + w / 2.0 }),
                        ..Assessment::default()
                    }
                } else {
                    Assessment::default()
                },
                ..Default::default()
            });
        }
    }
    log
}

#[test]
fn json_has_the_contract_shape() {
    let db = Db::trained();
    let v = db.report_json(&[]);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    let mut expected = ["schema", "from", "to", "kpis", "notices"];
    expected.sort();
    assert_eq!(keys, expected);
    assert_eq!(v["schema"], "backbone.report/1");
    // Twelve ISO weeks by default, ending today: from the Monday eleven weeks before this week's.
    assert_eq!(v["from"], "2026-10-26");
    assert_eq!(v["to"], TODAY);
    let kpis = v["kpis"].as_array().unwrap();
    for k in kpis {
        let mut keys: Vec<&str> = k.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["id", "name", "series", "trend", "unit"], "{k}");
        assert!(["up", "flat", "down"].contains(&k["trend"].as_str().unwrap()), "{k}");
        for p in k["series"].as_array().unwrap() {
            assert_eq!(p.as_object().unwrap().len(), 2, "{p}");
            let d: Date = p["date"].as_str().unwrap().parse().unwrap();
            assert!(d >= date(2026, 10, 26) && d <= date(2027, 1, 17), "{p}");
            assert!(p["value"].is_number(), "{p}");
        }
    }
    let ids: Vec<&str> = kpis.iter().map(|k| k["id"].as_str().unwrap()).collect();
    for id in [
        "e1rm:chest-supported-row",
        "e1rm:barbell-row",
        "weekly_sets:upper_back",
        "weekly_sets:latissimus_dorsi",
        "grip:left",
        "grip:right",
        "bar_speed:barbell-row",
        "adherence",
        "soreness",
        "ache",
        "sleep",
        "load",
        "pull_push",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    let kpi = |id: &str| kpis.iter().find(|k| k["id"] == id).unwrap();
    assert_eq!(kpi("e1rm:chest-supported-row")["unit"], "kg");
    assert_eq!(kpi("e1rm:chest-supported-row")["trend"], "up");
    assert_eq!(kpi("soreness")["trend"], "down");
    // Weekly series: one value per ISO week from the first logged week, dated the Monday.
    let weekly = kpi("weekly_sets:upper_back")["series"].as_array().unwrap();
    assert_eq!(weekly.len(), 8);
    for p in weekly {
        let d: Date = p["date"].as_str().unwrap().parse().unwrap();
        assert_eq!(d.weekday(), jiff::civil::Weekday::Monday);
    }
    for p in kpi("adherence")["series"].as_array().unwrap() {
        assert!((0.0..=1.0).contains(&p["value"].as_f64().unwrap()));
    }
    // 4 Bench Press sets a week against the rows and pulldowns: pull:push well over 1.
    assert!(kpi("pull_push")["series"][0]["value"].as_f64().unwrap() > 1.0);
    for n in v["notices"].as_array().unwrap() {
        assert!(n["rule"].is_string() && n["text"].is_string(), "{n}");
    }
}

#[test]
fn weeks_sets_the_window_and_bad_values_exit_2() {
    let db = Db::trained();
    let v = db.report_json(&["--weeks", "2"]);
    assert_eq!(v["from"], "2027-01-04");
    for bad in ["0", "-1", "many", "521", ""] {
        let (code, out, err) = db.run(&["report", "--weeks", bad, "--today", TODAY]);
        assert_eq!(code, 2, "--weeks {bad:?}: {err}");
        assert!(out.is_empty());
        assert!(err.contains("--weeks") || err.contains(bad), "{err}");
    }
}

#[test]
fn without_a_profile_the_report_says_to_init() {
    let dir = tempfile::tempdir().unwrap();
    let out = backbone().arg("--db").arg(dir.path().join("none.db")).args(["report", "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("backbone init"));
}

#[test]
fn an_empty_log_gives_empty_series() {
    let db = Db::new();
    let v = db.report_json(&[]);
    let kpis = v["kpis"].as_array().unwrap();
    assert!(!kpis.is_empty());
    for k in kpis {
        let id = k["id"].as_str().unwrap();
        let series = k["series"].as_array().unwrap();
        // The profile's own assessment is the one reading there is.
        let assessed = ["grip:", "dead_hang", "thoracic:", "wall_angel"].iter().any(|p| id.starts_with(p));
        assert_eq!(series.is_empty(), !assessed, "{k}");
        assert!(!id.starts_with("e1rm:") && !id.starts_with("bar_speed:"), "{id}");
    }
    let (code, out, err) = db.run(&["report", "--today", TODAY]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("no data yet"), "{out}");
}

/// Parses an SVG file as XML 1.0 and returns its root element's name.
fn parse_xml(path: &Path) -> String {
    use quick_xml::events::Event;
    let text = std::fs::read_to_string(path).unwrap();
    let mut reader = quick_xml::Reader::from_str(&text);
    reader.config_mut().check_end_names = true;
    let (mut root, mut depth) = (None, 0);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                root.get_or_insert_with(|| e.name().as_ref().to_string());
                for a in e.attributes() {
                    a.unwrap_or_else(|e| panic!("{}: bad attribute: {e}", path.display()));
                }
                depth += 1;
            }
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{}: not XML at {}: {e}", path.display(), reader.buffer_position()),
        }
    }
    assert_eq!(depth, 0, "{}: unclosed elements", path.display());
    root.unwrap_or_default()
}

#[test]
fn charts_are_one_svg_per_kpi() {
    let db = Db::trained();
    let dir = db.dir.path().join("charts/new");
    let v = db.report_json(&["--charts", dir.to_str().unwrap()]);
    let ids: Vec<String> =
        v["kpis"].as_array().unwrap().iter().map(|k| k["id"].as_str().unwrap().to_string()).collect();
    let mut files: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    files.sort();
    // Ids are ':' and kebab-case words; an imported exercise's name has its space made safe too.
    let mut expected: Vec<String> = ids.iter().map(|id| format!("{}.svg", id.replace([':', ' '], "_"))).collect();
    expected.push("index.html".into());
    expected.sort();
    assert_eq!(files, expected);
    // index.html beside the SVGs shows every one of them.
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    for f in files.iter().filter(|f| f.ends_with(".svg")) {
        assert_eq!(parse_xml(&dir.join(f)), "svg", "{f}");
        assert!(index.contains(&format!("<img src=\"{f}\"")), "index.html shows {f}");
    }
    // Weekly counts are bars with the B5 band (this athlete's experience known), e1RMs are lines.
    let upper = std::fs::read_to_string(dir.join("weekly_sets_upper_back.svg")).unwrap();
    assert!(upper.contains("target band") && !upper.contains("<polyline"), "{upper}");
    // Deload weeks and block starts come from the adapted plan (here block 1 ran five hard weeks).
    let (code, plan, err) = db.run(&["plan", "--json", "--today", TODAY]);
    assert_eq!(code, 0, "{err}");
    let plan: serde_json::Value = serde_json::from_str(&plan).unwrap();
    let weeks = plan["weeks"].as_array().unwrap();
    let in_window = |w: &&serde_json::Value| w["start"].as_str().unwrap() <= TODAY;
    let deloads: Vec<&str> =
        weeks.iter().filter(in_window).filter(|w| w["deload"] == true).map(|w| w["start"].as_str().unwrap()).collect();
    assert!(!deloads.is_empty());
    let row = std::fs::read_to_string(dir.join("e1rm_chest-supported-row.svg")).unwrap();
    for d in deloads {
        assert!(row.contains(&format!("deload week from {d}")), "the deload week of {d} is shaded");
    }
    let blocks = weeks.iter().filter(in_window).map(|w| w["block"]["index"].as_u64().unwrap()).max().unwrap();
    assert!(blocks >= 2);
    for b in 1..=blocks {
        assert!(row.contains(&format!(">B{b}</text>")), "block {b}'s start is marked");
    }
    assert!(row.contains(">kg</text>"), "the unit is labelled");
    // A path that is a file is bad input, and nothing is printed.
    let file = db.dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let (code, out, err) = db.run(&["report", "--json", "--today", TODAY, "--charts", file.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty() && err.contains("charts folder"), "{err}");
}

#[test]
fn the_dashboard_fits_a_screen_and_matches_its_snapshot() {
    let db = Db::trained();
    let (code, out, err) = db.run(&["report", "--today", TODAY]);
    assert_eq!(code, 0, "{err}");
    assert!(out.lines().count() <= 50, "{} lines", out.lines().count());
    insta::assert_snapshot!("dashboard", out);
}

#[test]
fn the_dashboard_fits_the_terminal_width_without_breaking_words() {
    let db = Db::trained();
    for columns in [60, 100] {
        let out = backbone()
            .env("COLUMNS", columns.to_string())
            .arg("--db")
            .arg(&db.path)
            .args(["report", "--today", TODAY])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        for line in text.lines() {
            let shown = unicode_width::UnicodeWidthStr::width(line);
            assert!(shown <= columns, "{shown} columns at {columns}: {line:?}");
            assert!(!line.ends_with('-'), "a word broken at a hyphen: {line:?}");
        }
        insta::assert_snapshot!(format!("dashboard-{columns}-columns"), text);
    }
}

#[test]
fn the_headline_lifts_are_the_methods_not_the_most_logged() {
    let db = Db::trained();
    let mut store = Store::open(&db.path).unwrap();
    // Twenty days of an arm exercise from another app: logged most, but not a headline.
    let arms: Vec<SessionLog> = (0..20)
        .map(|i| SessionLog {
            id: format!("arms-{i}"),
            date: date(2026, 12, 1).saturating_add(jiff::Span::new().days(i)),
            sets: sets("custom-triceps-pushdown", 3, 8, Some(30.0), 8.0),
            ..SessionLog::default()
        })
        .collect();
    store.log_sessions(&arms, date(2027, 1, 17)).unwrap();
    drop(store);
    let (code, out, err) = db.run(&["report", "--today", TODAY]);
    assert_eq!(code, 0, "{err}");
    let table: String = out.lines().take_while(|l| !l.starts_with("Personal records")).collect::<Vec<_>>().join("\n");
    assert!(!table.contains("custom-triceps-pushdown") && !table.contains("riceps"), "{table}");
    assert!(table.contains("Chest-supported row e1RM"), "a row heads the lifts: {table}");
}

#[test]
fn the_dashboard_speaks_pounds_to_lb_users() {
    let db = Db::trained();
    let profile = std::fs::read_to_string(super::root().join("examples/contract-example.toml")).unwrap();
    let lb = db.dir.path().join("lb.toml");
    std::fs::write(&lb, profile.replace("units = \"kg\"", "units = \"lb\"")).unwrap();
    let (code, _, err) = db.run(&["init", "--profile", lb.to_str().unwrap(), "--today", "2026-11-23"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = db.run(&["report", "--today", TODAY]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(" lb ") && !out.contains(" kg "), "{out}");
}

#[test]
fn the_dashboard_writes_dates_the_locales_way() {
    let db = Db::trained();
    let out = backbone()
        .env("LC_ALL", "de_DE.UTF-8")
        .arg("--db")
        .arg(&db.path)
        .args(["report", "--today", TODAY])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Mon 26.10.2026 to Sun 17.01.2027"), "{text}");
    // Dates inside the engine's notices too.
    assert!(text.contains("[R2] 13.01.2027:"), "{text}");
    assert!(!text.contains("2027-01"), "{text}");
}
