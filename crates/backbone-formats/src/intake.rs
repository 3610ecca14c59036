//! A file someone wants in their log, told apart and read whole before anything is written: backbone's
//! JSON export (restored as a whole), backbone's CSV export, or another app's CSV. Shared by `backbone
//! import` and the web app's upload, so that both say the same about the same file.
//!
//! What is kept meets the rules of `backbone_core::valid`: another app's rows that break them are left
//! out with a warning; backbone's own files that break them are refused whole (they were edited wrongly,
//! or come from elsewhere).

use backbone_core::archive::{Archive, CustomExercise};
use backbone_core::catalog::Catalog;
use backbone_core::log::SessionLog;
use backbone_core::valid;
use backbone_core::vocab::Units;
use jiff::civil::Date;

use crate::import::{self, Format, ImportError, Mapper, Warning};
use crate::{archive, sheet};

/// What a file turned out to be, read but not yet written.
#[derive(Debug, Clone)]
pub enum Intake {
    /// backbone's JSON export: restored as a whole.
    Archive(Archive),
    /// Sessions for the log, with the custom exercises they need.
    Log {
        /// "a Strong export (iOS, comma)", "a backbone CSV export".
        what: String,
        sessions: Vec<SessionLog>,
        customs: Vec<CustomExercise>,
        /// The names that became custom exercises, in order.
        unmapped: Vec<String>,
        /// Rows that could not be kept, by line.
        warnings: Vec<Warning>,
    },
}

/// Why a file was refused; nothing of it is imported.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum IntakeError {
    /// The file cannot be read as its format (with the line and column of the first problem).
    #[error("{0}")]
    Unreadable(#[from] ImportError),
    /// backbone's own file breaks the log's rules.
    #[error("{0}")]
    Invalid(String),
    /// `--format backbone` on a file that is neither of backbone's exports.
    #[error(
        "not a backbone export: expected JSON starting with `{{` or CSV starting with `date,session,title,exercise,`"
    )]
    NotBackbone,
}

impl IntakeError {
    /// Whether the file's weights need a unit the file does not state (the caller may ask and retry).
    pub fn needs_units(&self) -> bool {
        matches!(self, IntakeError::Unreadable(ImportError::UnitsNeeded { .. }))
    }
}

/// Reads a whole file. `format` is `auto`, `strong`, `hevy`, `fitnotes` or `backbone`; `units` the unit
/// of weights the file leaves unlabelled; `today` bounds the sessions' dates.
pub fn read(bytes: &[u8], format: &str, units: Option<Units>, today: Date) -> Result<Intake, IntakeError> {
    let own = format == "backbone" || format == "auto";
    if own && archive::looks_like_json(bytes) {
        let archive = archive::parse(bytes)?;
        check_sessions(archive.sessions.iter().map(|s| &s.session), &archive.custom_exercises, today)
            .map_err(IntakeError::Invalid)?;
        return Ok(Intake::Archive(archive));
    }
    let mut mapper = Mapper::new(Catalog::builtin());
    if own && sheet::is_sheet(bytes) {
        let sheet = sheet::read(bytes)?;
        let mut sessions = sheet.sessions;
        for set in sessions.iter_mut().flat_map(|s| s.sets.iter_mut()) {
            let name = sheet.names.iter().find(|(id, _)| *id == *set.exercise).map_or("", |(_, n)| n.as_str());
            if let Some(id) = mapper.own(&set.exercise, name) {
                set.exercise = id;
            }
        }
        check_sessions(&sessions, mapper.customs(), today).map_err(IntakeError::Invalid)?;
        return Ok(Intake::Log {
            what: "a backbone CSV export".into(),
            sessions,
            customs: mapper.customs().to_vec(),
            unmapped: mapper.unmapped().to_vec(),
            warnings: Vec::new(),
        });
    }
    if format == "backbone" {
        return Err(IntakeError::NotBackbone);
    }
    let parsed = import::parse(bytes, Format::parse(format).unwrap_or(Format::Auto), units)?;
    let (sessions, more) = import::to_log(&parsed, &mut mapper, today);
    let mut warnings = parsed.warnings.clone();
    warnings.extend(more);
    warnings.sort_by_key(|w| w.line);
    Ok(Intake::Log {
        what: format!("a {} export ({})", parsed.format.title(), parsed.dialect),
        sessions,
        customs: mapper.customs().to_vec(),
        unmapped: mapper.unmapped().to_vec(),
        warnings,
    })
}

/// Every session of a backbone export must be one `log` accepts, and every custom name plain text.
fn check_sessions<'s>(
    sessions: impl IntoIterator<Item = &'s SessionLog>,
    customs: &[CustomExercise],
    today: Date,
) -> Result<(), String> {
    for c in customs {
        valid::check_name(&c.name).map_err(|e| format!("custom exercise {}: name {e}", valid::excerpt(&c.id)))?;
    }
    for s in sessions {
        backbone_core::log::check_session(s, today).map_err(|e| format!("session {}: {e}", valid::excerpt(&s.id)))?;
    }
    Ok(())
}
