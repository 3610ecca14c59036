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
}
