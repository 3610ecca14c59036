//! What backbone accepts as a set and a session, one rule for `log`, `import` and a restore: a set
//! with reps (1+) or seconds but not both, values in their ranges, a session dated in the window and
//! not after today that holds something. The text and date rules are `valid`'s.

use jiff::civil::Date;

use super::{SessionLog, SetLog};
use crate::valid::{
    DISTANCE_M_MAX, LOAD_KG_MAX, NAME_MAX_CHARS, REPS_MAX, SECONDS_MAX, check_date, check_note, check_text, excerpt,
};

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
    use jiff::civil::date;

    fn set() -> SetLog {
        SetLog { reps: Some(10), load_kg: Some(20.0), ..SetLog::new("band-row") }
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
}
