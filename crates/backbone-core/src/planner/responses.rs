//! What the log says about a day: pain substitutions (METHOD R3), soreness cuts (R2), readiness (R5),
//! and the notices and next session that tell the person what changed and why.

use std::borrow::Cow;

use jiff::ToSpan;
use jiff::civil::Date;

use super::compose::Pick;
use super::progression::Outcome;
use super::{LogView, NextSession, Planner, notices, sort_notices, sort_why};
use crate::catalog::Exercise;
use crate::plan::{MainItem, Notice, Session, Week};

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

    /// METHOD R3: for two weeks after pain of 4/10 or more (or rising pain), an exercise gives way to a
    /// same-pattern variation that loads fewer of its joints, with targets of its own.
    pub(super) fn spare_pain(&mut self, date: Date, picks: &[Pick]) -> Vec<Pick> {
        let mut out: Vec<Pick> = Vec::with_capacity(picks.len());
        for p in picks {
            let used: Vec<&str> = picks.iter().chain(&out).map(|q| q.exercise.id.as_str()).collect();
            match self.pain_stop(date, p.exercise, &used) {
                None => out.push(p.clone()),
                Some(None) => {}
                Some(Some(sub)) => {
                    let mut why = p.why.clone();
                    why.push("R3");
                    out.push(Pick { exercise: sub, why, instead_of: None, forced: false, ..p.clone() });
                }
            }
        }
        out
    }

    /// METHOD R3 and B2: the 14 days hold in a deload week too; the substitute takes the deload's dose.
    pub(super) fn spare_pain_in_deload(&mut self, date: Date, main: Vec<MainItem>) -> Vec<MainItem> {
        let mut out: Vec<MainItem> = Vec::with_capacity(main.len());
        for m in &main {
            let Some(ex) = self.catalog.get(&m.exercise) else {
                out.push(m.clone());
                continue;
            };
            let used: Vec<&str> = main.iter().chain(&out).map(|q| q.exercise.as_ref()).collect();
            match self.pain_stop(date, ex, &used) {
                None => out.push(m.clone()),
                Some(None) => {}
                Some(Some(sub)) => {
                    let mut why = m.why.clone();
                    why.push(Cow::Borrowed("R3"));
                    sort_why(&mut why);
                    let (reps, seconds) = if sub.timed {
                        (None, Some(m.seconds.unwrap_or(30)))
                    } else {
                        (m.reps.or(Some(crate::planner::reps(8, 12, 10))), None)
                    };
                    let load_kg = reps.and_then(|r| self.progress.load_for(sub, r.target, m.rpe));
                    out.push(MainItem {
                        exercise: Cow::Borrowed(sub.id.as_str()),
                        reps,
                        seconds,
                        load_kg,
                        load_per: crate::plan::LoadPer::of(sub),
                        why,
                        ..m.clone()
                    });
                }
            }
        }
        out
    }

    /// Whether pain keeps `ex` out on `date`: `None` when it does not; else the substitute, if any, with
    /// the notice recorded once.
    fn pain_stop(&mut self, date: Date, ex: &'static Exercise, used: &[&str]) -> Option<Option<&'static Exercise>> {
        let log = self.log?;
        // The exercise that hurt, or one of its pattern that would load every joint it loaded.
        let (event, hurt) = log.stopped_for(ex, date, self.catalog)?;
        let ex = hurt;
        let chooser = &self.chooser;
        let spares = |c: &Exercise| chooser.allows(c) && log.stopped_for(c, date, self.catalog).is_none();
        let sub = crate::adapt::pain_substitute(self.catalog, ex, spares, used);
        let until = event.date.saturating_add(crate::adapt::PAIN_DAYS.days());
        let how =
            if event.rising { "pain rising from set to set".to_string() } else { format!("pain {}/10", event.pain) };
        if event.date == date {
            let stop = super::today::SameDayStop { from: ex.id.as_str(), to: sub.map(|s| s.id.as_str()) };
            if !self.same_day.contains(&stop) {
                self.same_day.push(stop);
            }
        }
        let when = if event.date == date { "today".to_string() } else { format!("on {}", event.date) };
        // After a referral the way back is the person's word, not a date (METHOD R3).
        let lasts = if event.referred {
            format!(
                "until you say it is pain-free or cleared by a doctor or physical therapist (at the earliest {until})"
            )
        } else {
            format!("until {until}")
        };
        let text = match sub {
            Some(sub) if event.date == date => format!(
                "{} stopped after {how} today: its remaining sets go to {}, which takes its place with its own \
                 targets {lasts}. {}",
                ex.name,
                sub.name,
                notices::NOT_MEDICAL_ADVICE
            ),
            Some(sub) => format!(
                "{} stopped after {how} {when}: {} takes its place, with its own targets, {lasts}. {}",
                ex.name,
                sub.name,
                notices::NOT_MEDICAL_ADVICE
            ),
            None => format!(
                "{} stopped after {how} {when} and left out {lasts}: no variation spares its joints. {}",
                ex.name,
                notices::NOT_MEDICAL_ADVICE
            ),
        };
        self.block_setbacks += 1;
        if self.note_change(date, Notice::new("R3", text.clone())) && !event.referred {
            self.expiring.push((text, until));
        }
        Some(sub)
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
        let until = trigger.saturating_add(7.days());
        let text = format!(
            "Soreness of 7/10 or more kept showing (last on {trigger}): sets cut by about a third until {until}."
        );
        if self.note_change(date, Notice::new("R2", text.clone())) {
            self.expiring.push((text, until));
            self.block_setbacks += 1;
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
        self.note_change(session.date, Notice::new("R5", text));
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
        // A6 is a standing announcement (K10): said on the deload week's first session, and once more on
        // the next block's first session while no re-assessment is logged.
        let reassess_from = self.deloads.iter().rev().find(|d| **d <= session.date).copied();
        let first_of_week = week.sessions.first().is_some_and(|s| s.date == session.date);
        let after_deload = reassess_from.is_some_and(|d| !week.deload && week.start == d.saturating_add(7.days()));
        let due = first_of_week && (week.deload || after_deload);
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
        Some(NextSession { session: session.clone(), notices, ask_cleared })
    }

    /// METHOD R3: the exercises referred to a doctor or physical therapist whose two weeks are over and that
    /// wait for the person's word, with the day of the pain.
    fn awaiting_clearance<'l>(&self, log: &'l LogView, day: Date) -> Vec<(&'l str, Date)> {
        let mut out: Vec<(&str, Date)> = Vec::new();
        for (id, _) in &log.refer {
            if let Some(event) = log.awaiting_clearance(id, day)
                && !out.iter().any(|(o, _)| o == id)
            {
                out.push((id.as_str(), event.date));
            }
        }
        out
    }

    /// The question R3 asks before a referred exercise returns.
    fn clearance_question(&self, id: &str, since: Date) -> Notice {
        let name = self.catalog.get(id).map_or(id, |e| e.name.as_str());
        Notice::new(
            "R3",
            format!(
                "{name}: after the pain on {since} a doctor or physical therapist was advised. Is it pain-free now, \
                 or cleared? Say so with `backbone log --cleared {id}` (or \"Pain-free or cleared\" on Today); until \
                 then its substitute stays. {}",
                notices::NOT_MEDICAL_ADVICE
            ),
        )
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
