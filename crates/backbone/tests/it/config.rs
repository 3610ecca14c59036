//! The settings: the config file in the XDG config folder, BACKBONE_* variables and flags, in that
//! order; `backbone config` shows each with its source; `--color` and NO_COLOR.

use std::path::{Path, PathBuf};

use super::backbone;

/// A home of its own: a config folder and a data folder in a temp dir.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new(config: Option<&str>) -> Home {
        let home = Home { dir: tempfile::tempdir().unwrap() };
        if let Some(text) = config {
            std::fs::create_dir_all(home.config_file().parent().unwrap()).unwrap();
            std::fs::write(home.config_file(), text).unwrap();
        }
        home
    }

    fn config_file(&self) -> PathBuf {
        self.dir.path().join("config/backbone/config.toml")
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn run(&self, env: &[(&str, &str)], args: &[&str]) -> (i32, String, String) {
        let mut cmd = backbone();
        cmd.env("XDG_CONFIG_HOME", self.dir.path().join("config")).env("XDG_DATA_HOME", self.data());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.args(args).output().unwrap();
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
    }

    fn settings(&self, env: &[(&str, &str)], args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.extend(["config", "--json"]);
        let (code, out, err) = self.run(env, &all);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).unwrap()
    }
}

fn weeks_of_plan(home: &Home, env: &[(&str, &str)], args: &[&str]) -> usize {
    let mut all = vec!["plan", "--profile", "examples/contract-example.toml", "--json"];
    all.extend(args);
    let (code, out, err) = home.run(env, &all);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str::<serde_json::Value>(&out).unwrap()["weeks"].as_array().unwrap().len()
}

#[test]
fn defaults_then_the_file_then_variables_then_flags_each_shown_with_its_source() {
    let bare = Home::new(None);
    let s = bare.settings(&[], &[]);
    assert_eq!((s["weeks"]["value"].as_u64(), s["weeks"]["source"].as_str()), (Some(12), Some("default")));
    assert_eq!(s["units"]["value"], "kg");
    assert_eq!(s["config_file"]["exists"], false);
    assert!(s["db"]["value"].as_str().unwrap().starts_with(bare.data().to_str().unwrap()), "{s}");

    let home = Home::new(Some("# mine\nunits = \"lb\"\nweeks = 26\ndb = \"log/b.db\"\n"));
    let file = home.config_file().display().to_string();
    let s = home.settings(&[], &[]);
    assert_eq!(s["units"], serde_json::json!({"value": "lb", "source": "file", "origin": format!("{file}:2")}));
    assert_eq!(s["weeks"]["origin"], format!("{file}:3"));
    assert_eq!(s["db"]["value"], home.dir.path().join("config/backbone/log/b.db").display().to_string());

    let env = [("BACKBONE_WEEKS", "8"), ("BACKBONE_UNITS", "kg"), ("BACKBONE_DB", "/tmp/env.db")];
    let s = home.settings(&env, &[]);
    assert_eq!((s["weeks"]["value"].as_u64(), s["weeks"]["origin"].as_str()), (Some(8), Some("BACKBONE_WEEKS")));
    assert_eq!((s["units"]["value"].as_str(), s["db"]["source"].as_str()), (Some("kg"), Some("env")));
    let s = home.settings(&env, &["--db", "/tmp/flag.db"]);
    assert_eq!(s["db"], serde_json::json!({"value": "/tmp/flag.db", "source": "flag", "origin": "--db"}));

    let (code, text, _) = home.run(&[], &["config"]);
    assert_eq!(code, 0);
    assert!(text.contains(&format!("weeks        26  (file {file}:3)")), "{text}");
}

#[test]
fn the_weeks_setting_is_the_default_of_plan_and_a_typed_flag_still_wins() {
    let home = Home::new(Some("weeks = 3\n"));
    assert_eq!(weeks_of_plan(&home, &[], &[]), 3);
    assert_eq!(weeks_of_plan(&home, &[("BACKBONE_WEEKS", "5")], &[]), 5);
    assert_eq!(weeks_of_plan(&home, &[("BACKBONE_WEEKS", "5")], &["--weeks", "2"]), 2);
    assert_eq!(weeks_of_plan(&Home::new(None), &[], &[]), 12, "CONTRACT's default without a config file");
}

#[test]
fn a_bad_config_file_or_variable_is_one_line_naming_the_file_line_key_value_and_what_is_expected() {
    let home = Home::new(Some("units = \"kg\"\nweeks = 400\n"));
    let (code, out, err) = home.run(&[], &["history"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    let file = home.config_file().display().to_string();
    assert_eq!(
        err.trim_end(),
        format!("backbone: {file}:2: key `weeks`: 400 is not allowed; expected a whole number from 1 to 52")
    );
    let home = Home::new(Some("unit = \"lb\"\n"));
    let (code, _, err) = home.run(&[], &["config"]);
    assert_eq!(code, 2);
    assert!(err.contains(":1: unknown key `unit`") && err.contains("did you mean \"units\"?"), "{err}");
    let (code, _, err) = Home::new(None).run(&[("BACKBONE_UNITS", "stone")], &["config"]);
    assert_eq!(code, 2);
    assert!(err.contains("BACKBONE_UNITS: \"stone\" is not allowed; expected \"kg\" or \"lb\""), "{err}");
}

#[test]
fn read_only_commands_create_no_database_nor_its_folder() {
    let home = Home::new(None);
    let read_only: [&[&str]; 8] = [
        &["config"],
        &["history"],
        &["export", "--format", "json"],
        &["doctor"],
        &["report"],
        &["next"],
        &["plan"],
        &["undo"],
    ];
    for args in read_only {
        let (code, _, err) = home.run(&[], args);
        // doctor finds no database to check (1); report and next want a profile first (2).
        assert!((0..=2).contains(&code) && !err.contains("panicked"), "{args:?}: {err}");
        assert!(!home.data().exists(), "{args:?} left {}", home.data().display());
    }
    let nested = home.dir.path().join("a/b/c.db");
    let (code, _, _) = home.run(&[], &["--db", nested.to_str().unwrap(), "history"]);
    assert_eq!(code, 0);
    assert!(!Path::new(&home.dir.path().join("a")).exists());
}

#[test]
fn colour_only_when_asked_or_on_a_terminal_without_no_color() {
    let home = Home::new(None);
    let (code, out, _) = home.run(&[], &["--color", "always", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("\u{1b}["), "always colours the help even into a pipe");
    let (_, out, _) = home.run(&[], &["--help"]);
    assert!(!out.contains("\u{1b}["), "auto: a pipe is not a terminal");
    let (_, out, _) = home.run(&[("NO_COLOR", "1")], &["--color=never", "rules", "--help"]);
    assert!(!out.contains("\u{1b}["));
    let (code, _, err) = home.run(&[], &["--color", "purple", "rules"]);
    assert_eq!(code, 2);
    assert!(err.contains("--color") && err.contains("auto, always, never"), "{err}");
}
