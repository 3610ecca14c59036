//! The plan as an RFC 5545 calendar: one all-day event per session with its exercises in the
//! description, deload weeks marked, and the optional daily mobility and posture micro-break reminders
//! (METHOD W4, W5) as recurring events.
//!
//! What other apps get wrong (FORMATS.md 5) and this avoids: `VERSION` is `2.0`; an all-day event's
//! `DTEND` is the next day (exclusive); UIDs are stable, derived from the athlete and the day, so a
//! re-import updates instead of duplicating; `SEQUENCE` comes from the caller, who bumps it when an
//! event's content changes.

use std::fmt::Write as _;

use backbone_core::archive::CalendarEntry;
use backbone_core::catalog::Catalog;
use backbone_core::plan::{MainItem, Plan, Session};
use backbone_core::vocab::{Goal, Units};
use icalendar::{Calendar, Component, Event, EventLike, Property};
use jiff::civil::Date;
use sha2::{Digest, Sha256};

/// What the calendar needs besides the plan.
pub struct IcsOptions<'a> {
    /// The moment of the export (DTSTAMP), given by the caller: this crate reads no clock.
    pub stamp: jiff::Timestamp,
    /// Units for loads in the descriptions.
    pub units: Units,
    /// Add the daily mobility (W4) and, for posture goals, the micro-break (W5) reminders.
    pub reminders: bool,
    /// The SEQUENCE of an event from its UID and a hash of its content.
    pub sequence: &'a dyn Fn(&str, &str) -> u32,
}

/// One event as written: its UID and content hash, so the caller can keep sequences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventKey {
    pub uid: String,
    pub hash: String,
}

/// The plan as a calendar that updates the one imported before: each event's SEQUENCE comes from what the
/// last export recorded (`known`), rising by one where the content changed (RFC 5545 3.8.7.4). Returns
/// the text and the entries to record once it is out.
pub fn export(
    plan: &Plan,
    catalog: &Catalog,
    stamp: jiff::Timestamp,
    units: Units,
    reminders: bool,
    known: &[CalendarEntry],
) -> (String, Vec<CalendarEntry>) {
    let known: std::collections::HashMap<&str, &CalendarEntry> = known.iter().map(|e| (e.uid.as_str(), e)).collect();
    let sequence = |uid: &str, hash: &str| next_sequence(known.get(uid).copied(), hash);
    let opts = IcsOptions { stamp, units, reminders, sequence: &sequence };
    let (text, keys) = plan_to_ics(plan, catalog, &opts);
    let entries = keys
        .into_iter()
        .map(|k| CalendarEntry {
            sequence: next_sequence(known.get(k.uid.as_str()).copied(), &k.hash),
            uid: k.uid,
            hash: k.hash,
        })
        .collect();
    (text, entries)
}

/// RFC 5545 3.8.7.4: SEQUENCE starts at 0 and goes up by one each time the event's content changes.
pub fn next_sequence(known: Option<&CalendarEntry>, hash: &str) -> u32 {
    match known {
        None => 0,
        Some(e) if e.hash == hash => e.sequence,
        Some(e) => e.sequence + 1,
    }
}

/// The calendar text and the events it holds.
pub fn plan_to_ics(plan: &Plan, catalog: &Catalog, opts: &IcsOptions) -> (String, Vec<EventKey>) {
    // `Calendar::new` would name the icalendar crate as the product; the calendar is backbone's.
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", PRODID));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.name(&format!("backbone: {}", plan.athlete.name));
    let slug = slug(&plan.athlete.name);
    let stamp = chrono_stamp(opts.stamp);
    let mut keys = Vec::new();
    for week in &plan.weeks {
        for session in &week.sessions {
            let uid = format!("{slug}-{}@backbone", session.date);
            let summary = summary(session, week.deload);
            let description = description(session, catalog, opts.units);
            let hash = content_hash(&[&summary, &description]);
            let mut event = Event::new();
            event
                .uid(&uid)
                .summary(&summary)
                .description(&description)
                .starts(naive(session.date))
                .ends(naive(session.date.tomorrow().unwrap_or(session.date)))
                .sequence((opts.sequence)(&uid, &hash))
                .timestamp(stamp);
            if week.deload {
                event.add_property("CATEGORIES", "deload");
            }
            // An all-day event starts at midnight: the alert comes at 8 in the morning of the day.
            let morning = (chrono::Duration::hours(8), icalendar::Related::Start);
            event.alarm(alarm(&format!("Today: {summary}"), morning, &uid, stamp));
            cal.push(event.done());
            keys.push(EventKey { uid, hash });
        }
    }
    if opts.reminders
        && let (Some(first), Some(last)) = (plan.weeks.first(), plan.weeks.last())
    {
        let until = last.start.saturating_add(jiff::Span::new().days(6));
        for (what, summary, description, days, time, minutes) in reminders(plan.athlete.goal) {
            let uid = format!("{slug}-{what}@backbone");
            let hash = content_hash(&[summary, description, &until.to_string()]);
            let mut event = Event::new();
            event.uid(&uid).summary(summary).description(description).sequence((opts.sequence)(&uid, &hash));
            event.timestamp(stamp);
            // Floating local times: the reminder follows the person's own clock wherever they are.
            event.add_property("DTSTART", format!("{}T{time}", compact(first.start)));
            // As long as its title says.
            event.add_property("DURATION", format!("PT{minutes}M"));
            event.alarm(alarm(summary, chrono::Duration::zero(), &uid, stamp));
            let rule = format!("FREQ=WEEKLY;BYDAY={days};UNTIL={}T235959", compact(until));
            event.append_property(Property::new("RRULE", &rule));
            cal.push(event.done());
            keys.push(EventKey { uid, hash });
        }
    }
    (cal.to_string(), keys)
}

