//! What the fuzz targets share: each parser called the way the binary calls it, every error formatted.
//!
//! A target's oracle is "no panic" (ARCHITECTURE: bad input never panics), plus the promises that are
//! cheap to check (the import's value ranges, the profile's round trip). Errors are formatted too, since
//! a `Display` impl is code a user's bad file reaches.

use backbone_core::catalog::Catalog;
use backbone_core::log::{find_exercise, parse_notation, parse_session};
use backbone_core::profile::Profile;
use backbone_core::vocab::Units;
use backbone_formats::import::{self, Format, Mapper};
use backbone_formats::{archive, sheet};

/// Every choice of `--units`: none given, kg, lb.
const UNITS: [Option<Units>; 3] = [None, Some(Units::Kg), Some(Units::Lb)];

/// Reads the bytes as an export of `format`, once for each `--units`, so the seeds stay plain CSV
/// files and every unit path is reached from every input. What was read must keep the promises of
/// `import.rs`: SI values that are finite and not negative, RPE within 1-10, no workout over a day;
/// then it goes on to the log's sessions as `backbone import` takes it (with the rules of
/// `backbone_core::valid`).
pub fn import(bytes: &[u8], format: Format) {
    for units in UNITS {
        match import::parse(bytes, format, units) {
            Ok(parsed) => {
                check_import(&parsed);
                let mut mapper = Mapper::new(Catalog::builtin());
                let _ = import::to_log(&parsed, &mut mapper, jiff::civil::date(2026, 12, 5));
            }
            Err(e) => {
                let _ = (e.to_string(), e.position());
            }
        }
    }
}

fn check_import(parsed: &import::Parsed) {
    assert_ne!(parsed.format, Format::Auto, "a parsed file names its app");
    for workout in &parsed.workouts {
        assert!(
            workout.duration_s.is_none_or(|s| s <= 24 * 3600),
            "{}: duration {:?}",
            workout.key,
            workout.duration_s
        );
        for set in &workout.sets {
            for (what, value) in [("load_kg", set.load_kg), ("distance_m", set.distance_m)] {
                assert!(value.is_none_or(|v| v.is_finite() && v >= 0.0), "line {}: {what} {value:?}", set.line);
            }
            assert!(set.rpe.is_none_or(|r| (1.0..=10.0).contains(&r)), "line {}: rpe {:?}", set.line, set.rpe);
        }
    }
}

/// Text for the parsers that take `&str`. Lossy rather than refusing non-UTF-8 input: a mutation that
/// breaks UTF-8 still reaches the parser, as a multi-byte U+FFFD, the kind of character that finds a
/// byte index cut inside a character.
pub fn text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// A session file, as `backbone log --file` reads it, on a fixed day (the core never reads the clock).
pub fn session(text: &str) {
    let today = jiff::civil::date(2026, 3, 15);
    match parse_session(text, "session.json", today, Catalog::builtin()) {
        Ok(_) => {}
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

/// What a person types between sets: the dose in both units, and the whole text as an exercise query.
pub fn notation(text: &str) {
    for units in [Units::Kg, Units::Lb] {
        match parse_notation(text, units) {
            Ok(sets) => assert!(!sets.is_empty() && sets.len() <= 20, "{text:?} gave {} sets", sets.len()),
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
    if let Err(e) = find_exercise(Catalog::builtin(), text, &["chest-supported-row", "band-row"]) {
        let _ = e.to_string();
    }
}

/// A profile file; one that parses must read back the same from what `init` writes (`to_toml`).
pub fn profile(text: &str) {
    match Profile::parse(text, "profile.toml") {
        Ok(profile) => {
            let written = profile.to_toml();
            match Profile::parse(&written, "written.toml") {
                Ok(again) => assert_eq!(again, profile, "to_toml did not read back:\n{written}"),
                Err(e) => panic!("to_toml wrote what parse refuses: {e}\n{written}"),
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

/// backbone's own JSON export; one that is read must write and read back the same (`archive.rs`:
/// "written and read back exactly").
pub fn archive(bytes: &[u8]) {
    match archive::parse(bytes) {
        Ok(read) => {
            let mut written = Vec::new();
            archive::write(&read, &mut written).expect("writing to a Vec");
            match archive::parse(&written) {
                Ok(again) => assert_eq!(again, read, "the archive did not read back"),
                Err(e) => panic!("archive::write wrote what parse refuses: {e}\n{}", String::from_utf8_lossy(&written)),
            }
        }
        Err(e) => {
            let _ = (e.to_string(), e.position());
        }
    }
}

/// backbone's CSV export (`sheet::read`), as `backbone import` reads it back. A sheet in kg must write
/// and read back the same sessions, loads to the 0.01 kg the sheet writes (`sheet.rs`).
pub fn sheet(bytes: &[u8]) {
    match sheet::read(bytes) {
        Ok(read) if read.units == Units::Kg => {
            let name = |id: &str| {
                read.names.iter().find(|(known, _)| known == id).map_or_else(|| id.to_string(), |(_, n)| n.clone())
            };
            let mut written = Vec::new();
            sheet::write(&read.sessions, &name, &|_, _| None, Units::Kg, &mut written).expect("writing to a Vec");
            match sheet::read(&written) {
                Ok(again) => assert_eq!(again.sessions, to_hundredths(read.sessions), "the sheet did not read back"),
                Err(e) => panic!("sheet::write wrote what read refuses: {e}\n{}", String::from_utf8_lossy(&written)),
            }
        }
        Ok(_) => {}
        Err(e) => {
            let _ = (e.to_string(), e.position());
        }
    }
}

/// Sessions with every load as the kg sheet writes it: to 0.01 kg (`load::in_units`).
fn to_hundredths(mut sessions: Vec<backbone_core::log::SessionLog>) -> Vec<backbone_core::log::SessionLog> {
    for set in sessions.iter_mut().flat_map(|s| s.sets.iter_mut()) {
        set.load_kg = set.load_kg.map(|kg| backbone_core::load::in_units(kg, Units::Kg));
    }
    sessions
}
