//! Drives a simulated person through the binary for 16 weeks: `next` to see the session, perform it,
//! `log` it, and `next` again on the same day to check what was served is kept.

use std::path::PathBuf;

use backbone_core::profile::Profile;
use jiff::ToSpan;
use jiff::civil::Date;
use serde_json::Value;

use super::athlete::Body;
use crate::root;

/// One trained day.
#[derive(Debug, Clone)]
pub struct Day {
    pub date: Date,
    /// `next --json` as it was shown on the day, notices included.
    pub served: Value,
    /// The session JSON that was logged.
    pub logged: Value,
    /// `next --today DAY` after logging showed the same prescription for everything trained (METHOD P1);
    /// an exercise stopped by pain is cut to the sets done, with R3 (the served session's life).
    pub kept: bool,
    /// `next --today DAY` after logging: what the day is kept as.
    pub after: Value,
    /// The session as first shown, when a check-in came between it and training (METHOD R5).
    pub shown_first: Option<Value>,
}

/// A whole simulation.
#[derive(Debug)]
pub struct Run {
    pub name: &'static str,
    pub profile: Profile,
    pub body: Body,
    pub days: Vec<Day>,
    /// `plan --json` at the end.
    pub plan: Value,
}

impl Run {
    /// The final plan's week of a day: (1-based index, deload, emphasis).
    pub fn week(&self, day: Date) -> (i64, bool, String) {
        let weeks = self.plan["weeks"].as_array().expect("weeks");
        for w in weeks {
            let start: Date = w["start"].as_str().and_then(|s| s.parse().ok()).expect("a week start");
            if start <= day && day < start.saturating_add(7.days()) {
                let emphasis = w["block"]["emphasis"].as_str().unwrap_or("").to_string();
                return (w["index"].as_i64().unwrap_or(0), w["deload"].as_bool().unwrap_or(false), emphasis);
            }
        }
        panic!("{day} is in no week of the plan")
    }

    /// The served main items, with the day and whether it was a deload week.
    pub fn items(&self) -> impl Iterator<Item = (&Day, bool, &Value)> {
        self.days.iter().flat_map(move |d| {
            let deload = self.week(d.date).1;
            d.served["main"].as_array().into_iter().flatten().map(move |m| (d, deload, m))
        })
    }
}

/// The binary under test; `BACKBONE_COACHING_BIN` points the simulation at another build (an older
/// engine, for the baseline figures of `docs/COACHING.md`).
fn command() -> std::process::Command {
    match std::env::var_os("BACKBONE_COACHING_BIN") {
        Some(bin) => {
            let mut cmd = std::process::Command::new(bin);
            cmd.current_dir(root()).env("LC_ALL", "C").env_remove("BACKBONE_DB");
            cmd
        }
        None => crate::spawnable(),
    }
}

struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Db {
    fn run(&self, args: &[&str]) -> Value {
        let out = command().arg("--db").arg(&self.path).args(args).arg("--json").output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {stderr}");
        if std::env::var_os("BB_DEBUG").is_some() && !stderr.is_empty() {
            eprintln!("{args:?}: {stderr}");
        }
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: not JSON: {e}"))
    }

    fn next(&self, day: Date) -> Value {
        self.run(&["next", "--today", &day.to_string()])
    }
}

/// The main items as the person reads them: what to do, how much, how hard.
fn prescription(session: &Value) -> Vec<(Value, Value, Value, Value, Value)> {
    session["main"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| (m["exercise"].clone(), m["sets"].clone(), m["reps"].clone(), m["load_kg"].clone(), m["rpe"].clone()))
        .collect()
}

/// Every served item is still there after logging with the same dose; one stopped by pain (R3) may have
/// fewer sets, the sets done.
fn trained_kept(served: &Value, again: &Value) -> bool {
    let now = prescription(again);
    let stopped = |id: &Value| {
        again["main"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|m| m["exercise"] == *id && m["why"].as_array().is_some_and(|w| w.iter().any(|r| r == "R3")))
    };
    prescription(served).into_iter().all(|(id, sets, reps, load, rpe)| {
        now.iter().any(|(i, s, r, l, e)| {
            *i == id
                && *r == reps
                && *l == load
                && *e == rpe
                && (*s == sets || (stopped(&id) && s.as_u64() < sets.as_u64()))
        })
    })
}

/// Runs one profile of `coaching/profiles/` with a body.
pub fn simulate(name: &'static str, body: Body) -> Run {
    let file = root().join(format!("crates/backbone/tests/it/coaching/profiles/{name}.toml"));
    let text = std::fs::read_to_string(&file).expect("the profile");
    let profile = Profile::parse(&text, name).expect("the profile parses");
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = Db { path: dir.path().join("sim.db"), _dir: dir };
    let start = profile.start;
    let file_arg = file.to_str().expect("utf-8").to_string();
    db.run(&["init", "--profile", &file_arg, "--today", &start.to_string()]);
    let end = start.saturating_add((7 * body.weeks).days());
    let mut late_done = false;
    let mut cursor = start;
    let mut days = Vec::new();
    let mut pain_done = false;
    let session_file = db.path.with_file_name("session.json");
    loop {
        let ahead = db.next(cursor);
        let day: Date = ahead["date"].as_str().and_then(|d| d.parse().ok()).expect("a date");
        if day >= end {
            break;
        }
        let mut served = db.next(day);
        // R3's question after a referral: the person's pain was a one-off, so they say it is pain-free.
        let asked: Vec<String> = served["ask_cleared"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str())
            .map(String::from)
            .collect();
        if !asked.is_empty() {
            let mut args = vec!["log".to_string(), "--today".into(), day.to_string()];
            for id in &asked {
                args.extend(["--cleared".to_string(), id.clone()]);
            }
            db.run(&args.iter().map(String::as_str).collect::<Vec<_>>());
            served = db.next(day);
        }
        let mut shown_first = None;
        if body.late_checkin(day, late_done) {
            late_done = true;
            db.run(&["checkin", "--sleep", "5", "--stress", "8", "--today", &day.to_string()]);
            shown_first = Some(std::mem::replace(&mut served, db.next(day)));
        }
        let mut logged = body.perform(&served, day, &mut pain_done);
        if shown_first.is_some() {
            // The check-in of the day was the poor one, already logged.
            logged.as_object_mut().map(|o| o.remove("checkin"));
        }
        std::fs::write(&session_file, logged.to_string()).expect("writes the session");
        db.run(&["log", "--file", session_file.to_str().expect("utf-8"), "--today", &day.to_string()]);
        let again = db.next(day);
        let kept = again["date"] == served["date"] && trained_kept(&served, &again);
        days.push(Day { date: day, served, logged, kept, after: again, shown_first });
        cursor = day.saturating_add(1.days());
    }
    let plan = db.run(&["plan", "--today", &end.to_string()]);
    Run { name, profile, body, days, plan }
}
