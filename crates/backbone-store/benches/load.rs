//! Benchmarks of reading the log: five years of daily sessions (1,826 sessions, 49,302 sets), opened and
//! read whole, as `backbone next` does on every run (target: a few milliseconds of a 30 ms process).

use std::path::PathBuf;
use std::sync::OnceLock;

use backbone_core::catalog::Catalog;
use backbone_core::log::{Checkin, SessionLog, SetLog};
use backbone_core::profile::{Assessment, LeftRight};
use backbone_core::vocab::Category;
use backbone_store::Store;
use jiff::ToSpan;
use jiff::civil::{Date, date};

/// The database made once, before any timing, and shared by the benchmarks.
static DB: OnceLock<PathBuf> = OnceLock::new();

const DAYS: i32 = 1826;
const SETS_PER_SESSION: usize = 27;

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

/// A daily session of 27 sets: 3 timed warm-ups, 5 loaded exercises of 4 sets, 4 stretches held; a
/// check-in every day and measurements every four weeks. Exercise ids come from the catalog; loads,
/// reps, RPE and quality vary the way a real log does (a deterministic generator, the same every run).
fn five_years(start: Date) -> Vec<SessionLog> {
    let catalog = Catalog::builtin();
    let pick = |cats: &[Category], timed: bool| -> Vec<String> {
        let ids: Vec<String> = catalog
            .all()
            .iter()
            .filter(|e| cats.contains(&e.category) && e.timed == timed)
            .map(|e| e.id.clone())
            .collect();
        assert!(!ids.is_empty(), "the catalog has exercises of {cats:?}");
        ids
    };
    let warmups = pick(&[Category::Warmup, Category::Mobility], true);
    let mains = pick(&[Category::Strength, Category::Posture, Category::Hinge], false);
    let stretches = pick(&[Category::Stretch], true);

    let mut rng = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |n: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % n
    };
    (0..DAYS)
        .map(|day| {
            let d = start + day.days();
            let mut sets = Vec::with_capacity(SETS_PER_SESSION);
            for _ in 0..3 {
                let id = &warmups[next(warmups.len() as u64) as usize];
                sets.push(SetLog { seconds: Some(30 + 15 * next(3) as u32), ..SetLog::new(id) });
            }
            for _ in 0..5 {
                let id = &mains[next(mains.len() as u64) as usize];
                // Loads creep up over the years, in 2.5 kg steps.
                let base = 20.0 + 2.5 * (next(8) as f64) + 2.5 * f64::from(day / 90);
                for set in 0..4u32 {
                    sets.push(SetLog {
                        reps: Some(12 - 2 * (next(3) as u32)),
                        load_kg: Some(base),
                        rpe: Some(6.5 + 0.5 * (set + next(2) as u32) as f64),
                        quality: Some(3 + next(3) as u8),
                        pain: Some(if next(40) == 0 { 2 } else { 0 }),
                        bar_speed_mps: (next(4) == 0).then(|| 0.4 + next(40) as f64 / 100.0),
                        ..SetLog::new(id)
                    });
                }
            }
            for _ in 0..4 {
                let id = &stretches[next(stretches.len() as u64) as usize];
                sets.push(SetLog { seconds: Some(20 + 10 * next(3) as u32), ..SetLog::new(id) });
            }
            let measurements = if day % 28 == 0 {
                Assessment {
                    grip_kg: Some(LeftRight { left: 44.0 + next(6) as f64, right: 48.0 + next(6) as f64 }),
                    dead_hang_seconds: Some(30.0 + next(30) as f64),
                    ..Assessment::default()
                }
            } else {
                Assessment::default()
            };
            SessionLog {
                id: format!("s-{d}"),
                date: d,
                checkin: Some(Checkin {
                    soreness: Some(next(6) as u8),
                    sleep_hours: Some(6.0 + 0.5 * next(6) as f64),
                    stress: Some(next(8) as u8),
                    energy: Some(3 + next(7) as u8),
                    ache: Some(next(3) as u8),
                }),
                sets,
                measurements,
            }
        })
        .collect()
}
