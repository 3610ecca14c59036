//! The short set notation a person types between sets: `3x10@20`, `10,10,8@20kg`, `2x30s`, `8@45lb`.
//!
//! `SETSxREPS` repeats one set; `REPS,REPS,...` lists sets; a trailing `s` makes them seconds; `@LOAD`
//! with an optional `kg` or `lb` gives the load (without a unit, the person's display unit).

use crate::catalog::{Catalog, Exercise, loose_key};
use crate::load::lb_to_kg;
use crate::vocab::Units;

/// One set of the notation: reps or seconds, and the load in kg.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NotedSet {
    pub reps: Option<u32>,
    pub seconds: Option<u32>,
    pub load_kg: Option<f64>,
}

/// Why a notation was refused: what was typed and what is understood.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NotationError {
    #[error(
        "{given:?} is not a set notation; expected e.g. 3x10, 3x10@20, 10,10,8@20kg, 2x30s or 8@45lb (1 to 200 \
         reps or 1 to 3600 seconds a set, loads up to 700 kg)"
    )]
    Dose { given: String },
    #[error("no exercise matches {given:?}; {}", hint(.suggestions))]
    Unknown { given: String, suggestions: Vec<String> },
    #[error("{given:?} could be any of: {}; say which", .candidates.join(", "))]
    Ambiguous { given: String, candidates: Vec<String> },
}

/// Parses the dose part, e.g. `3x10@20`, into sets; `units` is the unit of a bare load.
pub fn parse_notation(text: &str, units: Units) -> Result<Vec<NotedSet>, NotationError> {
    let err = || NotationError::Dose { given: text.to_string() };
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    let (work, load) = match compact.split_once('@') {
        Some((w, l)) => (w, Some(parse_load(l, units).ok_or_else(err)?)),
        None => (compact.as_str(), None),
    };
    let (work, timed) = match work.strip_suffix('s') {
        Some(w) => (w, true),
        None => (work, false),
    };
    let counts: Vec<u32> = match work.split_once(['x', '*']) {
        Some((sets, each)) => {
            let sets: u32 = sets.parse().ok().filter(|n| (1..=20).contains(n)).ok_or_else(err)?;
            let each: u32 = each.parse().ok().ok_or_else(err)?;
            vec![each; sets as usize]
        }
        None => work.split(',').map(|n| n.parse::<u32>().ok()).collect::<Option<Vec<_>>>().ok_or_else(err)?,
    };
    let limit = if timed { 3600 } else { 200 };
    // Zero reps is no set, and zero seconds no hold.
    if counts.is_empty() || counts.len() > 20 || counts.iter().any(|&n| n > limit || n == 0) {
        return Err(err());
    }
    Ok(counts
        .into_iter()
        .map(|n| NotedSet { reps: (!timed).then_some(n), seconds: timed.then_some(n), load_kg: load })
        .collect())
}

/// `20`, `20kg`, `45lb`, `22.5` -> kg.
fn parse_load(text: &str, units: Units) -> Option<f64> {
    let (number, unit) = if let Some(n) = text.strip_suffix("kg") {
        (n, Units::Kg)
    } else if let Some(n) = text.strip_suffix("lbs").or_else(|| text.strip_suffix("lb")) {
        (n, Units::Lb)
    } else {
        (text, units)
    };
    // Digits and one decimal point only: no sign (`-0` would be a negative zero), no exponent (`1e3`).
    let number = number.replace(',', ".");
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let value: f64 = number.parse().ok().filter(|v: &f64| v.is_finite())?;
    let kg = match unit {
        Units::Kg => value,
        Units::Lb => lb_to_kg(value),
    };
    // Kept as typed: kilograms exactly, pounds converted at full precision, so that 20 lb reads 20 lb
    // again everywhere (shown through `load::shown`).
    (kg <= crate::valid::LOAD_KG_MAX).then_some(kg)
}

fn hint(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        "see `backbone exercises`".into()
    } else {
        format!("did you mean {}?", suggestions.join(" or "))
    }
}

