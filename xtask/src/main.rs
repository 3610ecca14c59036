//! Project automation: `cargo xtask test` runs every check CI runs; `cargo xtask bench` runs the benchmarks.

mod tidy;

use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <test|bench>\n\
  test   cargo fmt --check, cargo clippy -D warnings, every test (what CI runs)\n\
  bench  every divan benchmark (figures for docs/PERFORMANCE.md)";

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let result = match task.as_deref() {
        Some("test") => test(),
        Some("bench") => cargo(&["bench", "--workspace"]),
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
    cargo(&["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])?;
    cargo(&["test", "--workspace"])?;
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
