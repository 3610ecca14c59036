//! Which app wrote a file and how its columns are laid out: the byte-order mark, the delimiter, the header
//! matched through an alias table (localized names included), and the dialect.
//!
//! The alias table is data: every header seen in the real exports of FORMATS.md section 2, normalized
//! (lower case, accents folded, `_` read as a space), with the column it means and any unit it names.

use super::table::Row;
use super::units::{Length, Mass};
use super::{Format, ImportError, values};

/// What a column holds, whatever the app calls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Date,
    WorkoutName,
    Duration,
    ExerciseName,
    SetOrder,
    Weight,
    WeightUnit,
    Reps,
    Rpe,
    Distance,
    DistanceUnit,
    Seconds,
    Notes,
    WorkoutNotes,
    WorkoutNumber,
    Category,
    StartTime,
    EndTime,
    SupersetId,
    SetIndex,
    SetType,
}

const FIELDS: usize = Field::SetType as usize + 1;

/// A unit that a header names (`Weight (kg)`, `lb`, `distance_miles`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Named {
    No,
    Mass(Mass),
    Length(Length),
}

/// One known header: the app, its normalized text, what it holds, the unit it names, its language.
struct Alias {
    format: Format,
    header: &'static str,
    field: Field,
    unit: Named,
    lang: &'static str,
}

const fn alias(format: Format, header: &'static str, field: Field) -> Alias {
    Alias { format, header, field, unit: Named::No, lang: "en" }
}

const fn with_mass(format: Format, header: &'static str, unit: Mass) -> Alias {
    Alias { format, header, field: Field::Weight, unit: Named::Mass(unit), lang: "en" }
}

const fn with_length(format: Format, header: &'static str, unit: Length) -> Alias {
    Alias { format, header, field: Field::Distance, unit: Named::Length(unit), lang: "en" }
}

const fn french(header: &'static str, field: Field) -> Alias {
    Alias { format: Format::Strong, header, field, unit: Named::No, lang: "fr" }
}

use Field as F;
use Format::{FitNotes, Hevy, Strong};

