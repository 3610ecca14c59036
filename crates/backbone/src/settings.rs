//! The effective settings and where each came from: built-in defaults, then the config file
//! (`$XDG_CONFIG_HOME/backbone/config.toml`), then `BACKBONE_*` variables, then flags; a later layer
//! wins. `backbone config` shows the result.

mod file;

use std::path::PathBuf;

use backbone_core::vocab::{Units, did_you_mean};

use crate::failure::bad;
pub use file::MAX_WEEKS;

/// Where a value came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    Default,
    File { path: PathBuf, line: usize },
    Env(&'static str),
    Flag(&'static str),
}

impl Source {
    /// One word for scripts: default, file, env or flag.
    pub fn kind(&self) -> &'static str {
        match self {
            Source::Default => "default",
            Source::File { .. } => "file",
            Source::Env(_) => "env",
            Source::Flag(_) => "flag",
        }
    }

    /// Which file and line, variable or flag.
    pub fn origin(&self) -> Option<String> {
        match self {
            Source::Default => None,
            Source::File { path, line } => Some(format!("{}:{line}", path.display())),
            Source::Env(name) | Source::Flag(name) => Some((*name).to_string()),
        }
    }
}

/// One effective value with its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Setting<T> {
    fn set(&mut self, value: T, source: Source) {
        *self = Setting { value, source };
    }
}

/// Every setting, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The config file looked for (it may not exist); none without a home folder.
    pub file: Option<PathBuf>,
    /// The database; `None` is the platform default, worked out when a command needs it.
    pub db: Setting<Option<PathBuf>>,
    /// Units for screens and files when no profile says (a profile's own `units` is the person's).
    pub units: Setting<Units>,
    /// `--weeks` of `plan --profile` and `report` when not given.
    pub weeks: Setting<u32>,
}

/// What the command line said: `--db` with whether clap took it from the flag or `BACKBONE_DB`, and
/// `--weeks` when typed.
pub struct Given {
    pub db: Option<(PathBuf, Source)>,
    pub weeks: Option<u32>,
}

/// The config file's place: `$XDG_CONFIG_HOME/backbone/config.toml`, by default
/// `~/.config/backbone/config.toml` (the platform's config folder elsewhere).
pub fn config_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy().ok().map(|base| base.config_dir().join("backbone").join("config.toml"))
}

/// Resolves every setting, refusing a bad config file or variable with a one-line message.
pub fn resolve(given: Given) -> anyhow::Result<Settings> {
    let path = config_path();
    let values = path.as_deref().map(file::read).transpose()?.unwrap_or_default();
    let at = |line| Source::File { path: path.clone().unwrap_or_default(), line };
    let mut db = Setting { value: None, source: Source::Default };
    let mut units = Setting { value: Units::Kg, source: Source::Default };
    // CONTRACT: `plan --profile` and `report` cover 12 weeks unless told otherwise.
    let mut weeks = Setting { value: 12, source: Source::Default };
    if let Some(v) = values.db {
        db.set(Some(v.value), at(v.line));
    }
    if let Some(v) = values.units {
        units.set(v.value, at(v.line));
    }
    if let Some(v) = values.weeks {
        weeks.set(v.value, at(v.line));
    }
    if let Some(word) = env("BACKBONE_UNITS")? {
        let hint = did_you_mean(&word, Units::WORDS);
        let value = Units::parse(&word)
            .map_err(|_| bad(format!("BACKBONE_UNITS: {word:?} is not allowed; expected \"kg\" or \"lb\"{hint}")))?;
        units.set(value, Source::Env("BACKBONE_UNITS"));
    }
    if let Some(text) = env("BACKBONE_WEEKS")? {
        let value = text.parse::<u32>().ok().filter(|w| (1..=MAX_WEEKS).contains(w)).ok_or_else(|| {
            bad(format!("BACKBONE_WEEKS: {text:?} is not allowed; expected a whole number from 1 to {MAX_WEEKS}"))
        })?;
        weeks.set(value, Source::Env("BACKBONE_WEEKS"));
    }
    if let Some((value, source)) = given.db {
        db.set(Some(value), source);
    }
    if let Some(value) = given.weeks {
        weeks.set(value, Source::Flag("--weeks"));
    }
    Ok(Settings { file: path, db, units, weeks })
}

/// A `BACKBONE_*` variable; unset and empty are the same (as shells write `VAR= cmd`).
fn env(name: &str) -> anyhow::Result<Option<String>> {
    match std::env::var(name) {
        Ok(v) if v.trim().is_empty() => Ok(None),
        Ok(v) => Ok(Some(v.trim().to_string())),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => Err(bad(format!("{name}: not UTF-8 text"))),
    }
}
