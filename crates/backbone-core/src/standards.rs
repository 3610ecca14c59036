//! Starting estimates of the one-rep max from published strength standards (METHOD P5, X2), read from
//! `data/strength_standards.toml`: a ratio of body weight per level for a few reference lifts, a share
//! for women, and the McCulloch coefficients for ages from 40. Each number's source is named in the file.
//! Only a profile with body weight, sex and age gets an estimate; every other exercise starts without a
//! load and the first logged set calibrates it.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::vocab::{Experience, Sex};

/// A starting estimate and where its numbers come from.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    /// The one-rep max, kg, of the load the exercise is prescribed with.
    pub kg: f64,
    /// The reference lift whose standard it is, and that standard's source, as the data file names them.
    pub lift: &'static str,
    pub source: &'static str,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Standards {
    sources: std::collections::BTreeMap<String, String>,
    women_share: f64,
    age: Vec<AgeRow>,
    lift: Vec<Lift>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AgeRow {
    age: u32,
    coefficient: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Lift {
    name: String,
    source: String,
    beginner: f64,
    intermediate: f64,
    advanced: f64,
    exercises: Vec<String>,
}

fn standards() -> &'static Standards {
    static STANDARDS: OnceLock<Standards> = OnceLock::new();
    STANDARDS.get_or_init(|| {
        toml::from_str(include_str!("../data/strength_standards.toml"))
            .expect("data/strength_standards.toml is valid (checked by the tests)")
    })
}

/// The starting estimate of `exercise`'s one-rep max for a person, or `None` when no standard covers it.
pub fn start_e1rm(exercise: &str, body_kg: f64, sex: Sex, age: u32, level: Experience) -> Option<Estimate> {
    let s = standards();
    let lift = s.lift.iter().find(|l| l.exercises.iter().any(|e| e == exercise))?;
    let ratio = match level {
        Experience::Beginner => lift.beginner,
        Experience::Intermediate => lift.intermediate,
        Experience::Advanced => lift.advanced,
    };
    let share = match sex {
        Sex::Male => 1.0,
        Sex::Female => s.women_share,
    };
    let source = s.sources.get(&lift.source).map(String::as_str)?;
    Some(Estimate { kg: body_kg * ratio * share / age_coefficient(&s.age, age), lift: &lift.name, source })
}

/// The McCulloch coefficient for an age: 1 under the first row, linear between rows, and the last
/// step's slope past the last row.
fn age_coefficient(rows: &[AgeRow], age: u32) -> f64 {
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else { return 1.0 };
    if age <= first.age {
        return 1.0;
    }
    let at = |a: &AgeRow, b: &AgeRow, age: u32| {
        let t = f64::from(age - a.age) / f64::from(b.age - a.age);
        a.coefficient + t * (b.coefficient - a.coefficient)
    };
    match rows.windows(2).find(|w| age <= w[1].age) {
        Some(w) => at(&w[0], &w[1], age),
        None => {
            let before = &rows[rows.len().saturating_sub(2)];
            if before.age == last.age {
                return last.coefficient;
            }
            at(before, last, age)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn the_data_parses_names_real_exercises_and_sources() {
        let s = standards();
        for lift in &s.lift {
            assert!(s.sources.contains_key(&lift.source), "{}: unknown source {}", lift.name, lift.source);
            assert!(lift.beginner < lift.intermediate && lift.intermediate < lift.advanced, "{}", lift.name);
            for id in &lift.exercises {
                let ex = Catalog::builtin().get(id).unwrap_or_else(|| panic!("{id} is not in the catalog"));
                assert!(ex.load.is_some(), "{id} takes a load");
            }
        }
        assert!(s.age.windows(2).all(|w| w[0].age < w[1].age && w[0].coefficient < w[1].coefficient));
    }

    /// A 93 kg intermediate man of 30: a barbell row max of 1.0 x body weight (Strength Level's
    /// intermediate), so 3x8 at RPE 7 is about 65 kg, not the 47.5 kg of a guess.
    #[test]
    fn an_intermediate_man_gets_the_published_intermediate_standard() {
        let e = start_e1rm("barbell-row", 93.0, Sex::Male, 30, Experience::Intermediate).expect("a standard");
        assert!((e.kg - 93.0).abs() < 1e-9, "{e:?}");
        assert!(e.source.contains("arvo.guru"));
    }

    #[test]
    fn women_older_people_and_beginners_start_lower() {
        let man = |sex, age, level| start_e1rm("deadlift", 80.0, sex, age, level).expect("a standard").kg;
        let base = man(Sex::Male, 30, Experience::Intermediate);
        assert!((man(Sex::Female, 30, Experience::Intermediate) - base * 0.65).abs() < 1e-9);
        assert!((man(Sex::Male, 50, Experience::Intermediate) - base / 1.13).abs() < 1e-9);
        assert!(man(Sex::Male, 60, Experience::Intermediate) < man(Sex::Male, 50, Experience::Intermediate));
        assert!(man(Sex::Male, 75, Experience::Intermediate) < man(Sex::Male, 60, Experience::Intermediate));
        assert!(man(Sex::Male, 30, Experience::Beginner) < base);
        assert!(man(Sex::Male, 30, Experience::Advanced) > base);
        assert_eq!(man(Sex::Male, 39, Experience::Intermediate), base, "no adjustment before 40");
    }

    #[test]
    fn an_exercise_no_standard_covers_has_no_estimate() {
        assert_eq!(start_e1rm("cable-face-pull", 80.0, Sex::Male, 30, Experience::Intermediate), None);
    }
}
