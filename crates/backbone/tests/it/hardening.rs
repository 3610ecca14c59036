//! Nothing a person types can hurt their data (the hardening issue). Every bad input below is refused
//! with exit 2 and one short, inert line on standard error naming what was wrong; nothing is created
//! or half-written; no panic. The other tests here pin the rest: an export never replaces a database,
//! CSV cells are never formulas, a profile file and another person's log are never taken over, a
//! damaged database is refused for writing and salvaged by `doctor`, backups rotate, a full disk and
//! a read-only database are named.
//!
//! `BACKBONE_RELIABILITY_DIR=DIR cargo test -p backbone --test it -- hardening durability` writes the
//! figures of docs/RELIABILITY.md, one file per test, into DIR.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use super::{backbone, root};

/// A temp folder with a database path in it (not created until a command creates it).
struct Home {
    dir: tempfile::TempDir,
    db: PathBuf,
}

/// What one run of the binary gave.
struct Ran {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().expect("a temp dir");
        let db = dir.path().join("backbone.db");
        Home { dir, db }
    }

    fn with_profile() -> Home {
        let home = Home::new();
        let ran = home.run(&["init", "--profile", "examples/contract-example.toml"]);
        assert_eq!(ran.code, 0, "{}", ran.stderr);
        home
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).to_str().expect("utf-8").to_string()
    }

    fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.path(name);
        std::fs::write(&path, bytes).expect("writes");
        path
    }

    /// Runs with `--db` and `--today 2026-11-23` unless the arguments give their own.
    fn run(&self, args: &[&str]) -> Ran {
        let mut cmd = backbone();
        if !args.contains(&"--db") {
            cmd.arg("--db").arg(&self.db);
        }
        if !args.contains(&"--today") {
            cmd.args(["--today", "2026-11-23"]);
        }
        let out = cmd.args(args).output().expect("runs");
        Ran {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn sessions(&self) -> usize {
        let ran = self.run(&["history", "--limit", "100000", "--json"]);
        assert_eq!(ran.code, 0, "{}", ran.stderr);
        serde_json::from_str::<Vec<serde_json::Value>>(&ran.stdout).expect("json").len()
    }
}

/// The contract's example profile with one line changed.
fn profile_with(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(root().join("examples/contract-example.toml")).expect("reads");
    assert!(text.contains(from), "{from}");
    text.replace(from, to)
}

fn session(sets: &str) -> String {
    format!(r#"{{"date": "2026-11-23", "sets": [{sets}]}}"#)
}

/// One bad input: how to make it, what to run, and a word the refusal must contain.
struct Case {
    name: &'static str,
    /// Whether the database has a profile first (else the database does not exist before the run, and
    /// must not exist after it).
    profile: bool,
    /// Files to write first, by name.
    files: Vec<(&'static str, Vec<u8>)>,
    /// Arguments; `{dir}` is the temp folder, `{db}` the database.
    args: Vec<&'static str>,
    expect: &'static str,
}

fn case(name: &'static str, profile: bool, args: &[&'static str], expect: &'static str) -> Case {
    Case { name, profile, files: Vec::new(), args: args.to_vec(), expect }
}

fn with_file(mut c: Case, name: &'static str, bytes: impl Into<Vec<u8>>) -> Case {
    c.files.push((name, bytes.into()));
    c
}

/// Every bad input of the hardening issue, and their neighbours.
fn cases() -> Vec<Case> {
    let long_name = "x".repeat(1_000_000);
    let mut cases = vec![
        // 2. Dates far out of any training history.
        with_file(
            case("profile start in year 1", false, &["init", "--profile", "{dir}/p.toml"], "1970-01-01"),
            "p.toml",
            profile_with("start = \"2026-11-23\"", "start = \"0001-01-01\""),
        ),
        with_file(
            case("profile start in 9999", false, &["init", "--profile", "{dir}/p.toml"], "2100-12-31"),
            "p.toml",
            profile_with("start = \"2026-11-23\"", "start = \"9999-12-31\""),
        ),
        with_file(
            case("plan from a start in 9999", false, &["plan", "--profile", "{dir}/p.toml"], "2100-12-31"),
            "p.toml",
            profile_with("start = \"2026-11-23\"", "start = \"9999-12-31\""),
        ),
        with_file(
            case("profile start ten years back", false, &["init", "--profile", "{dir}/p.toml"], "too far from today"),
            "p.toml",
            profile_with("start = \"2026-11-23\"", "start = \"2016-11-23\""),
        ),
        case("--today in 1900", false, &["history", "--today", "1900-01-01"], "1970-01-01"),
        case("--today in year 1", false, &["next", "--today", "0001-01-01"], "1970-01-01"),
        case("log --date in year 1", false, &["log", "band-row", "3x10", "--date", "0001-01-01"], "1970-01-01"),
        with_file(
            case("session file dated 1900", false, &["log", "--file", "{dir}/s.json"], "1970-01-01"),
            "s.json",
            r#"{"date": "1900-01-01", "sets": [{"exercise": "band-row", "reps": 10}]}"#,
        ),
        // 8. Sets that mean nothing.
        case("3x0", false, &["log", "band-row", "3x0"], "not a set notation"),
        case("0 reps", false, &["log", "band-row", "0"], "not a set notation"),
        case("a negative zero load", false, &["log", "band-row", "3x10@-0"], "not a set notation"),
        case("1e3 kg", false, &["log", "band-row", "3x10@1e3"], "not a set notation"),
        case("701 kg", false, &["log", "band-row", "3x10@701"], "not a set notation"),
        with_file(
            case("reps and seconds", false, &["log", "--file", "{dir}/s.json"], "counted or timed"),
            "s.json",
            session(r#"{"exercise": "band-row", "reps": 10, "seconds": 30}"#),
        ),
        with_file(
            case("zero reps in a file", false, &["log", "--file", "{dir}/s.json"], "sets[0].reps"),
            "s.json",
            session(r#"{"exercise": "band-row", "reps": 0}"#),
        ),
        with_file(
            case("a negative zero load in a file", false, &["log", "--file", "{dir}/s.json"], "sets[0].load_kg"),
            "s.json",
            session(r#"{"exercise": "band-row", "reps": 10, "load_kg": -0.0}"#),
        ),
        with_file(
            case("1000 kg in a file", false, &["log", "--file", "{dir}/s.json"], "from 0 to 700"),
            "s.json",
            session(r#"{"exercise": "band-row", "reps": 10, "load_kg": 1e3}"#),
        ),
        with_file(
            case("a date alone", false, &["log", "--file", "{dir}/s.json"], "nothing to log"),
            "s.json",
            r#"{"date": "2026-11-23"}"#,
        ),
        // 9. Echoed input is short and inert.
        with_file(
            case("a megabyte exercise name", false, &["log", "--file", "{dir}/s.json"], "characters"),
            "s.json",
            session(&format!(r#"{{"exercise": "{long_name}", "reps": 10}}"#)),
        ),
        with_file(
            case("an escape sequence in a name", false, &["log", "--file", "{dir}/s.json"], "sets[0].exercise"),
            "s.json",
            session(r#"{"exercise": "\u001b]0;owned\u0007\u001b[31mrow", "reps": 10}"#),
        ),
        with_file(
            case("a megabyte profile name", false, &["init", "--profile", "{dir}/p.toml"], "characters"),
            "p.toml",
            profile_with("name = \"Alex\"", &format!("name = \"{long_name}\"")),
        ),
        with_file(
            case("a grip of 1e308", false, &["init", "--profile", "{dir}/p.toml"], "grip_kg"),
            "p.toml",
            profile_with("left = 45.0", "left = 1e308"),
        ),
        case("a grip of 1e308 typed", false, &["assess", "--grip-left", "1e308", "--grip-right", "40"], "--grip-left"),
        case("a dead hang of -5", false, &["assess", "--dead-hang", "-5"], "--dead-hang"),
        case(
            "weeks that are not a number",
            false,
            &["plan", "--profile", "examples/contract-example.toml", "--weeks", "abc"],
            "--weeks",
        ),
        case("an unknown export format", false, &["export", "--format", "xml"], "json, csv, ics"),
        case("soreness 11", false, &["checkin", "--soreness", "11"], "--soreness"),
        case("an unknown command", false, &["lgo"], "lgo"),
        case("an unknown flag", false, &["history", "--limt", "3"], "--limt"),
        // 1. An export never replaces a database.
        case(
            "export json over the database",
            true,
            &["export", "--format", "json", "--out", "{db}"],
            "database in use",
        ),
        case("export csv over the database", true, &["export", "--format", "csv", "--out", "{db}"], "database in use"),
        case(
            "export over the write-ahead log",
            true,
            &["export", "--format", "json", "--out", "{db}-wal"],
            "database in use",
        ),
        // 10. --db that is not a database.
        case("--db a folder", false, &["--db", "{dir}", "history"], "is a folder"),
        with_file(
            case("--db a text file", false, &["--db", "{dir}/notes.txt", "history"], "not a SQLite file"),
            "notes.txt",
            "shopping: eggs, milk\n",
        ),
        with_file(
            case("--db a cut SQLite header", false, &["--db", "{dir}/cut.db", "history"], "damaged"),
            "cut.db",
            &b"SQLite form"[..],
        ),
        // 6. A failed command on a new --db leaves no file.
        case(
            "log nonsense into a new database",
            false,
            &["--db", "{dir}/new/deeper/b.db", "log", "band-row", "3x0"],
            "not a set notation",
        ),
        with_file(
            case("import garbage into a new database", false, &["import", "{dir}/bad.csv"], "bad.csv"),
            "bad.csv",
            "this,is\nnot,an export\n",
        ),
        // 12. Unbounded input.
        case("import /dev/zero", false, &["import", "/dev/zero"], "larger than 64 MB"),
        case("a session file from /dev/zero", false, &["log", "--file", "/dev/zero"], "larger than 1 MB"),
    ];
    // 7 and 11 on a database with a profile: a restore that the log would refuse.
    cases.push(with_file(
        case("a backbone export with a session after today", true, &["import", "{dir}/future.json"], "after today"),
        "future.json",
        future_archive(),
    ));
    cases
}

/// A backbone export whose one session is in 2099.
fn future_archive() -> String {
    let archive = backbone_core::archive::Archive {
        format: backbone_core::archive::FORMAT.to_string(),
        athlete: "Alex".into(),
        profiles: Vec::new(),
        plans: Vec::new(),
        custom_exercises: Vec::new(),
        sessions: vec![backbone_core::archive::ArchivedSession {
            logged_on: jiff::civil::date(2026, 11, 23),
            session: backbone_core::log::SessionLog {
                id: "future".into(),
                date: jiff::civil::date(2099, 1, 1),
                sets: vec![backbone_core::log::SetLog {
                    reps: Some(10),
                    ..backbone_core::log::SetLog::new("band-row")
                }],
                ..Default::default()
            },
        }],
        calendar: Vec::new(),
        served: Vec::new(),
    };
    let mut bytes = Vec::new();
    backbone_formats::archive::write(&archive, &mut bytes).expect("writes");
    String::from_utf8(bytes).expect("utf-8")
}

/// Why a run was not a clean refusal, if it was not.
fn not_clean(c: &Case, home: &Home, ran: &Ran, before: Option<&[u8]>) -> Option<String> {
    let line = ran.stderr.trim_end_matches('\n');
    let problem = if ran.stderr.contains("panicked") || ran.code == 101 {
        "a panic".to_string()
    } else if ran.code != 2 {
        format!("exit {} (expected 2)", ran.code)
    } else if line.lines().count() != 1 {
        format!("{} lines on stderr (expected 1)", line.lines().count())
    } else if line.len() > 500 {
        format!("{} bytes on stderr", line.len())
    } else if line.chars().any(|ch| ch.is_control()) {
        "a control character on stderr".into()
    } else if !line.contains(c.expect) {
        format!("no {:?} in the message", c.expect)
    } else if !c.profile && home.db.exists() {
        "a database was created".into()
    } else if !c.profile && home.dir.path().join("new").exists() {
        "a folder was created".into()
    } else if before.is_some_and(|b| std::fs::read(&home.db).ok().as_deref() != Some(b)) {
        "the database changed".into()
    } else {
        return None;
    };
    Some(format!("{}: {problem}: {line}", c.name))
}

/// Writes one test's figures for docs/RELIABILITY.md when `BACKBONE_RELIABILITY_DIR` names a folder.
pub fn figures(name: &str, text: &str) {
    if let Ok(dir) = std::env::var("BACKBONE_RELIABILITY_DIR") {
        std::fs::write(Path::new(&dir).join(format!("{name}.txt")), text).expect("writes the figures");
    }
}

/// The figures of docs/RELIABILITY.md: cases tried, refused cleanly, panics.
#[derive(Default)]
struct Figures {
    tried: usize,
    clean: usize,
    panics: usize,
}

#[test]
fn every_bad_input_is_refused_with_one_clear_line_and_nothing_written() {
    let mut figures = Figures::default();
    let mut failures = Vec::new();
    for c in cases() {
        let home = if c.profile { Home::with_profile() } else { Home::new() };
        for (name, bytes) in &c.files {
            home.file(name, bytes);
        }
        let dir = home.dir.path().to_str().expect("utf-8").to_string();
        let db = home.db.to_str().expect("utf-8").to_string();
        let args: Vec<String> = c.args.iter().map(|a| a.replace("{dir}", &dir).replace("{db}", &db)).collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        // A database with a profile must come out of a refused command as it went in.
        let before = c.profile.then(|| std::fs::read(&home.db).expect("reads"));
        let ran = home.run(&args);
        figures.tried += 1;
        figures.panics += usize::from(ran.stderr.contains("panicked") || ran.code == 101);
        match not_clean(&c, &home, &ran, before.as_deref()) {
            Some(problem) => failures.push(problem),
            None => figures.clean += 1,
        }
    }
    if let Ok(path) = std::env::var("BACKBONE_RELIABILITY_REPORT") {
        let text = format!(
            "bad inputs tried: {}\nrefused cleanly: {}\npanics: {}\n",
            figures.tried, figures.clean, figures.panics
        );
        std::fs::write(path, text).expect("writes the report");
    }
    assert!(
        failures.is_empty(),
        "{} of {} not refused cleanly:\n{}",
        failures.len(),
        figures.tried,
        failures.join("\n")
    );
}

#[test]
fn an_export_onto_the_database_leaves_it_whole() {
    let home = Home::with_profile();
    assert_eq!(home.run(&["log", "band-row", "3x12"]).code, 0);
    let db = home.db.to_str().expect("utf-8").to_string();
    for format in ["json", "csv"] {
        let ran = home.run(&["export", "--format", format, "--out", &db]);
        assert_eq!(ran.code, 2, "{}", ran.stderr);
    }
    // Another SQLite file is refused too: it is someone's database.
    let other = home.path("other.db");
    std::fs::copy(&home.db, &other).expect("copies");
    let ran = home.run(&["export", "--format", "json", "--out", &other]);
    assert!(ran.code == 2 && ran.stderr.contains("is a SQLite database"), "{}", ran.stderr);
    assert_eq!(home.sessions(), 1);
    let conn = rusqlite::Connection::open(&home.db).expect("opens");
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("checks");
    assert_eq!(check, "ok");
}

/// A Strong export whose exercise names and notes are spreadsheet formulas (OWASP CSV injection).
const FORMULAS: &str = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\
    2026-11-20 18:00:00,Pull,1h,\"=cmd|' /C calc'!A0\",1,40,10,0,0,=HYPERLINK(\"\"http://x\"\"),,\n\
    2026-11-20 18:00:00,Pull,1h,+SUM(A1:A9),1,40,10,0,0,-2+3,,\n\
    2026-11-20 18:00:00,Pull,1h,@SUM(A1),1,40,10,0,0,,,\n\
    2026-11-20 18:00:00,Pull,1h,-2+3 Row,1,40,10,0,0,,,\n";

#[test]
fn the_csv_export_never_writes_a_formula_and_reads_back_the_same() {
    let home = Home::with_profile();
    let strong = home.file("strong.csv", FORMULAS);
    assert_eq!(home.run(&["import", &strong, "--units", "kg"]).code, 0);
    let out = home.path("sets.csv");
    assert_eq!(home.run(&["export", "--format", "csv", "--out", &out]).code, 0);
    let mut reader = csv::Reader::from_path(&out).expect("reads");
    let mut rows = 0;
    for record in reader.records() {
        let record = record.expect("a row");
        rows += 1;
        for cell in record.iter() {
            let number = cell.parse::<f64>().is_ok();
            assert!(number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "a formula cell: {cell:?}");
        }
    }
    assert_eq!(rows, 4);
    // The project's own import reads its export back to the same names and notes.
    let other = Home::with_profile();
    assert_eq!(other.run(&["import", &out]).code, 0);
    let names = |h: &Home| {
        let mut out = Vec::new();
        h.run(&["export", "--format", "csv", "--out", &h.path("again.csv")]);
        let mut r = csv::Reader::from_path(h.path("again.csv")).expect("reads");
        for record in r.records() {
            let record = record.expect("a row");
            out.push((record[4].to_string(), record[20].to_string()));
        }
        out.sort();
        out
    };
    assert_eq!(names(&other), names(&home));
}

/// The interview's answers: a name, then the default of every other question.
fn answers(name: &str) -> String {
    format!("{name}\n{}", "\n".repeat(30))
}

#[test]
fn the_interview_never_overwrites_a_profile_file() {
    let home = Home::new();
    let mine = home.file("profile.toml", "# my own notes\n");
    let mut child = super::spawnable()
        .arg("--db")
        .arg(&home.db)
        .args(["--today", "2026-11-23", "init", "--ask", "--write", &mine])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    use std::io::Write;
    child.stdin.take().expect("stdin").write_all(answers("Sam").as_bytes()).expect("answers");
    let out = child.wait_with_output().expect("waits");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(&mine).expect("reads"), "# my own notes\n");
    let beside = std::fs::read_to_string(home.path("profile-2.toml")).expect("written beside");
    assert!(beside.contains("Sam"), "{beside}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("left as it is"));
}

#[test]
fn another_persons_profile_or_backup_never_takes_over_a_log() {
    let alex = Home::with_profile();
    assert_eq!(alex.run(&["log", "band-row", "3x12"]).code, 0);
    // Sam's profile into Alex's database.
    let sam = alex.file("sam.toml", profile_with("name = \"Alex\"", "name = \"Sam\""));
    let ran = alex.run(&["init", "--profile", &sam]);
    assert!(ran.code == 2 && ran.stderr.contains("--force"), "{}", ran.stderr);
    let json = alex.run(&["export", "--format", "json"]);
    assert!(json.stdout.contains("\"athlete\": \"Alex\""), "{}", &json.stdout[..200.min(json.stdout.len())]);
    // The same person with a changed profile keeps the log.
    let changed = alex.file("alex.toml", profile_with("session_minutes = 60", "session_minutes = 45"));
    assert_eq!(alex.run(&["init", "--profile", &changed]).code, 0);
    assert_eq!(alex.sessions(), 1);
    // Sam's backup into Alex's database.
    let sam_home = Home::new();
    assert_eq!(sam_home.run(&["init", "--profile", &sam]).code, 0);
    assert_eq!(sam_home.run(&["log", "face-pull", "2x15"]).code, 0);
    let backup = sam_home.path("sam.json");
    assert_eq!(sam_home.run(&["export", "--format", "json", "--out", &backup]).code, 0);
    let ran = alex.run(&["import", &backup]);
    assert!(ran.code == 2 && ran.stderr.contains("Sam") && ran.stderr.contains("Alex"), "{}", ran.stderr);
    assert_eq!(alex.sessions(), 1);
    // Both, when the person says so.
    assert_eq!(alex.run(&["import", &backup, "--force"]).code, 0);
    assert_eq!(alex.sessions(), 2);
    assert_eq!(alex.run(&["init", "--profile", &sam, "--force"]).code, 0);
}

#[test]
fn imports_keep_only_what_log_would_keep_and_history_prints_nothing_a_terminal_acts_on() {
    let home = Home::with_profile();
    let long = "y".repeat(10 * 1024 * 1024);
    let strong = format!(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\
         2099-01-01 18:00:00,Future,1h,Barbell Row,1,40,10,0,0,,,\n\
         1900-01-01 18:00:00,Past,1h,Barbell Row,1,40,10,0,0,,,\n\
         2026-11-20 18:00:00,\"\x1b]0;owned\x07Pull\",1h,\"\x1b[31mRed Row\x1b[0m\",1,40,10,0,0,\"bell\x07\",,\n\
         2026-11-20 18:00:00,Pull,1h,{long},1,40,10,0,0,,,\n"
    );
    let file = home.file("strong.csv", strong);
    let ran = home.run(&["import", &file, "--units", "kg", "--json"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let summary: serde_json::Value = serde_json::from_str(&ran.stdout).expect("json");
    assert_eq!(summary["sessions"], 1, "{summary}");
    let warnings = summary["warnings"].to_string();
    assert!(warnings.contains("after today") && warnings.contains("1970-01-01"), "{warnings}");
    assert!(warnings.contains("too long"), "{}", &warnings[..400.min(warnings.len())]);
    assert!(ran.stdout.len() < 10_000, "the long name is not echoed whole");
    for args in [&["history"][..], &["history", "--json"], &["report"]] {
        let ran = home.run(args);
        assert_eq!(ran.code, 0, "{args:?}: {}", ran.stderr);
        assert!(!ran.stdout.contains('\x1b') && !ran.stdout.contains('\x07'), "{args:?}: {:?}", ran.stdout);
    }
    assert!(home.run(&["history"]).stdout.contains("Red Row"));
}

#[test]
fn a_session_file_with_a_byte_order_mark_is_read() {
    let home = Home::with_profile();
    let file = home.file("s.json", format!("\u{feff}{}", session(r#"{"exercise": "band-row", "reps": 12}"#)));
    let ran = home.run(&["log", "--file", &file]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_eq!(home.sessions(), 1);
}

#[test]
fn a_full_disk_is_named_and_leaves_no_file() {
    let home = Home::new();
    let bin = assert_cmd::cargo::cargo_bin("backbone");
    // No file may grow past 0 blocks; SIGXFSZ ignored, so writes fail with EFBIG as on a full disk.
    let script = format!(
        "trap '' XFSZ; ulimit -f 0; exec '{}' --db '{}' --today 2026-11-23 init --profile examples/contract-example.toml",
        bin.display(),
        home.db.display()
    );
    let out = std::process::Command::new("bash").arg("-c").arg(script).current_dir(root()).output().expect("runs bash");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("disk is full") && stderr.contains("backbone.db"), "{stderr}");
    assert!(!home.db.exists(), "a 0-byte database was left behind");
}

#[test]
fn a_read_only_database_is_named() {
    let home = Home::with_profile();
    // Root may write anything; the check runs as nobody, for whom the file and its folder are read-only.
    let setpriv = Path::new("/usr/bin/setpriv");
    assert!(setpriv.exists(), "setpriv (util-linux) runs the command as another user");
    for p in [home.dir.path(), home.db.as_path()] {
        std::fs::set_permissions(p, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    }
    let bin = assert_cmd::cargo::cargo_bin("backbone");
    let out = std::process::Command::new(setpriv)
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(bin)
        .arg("--db")
        .arg(&home.db)
        .args(["--today", "2026-11-23", "log", "band-row", "3x12"])
        .current_dir(home.dir.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if nix_is_root() {
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("read-only") && stderr.contains("backbone.db"), "{stderr}");
    } else {
        // Not root: setpriv cannot change user, and says so; the store's mapping is tested in its crate.
        assert!(!out.status.success());
    }
}

fn nix_is_root() -> bool {
    std::process::Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

/// Overwrites the middle of a database file with garbage, as a failing disk would.
fn damage(db: &Path) {
    use std::io::{Seek, SeekFrom, Write};
    let len = std::fs::metadata(db).expect("exists").len();
    let mut file = std::fs::OpenOptions::new().write(true).open(db).expect("opens");
    // Past the header and the schema page, inside the tables' pages.
    file.seek(SeekFrom::Start(len / 2)).expect("seeks");
    file.write_all(&vec![0xA5; 16384]).expect("writes");
    file.sync_all().expect("syncs");
}

#[test]
fn a_damaged_database_refuses_writes_and_doctor_salvages_what_it_can() {
    let home = Home::with_profile();
    let fixture = super::import_export::fixture("strong_ios_comma__breinsp-strong-charts.csv");
    let ran = home.run(&["import", &fixture, "--units", "kg", "--today", "2026-11-23"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let before = home.sessions();
    // Checkpoint the write-ahead log into the file, so that the damage hits the tables.
    rusqlite::Connection::open(&home.db)
        .and_then(|c| c.pragma_update(None, "wal_checkpoint", "TRUNCATE"))
        .expect("checkpoints");
    damage(&home.db);
    let ran = home.run(&["log", "band-row", "3x12"]);
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert!(ran.stderr.contains("damaged") && ran.stderr.contains("backbone doctor"), "{}", ran.stderr);
    let doctor = home.run(&["doctor"]);
    assert_eq!(doctor.code, 0, "{}", doctor.stderr);
    assert!(doctor.stdout.contains("DAMAGED"), "{}", doctor.stdout);
    let rescued = home.path("rescued.json");
    let ran = home.run(&["doctor", "--salvage", &rescued, "--json"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let report: serde_json::Value = serde_json::from_str(&ran.stdout).expect("json");
    let saved = report["salvage"]["sessions"].as_u64().expect("a count") as usize;
    assert!(saved > 0 && saved <= before, "{report}");
    let fresh = Home::new();
    let ran = fresh.run(&["import", &rescued]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_eq!(fresh.sessions(), saved);
}

#[test]
fn an_import_takes_a_backup_first_and_three_are_kept() {
    let home = Home::with_profile();
    let fixture = super::import_export::fixture("strong_ios_comma__breinsp-strong-charts.csv");
    for _ in 0..5 {
        assert_eq!(home.run(&["import", &fixture, "--units", "kg"]).code, 0);
    }
    let backups: Vec<PathBuf> = std::fs::read_dir(home.dir.path().join("backups"))
        .expect("a backups folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    assert_eq!(backups.len(), 3, "{backups:?}");
    for b in &backups {
        let conn = rusqlite::Connection::open(b).expect("opens");
        let profiles: i64 = conn.query_row("SELECT COUNT(*) FROM profiles", [], |r| r.get(0)).expect("reads");
        assert_eq!(profiles, 1, "{}", b.display());
    }
}

#[test]
fn concurrent_logs_are_all_kept() {
    let home = Home::with_profile();
    let db = home.db.clone();
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let db = db.clone();
            std::thread::spawn(move || {
                let mut acknowledged = 0;
                for i in 0..10 {
                    let out = backbone()
                        .arg("--db")
                        .arg(&db)
                        .args(["--today", "2026-11-23", "log", "band-row", &format!("{}x12", 1 + (t + i) % 5)])
                        .output()
                        .expect("runs");
                    acknowledged += usize::from(out.status.success());
                }
                acknowledged
            })
        })
        .collect();
    let acknowledged: usize = handles.into_iter().map(|h| h.join().expect("joins")).sum();
    assert_eq!(acknowledged, 40);
    let kept = home.sessions();
    assert_eq!(kept, 40);
    let conn = rusqlite::Connection::open(&home.db).expect("opens");
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("checks");
    assert_eq!(check, "ok");
    figures(
        "concurrency",
        &format!(
            "concurrent logs: 40 (4 processes at a time)\nacknowledged: {acknowledged}\nkept: {kept}\nintegrity check: {check}\n"
        ),
    );
}

#[test]
fn a_command_that_only_reads_creates_no_database() {
    let home = Home::new();
    let db = home.path("new/b.db");
    for args in [&["history"][..], &["export", "--format", "json"], &["doctor"]] {
        let mut all = vec!["--db", &db];
        all.extend_from_slice(args);
        home.run(&all);
        assert!(!home.dir.path().join("new").exists(), "{args:?} made a database");
    }
    let ran = home.run(&["--db", &db, "history"]);
    assert!(ran.code == 0 && ran.stdout.contains("Nothing logged yet"), "{}", ran.stderr);
}
