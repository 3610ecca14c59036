//! `cargo xtask fuzz`: builds the cargo-fuzz targets of `fuzz/` and runs each for a bounded time.
//!
//! `cargo xtask test` calls [`run`] with a few seconds per target after the unit tests, so every parser
//! meets a few tens of thousands of mutated inputs on each test run; `cargo xtask fuzz --seconds 3600
//! strong` searches one target for longer (docs/FUZZING.md).
//!
//! Sanitizer: none (`-s none`). The workspace forbids unsafe code, so the bugs a fuzzer finds in it are
//! panics (index out of range, a cut inside a UTF-8 character, overflow: the build keeps debug
//! assertions and overflow checks), which need no sanitizer to be seen. AddressSanitizer would only
//! watch the unsafe code of dependencies (csv, serde_json, memchr), at the price of a second
//! instrumentation of every crate, a slower build, about half the executions per second in a short run,
//! and a nightly compiler (`-Zsanitizer`, so `RUSTC_BOOTSTRAP=1` on stable). Without it the fuzz build
//! needs no nightly feature at all: stable rustc takes every flag cargo-fuzz passes. A long run can
//! still ask for ASan through cargo fuzz directly (docs/FUZZING.md).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Seconds each target runs within `cargo xtask test`: the whole fuzz step, a clean build of the fuzz
/// crate included, stays under three minutes on a 2-core machine.
pub const TEST_SECONDS: u64 = 5;

/// The cargo-fuzz releases this task is written against (its flags and its `fuzz/` layout).
const CARGO_FUZZ_VERSION: &str = "^0.13";

/// An input taking longer than this is a failure (a hang or a quadratic blow-up), not a slow success.
const INPUT_TIMEOUT_SECONDS: u64 = 10;

/// `cargo xtask fuzz [--seconds N] [TARGET...]`: every target when none is named.
pub fn main(args: &[String]) -> Result<(), String> {
    let mut seconds = 60;
    let mut named = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => {
                let value = args.next().ok_or("fuzz: --seconds needs a number")?;
                seconds =
                    value.parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                        format!("fuzz: --seconds {value}: expected a whole number of seconds above 0")
                    })?;
            }
            flag if flag.starts_with('-') => return Err(format!("fuzz: unknown option {flag}")),
            target => named.push(target.to_string()),
        }
    }
    run(&named, seconds, false)
}

