//! Project automation: `cargo xtask test` runs every check CI runs; `cargo xtask bench` runs the benchmarks;
//! `cargo xtask fuzz` runs the fuzz targets for longer.

mod fuzz;
mod tidy;

use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <test|bench|fuzz>\n\
  test   cargo fmt --check, cargo clippy -D warnings, every test, every fuzz target briefly (what CI runs)\n\
  bench  every divan benchmark (figures for docs/PERFORMANCE.md)\n\
  fuzz [--seconds N] [TARGET...]\n\
         build the fuzz targets and run each for N seconds (default 60; all targets unless named)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test(),
        Some("bench") => cargo(&["bench", "--workspace"]),
        Some("fuzz") => fuzz::main(&args[1..]),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(step) => {
            eprintln!("xtask: failed: {step}");
            ExitCode::FAILURE
        }
    }
}

/// The whole check, in the order that fails fastest.
fn test() -> Result<(), String> {
    cargo(&["fmt", "--all", "--", "--check"])?;
    // The fuzz crate is a workspace of its own, so `--all` does not reach it.
    let fuzz_manifest = fuzz::manifest().display().to_string();
    cargo(&["fmt", "--manifest-path", &fuzz_manifest, "--", "--check"])?;
    cargo(&["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])?;
    ensure_python_icalendar()?;
    cargo(&["test", "--workspace"])?;
    fuzz::run(&[], fuzz::TEST_SECONDS, true)?;
    Ok(())
}

/// The calendar test reads our .ics export back with Python's `icalendar`, an independent parser; it is
/// installed here when missing, and a failed install fails the run rather than skipping that test.
fn ensure_python_icalendar() -> Result<(), String> {
    let importable =
        || Command::new("python3").args(["-c", "import icalendar"]).output().is_ok_and(|o| o.status.success());
    if importable() {
        return Ok(());
    }
    let install = ["-m", "pip", "install", "--quiet", "icalendar"];
    eprintln!("xtask: python3 {}", install.join(" "));
    let status =
        Command::new("python3").args(install).status().map_err(|e| format!("python3 {}: {e}", install.join(" ")))?;
    if !status.success() || !importable() {
        return Err(format!("python3 {} ({status}): the tests need Python's icalendar", install.join(" ")));
    }
    Ok(())
}

/// Runs cargo with the arguments; snapshots are never rewritten by a test run.
fn cargo(args: &[&str]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    eprintln!("xtask: cargo {}", args.join(" "));
    let status = Command::new(cargo)
        .args(args)
        .env("INSTA_UPDATE", "no")
        .status()
        .map_err(|e| format!("cargo {}: {e}", args.join(" ")))?;
    if status.success() { Ok(()) } else { Err(format!("cargo {} ({status})", args.join(" "))) }
}