/// Finds an exercise from what a person typed: an id, a name, a short name (an alias such as `rdl`, or
/// the initials of the id, `csr`, when one exercise has them), or words that pick one exercise out,
/// preferring those in `preferred` (the person's plan) when several match.
pub fn find_exercise<'c>(catalog: &'c Catalog, query: &str, preferred: &[&str]) -> Result<&'c Exercise, NotationError> {
    if let Some(e) = catalog.find(query) {
        return Ok(e);
    }
    if let Some(e) = short_name(catalog, query, preferred) {
        return Ok(e);
    }
    let words: Vec<String> = query.split([' ', '-', '_']).filter(|w| !w.is_empty()).map(loose_key).collect();
    let matches: Vec<&Exercise> = catalog
        .all()
        .iter()
        .filter(|e| {
            let hay = format!("{} {}", loose_key(&e.id), loose_key(&e.name));
            !words.is_empty() && words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect();
    let planned: Vec<&Exercise> = matches.iter().copied().filter(|e| preferred.contains(&e.id.as_str())).collect();
    match (matches.len(), planned.len()) {
        (0, _) => Err(NotationError::Unknown { given: query.into(), suggestions: closest(catalog, query) }),
        (1, _) => Ok(matches[0]),
        (_, 1) => Ok(planned[0]),
        _ => Err(NotationError::Ambiguous {
            given: query.into(),
            candidates: matches.iter().take(8).map(|e| e.id.clone()).collect(),
        }),
    }
}

/// The exercise an alias or the initials of an id name: `rdl`, `csr`. Initials count only when one
/// exercise (or one of the plan's) has them, so a short name never guesses.
fn short_name<'c>(catalog: &'c Catalog, query: &str, preferred: &[&str]) -> Option<&'c Exercise> {
    let key = loose_key(query);
    if key.is_empty() {
        return None;
    }
    if let Some(e) = catalog.all().iter().find(|e| e.aliases.iter().any(|a| loose_key(a) == key)) {
        return Some(e);
    }
    let initials = |e: &Exercise| e.id.split('-').filter_map(|w| w.chars().next()).collect::<String>();
    let all: Vec<&Exercise> = catalog.all().iter().filter(|e| key.len() >= 2 && initials(e) == key).collect();
    let planned: Vec<&Exercise> = all.iter().copied().filter(|e| preferred.contains(&e.id.as_str())).collect();
    match (all.as_slice(), planned.as_slice()) {
        ([one], _) | (_, [one]) => Some(one),
        _ => None,
    }
}

/// Up to three catalog exercises whose id or name is close to what was typed (Jaro-Winkler over the
/// loose keys, 0.8 or more), the closest first.
pub fn closest(catalog: &Catalog, query: &str) -> Vec<String> {
    let key = loose_key(query);
    let mut scored: Vec<(f64, &str)> = catalog
        .all()
        .iter()
        .map(|e| {
            let score =
                strsim::jaro_winkler(&key, &loose_key(&e.id)).max(strsim::jaro_winkler(&key, &loose_key(&e.name)));
            (score, e.id.as_str())
        })
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(3).map(|(_, id)| id.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Vec<NotedSet> {
        parse_notation(text, Units::Kg).unwrap()
    }

    #[test]
    fn sets_times_reps_at_a_load() {
        let s = one("3x10@20");
        assert_eq!(s.len(), 3);
        assert_eq!(s[0], NotedSet { reps: Some(10), seconds: None, load_kg: Some(20.0) });
    }

    #[test]
    fn lists_seconds_and_pounds() {
        assert_eq!(one("10,10,8@20kg").iter().map(|s| s.reps.unwrap()).collect::<Vec<_>>(), vec![10, 10, 8]);
        assert_eq!(one("2x30s")[1].seconds, Some(30));
        // Pounds are kept at full precision, so 45 lb reads 45 lb again.
        assert_eq!(one("8@45lb")[0].load_kg, Some(lb_to_kg(45.0)));
        assert_eq!(parse_notation("8@45", Units::Lb).unwrap()[0].load_kg, Some(lb_to_kg(45.0)));
        assert_eq!(one("3 x 10 @ 22,5")[0].load_kg, Some(22.5));
        assert_eq!(one("12")[0].reps, Some(12));
    }

    #[test]
    fn short_names_and_near_misses() {
        let c = Catalog::builtin();
        assert_eq!(find_exercise(c, "rdl", &[]).map(|e| e.id.as_str()), Ok("romanian-deadlift"));
        assert_eq!(find_exercise(c, "RDL", &[]).map(|e| e.id.as_str()), Ok("romanian-deadlift"));
        assert_eq!(find_exercise(c, "csr", &[]).map(|e| e.id.as_str()), Ok("chest-supported-row"));
        match find_exercise(c, "chest suported rwo", &[]) {
            Err(NotationError::Unknown { suggestions, .. }) => {
                assert_eq!(suggestions.first().map(String::as_str), Some("chest-supported-row"), "{suggestions:?}")
            }
            other => panic!("{other:?}"),
        }
        let message = find_exercise(c, "romanain deadlfit", &[]).map(|e| e.id.clone()).unwrap_err().to_string();
        assert!(message.contains("did you mean") && message.contains("romanian-deadlift"), "{message}");
        assert!(matches!(find_exercise(c, "xq", &[]), Err(NotationError::Unknown { .. })));
    }

    #[test]
    fn nonsense_is_refused() {
        for bad in [
            "",
            "x10",
            "3x",
            "3xten",
            "3x10@",
            "3x10@heavy",
            "99x10",
            "3x10@-5",
            "3x0",
            "0",
            "10,0",
            "3x10@-0",
            "3x10@1e3",
            "3x10@701",
            "3x10@inf",
        ] {
            assert!(parse_notation(bad, Units::Kg).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn exercises_are_found_forgivingly() {
        let c = Catalog::builtin();
        assert_eq!(find_exercise(c, "chest supported row", &[]).unwrap().id, "chest-supported-row");
        assert_eq!(find_exercise(c, "Chest-Supported Rows", &[]).unwrap().id, "chest-supported-row");
        assert!(matches!(find_exercise(c, "face pull", &[]), Err(NotationError::Ambiguous { .. })));
        assert_eq!(find_exercise(c, "face pull", &["band-face-pull"]).unwrap().id, "band-face-pull");
        assert!(matches!(find_exercise(c, "zercher squat", &[]), Err(NotationError::Unknown { .. })));
    }
}
