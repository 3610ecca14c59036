//! Where one exercise stands (METHOD P1, P5, P7, R1): its steps, its working load and the estimate
//! behind it, the exposures judged, and the stage of any plateau.

use jiff::civil::Date;

use super::estimate::{Asked, Judged, Prior, Reading};

/// Where one exercise stands in its progression.
#[derive(Debug, Clone)]
pub struct State {
    /// METHOD R1 recalibrations so far, and the start of the current plateau window.
    pub(super) recalibrations: u32,
    pub(super) plateau_since: Date,
    /// Rep-range shifts made by R1's intensity stage (two reps down each).
    pub(super) range_shift: u32,
    /// METHOD P7 without a load or variation to fall back on: a range starting at what was done.
    pub(super) reps_floor: Option<u32>,
    /// The rep range the bonus counts from; a new range starts again at its bottom.
    pub(super) range: Option<(u32, u32)>,
    pub(super) reps_bonus: u32,
    pub(super) sets_bonus: u32,
    /// Sets taken off by R1 when effort climbed at the same dose.
    pub(super) sets_cut: u32,
    pub(super) seconds_bonus: u32,
    /// The date of the last step, or of the first exposure.
    pub(super) anchor: Date,
    pub(super) steps: u32,
    /// The days steps were taken on, for R1 (the asks that should have led to a gain).
    pub(super) step_dates: Vec<Date>,
    /// Estimated max in total kg moved (see `Loading`): from strength standards, then from hard exposures.
    pub(super) e1rm: Option<f64>,
    /// The working load for a (range, RPE) context, kept while reps climb (double progression).
    pub(super) load: Option<((u32, u32, u32), f64)>,
    /// The last load really lifted in a hard week, with its range.
    pub(super) last_load: Option<((u32, u32), f64)>,
    /// The last hard prescription, as its load and the max it implies: the base of P5's 10% bound at
    /// every kind of step (a calibration, a block start, the week after a deload).
    pub(super) prior: Option<Prior>,
    /// The readings of the last hard exposures, oldest first (METHOD P5: the estimate comes from all
    /// of them, the latest weighing most).
    pub(super) recent: Vec<Reading>,
    /// The load of timed loaded work (carries), from the log.
    pub(super) timed_load: Option<f64>,
    /// The date of the newest exposure already judged, and the day the log was last read up to (so that
    /// reading it again for the same day costs nothing).
    pub(super) judged_to: Option<Date>,
    pub(super) read_to: Option<Date>,
    /// Hard exposures judged since the plateau window opened (at most `PLATEAU_DAYS` back).
    pub(super) judged: Vec<Judged>,
    /// What was prescribed (or served) on recent days, to judge their logs against.
    pub(super) prescribed: Vec<(Date, Asked)>,
    /// Hard exposures logged, and prescriptions forecast after today (METHOD P6 counts both).
    pub(super) seen: u32,
    pub(super) forecast: u32,
    pub(super) short_streak: u32,
    pub(super) easy_streak: u32,
    /// Hard exposures in a row done otherwise than asked (another load, many more reps): METHOD R1 says
    /// so after three, and judges what was done.
    pub(super) off_script: u32,
    /// The day a failure (reps missed, RPE 10) last lowered the load, and the load that failed (METHOD
    /// P5: no swinging back to it).
    pub(super) lowered_on: Option<(Date, f64)>,
    /// Calibration raised the working load since the last prescription (METHOD P2: then no step too).
    pub(super) just_raised: bool,
    /// P5 set the load from the log at least once.
    pub(super) calibrated: bool,
    /// P7 acted on this exercise.
    pub(super) regressed: bool,
}

impl State {
    pub(super) fn new(date: Date, range: Option<(u32, u32)>, e1rm: Option<f64>) -> State {
        State {
            recalibrations: 0,
            plateau_since: date,
            range_shift: 0,
            reps_floor: None,
            range,
            reps_bonus: 0,
            sets_bonus: 0,
            sets_cut: 0,
            seconds_bonus: 0,
            anchor: date,
            steps: 0,
            step_dates: Vec::new(),
            e1rm,
            load: None,
            last_load: None,
            prior: None,
            recent: Vec::new(),
            timed_load: None,
            judged_to: None,
            read_to: None,
            judged: Vec::new(),
            prescribed: Vec::new(),
            seen: 0,
            forecast: 0,
            short_streak: 0,
            easy_streak: 0,
            off_script: 0,
            lowered_on: None,
            just_raised: false,
            calibrated: false,
            regressed: false,
        }
    }

    /// The prescription a log of `day` is judged against: that day's, or the latest before it (a session
    /// done a day late is judged against what it was meant to be).
    pub(super) fn prescribed_for(&self, day: Date) -> Option<Asked> {
        self.prescribed.iter().rev().find(|(d, _)| *d <= day).map(|(_, a)| *a)
    }

    /// A new plateau window: after a recalibration or a regression (R1 never counts holds the engine
    /// chose).
    pub(super) fn reopen(&mut self, date: Date) {
        self.plateau_since = date;
        self.judged.clear();
    }
}
