//! The calendar side of a plan: which block and emphasis a week has (METHOD B1, B2), how many sessions
//! it holds (W1), on which days, and which of them are the heavy horizontal and vertical days (W2, W3).

use crate::profile::Profile;
use crate::vocab::{Day, Emphasis};

/// What a training day is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Row emphasis (METHOD W2).
    Horizontal,
    /// Pull-up and pulldown emphasis (METHOD W2).
    Vertical,
    /// A lighter accessory, posture or hinge day between the heavy ones (METHOD W1a).
    Light,
}

/// One training day of a week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// Days after the week's first day (0..=6).
    pub offset: i64,
    pub kind: Kind,
    /// False when METHOD W3 forbids a heavy day here (the day before or after is heavy).
    pub heavy: bool,
}

/// The emphasis of a block: beginners and posture users start with technique, lifters with hypertrophy,
/// then hypertrophy -> strength -> technique over and over (METHOD B1).
pub fn emphasis_of(profile: &Profile, block: u32) -> Emphasis {
    const CYCLE: [Emphasis; 3] = [Emphasis::Hypertrophy, Emphasis::Strength, Emphasis::Technique];
    let technique_first = profile.is_beginner() || !profile.is_lifter();
    if technique_first {
        if block == 1 { Emphasis::Technique } else { CYCLE[((block - 2) % 3) as usize] }
    } else {
        CYCLE[((block - 1) % 3) as usize]
    }
}

/// Sessions in a week of this block: beginners 1-2 in the first block, then at most 3 (METHOD W1).
pub fn sessions_in_block(profile: &Profile, block: u32) -> usize {
    let wanted = profile.days_per_week as usize;
    match (profile.is_beginner(), block) {
        (true, 1) => wanted.min(2),
        (true, _) => wanted.min(3),
        (false, _) => wanted,
    }
}

/// The weekdays a person trains on, as offsets from the plan's first weekday: the profile's training days,
/// or an even spread.
fn candidate_offsets(profile: &Profile) -> Vec<i64> {
    let days: Vec<Day> = match &profile.training_days {
        Some(days) => days.clone(),
        None => default_days(profile.days_per_week as usize).to_vec(),
    };
    let first = profile.start.weekday().to_monday_zero_offset() as i64;
    let mut offsets: Vec<i64> = days.iter().map(|d| (d.offset() as i64 - first).rem_euclid(7)).collect();
    offsets.sort();
    offsets
}

/// Spread-out default training days for each frequency.
fn default_days(n: usize) -> &'static [Day] {
    use Day::*;
    match n {
        1 => &[Mon],
        2 => &[Mon, Thu],
        3 => &[Mon, Wed, Fri],
        4 => &[Mon, Tue, Thu, Fri],
        5 => &[Mon, Tue, Wed, Fri, Sat],
        _ => &[Mon, Tue, Wed, Thu, Fri, Sat],
    }
}

/// Gap in days between two weekdays going round the week, so Sunday and Monday are neighbours.
fn circular_gap(a: i64, b: i64) -> i64 {
    let d = (a - b).rem_euclid(7);
    d.min(7 - d)
}

/// The `n` days out of `offsets` that are furthest apart (the smallest gap as large as possible).
fn spread(offsets: &[i64], n: usize) -> Vec<i64> {
    if n >= offsets.len() {
        return offsets.to_vec();
    }
    let mut best: Option<(i64, Vec<i64>)> = None;
    // At most 6 days, so trying every subset is cheap and exact.
    for mask in 0u32..(1 << offsets.len()) {
        if mask.count_ones() as usize != n {
            continue;
        }
        let pick: Vec<i64> =
            offsets.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, o)| *o).collect();
        let gap = min_gap(&pick);
        if best.as_ref().is_none_or(|(g, _)| gap > *g) {
            best = Some((gap, pick));
        }
    }
    best.map(|(_, p)| p).unwrap_or_default()
}

fn min_gap(days: &[i64]) -> i64 {
    let mut gap = 7;
    for (i, a) in days.iter().enumerate() {
        for b in &days[i + 1..] {
            gap = gap.min(circular_gap(*a, *b));
        }
    }
    gap
}

/// The training days of a week in a block: the horizontal and vertical days as far apart as possible,
/// never heavy on neighbouring days (METHOD W2, W3), lighter days between them (W1a).
pub fn week_slots(profile: &Profile, block: u32) -> Vec<Slot> {
    let days = spread(&candidate_offsets(profile), sessions_in_block(profile, block));
    let mut slots: Vec<Slot> = days.iter().map(|&offset| Slot { offset, kind: Kind::Light, heavy: false }).collect();
    match slots.len() {
        0 => {}
        1 => {
            slots[0].kind = Kind::Horizontal;
            slots[0].heavy = true;
        }
        _ => {
            let (h, v) = heavy_pair(&days);
            slots[h].kind = Kind::Horizontal;
            slots[h].heavy = true;
            slots[v].kind = Kind::Vertical;
            // Two heavy days on neighbouring days break W3: the second is trained light.
            slots[v].heavy = circular_gap(days[h], days[v]) > 1;
        }
    }
    slots
}

/// Indexes of the two days furthest apart; the earlier one is the horizontal day.
fn heavy_pair(days: &[i64]) -> (usize, usize) {
    let mut best = (0, 1, -1);
    for i in 0..days.len() {
        for j in i + 1..days.len() {
            let gap = circular_gap(days[i], days[j]);
            if gap > best.2 {
                best = (i, j, gap);
            }
        }
    }
    (best.0, best.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_keeps_days_apart() {
        assert_eq!(spread(&[0, 2, 4], 2), vec![0, 4]);
        assert_eq!(spread(&[0, 1, 2, 3, 4, 5], 3), vec![0, 2, 4]);
        assert_eq!(circular_gap(6, 0), 1);
    }

    #[test]
    fn heavy_days_are_the_furthest_apart() {
        assert_eq!(heavy_pair(&[0, 1, 3, 4]), (0, 2));
        assert_eq!(heavy_pair(&[0, 2, 4]), (0, 2));
    }
}
