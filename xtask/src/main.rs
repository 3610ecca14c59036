//! Project automation: `cargo xtask test` runs every check CI runs; `cargo xtask bench` runs the benchmarks;
//! `cargo xtask fuzz` runs the fuzz targets for longer.

mod fuzz;
mod tidy;
mod tools;

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
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let env = tools::ensure(&root)?;
    cargo_with(&["test", "--workspace"], &env)?;
    fuzz::run(&[], fuzz::TEST_SECONDS, true)?;
    Ok(())
}

/// Runs cargo with the arguments; snapshots are never rewritten by a test run.
fn cargo(args: &[&str]) -> Result<(), String> {
    cargo_with(args, &[])
}

/// Runs cargo with the arguments and more environment.
fn cargo_with(args: &[&str], env: &[(String, String)]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    eprintln!("xtask: cargo {}", args.join(" "));
    let status = Command::new(cargo)
        .args(args)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .env("INSTA_UPDATE", "no")
        .status()
        .map_err(|e| format!("cargo {}: {e}", args.join(" ")))?;
    if status.success() { Ok(()) } else { Err(format!("cargo {} ({status})", args.join(" "))) }
}
