//! Benchmarks of the import: a synthetic 100,000-row Strong iOS export (about twelve years of four
//! workouts a week), parsed whole; and mapping its exercise names to the catalog. The whole import, store
//! included, should take under 0.5 s for such a file, so parsing must take a small share of that.

use backbone_core::catalog::Catalog;
use backbone_core::vocab::Units;
use backbone_formats::import::sample::{EXERCISES, strong_file};
use backbone_formats::import::{Format, map_exercise, parse};

fn main() {
    divan::main();
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
