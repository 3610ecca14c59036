//! The athlete's profile (CONTRACT "Profile file"): parsed from TOML into typed values, every bad value
//! refused with the file, the field, the value and what is allowed.
//!
//! The TOML is walked by hand rather than through serde derive so that each message can say exactly which
//! field was wrong, what it held and what would have been accepted.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use toml::{Table, Value};

use crate::vocab::{Day, Equipment, Experience, Goal, GripWidth, Joint, PassFail, Sex, Units, UnknownWord};

/// A pair of measurements, one per side.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LeftRight {
    pub left: f64,
    pub right: f64,
}

/// The assessment of METHOD A1-A4; every part optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grip_kg: Option<LeftRight>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dead_hang_seconds: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wall_angel: Option<PassFail>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scapular_winging: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thoracic_rotation_deg: Option<LeftRight>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bench_grip: Option<GripWidth>,
}

impl Assessment {
    pub fn is_empty(&self) -> bool {
        *self == Assessment::default()
    }
}

/// Who trains, with what, how often and for what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    pub experience: Experience,
    pub goal: Goal,
    pub days_per_week: u8,
    pub session_minutes: u16,
    /// Sorted and without repeats, so that the plan does not depend on how the file listed them.
    pub equipment: Vec<Equipment>,
    pub sensitive_joints: Vec<Joint>,
    pub start: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training_days: Option<Vec<Day>>,
    pub units: Units,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_weight_kg: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    #[serde(default, skip_serializing_if = "Assessment::is_empty")]
    pub assessment: Assessment,
}

/// Why a profile was refused. Every variant names the file; value errors name the field and value too.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProfileError {
    #[error("{file}: the file is empty; expected a TOML profile with at least: {}", REQUIRED.join(", "))]
    Empty { file: String },
    #[error("{file}:{line}:{column}: not valid TOML: {message}")]
    NotToml { file: String, line: usize, column: usize, message: String },
    #[error("{file}: missing required key `{field}`; expected {expected}")]
    Missing { file: String, field: String, expected: String },
    /// `hint` is "; did you mean ..." for a near-miss (`body_weight`), or empty.
    #[error("{file}: unknown key `{field}`; expected one of: {}{hint}", .allowed.join(", "))]
    UnknownKey { file: String, field: String, allowed: Vec<&'static str>, hint: String },
    #[error("{file}: field `{field}`: {value} is not allowed; expected {expected}")]
    BadValue { file: String, field: String, value: String, expected: String },
}

const REQUIRED: &[&str] = &["name", "experience", "goal", "days_per_week", "session_minutes", "equipment", "start"];
const TOP_KEYS: &[&str] = &[
    "name",
    "experience",
    "goal",
    "days_per_week",
    "session_minutes",
    "equipment",
    "sensitive_joints",
    "start",
    "training_days",
    "units",
    "body_weight_kg",
    "sex",
    "age",
    "assessment",
];
const ASSESSMENT_KEYS: &[&str] =
    &["grip_kg", "dead_hang_seconds", "wall_angel", "scapular_winging", "thoracic_rotation_deg", "bench_grip"];
const SIDE_KEYS: &[&str] = &["left", "right"];

impl Profile {
    /// Parses a profile from TOML text; `file` names the source in error messages.
    pub fn parse(text: &str, file: &str) -> Result<Profile, ProfileError> {
        if text.trim().is_empty() {
            return Err(ProfileError::Empty { file: file.into() });
        }
        let table: Table = text.parse().map_err(|e: toml::de::Error| {
            let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
            ProfileError::NotToml { file: file.into(), line, column, message: e.message().trim().to_string() }
        })?;
        Reader { file, table: &table, prefix: "" }.profile()
    }

    /// Lifters train for strength or size (METHOD: two kinds of user).
    pub fn is_lifter(&self) -> bool {
        self.goal.is_lifter()
    }

    pub fn is_beginner(&self) -> bool {
        self.experience == Experience::Beginner
    }

