//! Shell completions and the manual page come from the same definition as `--help`; snapshots show
//! what changes when a command or a flag does.

use super::run;

#[test]
fn completions_know_every_command() {
    let (code, out, err) = run(&["completions", "bash"]);
    assert_eq!(code, 0, "{err}");
    for command in ["init", "plan", "next", "log", "serve", "doctor", "completions"] {
        assert!(out.contains(command), "bash completion misses {command}");
    }
    insta::assert_snapshot!("completions-bash", out);
    let (code, _, err) = run(&["completions", "tcsh"]);
    assert_eq!(code, 2);
    assert!(err.contains("bash") && err.lines().count() == 1, "{err}");
}

#[test]
fn the_manual_page_is_roff_with_every_command() {
    let (code, out, err) = run(&["man"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with(".ie") || out.contains(".TH backbone"), "{}", &out[..200.min(out.len())]);
    for command in ["init", "serve", "doctor"] {
        assert!(out.contains(command), "the manual misses {command}");
    }
    insta::assert_snapshot!("man", out);
}

#[test]
fn backbone_alone_points_a_newcomer_at_init_then_shows_the_help() {
    let (code, out, err) = run(&[]);
    assert_eq!(code, 2, "a command is required (clap's usage error)");
    assert!(out.is_empty(), "{out}");
    assert!(err.starts_with("New here? Start with `backbone init`"), "{err}");
    assert!(err.contains("Usage: backbone") && err.contains("Commands:"), "{err}");
}

#[test]
fn every_help_text_matches_its_snapshot() {
    let (code, top, err) = run(&["--help"]);
    assert_eq!(code, 0, "{err}");
    // The commands as the top-level help lists them, each with its own help after it.
    let commands: Vec<String> = top
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        // A description that wraps goes on under its command, indented further.
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|c| c != "help")
        .collect();
    assert!(commands.len() >= 15, "{commands:?}");
    let mut all = format!("$ backbone --help\n{top}");
    for command in &commands {
        let (code, help, err) = run(&[command, "--help"]);
        assert_eq!(code, 0, "{command}: {err}");
        all.push_str(&format!("\n$ backbone {command} --help\n{help}"));
    }
    let (code, map, err) = run(&["exercises", "map", "--help"]);
    assert_eq!(code, 0, "{err}");
    all.push_str(&format!("\n$ backbone exercises map --help\n{map}"));
    insta::assert_snapshot!("help", all);
}
