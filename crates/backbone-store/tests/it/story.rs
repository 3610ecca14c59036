//! The story of one database file: every public function of `Store`, in the order a person meets them.

use backbone_core::log::{Checkin, SessionLog, SetLog};
use backbone_core::profile::{Assessment, LeftRight};
use backbone_core::vocab::PassFail;
use backbone_store::{Logged, Store, StoreError, StoredProfile};

use crate::{date, plan, profile, session};

/// SQLite's file header says WAL when bytes 18 and 19 (write and read versions) are 2.
fn is_wal(path: &std::path::Path) -> bool {
    let bytes = std::fs::read(path).expect("the database file is readable");
    bytes.get(18..20) == Some(&[2, 2][..])
}

/// The page size, big-endian in bytes 16 and 17 of SQLite's file header.
fn page_size(path: &std::path::Path) -> u16 {
    let bytes = std::fs::read(path).expect("the database file is readable");
    bytes.get(16..18).map_or(0, |b| u16::from_be_bytes([b[0], b[1]]))
}

fn ids(sessions: &[SessionLog]) -> Vec<&str> {
    sessions.iter().map(|s| s.id.as_str()).collect()
}

#[test]
fn a_database_from_first_open_to_reopen() {
    assert!(Store::default_path().expect("HOME is set in tests").ends_with("backbone/backbone.db"));

    let dir = tempfile::tempdir().expect("a temp dir");
    // Folders that do not exist yet are created.
    let path = dir.path().join("data").join("backbone").join("backbone.db");
    let mut store = Store::open(&path).expect("open creates the database");
    assert!(path.is_file());
    assert!(is_wal(&path), "the database is in WAL mode");
    assert_eq!(page_size(&path), 16384);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("metadata").permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "health data are readable by their owner only");
    }

    // An empty database answers every read with nothing.
    assert_eq!(store.profile().expect("profile"), None);
    assert_eq!(store.latest_plan().expect("plan"), None);
    assert_eq!(store.sessions().expect("sessions"), vec![]);
    assert_eq!(store.recent(3).expect("recent"), vec![]);
    assert_eq!(store.counts().expect("counts"), (0, 0));
    assert_eq!(store.undo_last().expect("undo"), None);

    // Profiles: every save is a new version; the latest is read back whole, with its plan.
    let first = profile("Alex", 3);
    let first_plan = plan(&first);
    assert_eq!(store.save_profile(&first, &first_plan, date("2026-11-20")).expect("save"), 1);
    assert_eq!(
        store.profile().expect("profile"),
        Some(StoredProfile { profile: first.clone(), made_on: date("2026-11-20"), version: 1 })
    );
    assert_eq!(store.latest_plan().expect("plan"), Some((first_plan, date("2026-11-20"), 1)));
    let second = profile("Alex", 4);
    let second_plan = plan(&second);
    assert_eq!(store.save_profile(&second, &second_plan, date("2026-11-21")).expect("save"), 2);
    let stored = store.profile().expect("profile").expect("a profile");
    assert_eq!((stored.version, stored.made_on, stored.profile.days_per_week), (2, date("2026-11-21"), 4));
    assert_eq!(store.latest_plan().expect("plan"), Some((second_plan.clone(), date("2026-11-21"), 2)));

    // The log: a full session, a check-in alone, measurements, an empty check-in, and one logged late
    // for an earlier day.
    let monday = session("mon", "2026-11-23");
    let checkin_only = SessionLog {
        id: "checkin-only".into(),
        date: date("2026-11-25"),
        checkin: Some(Checkin { soreness: Some(8), ..Checkin::default() }),
        sets: vec![],
        measurements: Assessment::default(),
        ..Default::default()
    };
    let measured = SessionLog {
        id: "measured".into(),
        checkin: None,
        measurements: Assessment {
            grip_kg: Some(LeftRight { left: 46.0, right: 50.5 }),
            dead_hang_seconds: Some(42.0),
            wall_angel: Some(PassFail::Pass),
            ..Assessment::default()
        },
        ..session("measured", "2026-11-24")
    };
    // `"checkin": {}` is not the same as no check-in, and must come back as it went in.
    let empty_checkin =
        SessionLog { checkin: Some(Checkin::default()), sets: vec![], ..session("empty", "2026-11-24") };
    let late = session("late", "2026-11-20");
    for s in [&monday, &checkin_only, &measured, &empty_checkin, &late] {
        assert_eq!(store.log_session(s, date("2026-11-25")).expect("log"), Logged::Inserted, "{}", s.id);
    }

    // A second session with a known id changes nothing, whatever it holds.
    let before = store.sessions().expect("sessions");
    let retried = SessionLog { sets: vec![], ..session("mon", "2026-11-24") };
    assert_eq!(store.log_session(&retried, date("2026-11-26")).expect("log"), Logged::Duplicate);
    assert_eq!(store.sessions().expect("sessions"), before);

    // By date, then by logging order on the same date; everything round-trips exactly.
    let all = store.sessions().expect("sessions");
    assert_eq!(ids(&all), ["late", "mon", "measured", "empty", "checkin-only"]);
    assert_eq!(all, [late.clone(), monday.clone(), measured.clone(), empty_checkin.clone(), checkin_only.clone()]);

    // Both ends included.
    let between = store.sessions_between(date("2026-11-23"), date("2026-11-24")).expect("between");
    assert_eq!(ids(&between), ["mon", "measured", "empty"]);
    assert_eq!(between[0], monday);
    assert_eq!(store.sessions_between(date("2026-12-01"), date("2026-12-31")).expect("between"), vec![]);

    // Newest logged first, whatever their dates.
    assert_eq!(ids(&store.recent(2).expect("recent")), ["late", "empty"]);
    assert_eq!(ids(&store.recent(100).expect("recent")), ["late", "empty", "measured", "checkin-only", "mon"]);
    assert_eq!(store.recent(1).expect("recent"), std::slice::from_ref(&late));
    assert_eq!(store.recent(0).expect("recent"), vec![]);

    // Latest training date first, whatever the logging order: the late session comes last.
    assert_eq!(ids(&store.latest_dated(3).expect("latest")), ["checkin-only", "empty", "measured"]);
    assert_eq!(ids(&store.latest_dated(100).expect("latest")), ["checkin-only", "empty", "measured", "mon", "late"]);
    assert_eq!(store.latest_dated(0).expect("latest"), vec![]);

    assert_eq!(store.counts().expect("counts"), (5, 12));

    // A session's sets are one compact JSON text in its row, one positional array per set, and SQLite's
    // JSON functions read it.
    let raw = rusqlite::Connection::open(&path).expect("raw open");
    let (sets_json, set_count, length): (String, i64, i64) = raw
        .query_row(
            "SELECT sets_json, set_count, json_array_length(sets_json) FROM sessions WHERE id = 'mon'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("the row of mon");
    assert_eq!(
        sets_json,
        concat!(
            r#"[["chest-supported-row",10,null,20.0,7.5,4,0,null],["chest-supported-row",9,null,20.0,7.5,4,0,null],"#,
            r#"["chest-supported-row",8,null,22.5,7.5,4,0,0.62],["farmer-carry",null,40,24.0,null,null,null,null]]"#,
        )
    );
    assert_eq!((set_count, length), (4, 4));
    let tables: i64 =
        raw.query_row("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sets'", [], |r| r.get(0)).expect("schema");
    assert_eq!(tables, 0, "no table of sets");
    drop(raw);

    // A set the log would not accept is refused before anything is written, rather than stored and then
    // refused on every read.
    let mut wild = session("wild", "2026-11-25");
    wild.sets[1].rpe = Some(42.0);
    match store.log_session(&wild, date("2026-11-25")) {
        Err(e @ StoreError::Refused { .. }) => {
            let message = e.to_string();
            assert!(message.contains("\"wild\"") && message.contains("set 1: rpe is 42"), "{message}");
        }
        other => panic!("expected a Refused error, got {other:?}"),
    }
    assert_eq!(store.counts().expect("counts"), (5, 12));

    // Undo takes back the last logged session (dated earliest here), with its sets, and only it.
    assert_eq!(store.undo_last().expect("undo"), Some(late.clone()));
    assert_eq!(store.counts().expect("counts"), (4, 8));
    assert_eq!(ids(&store.sessions().expect("sessions")), ["mon", "measured", "empty", "checkin-only"]);
    // Its id is free again, and the next log is the last logged.
    assert_eq!(store.log_session(&late, date("2026-11-26")).expect("log"), Logged::Inserted);
    assert_eq!(ids(&store.recent(1).expect("recent")), ["late"]);

    let everything = store.sessions().expect("sessions");
    drop(store);

    // Reopened, the file holds everything that was acknowledged.
    let store = Store::open(&path).expect("reopen");
    assert_eq!(store.profile().expect("profile").map(|p| p.version), Some(2));
    assert_eq!(store.latest_plan().expect("plan").map(|(p, ..)| p), Some(second_plan));
    assert_eq!(store.sessions().expect("sessions"), everything);
    assert_eq!(store.counts().expect("counts"), (5, 12));
    assert_eq!(store.integrity_check().expect("integrity"), "ok");
    drop(store);

    // Another athlete in the same file: same session ids, own profile, own undo.
    let mut other = Store::open_as(&path, 2).expect("open as athlete 2");
    assert_eq!(other.profile().expect("profile"), None);
    assert_eq!(other.sessions().expect("sessions"), vec![]);
    assert_eq!(other.counts().expect("counts"), (0, 0));
    let blake = profile("Blake", 2);
    assert_eq!(other.save_profile(&blake, &plan(&blake), date("2026-11-22")).expect("save"), 1);
    let theirs = SessionLog { sets: vec![crate::set("band-pull-apart", 20, 0.0)], ..session("mon", "2026-11-23") };
    // An import: one transaction, an outcome per session, repeats within the batch caught too.
    let batch = [theirs.clone(), session("other", "2026-11-27"), theirs.clone()];
    let outcomes = other.log_sessions(&batch, date("2026-11-27")).expect("import");
    assert_eq!(outcomes, [Logged::Inserted, Logged::Inserted, Logged::Duplicate]);
    assert_eq!(other.log_sessions(&batch, date("2026-11-28")).expect("import again"), [Logged::Duplicate; 3]);
    assert_eq!(other.counts().expect("counts"), (2, 5));
    assert_eq!(other.sessions().expect("sessions"), [theirs.clone(), session("other", "2026-11-27")]);
    assert_eq!(other.undo_last().expect("undo").map(|s| s.id), Some("other".to_string()));
    drop(other);

    // Athlete 1 sees none of it, and its own undo does not touch athlete 2's rows.
    let mut store = Store::open(&path).expect("reopen as the local athlete");
    let mine = store.profile().expect("profile").expect("a profile");
    assert_eq!((mine.profile.name.as_str(), mine.version), ("Alex", 2));
    assert_eq!(store.sessions().expect("sessions"), everything);
    assert_eq!(store.sessions_between(date("2026-11-23"), date("2026-11-27")).expect("between")[0], monday);
    assert_eq!(ids(&store.recent(10).expect("recent")), ["late", "empty", "measured", "checkin-only", "mon"]);
    assert_eq!(store.counts().expect("counts"), (5, 12));
    assert_eq!(store.undo_last().expect("undo"), Some(late));
    let other = Store::open_as(&path, 2).expect("open as athlete 2");
    assert_eq!(other.sessions().expect("sessions"), [theirs]);
    assert_eq!(other.profile().expect("profile").map(|p| p.profile.name), Some("Blake".to_string()));
    assert_eq!(other.integrity_check().expect("integrity"), "ok");
}

