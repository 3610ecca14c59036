//! `backbone serve` as a real server on a free port: it prints its address, answers over TCP, and gives
//! the same answers as the command line for the same database.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};

use super::{backbone, spawnable};

pub struct Server {
    child: Child,
    pub addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start(db: &std::path::Path) -> Server {
    start_at(db, "127.0.0.1:0")
}

/// A server on `addr` (port 0: a free one), with today 2026-11-23.
pub fn start_at(db: &std::path::Path, addr: &str) -> Server {
    let mut child = spawnable()
        .arg("--db")
        .arg(db)
        .args(["--today", "2026-11-23", "serve", "--addr", addr])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("prints its address");
    let addr = line.split("http://").nth(1).and_then(|r| r.split('/').next()).expect("an address").to_string();
    Server { child, addr }
}

/// One HTTP/1.1 request; (status, body).
pub fn http(server: &Server, method: &str, path: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(&server.addr).expect("connects");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
        server.addr,
        body.len()
    )
    .expect("writes");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("reads");
    let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("a status");
    let (head, rest) = response.split_once("\r\n\r\n").expect("a head");
    let body =
        if head.to_ascii_lowercase().contains("transfer-encoding: chunked") { unchunk(rest) } else { rest.to_string() };
    (status, body)
}

fn unchunk(mut text: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = text.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        text = &rest[n + 2..];
    }
    out
}

fn cli(db: &std::path::Path, args: &[&str]) -> serde_json::Value {
    let out = backbone().arg("--db").arg(db).args(["--today", "2026-11-23"]).args(args).output().expect("runs");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn the_server_answers_on_a_free_port_as_the_cli_does() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("b.db");
    cli(&db, &["init", "--profile", "examples/contract-example.toml", "--json"]);
    let server = start(&db);
    let (status, body) = http(&server, "GET", "/api/v1/health", "");
    assert_eq!((status, body.as_str()), (200, r#"{"status":"ok"}"#));
    let (status, _) = http(&server, "POST", "/api/v1/sets", r#"{"key":"s1","exercise":"band-row","reps":12,"rpe":7}"#);
    assert_eq!(status, 201);
    let checkin = r#"{"date":"2026-11-23","checkin":{"soreness":3,"sleep_hours":7.5}}"#;
    assert_eq!(http(&server, "POST", "/api/v1/sessions", checkin).0, 201);
    for (path, args) in [
        ("/api/v1/next", &["next", "--json"][..]),
        ("/api/v1/plan", &["plan", "--json"]),
        ("/api/v1/report?weeks=12", &["report", "--weeks", "12", "--json"]),
        ("/api/v1/sessions?limit=20", &["history", "--limit", "20", "--json"]),
        ("/api/v1/exercises?pattern=horizontal_pull", &["exercises", "--pattern", "horizontal_pull", "--json"]),
    ] {
        let (status, body) = http(&server, "GET", path, "");
        assert_eq!(status, 200, "{path}: {body}");
        let api: serde_json::Value = serde_json::from_str(&body).expect("json");
        assert_eq!(api, cli(&db, args), "{path} and `backbone {}` differ", args.join(" "));
    }
    // A log written by the CLI while the server runs is seen by the next request (the cache is keyed by
    // the database's state, not by the server's own writes).
    cli(&db, &["log", "face-pull", "2x15", "--json"]);
    let (_, body) = http(&server, "GET", "/api/v1/sessions?limit=20", "");
    let api: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(api, cli(&db, &["history", "--limit", "20", "--json"]));
    let (_, next) = http(&server, "GET", "/api/v1/next", "");
    assert_eq!(serde_json::from_str::<serde_json::Value>(&next).expect("json"), cli(&db, &["next", "--json"]));
}

#[test]
fn serving_beyond_loopback_needs_public_and_warns() {
    let out = backbone().args(["serve", "--addr", "0.0.0.0:0"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--public"));
}