    /// The profile as TOML text in the shape of CONTRACT.md, for `init` to write.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        let q = |s: &str| Value::String(s.to_string()).to_string();
        let list = |words: Vec<&str>| format!("[{}]", words.iter().map(|w| q(w)).collect::<Vec<_>>().join(", "));
        out += &format!("name = {}\n", q(&self.name));
        out += &format!("experience = {}\n", q(self.experience.as_str()));
        out += &format!("goal = {}\n", q(self.goal.as_str()));
        out += &format!("days_per_week = {}\n", self.days_per_week);
        out += &format!("session_minutes = {}\n", self.session_minutes);
        out += &format!("equipment = {}\n", list(self.equipment.iter().map(|e| e.as_str()).collect()));
        out += &format!("sensitive_joints = {}\n", list(self.sensitive_joints.iter().map(|j| j.as_str()).collect()));
        out += &format!("start = \"{}\"\n", self.start);
        if let Some(days) = &self.training_days {
            out += &format!("training_days = {}\n", list(days.iter().map(|d| d.as_str()).collect()));
        }
        out += &format!("units = {}\n", q(self.units.as_str()));
        if let Some(w) = self.body_weight_kg {
            out += &format!("body_weight_kg = {w:?}\n");
        }
        if let Some(s) = self.sex {
            out += &format!("sex = {}\n", q(s.as_str()));
        }
        if let Some(a) = self.age {
            out += &format!("age = {a}\n");
        }
        let a = &self.assessment;
        if !a.is_empty() {
            out += "\n[assessment]\n";
            if let Some(g) = a.grip_kg {
                out += &format!("grip_kg = {{ left = {:?}, right = {:?} }}\n", g.left, g.right);
            }
            if let Some(s) = a.dead_hang_seconds {
                out += &format!("dead_hang_seconds = {s:?}\n");
            }
            if let Some(w) = a.wall_angel {
                out += &format!("wall_angel = {}\n", q(w.as_str()));
            }
            if let Some(w) = a.scapular_winging {
                out += &format!("scapular_winging = {w}\n");
            }
            if let Some(t) = a.thoracic_rotation_deg {
                out += &format!("thoracic_rotation_deg = {{ left = {:?}, right = {:?} }}\n", t.left, t.right);
            }
            if let Some(g) = a.bench_grip {
                out += &format!("bench_grip = {}\n", q(g.as_str()));
            }
        }
        out
    }
}

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) + 1;
    (line, column)
}

/// Reads typed fields out of one TOML table, naming `prefix.field` in errors.
struct Reader<'a> {
    file: &'a str,
    table: &'a Table,
    prefix: &'a str,
}

