//! What an exercise the catalog does not hold counts as: the movement pattern and muscles that let an
//! imported "T Bar Row" or "Lat Pulldown (Machine)" count in the weekly sets and balances (METHOD K2, W6).
//!
//! A custom exercise counts as the person said (`backbone exercises map`), else as its name reads
//! (`catalog/names.toml`), else for nothing. What the name says is worked out whenever it is needed, not
//! stored, so a better reading of names applies to what was imported before.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

use crate::catalog::{Catalog, Exercise};
use crate::vocab::{Muscle, Pattern};

/// What the person said a custom exercise counts as. Neither `like` nor `pattern`: it counts for nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// A catalog exercise whose pattern and muscles it shares.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub like: Option<String>,
    /// A movement pattern, when no one catalog exercise is like it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<Pattern>,
    /// The muscles it works, with `pattern`; empty: those the pattern usually works.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub muscles: Vec<Muscle>,
}

/// How a custom exercise came to count as it does, for people (`exercises map` lists it).
#[derive(Debug, Clone, PartialEq)]
pub enum Reading<'c> {
    /// The person said so.
    Set(&'c Counts),
    /// Its name reads as this catalog exercise.
    Named(&'static Exercise),
    /// Neither: it counts for nothing.
    Unknown,
}

impl Reading<'_> {
    /// The catalog exercise it counts like, when one does.
    pub fn like(&self) -> Option<&str> {
        match self {
            Reading::Set(c) => c.like.as_deref(),
            Reading::Named(e) => Some(&e.id),
            Reading::Unknown => None,
        }
    }
}

impl CustomExercise {
    /// What this exercise counts as, and why.
    pub fn reading(&self) -> Reading<'_> {
        match &self.counts {
            Some(c) => Reading::Set(c),
            None => read_name(&self.name).map_or(Reading::Unknown, Reading::Named),
        }
    }

    /// This exercise as a catalog entry the analytics can count, or `None` when it counts for nothing.
    pub fn as_exercise(&self, catalog: &Catalog) -> Option<Exercise> {
        let model = match self.reading() {
            Reading::Set(c) => counted(c, catalog)?,
            Reading::Named(e) => e.clone(),
            Reading::Unknown => return None,
        };
        Some(self.named(model))
    }

    /// The model's pattern and muscles under this exercise's id and name, and nothing of its coaching
    /// (cues, substitutes, progressions and rules belong to the catalog exercise, not to this one).
    fn named(&self, mut model: Exercise) -> Exercise {
        model.id.clone_from(&self.id);
        model.name.clone_from(&self.name);
        model.cues.clear();
        model.substitutes.clear();
        model.harder = None;
        model.rules.clear();
        model.aliases.clear();
        model.tier = None;
        model
    }
}

/// The catalog exercise a `Counts` stands for: `like`, else the first working exercise of the pattern
/// with the muscles given.
fn counted(c: &Counts, catalog: &Catalog) -> Option<Exercise> {
    if let Some(id) = &c.like {
        return catalog.get(id).cloned();
    }
    let pattern = c.pattern?;
    let mut model = typical(pattern, catalog)?.clone();
    model.patterns = vec![pattern];
    if !c.muscles.is_empty() {
        model.muscles.primary.clone_from(&c.muscles);
        model.muscles.secondary.clear();
    }
    Some(model)
}

/// The first working exercise whose main pattern is `pattern`: what the pattern usually looks like.
pub fn typical(pattern: Pattern, catalog: &Catalog) -> Option<&Exercise> {
    let work = |e: &&Exercise| e.category.is_work() && e.patterns.first() == Some(&pattern);
    catalog.all().iter().find(work).or_else(|| catalog.all().iter().find(|e| e.patterns.contains(&pattern)))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NameRule {
    words: Vec<String>,
    #[serde(default)]
    like: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NameRules {
    rule: Vec<NameRule>,
}

fn rules() -> &'static [NameRule] {
    static RULES: OnceLock<Vec<NameRule>> = OnceLock::new();
    RULES.get_or_init(|| match toml::from_str::<NameRules>(include_str!("../catalog/names.toml")) {
        Ok(r) => r.rule,
        // Compiled in and checked by the tests below; a failure here is a build defect.
        Err(e) => panic!("catalog/names.toml is invalid: {e}"),
    })
}

/// The catalog exercise a name reads as (`catalog/names.toml`), if any rule says.
pub fn read_name(name: &str) -> Option<&'static Exercise> {
    let words = format!(" {} ", spaced(name));
    let rule = rules().iter().find(|r| r.words.iter().any(|w| words.contains(&format!(" {w} "))))?;
    Catalog::builtin().get(rule.like.as_deref()?)
}

/// Lower case, every run of characters that are not letters or digits as one space.
fn spaced(name: &str) -> String {
    words(name, ' ')
}

impl Catalog {
    /// This catalog and the custom exercises that count for something, for the analytics.
    pub fn with_customs(&self, customs: &[CustomExercise]) -> Catalog {
        let extra: Vec<Exercise> = customs.iter().filter_map(|c| c.as_exercise(self)).collect();
        self.extended(extra)
    }
}

/// The prefix of every custom exercise id: an imported name the catalog does not know. A prefix keeps
/// a later catalog exercise from taking over the meaning of an old log.
pub const CUSTOM_PREFIX: &str = "custom-";

/// An exercise the catalog does not hold, made when an import met a name it could not map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomExercise {
    /// [`CUSTOM_PREFIX`] and the name in kebab case ([`custom_id`]).
    pub id: String,
    /// The name as the first file that used it wrote it.
    pub name: String,
    /// What the person said it counts as (`backbone exercises map`); `None`: as its name reads
    /// (this module).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<Counts>,
}

impl CustomExercise {
    /// A custom exercise that counts as its name reads.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> CustomExercise {
        CustomExercise { id: id.into(), name: name.into(), counts: None }
    }
}

/// The custom exercise id for a name: `custom-` and the name's letters and digits in lower case, other
/// runs of characters as one `-` ("Bench Press (Barbell)" -> `custom-bench-press-barbell`). Letters
/// outside ASCII are kept, lower-cased. `None` when the name has no letter or digit.
pub fn custom_id(name: &str) -> Option<String> {
    let slug = words(name, '-');
    (!slug.is_empty()).then(|| format!("{CUSTOM_PREFIX}{slug}"))
}

/// A name's letters and digits in lower case, every other run of characters as one `sep`, none at
/// either end ("Bench Press (Barbell)" -> "bench-press-barbell" with `-`).
pub fn words(name: &str, sep: char) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(sep) {
            out.push(sep);
        }
    }
    out.truncate(out.trim_end_matches(sep).len());
    out
}

#[cfg(test)]
mod tests;
