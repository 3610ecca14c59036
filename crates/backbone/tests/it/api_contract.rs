//! The API against its own OpenAPI document, by Schemathesis (`--checks all`): no server error, no
//! response outside the schema, no undocumented status code or content type. `cargo xtask test`
//! installs Schemathesis from PyPI; under `CI=true` a missing tool is a failure.

use std::process::Stdio;

use super::serve::start;
use super::{backbone, root};

/// Whether a tool is there; when it is not, fails under CI and says so loudly elsewhere.
pub fn tool(name: &str, args: &[&str]) -> bool {
    let found = std::process::Command::new(name)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "{name} is missing; `cargo xtask test` installs it");
        eprintln!("NOT RUN: {name} is missing here; `cargo xtask test` installs it (and CI=true makes this a failure)");
    }
    found
}

#[test]
fn the_api_keeps_to_its_openapi_document() {
    if !tool("schemathesis", &["--version"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("b.db");
    let init = backbone()
        .arg("--db")
        .arg(&db)
        .args(["--today", "2026-11-23", "init", "--profile", "examples/contract-example.toml"])
        .output()
        .expect("runs");
    assert!(init.status.success());
    let server = start(&db);
    let out = std::process::Command::new("schemathesis")
        // Its cache of examples stays in the temp folder, out of the repository.
        .current_dir(dir.path())
        .arg("--config-file")
        .arg(root().join("crates/backbone-web/tests/schemathesis.toml"))
        .arg("run")
        .arg(format!("http://{}/api/openapi.json", server.addr))
        .args(["--checks", "all", "--max-examples", "25", "--no-color", "--seed", "1"])
        .output()
        .expect("runs schemathesis");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "schemathesis found problems:\n{report}");
    assert!(!report.contains("Serialization not possible"), "{report}");
}
