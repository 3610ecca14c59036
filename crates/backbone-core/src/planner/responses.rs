//! What the log says about a day: pain substitutions (METHOD R3), soreness cuts (R2), readiness (R5),
//! and the notices and next session that tell the person what changed and why.

use std::borrow::Cow;

use jiff::ToSpan;
use jiff::civil::Date;

use super::compose::Pick;
use super::progression::Outcome;
use super::{LogView, NextSession, Planner, notices, sort_notices, sort_why};
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
        for change in outcome.changes {
            if !self.changes.iter().any(|(_, n)| *n == change.1) {
                self.changes.push(change);
            }
        }
    }

    /// METHOD R3: for two weeks after pain of 4/10 or more (or rising pain), an exercise gives way to a
    /// same-pattern variation that loads fewer of its joints, with targets of its own.
    pub(super) fn spare_pain(&mut self, date: Date, picks: &[Pick]) -> Vec<Pick> {
        let Some(log) = self.log else { return picks.to_vec() };
        let mut out: Vec<Pick> = Vec::with_capacity(picks.len());
        for p in picks {
            let Some(event) = log.stopped(&p.exercise.id, date) else {
                out.push(p.clone());
                continue;
            };
            let used: Vec<&str> = picks.iter().chain(&out).map(|q| q.exercise.id.as_str()).collect();
            let chooser = &self.chooser;
            let sub = crate::adapt::pain_substitute(self.catalog, p.exercise, |c| chooser.allows(c), &used);
            let until = event.date.saturating_add(crate::adapt::PAIN_DAYS.days());
            let how = if event.rising {
                "pain rising from set to set".to_string()
            } else {
                format!("pain {}/10", event.pain)
            };
            let text = match sub {
                Some(sub) => format!(
                    "{} stopped after {how} on {}: {} takes its place, with its own targets, until {until}. {}",
                    p.exercise.name,
                    event.date,
                    sub.name,
                    notices::NOT_MEDICAL_ADVICE
                ),
                None => format!(
                    "{} stopped after {how} on {} and left out until {until}: no variation spares its joints. {}",
                    p.exercise.name,
                    event.date,
                    notices::NOT_MEDICAL_ADVICE
                ),
            };
            self.block_setbacks += 1;
            if !self.changes.iter().any(|(_, n)| n.text == text) {
                self.changes.push((date, Notice::new("R3", text)));
            }
            if let Some(sub) = sub {
                let mut why = p.why.clone();
                why.push("R3");
                out.push(Pick { exercise: sub, why, instead_of: None, forced: false, ..p.clone() });
            }
        }
        out
    }

    /// METHOD R2: soreness of 7+ on two check-ins in a row, or three in a week, cuts the next 7 days'
    /// sets by about a third, or brings the deload forward once three hard weeks are done.
    pub(super) fn soreness(&mut self, session: &mut Session) {
        let Some(log) = self.log else { return };
        let date = session.date;
        let seen = date.saturating_sub(1.days()).min(log.today);
        let Some(trigger) = log.history.soreness_trigger(date.saturating_sub(7.days()), seen) else { return };
        self.week_sore = true;
        if self.hard_weeks >= 3 && !self.deload_next {
            self.deload_next = true;
        }
        for m in &mut session.main {
            let cut = ((m.sets as f64) * 2.0 / 3.0).round().max(1.0) as u32;
            if cut < m.sets {
                m.sets = cut;
                m.why.push(Cow::Borrowed("R2"));
                sort_why(&mut m.why);
            }
        }
        let text = format!(
            "Soreness of 7/10 or more kept showing (last on {trigger}): sets cut by about a third until {}.",
            trigger.saturating_add(7.days())
        );
        if !self.changes.iter().any(|(_, n)| n.text == text) {
            self.block_setbacks += 1;
            self.changes.push((date, Notice::new("R2", text)));
        }
    }

    /// METHOD R5: poor sleep, high stress or low energy on the day keep the exercises and lower the RPE
    /// by one (by two when two or more are poor).
    pub(super) fn readiness(&mut self, session: &mut Session) {
        let Some(log) = self.log else { return };
        if session.date > log.today {
            return;
        }
        let Some(checkin) = log.history.checkin_on(session.date) else { return };
        let flags = crate::history::readiness_flags(&checkin);
        if flags == 0 {
            return;
        }
        let drop = if flags >= 2 { 2.0 } else { 1.0 };
        for m in &mut session.main {
            let rpe = (m.rpe - drop).max(5.0);
            if let (Some(kg), Some(r)) = (m.load_kg, m.reps) {
                let ratio = crate::load::rts_percent(r.target, rpe).zip(crate::load::rts_percent(r.target, m.rpe));
                if let (Some((lower, now)), Some(implement)) =
                    (ratio, self.catalog.get(&m.exercise).and_then(|e| e.load))
                {
                    m.load_kg = Some(crate::load::round_down(kg * lower / now, implement, self.profile.units));
                }
            }
            m.rpe = rpe;
            m.why.push(Cow::Borrowed("R5"));
            sort_why(&mut m.why);
        }
        let text = format!(
            "Readiness on {} was low (sleep under 6 h, high stress or low energy): same exercises, RPE {} lower.",
            session.date, drop
        );
        self.changes.push((session.date, Notice::new("R5", text)));
    }

    pub(super) fn dated_changes(&self, from: Date, to: Date) -> impl Iterator<Item = Notice> + '_ {
        self.changes
            .iter()
            .filter(move |(d, _)| *d >= from && *d <= to)
            .map(|(d, n)| Notice { rule: n.rule.clone(), text: format!("{d}: {}", n.text) })
    }

    /// METHOD R3 and X1: pain of 5/10 or more, or pain flags twice within 14 days on one exercise.
    pub(super) fn referrals(&self, from: Date) -> Vec<Notice> {
        let Some(log) = self.log else { return Vec::new() };
        log.refer
            .iter()
            .filter(|(_, d)| *d >= from)
            .map(|(id, d)| {
                let name = self.catalog.get(id).map_or(id.as_str(), |e| e.name.as_str());
                Notice::new(
                    "R3",
                    format!(
                        "{name}: pain on {d} (5/10 or more, or twice in two weeks). See a doctor or physical \
                         therapist before doing it again. {}",
                        notices::NOT_MEDICAL_ADVICE
                    ),
                )
            })
            .collect()
    }

    /// The next planned session on or after today, with what changed and why (CONTRACT `next`).
    pub(super) fn next(&self, weeks: &[Week], log: &LogView) -> Option<NextSession> {
        let today = log.today;
        let (week, session) =
            weeks.iter().flat_map(|w| w.sessions.iter().map(move |s| (w, s))).find(|(_, s)| s.date >= today)?;
        let mut notices: Vec<Notice> = self
            .changes
            .iter()
            .filter(|(d, _)| *d == session.date || (*d >= today.saturating_sub(14.days()) && *d <= today))
            .map(|(_, n)| n.clone())
            .collect();
        notices.extend(self.referrals(today.saturating_sub(28.days())));
        let reassess_from = self.deloads.iter().rev().find(|d| **d <= session.date).copied();
        let due = week.deload || reassess_from.is_some_and(|d| session.date <= d.saturating_add(14.days()));
        if due && !reassess_from.is_some_and(|d| log.history.assessed_between(d, today)) {
            notices.push(Notice::new(
                "A6",
                "A block ends: re-assess with `backbone assess` (grip, wall angel, thoracic rotation, grip width); \
                 the results shape the next block.",
            ));
        }
        if week.deload {
            notices.push(Notice::new("B2", "Deload week: the same movements with about half the sets at RPE 5-6."));
        }
        sort_notices(&mut notices);
        Some(NextSession { session: session.clone(), notices })
    }
}
