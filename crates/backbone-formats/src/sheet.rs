//! backbone's CSV export: one row per performed set, what the plan prescribed beside what was done, for
//! a spreadsheet; and the reader that imports it back (`import --format backbone` on a CSV file).
//!
//! The header names every column and the load columns carry their unit (`load_kg` or `load_lb`), so the
//! file says what it holds. Loads are written as a person reads them (`load::in_units`: 0.01 kg, 0.1 lb),
//! so 20 lb typed is 20 in the sheet; a load typed in kilograms comes back bit for bit, and reading a
//! sheet and writing it again gives the same sheet. Other numbers are written in their shortest form
//! that reads back to the same value.
//! Sessions without sets (a check-in alone) have no row: this is a sheet of sets, the JSON export is the
//! whole database.
//!
//! `prescribed_load_per` (`each` or `pair` beside a prescribed dumbbell or kettlebell load, METHOD K10)
//! came later than the other columns, so it is the last: a spreadsheet that finds columns by their place
//! keeps working, and the reader neither needs nor reads it (sheets written before it read as before).

use std::collections::HashMap;
use std::io::Write;

use backbone_core::load::{in_units, lb_to_kg};
use backbone_core::log::{SessionLog, SetKind, SetLog};
use backbone_core::plan::{LoadPer, Reps};
use backbone_core::vocab::Units;
use jiff::civil::Date;

use crate::import::ImportError;

/// What the plan prescribed for an exercise on a day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prescribed {
    pub sets: u32,
    pub reps: Option<Reps>,
    pub seconds: Option<u32>,
    pub rpe: f64,
    pub load_kg: Option<f64>,
    /// How `load_kg` is held: each dumbbell's or kettlebell's, or the pair's.
    pub load_per: Option<LoadPer>,
}

/// The columns, in order; `{unit}` is `kg` or `lb`.
const COLUMNS: [&str; 21] = [
    "date",
    "session",
    "title",
    "exercise",
    "exercise_name",
    "set",
    "kind",
    "prescribed_sets",
    "prescribed_reps",
    "prescribed_seconds",
    "prescribed_rpe",
    "prescribed_load_{unit}",
    "reps",
    "seconds",
    "load_{unit}",
    "rpe",
    "quality",
    "pain",
    "bar_speed_mps",
    "distance_m",
    "note",
];

/// The column written after [`COLUMNS`]; not read back.
const LOAD_PER: &str = "prescribed_load_per";

/// Whether a file is this sheet: its header starts as `write` writes it.
pub fn is_sheet(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.starts_with(b"date,session,title,exercise,")
}

/// The log as a sheet: exercise names from the catalog or the person's custom exercises, and the plan's
/// prescription beside each set when there is a plan.
pub fn write_log(
    sessions: &[SessionLog],
    customs: &[backbone_core::archive::CustomExercise],
    plan: Option<&backbone_core::plan::Plan>,
    units: Units,
    out: &mut dyn Write,
) -> Result<(), csv::Error> {
    let catalog = backbone_core::catalog::Catalog::builtin();
    let customs: HashMap<&str, &str> = customs.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect();
    let name = |id: &str| match catalog.get(id) {
        Some(e) => e.name.clone(),
        None => customs.get(id).map_or_else(|| id.to_string(), |n| (*n).to_string()),
    };
    let planned = plan.map(prescriptions).unwrap_or_default();
    let prescribed = |date: Date, exercise: &str| planned.get(&(date, exercise.to_string())).copied();
    write(sessions, &name, &prescribed, units, out)
}

/// What the plan prescribed, by day and exercise.
fn prescriptions(plan: &backbone_core::plan::Plan) -> HashMap<(Date, String), Prescribed> {
    let catalog = backbone_core::catalog::Catalog::builtin();
    plan.sessions()
        .flat_map(|(_, s)| s.main.iter().map(move |m| (s.date, m)))
        .map(|(date, m)| {
            let p = Prescribed {
                sets: m.sets,
                reps: m.reps,
                seconds: m.seconds,
                rpe: m.rpe,
                load_kg: m.load_kg,
                load_per: m.load_held(catalog),
            };
            ((date, m.exercise.to_string()), p)
        })
        .collect()
}