impl Reader<'_> {
    fn profile(&self) -> Result<Profile, ProfileError> {
        self.only_keys(TOP_KEYS)?;
        let name = self.string("name")?;
        if crate::valid::check_name(&name).is_err() {
            return Err(self.bad("name", &name, "a name of 1 to 100 characters of plain text"));
        }
        let days_per_week = self.int("days_per_week", 1, 6)? as u8;
        let training_days = self.opt_words::<Day>("training_days", Day::parse, Day::WORDS)?;
        if let Some(days) = &training_days {
            let mut seen = days.clone();
            seen.sort();
            seen.dedup();
            if seen.len() != days.len() {
                return Err(self.bad("training_days", &self.shown("training_days"), "each day at most once"));
            }
            if days.len() != days_per_week as usize {
                let expected = format!("{days_per_week} days, as many as days_per_week");
                return Err(self.bad("training_days", &self.shown("training_days"), &expected));
            }
        }
        let mut equipment = self.words::<Equipment>("equipment", Equipment::parse, Equipment::WORDS)?;
        equipment.sort();
        equipment.dedup();
        let mut sensitive_joints =
            self.opt_words::<Joint>("sensitive_joints", Joint::parse, Joint::WORDS)?.unwrap_or_default();
        sensitive_joints.sort();
        sensitive_joints.dedup();
        Ok(Profile {
            name,
            experience: self.word("experience", Experience::parse, Experience::WORDS)?,
            goal: self.word("goal", Goal::parse, Goal::WORDS)?,
            days_per_week,
            session_minutes: self.int("session_minutes", 15, 120)? as u16,
            equipment,
            sensitive_joints,
            start: self.date("start")?,
            training_days: training_days.map(|mut d| {
                d.sort();
                d
            }),
            units: self.opt_word("units", Units::parse, Units::WORDS)?.unwrap_or(Units::Kg),
            body_weight_kg: self.opt_number("body_weight_kg", 30.0, 300.0)?,
            sex: self.opt_word("sex", Sex::parse, Sex::WORDS)?,
            age: self.opt_int("age", 13, 100)?.map(|a| a as u32),
            assessment: self.assessment()?,
        })
    }

    fn assessment(&self) -> Result<Assessment, ProfileError> {
        let Some(value) = self.table.get("assessment") else { return Ok(Assessment::default()) };
        let Value::Table(table) = value else {
            return Err(self.bad("assessment", &value.to_string(), "a table: [assessment]"));
        };
        let inner = Reader { file: self.file, table, prefix: "assessment." };
        inner.only_keys(ASSESSMENT_KEYS)?;
        Ok(Assessment {
            grip_kg: inner.opt_sides("grip_kg", 1.0, 150.0)?,
            dead_hang_seconds: inner.opt_number("dead_hang_seconds", 0.0, 600.0)?,
            wall_angel: inner.opt_word("wall_angel", PassFail::parse, PassFail::WORDS)?,
            scapular_winging: inner.opt_bool("scapular_winging")?,
            thoracic_rotation_deg: inner.opt_sides("thoracic_rotation_deg", 0.0, 90.0)?,
            bench_grip: inner.opt_word("bench_grip", GripWidth::parse, GripWidth::WORDS)?,
        })
    }

    fn path(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    fn bad(&self, key: &str, value: &str, expected: &str) -> ProfileError {
        ProfileError::BadValue {
            file: self.file.into(),
            field: self.path(key),
            value: shorten(value),
            expected: expected.into(),
        }
    }

    /// An unknown vocabulary word, with the nearest allowed one when it is a near-miss.
    fn unknown(&self, key: &str, given: &str, expected: &str, words: &[&'static str]) -> ProfileError {
        let hint = crate::vocab::did_you_mean(given, words);
        self.bad(key, &format!("{given:?}"), &format!("{expected}{hint}"))
    }

    fn shown(&self, key: &str) -> String {
        self.table.get(key).map(|v| v.to_string()).unwrap_or_default()
    }

    fn only_keys(&self, allowed: &'static [&'static str]) -> Result<(), ProfileError> {
        match self.table.keys().find(|k| !allowed.contains(&k.as_str())) {
            Some(k) => Err(ProfileError::UnknownKey {
                file: self.file.into(),
                field: self.path(k),
                allowed: allowed.to_vec(),
                hint: crate::vocab::did_you_mean(k, allowed),
            }),
            None => Ok(()),
        }
    }

    fn required(&self, key: &str, expected: &str) -> Result<&Value, ProfileError> {
        self.table.get(key).ok_or_else(|| ProfileError::Missing {
            file: self.file.into(),
            field: self.path(key),
            expected: expected.into(),
        })
    }

    fn string(&self, key: &str) -> Result<String, ProfileError> {
        match self.required(key, "a string")? {
            Value::String(s) => Ok(s.clone()),
            other => Err(self.bad(key, &other.to_string(), "a string in quotes")),
        }
    }

    fn word<T>(
        &self,
        key: &str,
        parse: fn(&str) -> Result<T, UnknownWord>,
        words: &[&'static str],
    ) -> Result<T, ProfileError> {
        let expected = format!("one of: {}", words.join(", "));
        match self.required(key, &expected)? {
            Value::String(s) => parse(s).map_err(|_| self.unknown(key, s, &expected, words)),
            other => Err(self.bad(key, &other.to_string(), &expected)),
        }
    }

    fn opt_word<T>(
        &self,
        key: &str,
        parse: fn(&str) -> Result<T, UnknownWord>,
        words: &[&'static str],
    ) -> Result<Option<T>, ProfileError> {
        if self.table.contains_key(key) { self.word(key, parse, words).map(Some) } else { Ok(None) }
    }

    fn words<T>(
        &self,
        key: &str,
        parse: fn(&str) -> Result<T, UnknownWord>,
        words: &[&'static str],
    ) -> Result<Vec<T>, ProfileError> {
        let expected = format!("a list of words from: {} (an empty list [] is allowed)", words.join(", "));
        let Value::Array(items) = self.required(key, &expected)? else {
            return Err(self.bad(key, &self.shown(key), &expected));
        };
        items
            .iter()
            .map(|item| match item {
                Value::String(s) => parse(s).map_err(|_| self.unknown(key, s, &expected, words)),
                other => Err(self.bad(key, &other.to_string(), &expected)),
            })
            .collect()
    }

    fn opt_words<T>(
        &self,
        key: &str,
        parse: fn(&str) -> Result<T, UnknownWord>,
        words: &[&'static str],
    ) -> Result<Option<Vec<T>>, ProfileError> {
        if self.table.contains_key(key) { self.words(key, parse, words).map(Some) } else { Ok(None) }
    }

    fn int(&self, key: &str, min: i64, max: i64) -> Result<i64, ProfileError> {
        let expected = format!("a whole number from {min} to {max}");
        match self.required(key, &expected)? {
            Value::Integer(n) if (min..=max).contains(n) => Ok(*n),
            other => Err(self.bad(key, &other.to_string(), &expected)),
        }
    }

    fn opt_int(&self, key: &str, min: i64, max: i64) -> Result<Option<i64>, ProfileError> {
        if self.table.contains_key(key) { self.int(key, min, max).map(Some) } else { Ok(None) }
    }

    fn opt_number(&self, key: &str, min: f64, max: f64) -> Result<Option<f64>, ProfileError> {
        let Some(value) = self.table.get(key) else { return Ok(None) };
        number(value, min, max)
            .map(Some)
            .ok_or_else(|| self.bad(key, &value.to_string(), &format!("a number from {min} to {max}")))
    }

    fn opt_bool(&self, key: &str) -> Result<Option<bool>, ProfileError> {
        match self.table.get(key) {
            None => Ok(None),
            Some(Value::Boolean(b)) => Ok(Some(*b)),
            Some(other) => Err(self.bad(key, &other.to_string(), "true or false")),
        }
    }

    fn opt_sides(&self, key: &str, min: f64, max: f64) -> Result<Option<LeftRight>, ProfileError> {
        let Some(value) = self.table.get(key) else { return Ok(None) };
        let expected = format!("{{ left = N, right = N }} with numbers from {min} to {max}");
        let Value::Table(sides) = value else { return Err(self.bad(key, &value.to_string(), &expected)) };
        if let Some(k) = sides.keys().find(|k| !SIDE_KEYS.contains(&k.as_str())) {
            return Err(ProfileError::UnknownKey {
                file: self.file.into(),
                field: format!("{}.{k}", self.path(key)),
                allowed: SIDE_KEYS.to_vec(),
                hint: crate::vocab::did_you_mean(k, SIDE_KEYS),
            });
        }
        let side = |name: &str| -> Result<f64, ProfileError> {
            let field = format!("{key}.{name}");
            match sides.get(name) {
                None => Err(ProfileError::Missing {
                    file: self.file.into(),
                    field: self.path(&field),
                    expected: expected.clone(),
                }),
                Some(v) => number(v, min, max).ok_or_else(|| self.bad(&field, &v.to_string(), &expected)),
            }
        };
        Ok(Some(LeftRight { left: side("left")?, right: side("right")? }))
    }

    fn date(&self, key: &str) -> Result<Date, ProfileError> {
        let expected = "a date written YYYY-MM-DD, such as \"2026-11-23\"";
        let value = self.required(key, expected)?;
        let text = match value {
            Value::String(s) => s.clone(),
            Value::Datetime(d) if d.date.is_some() && d.time.is_none() => d.to_string(),
            other => return Err(self.bad(key, &other.to_string(), expected)),
        };
        let date = parse_date(&text).ok_or_else(|| {
            // Day and month swap places between countries: "5/12/2026" is never guessed at.
            let why = if text.contains(['/', '.']) { " (day and month order differs between countries)" } else { "" };
            self.bad(key, &value.to_string(), &format!("{expected}{why}"))
        })?;
        if crate::valid::check_date(date).is_err() {
            let window = format!("a date from {} to {}", crate::valid::FIRST_DAY, crate::valid::LAST_DAY);
            return Err(self.bad(key, &value.to_string(), &window));
        }
        Ok(date)
    }
}

/// A value as a message shows it: control characters escaped, a long one cut to an excerpt.
fn shorten(value: &str) -> String {
    if value.chars().count() <= 60 && !value.chars().any(char::is_control) {
        return value.to_string();
    }
    crate::valid::excerpt(value)
}

/// A finite number within `min..=max`, from a TOML integer or float.
fn number(value: &Value, min: f64, max: f64) -> Option<f64> {
    let n = match value {
        Value::Integer(i) => *i as f64,
        Value::Float(f) => *f,
        _ => return None,
    };
    (n.is_finite() && n >= min && n <= max).then_some(n)
}

/// Whether two profile names are one person's: the same words, whatever the case and spacing. A
/// database holds one person's log; another name is another person (`init`, a restore, the web app).
pub fn same_person(a: &str, b: &str) -> bool {
    a.split_whitespace().map(str::to_lowercase).eq(b.split_whitespace().map(str::to_lowercase))
}

/// A civil date in strict ISO 8601 form (YYYY-MM-DD), refusing impossible dates like 2026-02-30.
pub fn parse_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10 && bytes[4] == b'-' && bytes[7] == b'-';
    if !shape {
        return None;
    }
    text.parse::<Date>().ok()
}

#[cfg(test)]
mod tests;
