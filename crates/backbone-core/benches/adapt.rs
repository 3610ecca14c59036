//! Benchmark of the adaptation engine over five years of daily logs (about 50,000 sets; target: under
//! 20 ms).

use backbone_core::adapt::adapt;
use backbone_core::log::{Checkin, SessionLog, SetLog};
use backbone_core::profile::{Assessment, Profile};
use jiff::ToSpan;
use jiff::civil::Date;

fn main() {
    divan::main();
}

const PROFILE: &str = include_str!("../../../examples/contract-example.toml");

/// Five years of daily sessions, 27 sets each, over the exercises a lifter's plan uses.
pub fn five_years(start: Date) -> Vec<SessionLog> {
    const EXERCISES: &[&str] = &[
        "barbell-row",
        "one-arm-dumbbell-row",
        "hip-thrust",
        "cable-face-pull",
        "chest-supported-row",
        "pull-up",
        "farmer-carry",
        "band-pull-apart",
        "cable-external-rotation",
    ];
    (0..1826)
        .map(|day| {
            let date = start.saturating_add((day as i64).days());
            let sets = (0..27)
                .map(|i| {
                    let ex = EXERCISES[(day + i / 3) % EXERCISES.len()];
                    SetLog {
                        reps: Some(8 + (day % 5) as u32),
                        load_kg: Some(20.0 + (day / 30) as f64),
                        rpe: Some(7.0 + (i % 3) as f64 * 0.5),
                        quality: Some(4),
                        pain: Some(0),
                        ..SetLog::new(ex)
                    }
                })
                .collect();
            let checkin = Checkin { soreness: Some((day % 6) as u8), sleep_hours: Some(7.5), ..Checkin::default() };
            SessionLog {
                id: format!("d{day}"),
                date,
                checkin: Some(checkin),
                sets,
                measurements: Assessment::default(),
            }
        })
        .collect()
}

#[divan::bench]
fn adapt_five_years_of_daily_logs(bencher: divan::Bencher) {
    let profile = Profile::parse(PROFILE, "contract-example").expect("example parses");
    let log = five_years(profile.start);
    let today = profile.start.saturating_add(1826.days());
    let sets: usize = log.iter().map(|s| s.sets.len()).sum();
    assert!(sets >= 49_000, "{sets} sets");
    bencher.bench(|| adapt(&profile, divan::black_box(&log), today).map(|a| a.plan.weeks.len()));
}