/// Writes one row per set of `sessions`, in their order. `name` gives an exercise's name for its id,
/// `prescribed` what the plan asked for that exercise on that day (nothing when it was not planned).
pub fn write(
    sessions: &[SessionLog],
    name: &dyn Fn(&str) -> String,
    prescribed: &dyn Fn(Date, &str) -> Option<Prescribed>,
    units: Units,
    out: &mut dyn Write,
) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    let unit = units.as_str();
    w.write_record(COLUMNS.iter().map(|c| c.replace("{unit}", unit)).chain([LOAD_PER.to_string()]))?;
    // To 0.01 kg or 0.1 lb (`load::in_units`): 20 lb typed is 20 in the sheet, not 19.9959.
    let load = |kg: Option<f64>| number(kg.map(|kg| in_units(kg, units)));
    for s in sessions {
        let mut numbers: HashMap<&str, u32> = HashMap::new();
        for set in &s.sets {
            let n = numbers.entry(&set.exercise).or_insert(0);
            *n += 1;
            let p = prescribed(s.date, &set.exercise);
            w.write_record([
                s.date.to_string(),
                cell(&s.id),
                cell(s.title.as_deref().unwrap_or_default()),
                cell(&set.exercise),
                cell(&name(&set.exercise)),
                n.to_string(),
                set.kind.as_str().to_string(),
                p.map(|p| p.sets.to_string()).unwrap_or_default(),
                p.and_then(|p| p.reps).map(|r| format!("{}-{}", r.min, r.max)).unwrap_or_default(),
                number(p.and_then(|p| p.seconds)),
                number(p.map(|p| p.rpe)),
                load(p.and_then(|p| p.load_kg)),
                number(set.reps),
                number(set.seconds),
                load(set.load_kg),
                number(set.rpe),
                number(set.quality),
                number(set.pain),
                number(set.bar_speed_mps),
                number(set.distance_m),
                cell(set.note.as_deref().unwrap_or_default()),
                // Only beside a load: "each" of nothing says nothing.
                p.filter(|p| p.load_kg.is_some())
                    .and_then(|p| p.load_per)
                    .map(|per| per.word().to_string())
                    .unwrap_or_default(),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}

/// A text cell a spreadsheet will not run: one that starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return is a formula to Excel and LibreOffice (OWASP "CSV injection"), so it gets a leading `'`, which
/// spreadsheets show as text. A cell that already starts with quotes before such a character gets one
/// more, so that `uncell` gives back exactly what was written.
fn cell(text: &str) -> String {
    if starts_formula(text.trim_start_matches('\'')) { format!("'{text}") } else { text.to_string() }
}

/// What `cell` wrote, as it was before.
fn uncell(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if starts_formula(rest.trim_start_matches('\'')) => rest,
        _ => text,
    }
}

fn starts_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A value in its shortest form that reads back the same (Rust's `Display`), empty when absent.
fn number<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// A sheet read back: sessions with their sets, and the name each exercise id was written with.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub sessions: Vec<SessionLog>,
    /// (id, name) for every exercise, in order of first appearance.
    pub names: Vec<(String, String)>,
    pub units: Units,
}

/// Reads a sheet that `write` wrote (or a person edited). The `prescribed_*` columns are not read back:
/// the plan is the profile's, not the file's.
pub fn read(bytes: &[u8]) -> Result<Sheet, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut r = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let header = r.headers().map_err(|e| csv_error(&e, 1))?.clone();
    let units = if header.iter().any(|h| h == "load_lb") { Units::Lb } else { Units::Kg };
    let find = |name: &str| header.iter().position(|h| h == name);
    let mut at = [0usize; COLUMNS.len()];
    for (slot, column) in at.iter_mut().zip(COLUMNS) {
        let column = column.replace("{unit}", units.as_str());
        *slot = find(&column).ok_or_else(|| ImportError::Invalid {
            line: 1,
            column: 1,
            message: format!("the header has no `{column}` column; expected backbone's CSV export header"),
        })?;
    }
    let mut sheet = Sheet { sessions: Vec::new(), names: Vec::new(), units };
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = r.position().line();
        match r.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(csv_error(&e, line)),
        }
        let line = record.position().map_or(line, |p| p.line());
        let row = Row { record: &record, at: &at, line };
        let (date, id, set) = row.set(units)?;
        let name = row.text(4).trim();
        if !sheet.names.iter().any(|(known, _)| *known == *set.exercise) {
            let name = if name.is_empty() { set.exercise.to_string() } else { name.to_string() };
            sheet.names.push((set.exercise.to_string(), name));
        }
        let i = *by_id.entry(id.to_string()).or_insert_with(|| {
            let title = Some(row.text(2).to_string()).filter(|t| !t.is_empty());
            sheet.sessions.push(SessionLog { id: id.to_string(), date, title, ..SessionLog::default() });
            sheet.sessions.len() - 1
        });
        if sheet.sessions[i].date != date {
            let first = sheet.sessions[i].date;
            return Err(row.error(0, format!("is {date}, but earlier rows of session {id:?} say {first}")));
        }
        sheet.sessions[i].sets.push(set);
    }
    Ok(sheet)
}

