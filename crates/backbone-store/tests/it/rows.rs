//! Rows the store cannot read back (edited by hand, written by another program, damaged) are errors that
//! name the table, the row and the column, never a panic; and a newer schema is refused.

use backbone_store::{Store, StoreError};

use crate::{date, plan, profile, session};

/// Makes a database with a profile and two sessions, breaks it with `sql`, and checks that `read` fails
/// with a `Corrupt` error whose message holds every one of `expected`.
fn check(sql: &str, read: fn(&Store) -> Result<(), StoreError>, expected: &[&str]) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("backbone.db");
    let mut store = Store::open(&path).expect("open");
    let alex = profile("Alex", 3);
    store.save_profile(&alex, &plan(&alex), date("2026-11-20")).expect("save");
    store.log_session(&session("good", "2026-11-23"), date("2026-11-23")).expect("log");
    store.log_session(&session("bad", "2026-11-24"), date("2026-11-24")).expect("log");
    drop(store);

    let raw = rusqlite::Connection::open(&path).expect("raw open");
    raw.execute_batch(sql).expect("breaking the database");
    drop(raw);

    let store = Store::open(&path).expect("a damaged row does not stop open");
    match read(&store) {
        Err(StoreError::Corrupt(message)) => {
            for part in expected {
                assert!(message.contains(part), "{sql}: {message:?} lacks {part:?}");
            }
        }
        other => panic!("{sql}: expected a Corrupt error, got {other:?}"),
    }
}

fn sessions(store: &Store) -> Result<(), StoreError> {
    store.sessions().map(drop)
}

fn recent(store: &Store) -> Result<(), StoreError> {
    store.recent(1).map(drop)
}

fn profile_of(store: &Store) -> Result<(), StoreError> {
    store.profile().map(drop)
}

fn plan_of(store: &Store) -> Result<(), StoreError> {
    store.latest_plan().map(drop)
}

#[test]
fn undecodable_rows_are_errors_naming_table_row_and_column() {
    check(
        "UPDATE sessions SET measurements_json = '{\"grip_kg\": 3' WHERE id = 'bad'",
        sessions,
        &["table sessions", "\"bad\"", "measurements_json", "JSON"],
    );
    check("UPDATE sessions SET soreness = 300 WHERE id = 'bad'", sessions, &["sessions", "\"bad\"", "soreness", "300"]);
    check("UPDATE sessions SET sleep_hours = 'lots' WHERE id = 'bad'", recent, &["sessions", "sleep_hours", "lots"]);
    check("UPDATE sessions SET date = 'yesterday' WHERE id = 'bad'", sessions, &["sessions", "date", "yesterday"]);
    check("UPDATE sessions SET has_checkin = 7 WHERE id = 'bad'", sessions, &["sessions", "has_checkin", "7"]);
    // The sets of session "bad", as `session` writes them: three rows, then a timed carry. Each break
    // rewrites one value of one set with SQLite's JSON functions, as another program might.
    check(
        "UPDATE sessions SET sets_json = json_set(sets_json, '$[2][4]', 42) WHERE id = 'bad'",
        sessions,
        &["table sessions", "id \"bad\"", "sets_json", "set 2", "rpe", "42"],
    );
    check(
        "UPDATE sessions SET sets_json = json_set(sets_json, '$[3][2]', json('null')) WHERE id = 'bad'",
        recent,
        &["table sessions", "\"bad\"", "sets_json", "set 3", "neither reps nor seconds"],
    );
    check(
        "UPDATE sessions SET sets_json = json_set(sets_json, '$[1][1]', -1) WHERE id = 'bad'",
        sessions,
        &["table sessions", "\"bad\"", "sets_json", "set 1", "reps", "-1"],
    );
    check(
        "UPDATE sessions SET sets_json = substr(sets_json, 1, 30) WHERE id = 'bad'",
        sessions,
        &["table sessions", "\"bad\"", "sets_json", "JSON"],
    );
    check(
        "UPDATE sessions SET sets_json = json_set(sets_json, '$[0][0]', 7) WHERE id = 'bad'",
        recent,
        &["sessions", "\"bad\"", "sets_json", "exercise id"],
    );
    check("UPDATE sessions SET sets_json = CAST(x'ff' AS TEXT) WHERE id = 'bad'", sessions, &["sets_json", "UTF-8"]);
    check("UPDATE sessions SET sets_json = x'00ff' WHERE id = 'bad'", sessions, &["sets_json", "blob"]);
    check("UPDATE sessions SET set_count = 5 WHERE id = 'bad'", sessions, &["\"bad\"", "set_count", "5", "4 sets"]);
    check("UPDATE profiles SET profile_json = '[]'", profile_of, &["table profiles", "version 1", "profile_json"]);
    check("UPDATE plans SET made_on = '2026-13-01'", plan_of, &["table plans", "version 1", "made_on", "2026-13-01"]);
}

