//! Blocks and tiers as the weeks go by: where a block starts and ends (METHOD B1, B2, A6), when the
//! deload comes early (R6) or late (a block that is going well), and when T3 opens (T4).

use jiff::ToSpan;
use jiff::civil::Date;

use super::{Findings, LogView, Planner, schedule};
use crate::plan::{Notice, Session};

impl Planner<'_> {
    /// A new block: the latest re-assessment feeds it (METHOD A6).
    pub(super) fn begin_block(&mut self, start: Date) {
        self.block_successes = 0;
        self.block_setbacks = 0;
        let Some(log) = self.log else { return };
        let assessment = log.history.assessment_as_of(&self.profile.assessment, start.saturating_sub(1.days()));
        let findings = Findings::with(self.profile, &assessment);
        if findings != self.findings {
            self.findings = findings;
            self.findings_version += 1;
            self.warmup = self.warmup_items();
            self.cooldown = self.cooldown_items();
        }
    }

    /// METHOD B2: a deload after 3 hard weeks by default; a block stretches (up to 5 hard weeks) while
    /// the log shows the person responding well, and R6 or R2 bring the deload back once 3 are done.
    pub(super) fn deload_due(&mut self, start: Date) -> bool {
        match self.hard_weeks {
            0..=2 => false,
            5.. => true,
            _ if self.deload_next => true,
            _ => {
                let stretch = self.responding_well(start);
                if stretch {
                    self.changes.push((
                        start,
                        Notice::new(
                            "B2",
                            format!(
                                "Responding well (every due step met, no pain, soreness or plateau): block {} runs \
                                 one more hard week, so its deload moves to the week of {}.",
                                self.block,
                                start.saturating_add(7.days())
                            ),
                        ),
                    ));
                }
                !stretch
            }
        }
    }

    /// Why a deload week comes now, in words (METHOD B2, R6, R2; K10: the notice says which and why).
    pub(super) fn deload_reason(&self) -> String {
        let n = self.hard_weeks;
        match (n, self.deload_cause) {
            (3, None) => "after 3 hard weeks, as every block ends".into(),
            (3, Some(cause)) => format!("after 3 hard weeks; {cause}, so the block was not stretched"),
            (_, Some(cause)) => format!("after {n} hard weeks, brought forward: {cause}"),
            (_, None) => {
                format!("after {n} hard weeks: the block ran longer while you kept progressing without fatigue signs")
            }
        }
    }

    /// The block so far met its steps with no setbacks, and most planned sessions were logged.
    pub(super) fn responding_well(&self, start: Date) -> bool {
        let Some(log) = self.log else { return false };
        if start > log.today || self.block_successes == 0 || self.block_setbacks > 0 {
            return false;
        }
        let planned = schedule::sessions_in_block(self.profile, self.block) * self.hard_weeks as usize;
        let from = start.saturating_sub((7 * self.hard_weeks as i64).days());
        log.history.trained_days(from, start.saturating_sub(1.days())) * 4 >= planned * 3
    }

    /// METHOD R6: plateaus on several exercises at once, or persistent soreness with a plateau, bring
    /// the deload forward: as soon as three hard weeks are done (B2), or at once if they are. Said once a
    /// block, with the week the deload comes.
    pub(super) fn early_deload(&mut self, start: Date) {
        if self.week_plateaus >= 2 || (self.week_sore && self.week_plateaus >= 1) {
            self.deload_next = true;
            let cause = if self.week_plateaus >= 2 {
                "several exercises stalled at once (R6)"
            } else {
                "soreness kept showing while an exercise stalled (R6)"
            };
            self.deload_cause.get_or_insert(cause);
            if self.r6_told == Some(self.block) {
                return;
            }
            self.r6_told = Some(self.block);
            let weeks_left = 3u32.saturating_sub(self.hard_weeks);
            let deload = start.saturating_add((7 * (i64::from(weeks_left) + 1)).days());
            let text = if weeks_left == 0 {
                format!("Several exercises stalled at once: the deload comes next week, in the week of {deload}.")
            } else {
                format!(
                    "Several exercises stalled at once: block {} will not run longer; its deload stays in the week \
                     of {deload}, after three hard weeks (B2).",
                    self.block
                )
            };
            self.changes.push((start, Notice::new("R6", text)));
        }
    }

    /// METHOD T4: T3 opens after 4 sessions with T2 work spanning 2 weeks, never in a beginner's first
    /// block, and not after a failed wall angel test until a re-assessment passes (A5), which a forecast
    /// cannot assume.
    pub(super) fn t3_open(&mut self, date: Date, block: u32) -> bool {
        let locked = (self.first_wall_angel_failed && block == 1) || self.findings.wall_angel_failed;
        if locked || (self.profile.is_beginner() && block == 1) {
            return false;
        }
        let (count, first) = match self.log {
            // Up to today the log must show the tolerance; after today the forecast adds its sessions.
            Some(log) => {
                let (count, first) = log.tolerance(date.min(log.today));
                (count + self.t2_sessions, first.or(self.first_t2))
            }
            None => (self.t2_sessions, self.first_t2),
        };
        let shown = count >= 4 && first.is_some_and(|first| date >= first.saturating_add(14.days()));
        if shown && self.t3_opened.is_none() {
            self.t3_opened = Some(date);
        }
        shown
    }

    pub(super) fn count_tiers(&mut self, session: &Session) {
        // Days before today count through the log; today counts as forecast until something is logged.
        let logged = |l: &LogView| {
            session.date < l.today || (session.date == l.today && l.history.trained_days(l.today, l.today) > 0)
        };
        if self.log.is_some_and(logged) {
            return;
        }
        let has_t2 = session.main.iter().any(|m| self.catalog.get(&m.exercise).is_some_and(|e| e.tier == Some(2)));
        if has_t2 {
            self.t2_sessions += 1;
            self.first_t2.get_or_insert(session.date);
        }
    }
}
