//! The questions `backbone init` asks on a terminal, one by one, each answer checked before the next.
//!
//! A refused answer is never guessed at: the person sees why, the allowed words and the nearest one
//! (`answers`), and is asked again.

mod answers;

use std::io::{BufRead, Write};

use backbone_core::profile::{Assessment, Profile};
use backbone_core::vocab::{Equipment, Experience, Goal, Joint, PassFail, Sex, Units};
use jiff::civil::Date;

use crate::failure::bad;
use answers::{Answer, optional, whole, word, words};

/// Asks for a profile; `today` is the default start and `units` the default units (the settings').
pub fn ask(input: &mut impl BufRead, out: &mut impl Write, today: Date, units: Units) -> anyhow::Result<Profile> {
    let mut q = Questions { input, out };
    writeln!(q.out, "Let's set up your plan. Press Enter to take the [default].")?;
    let name = q.ask_as_typed("Your name", |s| {
        backbone_core::valid::check_name(s).map(|()| s.to_string()).map_err(|e| format!("{s:?}: {e}"))
    })?;
    let experience = q.ask("Training experience (beginner, intermediate, advanced)", Some("beginner"), |s| {
        word(s, Experience::parse, Experience::WORDS)
    })?;
    let goal =
        q.ask("Goal (posture, hypertrophy, strength)", Some("posture"), |s| word(s, Goal::parse, Goal::WORDS))?;
    let days_per_week = q.ask("Days a week you can train (1-6)", Some("2"), |s| whole(s, 1, 6))?;
    let session_minutes = q.ask("Minutes per session (15-120)", Some("30"), |s| whole(s, 15, 120))?;
    let equipment = q.ask(
        &format!("Equipment you own, comma-separated ({}; or none)", Equipment::WORDS.join(", ")),
        Some("none"),
        |s| words(s, Equipment::parse, Equipment::WORDS),
    )?;
    let sensitive_joints = q.ask(
        &format!("Sensitive joints, comma-separated ({}; or none)", Joint::WORDS.join(", ")),
        Some("none"),
        |s| words(s, Joint::parse, Joint::WORDS),
    )?;
    let start = q.ask("First training day (YYYY-MM-DD)", Some(&today.to_string()), |s| answers::start(s, today))?;
    let units = q.ask("Units (kg, lb)", Some(units.as_str()), |s| word(s, Units::parse, Units::WORDS))?;
    let body = q.body(units)?;
    let assessment = q.assessment(units)?;
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
        body_weight_kg: body.weight_kg,
        sex: body.sex,
        age: body.age,
        assessment,
    })
}

/// What starting loads are read from (published strength standards need all three); each optional.
struct Body {
    weight_kg: Option<f64>,
    sex: Option<Sex>,
    age: Option<u32>,
}

struct Questions<'a, R, W> {
    input: &'a mut R,
    out: &'a mut W,
}

impl<R: BufRead, W: Write> Questions<'_, R, W> {
    fn body(&mut self, units: Units) -> anyhow::Result<Body> {
        writeln!(self.out, "Starting loads come from your body weight, sex and age; skip any to start without them.")?;
        let weight_kg = self.ask(&format!("Body weight in {units} (or skip)"), Some("skip"), |s| {
            optional(s, |s| answers::kilograms(s, units, 30.0, 300.0))
        })?;
        let sex = self.ask("Sex, for strength norms (male, female; or skip)", Some("skip"), |s| {
            optional(s, |s| word(s, Sex::parse, Sex::WORDS))
        })?;
        let age = self.ask("Age in years (13-100; or skip)", Some("skip"), |s| optional(s, |s| whole(s, 13, 100)))?;
        Ok(Body { weight_kg, sex, age })
    }

    fn assessment(&mut self, units: Units) -> anyhow::Result<Assessment> {
        let wall_angel = self.ask(
            "Wall angel test: back, head and arms keep touching the wall through the slide? (pass, fail, skip)",
            Some("skip"),
            |s| optional(s, |s| word(s, PassFail::parse, PassFail::WORDS)),
        )?;
        let grip_kg = self.ask(
            &format!("Grip strength in {units}, left and right (e.g. {}; or skip)", grip_example(units)),
            Some("skip"),
            |s| optional(s, |s| answers::grip(s, units)),
        )?;
        Ok(Assessment { wall_angel, grip_kg, ..Assessment::default() })
    }

    /// Asks until the answer parses, in lower case with Enter taking the default; the end of input is
    /// an error.
    fn ask<T>(
        &mut self,
        question: &str,
        default: Option<&str>,
        parse: impl Fn(&str) -> Answer<T>,
    ) -> anyhow::Result<T> {
        self.asking(question, default, |line| {
            let answer = line.trim().to_lowercase();
            parse(if answer.is_empty() { default.unwrap_or("") } else { &answer })
        })
    }

    /// Asks for an answer taken as typed (a name keeps its capitals).
    fn ask_as_typed<T>(&mut self, question: &str, parse: impl Fn(&str) -> Answer<T>) -> anyhow::Result<T> {
        self.asking(question, None, |line| parse(line.trim()))
    }

    fn asking<T>(
        &mut self,
        question: &str,
        default: Option<&str>,
        parse: impl Fn(&str) -> Answer<T>,
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
            match parse(&line) {
                Ok(v) => return Ok(v),
                Err(why) => {
                    // "did you mean ...?" ends a sentence of its own.
                    let joint = if why.ends_with('?') { " Try" } else { "; try" };
                    writeln!(self.out, "  {}{joint} again.", crate::failure::one_line(&why))?;
                }
            }
        }
        Err(bad(format!("init: no valid answer to {question:?} after 5 tries")))
    }
}

