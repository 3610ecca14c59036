//! The config file, `$XDG_CONFIG_HOME/backbone/config.toml`: a few keys, each refused with the file,
//! the line, the key, the value and what is expected.

use std::path::{Path, PathBuf};

use backbone_core::vocab::{Units, did_you_mean};
use toml::de::{DeTable, DeValue};

use crate::failure::bad;

/// The keys a config file may set.
pub const KEYS: &[&str] = &["db", "units", "weeks"];

/// The largest number of weeks both `plan --profile` and `report` take (CONTRACT: plan 1..=52).
pub const MAX_WEEKS: u32 = 52;

/// A value and the line of the file it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Line<T> {
    pub value: T,
    pub line: usize,
}

/// What a config file sets; every key optional.
#[derive(Debug, Default, PartialEq)]
pub struct Values {
    pub db: Option<Line<PathBuf>>,
    pub units: Option<Line<Units>>,
    pub weeks: Option<Line<u32>>,
}

/// Reads the file at `path`: nothing when there is none (a config file is optional), nor when a
/// folder on the way cannot be entered (another user's home, under `sudo -u` or `setpriv`), since no
/// file of this user's can be there. A file that is there but unreadable is an error.
pub fn read(path: &Path) -> anyhow::Result<Values> {
    if !path.try_exists().unwrap_or(false) {
        return Ok(Values::default());
    }
    let bytes =
        std::fs::read(path).map_err(|e| bad(format!("{}: cannot read the config file: {e}", path.display())))?;
    let text = String::from_utf8(bytes).map_err(|_| bad(format!("{}: not UTF-8 text", path.display())))?;
    parse(&text, path)
}

/// Parses the text of a config file; `path` names it in errors and anchors a relative `db`.
pub fn parse(text: &str, path: &Path) -> anyhow::Result<Values> {
    let file = path.display();
    let table = DeTable::parse(text).map_err(|e| {
        let line = e.span().map_or(1, |s| backbone_core::profile::line_col(text, s.start).0);
        bad(format!("{file}:{line}: not valid TOML: {}", e.message().trim()))
    })?;
    let mut values = Values::default();
    for (key, value) in table.get_ref() {
        let line = backbone_core::profile::line_col(text, key.span().start).0;
        let shown = text.get(value.span()).unwrap_or("?");
        let refuse = |expected: &str| {
            bad(format!("{file}:{line}: key `{}`: {shown} is not allowed; expected {expected}", key.get_ref()))
        };
        match (key.get_ref().as_ref(), value.get_ref()) {
            ("db", DeValue::String(s)) if !s.is_empty() => {
                values.db = Some(Line { value: anchored(path, s), line });
            }
            ("db", _) => return Err(refuse("a path in quotes, such as \"~/training/backbone.db\"")),
            ("units", DeValue::String(s)) if Units::parse(s).is_ok() => {
                values.units = Units::parse(s).ok().map(|value| Line { value, line });
            }
            ("units", v) => {
                let hint = v.as_str().map_or_else(String::new, |s| did_you_mean(s, Units::WORDS));
                return Err(refuse(&format!("\"kg\" or \"lb\"{hint}")));
            }
            ("weeks", DeValue::Integer(n)) if weeks(n).is_some() => {
                values.weeks = weeks(n).map(|value| Line { value, line });
            }
            ("weeks", _) => return Err(refuse(&format!("a whole number from 1 to {MAX_WEEKS}"))),
            (other, _) => {
                let hint = did_you_mean(other, KEYS);
                return Err(bad(format!(
                    "{file}:{line}: unknown key `{other}`; expected one of: {}{hint}",
                    KEYS.join(", ")
                )));
            }
        }
    }
    Ok(values)
}

/// A whole number of weeks in range.
fn weeks(n: &toml::de::DeInteger<'_>) -> Option<u32> {
    let digits = n.as_str().replace('_', "");
    let n = i64::from_str_radix(&digits, n.radix()).ok()?;
    u32::try_from(n).ok().filter(|w| (1..=MAX_WEEKS).contains(w))
}

/// `~/` is the home folder, and a relative path is taken from the config file's folder rather than
/// from wherever a command happens to run.
fn anchored(config: &Path, db: &str) -> PathBuf {
    if let Some(rest) = db.strip_prefix("~/")
        && let Ok(home) = etcetera::home_dir()
    {
        return home.join(rest);
    }
    let db = Path::new(db);
    if db.is_absolute() { db.to_path_buf() } else { config.parent().unwrap_or(Path::new(".")).join(db) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> String {
        parse(text, Path::new("/c/config.toml")).unwrap_err().to_string()
    }

    #[test]
    fn every_key_is_read_with_its_line() {
        let v = parse("# mine\nunits = \"lb\"\nweeks = 26\ndb = \"log.db\"\n", Path::new("/c/config.toml")).unwrap();
        assert_eq!(v.units, Some(Line { value: Units::Lb, line: 2 }));
        assert_eq!(v.weeks, Some(Line { value: 26, line: 3 }));
        assert_eq!(v.db, Some(Line { value: PathBuf::from("/c/log.db"), line: 4 }));
        assert_eq!(parse("", Path::new("/c/config.toml")).unwrap(), Values::default());
    }

    #[test]
    fn a_bad_value_names_the_file_line_key_value_and_what_is_expected() {
        assert_eq!(
            refused("\nunits = \"pounds\"\n"),
            "/c/config.toml:2: key `units`: \"pounds\" is not allowed; expected \"kg\" or \"lb\""
        );
        assert_eq!(
            refused("weeks = 0\n"),
            "/c/config.toml:1: key `weeks`: 0 is not allowed; expected a whole number from 1 to 52"
        );
        assert!(refused("weeks = \"ten\"\n").contains("key `weeks`: \"ten\" is not allowed"));
        assert!(refused("db = 3\n").contains("key `db`: 3 is not allowed; expected a path"));
        assert_eq!(
            refused("a = 1\nweek = 4\n"),
            "/c/config.toml:1: unknown key `a`; expected one of: db, units, weeks"
        );
        assert!(refused("week = 4\n").ends_with("did you mean \"weeks\"?"));
        assert!(refused("units = = 3").starts_with("/c/config.toml:1: not valid TOML"));
    }
}
