//! Grip-strength norms by age and sex, and the grip findings METHOD A1 and A5 turn into emphasis.
//!
//! The norms are data, in `data/grip_norms.toml`, embedded at build time and parsed once; the tests below
//! check that the file parses and holds what METHOD-SOURCES 4.1 lists, so a typo fails the tests, not a user.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::vocab::Sex;

/// The norms file, embedded in the binary.
const GRIP_NORMS_TOML: &str = include_str!("../data/grip_norms.toml");

/// Grip-strength percentiles in kg for one age and sex.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GripNorm {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

impl GripNorm {
    /// The point `t` of the way from `self` to `other`, percentile by percentile.
    fn lerp(self, other: GripNorm, t: f64) -> GripNorm {
        let mix = |a: f64, b: f64| a + (b - a) * t;
        GripNorm { p10: mix(self.p10, other.p10), p50: mix(self.p50, other.p50), p90: mix(self.p90, other.p90) }
    }
}

/// One age band of the table, with the norms for each sex.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GripBand {
    pub age_from: u32,
    pub age_to: u32,
    pub male: GripNorm,
    pub female: GripNorm,
}

impl GripBand {
    /// The band's midpoint age (22 for 20-24), where its values apply exactly.
    pub fn midpoint(&self) -> f64 {
        (f64::from(self.age_from) + f64::from(self.age_to)) / 2.0
    }

    fn for_sex(&self, sex: Sex) -> GripNorm {
        match sex {
            Sex::Male => self.male,
            Sex::Female => self.female,
        }
    }
}

/// The whole norms table, with its source.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GripNorms {
    pub source: String,
    pub note: String,
    #[serde(rename = "band")]
    pub bands: Vec<GripBand>,
}

/// A problem in the norms data, found when it is loaded.
#[derive(Debug, thiserror::Error)]
pub enum NormsError {
    #[error("data/grip_norms.toml: {0}")]
    Parse(String),
    #[error("data/grip_norms.toml: {0}")]
    Invalid(String),
}

impl GripNorms {
    /// Parses and checks the embedded file. The tests guarantee this succeeds for the shipped data.
    pub fn load() -> Result<GripNorms, NormsError> {
        let norms: GripNorms = toml::from_str(GRIP_NORMS_TOML).map_err(|e| NormsError::Parse(e.to_string()))?;
        norms.check()?;
        Ok(norms)
    }

    /// Interpolation needs at least one band, bands in ascending age order, and ordered percentiles.
    fn check(&self) -> Result<(), NormsError> {
        if self.bands.is_empty() {
            return Err(NormsError::Invalid("no age bands".into()));
        }
        for band in &self.bands {
            if band.age_from > band.age_to {
                return Err(NormsError::Invalid(format!("band {}-{} is reversed", band.age_from, band.age_to)));
            }
            for n in [band.male, band.female] {
                if !(n.p10 > 0.0 && n.p10 <= n.p50 && n.p50 <= n.p90 && n.p90.is_finite()) {
                    return Err(NormsError::Invalid(format!(
                        "band {}-{}: percentiles must be positive and ordered",
                        band.age_from, band.age_to
                    )));
                }
            }
        }
        for pair in self.bands.windows(2) {
            if pair[0].age_to >= pair[1].age_from {
                return Err(NormsError::Invalid(format!(
                    "bands {}-{} and {}-{} overlap or are out of order",
                    pair[0].age_from, pair[0].age_to, pair[1].age_from, pair[1].age_to
                )));
            }
        }
        Ok(())
    }

    /// The shipped norms, parsed once.
    pub fn builtin() -> &'static GripNorms {
        static NORMS: OnceLock<GripNorms> = OnceLock::new();
        NORMS.get_or_init(|| match GripNorms::load() {
            Ok(n) => n,
            // The table is compiled in and checked by `norms::tests`; a failure here is a build defect.
            Err(e) => panic!("the embedded grip norms are invalid: {e}"),
        })
    }

    /// The norm for this sex at this age: linear between band midpoints, clamped to the first and last band.
    pub fn norm(&self, sex: Sex, age: u32) -> GripNorm {
        let age = f64::from(age);
        let mut lower = &self.bands[0];
        for band in &self.bands {
            if band.midpoint() > age {
                // `lower` is the last band at or below `age`; the first band also covers younger ages.
                if lower.midpoint() >= age {
                    return lower.for_sex(sex);
                }
                let t = (age - lower.midpoint()) / (band.midpoint() - lower.midpoint());
                return lower.for_sex(sex).lerp(band.for_sex(sex), t);
            }
            lower = band;
        }
        lower.for_sex(sex)
    }
}