#[test]
fn an_in_memory_store_works_the_same_and_keeps_nothing() {
    let mut store = Store::open_in_memory().expect("in memory");
    assert_eq!(store.log_session(&session("a", "2026-11-23"), date("2026-11-23")).expect("log"), Logged::Inserted);
    assert_eq!(store.log_session(&session("a", "2026-11-23"), date("2026-11-23")).expect("log"), Logged::Duplicate);
    assert_eq!(store.sessions().expect("sessions"), [session("a", "2026-11-23")]);
    assert_eq!(store.integrity_check().expect("integrity"), "ok");
    assert_eq!(Store::open_in_memory().expect("in memory").counts().expect("counts"), (0, 0));
}

/// Two handles on one file, as the CLI beside a running server: each sees the other's acknowledged
/// writes, and the writes of both are kept.
#[test]
fn two_handles_on_one_file_see_each_others_writes() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("backbone.db");
    let mut a = Store::open(&path).expect("open a");
    let mut b = Store::open(&path).expect("open b");
    assert_eq!(a.log_session(&session("from-a", "2026-11-23"), date("2026-11-23")).expect("log"), Logged::Inserted);
    assert_eq!(ids(&b.sessions().expect("sessions")), ["from-a"]);
    assert_eq!(b.log_session(&session("from-b", "2026-11-24"), date("2026-11-24")).expect("log"), Logged::Inserted);
    assert_eq!(b.log_session(&session("from-a", "2026-11-23"), date("2026-11-24")).expect("log"), Logged::Duplicate);
    assert_eq!(ids(&a.recent(5).expect("recent")), ["from-b", "from-a"]);
}