/// A typical pair of grip readings in the person's units.
fn grip_example(units: Units) -> &'static str {
    match units {
        Units::Kg => "40 42",
        Units::Lb => "88 92",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use backbone_core::profile::LeftRight;

    fn interview(answers: &str) -> (anyhow::Result<Profile>, String) {
        let mut out = Vec::new();
        let p = ask(&mut answers.as_bytes(), &mut out, jiff::civil::date(2026, 11, 23), Units::Kg);
        (p, String::from_utf8(out).unwrap())
    }

    #[test]
    fn answers_become_a_profile_and_bad_answers_are_asked_again() {
        let answers = "Sam\nbeginner\nposture\n9\n3\n30\nbands, cable\nneck\n\nkg\n80\nmale\n34\nfail\n40 44\n";
        let (p, out) = interview(answers);
        let p = p.unwrap();
        assert_eq!(p.name, "Sam");
        assert_eq!(p.days_per_week, 3);
        assert_eq!(p.equipment, vec![Equipment::Bands, Equipment::Cable]);
        assert_eq!(p.start, jiff::civil::date(2026, 11, 23));
        assert_eq!((p.body_weight_kg, p.sex, p.age), (Some(80.0), Some(Sex::Male), Some(34)));
        assert_eq!(p.assessment.wall_angel, Some(PassFail::Fail));
        assert!(out.contains("\"9\" is not a whole number from 1 to 6; try again"), "{out}");
        let again = Profile::parse(&p.to_toml(), "written.toml").unwrap();
        assert_eq!(again, p);
    }

    #[test]
    fn near_misses_are_refused_with_a_guess_and_asked_again() {
        let answers = "Sam\nintermediat\nintermediate\n\n\n\npull-up bar\npullup_bar\nlower back\nlower_back\n\
                       5/12/2026\n2026-12-05\n\n\n\n\n\n\n";
        let (p, out) = interview(answers);
        let p = p.unwrap();
        assert_eq!(p.experience, Experience::Intermediate);
        assert_eq!(p.equipment, vec![Equipment::PullupBar]);
        assert_eq!(p.sensitive_joints, vec![Joint::LowerBack]);
        assert_eq!(p.start, jiff::civil::date(2026, 12, 5));
        for said in [
            "did you mean \"intermediate\"? Try again.",
            "did you mean \"pullup_bar\"?",
            "did you mean \"lower_back\"?",
        ] {
            assert!(out.contains(said), "{said}: {out}");
        }
        assert!(out.contains("\"5/12/2026\" could mean more than one day; write it as YYYY-MM-DD"), "{out}");
    }

    #[test]
    fn weights_are_asked_in_the_persons_units_and_kept_in_kilograms() {
        let answers = "Sam\n\n\n\n\n\n\n\nlb\n180\nfemale\n40\n\n88 92\n";
        let (p, out) = interview(answers);
        let p = p.unwrap();
        assert_eq!(p.units, Units::Lb);
        assert_eq!(p.body_weight_kg, Some(81.6));
        assert_eq!(p.assessment.grip_kg, Some(LeftRight { left: 39.9, right: 41.7 }));
        assert!(out.contains("Body weight in lb") && out.contains("Grip strength in lb"), "{out}");
    }

    #[test]
    fn running_out_of_answers_is_an_error() {
        assert!(interview("Sam\n").0.is_err());
    }
}