/// The grip-strength norm for this sex and age (METHOD A5), from J Sport Health Sci 2025;14:101014.
///
/// Band values apply at the band midpoints (22 for 20-24, 32, ... 82); between them the values are
/// interpolated linearly, and outside 22..=82 the nearest band applies.
pub fn grip_norm(sex: Sex, age: u32) -> GripNorm {
    GripNorms::builtin().norm(sex, age)
}

/// The left/right gap above which grip counts as asymmetric, as a fraction of the stronger hand (METHOD A5).
pub const GRIP_ASYMMETRY_LIMIT: f64 = 0.10;

/// What a grip reading says (METHOD A1, A5).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GripFinding {
    /// The stronger hand is below the median for the person's age and sex; `None` when either is unknown.
    pub below_norm: Option<bool>,
    /// |left - right| / stronger hand; 0 when neither hand has a reading above 0.
    pub asymmetry: f64,
    /// The gap is strictly over 10% of the stronger hand.
    pub asymmetric: bool,
    /// The norm the reading was compared with, when age and sex are known.
    pub norm: Option<GripNorm>,
}

/// Assesses a grip reading in kg per hand (best of 2-3 tries each) against the norm and for asymmetry.
///
/// A reading that is negative or not a number counts as 0 kg.
pub fn grip_assessment(left: f64, right: f64, sex: Option<Sex>, age: Option<u32>) -> GripFinding {
    let clean = |kg: f64| if kg.is_finite() && kg > 0.0 { kg } else { 0.0 };
    let (left, right) = (clean(left), clean(right));
    let stronger = left.max(right);
    let asymmetry = if stronger > 0.0 { (left - right).abs() / stronger } else { 0.0 };
    // A gap of exactly 10% (45 kg against 50 kg) is not over the limit; the allowance keeps float noise in
    // readings like 45.9 against 51.0 from tipping an exact 10% over it.
    let asymmetric = asymmetry > GRIP_ASYMMETRY_LIMIT + 1e-9;
    let norm = match (sex, age) {
        (Some(sex), Some(age)) => Some(grip_norm(sex, age)),
        _ => None,
    };
    GripFinding { below_norm: norm.map(|n| stronger < n.p50), asymmetry, asymmetric, norm }
}

/// Dead-hang seconds below which grip counts as weak, for people without a dynamometer (METHOD A1).
/// Our own design threshold for the proxy, not a published norm.
pub const DEAD_HANG_WEAK_SECONDS: f64 = 30.0;