/// A set checked off in the web app is written once per key, into the day's session.
#[test]
fn a_set_added_twice_with_one_key_is_one_set() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut store = Store::open(&dir.path().join("b.db")).expect("opens");
    let day = date("2026-11-23");
    let set = SetLog { reps: Some(10), load_kg: Some(20.0), ..SetLog::new("band-row") };
    assert_eq!(store.add_set("k1", "web-2026-11-23", day, &set, day).expect("adds"), Logged::Inserted);
    assert_eq!(store.add_set("k1", "web-2026-11-23", day, &set, day).expect("adds"), Logged::Duplicate);
    assert_eq!(store.add_set("k2", "web-2026-11-23", day, &set, day).expect("adds"), Logged::Inserted);
    let sessions = store.sessions().expect("reads");
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0].sets.len(), 2);
    assert!(store.edit_session("web-2026-11-23", None, day).expect("removes"));
    assert!(!store.edit_session("web-2026-11-23", None, day).expect("nothing"));
    assert!(store.sessions().expect("reads").is_empty());
}

/// However many sets a client sends for one day, each session row stays small: past the limit, the
/// day's sets go into a next session of the same day.
#[test]
fn added_sets_past_the_limit_go_into_a_next_session_of_the_day() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut store = Store::open(&dir.path().join("b.db")).expect("opens");
    let day = date("2026-11-23");
    let set = SetLog { reps: Some(10), ..SetLog::new("band-row") };
    let n = backbone_store::SETS_PER_ADDED_SESSION + 5;
    let sets: Vec<backbone_store::NewSet> = (0..n)
        .map(|i| backbone_store::NewSet {
            key: format!("k{i}"),
            session_id: "web-2026-11-23".into(),
            date: day,
            set: set.clone(),
        })
        .collect();
    let outcomes = store.add_sets(&sets, day).expect("adds");
    assert!(outcomes.iter().all(|o| *o == Logged::Inserted));
    let sessions = store.sessions().expect("reads");
    let sizes: Vec<(String, usize)> = sessions.iter().map(|s| (s.id.clone(), s.sets.len())).collect();
    assert_eq!(sizes, [("web-2026-11-23".to_string(), n - 5), ("web-2026-11-23-2".to_string(), 5)]);
    assert_eq!(store.add_sets(&sets[..3], day).expect("adds"), vec![Logged::Duplicate; 3]);
}
