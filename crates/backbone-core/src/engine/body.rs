//! Pain and readiness (METHOD P3, R2, R3, R5): what the body says about a day, and what the engine does
//! about it: holds, pain stops with their substitutes and the way back, soreness cuts, lower effort on a
//! poor day.

use std::borrow::Cow;

use jiff::ToSpan;
use jiff::civil::Date;

use super::compose::Pick;
use super::{LogView, Planner, notices, sort_why};
use crate::catalog::{Catalog, Exercise};
use crate::history::Exposure;
use crate::plan::{MainItem, Notice, Session};
use crate::vocab::Pattern;

/// METHOD P3: the reason to hold, if the last two weeks show pain, quality under 3 or RPE above 9.
pub fn hold_reason(recent: &[Exposure]) -> Option<String> {
    if recent.iter().any(|e| e.pain_flag()) {
        return Some("pain was logged in the last two weeks".into());
    }
    if recent.iter().any(|e| e.min_quality().is_some_and(|q| q < 3)) {
        return Some("movement quality was under 3/5 in the last two weeks".into());
    }
    if recent.iter().any(|e| e.max_rpe().is_some_and(|r| r > 9.0)) {
        return Some("a set went above RPE 9 in the last two weeks".into());
    }
    None
}

/// A same-pattern variation that loads fewer of the exercise's joints and spares its painful range
/// (METHOD R3): an overhead pull gives way to a pull below shoulder height, never to another overhead pull.
/// From its substitutes first, then from the catalog, that the person can do.
pub fn pain_substitute(
    catalog: &'static Catalog,
    ex: &Exercise,
    allowed: impl Fn(&'static Exercise) -> bool,
    avoid: &[&str],
) -> Option<&'static Exercise> {
    sparing_variations(catalog, ex).into_iter().find(|c| !avoid.contains(&c.id.as_str()) && allowed(c))
}

/// Every variation R3 may put in place of `ex`, the gentlest first (fewest of its joints, then the lowest
/// tier; a stable sort keeps the substitutes' order among equals). It depends on the catalog alone, so
/// the engine works it out once per exercise.
pub(super) fn sparing_variations(catalog: &'static Catalog, ex: &Exercise) -> Vec<&'static Exercise> {
    let overhead = |e: &Exercise| e.patterns.contains(&Pattern::VerticalPull);
    let same_intent = |c: &Exercise| {
        let pattern = c.patterns.first().is_some_and(|p| ex.patterns.contains(p));
        // Below shoulder height the intent of a pull is a row.
        let range = if overhead(ex) { !overhead(c) && c.is_row() } else { pattern };
        range && c.category == ex.category
    };
    let load = |c: &Exercise| c.joints.iter().filter(|j| ex.joints.contains(j)).count();
    let own = ex.joints.len();
    let candidates = ex.substitutes.iter().filter_map(|id| catalog.get(id)).chain(catalog.all().iter());
    let mut fit: Vec<&'static Exercise> = Vec::new();
    for c in candidates {
        // Sparing the range already spares the joint in its painful position; otherwise load fewer joints.
        let spares = own == 0 || load(c) < own || overhead(ex);
        if c.id != ex.id && same_intent(c) && spares && !fit.iter().any(|f| f.id == c.id) {
            fit.push(c);
        }
    }
    fit.sort_by_key(|c| (load(c), c.tier.unwrap_or(0)));
    fit
}

impl Planner<'_> {
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
                        (m.reps.or(Some(crate::engine::reps(8, 12, 10))), None)
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
    pub(super) fn pain_stop(
        &mut self,
        date: Date,
        ex: &'static Exercise,
        used: &[&str],
    ) -> Option<Option<&'static Exercise>> {
        let log = self.log?;
        // The exercise that hurt, or one of its pattern that would load every joint it loaded.
        let (event, hurt) = log.stopped_for(ex, date)?;
        let ex = hurt;
        let chooser = &self.chooser;
        let spares = |c: &'static Exercise| chooser.allows(c) && log.stopped_for(c, date).is_none();
        let catalog = self.catalog;
        let fit = self.sparing.entry(ex.id.as_str()).or_insert_with(|| sparing_variations(catalog, ex));
        let sub = fit.iter().copied().find(|c| !used.contains(&c.id.as_str()) && spares(c));
        let until = event.date.saturating_add(super::PAIN_DAYS.days());
        let how =
            if event.rising { "pain rising from set to set".to_string() } else { format!("pain {}/10", event.pain) };
        if event.date == date {
            let stop = super::today::SameDayStop { from: ex.id.as_str(), to: sub.map(|s| s.id.as_str()) };
            if !self.same_day.contains(&stop) {
                self.same_day.push(stop);
            }
        }
        self.block_setbacks += 1;
        // Only recent changes are ever shown (K10): the texts of years of stops are not even written.
        if date < log.today.saturating_sub(28.days()) {
            return Some(sub);
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
        if self.note_change(date, Notice::new("R3", text.clone())) && !event.referred {
            self.expiring.push((text, until));
        }
        Some(sub)
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

    /// METHOD R3 and X1: pain of 5/10 or more, or pain flags twice within 14 days on one exercise.
    pub(super) fn referrals(&self, from: Date) -> Vec<Notice> {
        let Some(log) = self.log else { return Vec::new() };
        log.refer
            .iter()
            .filter(|(_, d)| *d >= from)
            // Said pain-free or cleared since: the advice has been followed.
            .filter(|(id, d)| !log.history.cleared(id, *d, log.today))
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

    /// METHOD R3: the exercises referred to a doctor or physical therapist whose two weeks are over and that
    /// wait for the person's word, with the day of the pain.
    pub(super) fn awaiting_clearance<'l>(&self, log: &'l LogView, day: Date) -> Vec<(&'l str, Date)> {
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
    pub(super) fn clearance_question(&self, id: &str, since: Date) -> Notice {
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
}
