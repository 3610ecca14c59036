//! Synthetic logs for benchmarks and tests: five years of daily sessions, deterministic, built from the
//! catalog. Not part of the product; here so every benchmark measures the same data.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::catalog::Catalog;
use crate::log::{Checkin, SessionLog, SetLog};
use crate::profile::{Assessment, LeftRight};
use crate::vocab::Category;

/// Days in five years.
pub const DAYS: i32 = 1826;
/// Sets in each synthetic session.
pub const SETS_PER_SESSION: usize = 27;

/// A daily session of 27 sets: 3 timed warm-ups, 5 loaded exercises of 4 sets, 4 stretches held; a
/// check-in every day and measurements every four weeks. Exercise ids come from the catalog; loads,
/// reps, RPE and quality vary the way a real log does (a deterministic generator, the same every run).
pub fn five_years(start: Date) -> Vec<SessionLog> {
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
                ..Default::default()
            }
        })
        .collect()
}