/// A display alarm. The icalendar crate writes a random UID and a DTSTAMP from the clock into any
/// component without them; the same plan must give the same bytes, so both are given: the UID of
/// its event with `-alarm` (RFC 9074) and the export's stamp.
fn alarm(
    text: &str,
    trigger: impl Into<icalendar::Trigger>,
    uid: &str,
    stamp: chrono::DateTime<chrono::Utc>,
) -> icalendar::Alarm {
    let mut alarm = icalendar::Alarm::display(text, trigger);
    alarm.uid(&format!("{uid}-alarm")).timestamp(stamp);
    alarm
}

/// The product that wrote the calendar (RFC 5545 3.7.3).
const PRODID: &str = "-//backbone//backbone training plan//EN";

/// One recurring reminder: (id, summary, description, weekdays, local time, minutes).
type Reminder = (&'static str, &'static str, &'static str, &'static str, &'static str, u32);

/// The recurring reminders, in words for the person (the rules behind them are W4 and W5): daily
/// mobility for everyone, micro-breaks on workdays for posture goals. Each lasts what its title says.
fn reminders(goal: Goal) -> Vec<Reminder> {
    let mut out = vec![(
        "mobility",
        "Mobility, 10 minutes (optional)",
        "Open up your upper back: thoracic extensions, shoulder flexion, lat stretches and a few slow \
         breaths. It keeps you moving well between sessions.",
        "MO,TU,WE,TH,FR,SA,SU",
        "080000",
        10,
    )];
    if goal == Goal::Posture {
        for (id, time) in [("micro-break-1", "103000"), ("micro-break-2", "140000"), ("micro-break-3", "163000")] {
            out.push((
                id,
                "Posture break, 2 minutes",
                "Stand up from the desk: a few chin tucks, band pull-aparts or shoulder-blade squeezes.",
                "MO,TU,WE,TH,FR",
                time,
                2,
            ));
        }
    }
    out
}

fn summary(s: &Session, deload: bool) -> String {
    let focus = s.focus.as_str().replace('_', " ");
    let kind = if deload {
        "deload".to_string()
    } else if s.heavy {
        "heavy".to_string()
    } else {
        "light".to_string()
    };
    format!("Upper back: {focus} ({kind}, {} min)", s.minutes)
}

fn description(s: &Session, catalog: &Catalog, units: Units) -> String {
    let name = |id: &str| catalog.get(id).map_or(id.to_string(), |e| e.name.clone());
    let mut out = String::new();
    let warm: u32 = s.warmup.iter().map(|w| w.seconds).sum();
    let _ = writeln!(out, "Warm-up {} min: {}", warm.div_ceil(60), list(s.warmup.iter().map(|w| name(&w.exercise))));
    for m in &s.main {
        let _ = writeln!(out, "{}: {}", name(&m.exercise), dose(m, catalog, units));
    }
    let _ = write!(out, "Cool-down: {}", list(s.cooldown.iter().map(|c| name(&c.exercise))));
    out
}

fn list(names: impl Iterator<Item = String>) -> String {
    names.collect::<Vec<_>>().join(", ")
}

/// "3 x 10 @ RPE 7, 12 kg each": a dumbbell or kettlebell load says whether it is each one's or the
/// pair's (METHOD K10), a load added to the body (a weighted pull-up) says so with "+".
fn dose(m: &MainItem, catalog: &Catalog, units: Units) -> String {
    let amount = match (m.reps, m.seconds) {
        (Some(r), _) => format!("{} x {}", m.sets, r.target),
        (None, Some(sec)) => format!("{} x {sec} s", m.sets),
        (None, None) => format!("{} sets", m.sets),
    };
    let added = if catalog.get(&m.exercise).is_some_and(|e| e.adds_to_body) { "+" } else { "" };
    let per = m.load_held(catalog).map(|per| format!(" {}", per.word())).unwrap_or_default();
    let load = m
        .load_kg
        .map(|kg| format!(", {added}{} {}{per}", backbone_core::load::shown(kg, units), units.as_str()))
        .unwrap_or_default();
    format!("{amount} @ RPE {}{load}", m.rpe)
}

fn content_hash(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0]);
    }
    h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Lower-case letters and digits, other runs as one hyphen: a name fit for a UID.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "athlete".into() } else { out }
}

fn compact(d: Date) -> String {
    d.strftime("%Y%m%d").to_string()
}

fn naive(d: Date) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(i32::from(d.year()), d.month() as u32, d.day() as u32).unwrap_or_default()
}

fn chrono_stamp(t: jiff::Timestamp) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(t.as_second(), 0).unwrap_or_default()
}

#[cfg(test)]
mod tests;