fn csv_error(e: &csv::Error, line: u64) -> ImportError {
    let line = e.position().map_or(line, |p| p.line());
    ImportError::Invalid { line, column: 1, message: format!("not readable as CSV: {e}") }
}

/// One row of a sheet and where its columns are.
struct Row<'r> {
    record: &'r csv::StringRecord,
    at: &'r [usize; COLUMNS.len()],
    line: u64,
}

impl Row<'_> {
    /// A text cell, as it was before `cell` made it safe for spreadsheets.
    fn text(&self, column: usize) -> &str {
        uncell(self.record.get(self.at[column]).unwrap_or(""))
    }

    /// An error at a column, counted in characters from the start of the row (quotes left out).
    fn error(&self, column: usize, problem: String) -> ImportError {
        let index = self.at[column];
        let before: usize = self.record.iter().take(index).map(|f| f.chars().count() + 1).sum();
        let name = COLUMNS[column].replace("{unit}", "unit");
        ImportError::Invalid { line: self.line, column: before as u64 + 1, message: format!("`{name}` {problem}") }
    }

    fn value<T: std::str::FromStr>(&self, column: usize, expected: &str) -> Result<Option<T>, ImportError> {
        let text = self.text(column).trim();
        if text.is_empty() {
            return Ok(None);
        }
        text.parse().map(Some).map_err(|_| self.error(column, format!("is {text:?}, expected {expected}")))
    }

    fn real(&self, column: usize, expected: &str) -> Result<Option<f64>, ImportError> {
        match self.value::<f64>(column, expected)? {
            Some(x) if !x.is_finite() => Err(self.error(column, format!("is {x}, expected {expected}"))),
            other => Ok(other),
        }
    }

    fn set(&self, units: Units) -> Result<(Date, &str, SetLog), ImportError> {
        let date = self.value::<Date>(0, "a date YYYY-MM-DD")?.ok_or_else(|| self.error(0, "is empty".into()))?;
        let id = self.text(1).trim();
        if id.is_empty() {
            return Err(self.error(1, "is empty, expected the session's id".into()));
        }
        let exercise = self.text(3).trim();
        if exercise.is_empty() {
            return Err(self.error(3, "is empty, expected an exercise id".into()));
        }
        let kind = match self.text(6).trim() {
            "" => SetKind::Normal,
            word => SetKind::parse(word)
                .ok_or_else(|| self.error(6, format!("is {word:?}, expected normal, warmup, drop or failure")))?,
        };
        let load = self.real(14, "a load")?;
        let set = SetLog {
            exercise: backbone_core::catalog::intern(exercise),
            reps: self.value(12, "a whole number of reps")?,
            seconds: self.value(13, "a whole number of seconds")?,
            load_kg: match units {
                Units::Kg => load,
                Units::Lb => load.map(lb_to_kg),
            },
            rpe: self.real(15, "an RPE from 1 to 10")?,
            quality: self.value(16, "a quality from 1 to 5")?,
            pain: self.value(17, "a pain score from 0 to 10")?,
            bar_speed_mps: self.real(18, "a speed in m/s")?,
            kind,
            distance_m: self.real(19, "a distance in metres")?,
            note: Some(self.text(20).to_string()).filter(|n| !n.is_empty()),
        };
        Ok((date, id, set))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sessions() -> Vec<SessionLog> {
        vec![SessionLog {
            id: "s-1".into(),
            date: jiff::civil::date(2026, 11, 23),
            title: Some("Pull, \"heavy\"".into()),
            sets: vec![
                SetLog { reps: Some(5), load_kg: Some(40.0), kind: SetKind::Warmup, ..SetLog::new("barbell-row") },
                SetLog { reps: Some(5), load_kg: Some(82.5), rpe: Some(8.5), ..SetLog::new("barbell-row") },
                SetLog {
                    seconds: Some(40),
                    distance_m: Some(30.0),
                    note: Some("a, b".into()),
                    ..SetLog::new("farmer-carry")
                },
            ],
            ..SessionLog::default()
        }]
    }

    fn written(units: Units) -> String {
        let planned = |_: Date, e: &str| {
            (e == "barbell-row").then_some(Prescribed {
                sets: 3,
                reps: Some(Reps { min: 6, max: 8, target: 6 }),
                seconds: None,
                rpe: 8.0,
                load_kg: Some(80.0),
                load_per: None,
            })
        };
        let mut out = Vec::new();
        write(&sessions(), &|id| format!("name of {id}"), &planned, units, &mut out).expect("writes");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn one_row_per_set_with_the_prescription_beside_it() {
        let text = written(Units::Kg);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].starts_with("date,session,title,exercise,exercise_name,set,kind,prescribed_sets"));
        assert!(lines[0].contains(",prescribed_load_kg,") && lines[0].contains(",load_kg,"));
        assert_eq!(
            lines[2],
            "2026-11-23,s-1,\"Pull, \"\"heavy\"\"\",barbell-row,name of barbell-row,2,normal,3,6-8,,8,80,5,,82.5,8.5,,,,,,"
        );
        assert!(lines[3].ends_with(",40,,,,,,30,\"a, b\","), "{}", lines[3]);
        assert!(written(Units::Lb).lines().next().expect("a header").contains(",load_lb,"));
    }

    #[test]
    fn k10_a_prescribed_dumbbell_load_says_each_in_the_last_column_and_old_sheets_still_read() {
        let day = vec![SessionLog {
            id: "s-2".into(),
            date: jiff::civil::date(2026, 11, 25),
            sets: vec![
                SetLog { reps: Some(10), load_kg: Some(20.0), ..SetLog::new("chest-supported-row") },
                SetLog { reps: Some(10), ..SetLog::new("one-arm-dumbbell-row") },
            ],
            ..SessionLog::default()
        }];
        let planned = |_: Date, e: &str| {
            Some(Prescribed {
                sets: 3,
                reps: Some(Reps { min: 8, max: 12, target: 10 }),
                seconds: None,
                rpe: 7.0,
                // The one-arm row has no load yet: nothing to say "each" of.
                load_kg: (e == "chest-supported-row").then_some(20.0),
                load_per: Some(LoadPer::Each),
            })
        };
        for units in [Units::Kg, Units::Lb] {
            let mut out = Vec::new();
            write(&day, &|id| id.to_string(), &planned, units, &mut out).expect("writes");
            let text = String::from_utf8(out).expect("utf-8");
            let lines: Vec<&str> = text.lines().collect();
            assert!(lines[0].ends_with(",note,prescribed_load_per"), "{}", lines[0]);
            assert!(lines[1].ends_with(",each"), "{}", lines[1]);
            assert!(lines[2].ends_with(','), "{}", lines[2]);
            assert_eq!(read(text.as_bytes()).expect("reads back").sessions.len(), 1);
        }
        // A sheet written before the column existed (its last field, empty in these rows, cut off) reads
        // as it did.
        let old: String = written(Units::Kg)
            .lines()
            .map(|l| format!("{}\n", l.rsplit_once(',').map_or(l, |(head, _)| head)))
            .collect();
        assert!(old.lines().next().expect("a header").ends_with(",note"), "{old}");
        assert_eq!(read(old.as_bytes()).expect("reads").sessions, sessions());
    }

    #[test]
    fn a_sheet_reads_back_to_the_same_sets() {
        let sheet = read(written(Units::Kg).as_bytes()).expect("reads");
        assert_eq!(sheet.sessions, sessions());
        assert_eq!(sheet.names[0], ("barbell-row".to_string(), "name of barbell-row".to_string()));
        let lb = read(written(Units::Lb).as_bytes()).expect("reads");
        let loads = |s: &Sheet| s.sessions[0].sets.iter().map(|s| s.load_kg).collect::<Vec<_>>();
        // A sheet in pounds shows loads to 0.1 lb, so it reads back within half of that; kilograms,
        // to 0.01 kg, read back exactly (the JSON export is the lossless one).
        for (a, b) in loads(&lb).into_iter().zip(loads(&sheet)) {
            assert!((a.unwrap_or(0.0) - b.unwrap_or(0.0)).abs() <= 0.05 * 0.45359237, "{a:?} from {b:?}");
        }
    }

    #[test]
    fn cells_a_spreadsheet_would_run_as_formulas_are_written_as_text_and_read_back_exactly() {
        let names = ["=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")", "+SUM(A1)", "-2+3", "@SUM(A1)", "\tx", "\rx"];
        let quoted = ["'=already", "''-twice", "'plain", "plain"];
        let mut sessions = sessions();
        for (i, name) in names.iter().chain(&quoted).enumerate() {
            // An id is read trimmed; a note keeps its leading tab or carriage return.
            let set = SetLog { reps: Some(i as u32 + 1), note: Some((*name).to_string()), ..SetLog::new(name.trim()) };
            sessions[0].sets.push(set);
        }
        sessions[0].title = Some("=1+1".into());
        let mut out = Vec::new();
        let none = |_: Date, _: &str| None;
        write(&sessions, &|id| id.to_string(), &none, Units::Kg, &mut out).expect("writes");
        let mut cells = csv::ReaderBuilder::new().from_reader(out.as_slice());
        for record in cells.records() {
            let record = record.expect("a row");
            for field in [1, 2, 3, 4, 20].map(|i| record.get(i).unwrap_or("")) {
                assert!(!starts_formula(field), "a cell a spreadsheet runs: {field:?}");
            }
        }
        let back = read(&out).expect("reads back");
        assert_eq!(back.sessions, sessions);
    }

    #[test]
    fn a_bad_cell_is_named_with_its_line_and_column() {
        let text = written(Units::Kg).replace(",8.5,", ",eight,");
        let err = read(text.as_bytes()).expect_err("not a number");
        let (line, column) = err.position().expect("a place");
        assert_eq!(line, 3);
        assert!(err.to_string().contains("`rpe` is \"eight\""), "{err}");
        assert!(column > 40, "{column}");
        let err = read(b"date,session\n").expect_err("a short header");
        assert!(err.to_string().contains("`title`"), "{err}");
        let moved = written(Units::Kg).replacen("2026-11-23,s-1", "2026-11-24,s-1", 2);
        assert!(read(moved.as_bytes()).expect_err("two dates").to_string().contains("earlier rows"));
    }
}
