//! What backbone accepts from a person or a file: one rule for a date, a name, a set and a session, used
//! by `log`, `import` and a restore alike, so that no way in lets through what another refuses.
//!
//! The store keeps its own, wider check for reading rows back (a database written by an older version
//! stays readable); these are the bounds for anything new. Each check returns what is wrong in words
//! that name the value (cut to a short excerpt) and what is allowed.

use jiff::civil::{Date, date};

use crate::log::{SessionLog, SetLog};

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

fn check_text(text: &str, max: usize, multiline: bool) -> Result<(), String> {
    let count = text.chars().count();
    if count > max {
        return Err(format!("{} is too long; expected at most {max} characters", excerpt(text)));
    }
    if text.chars().any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\t'))) {
        return Err(format!("{} holds control characters; expected plain text", excerpt(text)));
    }
    Ok(())
}

/// A set as backbone accepts it: reps or seconds (not both; or a distance), each in its range, a load
/// a person can lift, an RPE in half steps, quality 1-5, pain 0-10.
pub fn check_set(set: &SetLog) -> Result<(), String> {
    if set.exercise.trim().is_empty() {
        return Err("exercise is empty, expected an exercise id".into());
    }
    whole("reps", set.reps, 1, REPS_MAX)?;
    whole("seconds", set.seconds, 1, SECONDS_MAX)?;
    if set.reps.is_some() && set.seconds.is_some() {
        return Err("has both reps and seconds; expected one of them (a set is counted or timed)".into());
    }
    if set.reps.is_none() && set.seconds.is_none() && set.distance_m.is_none() {
        return Err("has neither reps nor seconds (nor a distance); expected one of them".into());
    }
    real("load_kg", set.load_kg, 0.0, LOAD_KG_MAX, "kg, a load a person can lift")?;
    real("rpe", set.rpe, 1.0, 10.0, "")?;
    if set.rpe.is_some_and(|r| (r * 2.0).fract() != 0.0) {
        return Err(format!("rpe is {}, expected 1 to 10 in steps of 0.5", set.rpe.unwrap_or_default()));
    }
    whole("quality", set.quality.map(u32::from), 1, 5)?;
    whole("pain", set.pain.map(u32::from), 0, 10)?;
    real("bar_speed_mps", set.bar_speed_mps, 0.0, 5.0, "m/s")?;
    real("distance_m", set.distance_m, 0.0, DISTANCE_M_MAX, "m")?;
    if let Some(note) = &set.note {
        check_note(note).map_err(|e| format!("note {e}"))?;
    }
    Ok(())
}

fn whole(field: &str, value: Option<u32>, min: u32, max: u32) -> Result<(), String> {
    match value {
        Some(v) if !(min..=max).contains(&v) => {
            Err(format!("{field} is {v}, expected a whole number from {min} to {max}"))
        }
        _ => Ok(()),
    }
}

/// A real number in range; a negative zero is a typo of a sign, refused like any negative number.
fn real(field: &str, value: Option<f64>, min: f64, max: f64, unit: &str) -> Result<(), String> {
    match value {
        Some(x) if !(x.is_finite() && !x.is_sign_negative() && min <= x && x <= max) => {
            // 1e308 written out is 309 digits; a huge number reads better as a power of ten.
            let shown = if x.abs() >= 1e6 { format!("{x:e}") } else { x.to_string() };
            let unit = if unit.is_empty() { String::new() } else { format!(" {unit}") };
            Err(format!("{field} is {shown}, expected a number from {min} to {max}{unit}"))
        }
        _ => Ok(()),
    }
}

/// A session as backbone accepts it: dated in the window and not after today, holding something (a
/// set, a check-in or a measurement), each set valid, its title and notes plain text.
pub fn check_session(session: &SessionLog, today: Date) -> Result<(), String> {
    check_date(session.date).map_err(|e| format!("date {e}"))?;
    if session.date > today {
        return Err(format!("date {} is after today ({today}); a session cannot be logged ahead", session.date));
    }
    let nothing = session.sets.is_empty() && session.checkin.is_none() && session.measurements.is_empty();
    if nothing && session.cleared.is_empty() {
        return Err("holds nothing to log; expected sets, a check-in, measurements or exercises cleared".into());
    }
    for (i, id) in session.cleared.iter().enumerate() {
        if id.is_empty()
            || id.len() > 200
            || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(format!("cleared[{i}] {:?} is not an exercise id (kebab-case)", excerpt(id)));
        }
    }
    if let Some(title) = &session.title {
        check_text(title, NAME_MAX_CHARS, false).map_err(|e| format!("title {e}"))?;
    }
    if let Some(notes) = &session.notes {
        check_note(notes).map_err(|e| format!("notes {e}"))?;
    }
    for (i, set) in session.sets.iter().enumerate() {
        check_set(set).map_err(|e| format!("set {}: {e}", i + 1))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> SetLog {
        SetLog { reps: Some(10), load_kg: Some(20.0), ..SetLog::new("band-row") }
    }

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
    fn nonsense_sets_are_refused_with_the_field() {
        let refused = |s: SetLog| check_set(&s).expect_err("refused");
        assert!(refused(SetLog { reps: Some(0), ..set() }).contains("reps is 0"));
        assert!(refused(SetLog { load_kg: Some(-0.0), ..set() }).contains("load_kg is -0"));
        assert!(refused(SetLog { load_kg: Some(1000.0), ..set() }).contains("from 0 to 700"));
        assert!(refused(SetLog { load_kg: Some(1e308), ..set() }).contains("load_kg is 1e308"));
        assert!(refused(SetLog { seconds: Some(30), ..set() }).contains("both reps and seconds"));
        assert!(refused(SetLog { rpe: Some(7.3), ..set() }).contains("steps of 0.5"));
        assert!(refused(SetLog { note: Some("\u{1b}[31mred".into()), ..set() }).contains("control"));
        assert!(check_set(&set()).is_ok());
        assert!(check_set(&SetLog { load_kg: Some(0.0), ..set() }).is_ok());
    }

    #[test]
    fn a_session_must_hold_something_and_not_be_ahead() {
        let today = date(2026, 12, 5);
        let empty = SessionLog { id: "a".into(), date: today, ..SessionLog::default() };
        assert!(check_session(&empty, today).expect_err("empty").contains("nothing to log"));
        let ahead = SessionLog { date: date(2099, 1, 1), sets: vec![set()], ..empty.clone() };
        assert!(check_session(&ahead, today).expect_err("ahead").contains("after today"));
        let fine = SessionLog { sets: vec![set()], ..empty };
        assert!(check_session(&fine, today).is_ok());
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
