//! The progress report over ten years of daily logs (about 100,000 sets), from SQLite: open the
//! database, read the log, adapt the plan to it, the analytics and the JSON (target: under 50 ms).
//!
//! The database is built once, outside the timing: the synthetic five-year log twice, the second five
//! years later with ids of its own. The parts are timed on their own too, to show where the time goes.

use std::path::PathBuf;
use std::sync::OnceLock;

use backbone_core::adapt::adapt;
use backbone_core::analytics::{self, Coaching, Window};
use backbone_core::catalog::Catalog;
use backbone_core::log::SessionLog;
use backbone_core::log::sample::{DAYS, five_years};
use backbone_core::profile::Profile;
use backbone_store::Store;
use jiff::ToSpan;
use jiff::civil::Date;

const PROFILE: &str = include_str!("../../../examples/contract-example.toml");

struct Fixture {
    db: PathBuf,
    profile: Profile,
    today: Date,
    sessions: Vec<SessionLog>,
}

static FIXTURE: OnceLock<Fixture> = OnceLock::new();

fn main() {
    // Kept for the whole run; removed when main returns.
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("backbone.db");
    let profile = Profile::parse(PROFILE, "contract-example").expect("example parses");
    let first = five_years(profile.start);
    let later = profile.start.saturating_add(i64::from(DAYS).days());
    let second = five_years(later).into_iter().map(|s| SessionLog { id: format!("later-{}", s.id), ..s });
    let log: Vec<SessionLog> = first.into_iter().chain(second).collect();
    let sets: usize = log.iter().map(|s| s.sets.len()).sum();
    assert!(sets >= 98_000, "{sets} sets");
    let today = later.saturating_add(i64::from(DAYS - 1).days());
    let mut store = Store::open(&db).expect("open");
    let plan = backbone_core::engine::plan(&profile, 12).expect("plan");
    store.save_profile(&profile, &plan, profile.start).expect("profile");
    store.log_sessions(&log, today).expect("ten years");
    drop(store);
    let sessions = Store::open(&db).and_then(|s| s.sessions()).expect("read back");
    assert_eq!(sessions.len(), log.len());
    FIXTURE.get_or_init(|| Fixture { db, profile, today, sessions });
    divan::main();
}

fn fixture() -> &'static Fixture {
    FIXTURE.get().expect("main built the fixture")
}

/// Everything `backbone report --json` does after parsing its flags.
#[divan::bench(sample_count = 40)]
fn report_ten_years_from_sqlite() -> usize {
    let f = fixture();
    let store = Store::open(&f.db).expect("open");
    let profile = store.profile().expect("profile").expect("a profile").profile;
    let sessions = store.sessions().expect("sessions");
    let adapted = adapt(&profile, &sessions, f.today).expect("adapt");
    let report = analytics::report(
        Some(Coaching { profile: &profile, plan: &adapted.plan }),
        &sessions,
        Catalog::builtin(),
        Window::weeks_to(f.today, 12),
    );
    serde_json::to_vec(&report).expect("json").len()
}

/// The part of it that is the store: open and read ten years of sessions.
#[divan::bench(sample_count = 40)]
fn part_store_open_and_sessions() -> usize {
    let store = Store::open(&fixture().db).expect("open");
    store.sessions().expect("sessions").len()
}

/// The part that is the engine: the plan adapted to ten years of logs.
#[divan::bench(sample_count = 40)]
fn part_adapt() -> usize {
    let f = fixture();
    adapt(&f.profile, divan::black_box(&f.sessions), f.today).expect("adapt").plan.weeks.len()
}

/// The part that is the analytics and the JSON, given the log and the adapted plan.
#[divan::bench(sample_count = 40)]
fn part_analytics_and_json(bencher: divan::Bencher) {
    let f = fixture();
    let plan = adapt(&f.profile, &f.sessions, f.today).expect("adapt").plan;
    bencher.bench(|| {
        let report = analytics::report(
            Some(Coaching { profile: &f.profile, plan: &plan }),
            divan::black_box(&f.sessions),
            Catalog::builtin(),
            Window::weeks_to(f.today, 12),
        );
        serde_json::to_vec(&report).expect("json").len()
    });
}
