//! Benchmark of the adaptation engine over five years of daily logs (about 50,000 sets; target: under
//! 20 ms).

use backbone_core::adapt::adapt;
use backbone_core::log::sample::five_years;
use backbone_core::profile::Profile;
use jiff::ToSpan;

fn main() {
    divan::main();
}

const PROFILE: &str = include_str!("../../../examples/contract-example.toml");

#[divan::bench]
fn adapt_five_years_of_daily_logs(bencher: divan::Bencher) {
    let profile = Profile::parse(PROFILE, "contract-example").expect("example parses");
    let log = five_years(profile.start);
    let today = profile.start.saturating_add(1826.days());
    let sets: usize = log.iter().map(|s| s.sets.len()).sum();
    assert!(sets >= 49_000, "{sets} sets");
    bencher.bench(|| adapt(&profile, divan::black_box(&log), today).map(|a| a.plan.weeks.len()));
}
