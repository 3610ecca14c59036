//! `backbone next` as a whole process on a database of five years of daily logs (about 50,000 sets;
//! target: under 30 ms).

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use backbone_core::log::sample::five_years;
use backbone_core::profile::Profile;
use backbone_store::Store;
use jiff::ToSpan;

static DB: OnceLock<PathBuf> = OnceLock::new();
const PROFILE: &str = include_str!("../../../examples/contract-example.toml");

fn main() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("backbone.db");
    let profile = Profile::parse(PROFILE, "contract-example").expect("example parses");
    let mut store = Store::open(&path).expect("open");
    let plan = backbone_core::engine::plan(&profile, 12).expect("plan");
    store.save_profile(&profile, &plan, profile.start).expect("profile");
    store.log_sessions(&five_years(profile.start), profile.start).expect("five years");
    drop(store);
    DB.get_or_init(|| path);
    divan::main();
}

fn today() -> String {
    let profile = Profile::parse(PROFILE, "contract-example").expect("example parses");
    profile.start.saturating_add(1826.days()).to_string()
}

#[divan::bench(sample_count = 40)]
fn next_as_a_process(bencher: divan::Bencher) {
    let db = DB.get().expect("main made the database");
    let today = today();
    bencher.bench(|| {
        let out = Command::new(env!("CARGO_BIN_EXE_backbone"))
            .arg("--db")
            .arg(db)
            .args(["next", "--json", "--today", &today])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout.len()
    });
}