/// Every header of FORMATS.md 2.1-2.3. Sources: Strong iOS/Android/2015-2019 and the French export
/// (SebastienRdgs/stronger), Hevy (mouadja02/Hevy-Coach; `weight_lbs`/`distance_miles` from
/// Jake-Leicht/Hevy-Dashboard-App; `distance_meters` as Hevy's public API names it), FitNotes old and new.
const ALIASES: &[Alias] = &[
    // Strong.
    alias(Strong, "date", F::Date),
    alias(Strong, "workout name", F::WorkoutName),
    alias(Strong, "duration", F::Duration),
    alias(Strong, "workout duration", F::Duration),
    alias(Strong, "duration (sec)", F::Duration),
    alias(Strong, "exercise name", F::ExerciseName),
    alias(Strong, "set order", F::SetOrder),
    alias(Strong, "weight", F::Weight),
    with_mass(Strong, "weight (kg)", Mass::Kg),
    with_mass(Strong, "weight (kgs)", Mass::Kg),
    with_mass(Strong, "weight (lb)", Mass::Lb),
    with_mass(Strong, "weight (lbs)", Mass::Lb),
    with_mass(Strong, "kg", Mass::Kg),
    with_mass(Strong, "kgs", Mass::Kg),
    with_mass(Strong, "lb", Mass::Lb),
    with_mass(Strong, "lbs", Mass::Lb),
    alias(Strong, "weight unit", F::WeightUnit),
    alias(Strong, "reps", F::Reps),
    alias(Strong, "rpe", F::Rpe),
    alias(Strong, "distance", F::Distance),
    with_length(Strong, "distance (meters)", Length::M),
    with_length(Strong, "distance (m)", Length::M),
    with_length(Strong, "distance (km)", Length::Km),
    with_length(Strong, "distance (mi)", Length::Mi),
    with_length(Strong, "km", Length::Km),
    with_length(Strong, "mi", Length::Mi),
    alias(Strong, "distance unit", F::DistanceUnit),
    alias(Strong, "seconds", F::Seconds),
    alias(Strong, "notes", F::Notes),
    alias(Strong, "workout notes", F::WorkoutNotes),
    alias(Strong, "workout #", F::WorkoutNumber),
    // Strong in French.
    french("nom de l'entrainement", F::WorkoutName),
    french("duree", F::Duration),
    french("nom de l'exercice", F::ExerciseName),
    french("ordre de la serie", F::SetOrder),
    french("poids", F::Weight),
    french("secondes", F::Seconds),
    french("notes d'entrainement", F::WorkoutNotes),
    // Hevy.
    alias(Hevy, "title", F::WorkoutName),
    alias(Hevy, "start time", F::StartTime),
    alias(Hevy, "end time", F::EndTime),
    alias(Hevy, "description", F::WorkoutNotes),
    alias(Hevy, "exercise title", F::ExerciseName),
    alias(Hevy, "superset id", F::SupersetId),
    alias(Hevy, "exercise notes", F::Notes),
    alias(Hevy, "set index", F::SetIndex),
    alias(Hevy, "set type", F::SetType),
    with_mass(Hevy, "weight kg", Mass::Kg),
    with_mass(Hevy, "weight lbs", Mass::Lb),
    alias(Hevy, "reps", F::Reps),
    with_length(Hevy, "distance km", Length::Km),
    with_length(Hevy, "distance miles", Length::Mi),
    with_length(Hevy, "distance meters", Length::M),
    alias(Hevy, "duration seconds", F::Seconds),
    alias(Hevy, "rpe", F::Rpe),
    // FitNotes.
    alias(FitNotes, "date", F::Date),
    alias(FitNotes, "exercise", F::ExerciseName),
    alias(FitNotes, "category", F::Category),
    alias(FitNotes, "weight", F::Weight),
    with_mass(FitNotes, "weight (kgs)", Mass::Kg),
    with_mass(FitNotes, "weight (kg)", Mass::Kg),
    with_mass(FitNotes, "weight (lbs)", Mass::Lb),
    with_mass(FitNotes, "weight (lb)", Mass::Lb),
    alias(FitNotes, "weight unit", F::WeightUnit),
    alias(FitNotes, "reps", F::Reps),
    alias(FitNotes, "distance", F::Distance),
    alias(FitNotes, "distance unit", F::DistanceUnit),
    alias(FitNotes, "time", F::Seconds),
    alias(FitNotes, "comment", F::Notes),
];

/// The columns a file must have to be read as each app's export.
const REQUIRED: &[(Format, &[Field])] = &[
    (Hevy, &[F::WorkoutName, F::StartTime, F::ExerciseName]),
    (Strong, &[F::Date, F::WorkoutName, F::ExerciseName]),
    (FitNotes, &[F::Date, F::ExerciseName]),
];

/// The 2018 Strong layout, for the semicolon files that have no header row (camster811's file, 13
/// columns); a 14th column is Android's `Workout Duration`.
const HEADERLESS_STRONG: [&str; 14] = [
    "Date",
    "Workout Name",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Weight Unit",
    "Reps",
    "RPE",
    "Distance",
    "Distance Unit",
    "Seconds",
    "Notes",
    "Workout Notes",
    "Workout Duration",
];

/// How a file's columns map to fields.
#[derive(Debug)]
pub(crate) struct Layout {
    pub(crate) format: Format,
    pub(crate) dialect: &'static str,
    /// The first record is the header (false for the headerless Strong file).
    pub(crate) header: bool,
    columns: [Option<usize>; FIELDS],
    /// Column names as the file spells them, for messages.
    names: Vec<String>,
    /// The number of columns every row should have.
    pub(crate) width: usize,
    /// A weight unit named by the header (`Weight (kg)`, `lb`, `weight_kg`).
    pub(crate) weight_unit: Option<Mass>,
    /// A distance unit named by the header (`km`, `Distance (meters)`, `distance_miles`).
    pub(crate) distance_unit: Option<Length>,
    /// Header cells that name nothing we read.
    pub(crate) ignored: Vec<String>,
    /// Header cells that repeat a field already mapped.
    pub(crate) duplicates: Vec<String>,
}

