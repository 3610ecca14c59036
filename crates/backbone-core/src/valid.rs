//! What backbone accepts from a person or a file: one rule for a date, a name, a set and a session, used
//! by `log`, `import` and a restore alike, so that no way in lets through what another refuses.
//!
//! The store keeps its own, wider check for reading rows back (a database written by an older version
//! stays readable); these are the bounds for anything new. Each check returns what is wrong in words
//! that name the value (cut to a short excerpt) and what is allowed.

use jiff::civil::{Date, date};

/// The first and last days backbone works with: wide enough for any real training history and plan,
/// narrow enough that a typo (year 1, year 9999) cannot make it plan a hundred thousand weeks.
pub const FIRST_DAY: Date = date(1970, 1, 1);
pub const LAST_DAY: Date = date(2100, 12, 31);

/// A profile's first training day is at most this many years before today, or one year after it: a
/// program is planned from its start, so a start decades back is a mistake, not a plan.
pub const START_YEARS_BACK: i16 = 5;
pub const START_YEARS_AHEAD: i16 = 1;

/// The heaviest load a set may carry: above any lift ever recorded (a 501 kg deadlift), below the
/// typos that stretch every chart (1e3).
pub const LOAD_KG_MAX: f64 = 700.0;
/// Reps in one set, seconds in one timed set, metres in one distance set.
pub const REPS_MAX: u32 = 1000;
pub const SECONDS_MAX: u32 = 86_400;
pub const DISTANCE_M_MAX: f64 = 1_000_000.0;
/// Characters in an exercise name or a title, and in a note.
pub const NAME_MAX_CHARS: usize = 100;
pub const NOTE_MAX_CHARS: usize = 2000;

/// A date inside backbone's window.
pub fn check_date(day: Date) -> Result<(), String> {
    if (FIRST_DAY..=LAST_DAY).contains(&day) {
        Ok(())
    } else {
        Err(format!("{day} is outside the dates backbone works with; expected a date from {FIRST_DAY} to {LAST_DAY}"))
    }
}

/// A profile's start: inside the window, and within a few years of today.
pub fn check_start(start: Date, today: Date) -> Result<(), String> {
    check_date(start)?;
    let earliest = today.saturating_sub(jiff::Span::new().years(START_YEARS_BACK));
    let latest = today.saturating_add(jiff::Span::new().years(START_YEARS_AHEAD));
    if start < earliest || start > latest {
        return Err(format!(
            "{start} is too far from today ({today}); expected a first training day from {earliest} to {latest} \
             (log older training with `backbone import`; it is kept whatever the start)"
        ));
    }
    Ok(())
}

/// A short excerpt of a value for a message: control characters escaped, at most `EXCERPT` characters.
pub fn excerpt(text: &str) -> String {
    const EXCERPT: usize = 40;
    let count = text.chars().count();
    let shown: String = text.chars().take(EXCERPT).flat_map(char::escape_debug).collect();
    if count > EXCERPT { format!("\"{shown}\"... ({count} characters)") } else { format!("\"{shown}\"") }
}

/// Text from another app's file with what a terminal would act on removed: escape sequences (`ESC [
/// ... m` recolours, `ESC ] ... BEL` retitles) go whole, other control characters become a space, except
/// line breaks and tabs where `multiline` (notes).
pub fn clean_text(text: &str, multiline: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\n' | '\t' if multiline => out.push(c),
            '\r' if multiline => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Skips the rest of an escape sequence: CSI (`[` ... a final letter), OSC (`]` ... BEL or `ESC \`), or
/// one character.
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => {
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        }
        Some(']') => {
            while let Some(c) = chars.next() {
                if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                    break;
                }
            }
        }
        _ => {}
    }
}

/// At most `max` characters of `text`, with an ellipsis when it was cut.
pub fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max.saturating_sub(1)) {
        Some((at, _)) if text[at..].chars().count() > 1 => format!("{}…", &text[..at]),
        _ => text.to_string(),
    }
}

/// A name (an exercise, a title): not empty, no control characters, not too long.
pub fn check_name(name: &str) -> Result<(), String> {
    check_text(name, NAME_MAX_CHARS, false)?;
    if name.trim().is_empty() {
        return Err("is empty, expected a name".into());
    }
    Ok(())
}

/// A note: no control characters but line breaks and tabs, not too long.
pub fn check_note(note: &str) -> Result<(), String> {
    check_text(note, NOTE_MAX_CHARS, true)
}

pub(crate) fn check_text(text: &str, max: usize, multiline: bool) -> Result<(), String> {
    let count = text.chars().count();
    if count > max {
        return Err(format!("{} is too long; expected at most {max} characters", excerpt(text)));
    }
    if text.chars().any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\t'))) {
        return Err(format!("{} holds control characters; expected plain text", excerpt(text)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_outside_1970_to_2100_are_refused() {
        assert!(check_date(date(1, 1, 1)).is_err());
        assert!(check_date(date(1900, 6, 1)).is_err());
        assert!(check_date(date(9999, 12, 31)).is_err());
        assert!(check_date(date(1970, 1, 1)).is_ok() && check_date(date(2100, 12, 31)).is_ok());
    }

    #[test]
    fn a_start_is_within_five_years_before_and_one_after_today() {
        let today = date(2026, 12, 5);
        assert!(check_start(date(2021, 12, 5), today).is_ok());
        assert!(check_start(date(2021, 12, 4), today).is_err());
        assert!(check_start(date(2027, 12, 5), today).is_ok());
        assert!(check_start(date(2027, 12, 6), today).is_err());
        assert!(check_start(date(1, 1, 1), today).expect_err("year 1").contains("1970-01-01"));
    }

    #[test]
    fn names_are_short_plain_text_and_cleaning_removes_what_a_terminal_acts_on() {
        assert!(check_name(&"x".repeat(101)).expect_err("long").contains("101 characters"));
        assert!(check_name("Row\u{7}").is_err());
        assert!(check_name("  ").is_err());
        assert_eq!(clean_text("\u{1b}[31mRed\u{1b}[0m Row", false), "Red Row");
        assert_eq!(clean_text("\u{1b}]0;owned\u{7}Row", false), "Row");
        assert_eq!(clean_text("a\nb\tc\u{0}", true), "a\nb\tc ");
        assert_eq!(clean_text("a\nb", false), "a b");
    }

    #[test]
    fn clipping_keeps_short_text_and_cuts_long_text_to_its_maximum() {
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(clip("abcd", 3), "ab…");
        assert_eq!(clip("ééééé", 4).chars().count(), 4);
    }

    #[test]
    fn an_excerpt_is_short_and_escaped() {
        let long = excerpt(&"y".repeat(1_000_000));
        assert!(long.len() < 80 && long.contains("1000000 characters"), "{long}");
        assert_eq!(excerpt("a\u{1b}b"), "\"a\\u{1b}b\"");
    }
}
