//! Units of weight and distance as the exports name them (`kg`, `kgs`, `lbs`, `mi.`, `km`, `m`), and their
//! conversion to the SI units backbone keeps (kilograms and metres).
//!
//! A value whose unit the file does not state is kept as `Unstated` until the whole file is read, then
//! resolved: a unit named in the header wins, then one named on the row, then the `units` the caller
//! passes (the CLI's `--units`), then the one unit every labelled row of the file agrees on.

use backbone_core::load::lb_to_kg;
use backbone_core::vocab::Units;

/// The unit of a weight cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mass {
    Kg,
    Lb,
    /// The file does not say: the user's unit in the app that wrote it.
    Unstated,
}

/// The unit of a distance cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Length {
    M,
    Km,
    Mi,
    Ft,
    Yd,
    /// The file does not say: kilometres for kg users, miles for lb users (Strong's iOS export).
    Unstated,
}

/// Metres in a mile, a foot and a yard (international definitions, exact).
const M_PER_MI: f64 = 1609.344;
const M_PER_FT: f64 = 0.3048;
const M_PER_YD: f64 = 0.9144;

/// Lower case, without surrounding spaces and a trailing dot (`mi.`).
fn word(text: &str) -> String {
    text.trim().trim_end_matches('.').trim().to_lowercase()
}

/// A weight unit word; `None` when it is not one.
pub(crate) fn mass(text: &str) -> Option<Mass> {
    match word(text).as_str() {
        "kg" | "kgs" | "kilo" | "kilos" | "kilogram" | "kilograms" => Some(Mass::Kg),
        "lb" | "lbs" | "pound" | "pounds" => Some(Mass::Lb),
        _ => None,
    }
}

/// A distance unit word; `None` when it is not one.
pub(crate) fn length(text: &str) -> Option<Length> {
    match word(text).as_str() {
        "m" | "meter" | "meters" | "metre" | "metres" => Some(Length::M),
        "km" | "kms" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => Some(Length::Km),
        "mi" | "mile" | "miles" => Some(Length::Mi),
        "ft" | "foot" | "feet" => Some(Length::Ft),
        "yd" | "yds" | "yard" | "yards" => Some(Length::Yd),
        _ => None,
    }
}

impl Mass {
    /// The unit a stated mass is in; `None` for `Unstated`.
    pub(crate) fn units(self) -> Option<Units> {
        match self {
            Mass::Kg => Some(Units::Kg),
            Mass::Lb => Some(Units::Lb),
            Mass::Unstated => None,
        }
    }
}

/// Kilograms from a value in `units`.
pub(crate) fn to_kg(value: f64, units: Units) -> f64 {
    match units {
        Units::Kg => value,
        Units::Lb => lb_to_kg(value),
    }
}

/// Metres from a value in `unit`; `Unstated` reads as kilometres for kg users and miles for lb users.
pub(crate) fn to_m(value: f64, unit: Length, users: Units) -> f64 {
    let unit = match (unit, users) {
        (Length::Unstated, Units::Kg) => Length::Km,
        (Length::Unstated, Units::Lb) => Length::Mi,
        (u, _) => u,
    };
    match unit {
        Length::M | Length::Unstated => value,
        Length::Km => value * 1000.0,
        Length::Mi => value * M_PER_MI,
        Length::Ft => value * M_PER_FT,
        Length::Yd => value * M_PER_YD,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(mass("lbs"), Some(Mass::Lb));
        assert_eq!(mass(" KGS "), Some(Mass::Kg));
        assert_eq!(mass(""), None);
        assert_eq!(mass("stone"), None);
        assert_eq!(length("mi."), Some(Length::Mi));
        assert_eq!(length("Km"), Some(Length::Km));
        assert_eq!(length("m"), Some(Length::M));
        assert_eq!(length("furlong"), None);
    }

    #[test]
    fn conversions() {
        assert_eq!(to_kg(100.0, Units::Kg), 100.0);
        assert!((to_kg(135.0, Units::Lb) - 61.234_969_95).abs() < 1e-6);
        assert_eq!(to_m(1.0, Length::Mi, Units::Kg), 1609.344);
        assert_eq!(to_m(2.5, Length::Unstated, Units::Kg), 2500.0);
        assert_eq!(to_m(1.0, Length::Unstated, Units::Lb), 1609.344);
        assert_eq!(to_m(3.0, Length::Ft, Units::Kg), 3.0 * 0.3048);
    }
}
