//! The calendar export, read back by `icalendar`'s own parser.

use backbone_core::catalog::Catalog;
use backbone_core::engine::plan;
use backbone_core::profile::Profile;
use icalendar::Component;

use super::*;

const PROFILE: &str = "name = \"Sam Q\"\nexperience = \"beginner\"\ngoal = \"posture\"\ndays_per_week = 2\n\
                       session_minutes = 30\nequipment = [\"bands\"]\nstart = \"2026-11-23\"\n";

fn export(reminders: bool, sequence: &dyn Fn(&str, &str) -> u32) -> (String, Vec<EventKey>) {
    let profile = Profile::parse(PROFILE, "p.toml").unwrap();
    let plan = plan(&profile, 5).unwrap();
    let opts = IcsOptions {
        stamp: jiff::Timestamp::from_second(1_795_000_000).unwrap(),
        units: Units::Kg,
        reminders,
        sequence,
    };
    plan_to_ics(&plan, Catalog::builtin(), &opts)
}

#[test]
fn the_calendar_is_version_2_with_one_event_per_session_and_exclusive_all_day_ends() {
    let (text, keys) = export(false, &|_, _| 0);
    assert!(text.contains("VERSION:2.0"));
    assert_eq!(keys.len(), 10, "2 sessions a week for 5 weeks");
    let parsed: icalendar::Calendar = text.parse().expect("our own output parses");
    let events: Vec<_> = parsed.components.iter().filter_map(|c| c.as_event()).collect();
    assert_eq!(events.len(), 10);
    let first = events[0];
    assert_eq!(first.get_uid(), Some("sam-q-2026-11-23@backbone"));
    assert!(text.contains("DTSTART;VALUE=DATE:20261123"));
    assert!(text.contains("DTEND;VALUE=DATE:20261124"), "DTEND is the day after");
    assert!(first.get_description().is_some_and(|d| d.contains("Band row")), "{:?}", first.get_description());
    assert!(text.contains("CATEGORIES:deload"), "the deload week is marked");
}

#[test]
fn uids_are_stable_and_sequences_come_from_the_caller() {
    let (a, keys_a) = export(false, &|_, _| 0);
    let (b, keys_b) = export(false, &|_, _| 0);
    assert_eq!(a, b, "same plan, same bytes");
    assert_eq!(keys_a, keys_b);
    let (bumped, _) = export(false, &|uid, _| if uid.starts_with("sam-q-2026-11-23") { 3 } else { 0 });
    assert!(bumped.contains("SEQUENCE:3"));
}

#[test]
fn reminders_recur_for_mobility_and_posture_micro_breaks() {
    let (text, keys) = export(true, &|_, _| 0);
    assert!(keys.iter().any(|k| k.uid == "sam-q-mobility@backbone"));
    assert_eq!(keys.iter().filter(|k| k.uid.contains("micro-break")).count(), 3);
    assert!(text.contains("RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261227T235959"), "{text}");
    let parsed: icalendar::Calendar = text.parse().expect("parses");
    assert_eq!(parsed.components.iter().filter_map(|c| c.as_event()).count(), 14);
}

#[test]
fn sequence_starts_at_zero_and_rises_only_when_the_content_changes() {
    let entry = CalendarEntry { uid: "u".into(), hash: "a".into(), sequence: 3 };
    assert_eq!(next_sequence(None, "a"), 0);
    assert_eq!(next_sequence(Some(&entry), "a"), 3);
    assert_eq!(next_sequence(Some(&entry), "b"), 4);
}

#[test]
fn every_event_alerts_names_backbone_and_speaks_to_the_person() {
    let (text, keys) = export(true, &|_, _| 0);
    assert!(text.contains("PRODID:-//backbone//"), "the product is backbone");
    assert!(!text.contains("ICALENDAR-RS"));
    assert_eq!(text.matches("BEGIN:VALARM").count(), keys.len(), "one alert per event");
    assert!(!text.contains("METHOD W"), "rule ids are for the app, not the calendar");
    let parsed: icalendar::Calendar = text.parse().expect("parses");
    let mut timed = 0;
    for event in parsed.components.iter().filter_map(|c| c.as_event()) {
        let summary = event.get_summary().unwrap_or_default();
        let duration = event.property_value("DURATION");
        if summary.contains("10 minutes") {
            assert_eq!(duration, Some("PT10M"), "{summary}");
            timed += 1;
        }
        if summary.contains("2 minutes") {
            assert_eq!(duration, Some("PT2M"), "{summary}");
            timed += 1;
        }
    }
    assert_eq!(timed, 4, "the mobility reminder and three posture breaks");
}

#[test]
fn k10_a_dumbbell_load_in_an_event_says_each_and_a_load_on_the_body_says_plus() {
    let profile = Profile::parse(PROFILE, "p.toml").unwrap();
    let mut plan = plan(&profile, 1).unwrap();
    let item = |exercise: &'static str, kg: f64| MainItem {
        exercise: exercise.into(),
        load_kg: Some(kg),
        // As served before items carried it: the catalog says how the load is held.
        load_per: None,
        ..plan.weeks[0].sessions[0].main[0].clone()
    };
    let main = vec![item("chest-supported-row", 12.0), item("weighted-pull-up", 10.0), item("barbell-row", 60.0)];
    plan.weeks[0].sessions[0].main = main;
    for (units, row, pull_up, bar) in
        [(Units::Kg, ", 12 kg each", ", +10 kg", ", 60 kg"), (Units::Lb, ", 26.5 lb each", ", +22 lb", ", 132.3 lb")]
    {
        let text = description(&plan.weeks[0].sessions[0], Catalog::builtin(), units);
        let line = |name: &str| text.lines().find(|l| l.starts_with(name)).unwrap_or_default().to_string();
        assert!(line("Chest-supported row:").ends_with(row), "{text}");
        assert!(line("Weighted pull-up:").ends_with(pull_up), "{text}");
        assert!(line("Barbell row:").ends_with(bar), "{text}");
    }
}
