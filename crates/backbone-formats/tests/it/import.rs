//! The import on the three real exports (committed copies in `tests/fixtures/import/`), the mapping of
//! their exercise names to the catalog, and property tests: no input makes `parse` panic, refusals point
//! inside the file, and a Strong file written from random sets reads back the same.

use std::path::{Path, PathBuf};

use backbone_core::catalog::Catalog;
use backbone_core::vocab::Units;
use backbone_formats::import::{Format, ImportError, Parsed, SetKind, map_exercise, parse};
use jiff::civil::date;
use proptest::prelude::*;

const STRONG: &str = "strong_ios_comma__breinsp-strong-charts.csv";
const HEVY: &str = "hevy_kg__mouadja02-Hevy-Coach.csv";
const FITNOTES: &str = "fitnotes_android_kgs__PersonalWeightTracker.csv";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

fn read(name: &str) -> Vec<u8> {
    let path = fixtures().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn load(name: &str, units: Option<Units>) -> Parsed {
    parse(&read(name), Format::Auto, units).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The committed copies are the real exports, byte for byte: their SHA-256 prefixes are the ones
/// `shared/fixtures/imports/README.md` records for the originals.
#[test]
fn copies_are_the_real_exports_byte_for_byte() {
    use sha2::{Digest, Sha256};
    for (name, prefix) in [(STRONG, "40a97508edf3d24c"), (HEVY, "af9f691a5b0db66e"), (FITNOTES, "f2aac4e43bead0de")] {
        let digest: String = Sha256::digest(read(name)).iter().take(8).map(|b| format!("{b:02x}")).collect();
        assert_eq!(digest, prefix, "{name} is not the recorded original");
    }
}

#[test]
fn strong_ios_real_export() {
    // No unit column: the file alone cannot be read.
    let e = parse(&read(STRONG), Format::Auto, None).unwrap_err();
    assert_eq!(e, ImportError::UnitsNeeded { format: Format::Strong, dialect: "strong-ios", line: 2 });
    let p = load(STRONG, Some(Units::Kg));
    assert_eq!((p.format, p.dialect, p.assumed_units), (Format::Strong, "strong-ios", Some(Units::Kg)));
    assert_eq!((p.workouts.len(), p.set_count()), (129, 2078));
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    let first = &p.workouts[0];
    let last = p.workouts.last().unwrap();
    assert_eq!((first.date, last.date), (date(2021, 2, 10), date(2021, 12, 22)));
    assert_eq!(first.key, "strong:2021-02-10 16:46:13:Mittwoch");
    assert_eq!(first.start, Some(date(2021, 2, 10).at(16, 46, 13, 0)));
    assert_eq!(first.duration_s, Some(2 * 3600 + 18 * 60));
    let s = &first.sets[0];
    assert_eq!(
        (s.line, s.exercise_name.as_str(), s.kind, s.load_kg, s.reps, s.seconds, s.distance_m),
        (2, "Bench Press (Barbell)", SetKind::Normal, Some(75.0), Some(8), None, None)
    );
    let l = last.sets.last().unwrap();
    assert_eq!(
        (l.line, l.exercise_name.as_str(), l.load_kg, l.reps, l.index),
        (2079, "Bicep Curl (Machine)", Some(25.0), Some(12), 2)
    );
    let sets = || p.workouts.iter().flat_map(|w| &w.sets);
    assert!(sets().all(|s| s.kind == SetKind::Normal));
    assert_eq!(sets().filter(|s| s.load_kg == Some(0.0)).count(), 250);
    assert_eq!(sets().map(|s| s.load_kg.unwrap_or(0.0)).fold(0.0, f64::max), 180.0);
    // The planks: 0 reps and a time, read as a timed set.
    let planks: Vec<_> = sets().filter(|s| s.seconds.is_some()).map(|s| (s.line, s.reps, s.seconds)).collect();
    assert_eq!(planks[0], (74, None, Some(90)));
    assert_eq!(planks.len(), 6);
    let note = sets().find(|s| s.line == 779).and_then(|s| s.note.as_deref());
    assert_eq!(note, Some("Grün, Gelb & Blau"));
    // Lb, if the user says so.
    let lb = load(STRONG, Some(Units::Lb));
    assert!((lb.workouts[0].sets[0].load_kg.unwrap() - 75.0 * 0.453_592_37).abs() < 1e-9);
}

#[test]
fn hevy_real_export() {
    let p = load(HEVY, None);
    assert_eq!((p.format, p.dialect, p.assumed_units), (Format::Hevy, "hevy", None));
    assert_eq!((p.workouts.len(), p.set_count()), (17, 330));
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    let first = &p.workouts[0];
    let last = p.workouts.last().unwrap();
    assert_eq!((first.date, last.date), (date(2025, 5, 13), date(2025, 6, 30)));
    assert_eq!(first.key, "hevy:2025-05-13 19:49:00:Evening workout 🏋️");
    assert_eq!(first.duration_s, Some(55 * 60));
    assert_eq!(first.sets.len(), 16);
    assert_eq!((first.sets[0].line, first.sets[0].load_kg, first.sets[0].reps), (316, Some(44.0), Some(15)));
    assert!(first.notes.as_deref().unwrap().starts_with("Pushing through the storm"));
    // The file's first rows are its latest workout.
    assert_eq!(last.title.as_deref(), Some("Monday ? You mean international CHEST DAY !"));
    assert_eq!((last.sets[1].line, last.sets[1].load_kg, last.sets[1].index), (3, Some(60.0), 1));
    let sets = || p.workouts.iter().flat_map(|w| &w.sets);
    assert!(sets().all(|s| s.kind == SetKind::Normal && s.rpe.is_none() && s.distance_m.is_none()));
    // Bodyweight sets have no load, which is not a load of 0.
    let mut bodyweight: Vec<u64> = sets().filter(|s| s.load_kg.is_none()).map(|s| s.line).collect();
    bodyweight.sort_unstable();
    assert_eq!(bodyweight, [202, 329, 330, 331]);
    assert_eq!(sets().filter(|s| s.load_kg == Some(12.5)).count(), 2);
}

#[test]
fn fitnotes_real_export() {
    let p = load(FITNOTES, None);
    assert_eq!((p.format, p.dialect, p.assumed_units), (Format::FitNotes, "fitnotes", None));
    assert_eq!((p.workouts.len(), p.set_count()), (124, 2495));
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    let first = &p.workouts[0];
    let last = p.workouts.last().unwrap();
    assert_eq!((first.date, last.date), (date(2023, 11, 21), date(2025, 6, 22)));
    assert_eq!((first.key.as_str(), first.start, first.title.as_deref()), ("fitnotes:2023-11-21", None, None));
    let s = &first.sets[0];
    assert_eq!((s.line, s.exercise_name.as_str(), s.load_kg, s.reps), (2, "Pull Up", Some(64.0), Some(8)));
    let l = last.sets.last().unwrap();
    assert_eq!(
        (l.line, l.exercise_name.as_str(), l.load_kg, l.reps),
        (2496, "EZ-Bar Preacher Curl", Some(32.0), Some(9))
    );
    assert!(p.workouts.iter().flat_map(|w| &w.sets).all(|s| s.load_kg.is_some() && s.kind == SetKind::Normal));
}

/// Every distinct exercise name of the three real exports and what it maps to in the catalog.
#[test]
fn real_exercise_names_map_to_the_catalog() {
    let catalog = Catalog::builtin();
    let mut out = String::new();
    for (name, units) in [(STRONG, Some(Units::Kg)), (HEVY, None), (FITNOTES, None)] {
        let p = load(name, units);
        let mut names: Vec<&str> = p.workouts.iter().flat_map(|w| &w.sets).map(|s| s.exercise_name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        let mapped = names.iter().filter(|n| map_exercise(n, catalog).is_some()).count();
        out.push_str(&format!("# {name}: {} names, {mapped} mapped\n", names.len()));
        for n in names {
            let id = map_exercise(n, catalog).map_or("-", |e| e.id.as_str());
            out.push_str(&format!("{n} -> {id}\n"));
        }
    }
    insta::assert_snapshot!(out);
}

/// The small files of `tests/fixtures/import/` and the head of each real one: seeds for mutation.
fn seeds() -> Vec<Vec<u8>> {
    let mut files: Vec<_> = std::fs::read_dir(fixtures())
        .expect("the fixtures folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).expect("a fixture").into_iter().take(1500).collect()).collect()
}

/// Checks what must hold for any input: no panic (the test itself), and a refusal points at a line of
/// the file, a set at a line of the file.
fn holds(bytes: &[u8]) -> Result<(), TestCaseError> {
    let lines = bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u64 + 1;
    for format in [Format::Auto, Format::Strong, Format::Hevy, Format::FitNotes] {
        for units in [None, Some(Units::Lb)] {
            match parse(bytes, format, units) {
                Ok(p) => {
                    for s in p.workouts.iter().flat_map(|w| &w.sets) {
                        prop_assert!(s.line >= 1 && s.line <= lines, "set at line {} of {lines}", s.line);
                        prop_assert!(s.load_kg.is_none_or(|kg| kg.is_finite() && kg >= 0.0));
                    }
                }
                Err(ImportError::Invalid { line, column, .. }) => {
                    prop_assert!(line >= 1 && line <= lines, "line {line} of {lines}");
                    prop_assert!(column >= 1);
                }
                Err(ImportError::UnitsNeeded { line, .. }) => prop_assert!(line >= 1 && line <= lines),
            }
        }
    }
    Ok(())
}

/// One edit of a file: at a position (a fraction of its length), delete, insert or replace a byte.
fn edits() -> impl Strategy<Value = Vec<(f64, u8, u8)>> {
    let byte = prop_oneof![
        4 => prop::sample::select(b"\",;\t\n\r0123456789.-: WDFkglbs".to_vec()),
        1 => any::<u8>(),
    ];
    prop::collection::vec((0.0..1.0f64, 0..3u8, byte), 1..8)
}

fn mutate(mut file: Vec<u8>, edits: &[(f64, u8, u8)]) -> Vec<u8> {
    for &(at, op, byte) in edits {
        let i = ((file.len() as f64) * at) as usize;
        match op {
            0 if i < file.len() => {
                file.remove(i);
            }
            1 => file.insert(i.min(file.len()), byte),
            _ if i < file.len() => file[i] = byte,
            _ => file.push(byte),
        }
    }
    file
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        holds(&bytes)?;
    }

    #[test]
    fn csv_like_bytes_never_panic(
        header in prop::sample::select(vec![
            "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n",
            "\"title\",\"start_time\",\"end_time\",\"exercise_title\",\"set_type\",\"weight_lbs\",\"reps\",\"distance_miles\",\"rpe\"\n",
            "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n",
            "",
        ]),
        body in prop::collection::vec(prop::sample::select(b"\",;\t\n\r0123456789.-: WDFRest Timerkglbsmi".to_vec()), 0..400),
    ) {
        let mut bytes = header.as_bytes().to_vec();
        bytes.extend(body);
        holds(&bytes)?;
    }

    #[test]
    fn mutated_files_never_panic(seed in 0usize..64, edits in edits()) {
        let seeds = seeds();
        let file = mutate(seeds[seed % seeds.len()].clone(), &edits);
        holds(&file)?;
    }

    /// A Strong file written from random sets, names with commas, quotes and accents included, reads
    /// back the same.
    #[test]
    fn strong_files_read_back(
        sets in prop::collection::vec(
            (0u8..3, "[A-Za-z ,\"é()-]{1,20}", 0u32..4000, 0u32..40, prop::sample::select(vec!["1", "2", "W", "D", "F"])),
            1..40,
        ),
    ) {
        let mut text = String::from("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n");
        let mut expected = Vec::new();
        for (day, name, weight_tenths, reps, order) in &sets {
            let name = name.trim();
            prop_assume!(!name.is_empty());
            let kg = f64::from(*weight_tenths) / 10.0;
            text.push_str(&format!(
                "2024-01-0{} 10:00:00,\"Day {day}\",1h,\"{}\",{order},{kg:.1},{reps},0,0,,,\n",
                day + 1,
                name.replace('"', "\"\"")
            ));
            let kind = match *order { "W" => SetKind::Warmup, "D" => SetKind::Drop, "F" => SetKind::Failure, _ => SetKind::Normal };
            expected.push((u32::from(*day), name.to_string(), kind, kg, *reps));
        }
        let p = parse(text.as_bytes(), Format::Auto, Some(Units::Kg)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut got: Vec<_> = p.workouts.iter().flat_map(|w| w.sets.iter().map(move |s| (w.date, s))).map(|(d, s)| {
            (u32::try_from(d.day() - 1).unwrap_or(0), s.exercise_name.clone(), s.kind, s.load_kg.unwrap_or(-1.0), s.reps.unwrap_or(0), s.line)
        }).collect();
        got.sort_by_key(|g| g.5);
        let got: Vec<_> = got.into_iter().map(|(a, b, c, d, e, _)| (a, b, c, d, e)).collect();
        prop_assert_eq!(got, expected);
    }
}
