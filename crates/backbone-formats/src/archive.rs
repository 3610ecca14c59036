//! backbone's own JSON export (`backbone.export/1`): the whole database of one athlete, written and read
//! back exactly, so that export -> import into an empty database -> export gives the same bytes.
//!
//! Written pretty-printed (people read and diff it) with a final newline. Read strictly: an unknown
//! field, a missing one, or a `format` other than this version's is refused with the line and column
//! where serde_json stopped, like every other import.

use std::io::Write;

use backbone_core::archive::{Archive, FORMAT};

use crate::import::ImportError;

/// Writes the archive as pretty JSON and a newline.
pub fn write(archive: &Archive, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, archive)?;
    out.write_all(b"\n")
}

/// Whether the bytes look like a JSON document rather than a CSV file: the first thing after a
/// byte-order mark and white space is `{`.
pub fn looks_like_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Reads an archive, checking what JSON alone cannot say: the format version, and that every set of a
/// custom exercise names one the archive defines.
pub fn parse(bytes: &[u8]) -> Result<Archive, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let archive: Archive = serde_json::from_slice(bytes).map_err(|e| ImportError::Invalid {
        line: e.line() as u64,
        column: e.column().max(1) as u64,
        message: format!("not a backbone export ({FORMAT}): {e}"),
    })?;
    let whole = |message: String| ImportError::Invalid { line: 1, column: 1, message };
    if archive.format != FORMAT {
        return Err(whole(format!("`format` is {:?}, expected {FORMAT:?}", archive.format)));
    }
    for (i, s) in archive.sessions.iter().enumerate() {
        for (j, set) in s.session.sets.iter().enumerate() {
            let id = &*set.exercise;
            let known = backbone_core::catalog::Catalog::builtin().get(id).is_some()
                || archive.custom_exercises.iter().any(|c| c.id == id);
            if !known {
                return Err(whole(format!(
                    "sessions[{i}] (id {:?}): sets[{j}].exercise is {id:?}, expected a catalog exercise or one \
                     of `custom_exercises`",
                    s.session.id
                )));
            }
        }
    }
    Ok(archive)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_line_and_column_or_the_field() {
        let err = parse(b"{\n  \"format\": \"backbone.export/1\",\n  \"athlete\": 3\n}").expect_err("a number");
        assert_eq!(err.position(), Some((3, 14)), "{err}");
        let err = parse(br#"{"format": "backbone.export/9", "athlete": "a"}"#).expect_err("version");
        assert!(err.to_string().contains("backbone.export/9"), "{err}");
        let err = parse(br#"{"format": "backbone.export/1", "athlete": "a", "colour": 1}"#).expect_err("unknown");
        assert!(err.to_string().contains("colour"), "{err}");
        let err = parse(
            br#"{"format": "backbone.export/1", "athlete": "a", "sessions": [{"logged_on": "2026-01-01",
                "session": {"id": "x", "date": "2026-01-01", "sets": [{"exercise": "custom-moon", "reps": 1}]}}]}"#,
        )
        .expect_err("an undefined custom exercise");
        assert!(err.to_string().contains("custom-moon"), "{err}");
    }

    /// Found by the `archive` fuzz target: 40 lb in kg is written with 17 digits, which serde_json
    /// without `float_roundtrip` read one step off, so an export did not read back exactly.
    #[test]
    fn numbers_read_back_exactly() {
        let kg = 18.143694800000002_f64;
        let text = format!(
            r#"{{"format": "backbone.export/1", "athlete": "a", "sessions": [{{"logged_on": "2026-01-01",
                "session": {{"id": "x", "date": "2026-01-01", "sets": [{{"exercise": "band-row", "load_kg": {kg:?}}}]}}}}]}}"#
        );
        let archive = parse(text.as_bytes()).expect("an archive");
        assert_eq!(archive.sessions[0].session.sets[0].load_kg, Some(kg));
    }

    #[test]
    fn json_is_told_from_csv() {
        assert!(looks_like_json(b"\xEF\xBB\xBF \n{\"format\""));
        assert!(!looks_like_json(b"Date,Workout Name"));
    }
}
