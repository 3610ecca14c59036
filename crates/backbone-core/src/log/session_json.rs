//! The session file of CONTRACT "Keeping a log", checked field by field so that a bad value is refused
//! with its path (`sets[2].rpe`), the value, and what is allowed.

use jiff::civil::Date;
use serde_json::{Map, Value};

use super::{Checkin, SessionLog, SetLog, content_id};
use crate::catalog::Catalog;
use crate::profile::{Assessment, LeftRight, parse_date};
use crate::vocab::{GripWidth, PassFail};

/// Why a session was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LogError {
    #[error("{file}:{line}:{column}: not valid JSON: {message}")]
    NotJson { file: String, line: usize, column: usize, message: String },
    #[error("{file}: field `{field}`: {value} is not allowed; expected {expected}")]
    BadValue { file: String, field: String, value: String, expected: String },
    #[error("{file}: missing required field `{field}`; expected {expected}")]
    Missing { file: String, field: String, expected: String },
    #[error("{file}: nothing to log; expected `sets`, a `checkin` or `measurements` beside the `date`")]
    Nothing { file: String },
}

const TOP: &[&str] = &["id", "date", "checkin", "sets", "measurements", "cleared"];
const CHECKIN: &[&str] = &["soreness", "sleep_hours", "stress", "energy", "ache"];
const SET: &[&str] = &["exercise", "reps", "seconds", "load_kg", "rpe", "quality", "pain", "bar_speed_mps"];
const MEASUREMENTS: &[&str] =
    &["grip_kg", "dead_hang_seconds", "wall_angel", "scapular_winging", "thoracic_rotation_deg", "bench_grip"];

/// Parses and checks one session; `today` refuses sessions from the future.
pub fn parse_session(text: &str, file: &str, today: Date, catalog: &Catalog) -> Result<SessionLog, LogError> {
    // A byte order mark, which editors on Windows write, is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| LogError::NotJson {
        file: file.into(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let c = Checker { file };
    let obj = c.object(&value, "session")?;
    c.only(obj, "", TOP)?;
    let date = c.date(obj.get("date"), "date", today)?;
    let checkin = match obj.get("checkin") {
        None | Some(Value::Null) => None,
        Some(v) => Some(c.checkin(v)?),
    };
    let sets = match obj.get("sets") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => {
            items.iter().enumerate().map(|(i, s)| c.set(s, &format!("sets[{i}]"), catalog)).collect::<Result<_, _>>()?
        }
        Some(other) => return Err(c.bad("sets", other, "a list of sets")),
    };
    let measurements = match obj.get("measurements") {
        None | Some(Value::Null) => Assessment::default(),
        Some(v) => c.measurements(v)?,
    };
    let cleared = match obj.get("cleared") {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => c.cleared(v, catalog)?,
    };
    if sets.is_empty() && checkin.is_none() && measurements.is_empty() && cleared.is_empty() {
        return Err(LogError::Nothing { file: file.into() });
    }
    let id = match obj.get("id") {
        None | Some(Value::Null) => with_cleared(content_id(date, &checkin, &sets, &measurements), &cleared),
        Some(Value::String(s)) if !s.trim().is_empty() && s.len() <= 200 => s.clone(),
        Some(other) => return Err(c.bad("id", other, "a non-empty string of at most 200 characters")),
    };
    Ok(SessionLog { id, date, checkin, sets, measurements, cleared, ..Default::default() })
}

/// A content id that tells a session saying exercises are cleared from the same session without.
pub fn with_cleared(id: String, cleared: &[String]) -> String {
    if cleared.is_empty() { id } else { format!("{id}-cleared-{}", cleared.join("+")) }
}

struct Checker<'a> {
    file: &'a str,
}