#[test]
fn a_database_from_a_newer_backbone_is_refused() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("backbone.db");
    drop(Store::open(&path).expect("open"));
    let raw = rusqlite::Connection::open(&path).expect("raw open");
    raw.execute("INSERT INTO schema_migrations (version, applied_on) VALUES (99, 'later')", []).expect("insert");
    drop(raw);
    match Store::open(&path) {
        // `known` is the newest migration this build carries, whatever it is.
        Err(e @ StoreError::NewerSchema { found: 99, known }) if known < 99 => {
            assert!(e.to_string().contains("upgrade"))
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
}

#[test]
fn a_folder_that_cannot_be_made_is_an_io_error_naming_it() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "not a folder").expect("write");
    match Store::open(&file.join("backbone.db")) {
        Err(e @ StoreError::Io { .. }) => assert!(e.to_string().contains("a-file"), "{e}"),
        other => panic!("expected Io, got {other:?}"),
    }
}

#[test]
fn a_file_that_is_not_a_database_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("backbone.db");
    std::fs::write(&path, "this is not SQLite, but it is long enough to have a header of a hundred bytes. ".repeat(4))
        .expect("write");
    let err = Store::open(&path).expect_err("not a database");
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert!(err.to_string().contains("backbone.db") && err.to_string().contains("not a SQLite file"), "{err}");
}

/// Another program's SQLite file is refused before anything in it changes (not even its journal mode).
#[test]
fn another_programs_database_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("photos.db");
    let conn = rusqlite::Connection::open(&path).expect("opens");
    conn.execute_batch(
        "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('a');",
    )
    .expect("creates");
    drop(conn);
    let before = std::fs::read(&path).expect("reads");
    let err = Store::open(&path).expect_err("not backbone's");
    assert!(err.to_string().contains("another program's"), "{err}");
    assert_eq!(std::fs::read(&path).expect("reads"), before);
}

/// A database that SQLite finds malformed or cannot write is named, with what to do.
#[test]
fn sqlite_errors_about_the_file_name_the_file() {
    let failure = |code: i32| StoreError::Sqlite {
        doing: "logging a session",
        source: rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None),
    };
    let path = std::path::Path::new("/data/me.db");
    let named = |code| failure(code).about_file(path);
    assert!(matches!(named(rusqlite::ffi::SQLITE_CORRUPT), StoreError::Damaged { .. }));
    assert!(matches!(named(rusqlite::ffi::SQLITE_READONLY), StoreError::ReadOnly { .. }));
    assert!(matches!(named(rusqlite::ffi::SQLITE_FULL), StoreError::DiskFull { .. }));
    assert!(matches!(named(rusqlite::ffi::SQLITE_IOERR_WRITE), StoreError::DiskFull { .. }));
    assert!(matches!(named(rusqlite::ffi::SQLITE_BUSY), StoreError::Sqlite { .. }));
    let text = named(rusqlite::ffi::SQLITE_CORRUPT).to_string();
    assert!(text.contains("/data/me.db") && text.contains("backbone doctor"), "{text}");
}

/// A database with nothing of a person's in it may be removed by a failed command; one with a log may not.
#[test]
fn holds_nothing_tells_an_empty_database_from_one_with_a_log() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("backbone.db");
    let mut store = Store::open(&path).expect("opens");
    assert!(Store::holds_nothing(&path));
    let session = backbone_core::log::SessionLog {
        id: "a".into(),
        date: jiff::civil::date(2026, 11, 23),
        sets: vec![backbone_core::log::SetLog { reps: Some(5), ..backbone_core::log::SetLog::new("band-row") }],
        ..Default::default()
    };
    store.log_session(&session, jiff::civil::date(2026, 11, 23)).expect("logs");
    assert!(!Store::holds_nothing(&path));
    assert!(!Store::holds_nothing(&dir.path().join("missing.db")));
}

/// Migrations are append-only: a database made by the first schema opens with its log intact, and takes
/// the imports' columns and tables.
#[test]
fn a_first_schema_database_is_migrated_with_its_log() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("backbone.db");
    let raw = rusqlite::Connection::open(&path).expect("raw open");
    raw.execute_batch(include_str!("../../migrations/sqlite/0001_init.sql")).expect("schema 1");
    raw.execute_batch(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_on TEXT NOT NULL);
         INSERT INTO schema_migrations VALUES (1, 'then');
         INSERT INTO athletes VALUES (1, 'local', 'then');
         INSERT INTO sessions (athlete_id, id, seq, date, logged_on, has_checkin, set_count, sets_json)
         VALUES (1, 'old', 1, '2026-01-05', '2026-01-05', 0, 1, '[[\"band-row\",12,null,null,null,null,null,null]]');",
    )
    .expect("a log of schema 1");
    drop(raw);
    let mut store = Store::open(&path).expect("migrates");
    // The file as it was before the migration is kept beside it.
    let backups: Vec<_> = std::fs::read_dir(dir.path().join("backups")).expect("a backup").collect();
    assert_eq!(backups.len(), 1);
    let log = store.sessions().expect("reads");
    assert_eq!(log.len(), 1);
    assert_eq!((log[0].id.as_str(), log[0].sets[0].reps, log[0].title.as_deref()), ("old", Some(12), None));
    let custom = backbone_core::archive::CustomExercise::new("custom-x", "X");
    store.import(&[custom], &[], jiff::civil::date(2026, 2, 1), &mut |_| {}).expect("the new table is there");
    assert_eq!(store.custom_exercises().expect("reads").len(), 1);
}
