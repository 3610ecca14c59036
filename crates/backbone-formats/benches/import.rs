//! Benchmarks of the import: a synthetic 100,000-row Strong iOS export (about twelve years of four
//! workouts a week), parsed whole; and mapping its exercise names to the catalog. The whole import, store
//! included, should take under 0.5 s for such a file, so parsing must take a small share of that.

use backbone_core::catalog::Catalog;
use backbone_core::vocab::Units;
use backbone_formats::import::{Format, map_exercise, parse};
use jiff::ToSpan;
use jiff::civil::date;

fn main() {
    divan::main();
}

const EXERCISES: &[&str] = &[
    "Bench Press (Barbell)",
    "Squat (Barbell)",
    "Deadlift (Barbell)",
    "Seated Row (Cable)",
    "Lat Pulldown (Cable)",
    "Pull Up",
    "Face Pull (Cable)",
    "Overhead Press (Barbell)",
    "Bent Over Row (Barbell)",
    "Plank",
];

/// `rows` rows of Strong's iOS export: workouts of 20 sets, one every other day, W/D/F markers and
/// rest-timer rows sprinkled in as in real files.
fn strong_file(rows: usize) -> Vec<u8> {
    let mut out = String::with_capacity(rows * 110);
    out.push_str(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n",
    );
    let mut day = date(2014, 1, 1);
    for i in 0..rows {
        let workout = i / 20;
        if i % 20 == 0 && i > 0 {
            day = day.checked_add(2.days()).unwrap_or(day);
        }
        let exercise = EXERCISES[(workout * 3 + (i % 20) / 4) % EXERCISES.len()];
        let order = match i % 23 {
            0 => "W".to_string(),
            7 => "D".to_string(),
            13 => "F".to_string(),
            19 => "Rest Timer".to_string(),
            n => (n % 5 + 1).to_string(),
        };
        let weight = 20.0 + ((i * 7) % 160) as f64 * 0.5;
        let note = if i % 97 == 0 { "\"felt heavy, \"\"slow\"\"\"" } else { "" };
        out.push_str(&format!(
            "{day} 18:{:02}:00,\"Day {}\",1h {}m,\"{exercise}\",{order},{weight:.1},{}.0,0,0,{note},,{}\n",
            workout % 60,
            workout % 4,
            workout % 60,
            i % 12 + 1,
            if i % 5 == 0 { "8.5" } else { "" },
        ));
    }
    out.into_bytes()
}

#[divan::bench(sample_count = 20)]
fn parse_strong_100k_rows(bencher: divan::Bencher) {
    let file = strong_file(100_000);
    let parsed = parse(&file, Format::Auto, Some(Units::Kg)).expect("the synthetic file reads");
    assert_eq!((parsed.workouts.len(), parsed.set_count()), (5000, 100_000 - 100_000 / 23));
    bencher.counter(divan::counter::BytesCount::new(file.len())).bench(|| {
        let parsed = parse(divan::black_box(&file), Format::Auto, Some(Units::Kg));
        divan::black_box(parsed.map(|p| p.set_count()).unwrap_or(0))
    });
}

#[divan::bench]
fn map_exercise_names(bencher: divan::Bencher) {
    let catalog = Catalog::builtin();
    bencher.bench(|| EXERCISES.iter().filter(|n| map_exercise(divan::black_box(n), catalog).is_some()).count());
}
