//! Tests of the import on small files written for every dialect of FORMATS.md (in
//! `tests/fixtures/import/`), on files that must be refused at an exact line and column, and on the rules
//! for units, set kinds, workout keys and warnings. The real exports are read in `tests/it/import.rs`.

use std::fmt::Write as _;

use backbone_core::vocab::Units;
use jiff::civil::date;

use super::*;

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/", $name)).as_slice()
    };
}

fn ok(bytes: &[u8], units: Option<Units>) -> Parsed {
    match parse(bytes, Format::Auto, units) {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    }
}

fn err(bytes: &[u8], format: Format, units: Option<Units>) -> ImportError {
    match parse(bytes, format, units) {
        Ok(p) => panic!("expected an error, read {} sets", p.set_count()),
        Err(e) => e,
    }
}

/// The error's line, column and message.
fn invalid(bytes: &[u8]) -> (u64, u64, String) {
    match err(bytes, Format::Auto, Some(Units::Kg)) {
        ImportError::Invalid { line, column, message } => (line, column, message),
        other => panic!("{other:?}"),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

fn opt(v: Option<impl std::fmt::Display>) -> String {
    v.map_or("-".into(), |v| v.to_string())
}

fn num(v: Option<f64>) -> String {
    v.map_or("-".into(), |v| format!("{v:.3}"))
}

/// Everything parsed, one line per set, for snapshots.
fn render(p: &Parsed) -> String {
    let mut out = String::new();
    let units = p.assumed_units.map_or("-", |u| u.as_str());
    let _ = writeln!(
        out,
        "{} {} assumed-units={units} workouts={} sets={}",
        p.format,
        p.dialect,
        p.workouts.len(),
        p.set_count()
    );
    for w in &p.workouts {
        let _ = writeln!(
            out,
            "[{}] date={} start={} title={} duration={} notes={:?}",
            w.key,
            w.date,
            opt(w.start),
            opt(w.title.as_ref()),
            opt(w.duration_s),
            w.notes
        );
        for s in &w.sets {
            let _ = writeln!(
                out,
                "  L{} {} #{} {} kg={} reps={} s={} m={} rpe={} note={:?}",
                s.line,
                s.exercise_name,
                s.index,
                s.kind.as_str(),
                num(s.load_kg),
                opt(s.reps),
                opt(s.seconds),
                num(s.distance_m),
                opt(s.rpe),
                s.note
            );
        }
    }
    for w in &p.warnings {
        let _ = writeln!(out, "warning L{}: {}", w.line, w.message);
    }
    out
}

#[test]
fn strong_android_semicolons_lbs_and_miles() {
    let p = ok(fixture!("strong_android_lbs.csv"), None);
    assert_eq!((p.format, p.dialect), (Format::Strong, "strong-android"));
    // Every weight has its unit on the row; the empty one is bodyweight.
    assert_eq!(p.assumed_units, None);
    assert_eq!((p.workouts.len(), p.set_count()), (2, 7));
    let pull = &p.workouts[0];
    assert_eq!(pull.key, "strong:2022-03-07 18:02:11:Pull Day");
    assert_eq!(pull.duration_s, Some(58 * 60));
    let kinds: Vec<SetKind> = pull.sets.iter().map(|s| s.kind).collect();
    assert_eq!(kinds[..3], [SetKind::Warmup, SetKind::Normal, SetKind::Normal]);
    assert!(close(pull.sets[0].load_kg.unwrap(), 61.234_969_95));
    // Decimal commas, in the weight and the RPE.
    assert!(close(pull.sets[2].load_kg.unwrap(), 232.5 * 0.453_592_37));
    assert_eq!(pull.sets[2].rpe, Some(8.5));
    assert_eq!(pull.sets[3].load_kg, None);
    assert!(close(pull.sets[4].load_kg.unwrap(), 25.0 * 0.453_592_37));
    assert_eq!((pull.sets[3].index, pull.sets[4].index), (0, 1));
    let plank = &pull.sets[5];
    assert_eq!((plank.reps, plank.seconds, plank.distance_m), (None, Some(60), None));
    let run = &p.workouts[1].sets[0];
    assert!(close(run.distance_m.unwrap(), 3.1 * 1609.344));
    assert_eq!(p.workouts[1].notes.as_deref(), Some("easy"));
    insta::assert_snapshot!(render(&p));
}

#[test]
fn strong_2019_quoted_semicolons() {
    let p = ok(fixture!("strong_2019_quoted.csv"), None);
    assert_eq!(p.dialect, "strong-2019-quoted");
    assert_eq!((p.workouts.len(), p.set_count()), (2, 4));
    let w = &p.workouts[0];
    assert_eq!(w.duration_s, Some(3120));
    // Kept as written: the float noise is 15 lb in kg.
    assert_eq!(w.sets[0].load_kg, Some(6.80388555));
    let row = &w.sets[2];
    assert_eq!((row.load_kg, row.reps, row.seconds, row.distance_m), (Some(0.0), None, Some(480), Some(2000.0)));
    assert_eq!(p.workouts[1].notes.as_deref(), Some("Shoulder felt fine"));
    insta::assert_snapshot!(render(&p));
}

#[test]
fn strong_2015_unit_in_header() {
    // The header's unit wins over the caller's.
    let p = ok(fixture!("strong_2015_lb.csv"), Some(Units::Kg));
    assert_eq!(p.dialect, "strong-2015");
    assert_eq!(p.assumed_units, None);
    assert_eq!((p.workouts.len(), p.set_count()), (2, 4));
    assert!(close(p.workouts[0].sets[1].load_kg.unwrap(), 155.0 * 0.453_592_37));
    assert_eq!(p.workouts[0].sets[2].note.as_deref(), Some("Strict"));
    let run = &p.workouts[1].sets[0];
    assert!(close(run.distance_m.unwrap(), 1.5 * 1609.344));
    assert_eq!((run.reps, run.seconds), (None, Some(720)));
    insta::assert_snapshot!(render(&p));
}

#[test]
fn strong_french_headers() {
    let e = err(fixture!("strong_fr.csv"), Format::Auto, None);
    assert_eq!(e, ImportError::UnitsNeeded { format: Format::Strong, dialect: "strong-fr", line: 2 });
    assert!(e.to_string().contains("kg or lb"), "{e}");
    let p = ok(fixture!("strong_fr.csv"), Some(Units::Kg));
    assert_eq!(p.dialect, "strong-fr");
    assert_eq!(p.assumed_units, Some(Units::Kg));
    let w = &p.workouts[0];
    assert_eq!(w.title.as_deref(), Some("Séance du soir"));
    assert_eq!(w.duration_s, Some(3900));
    assert_eq!(w.sets.iter().map(|s| s.load_kg).collect::<Vec<_>>(), [Some(100.0), Some(110.0), Some(0.0)]);
    assert_eq!(w.sets[1].rpe, Some(8.0));
    insta::assert_snapshot!(render(&p));
}

#[test]
fn strong_without_a_header() {
    let p = ok(fixture!("strong_headerless.csv"), None);
    assert_eq!(p.dialect, "strong-headerless");
    assert_eq!((p.workouts.len(), p.set_count()), (2, 5));
    let w = &p.workouts[0];
    assert_eq!(w.sets[0].line, 1);
    assert!(close(w.sets[1].load_kg.unwrap(), 102.5 * 0.453_592_37));
    assert_eq!((w.sets[2].load_kg, w.sets[2].reps), (None, Some(15)));
    assert_eq!(w.sets[3].seconds, Some(90));
    insta::assert_snapshot!(render(&p));
}

#[test]
fn strong_set_markers_and_rest_timers() {
    let e = err(fixture!("strong_ios_markers.csv"), Format::Auto, None);
    assert_eq!(e, ImportError::UnitsNeeded { format: Format::Strong, dialect: "strong-ios", line: 2 });
    let p = ok(fixture!("strong_ios_markers.csv"), Some(Units::Lb));
    assert_eq!(p.assumed_units, Some(Units::Lb));
    assert_eq!((p.workouts.len(), p.set_count()), (2, 6));
    let upper = &p.workouts[0];
    let kinds: Vec<SetKind> = upper.sets.iter().map(|s| s.kind).collect();
    use SetKind::*;
    assert_eq!(kinds, [Warmup, Normal, Normal, Drop, Failure]);
    assert_eq!(upper.sets.iter().map(|s| s.index).collect::<Vec<_>>(), [0, 1, 2, 3, 0]);
    assert_eq!(upper.sets[1].note.as_deref(), Some("felt \"heavy\""));
    assert_eq!((upper.sets[1].rpe, upper.sets[2].rpe), (Some(8.0), Some(9.5)));
    assert_eq!(upper.sets[4].note.as_deref(), Some("to failure\nthen a hang"));
    assert_eq!(upper.sets[4].load_kg, Some(0.0));
    assert_eq!(upper.sets[4].line, 7);
    assert_eq!(p.workouts[1].sets[0].line, 10);
    // 264 h is a workout left open: no duration, and a warning.
    assert_eq!(upper.duration_s, None);
    assert_eq!(p.workouts[1].duration_s, Some(3720));
    let lines: Vec<u64> = p.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [2, 4, 9]);
    insta::assert_snapshot!(render(&p));
}

#[test]
fn strong_with_bom_and_crlf() {
    let p = ok(fixture!("strong_bom_crlf.csv"), Some(Units::Kg));
    assert_eq!(p.dialect, "strong-ios");
    assert_eq!((p.workouts.len(), p.set_count()), (1, 2));
    assert_eq!(p.workouts[0].title.as_deref(), Some("Früh"));
    assert_eq!(p.workouts[0].sets.iter().map(|s| s.line).collect::<Vec<_>>(), [2, 3]);
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

#[test]
fn hevy_lbs_miles_and_set_types() {
    let p = ok(fixture!("hevy_lbs_miles.csv"), None);
    assert_eq!((p.format, p.dialect), (Format::Hevy, "hevy"));
    assert_eq!((p.workouts.len(), p.set_count()), (2, 7));
    let push = &p.workouts[0];
    assert_eq!(push.key, "hevy:2025-12-05 11:37:00:Push A");
    assert_eq!(push.start, Some(date(2025, 12, 5).at(11, 37, 0, 0)));
    assert_eq!(push.duration_s, Some(64 * 60));
    assert_eq!(push.notes.as_deref(), Some("Felt good\nslept well"));
    use SetKind::*;
    assert_eq!(push.sets.iter().map(|s| s.kind).collect::<Vec<_>>(), [Warmup, Normal, Drop, Failure, Normal]);
    assert!(close(push.sets[1].load_kg.unwrap(), 185.0 * 0.453_592_37));
    assert_eq!((push.sets[1].rpe, push.sets[3].rpe), (Some(8.5), Some(10.0)));
    // An empty weight is bodyweight.
    assert_eq!((push.sets[3].load_kg, push.sets[3].reps), (None, Some(12)));
    assert_eq!(push.sets[4].note.as_deref(), Some("rope"));
    let cardio = &p.workouts[1];
    assert!(close(cardio.sets[0].distance_m.unwrap(), 3.1 * 1609.344));
    assert_eq!(cardio.sets[0].seconds, Some(1800));
    assert_eq!((cardio.sets[1].reps, cardio.sets[1].seconds), (None, Some(60)));
    insta::assert_snapshot!(render(&p));
}

#[test]
fn hevy_units_are_independent() {
    let text = "\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\",\"superset_id\",\"exercise_notes\",\"set_index\",\"set_type\",\"weight_kg\",\"reps\",\"distance_miles\",\"duration_seconds\",\"rpe\"\n\
        \"Mix\",\"1 Jan 2024, 09:00\",\"1 Jan 2024, 10:00\",\"\",\"Sled Push\",,\"\",0,\"normal\",40,,0.5,,\n";
    let p = ok(text.as_bytes(), None);
    let s = &p.workouts[0].sets[0];
    assert_eq!(s.load_kg, Some(40.0));
    assert!(close(s.distance_m.unwrap(), 804.672));
}

#[test]
fn fitnotes_old_layout_with_comments() {
    let p = ok(fixture!("fitnotes_old_lbs.csv"), None);
    assert_eq!((p.format, p.dialect), (Format::FitNotes, "fitnotes-old"));
    assert_eq!((p.workouts.len(), p.set_count()), (2, 5));
    let lift = &p.workouts[0];
    assert_eq!((lift.key.as_str(), lift.start, lift.title.as_deref()), ("fitnotes:2018-03-05", None, None));
    assert!(close(lift.sets[0].load_kg.unwrap(), 135.0 * 0.453_592_37));
    assert_eq!(lift.sets[1].note.as_deref(), Some("Paused, last rep slow"));
    let cardio = &p.workouts[1];
    assert_eq!(cardio.sets[0].seconds, Some(18 * 60 + 30));
    assert!(close(cardio.sets[0].distance_m.unwrap(), 2.0 * 1609.344));
    assert_eq!((cardio.sets[1].distance_m, cardio.sets[1].seconds), (Some(2000.0), Some(485)));
    insta::assert_snapshot!(render(&p));
}

#[test]
fn refuses_a_file_cut_inside_a_quote() {
    let (line, column, message) = invalid(fixture!("bad_truncated_quote.csv"));
    assert_eq!((line, column), (3, 39), "{message}");
    assert!(message.contains("never closed"), "{message}");
}

#[test]
fn refuses_a_date_that_is_not_one() {
    let (line, column, message) = invalid(fixture!("bad_date.csv"));
    assert_eq!((line, column), (3, 1));
    assert_eq!(message, "`Date` is \"yesterday\": expected a date and time such as 2021-02-10 16:46:13");
}

#[test]
fn refuses_a_negative_weight() {
    let (line, column, message) = invalid(fixture!("bad_negative_weight.csv"));
    assert_eq!((line, column), (3, 26));
    assert_eq!(message, "`Weight` is \"-60.0\": expected a weight of 0 or more, such as 102.5");
}

const IOS: &str =
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n";

/// An iOS Strong file with `rows` after the header.
fn ios(rows: &str) -> Vec<u8> {
    format!("{IOS}{rows}").into_bytes()
}

#[test]
fn check_refusals() {
    // (file, line, column, the start of the message)
    let cases: &[(&[u8], u64, u64, &str)] = &[
        (b"", 1, 1, "the file is empty"),
        (b"\xEF\xBB\xBF", 1, 1, "the file is empty"),
        (b"Name,Weight\nx,1\n", 1, 1, "the first row is not the header of a known export"),
        (&ios("2021-02-10 16:46:13,A,1h,Row,1,8.5kg,8,0,0,,,\n"), 2, 32, "`Weight` is \"8.5kg\": expected a weight"),
        (&ios("2021-02-10 16:46:13,A,1h,Row,1,80,8.5,0,0,,,\n"), 2, 35, "`Reps` is \"8.5\": expected a number of reps"),
        (&ios("2021-02-10 16:46:13,A,1h,Row,1,80,8,0,0:61,,,\n"), 2, 39, "`Seconds` is \"0:61\""),
        (&ios("2021-02-10 16:46:13,A,1h,Row,1,80,8,0,0,,,hard\n"), 2, 43, "`RPE` is \"hard\""),
        (&ios("2021-02-10 16:46:13,A,1h,,1,80,8,0,0,,,\n"), 2, 26, "`Exercise Name` is \"\": expected the exercise's name"),
        (&ios("2021-02-10 16:46:13,A,1h,Row,1,80\n"), 2, 34, "this row has 6 fields where the header has 12: `Reps`"),
        (&ios("2021-02-10 16:46:13,A,1h,Row,1,80,8,0,0,,,,x\n"), 2, 44, "this row has 13 fields"),
        (&ios("2021-02-10 16:46:13,A,1h,Row,1,80,8,0,0,,,\n2021-02-31 10:00:00,A,1h,Row,1,80,8,0,0,,,\n"), 3, 1, "`Date`"),
        (
            b"Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes\n\
              2020-12-05 15:44:36;A;Row;1;10;stone;8;;;;0;;\n",
            2,
            32,
            "`Weight Unit` is \"stone\": expected `kg` or `lbs`",
        ),
        (
            b"\"title\",\"start_time\",\"end_time\",\"exercise_title\",\"weight_kg\",\"reps\"\n\"A\",\"someday\",\"\",\"Row\",10,8\n",
            2,
            5,
            "`start_time` is \"someday\": expected a time such as 30 Jun 2025, 19:56",
        ),
        (b"Date,Exercise,Category,Weight,Weight Unit,Reps\n2023-11-21,Row,Back,10,kgs,\"8\n", 2, 28, "a quoted field is never closed"),
    ];
    let mut wrong = Vec::new();
    for (i, (file, line, column, start)) in cases.iter().enumerate() {
        match parse(file, Format::Auto, Some(Units::Kg)) {
            Err(ImportError::Invalid { line: l, column: c, message }) => {
                if (l, c) != (*line, *column) || !message.starts_with(start) {
                    wrong.push(format!("case {i}: got {l}:{c} {message:?}, want {line}:{column} {start:?}"));
                }
            }
            other => wrong.push(format!("case {i}: got {other:?}")),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_forced_format_must_match() {
    let e = err(fixture!("hevy_lbs_miles.csv"), Format::Strong, None);
    assert_eq!(e.position(), Some((1, 1)));
    assert!(e.to_string().contains("not a Strong export: the header has no `Date` column"), "{e}");
    let e = err(fixture!("strong_2015_lb.csv"), Format::FitNotes, None);
    assert!(e.to_string().contains("not a FitNotes export: the header has no `Exercise` column"), "{e}");
    let p = parse(fixture!("strong_2015_lb.csv"), Format::Strong, None).unwrap();
    assert_eq!(p.format, Format::Strong);
}

#[test]
fn a_header_alone_is_an_empty_history() {
    let p = ok(IOS.as_bytes(), None);
    assert_eq!((p.format, p.workouts.len()), (Format::Strong, 0));
    // So is a header followed by rows of empty cells.
    let p = ok(&ios(",,,,,,,,,,,\n\n"), None);
    assert_eq!(p.workouts.len(), 0);
}

#[test]
fn row_units_fill_in_an_empty_unit() {
    let header = "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes\n";
    let one =
        format!("{header}2022-01-01 10:00:00;A;Row;1;100;lbs;5;;;;0;;\n2022-01-01 10:00:00;A;Row;2;100;;5;;;;0;;\n");
    let p = ok(one.as_bytes(), None);
    assert_eq!(p.assumed_units, Some(Units::Lb));
    assert!(close(p.workouts[0].sets[1].load_kg.unwrap(), 45.359_237));
    // Rows that disagree leave the empty one unknown.
    let two = format!("{one}2022-01-01 10:00:00;A;Row;3;50;kg;5;;;;0;;\n");
    let e = err(two.as_bytes(), Format::Auto, None);
    assert_eq!(e, ImportError::UnitsNeeded { format: Format::Strong, dialect: "strong-2018", line: 3 });
    // The caller's units settle it.
    let p = ok(two.as_bytes(), Some(Units::Kg));
    assert_eq!(p.workouts[0].sets[1].load_kg, Some(100.0));
    assert!(close(p.workouts[0].sets[0].load_kg.unwrap(), 45.359_237));
}

#[test]
fn zero_weights_need_no_units() {
    let p = ok(&ios("2021-02-10 16:46:13,A,1h,Pull Up,1,0,8,0,0,,,\n2021-02-10 16:46:13,A,1h,Dip,1,,8,0,0,,,\n"), None);
    assert_eq!(p.assumed_units, None);
    assert_eq!((p.workouts[0].sets[0].load_kg, p.workouts[0].sets[1].load_kg), (Some(0.0), None));
    // An unlabelled distance needs them too: km for kg users, miles for lb users.
    let run = ios("2021-02-10 16:46:13,A,1h,Run,1,0,0,5,1500,,,\n");
    assert!(matches!(err(&run, Format::Auto, None), ImportError::UnitsNeeded { line: 2, .. }));
    assert_eq!(ok(&run, Some(Units::Kg)).workouts[0].sets[0].distance_m, Some(5000.0));
    assert!(close(ok(&run, Some(Units::Lb)).workouts[0].sets[0].distance_m.unwrap(), 5.0 * 1609.344));
}

#[test]
fn workouts_are_keyed_merged_and_ordered() {
    let rows = "2021-03-02 10:00:00,B,1h,Row,1,50,8,0,0,,,\n\
                2021-03-01 09:00:00,A,1h,Row,1,40,8,0,0,,,\n\
                2021-03-02 10:00:00,B,1h,Row,2,50,8,0,0,,,\n\
                2021-03-01 09:00:00,A2,1h,Row,1,45,8,0,0,,,\n";
    let p = ok(&ios(rows), Some(Units::Kg));
    let keys: Vec<&str> = p.workouts.iter().map(|w| w.key.as_str()).collect();
    assert_eq!(keys, ["strong:2021-03-01 09:00:00:A", "strong:2021-03-01 09:00:00:A2", "strong:2021-03-02 10:00:00:B"]);
    let b = &p.workouts[2];
    assert_eq!(b.sets.iter().map(|s| (s.line, s.index)).collect::<Vec<_>>(), [(2, 0), (4, 1)]);
}

#[test]
fn warnings_are_counted_past_a_few() {
    let mut rows = String::new();
    for i in 0..8 {
        rows.push_str(&format!("2021-03-02 10:00:00,B,1h,Row,Rest Timer,0,0,0,{},,,\n", 60 + i));
        rows.push_str("2021-03-02 10:00:00,B,1h,Row,1,50,8,0,0,,,\n");
    }
    let p = ok(&ios(&rows), Some(Units::Kg));
    assert_eq!(p.set_count(), 8);
    assert_eq!(p.warnings.len(), 6);
    assert_eq!(p.warnings[5].line, 12);
    assert_eq!(p.warnings[5].message, "3 more like this (rest timer) from here on");
}

#[test]
fn doubtful_values_are_flagged_not_refused() {
    let rows = "1999-12-31 10:00:00,Old,1h,Row,1,50,8,0,0,,,\n\
                2021-03-02 10:00:00,B,1h,Row,X,5000,1200,0,0,,,11\n\
                2021-03-02 10:00:00,B,1h,Row,1,50,8,0,0,,,\n";
    let p = ok(&ios(rows), Some(Units::Kg));
    assert_eq!(p.set_count(), 3);
    let messages: Vec<String> = p.warnings.iter().map(|w| format!("{}: {}", w.line, w.message)).collect();
    insta::assert_snapshot!(messages.join("\n"), @r#"
    2: a workout dated 1999-12-31 (before 2000)
    3: set order "X" is not a number, W, D or F; read as a normal set
    3: RPE 11 is outside 1-10; left out
    3: a load of 5000.0 kg (over 3000 lb)
    3: 1200 reps in one set (over 1000)
    "#);
}

#[test]
fn unknown_columns_are_named() {
    let text = "Date,Exercise,Category,Weight,Weight Unit,Reps,Mood\n2023-11-21,Row,Back,10,kgs,8,fine\n";
    let p = ok(text.as_bytes(), None);
    assert_eq!(p.warnings, [Warning { line: 1, message: "columns not imported: `Mood`".into() }]);
}

#[test]
fn latin1_files_are_read_with_a_warning() {
    let mut bytes = ios("").to_vec();
    bytes.extend_from_slice(b"2021-02-10 16:46:13,S\xE9ance,1h,Row,1,50,8,0,0,,,\n");
    let p = ok(&bytes, Some(Units::Kg));
    assert_eq!(p.workouts[0].title.as_deref(), Some("Séance"));
    assert!(p.warnings[0].message.contains("Latin-1"));
}

#[test]
fn tabs_are_sniffed() {
    let text = IOS.replace(',', "\t") + "2021-02-10 16:46:13\tA\t1h\tRow\t1\t50\t8\t0\t0\t\t\t\n";
    let p = ok(text.as_bytes(), Some(Units::Kg));
    assert_eq!(p.workouts[0].sets[0].load_kg, Some(50.0));
}
