//! Exit codes: 2 for bad input (a file, a flag, a value), 1 for anything else (CONTRACT "Exit codes").

use std::fmt;

/// An error caused by what the user gave us; the message names the file or field, the value and what
/// was expected.
#[derive(Debug)]
pub struct BadInput(pub String);

impl fmt::Display for BadInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

/// Shorthand for returning a bad-input error.
pub fn bad(message: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(BadInput(message.into()))
}

/// 2 when any error in the chain is the user's input, else 1.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    let input = err.chain().any(|e| {
        e.is::<BadInput>()
            || e.is::<backbone_core::profile::ProfileError>()
            || e.is::<backbone_core::engine::PlanError>()
            // A set the log cannot keep comes from the user's file (an import); a --db that is not a
            // database, is damaged or read-only is the user's file too.
            || e.downcast_ref::<backbone_store::StoreError>().is_some_and(backbone_store::StoreError::is_bad_input)
    });
    if input { 2 } else { 1 }
}

/// Writing to a closed pipe (`backbone plan | head`) is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        let io = e.downcast_ref::<std::io::Error>().map(|io| io.kind());
        let json = e.downcast_ref::<serde_json::Error>().and_then(|j| j.io_error_kind());
        io.or(json) == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// A usage error from clap as one line naming the flag, the value and what is allowed (exit 2); help
/// and version print as clap prints them (exit 0).
pub fn usage(err: &clap::Error) -> std::process::ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    use std::io::Write;
    if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        // Only `backbone` itself requires a command: most often a newcomer who typed just the name.
        let _ = writeln!(std::io::stderr().lock(), "{NEWCOMER}\n");
        let _ = err.print();
        return std::process::ExitCode::from(2);
    }
    if matches!(err.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = err.print();
        return std::process::ExitCode::SUCCESS;
    }
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let message = match (err.kind(), arg, value) {
        (ErrorKind::InvalidValue, Some(arg), Some(value)) => {
            let allowed = text(ContextKind::ValidValue).map_or_else(String::new, |v| format!("; expected one of: {v}"));
            format!("{arg}: {} is not allowed{allowed}", crate::failure::quoted(&value))
        }
        (ErrorKind::ValueValidation, Some(arg), Some(value)) => {
            // clap's own source is the parser's message, which says what is expected.
            let why = std::error::Error::source(err).map_or_else(String::new, |s| {
                // The standard library's words for a number that is not one.
                let s = s.to_string();
                let s = match s.as_str() {
                    "invalid digit found in string" | "cannot parse integer from empty string" => {
                        "expected a whole number".to_string()
                    }
                    "invalid float literal" => "expected a number".to_string(),
                    _ => s,
                };
                format!(": {s}")
            });
            format!("{arg}: {} is not allowed{why}", crate::failure::quoted(&value))
        }
        _ => first_line(&err.render().to_string()),
    };
    let hint = "see `backbone --help` or `backbone COMMAND --help`";
    let _ = writeln!(std::io::stderr().lock(), "backbone: {}; {hint}", one_line(&message));
    std::process::ExitCode::from(2)
}

/// What `backbone` without a command says before its help.
const NEWCOMER: &str = "New here? Start with `backbone init`: it asks a few questions and stores your profile and \
                        plan.\nThen `backbone next` shows your next session; `backbone serve` opens the same in a \
                        browser.";

/// clap's rendered error without its `error: ` prefix, first line only.
fn first_line(rendered: &str) -> String {
    let line = rendered.lines().find(|l| !l.trim().is_empty()).unwrap_or("invalid arguments");
    line.trim_start_matches("error: ").to_string()
}

/// A value from the command line as a short excerpt in quotes.
pub fn quoted(value: &str) -> String {
    backbone_core::valid::excerpt(value)
}

/// An error message made safe and short for a terminal: control characters (an escape sequence from a
/// file) escaped, line breaks kept only between the lines of a message that has several, and any long
/// run of characters without a space (a megabyte name, a 309-digit number) cut to an excerpt.
pub fn one_line(message: &str) -> String {
    const LONGEST_WORD: usize = 80;
    let mut out = String::with_capacity(message.len().min(4096));
    for (i, line) in message.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for (j, word) in line.split(' ').enumerate() {
            if j > 0 {
                out.push(' ');
            }
            let count = word.chars().count();
            for c in word.chars().take(LONGEST_WORD) {
                if c.is_control() {
                    out.extend(c.escape_default());
                } else {
                    out.push(c);
                }
            }
            if count > LONGEST_WORD {
                out.push_str(&format!("...({count} characters)"));
            }
        }
        if out.len() > 4000 {
            out.push_str(" ...");
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_with_a_megabyte_word_or_an_escape_sequence_stays_short_and_inert() {
        let long = format!("name {:?} is too long", "x".repeat(1_000_000));
        let line = one_line(&long);
        assert!(line.len() < 200, "{}", line.len());
        assert!(line.contains("characters)"));
        let escaped = one_line("bad \u{1b}[31mred\u{7}");
        assert!(!escaped.contains('\u{1b}') && !escaped.contains('\u{7}'), "{escaped:?}");
        assert!(escaped.contains("\\u{1b}"), "{escaped}");
    }
}
