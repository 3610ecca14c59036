//! End-to-end tests of the `backbone` binary: one test binary, a module per area.

mod api_contract;
mod browser;
mod coaching;
mod config;
mod docs_commands;
mod durability;
mod everyday;
mod exercises;
mod hardening;
mod import_export;
mod keeping_a_log;
mod plan;
mod profile_errors;
mod report;
mod rules;
mod serve;
mod shell;

use std::path::PathBuf;

use assert_cmd::Command;

/// The binary under test, run from the workspace root with a fixed, neutral locale.
pub fn backbone() -> Command {
    let mut cmd = Command::cargo_bin("backbone").expect("the backbone binary is built");
    cmd.current_dir(root()).env("LC_ALL", "C").env_remove("BACKBONE_DB").env_remove("LANG");
    for (name, value) in isolated() {
        match value {
            Some(v) => cmd.env(name, v),
            None => cmd.env_remove(name),
        };
    }
    cmd
}

/// The settings a developer's machine may hold, kept out of tests: no config file (a folder that does
/// not exist), no BACKBONE_UNITS or BACKBONE_WEEKS, no NO_COLOR, no COLUMNS (output goes to a pipe,
/// so the width is the default 80 unless a test sets it).
fn isolated() -> [(&'static str, Option<PathBuf>); 5] {
    [
        ("XDG_CONFIG_HOME", Some(root().join("crates/backbone/tests/no-config-here"))),
        ("BACKBONE_UNITS", None),
        ("BACKBONE_WEEKS", None),
        ("NO_COLOR", None),
        ("COLUMNS", None),
    ]
}

/// The binary as a plain `std::process::Command`, for tests that spawn and kill it.
pub fn spawnable() -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("backbone"));
    cmd.current_dir(root()).env("LC_ALL", "C").env_remove("BACKBONE_DB");
    for (name, value) in isolated() {
        match value {
            Some(v) => cmd.env(name, v),
            None => cmd.env_remove(name),
        };
    }
    cmd
}

/// The workspace root, where `examples/` lives.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs the binary and returns (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = backbone().args(args).output().expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
