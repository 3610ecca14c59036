//! Benchmarks of reading the log: five years of daily sessions (1,826 sessions, 49,302 sets), opened and
//! read whole, as `backbone next` does on every run (target: a few milliseconds of a 30 ms process).

use std::path::PathBuf;
use std::sync::OnceLock;

use backbone_store::Store;
use jiff::ToSpan;
use jiff::civil::date;

/// The database made once, before any timing, and shared by the benchmarks.
static DB: OnceLock<PathBuf> = OnceLock::new();

use backbone_core::log::sample::{DAYS, SETS_PER_SESSION, five_years};

fn main() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("backbone.db");
    let mut store = Store::open(&path).expect("open");
    let log = five_years(date(2021, 1, 4));
    store.log_sessions(&log, date(2026, 1, 4)).expect("import five years");
    assert_eq!(store.counts().expect("counts"), (DAYS as usize, DAYS as usize * SETS_PER_SESSION));
    drop(store);
    DB.get_or_init(|| path);
    divan::main();
    // `dir` is removed here, after the benchmarks ran.
}

fn db() -> &'static PathBuf {
    DB.get().expect("main made the database")
}

/// `Store::open` on an existing database and `sessions()`: the whole cost `backbone next` pays for the log.
#[divan::bench]
fn open_and_read_all() -> usize {
    let store = Store::open(divan::black_box(db())).expect("open");
    store.sessions().expect("sessions").len()
}

/// `sessions()` alone, on an open store.
#[divan::bench]
fn read_all(bencher: divan::Bencher) {
    let store = Store::open(db()).expect("open");
    bencher.bench_local(|| store.sessions().expect("sessions").len());
}

/// `Store::open` alone: the PRAGMAs, the schema version, the athlete.
#[divan::bench]
fn open_only() -> Store {
    Store::open(divan::black_box(db())).expect("open")
}

/// The last four weeks, as the adaptation engine reads them.
#[divan::bench]
fn read_four_weeks(bencher: divan::Bencher) {
    let store = Store::open(db()).expect("open");
    let to = date(2021, 1, 4) + (DAYS - 1).days();
    let from = to - 27.days();
    bencher.bench_local(|| store.sessions_between(from, to).expect("sessions").len());
}