impl Checker<'_> {
    fn bad(&self, field: &str, value: &Value, expected: &str) -> LogError {
        let text = value.to_string();
        let value = if text.chars().count() > 60 { crate::valid::excerpt(&text) } else { text };
        LogError::BadValue { file: self.file.into(), field: field.into(), value, expected: expected.into() }
    }

    fn object<'v>(&self, v: &'v Value, field: &str) -> Result<&'v Map<String, Value>, LogError> {
        v.as_object().ok_or_else(|| self.bad(field, v, "a JSON object { ... }"))
    }

    /// METHOD R3's answer: exercise ids (from the catalog) that are pain-free again or cleared.
    fn cleared(&self, v: &Value, catalog: &Catalog) -> Result<Vec<String>, LogError> {
        let expected = "a list of exercise ids from the catalog (`backbone exercises`)";
        let items = v.as_array().ok_or_else(|| self.bad("cleared", v, expected))?;
        let mut out: Vec<String> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let id = item.as_str().filter(|id| catalog.get(id).is_some());
            let id = id.ok_or_else(|| self.bad(&format!("cleared[{i}]"), item, expected))?;
            if !out.iter().any(|o| o == id) {
                out.push(id.to_string());
            }
        }
        Ok(out)
    }

    fn only(&self, obj: &Map<String, Value>, prefix: &str, allowed: &[&str]) -> Result<(), LogError> {
        match obj.keys().find(|k| !allowed.contains(&k.as_str())) {
            Some(k) => Err(LogError::BadValue {
                file: self.file.into(),
                field: format!("{prefix}{k}"),
                value: "an unknown field".into(),
                expected: format!("one of: {}", allowed.join(", ")),
            }),
            None => Ok(()),
        }
    }

    fn date(&self, v: Option<&Value>, field: &str, today: Date) -> Result<Date, LogError> {
        let expected = "a date written YYYY-MM-DD";
        let Some(v) = v else {
            return Err(LogError::Missing { file: self.file.into(), field: field.into(), expected: expected.into() });
        };
        let date = v.as_str().and_then(parse_date).ok_or_else(|| self.bad(field, v, expected))?;
        if crate::valid::check_date(date).is_err() {
            let window = format!("a date from {} to {}", crate::valid::FIRST_DAY, crate::valid::LAST_DAY);
            return Err(self.bad(field, v, &window));
        }
        if date > today {
            return Err(self.bad(
                field,
                v,
                &format!("a date on or before today ({today}); a session cannot be logged ahead"),
            ));
        }
        Ok(date)
    }

    /// An integer in a range, or absent.
    fn int(
        &self,
        obj: &Map<String, Value>,
        prefix: &str,
        key: &str,
        min: u64,
        max: u64,
    ) -> Result<Option<u64>, LogError> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            // 12.0 is the whole number 12, as JSON Schema counts it.
            Some(v) => match v
                .as_u64()
                .or_else(|| v.as_f64().filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= 1e9).map(|f| f as u64))
            {
                Some(n) if (min..=max).contains(&n) => Ok(Some(n)),
                _ => Err(self.bad(&format!("{prefix}{key}"), v, &format!("a whole number from {min} to {max}"))),
            },
        }
    }

    /// A number in a range, or absent.
    fn number(
        &self,
        obj: &Map<String, Value>,
        prefix: &str,
        key: &str,
        min: f64,
        max: f64,
    ) -> Result<Option<f64>, LogError> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => match v.as_f64() {
                // `-0` reads as a negative zero: a sign typed by mistake, refused like any negative number.
                Some(n) if n.is_finite() && !n.is_sign_negative() && (min..=max).contains(&n) => Ok(Some(n)),
                _ => Err(self.bad(&format!("{prefix}{key}"), v, &format!("a number from {min} to {max}"))),
            },
        }
    }

    fn checkin(&self, v: &Value) -> Result<Checkin, LogError> {
        let obj = self.object(v, "checkin")?;
        self.only(obj, "checkin.", CHECKIN)?;
        let scale = |key: &str| self.int(obj, "checkin.", key, 0, 10).map(|n| n.map(|n| n as u8));
        Ok(Checkin {
            soreness: scale("soreness")?,
            sleep_hours: self.number(obj, "checkin.", "sleep_hours", 0.0, 24.0)?,
            stress: scale("stress")?,
            energy: scale("energy")?,
            ache: scale("ache")?,
        })
    }

    fn set(&self, v: &Value, path: &str, catalog: &Catalog) -> Result<SetLog, LogError> {
        let obj = self.object(v, path)?;
        let prefix = format!("{path}.");
        self.only(obj, &prefix, SET)?;
        let name = match obj.get("exercise") {
            Some(Value::String(s)) => s,
            Some(other) => {
                return Err(self.bad(
                    &format!("{prefix}exercise"),
                    other,
                    "an exercise id such as \"chest-supported-row\"",
                ));
            }
            None => {
                return Err(LogError::Missing {
                    file: self.file.into(),
                    field: format!("{prefix}exercise"),
                    expected: "an exercise id".into(),
                });
            }
        };
        let exercise = catalog.find(name).ok_or_else(|| {
            self.bad(
                &format!("{prefix}exercise"),
                &Value::String(name.clone()),
                "an exercise of the catalog (see `backbone exercises`)",
            )
        })?;
        let rpe = self.number(obj, &prefix, "rpe", 1.0, 10.0)?;
        if let Some(r) = rpe
            && (r * 2.0).fract() != 0.0
        {
            return Err(self.bad(&format!("{prefix}rpe"), &obj["rpe"], "1 to 10 in steps of 0.5"));
        }
        let set = SetLog {
            exercise: crate::catalog::intern(&exercise.id),
            reps: self.int(obj, &prefix, "reps", 1, 200)?.map(|n| n as u32),
            seconds: self.int(obj, &prefix, "seconds", 1, 3600)?.map(|n| n as u32),
            load_kg: self.number(obj, &prefix, "load_kg", 0.0, crate::valid::LOAD_KG_MAX)?,
            rpe,
            quality: self.int(obj, &prefix, "quality", 1, 5)?.map(|n| n as u8),
            pain: self.int(obj, &prefix, "pain", 0, 10)?.map(|n| n as u8),
            bar_speed_mps: self.number(obj, &prefix, "bar_speed_mps", 0.0, 5.0)?,
            ..Default::default()
        };
        if set.reps.is_none() && set.seconds.is_none() {
            return Err(LogError::Missing {
                file: self.file.into(),
                field: format!("{prefix}reps"),
                expected: "`reps` or `seconds`: a set has one or the other".into(),
            });
        }
        if set.reps.is_some() && set.seconds.is_some() {
            return Err(self.bad(
                &format!("{prefix}seconds"),
                &obj["seconds"],
                "no `seconds` beside `reps`: a set is counted or timed, not both",
            ));
        }
        Ok(set)
    }

    fn measurements(&self, v: &Value) -> Result<Assessment, LogError> {
        let obj = self.object(v, "measurements")?;
        let p = "measurements.";
        self.only(obj, p, MEASUREMENTS)?;
        let word = |key: &str, words: &[&str]| -> Result<Option<String>, LogError> {
            match obj.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) if words.contains(&s.as_str()) => Ok(Some(s.clone())),
                Some(other) => Err(self.bad(&format!("{p}{key}"), other, &format!("one of: {}", words.join(", ")))),
            }
        };
        Ok(Assessment {
            grip_kg: self.sides(obj, "grip_kg", 1.0, 150.0)?,
            dead_hang_seconds: self.number(obj, p, "dead_hang_seconds", 0.0, 600.0)?,
            wall_angel: word("wall_angel", PassFail::WORDS)?.and_then(|w| PassFail::parse(&w).ok()),
            scapular_winging: match obj.get("scapular_winging") {
                None | Some(Value::Null) => None,
                Some(Value::Bool(b)) => Some(*b),
                Some(other) => return Err(self.bad(&format!("{p}scapular_winging"), other, "true or false")),
            },
            thoracic_rotation_deg: self.sides(obj, "thoracic_rotation_deg", 0.0, 90.0)?,
            bench_grip: word("bench_grip", GripWidth::WORDS)?.and_then(|w| GripWidth::parse(&w).ok()),
        })
    }

    fn sides(&self, obj: &Map<String, Value>, key: &str, min: f64, max: f64) -> Result<Option<LeftRight>, LogError> {
        let Some(v) = obj.get(key).filter(|v| !v.is_null()) else { return Ok(None) };
        let path = format!("measurements.{key}");
        let sides = self.object(v, &path)?;
        self.only(sides, &format!("{path}."), &["left", "right"])?;
        let prefix = format!("{path}.");
        let side = |name: &str| -> Result<f64, LogError> {
            self.number(sides, &prefix, name, min, max)?.ok_or_else(|| LogError::Missing {
                file: self.file.into(),
                field: format!("{prefix}{name}"),
                expected: format!("a number from {min} to {max}"),
            })
        };
        Ok(Some(LeftRight { left: side("left")?, right: side("right")? }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 30);

    fn parse(text: &str) -> Result<SessionLog, LogError> {
        parse_session(text, "s.json", TODAY, Catalog::builtin())
    }

    #[test]
    fn the_contract_example_parses_and_gets_a_content_id() {
        let text = r#"{"date": "2026-11-23",
          "checkin": {"soreness": 3, "sleep_hours": 7.5, "stress": 4, "energy": 6, "ache": 2},
          "sets": [{"exercise": "chest-supported-row", "reps": 10, "load_kg": 20.0, "rpe": 7, "quality": 4, "pain": 0}],
          "measurements": {"grip_kg": {"left": 46.0, "right": 50.0}}}"#;
        let s = parse(text).unwrap();
        assert_eq!(s.sets[0].reps, Some(10));
        assert_eq!(s.checkin.unwrap().sleep_hours, Some(7.5));
        assert_eq!(s.measurements.grip_kg.unwrap().right, 50.0);
        assert!(s.id.starts_with("s-"));
        assert_eq!(parse(text).unwrap().id, s.id, "the same content gives the same id");
    }

    #[test]
    fn a_checkin_alone_is_a_session_and_names_are_matched_forgivingly() {
        assert!(parse(r#"{"date": "2026-11-23", "checkin": {"soreness": 8}}"#).unwrap().sets.is_empty());
        let s = parse(r#"{"date": "2026-11-23", "sets": [{"exercise": "Chest Supported Rows", "reps": 8}]}"#).unwrap();
        assert_eq!(s.sets[0].exercise, "chest-supported-row");
    }

    fn check(text: &str, needles: &[&str]) {
        let err = parse(text).unwrap_err().to_string();
        for n in needles {
            assert!(err.contains(n), "{err:?} lacks {n:?}");
        }
    }

    #[test]
    fn bad_sessions_are_refused_by_field() {
        check("{not json", &["s.json:1:", "not valid JSON"]);
        check(r#"{"sets": []}"#, &["date", "missing"]);
        check(r#"{"date": "2026-02-30"}"#, &["date", "2026-02-30"]);
        check(r#"{"date": "2026-12-25"}"#, &["date", "before today"]);
        check(
            r#"{"date": "2026-11-23", "sets": [{"exercise": "moon-row", "reps": 5}]}"#,
            &["sets[0].exercise", "moon-row"],
        );
        check(r#"{"date": "2026-11-23", "sets": [{"exercise": "band-row"}]}"#, &["sets[0].reps", "seconds"]);
        check(r#"{"date": "2026-11-23"}"#, &["nothing to log"]);
        check(r#"{"date": "1900-01-01", "sets": [{"exercise": "band-row", "reps": 5}]}"#, &["date", "1970-01-01"]);
        check(
            r#"{"date": "2026-11-23", "sets": [{"exercise": "band-row", "reps": 5, "seconds": 30}]}"#,
            &["sets[0].seconds", "not both"],
        );
        check(
            r#"{"date": "2026-11-23", "sets": [{"exercise": "band-row", "reps": 0}]}"#,
            &["sets[0].reps", "1 to 200"],
        );
        check(
            r#"{"date": "2026-11-23", "sets": [{"exercise": "band-row", "reps": 5, "load_kg": -0.0}]}"#,
            &["load_kg"],
        );
        assert!(parse("\u{feff}{\"date\": \"2026-11-23\", \"checkin\": {\"soreness\": 2}}").is_ok());
        check(
            r#"{"date": "2026-11-23", "sets": [{"exercise": "band-row", "reps": 5, "rpe": 7.3}]}"#,
            &["sets[0].rpe", "0.5"],
        );
        check(
            r#"{"date": "2026-11-23", "sets": [{"exercise": "band-row", "reps": 5, "quality": 6}]}"#,
            &["sets[0].quality", "1 to 5"],
        );
        check(
            r#"{"date": "2026-11-23", "sets": [{"exercise": "band-row", "reps": 5, "pain": 11}]}"#,
            &["sets[0].pain", "11"],
        );
        check(r#"{"date": "2026-11-23", "checkin": {"soreness": -1}}"#, &["checkin.soreness", "-1"]);
        check(r#"{"date": "2026-11-23", "mood": "great"}"#, &["mood", "one of"]);
        check(r#"{"date": "2026-11-23", "measurements": {"grip_kg": {"left": 40}}}"#, &["measurements.grip_kg.right"]);
    }
}