/// A dead hang shorter than [`DEAD_HANG_WEAK_SECONDS`] flags weak grip. A time that is not a number flags nothing.
pub fn dead_hang_weak(seconds: f64) -> bool {
    seconds < DEAD_HANG_WEAK_SECONDS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn norm_close(a: GripNorm, b: GripNorm) -> bool {
        close(a.p10, b.p10) && close(a.p50, b.p50) && close(a.p90, b.p90)
    }

    #[test]
    fn the_table_parses_and_matches_method_sources() {
        let norms = GripNorms::load().unwrap();
        assert!(norms.source.contains("J Sport Health Sci 2025;14:101014"), "{}", norms.source);
        assert!(norms.note.contains("third-party repository"), "{}", norms.note);
        let ages: Vec<(u32, u32)> = norms.bands.iter().map(|b| (b.age_from, b.age_to)).collect();
        assert_eq!(ages, [(20, 24), (30, 34), (40, 44), (50, 54), (60, 64), (70, 74), (80, 84)]);
        let midpoints: Vec<f64> = norms.bands.iter().map(GripBand::midpoint).collect();
        assert_eq!(midpoints, [22.0, 32.0, 42.0, 52.0, 62.0, 72.0, 82.0]);
        let male: Vec<[f64; 3]> = norms.bands.iter().map(|b| [b.male.p10, b.male.p50, b.male.p90]).collect();
        assert_eq!(
            male,
            [
                [36.8, 48.0, 60.1],
                [38.3, 49.7, 61.5],
                [36.0, 48.8, 61.5],
                [32.8, 46.2, 59.4],
                [29.1, 42.4, 55.6],
                [25.2, 37.7, 50.6],
                [20.8, 32.3, 44.7],
            ]
        );
        let female: Vec<[f64; 3]> = norms.bands.iter().map(|b| [b.female.p10, b.female.p50, b.female.p90]).collect();
        assert_eq!(
            female,
            [
                [21.7, 28.6, 36.6],
                [21.8, 29.7, 38.0],
                [20.7, 29.4, 38.3],
                [19.4, 28.2, 37.1],
                [17.6, 26.2, 34.9],
                [15.5, 23.6, 31.8],
                [12.9, 20.4, 28.0],
            ]
        );
    }

    #[test]
    fn band_midpoints_give_the_band_values() {
        assert_eq!(grip_norm(Sex::Male, 22), GripNorm { p10: 36.8, p50: 48.0, p90: 60.1 });
        assert_eq!(grip_norm(Sex::Male, 52), GripNorm { p10: 32.8, p50: 46.2, p90: 59.4 });
        assert_eq!(grip_norm(Sex::Female, 32), GripNorm { p10: 21.8, p50: 29.7, p90: 38.0 });
        assert_eq!(grip_norm(Sex::Female, 82), GripNorm { p10: 12.9, p50: 20.4, p90: 28.0 });
    }

    #[test]
    fn between_midpoints_is_linear() {
        // Halfway between 22 and 32.
        assert!(norm_close(grip_norm(Sex::Male, 27), GripNorm { p10: 37.55, p50: 48.85, p90: 60.8 }));
        // Halfway between 72 and 82.
        assert!(norm_close(grip_norm(Sex::Female, 77), GripNorm { p10: 14.2, p50: 22.0, p90: 29.9 }));
        // Three tenths of the way from 42 to 52: 48.8 + 0.3 * (46.2 - 48.8).
        assert!(close(grip_norm(Sex::Male, 45).p50, 48.8 - 0.3 * 2.6));
    }

    #[test]
    fn ages_outside_the_midpoints_are_clamped() {
        assert_eq!(grip_norm(Sex::Male, 18), grip_norm(Sex::Male, 22));
        assert_eq!(grip_norm(Sex::Male, 0), grip_norm(Sex::Male, 22));
        assert_eq!(grip_norm(Sex::Female, 83), grip_norm(Sex::Female, 82));
        assert_eq!(grip_norm(Sex::Female, 101), grip_norm(Sex::Female, 82));
        assert_eq!(grip_norm(Sex::Female, u32::MAX), grip_norm(Sex::Female, 82));
    }

    #[test]
    fn ten_percent_gap_is_not_asymmetric() {
        let exact = grip_assessment(45.0, 50.0, None, None);
        assert!(close(exact.asymmetry, 0.1));
        assert!(!exact.asymmetric);
        assert!(!grip_assessment(51.0, 45.9, None, None).asymmetric);
        let over = grip_assessment(44.9, 50.0, None, None);
        assert!(over.asymmetric);
        // Which hand is stronger does not matter.
        assert_eq!(grip_assessment(50.0, 44.9, None, None).asymmetry, over.asymmetry);
    }

    #[test]
    fn below_norm_uses_the_stronger_hand() {
        // A 32-year-old man: median 49.7 kg.
        let f = grip_assessment(40.0, 50.0, Some(Sex::Male), Some(32));
        assert_eq!(f.below_norm, Some(false));
        assert!(f.asymmetric);
        assert_eq!(f.norm, Some(grip_norm(Sex::Male, 32)));
        assert_eq!(grip_assessment(49.0, 40.0, Some(Sex::Male), Some(32)).below_norm, Some(true));
        assert_eq!(grip_assessment(30.0, 30.0, Some(Sex::Female), Some(32)).below_norm, Some(false));
    }

    #[test]
    fn unknown_sex_or_age_gives_no_norm() {
        for (sex, age) in [(None, Some(40)), (Some(Sex::Female), None), (None, None)] {
            let f = grip_assessment(20.0, 30.0, sex, age);
            assert_eq!(f.below_norm, None);
            assert_eq!(f.norm, None);
            assert!(f.asymmetric);
        }
    }

    #[test]
    fn odd_readings_do_not_break_the_finding() {
        let none = grip_assessment(0.0, 0.0, Some(Sex::Male), Some(40));
        assert_eq!(none.asymmetry, 0.0);
        assert!(!none.asymmetric);
        assert_eq!(none.below_norm, Some(true));
        let nan = grip_assessment(f64::NAN, -3.0, None, None);
        assert_eq!(nan.asymmetry, 0.0);
        let one = grip_assessment(f64::INFINITY, 40.0, None, None);
        assert_eq!(one.asymmetry, 1.0);
        assert!(one.asymmetric);
    }

    #[test]
    fn dead_hang_proxy() {
        assert!(dead_hang_weak(29.9));
        assert!(dead_hang_weak(0.0));
        assert!(!dead_hang_weak(30.0));
        assert!(!dead_hang_weak(75.0));
        assert!(!dead_hang_weak(f64::NAN));
    }
}
