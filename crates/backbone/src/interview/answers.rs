//! One typed answer per kind of question, each refused with the reason and what is allowed, so that
//! the interview can say why and ask again: a near-miss word gets "did you mean", an ambiguous date
//! the ISO form.

use backbone_core::load::lb_to_kg;
use backbone_core::profile::{LeftRight, parse_date};
use backbone_core::vocab::{Units, UnknownWord, did_you_mean};
use jiff::civil::Date;

/// A parsed answer, or why it was refused (one line, shown before the question is asked again).
pub type Answer<T> = Result<T, String>;

/// One word of a closed vocabulary; a near-miss is refused with the word it was probably meant to be,
/// never taken for it (the person confirms by typing it).
pub fn word<T>(s: &str, parse: fn(&str) -> Result<T, UnknownWord>, words: &[&'static str]) -> Answer<T> {
    parse(s).map_err(|_| format!("{s:?} is not one of: {}{}", words.join(", "), did_you_mean(s, words)))
}

/// A comma-separated list of words, or `none`; sorted and without repeats, as the profile keeps it.
pub fn words<T: Ord>(s: &str, parse: fn(&str) -> Result<T, UnknownWord>, allowed: &[&'static str]) -> Answer<Vec<T>> {
    if s == "none" || s.is_empty() {
        return Ok(Vec::new());
    }
    let mut items = s.split(',').map(|w| word(w.trim(), parse, allowed)).collect::<Answer<Vec<T>>>()?;
    items.sort();
    items.dedup();
    Ok(items)
}

/// A whole number within `min..=max`.
pub fn whole<T: TryFrom<u32>>(s: &str, min: u32, max: u32) -> Answer<T> {
    s.parse::<u32>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .and_then(|n| T::try_from(n).ok())
        .ok_or_else(|| format!("{s:?} is not a whole number from {min} to {max}"))
}

/// `skip` (or Enter where skip is the default) for an optional answer.
pub fn optional<T>(s: &str, parse: impl Fn(&str) -> Answer<T>) -> Answer<Option<T>> {
    if s == "skip" { Ok(None) } else { parse(s).map(Some) }
}

/// The first training day: ISO 8601 only, since `5/12/2026` is 5 December in most of the world and
/// 12 May in the US, and a plan that starts on the wrong one is worse than a second question.
pub fn start(s: &str, today: Date) -> Answer<Date> {
    let Some(date) = parse_date(s) else {
        let example = today.to_string();
        return Err(if s.contains(['/', '.']) {
            format!("{s:?} could mean more than one day; write it as YYYY-MM-DD, such as {example}")
        } else {
            format!("{s:?} is not a date; expected YYYY-MM-DD, such as {example}")
        });
    };
    backbone_core::valid::check_start(date, today)?;
    Ok(date)
}

/// A weight in the person's units, as kilograms (the profile keeps kilograms), within `min_kg..=max_kg`.
pub fn kilograms(s: &str, units: Units, min_kg: f64, max_kg: f64) -> Answer<f64> {
    let expected = || {
        let (min, max) = match units {
            Units::Kg => (min_kg, max_kg),
            Units::Lb => (backbone_core::load::kg_to_lb(min_kg).ceil(), backbone_core::load::kg_to_lb(max_kg).floor()),
        };
        format!("{s:?} is not a weight; expected a number of {units} from {min} to {max}")
    };
    let n: f64 = s.trim_end_matches(units.as_str()).trim().parse().map_err(|_| expected())?;
    let kg = match units {
        Units::Kg => n,
        Units::Lb => lb_to_kg(n),
    };
    // A tenth of a kilogram is finer than any scale or dynamometer reads.
    let kg = (kg * 10.0).round() / 10.0;
    if kg.is_finite() && (min_kg..=max_kg).contains(&kg) { Ok(kg) } else { Err(expected()) }
}

/// Grip strength, left and right, in the person's units (a dynamometer shows either).
pub fn grip(s: &str, units: Units) -> Answer<LeftRight> {
    let sides: Vec<&str> = s.split([' ', ',']).filter(|p| !p.is_empty()).collect();
    let [left, right] = sides[..] else {
        return Err(format!("{s:?} is not two numbers; expected left and right in {units}, such as 40 42"));
    };
    Ok(LeftRight { left: kilograms(left, units, 1.0, 150.0)?, right: kilograms(right, units, 1.0, 150.0)? })
}

#[cfg(test)]
mod tests {
    use super::*;
    use backbone_core::vocab::{Equipment, Experience, Joint};

    #[test]
    fn a_near_miss_word_is_refused_with_the_allowed_words_and_a_guess() {
        let err = word("intermediat", Experience::parse, Experience::WORDS).unwrap_err();
        assert!(err.contains("beginner, intermediate, advanced"), "{err}");
        assert!(err.ends_with("did you mean \"intermediate\"?"), "{err}");
        let err = words("bands, pull-up bar", Equipment::parse, Equipment::WORDS).unwrap_err();
        assert!(err.contains("did you mean \"pullup_bar\"?"), "{err}");
        let err = words("lower back", Joint::parse, Joint::WORDS).unwrap_err();
        assert!(err.contains("did you mean \"lower_back\"?"), "{err}");
        assert_eq!(
            words("cable, bands, cable", Equipment::parse, Equipment::WORDS),
            Ok(vec![Equipment::Bands, Equipment::Cable])
        );
    }

    #[test]
    fn a_date_that_is_not_iso_is_refused_and_an_ambiguous_one_says_why() {
        let today = jiff::civil::date(2026, 11, 23);
        let err = start("5/12/2026", today).unwrap_err();
        assert!(err.contains("more than one day") && err.contains("YYYY-MM-DD"), "{err}");
        assert!(start("tomorrow", today).unwrap_err().contains("not a date"));
        assert_eq!(start("2026-12-05", today), Ok(jiff::civil::date(2026, 12, 5)));
    }

    #[test]
    fn weights_in_pounds_are_kept_in_kilograms() {
        assert_eq!(kilograms("180", Units::Lb, 30.0, 300.0), Ok(81.6));
        assert_eq!(kilograms("80 kg", Units::Kg, 30.0, 300.0), Ok(80.0));
        let err = kilograms("900", Units::Lb, 30.0, 300.0).unwrap_err();
        assert!(err.contains("lb from 67 to 661"), "{err}");
        assert_eq!(grip("88 92", Units::Lb), Ok(LeftRight { left: 39.9, right: 41.7 }));
        assert!(grip("40", Units::Kg).unwrap_err().contains("two numbers"));
    }

    #[test]
    fn whole_numbers_outside_the_range_are_refused() {
        assert_eq!(whole::<u8>("3", 1, 6), Ok(3));
        assert!(whole::<u8>("9", 1, 6).unwrap_err().contains("from 1 to 6"));
    }
}