impl Layout {
    pub(crate) fn column(&self, field: Field) -> Option<usize> {
        self.columns[field as usize]
    }

    pub(crate) fn has(&self, field: Field) -> bool {
        self.column(field).is_some()
    }

    /// The name of column `i` as the file spells it.
    pub(crate) fn name(&self, i: usize) -> &str {
        self.names.get(i).map_or("?", String::as_str)
    }
}

/// The text without a UTF-8 byte-order mark.
pub(crate) fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The delimiter of the first record: whichever of `,` `;` and tab occurs most often outside quotes (a
/// tie goes to the comma, then the semicolon).
pub(crate) fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).fold(0, |best, i| if counts[i] > counts[best] { i } else { best });
    [b',', b';', b'\t'][best]
}

/// A header cell as the alias table spells it: trimmed, lower case, accents folded, `_` and runs of
/// spaces as one space, typographic apostrophes as `'`.
fn normalize(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.trim().trim_start_matches('\u{feff}').chars() {
        let c = match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' | 'Ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'î' | 'ï' | 'Î' | 'Ï' => 'i',
            'ô' | 'ö' | 'Ô' | 'Ö' => 'o',
            'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            '’' | '‘' | '`' => '\'',
            '_' => ' ',
            c => c,
        };
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The layout named by `header` for `format`, and how many of its cells the table knows.
fn map_header(format: Format, header: &[&str]) -> (Layout, usize) {
    let mut layout = Layout {
        format,
        dialect: "",
        header: true,
        columns: [None; FIELDS],
        names: header.iter().map(|h| h.trim().to_string()).collect(),
        width: header.len(),
        weight_unit: None,
        distance_unit: None,
        ignored: Vec::new(),
        duplicates: Vec::new(),
    };
    let mut known = 0;
    let mut french = false;
    for (i, cell) in header.iter().enumerate() {
        let key = normalize(cell);
        let Some(a) = ALIASES.iter().find(|a| a.format == format && a.header == key) else {
            if !key.is_empty() {
                layout.ignored.push(cell.trim().to_string());
            }
            continue;
        };
        known += 1;
        french |= a.lang == "fr";
        let slot = &mut layout.columns[a.field as usize];
        if slot.is_some() {
            layout.duplicates.push(cell.trim().to_string());
            continue;
        }
        *slot = Some(i);
        match a.unit {
            Named::Mass(m) => layout.weight_unit = Some(m),
            Named::Length(l) => layout.distance_unit = Some(l),
            Named::No => {}
        }
    }
    layout.dialect = dialect(&layout, french);
    (layout, known)
}

/// A short name for the variant, after FORMATS.md's table.
fn dialect(layout: &Layout, french: bool) -> &'static str {
    match layout.format {
        Format::Strong if !layout.header => "strong-headerless",
        Format::Strong if french => "strong-fr",
        Format::Strong if layout.has(F::WorkoutNumber) => "strong-2019-quoted",
        Format::Strong if layout.weight_unit.is_some() => "strong-2015",
        Format::Strong if layout.has(F::WeightUnit) && layout.has(F::Duration) => "strong-android",
        Format::Strong if layout.has(F::WeightUnit) => "strong-2018",
        Format::Strong if layout.has(F::Duration) => "strong-ios",
        Format::Strong if layout.has(F::Rpe) => "strong-2019",
        Format::Strong => "strong-2017",
        Format::Hevy => "hevy",
        Format::FitNotes if layout.weight_unit.is_some() => "fitnotes-old",
        Format::FitNotes => "fitnotes",
        Format::Auto => "auto",
    }
}

/// Reads the first record as a header (or, for Strong, recognizes a headerless file) and returns the
/// layout of the file for `requested` (or for whichever app it is when `Auto`).
pub(crate) fn layout(first: &Row<'_>, requested: Format) -> Result<Layout, ImportError> {
    let cells: Vec<&str> = first.fields().collect();
    let candidates: &[Format] = match requested {
        Format::Auto => &[Hevy, Strong, FitNotes],
        Format::Strong => &[Strong],
        Format::Hevy => &[Hevy],
        Format::FitNotes => &[FitNotes],
    };
    let mut best: Option<(Layout, usize)> = None;
    for &format in candidates {
        let (layout, known) = map_header(format, &cells);
        if missing(&layout).is_none() && best.as_ref().is_none_or(|(_, k)| known > *k) {
            best = Some((layout, known));
        }
    }
    if let Some((layout, _)) = best {
        return Ok(layout);
    }
    if matches!(requested, Format::Auto | Format::Strong) && looks_like_strong_data(&cells) {
        let names = &HEADERLESS_STRONG[..cells.len()];
        let (mut layout, _) = map_header(Strong, names);
        layout.header = false;
        layout.dialect = dialect(&layout, false);
        return Ok(layout);
    }
    let found = cells.iter().map(|c| format!("`{}`", c.trim())).collect::<Vec<_>>().join(", ");
    let message = match requested {
        Format::Auto => format!(
            "the first row is not the header of a known export (Strong: `Date`, `Workout Name`, `Exercise Name`; \
             Hevy: `title`, `start_time`, `exercise_title`; FitNotes: `Date`, `Exercise`); found {found}"
        ),
        format => {
            let (layout, _) = map_header(format, &cells);
            let field = missing(&layout).unwrap_or(F::Date);
            format!(
                "not a {} export: the header has no {} column; found {found}",
                format.title(),
                expected(format, field)
            )
        }
    };
    Err(first.error(0, message))
}

/// The first required field the layout lacks.
fn missing(layout: &Layout) -> Option<Field> {
    let required = REQUIRED.iter().find(|(f, _)| *f == layout.format).map_or(&[][..], |(_, r)| r);
    required.iter().copied().find(|f| !layout.has(*f))
}

/// How `format` names `field`, for a message.
fn expected(format: Format, field: Field) -> &'static str {
    match (format, field) {
        (Hevy, F::WorkoutName) => "`title`",
        (Hevy, F::StartTime) => "`start_time`",
        (Hevy, F::ExerciseName) => "`exercise_title`",
        (FitNotes, F::ExerciseName) => "`Exercise`",
        (_, F::WorkoutName) => "`Workout Name`",
        (_, F::ExerciseName) => "`Exercise Name`",
        _ => "`Date`",
    }
}

/// A first record that is data of the 2018 Strong layout: 13 or 14 fields, a date-time first.
fn looks_like_strong_data(cells: &[&str]) -> bool {
    matches!(cells.len(), 13 | 14) && values::date_time(cells[0]).is_some_and(|(_, time)| time.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters() {
        assert_eq!(sniff_delimiter("Date,Workout Name,Exercise Name"), b',');
        assert_eq!(sniff_delimiter("Date;Workout Name;Exercise Name;Weight"), b';');
        assert_eq!(sniff_delimiter("2020-12-05 15:44:36;\"A, B\";x;102,5;kg\n1,2,3,4,5,6"), b';');
        assert_eq!(sniff_delimiter("a\tb\tc"), b'\t');
        assert_eq!(sniff_delimiter(""), b',');
    }

    #[test]
    fn normalized_headers() {
        assert_eq!(normalize(" Nom de l’entraînement "), "nom de l'entrainement");
        assert_eq!(normalize("Réps"), "reps");
        assert_eq!(normalize("weight_kg"), "weight kg");
        assert_eq!(normalize("\u{feff}Date"), "date");
        assert_eq!(normalize("Weight  (KG)"), "weight (kg)");
    }

    #[test]
    fn every_alias_is_normalized_and_unique() {
        for a in ALIASES {
            assert_eq!(normalize(a.header), a.header, "{}", a.header);
            let same = ALIASES.iter().filter(|b| b.format == a.format && b.header == a.header).count();
            assert_eq!(same, 1, "{} appears twice for {:?}", a.header, a.format);
        }
    }
}
