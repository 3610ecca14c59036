//! What was served for a day: kept, replaced while the day is ahead and untrained, then frozen.

use backbone_core::plan::Session;
use backbone_store::Store;

use crate::{date, plan, profile, session};

/// The first session of the test plan, moved to `day`.
fn served_on(day: &str) -> Session {
    let p = profile("Ada", 3);
    let mut s = plan(&p).weeks[0].sessions[0].clone();
    s.date = date(day);
    s
}

fn with_profile() -> Store {
    let mut store = Store::open_in_memory().expect("opens");
    let p = profile("Ada", 3);
    store.save_profile(&p, &plan(&p), date("2026-11-20")).expect("saves");
    store
}

#[test]
fn a_served_session_reads_back_as_it_was_served() {
    let mut store = with_profile();
    let s = served_on("2026-11-25");
    assert!(store.serve(&s, false, date("2026-11-24")).expect("serves"));
    let all = store.served().expect("reads");
    assert_eq!(all.len(), 1);
    assert_eq!((&all[0].session, all[0].deload, all[0].served_on), (&s, false, date("2026-11-24")));
    assert!(!store.serve(&s, false, date("2026-11-24")).expect("again"), "the same session writes nothing");
}

#[test]
fn a_day_ahead_and_untrained_is_replaced_by_what_is_served_later() {
    let mut store = with_profile();
    let s = served_on("2026-11-25");
    store.serve(&s, false, date("2026-11-23")).expect("serves");
    let mut changed = s.clone();
    changed.main[0].sets += 1;
    assert!(store.serve(&changed, false, date("2026-11-25")).expect("serves"));
    assert_eq!(store.served().expect("reads")[0].session, changed);
}

/// The day in progress lives until it is over: after some sets are logged it may be served again (the
/// engine keeps what was trained and derives the rest); a past day is frozen.
#[test]
fn a_day_in_progress_lives_and_a_past_day_is_frozen() {
    let mut store = with_profile();
    let s = served_on("2026-11-25");
    store.serve(&s, false, date("2026-11-25")).expect("serves");
    store.log_session(&session("done", "2026-11-25"), date("2026-11-25")).expect("logs");
    let mut changed = s.clone();
    changed.main[0].sets += 1;
    assert!(store.serve(&changed, false, date("2026-11-25")).expect("served again the same day"));
    assert_eq!(store.served().expect("reads")[0].session, changed);
    assert!(!store.serve(&s, false, date("2026-11-26")).expect("the day is past"));
    assert_eq!(store.served().expect("reads")[0].session, changed);
    let past = served_on("2026-11-20");
    assert!(!store.serve(&past, false, date("2026-11-21")).expect("a past day"));
    assert_eq!(store.served().expect("reads").len(), 1);
}

#[test]
fn served_sessions_belong_to_their_athlete() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("two.db");
    let mut ada = Store::open_as(&path, 1).expect("opens");
    ada.serve(&served_on("2026-11-25"), true, date("2026-11-24")).expect("serves");
    let grace = Store::open_as(&path, 2).expect("opens");
    assert!(grace.served().expect("reads").is_empty());
    assert!(ada.served().expect("reads")[0].deload);
}

#[test]
fn served_sessions_travel_in_the_archive() {
    let mut store = with_profile();
    store.serve(&served_on("2026-11-25"), false, date("2026-11-24")).expect("serves");
    let archive = store.archive().expect("archives");
    assert_eq!(archive.served.len(), 1);
    let mut empty = Store::open_in_memory().expect("opens");
    empty.restore(&archive, &mut |_| {}).expect("restores");
    assert_eq!(empty.archive().expect("archives"), archive);
    // An archive written before served sessions existed restores with none.
    let old = backbone_core::archive::Archive { served: Vec::new(), ..archive };
    let mut again = Store::open_in_memory().expect("opens");
    again.restore(&old, &mut |_| {}).expect("restores");
    assert!(again.served().expect("reads").is_empty());
}

#[test]
fn k10_a_session_served_before_load_per_reads_back_saying_how_its_dumbbells_are_held() {
    let mut store = with_profile();
    let mut s = served_on("2026-11-25");
    // As a session was kept before items said how a dumbbell load is held.
    s.main[0].exercise = "chest-supported-row".into();
    s.main[0].load_kg = Some(20.0);
    for m in &mut s.main {
        m.load_per = None;
    }
    store.serve(&s, false, date("2026-11-24")).expect("serves");
    let back = &store.served().expect("reads")[0].session;
    assert_eq!(back.main[0].load_per, Some(backbone_core::plan::LoadPer::Each));
    // Nothing else is touched.
    let mut expected = s.clone();
    expected.main[0].load_per = Some(backbone_core::plan::LoadPer::Each);
    for (got, want) in back.main.iter().zip(&mut expected.main).skip(1) {
        want.load_per = got.load_per;
    }
    assert_eq!(back, &expected);
}