/// Builds the fuzz crate, then runs each target (all of them when `named` is empty) for `seconds`.
/// `quiet` keeps a passing target to one line (the test command); a failure prints all it said.
pub fn run(named: &[String], seconds: u64, quiet: bool) -> Result<(), String> {
    let root = root();
    ensure_cargo_fuzz(&root)?;
    let all = list_targets(&root)?;
    let targets: Vec<String> = if named.is_empty() {
        all.clone()
    } else {
        for name in named {
            if !all.contains(name) {
                return Err(format!("fuzz: no target {name}; the targets are: {}", all.join(", ")));
            }
        }
        named.to_vec()
    };
    let started = Instant::now();
    let build = ["fuzz", "build", "-s", "none"];
    let status = cargo_fuzz_command(&root, &build).status().map_err(|e| format!("cargo {}: {e}", build.join(" ")))?;
    if !status.success() {
        return Err(format!("cargo {} ({status})", build.join(" ")));
    }
    eprintln!("xtask: fuzz build took {:.0} s", started.elapsed().as_secs_f64());
    for target in &targets {
        run_target(&root, target, seconds, quiet)?;
    }
    eprintln!(
        "xtask: fuzz: {} targets, {seconds} s each, no crash ({:.0} s in all)",
        targets.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// One bounded run: new inputs go to `fuzz/corpus/<target>` (ignored by git), the committed seeds are read
/// from `fuzz/seeds/<target>`, and a crash leaves its input in `fuzz/artifacts/<target>`.
fn run_target(root: &Path, target: &str, seconds: u64, quiet: bool) -> Result<(), String> {
    let fuzz = root.join("fuzz");
    let seeds = fuzz.join("seeds").join(target);
    if !seeds.is_dir() {
        return Err(format!("fuzz: {} is missing: every target has committed seeds", seeds.display()));
    }
    let corpus = fuzz.join("corpus").join(target);
    let artifacts = fuzz.join("artifacts").join(target);
    for dir in [&corpus, &artifacts] {
        std::fs::create_dir_all(dir).map_err(|e| format!("fuzz: creating {}: {e}", dir.display()))?;
    }
    let before = files(&artifacts);
    let max_total_time = format!("-max_total_time={seconds}");
    let timeout = format!("-timeout={INPUT_TIMEOUT_SECONDS}");
    let (corpus_arg, seeds_arg) = (corpus.display().to_string(), seeds.display().to_string());
    let args = ["fuzz", "run", "-s", "none", target, &corpus_arg, &seeds_arg, "--", &max_total_time, &timeout];
    eprintln!("xtask: cargo {}", args.join(" "));
    let mut command = cargo_fuzz_command(root, &args);
    let (status, said) = if quiet {
        let output = command.output().map_err(|e| format!("cargo fuzz run {target}: {e}"))?;
        let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        (output.status, said)
    } else {
        (command.status().map_err(|e| format!("cargo fuzz run {target}: {e}"))?, String::new())
    };
    if status.success() {
        // libFuzzer closes with `Done 18463 runs in 5 second(s)`.
        if let Some(done) = said.lines().rev().find(|l| l.starts_with("Done ")) {
            eprintln!("xtask: fuzz {target}: {done}, no crash");
        }
        return Ok(());
    }
    eprint!("{said}");
    let found: Vec<String> = files(&artifacts).difference(&before).map(|p| p.display().to_string()).collect();
    if found.is_empty() {
        Err(format!("fuzz target {target} failed ({status}) without leaving an artifact; see its output above"))
    } else {
        Err(format!(
            "fuzz target {target} found a crash: {}; reproduce with `cargo fuzz run -s none {target} {}` \
             (docs/FUZZING.md)",
            found.join(", "),
            found[0]
        ))
    }
}

/// Installs cargo-fuzz when `cargo fuzz` is not there; a failed install fails the step, so the test command
/// never skips fuzzing silently.
fn ensure_cargo_fuzz(root: &Path) -> Result<(), String> {
    let has_it = cargo_fuzz_command(root, &["fuzz", "--version"]).output().is_ok_and(|o| o.status.success());
    if has_it {
        return Ok(());
    }
    let install = ["install", "cargo-fuzz", "--locked", "--version", CARGO_FUZZ_VERSION];
    eprintln!("xtask: cargo-fuzz is not installed; cargo {}", install.join(" "));
    let status =
        Command::new(cargo()).args(install).status().map_err(|e| format!("cargo {}: {e}", install.join(" ")))?;
    if !status.success() {
        return Err(format!("cargo {} ({status}): the fuzz step needs cargo-fuzz", install.join(" ")));
    }
    Ok(())
}

/// The targets as cargo-fuzz sees them in `fuzz/Cargo.toml`, so a new target is run without a change here.
fn list_targets(root: &Path) -> Result<Vec<String>, String> {
    let output = cargo_fuzz_command(root, &["fuzz", "list"]).output().map_err(|e| format!("cargo fuzz list: {e}"))?;
    if !output.status.success() {
        return Err(format!("cargo fuzz list ({}): {}", output.status, String::from_utf8_lossy(&output.stderr)));
    }
    let targets: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(Into::into)
        .collect();
    if targets.is_empty() {
        return Err("cargo fuzz list: no fuzz targets in fuzz/Cargo.toml".into());
    }
    Ok(targets)
}

/// `cargo fuzz ...` run from the workspace root, where cargo-fuzz finds `fuzz/`.
fn cargo_fuzz_command(root: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(cargo());
    command.args(args).current_dir(root);
    command
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// `fuzz/Cargo.toml`, for the checks that `--workspace` does not reach.
pub fn manifest() -> PathBuf {
    root().join("fuzz").join("Cargo.toml")
}

/// The workspace root: xtask's manifest sits one level below it.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lies inside the workspace").to_path_buf()
}

fn files(dir: &Path) -> BTreeSet<PathBuf> {
    std::fs::read_dir(dir).map(|entries| entries.flatten().map(|e| e.path()).collect()).unwrap_or_default()
}
