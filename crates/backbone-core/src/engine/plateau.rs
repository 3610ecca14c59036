//! Plateaus (METHOD R1): when hard exposures stop showing a gain although more was asked, and which
//! signal called it. The stages that answer a plateau (volume, intensity, selection) are progression's.

use jiff::ToSpan;

use super::estimate::Judged;

/// R1: a gain in estimated max smaller than this is noise (RPE is logged in half steps, about 1-2% of a
/// max), not progress.
const GAIN: f64 = 1.02;
/// Over five weeks or more the best of several estimates is steadier: a smaller gain is real progress.
const SLOW_GAIN: f64 = 1.015;

/// Which of METHOD R1's signals called a plateau: said in the notice ("say which and why").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlateauSign {
    /// More was asked at least twice and not achieved, with no gain in the estimate.
    Missed,
    /// Steps were met for five weeks, yet the estimate did not move.
    StepsWithoutGain,
    /// The last recalibration had its three hard weeks and brought no gain.
    StageOver,
    /// Done another way than asked three times running, with no gain in what was done.
    OwnWay,
}

impl PlateauSign {
    pub fn words(self) -> &'static str {
        match self {
            PlateauSign::Missed => "no gain over the last weeks although more was asked",
            PlateauSign::StepsWithoutGain => "every step met for five weeks, yet no gain in the estimated max",
            PlateauSign::StageOver => "about three hard weeks since the last change brought no gain",
            PlateauSign::OwnWay => "no gain in what you have been doing instead of what was asked",
        }
    }
}

/// METHOD R1: three or more hard exposures spanning at least 14 days without a gain in estimated max (or
/// in reps at the same load when no RPE was logged), although the prescription asked for more at least
/// twice, or effort strained three times (P3 held it). Holds the engine chose are met exposures, so they
/// never make a plateau.
pub fn plateaued(window: &[Judged]) -> bool {
    // Sets four or more reps short of failure (RPE under 7) tell little about a max: the RPE chart is
    // least accurate there, and an easy set neither shows nor hides a gain. Only the informative count.
    let window: Vec<Judged> = window.iter().filter(|j| j.top_rpe.is_none_or(|r| r >= 7.0)).cloned().collect();
    let (Some(first), Some(last)) = (window.first(), window.last()) else { return false };
    if window.len() < 3 || last.date < first.date.saturating_add(14.days()) {
        return false;
    }
    let misses = window.iter().filter(|j| j.counted && !j.learning).count();
    let strained = window.iter().rev().take(3).filter(|j| j.strained).count();
    if misses < 2 && strained < 3 {
        return false;
    }
    !gained(&window)
}

/// METHOD R1 when the asks were met but led nowhere: two or more steps taken in a window of at least
/// five weeks (`steps`: how many fell inside it) with no gain. Five weeks, because a slow but real gain
/// (0.5% a week) shows as 2.5% by then, past the noise of RPE's half steps.
pub fn stepped_without_gain(window: &[Judged], steps: usize) -> bool {
    // From the first exposure that met its targets: before it the load was still being calibrated.
    let met = window.iter().position(|j| j.met).unwrap_or(window.len());
    let window: Vec<Judged> = window[met..].iter().filter(|j| j.top_rpe.is_none_or(|r| r >= 7.0)).cloned().collect();
    let (Some(first), Some(last)) = (window.first(), window.last()) else { return false };
    steps >= 2
        && window.len() >= 3
        && last.date >= first.date.saturating_add(35.days())
        && !gained_by(&window, SLOW_GAIN)
}

/// A gain in the window over its first exposure: in e1RM, in reps at the same load without RPE, in reps
/// plus reps in reserve at one load, or in load for work without an estimate.
fn gained(window: &[Judged]) -> bool {
    gained_by(window, GAIN)
}

fn gained_by(window: &[Judged], gain: f64) -> bool {
    let Some(first) = window.first() else { return false };
    let later = &window[1..];
    let e1rm_gain = first.e1rm.is_some_and(|base| later.iter().filter_map(|j| j.e1rm).any(|e| e > base * gain));
    let reps_gain = later.iter().any(|j| !j.has_rpe && j.top_load == first.top_load && j.total_reps > first.total_reps);
    let heavier = first.top_load.is_some_and(|base| later.iter().filter_map(|j| j.top_load).any(|l| l > base));
    // At the same load (or none), more reps done plus reps in reserve is a gain too: at 15-20 reps the
    // RPE chart flattens and the e1RM stops telling one session from the next.
    let rep_max_gain = first.rep_max.is_some_and(|base| {
        later.iter().filter(|j| j.top_load == first.top_load).filter_map(|j| j.rep_max).any(|r| r >= base + 1.0)
    });
    e1rm_gain || reps_gain || rep_max_gain || heavier && first.e1rm.is_none()
}

/// METHOD R1 after a stage, or for a person doing something else than asked: no gain over the
/// informative exposures of the window, at least two of them spanning at least `days`.
pub fn no_gain_in(window: &[Judged], days: i64) -> bool {
    let window: Vec<Judged> = window.iter().filter(|j| j.top_rpe.is_none_or(|r| r >= 7.0)).cloned().collect();
    let (Some(first), Some(last)) = (window.first(), window.last()) else { return false };
    window.len() >= 2 && last.date >= first.date.saturating_add(days.days()) && !gained(&window)
}

/// R1 volume stage: effort climbing at the same dose calls for one set fewer rather than one more.
pub fn rpe_drifting_up(window: &[Judged]) -> bool {
    let rpes: Vec<f64> = window.iter().filter_map(|j| j.top_rpe).collect();
    match (rpes.first(), rpes.last()) {
        (Some(a), Some(b)) => b - a >= 1.0 || window.iter().any(|j| j.strained),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn j(day: i8, e1rm: f64, missed: bool) -> Judged {
        Judged {
            date: date(2026, 12, day),
            e1rm: Some(e1rm),
            e1rm_floor: None,
            mean_rpe: Some(8.0),
            top_load: Some(50.0),
            total_reps: 30,
            has_rpe: true,
            top_rpe: Some(8.0),
            best_reps: 10,
            rep_max: None,
            learning: false,
            met: !missed,
            missed,
            counted: missed,
            strained: false,
            short: false,
            far_short: false,
            easy: false,
            off_target: missed,
        }
    }

    /// R1 needs the prescription to have asked for more and not got it: flat estimates alone, when every
    /// exposure met what was served, are the engine's own hold, not a plateau.
    #[test]
    fn r1_flat_estimates_with_targets_met_are_not_a_plateau() {
        assert!(!plateaued(&[j(1, 80.0, false), j(8, 80.0, false), j(15, 80.5, false)]));
        assert!(plateaued(&[j(1, 80.0, false), j(8, 80.0, true), j(15, 80.5, true)]));
        // A real gain over the window is progress whatever was missed.
        assert!(!plateaued(&[j(1, 80.0, true), j(8, 80.0, true), j(15, 83.0, true)]));
        // Under 14 days is too short to call.
        assert!(!plateaued(&[j(1, 80.0, true), j(4, 80.0, true), j(8, 80.0, true)]));
    }
}
