//! Standard output through one buffered, locked writer per command: a 52-week plan is thousands of
//! small writes, which unbuffered cost a system call each.

use std::io::{BufWriter, Write};

/// Runs `print` with standard output buffered and locked, then flushes, so that an error writing
/// (a full disk behind a redirection) is reported rather than lost when the buffer is dropped.
pub fn stdout(print: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>) -> anyhow::Result<()> {
    let mut out = BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    print(&mut out)?;
    out.flush()?;
    Ok(())
}

/// Standard output buffered and locked, for a command that prints as it goes; it must `flush` at the
/// end (dropping the buffer would flush too, but swallow the error).
pub fn buffered() -> BufWriter<std::io::StdoutLock<'static>> {
    BufWriter::with_capacity(64 * 1024, std::io::stdout().lock())
}

/// The columns text for people is laid out in: `COLUMNS` when set (as shells and `watch` set it), else
/// the terminal's width, else 80 (a pipe or a file); kept between 40 and 160 so a tiny or huge window
/// still gets a readable layout.
pub fn width() -> usize {
    let from_env = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<usize>().ok());
    let from_terminal = || terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| usize::from(w.0));
    from_env.or_else(from_terminal).unwrap_or(80).clamp(40, 160)
}

/// `--color`: when output may carry colour (ANSI escape sequences).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorWhen {
    /// Colour on a terminal, unless NO_COLOR is set.
    #[default]
    Auto,
    /// Colour even into a pipe or a file.
    Always,
    /// No colour.
    Never,
}

/// The one decision about colour, made once at start (clap's help and errors are the only coloured
/// output today; anything that colours later asks here): `never` and `always` as said; `auto` only
/// when standard output is a terminal and NO_COLOR is unset or empty (https://no-color.org).
pub fn decide_colour(when: ColorWhen) -> bool {
    use std::io::IsTerminal;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    colour(when, no_color, std::io::stdout().is_terminal())
}

fn colour(when: ColorWhen, no_color: bool, terminal: bool) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => terminal && !no_color,
    }
}

/// `--color` as typed on a command line, read before clap parses it so that clap's own help and errors
/// follow it too; an unknown value is left for clap to refuse.
pub fn colour_flag(args: impl IntoIterator<Item = std::ffi::OsString>) -> ColorWhen {
    use clap::ValueEnum;
    let mut when = ColorWhen::Auto;
    let mut args = args.into_iter().map(|a| a.to_string_lossy().into_owned());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--color") {
            Some("") => args.next(),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(w) = value.and_then(|v| ColorWhen::from_str(&v, false).ok()) {
            when = w;
        }
    }
    when
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_colours_a_terminal_only_without_no_color() {
        assert!(colour(ColorWhen::Auto, false, true));
        assert!(!colour(ColorWhen::Auto, true, true), "NO_COLOR wins over a terminal");
        assert!(!colour(ColorWhen::Auto, false, false), "a pipe or a file gets no colour");
        assert!(colour(ColorWhen::Always, true, false), "--color always wins over NO_COLOR");
        assert!(!colour(ColorWhen::Never, false, true));
    }

    #[test]
    fn the_color_flag_is_found_in_either_spelling_and_the_last_one_wins() {
        let args = |a: &[&str]| colour_flag(a.iter().map(std::ffi::OsString::from));
        assert_eq!(args(&["backbone", "--color", "never", "plan"]), ColorWhen::Never);
        assert_eq!(args(&["backbone", "plan", "--color=always"]), ColorWhen::Always);
        assert_eq!(args(&["backbone", "--color=never", "--color", "always"]), ColorWhen::Always);
        assert_eq!(args(&["backbone", "--color", "purple"]), ColorWhen::Auto);
        assert_eq!(args(&["backbone", "log", "--", "--color=never"]), ColorWhen::Auto);
    }
}
