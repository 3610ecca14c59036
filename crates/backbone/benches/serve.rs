//! `backbone serve` under load, side by side in one run: wrk (Debian's) with 16 connections against the
//! bench build of the server, on a database of five years of daily logs. Each route is compared with the
//! same server's static health route, so the figures say what the work costs on this machine:
//! - a page of 20 logged sessions, `next` and the report: at least half the health route's rate, p99
//!   under 5 ms (served from the cache that a write invalidates);
//! - logging a set (one durable write, committed in groups): 5,000 requests a second or more.
//!
//! Requests carry `Accept-Encoding: gzip`, as every browser's do, so large answers come from the cache
//! already compressed. The report is measured a second time without it, to show what a client that takes
//! only the identity encoding gets.
//!
//! `cargo bench -p backbone --bench serve` (each route in turn with the health route, three pairs of 3 s runs
//! after a 1 s warm-up each; wrk must be installed: `apt-get install wrk`, which `cargo
//! xtask bench` does). Figures in docs/PERFORMANCE.md.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use backbone_core::log::sample::five_years;
use backbone_core::profile::Profile;
use backbone_store::Store;
use jiff::ToSpan;

const PROFILE: &str = include_str!("../../../examples/contract-example.toml");

/// Logs sets with keys no other request has.
const SET_SCRIPT: &str = r#"
local counter = 0
local prefix = tostring(math.random(1, 1000000000))
request = function()
  counter = counter + 1
  local body = string.format('{"key":"b%s-%d","exercise":"band-row","reps":12,"rpe":7}', prefix, counter)
  return wrk.format("POST", "/api/v1/sets", {["Content-Type"] = "application/json"}, body)
end
"#;

fn main() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("backbone.db");
    let profile = Profile::parse(PROFILE, "contract-example").expect("example parses");
    let mut store = Store::open(&db).expect("open");
    let plan = backbone_core::engine::plan(&profile, 12).expect("plan");
    store.save_profile(&profile, &plan, profile.start).expect("profile");
    store.log_sessions(&five_years(profile.start), profile.start).expect("five years");
    drop(store);
    let today = profile.start.saturating_add(1826.days()).to_string();
    let mut server = Command::new(env!("CARGO_BIN_EXE_backbone"))
        .arg("--db")
        .arg(&db)
        .args(["--today", &today, "serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("the server starts");
    let mut line = String::new();
    BufReader::new(server.stdout.take().expect("stdout")).read_line(&mut line).expect("its address");
    let base = line.split("http://").nth(1).and_then(|r| r.split('/').next()).expect("an address").to_string();
    let script = dir.path().join("set.lua");
    std::fs::write(&script, SET_SCRIPT).expect("writes");

    println!("| route | requests/s | p50 | p99 | health, same pairs | share of health |");
    println!("| --- | --- | --- | --- | --- | --- |");
    for (name, path, lua, gzip) in [
        ("GET /api/v1/sessions?limit=20", "/api/v1/sessions?limit=20", None, true),
        ("GET /api/v1/next", "/api/v1/next", None, true),
        ("GET /api/v1/report", "/api/v1/report", None, true),
        ("GET /api/v1/report (no Accept-Encoding)", "/api/v1/report", None, false),
        ("POST /api/v1/sets (durable write)", "/api/v1/sets", Some(script.as_path()), true),
    ] {
        paired(&base, name, path, lua, gzip);
    }
    let _ = server.kill();
    let _ = server.wait();
}

/// The route and the health route in turn, three times; the medians of the route's figures and of the
/// pairs' ratios, so that the machine's drift during the run moves both sides of each pair alike.
fn paired(base: &str, name: &str, path: &str, lua: Option<&std::path::Path>, gzip: bool) {
    let mut runs = Vec::new();
    for _ in 0..3 {
        let health = load(base, "/api/v1/health", None, gzip);
        let route = load(base, path, lua, gzip);
        runs.push((route, health));
    }
    let ratio = median(runs.iter().map(|(r, h)| r.rate / h.rate.max(1.0)).collect());
    runs.sort_by(|a, b| a.0.rate.total_cmp(&b.0.rate));
    let (route, health) = &runs[1];
    println!("| {name} | {:.0} | {} | {} | {:.0} | {ratio:.2} |", route.rate, route.p50, route.p99, health.rate);
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// (requests per second, p50 and p99 latency as wrk prints them).
struct Figures {
    rate: f64,
    p50: String,
    p99: String,
}

fn load(base: &str, path: &str, script: Option<&std::path::Path>, gzip: bool) -> Figures {
    // A short warm-up fills the cache and the page cache; the measured run follows.
    for seconds in ["1s", "3s"] {
        let mut cmd = Command::new("wrk");
        cmd.args(["-t2", "-c16", "-d", seconds, "--latency"]);
        if gzip {
            cmd.args(["-H", "Accept-Encoding: gzip, deflate, br"]);
        }
        if let Some(s) = script {
            cmd.arg("-s").arg(s);
        }
        let out = cmd.arg(format!("http://{base}{path}")).output().expect("wrk runs (apt-get install wrk)");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(!text.contains("Non-2xx"), "{path}: some answers were not 2xx:\n{text}");
        if seconds == "3s" {
            let field = |prefix: &str| {
                text.lines()
                    .find(|l| l.trim_start().starts_with(prefix))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .unwrap_or("?")
                    .to_string()
            };
            let rate = field("Requests/sec:").parse().unwrap_or(0.0);
            return Figures { rate, p50: field("50%"), p99: field("99%") };
        }
    }
    unreachable!("the loop returns on its last run")
}
