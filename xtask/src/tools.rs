//! What the tests need beyond the Rust toolchain, installed when missing; a failed install fails the run
//! rather than skipping a test:
//! - Python's `icalendar`: the calendar test reads our .ics back with an independent parser;
//! - Schemathesis (PyPI): the API is checked against its own OpenAPI document;
//! - Debian's `chromium` and `chromium-driver` (one source package, so they always match): the browser
//!   test drives the web app over WebDriver;
//! - axe-core (npm registry): the browser test's accessibility check, installed under `target/tools`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Installs what is missing; returns the environment the tests need (where axe-core is).
pub fn ensure(root: &Path) -> Result<Vec<(String, String)>, String> {
    python_module("icalendar", "icalendar")?;
    command("schemathesis", &["--version"], || {
        run("python3", &["-m", "pip", "install", "--quiet", "schemathesis>=4,<5"])
    })?;
    command("chromedriver", &["--version"], || {
        run("apt-get", &["update", "-qq"])?;
        run("apt-get", &["install", "-y", "-qq", "--no-install-recommends", "chromium", "chromium-driver"])
    })?;
    let axe = axe(root)?;
    Ok(vec![("BACKBONE_AXE_JS".into(), axe.display().to_string())])
}

fn python_module(module: &str, package: &str) -> Result<(), String> {
    let importable =
        || Command::new("python3").args(["-c", &format!("import {module}")]).output().is_ok_and(|o| o.status.success());
    if importable() {
        return Ok(());
    }
    run("python3", &["-m", "pip", "install", "--quiet", package])?;
    if importable() { Ok(()) } else { Err(format!("python3: {module} is still missing after pip install {package}")) }
}

/// Runs `install` when `name args` does not answer, and checks again.
fn command(name: &str, args: &[&str], install: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
    let answers = || Command::new(name).args(args).output().is_ok_and(|o| o.status.success());
    if answers() {
        return Ok(());
    }
    install()?;
    if answers() { Ok(()) } else { Err(format!("{name} is still missing after installing it")) }
}

fn axe(root: &Path) -> Result<PathBuf, String> {
    let prefix = root.join("target/tools");
    let script = prefix.join("node_modules/axe-core/axe.min.js");
    if script.exists() {
        return Ok(script);
    }
    std::fs::create_dir_all(&prefix).map_err(|e| format!("{}: {e}", prefix.display()))?;
    let prefix_text = prefix.display().to_string();
    run("npm", &["install", "--prefix", &prefix_text, "--no-audit", "--no-fund", "--silent", "axe-core@4"])?;
    if script.exists() { Ok(script) } else { Err(format!("{}: missing after npm install axe-core", script.display())) }
}

fn run(program: &str, args: &[&str]) -> Result<(), String> {
    eprintln!("xtask: {program} {}", args.join(" "));
    let status = Command::new(program).args(args).status().map_err(|e| format!("{program} {}: {e}", args.join(" ")))?;
    if status.success() { Ok(()) } else { Err(format!("{program} {} ({status})", args.join(" "))) }
}
