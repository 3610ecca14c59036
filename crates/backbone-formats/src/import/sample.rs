//! A synthetic Strong iOS export of any length, shared by the import benchmarks (parsing alone, and the
//! whole `backbone import` as a process): workouts of 20 sets, one a day from mid-2012 (100,000 rows end
//! in early 2026, before any day the benchmarks run on: an import leaves out workouts after today), with
//! W/D/F markers, rest-timer rows and quoted notes sprinkled in as in real files.

use jiff::ToSpan;
use jiff::civil::date;

/// The exercise names the file cycles through, as Strong writes them.
pub const EXERCISES: &[&str] = &[
    "Bench Press (Barbell)",
    "Squat (Barbell)",
    "Deadlift (Barbell)",
    "Seated Row (Cable)",
    "Lat Pulldown (Cable)",
    "Pull Up",
    "Face Pull (Cable)",
    "Overhead Press (Barbell)",
    "Bent Over Row (Barbell)",
    "Plank",
];

/// `rows` rows of Strong's iOS export: workouts of 20 sets, one a day, W/D/F markers and
/// rest-timer rows sprinkled in as in real files.
pub fn strong_file(rows: usize) -> Vec<u8> {
    let mut out = String::with_capacity(rows * 110);
    out.push_str(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n",
    );
    let mut day = date(2012, 6, 1);
    for i in 0..rows {
        let workout = i / 20;
        if i % 20 == 0 && i > 0 {
            day = day.checked_add(1.days()).unwrap_or(day);
        }
        let exercise = EXERCISES[(workout * 3 + (i % 20) / 4) % EXERCISES.len()];
        let order = match i % 23 {
            0 => "W".to_string(),
            7 => "D".to_string(),
            13 => "F".to_string(),
            19 => "Rest Timer".to_string(),
            n => (n % 5 + 1).to_string(),
        };
        let weight = 20.0 + ((i * 7) % 160) as f64 * 0.5;
        let note = if i % 97 == 0 { "\"felt heavy, \"\"slow\"\"\"" } else { "" };
        out.push_str(&format!(
            "{day} 18:{:02}:00,\"Day {}\",1h {}m,\"{exercise}\",{order},{weight:.1},{}.0,0,0,{note},,{}\n",
            workout % 60,
            workout % 4,
            workout % 60,
            i % 12 + 1,
            if i % 5 == 0 { "8.5" } else { "" },
        ));
    }
    out.into_bytes()
}
