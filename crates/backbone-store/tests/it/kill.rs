//! An acknowledged write survives `kill -9`: a child process logs sessions and is killed mid-way; every
//! session it reported as logged is in the file afterwards, and the file is sound.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use backbone_store::{Logged, Store};

use crate::{date, session};

const CHILD_DB: &str = "BACKBONE_STORE_TEST_CHILD_DB";
const SESSIONS: usize = 20;

/// Kills the child whatever happens to the test, so that no process outlives it.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The child's part: does nothing in a normal run; with `CHILD_DB` set, logs sessions, says so after
/// each acknowledged write, then waits to be killed (at most a minute).
#[test]
fn child_logs_then_waits() {
    let Some(path) = std::env::var_os(CHILD_DB) else { return };
    let mut store = Store::open(std::path::Path::new(&path)).expect("child opens");
    for n in 1..=SESSIONS {
        let s = session(&format!("killed-{n}"), "2026-11-23");
        assert_eq!(store.log_session(&s, date("2026-11-23")).expect("child logs"), Logged::Inserted);
        println!("logged {n}");
    }
    std::thread::sleep(Duration::from_secs(60));
}

#[test]
fn acknowledged_logs_survive_kill_9() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("backbone.db");
    let child = Command::new(std::env::current_exe().expect("the test binary"))
        .args(["kill::child_logs_then_waits", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_DB, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn the child");
    let mut child = Killed(child);
    let stdout = child.0.stdout.take().expect("the child's stdout");
    let mut acknowledged = 0;
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("a line from the child");
        if let Some(n) = line.strip_prefix("logged ") {
            acknowledged = n.parse().expect("a count");
            if acknowledged == SESSIONS {
                break;
            }
        }
    }
    assert_eq!(acknowledged, SESSIONS, "the child logged everything before it was killed");
    // SIGKILL: no destructor runs, the WAL is not checkpointed, the connection is not closed.
    drop(child);

    let store = Store::open(&path).expect("open after the kill");
    assert_eq!(store.counts().expect("counts"), (SESSIONS, SESSIONS * 4));
    assert_eq!(store.recent(1).expect("recent")[0].id, format!("killed-{SESSIONS}"));
    assert_eq!(store.integrity_check().expect("integrity"), "ok");
}
