//! The next session and what it says (METHOD K10): what prescribing found, gathered into the block's
//! decisions and dated changes, and the notices under the next session: what changed and why, the
//! most important first, nothing expired or contradicting it.

use jiff::ToSpan;
use jiff::civil::Date;

use super::progression::Outcome;
use super::{LogView, NextSession, Planner, sort_notices};
use crate::catalog::Exercise;
use crate::plan::{Notice, Session, Week};

impl Planner<'_> {
    /// Counts what prescribing found, for the block decisions, and keeps its notices.
    pub(super) fn absorb(&mut self, date: Date, outcome: Outcome) {
        let past = self.log.is_some_and(|l| date <= l.today);
        if past {
            self.block_successes += outcome.successes;
            self.block_setbacks += outcome.setbacks;
            self.week_plateaus += outcome.plateaus;
        }
        for (ex, best) in outcome.regress {
            self.regress(date, ex, best);
        }
        for ex in outcome.load_up {
            let to = ex.loaded.as_deref().and_then(|id| self.catalog.get(id)).filter(|to| self.chooser.allows(to));
            if let Some(to) = to {
                self.progress.load_up(ex, to);
                let text = format!(
                    "{}: in place of {}, whose every rep was done far under the RPE asked, twice; with a load.",
                    to.name, ex.name
                );
                self.note_change(date, Notice::new("P7", text));
            }
        }
        self.expiring.extend(outcome.expiring);
        self.claims.extend(outcome.claims);
        for (day, notice) in outcome.changes {
            self.note_change(day, notice);
        }
    }

    /// METHOD P7: reps far under the range twice in a row with no load to lower: an easier variation of
    /// the same pattern (the one whose harder step this is, else a substitute of no higher tier), or a
    /// range that starts at what was done.
    fn regress(&mut self, date: Date, ex: &'static Exercise, best: u32) {
        let first_pattern = |c: &Exercise| c.patterns.first().is_some_and(|p| ex.patterns.contains(p));
        let allowed = |c: &&Exercise| self.chooser.allows(c) && c.id != ex.id;
        let easier = self
            .catalog
            .all()
            .iter()
            .filter(|c| c.harder.as_deref() == Some(ex.id.as_str()))
            .chain(ex.substitutes.iter().filter_map(|id| self.catalog.get(id)))
            .filter(|c| first_pattern(c) && c.tier.unwrap_or(0) <= ex.tier.unwrap_or(0))
            .find(allowed);
        let text = match easier {
            Some(to) => {
                self.progress.regress_to(ex, to);
                format!("{}: in place of {}, whose reps fell 3 or more under the range twice.", to.name, ex.name)
            }
            None => {
                self.progress.floor_reps(ex, best, date);
                format!("{}: reps fell 3 or more under the range twice: the range now starts at {best}.", ex.name)
            }
        };
        self.note_change(date, Notice::new("P7", text));
    }

    pub(super) fn dated_changes(&self, from: Date, to: Date) -> impl Iterator<Item = Notice> + '_ {
        self.changes
            .iter()
            .filter(move |(d, _)| *d >= from && *d <= to)
            .map(|(d, n)| Notice { rule: n.rule.clone(), text: format!("{d}: {}", n.text) })
    }

    /// The next planned session on or after today, with what changed for it and why: at most
    /// `MAX_NOTICES`, the most important first, nothing expired or contradicting the session (METHOD K10).
    pub(super) fn next(&self, weeks: &[Week], log: &LogView) -> Option<NextSession> {
        let today = log.today;
        let (week, session) =
            weeks.iter().flat_map(|w| w.sessions.iter().map(move |s| (w, s))).find(|(_, s)| s.date >= today)?;
        let mut notices: Vec<Notice> = self
            .changes
            .iter()
            .filter(|(d, n)| self.concerns(week, session, today, *d, n))
            .map(|(_, n)| n.clone())
            .collect();
        notices.extend(self.referrals(today.saturating_sub(28.days())));
        let ask_cleared = self.awaiting_clearance(log, session.date);
        notices.extend(ask_cleared.iter().map(|(id, since)| self.clearance_question(id, *since)));
        if let Some(shown) = log.served_on(session.date).filter(|_| session.date == today) {
            let done = |id: &str| log.sets_done(id, today);
            let on = log.served_when(session.date).unwrap_or(today);
            notices.extend(super::today::moved_since_shown(shown, on, session, done, self.profile.units));
        }
        // A6 is a standing announcement (K10): said once, on the deload week's first session.
        let reassess_from = self.deloads.iter().rev().find(|d| **d <= session.date).copied();
        let first_of_week = week.sessions.first().is_some_and(|s| s.date == session.date);
        let due = first_of_week && week.deload;
        if due && !reassess_from.is_some_and(|d| log.history.assessed_between(d, today)) {
            notices.push(Notice::new(
                "A6",
                "A block ends: re-assess with `backbone assess` (grip, wall angel, thoracic rotation, grip width); \
                 the results shape the next block.",
            ));
        }
        if week.deload {
            let why = self.deload_reasons.iter().rev().find(|(d, _)| *d <= session.date).map(|(_, r)| r.as_str());
            notices.push(Notice::new(
                "B2",
                format!(
                    "Deload week, {}: the same movements with about half the sets at RPE 5-6.",
                    why.unwrap_or("as every block ends")
                ),
            ));
        }
        // K10: every number a notice names is the one served beside it, or it says it is for later.
        let mut notices: Vec<Notice> = notices
            .iter()
            .map(|n| match self.claims.get(&n.text) {
                Some(claim) => super::agree::reconcile(n, *claim, session, week.deload, self.profile.units),
                None => n.clone(),
            })
            .collect();
        let unexplained = super::agree::unexplained(weeks, week, session, &notices, self.catalog, self.profile.units);
        notices.extend(unexplained);
        sort_notices(&mut notices);
        notices.sort_by_key(|n| priority(&n.rule));
        notices.truncate(MAX_NOTICES);
        let ask_cleared = ask_cleared.into_iter().map(|(id, _)| id.to_string()).collect();
        let done = session
            .main
            .iter()
            .filter(|_| session.date == today)
            .map(|m| (m.exercise.to_string(), log.sets_done(&m.exercise, today)))
            .filter(|(_, n)| *n > 0)
            .collect();
        Some(NextSession { session: session.clone(), notices, ask_cleared, done })
    }

    /// Whether a change dated `day` belongs under this session: it happened on the session's day or in
    /// the last week, it has not expired, it does not contradict the week, and it is about something in
    /// the session (or about pain, which always is).
    fn concerns(&self, week: &Week, session: &Session, today: Date, day: Date, n: &Notice) -> bool {
        let recent = day == session.date || (day >= today.saturating_sub(7.days()) && day <= today);
        let expired = self.expiring.iter().any(|(text, until)| *text == n.text && *until < session.date);
        let rule = n.rule.as_ref();
        let fits = match rule {
            // Readiness is the day's own; a block stretch is news only in the week it adds, never in a deload.
            "R5" => day == session.date,
            "B2" => !week.deload && day == week.start,
            // When the deload comes is news before it, not in it.
            "R6" => !week.deload,
            "R3" | "R2" => true,
            _ => session
                .main
                .iter()
                .any(|m| self.catalog.get(&m.exercise).is_some_and(|e| n.text.starts_with(&format!("{}:", e.name)))),
        };
        recent && !expired && fits
    }
}

/// METHOD K10: at most about 8 lines under a session.
pub const MAX_NOTICES: usize = 8;

/// METHOD K10's order: pain and safety, then deloads and cuts, then the day's readiness, then progression,
/// then the rest.
fn priority(rule: &str) -> u8 {
    match rule.as_bytes().first() {
        Some(b'X') => 0,
        _ if rule == "R3" => 0,
        _ if matches!(rule, "B2" | "R2" | "R6") => 1,
        _ if rule == "R5" => 2,
        _ if matches!(rule, "R1" | "P7" | "P5" | "P3") => 3,
        Some(b'P') => 3,
        _ => 4,
    }
}
