//! Benchmarks of the planner: a 52-week plan for each example profile (target: under 1 ms).

use backbone_core::engine;
use backbone_core::profile::Profile;

fn main() {
    divan::main();
}

const PROFILES: &[(&str, &str)] = &[
    ("contract-example", include_str!("../../../examples/contract-example.toml")),
    ("desk-beginner-bands", include_str!("../../../examples/desk-beginner-bands.toml")),
    ("home-lifter-dumbbells", include_str!("../../../examples/home-lifter-dumbbells.toml")),
    ("advanced-barbell-failed-wall-angel", include_str!("../../../examples/advanced-barbell-failed-wall-angel.toml")),
];

#[divan::bench(args = ["contract-example", "desk-beginner-bands", "home-lifter-dumbbells", "advanced-barbell-failed-wall-angel"])]
fn plan_52_weeks(bencher: divan::Bencher, name: &str) {
    let text = PROFILES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t).unwrap_or_default();
    let profile = Profile::parse(text, name).expect("example profiles parse");
    // Parse the catalog once outside the timing, as a running process does.
    let _ = engine::plan(&profile, 1);
    bencher.bench(|| engine::plan(divan::black_box(&profile), 52));
}

#[divan::bench]
fn plan_52_weeks_as_json(bencher: divan::Bencher) {
    let profile = Profile::parse(PROFILES[0].1, "contract-example").expect("example profiles parse");
    let _ = engine::plan(&profile, 1);
    bencher.bench(|| serde_json::to_vec(&engine::plan(divan::black_box(&profile), 52).expect("plan")).map(|v| v.len()));
}
