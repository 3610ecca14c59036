//! Every `backbone ...` command that the README's code blocks and the `--help` examples show runs and
//! exits 0, so that what a newcomer copies works. Placeholders (me.toml, strong.csv, session.json, ...)
//! are real files in a temp folder, the command runs there against a copy of a database that holds a
//! profile and a session, and `--today` is fixed.

use std::path::{Path, PathBuf};

use super::{backbone, root};

/// The day every command treats as today: a week after the example profile's start.
const TODAY: &str = "2026-11-30";

/// The files the examples name, as the fixtures that stand for them.
const PLACEHOLDERS: &[(&str, &str)] = &[
    ("me.toml", "examples/contract-example.toml"),
    ("strong.csv", "crates/backbone-formats/tests/fixtures/import/strong_2019_quoted.csv"),
    ("hevy_workouts.csv", "crates/backbone-formats/tests/fixtures/import/hevy_kg__mouadja02-Hevy-Coach.csv"),
    ("FitNotes_Export.csv", "crates/backbone-formats/tests/fixtures/import/fitnotes_old_lbs.csv"),
];

const SESSION: &str = r#"{"date": "2026-11-30", "sets": [{"exercise": "band-row", "reps": 12, "rpe": 7}]}"#;

/// The `backbone ...` lines of the README's code blocks, comments cut.
fn readme_commands() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut in_block = false;
    let mut found = Vec::new();
    for line in readme.lines() {
        if line.starts_with("```") {
            in_block = !in_block;
        } else if in_block && line.starts_with("backbone ") {
            found.push(command_part(line));
        }
    }
    found
}

/// The example lines of `backbone --help` and of every command's `--help`.
fn help_commands() -> Vec<String> {
    let top = help(&[]);
    let mut names: Vec<String> = top
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|n| n != "help")
        .collect();
    names.dedup();
    assert!(names.len() > 15, "the commands of --help: {names:?}");
    let mut texts = vec![top];
    texts.extend(names.iter().map(|n| help(&[n])));
    texts
        .iter()
        // Examples are indented; prose that wraps onto a line starting with "backbone" is not.
        .flat_map(|t| t.lines().filter(|l| l.starts_with("  backbone ")).map(command_part).collect::<Vec<_>>())
        .collect()
}

fn help(command: &[&str]) -> String {
    let out = backbone().args(command).arg("--help").output().unwrap();
    assert!(out.status.success(), "{command:?} --help");
    String::from_utf8(out.stdout).unwrap()
}

/// A shown line without what explains it: a `# comment` or words after two spaces.
fn command_part(line: &str) -> String {
    let line = line.trim_start();
    let line = line.split(" #").next().unwrap();
    line.split("  ").next().unwrap().trim().to_string()
}

/// A temp folder with the placeholder files, the examples, and a database holding a profile and a
/// session.
struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    fn new() -> Desk {
        let desk = Desk { dir: tempfile::tempdir().unwrap() };
        for (name, fixture) in PLACEHOLDERS {
            std::fs::copy(root().join(fixture), desk.path(name)).unwrap();
        }
        std::fs::create_dir(desk.path("examples")).unwrap();
        for entry in std::fs::read_dir(root().join("examples")).unwrap() {
            let from = entry.unwrap().path();
            std::fs::copy(&from, desk.path("examples").join(from.file_name().unwrap())).unwrap();
        }
        std::fs::write(desk.path("session.json"), SESSION).unwrap();
        desk.setup(&["init", "--profile", "me.toml", "--today", "2026-11-23"]);
        desk.setup(&["log", "--file", "session.json", "--today", TODAY]);
        // A custom exercise as an import makes one, for the help's `log "T Bar Row" 3x10@40`.
        desk.setup(&["exercises", "map", "T Bar Row", "--pattern", "horizontal_pull", "--today", TODAY]);
        // What `import backbone-export.json` restores.
        desk.setup(&["export", "--format", "json", "--out", "backbone-export.json", "--today", TODAY]);
        desk
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn setup(&self, args: &[&str]) {
        let out = backbone().current_dir(self.dir.path()).arg("--db").arg(self.path("prepared.db")).args(args).output();
        let out = out.unwrap();
        assert!(out.status.success(), "setup {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }

    /// Runs one shown command as typed, with a database of its own unless it names one: `init` on an
    /// empty one (a profile of another person is refused on a stored one), the rest on a copy of the
    /// prepared one.
    fn run(&self, n: usize, shown: &str) -> Result<(), String> {
        // Split as a POSIX shell would, so quoted names ("T Bar Row") stay one argument.
        let words = shlex::split(shown).ok_or_else(|| format!("`{shown}` has an unclosed quote"))?;
        let mut args: Vec<&str> = words.iter().skip(1).map(String::as_str).collect();
        // `> FILE` sends the output to a file the test does not need.
        if let Some(at) = args.iter().position(|a| *a == ">") {
            args.truncate(at);
        }
        let mut cmd = backbone();
        cmd.current_dir(self.dir.path());
        if !args.contains(&"--db") {
            let db = self.path(&format!("db-{n}.db"));
            if args.first() != Some(&"init") {
                std::fs::copy(self.path("prepared.db"), &db).unwrap();
            }
            cmd.arg("--db").arg(db);
        }
        if !args.contains(&"--today") {
            cmd.args(["--today", TODAY]);
        }
        if args == ["init"] {
            // The interview asks on a terminal; a test is not one, so it answers through --ask, taking
            // every default after the name.
            args.push("--ask");
            cmd.write_stdin(format!("Sam{}", "\n".repeat(20)));
        }
        let out = cmd.args(&args).output().unwrap();
        if out.status.success() {
            return Ok(());
        }
        Err(format!("`{shown}` exited {:?}: {}", out.status.code(), String::from_utf8_lossy(&out.stderr).trim()))
    }
}

#[test]
fn every_command_the_readme_and_the_help_show_runs() {
    let desk = Desk::new();
    let mut shown = readme_commands();
    assert!(shown.len() > 15, "the README's commands: {shown:?}");
    shown.extend(help_commands());
    let mut failed = Vec::new();
    let mut ran = 0;
    for (n, command) in shown.iter().enumerate() {
        // `serve` runs until stopped, so it cannot exit 0 here; tests/it/serve.rs starts and stops it.
        if command.starts_with("backbone serve") {
            continue;
        }
        ran += 1;
        if let Err(e) = desk.run(n, command) {
            failed.push(e);
        }
    }
    assert!(failed.is_empty(), "{} of {ran} shown commands failed:\n{}", failed.len(), failed.join("\n"));
    assert!(Path::new(&desk.path("charts")).is_dir(), "report --charts charts/ ran in the temp folder");
}

#[test]
fn a_shown_line_loses_its_comment_and_its_explanation() {
    assert_eq!(command_part("backbone next                                 # today's session"), "backbone next");
    assert_eq!(command_part("  backbone rules P5           what [P5] means"), "backbone rules P5");
    assert_eq!(
        command_part("backbone log chest-supported-row 3x10@20 --rpe 7   # between sets"),
        "backbone log chest-supported-row 3x10@20 --rpe 7"
    );
}
