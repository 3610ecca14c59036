//! Which way a series is going: the mean of its last third against the mean of its first third.
//!
//! Trend is direction, not goodness: soreness that rises is `up` like an e1RM that rises. What is good
//! depends on the KPI and is the reader's call (the dashboard knows which way each KPI should go).

use serde::Serialize;

/// Up, flat or down (CONTRACT "Reports": `trend`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Up,
    Flat,
    Down,
}

impl Trend {
    pub fn as_str(self) -> &'static str {
        match self {
            Trend::Up => "up",
            Trend::Flat => "flat",
            Trend::Down => "down",
        }
    }

    /// The arrow the dashboard shows.
    pub fn arrow(self) -> char {
        match self {
            Trend::Up => '↑',
            Trend::Flat => '→',
            Trend::Down => '↓',
        }
    }
}

/// A change smaller than this share of the larger of the two means is flat: our own design value, small
/// enough that a 2.5 kg step on a 100 kg lift (2.5%) shows, large enough that rounding noise does not.
pub const FLAT_WITHIN: f64 = 0.02;

/// The mean of the first third and of the last third of values in date order (at least one value
/// each); `None` for fewer than two values or values that are not finite.
pub fn thirds(values: &[f64]) -> Option<(f64, f64)> {
    let n = values.len();
    if n < 2 || values.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let third = (n / 3).max(1);
    let mean = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len() as f64;
    Some((mean(&values[..third]), mean(&values[n - third..])))
}

/// The trend of values in date order: the mean of the last third against the mean of the first third.
/// Fewer than two values, or values that are not finite, are flat.
pub fn trend(values: &[f64]) -> Trend {
    let Some((first, last)) = thirds(values) else { return Trend::Flat };
    let scale = first.abs().max(last.abs());
    if scale == 0.0 || (last - first).abs() <= FLAT_WITHIN * scale {
        Trend::Flat
    } else if last > first {
        Trend::Up
    } else {
        Trend::Down
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirds_are_compared() {
        // First third 10, last third 12: up. The middle does not matter.
        assert_eq!(trend(&[10.0, 10.0, 50.0, 0.0, 12.0, 12.0]), Trend::Up);
        assert_eq!(trend(&[12.0, 12.0, 0.0, 50.0, 10.0, 10.0]), Trend::Down);
        // Two values: one each.
        assert_eq!(trend(&[3.0, 4.0]), Trend::Up);
    }

    #[test]
    fn small_changes_are_flat() {
        // 100 -> 102: a change of 2 is under 2% of 102, flat; 100 -> 102.5 is not.
        assert_eq!(trend(&[100.0, 100.0, 102.0]), Trend::Flat);
        assert_eq!(trend(&[100.0, 100.0, 102.5]), Trend::Up);
        assert_eq!(trend(&[0.0, 0.0, 0.0]), Trend::Flat);
        assert_eq!(trend(&[]), Trend::Flat);
        assert_eq!(trend(&[5.0]), Trend::Flat);
        assert_eq!(trend(&[1.0, f64::NAN, 3.0]), Trend::Flat);
    }

    #[test]
    fn rising_soreness_is_up() {
        assert_eq!(trend(&[2.0, 3.0, 5.0, 7.0]), Trend::Up);
    }

    #[test]
    fn from_zero_any_rise_is_up() {
        assert_eq!(trend(&[0.0, 0.0, 1.0]), Trend::Up);
        assert_eq!(trend(&[1.0, 0.0, 0.0]), Trend::Down);
    }
}
