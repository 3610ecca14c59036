//! `backbone import` as a whole process: a 100,000-row Strong export (about twelve years of training)
//! read, mapped, checked and written to a new database in one transaction. Target: under 0.5 s.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use backbone_formats::import::sample::strong_file;

static FILE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();

fn main() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("strong.csv");
    std::fs::write(&file, strong_file(100_000)).expect("writes the file");
    FILE.get_or_init(|| (dir, file));
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn import_strong_100k_rows_as_a_process(bencher: divan::Bencher) {
    let (dir, file) = FILE.get().expect("main wrote the file");
    let n = std::sync::atomic::AtomicUsize::new(0);
    bencher
        .with_inputs(|| {
            // A new, empty database each time: the import is the first and whole write.
            let i = n.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            dir.path().join(format!("db-{i}.db"))
        })
        .bench_values(|db| {
            let out = Command::new(env!("CARGO_BIN_EXE_backbone"))
                .arg("--db")
                .arg(&db)
                .args(["import", "--units", "kg", "--json"])
                .arg(file)
                .output()
                .expect("runs");
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            let summary: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a summary");
            assert_eq!(summary["sessions"], 5000);
            db
        });
}
