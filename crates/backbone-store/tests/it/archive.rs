//! Imports and archives: a file's worth of sessions in one transaction, nothing twice, and a whole
//! database out and back in without a difference.

use backbone_core::archive::{CalendarEntry, CustomExercise};
use backbone_core::log::{SessionLog, SetKind, SetLog};
use backbone_store::{Imported, Store};

use crate::{date, plan, profile, session};

fn imported_session() -> SessionLog {
    SessionLog {
        title: Some("Pull day".into()),
        duration_s: Some(3600),
        notes: Some("felt \"strong\"".into()),
        sets: vec![
            SetLog { reps: Some(5), load_kg: Some(40.0), kind: SetKind::Warmup, ..SetLog::new("barbell-row") },
            SetLog { reps: Some(5), load_kg: Some(80.0), note: Some("belt".into()), ..SetLog::new("barbell-row") },
            SetLog { reps: Some(8), load_kg: Some(60.0), kind: SetKind::Drop, ..SetLog::new("barbell-row") },
            SetLog { reps: Some(5), load_kg: None, kind: SetKind::Failure, ..SetLog::new("custom-muscle-up") },
            SetLog { seconds: Some(1500), distance_m: Some(5000.0), ..SetLog::new("custom-running") },
        ],
        ..session("imp-1", "2025-06-30")
    }
}

fn customs() -> Vec<CustomExercise> {
    ["Muscle Up", "Running"]
        .map(|name| CustomExercise::new(backbone_core::archive::custom_id(name).expect("an id"), name))
        .to_vec()
}

#[test]
fn an_import_keeps_every_field_and_a_second_import_adds_nothing() {
    let mut store = Store::open_in_memory().expect("opens");
    let sessions = vec![imported_session(), session("imp-2", "2025-07-02")];
    let mut seen = Vec::new();
    let first = store.import(&customs(), &sessions, date("2026-11-22"), &mut |n| seen.push(n)).expect("imports");
    assert_eq!(first, Imported { sessions: 2, sets: 9, duplicates: 0, exercises: 2, profiles: 0, plans: 0 });
    assert_eq!(seen.last(), Some(&2));
    assert_eq!(store.sessions().expect("reads"), sessions);
    assert_eq!(store.custom_exercises().expect("reads"), customs());
    let again = store.import(&customs(), &sessions, date("2026-11-23"), &mut |_| {}).expect("imports again");
    assert_eq!(again, Imported { duplicates: 2, ..Imported::default() });
    assert_eq!(store.counts().expect("counts"), (2, 9));
}

#[test]
fn an_import_with_a_set_the_log_refuses_adds_nothing() {
    let mut store = Store::open_in_memory().expect("opens");
    let mut bad = session("bad", "2025-07-03");
    bad.sets[1].rpe = Some(42.0);
    let err = store
        .import(&customs(), &[imported_session(), bad], date("2026-11-22"), &mut |_| {})
        .expect_err("rpe 42 is refused");
    assert!(err.to_string().contains("rpe is 42"), "{err}");
    assert_eq!(store.counts().expect("counts"), (0, 0));
    assert!(store.custom_exercises().expect("reads").is_empty());
}

#[test]
fn an_archive_restored_into_an_empty_database_is_the_same_archive() {
    let mut store = Store::open_in_memory().expect("opens");
    let p = profile("Ada", 3);
    store.save_profile(&p, &plan(&p), date("2026-11-01")).expect("saves");
    let p2 = profile("Ada", 4);
    store.save_profile(&p2, &plan(&p2), date("2026-11-15")).expect("saves again");
    store.import(&customs(), &[imported_session()], date("2026-11-20"), &mut |_| {}).expect("imports");
    // Logged later but dated earlier: the archive keeps the logging order.
    store.log_session(&session("early", "2024-01-01"), date("2026-11-21")).expect("logs");
    store
        .save_calendar(&[CalendarEntry { uid: "u1@backbone".into(), hash: "abc".into(), sequence: 2 }])
        .expect("calendar");
    let archive = store.archive().expect("archives");
    assert_eq!(archive.athlete, "Ada");
    assert_eq!(archive.profiles.len(), 2);
    assert_eq!(archive.sessions.iter().map(|s| s.session.id.as_str()).collect::<Vec<_>>(), ["imp-1", "early"]);

    let mut empty = Store::open_in_memory().expect("opens");
    let restored = empty.restore(&archive, &mut |_| {}).expect("restores");
    assert_eq!((restored.sessions, restored.profiles, restored.plans, restored.exercises), (2, 2, 2, 2));
    assert_eq!(empty.archive().expect("archives"), archive);
    assert_eq!(
        serde_json::to_string(&empty.archive().expect("archives")).expect("json"),
        serde_json::to_string(&archive).expect("json")
    );

    // Into a database with its own profile: the log merges, the profile stays.
    let mut used = Store::open_in_memory().expect("opens");
    let other = profile("Grace", 2);
    used.save_profile(&other, &plan(&other), date("2026-10-01")).expect("saves");
    let merged = used.restore(&archive, &mut |_| {}).expect("restores");
    assert_eq!((merged.sessions, merged.profiles, merged.plans), (2, 0, 0));
    assert_eq!(used.profile().expect("reads").expect("a profile").profile.name, "Grace");
    assert_eq!(used.restore(&archive, &mut |_| {}).expect("again").duplicates, 2);
}
