//! A killed process never loses an acknowledged write nor leaves a half-written session.

use std::process::Stdio;
use std::time::Duration;

use super::{backbone, spawnable};

#[test]
fn kill_9_while_logging_loses_no_acknowledged_session() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.db");
    let init = backbone()
        .arg("--db")
        .arg(&db)
        .args(["init", "--profile", "examples/contract-example.toml", "--today", "2026-11-23"])
        .output()
        .unwrap();
    assert!(init.status.success());
    let mut acknowledged: Vec<String> = Vec::new();
    let mut killed = 0;
    for i in 0..60u32 {
        let file = dir.path().join(format!("s{i}.json"));
        let sets: Vec<String> = (0..25)
            .map(|k| format!(r#"{{"exercise": "band-row", "reps": {}, "rpe": 7, "quality": 4}}"#, 8 + (k + i) % 5))
            .collect();
        let id = format!("session-{i}");
        std::fs::write(&file, format!(r#"{{"id": "{id}", "date": "2026-11-23", "sets": [{}]}}"#, sets.join(",")))
            .unwrap();
        let mut child = spawnable()
            .arg("--db")
            .arg(&db)
            .args(["log", "--today", "2026-11-23", "--file"])
            .arg(&file)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Kill at varying moments: some before the write, some during, some after.
        std::thread::sleep(Duration::from_micros(u64::from(i % 12) * 1500));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        if out.status.success() && String::from_utf8_lossy(&out.stdout).contains("Logged") {
            acknowledged.push(id);
        } else {
            killed += 1;
        }
    }
    let history = backbone().arg("--db").arg(&db).args(["history", "--limit", "1000", "--json"]).output().unwrap();
    assert!(history.status.success());
    let sessions: Vec<serde_json::Value> = serde_json::from_slice(&history.stdout).unwrap();
    for id in &acknowledged {
        assert!(sessions.iter().any(|s| s["id"] == id.as_str()), "acknowledged {id} was lost");
    }
    for s in &sessions {
        assert_eq!(s["sets"].as_array().map(Vec::len), Some(25), "a half-written session: {}", s["id"]);
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    assert!(!acknowledged.is_empty(), "some runs finished ({killed} were killed)");
    super::hardening::figures(
        "kill",
        &format!(
            "kill -9 trials: 60\nkilled before acknowledging: {killed}\nacknowledged: {}\nacknowledged writes lost: 0\n\
             half-written sessions: 0\nintegrity check: {check}\n",
            acknowledged.len()
        ),
    );
}

/// An import is one transaction: a kill at any moment leaves all of the file's sessions or none.
#[test]
fn kill_9_while_importing_leaves_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("strong.csv");
    std::fs::write(&file, backbone_formats::import::sample::strong_file(20_000)).unwrap();
    let mut outcomes = Vec::new();
    for i in 0..8u64 {
        let db = dir.path().join(format!("b{i}.db"));
        let mut child = spawnable()
            .arg("--db")
            .arg(&db)
            .args(["--today", "2026-11-23", "import", "--units", "kg"])
            .arg(&file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(20 + i * 40));
        let _ = child.kill();
        let finished = child.wait().unwrap().success();
        if !db.exists() {
            outcomes.push(0);
            continue;
        }
        let conn = rusqlite::Connection::open(&db).unwrap();
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
        let has_table: i64 =
            conn.query_row("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sessions'", [], |r| r.get(0)).unwrap();
        let sessions: i64 =
            if has_table == 1 { conn.query_row("SELECT COUNT(*) FROM sessions", [], |r| r.get(0)).unwrap() } else { 0 };
        assert!(sessions == 0 || sessions == 1000, "a half import: {sessions} sessions");
        assert!(!finished || sessions == 1000, "an acknowledged import lost sessions");
        outcomes.push(sessions);
    }
    super::hardening::figures(
        "kill-import",
        &format!("kill -9 during an import: 8 trials\nsessions after each (all 1000 or none): {outcomes:?}\n"),
    );
}
