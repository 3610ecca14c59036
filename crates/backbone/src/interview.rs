//! The questions `backbone init` asks on a terminal, one by one, each answer checked before the next.

use std::io::{BufRead, Write};

use backbone_core::profile::{Assessment, LeftRight, Profile, parse_date};
use backbone_core::vocab::{Equipment, Experience, Goal, Joint, PassFail, Units};
use jiff::civil::Date;

use crate::failure::bad;

/// Asks for a profile; `today` is the default start.
pub fn ask(input: &mut impl BufRead, out: &mut impl Write, today: Date) -> anyhow::Result<Profile> {
    let mut q = Questions { input, out };
    writeln!(q.out, "Let's set up your plan. Press Enter to take the [default].")?;
    let name =
        q.ask("Your name", None, |s| backbone_core::valid::check_name(s.trim()).is_ok().then(|| s.trim().to_string()))?;
    let experience = q.ask("Training experience (beginner, intermediate, advanced)", Some("beginner"), |s| {
        Experience::parse(s).ok()
    })?;
    let goal = q.ask("Goal (posture, hypertrophy, strength)", Some("posture"), |s| Goal::parse(s).ok())?;
    let days_per_week =
        q.ask("Days a week you can train (1-6)", Some("2"), |s| s.parse::<u8>().ok().filter(|d| (1..=6).contains(d)))?;
    let session_minutes = q.ask("Minutes per session (15-120)", Some("30"), |s| {
        s.parse::<u16>().ok().filter(|m| (15..=120).contains(m))
    })?;
    let words = Equipment::WORDS.join(", ");
    let equipment = q.ask(&format!("Equipment you own, comma-separated ({words}; or none)"), Some("none"), |s| {
        list(s, Equipment::parse)
    })?;
    let joints = Joint::WORDS.join(", ");
    let sensitive_joints =
        q.ask(&format!("Sensitive joints, comma-separated ({joints}; or none)"), Some("none"), |s| {
            list(s, Joint::parse)
        })?;
    let today_text = today.to_string();
    let start = q.ask("First training day (YYYY-MM-DD)", Some(&today_text), |s| {
        parse_date(s).filter(|d| backbone_core::valid::check_start(*d, today).is_ok())
    })?;
    let units = q.ask("Units (kg, lb)", Some("kg"), |s| Units::parse(s).ok())?;
    let wall_angel = q.ask(
        "Wall angel test: back, head and arms keep touching the wall through the slide? (pass, fail, skip)",
        Some("skip"),
        |s| if s == "skip" { Some(None) } else { PassFail::parse(s).ok().map(Some) },
    )?;
    let grip = q.ask("Grip strength in kg, left and right (e.g. 40 42; or skip)", Some("skip"), |s| {
        if s == "skip" {
            return Some(None);
        }
        let v: Vec<f64> = s.split([' ', ',']).filter(|p| !p.is_empty()).filter_map(|p| p.parse().ok()).collect();
        (v.len() == 2 && v.iter().all(|x| (1.0..=150.0).contains(x)))
            .then(|| Some(LeftRight { left: v[0], right: v[1] }))
    })?;
    Ok(Profile {
        name,
        experience,
        goal,
        days_per_week,
        session_minutes,
        equipment,
        sensitive_joints,
        start,
        training_days: None,
        units,
        body_weight_kg: None,
        sex: None,
        age: None,
        assessment: Assessment { wall_angel, grip_kg: grip, ..Assessment::default() },
    })
}

/// A comma-separated list of vocabulary words, or `none`.
fn list<T: Ord>(s: &str, parse: fn(&str) -> Result<T, backbone_core::vocab::UnknownWord>) -> Option<Vec<T>> {
    if s == "none" || s.is_empty() {
        return Some(Vec::new());
    }
    let mut items: Vec<T> = s.split(',').map(|w| parse(w.trim()).ok()).collect::<Option<_>>()?;
    items.sort();
    items.dedup();
    Some(items)
}

struct Questions<'a, R, W> {
    input: &'a mut R,
    out: &'a mut W,
}

impl<R: BufRead, W: Write> Questions<'_, R, W> {
    /// Asks until the answer parses; the end of input is an error.
    fn ask<T>(
        &mut self,
        question: &str,
        default: Option<&str>,
        parse: impl Fn(&str) -> Option<T>,
    ) -> anyhow::Result<T> {
        for _ in 0..5 {
            match default {
                Some(d) => write!(self.out, "{question} [{d}]: ")?,
                None => write!(self.out, "{question}: ")?,
            }
            self.out.flush()?;
            let mut line = String::new();
            if self.input.read_line(&mut line)? == 0 {
                return Err(bad(format!("init: no answer to {question:?} (end of input)")));
            }
            let answer = line.trim().to_lowercase();
            let answer = if answer.is_empty() { default.unwrap_or("").to_string() } else { answer };
            let answer = if question == "Your name" { line.trim().to_string() } else { answer };
            if let Some(v) = parse(&answer) {
                return Ok(v);
            }
            writeln!(self.out, "  {answer:?} is not an answer I understand; try again.")?;
        }
        Err(bad(format!("init: no valid answer to {question:?} after 5 tries")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_become_a_profile_and_bad_answers_are_asked_again() {
        let answers = "Sam\nbeginner\nposture\n9\n3\n30\nbands, cable\nneck\n\nkg\nfail\n40 44\n";
        let mut out = Vec::new();
        let p = ask(&mut answers.as_bytes(), &mut out, jiff::civil::date(2026, 11, 23)).unwrap();
        assert_eq!(p.name, "Sam");
        assert_eq!(p.days_per_week, 3);
        assert_eq!(p.equipment, vec![Equipment::Bands, Equipment::Cable]);
        assert_eq!(p.start, jiff::civil::date(2026, 11, 23));
        assert_eq!(p.assessment.wall_angel, Some(PassFail::Fail));
        assert!(String::from_utf8_lossy(&out).contains("try again"));
        let again = Profile::parse(&p.to_toml(), "written.toml").unwrap();
        assert_eq!(again, p);
    }

    #[test]
    fn running_out_of_answers_is_an_error() {
        let mut out = Vec::new();
        assert!(ask(&mut "Sam\n".as_bytes(), &mut out, jiff::civil::date(2026, 11, 23)).is_err());
    }
}
