//! The report on small hand-made logs: KPI ids and values, trends, notices with their rules, and the
//! JSON shape of CONTRACT "Reports".

use jiff::civil::{Date, date};

use super::*;
use crate::adapt::adapt;
use crate::engine;
use crate::log::{Checkin, SetLog};
use crate::profile::{Assessment, LeftRight};

fn profile() -> Profile {
    Profile::parse(include_str!("../../../../../examples/contract-example.toml"), "contract-example.toml").unwrap()
}

fn session(d: Date, sets: Vec<SetLog>) -> SessionLog {
    SessionLog {
        id: format!("s{d}"),
        date: d,
        checkin: None,
        sets,
        measurements: Assessment::default(),
        ..Default::default()
    }
}

fn sets(ex: &str, n: usize, reps: u32, load: f64, rpe: f64) -> Vec<SetLog> {
    vec![SetLog { reps: Some(reps), load_kg: Some(load), rpe: Some(rpe), ..SetLog::new(ex) }; n]
}

fn kpi<'r>(r: &'r Report, id: &str) -> &'r Kpi {
    r.kpis.iter().find(|k| k.id == id).unwrap_or_else(|| panic!("no KPI {id}"))
}

fn values(k: &Kpi) -> Vec<(Date, f64)> {
    k.series.iter().map(|p| (p.date, p.value)).collect()
}

/// Mon 2026-11-23 (the profile's start) to Sun 2026-12-13: three whole weeks.
fn three_weeks() -> Window {
    Window::weeks_to(date(2026, 12, 13), 3)
}

#[test]
fn an_empty_log_gives_empty_series() {
    let p = profile();
    let plan = engine::plan(&p, 4).unwrap();
    let r = report(Some(Coaching { profile: &p, plan: &plan }), &[], Catalog::builtin(), three_weeks());
    assert_eq!((r.from, r.to), (date(2026, 11, 23), date(2026, 12, 13)));
    let ids: Vec<&str> = r.kpis.iter().map(|k| k.id.as_str()).collect();
    for id in ["weekly_sets:upper_back", "grip:left", "grip:right", "adherence", "soreness", "ache", "sleep", "load"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    // The profile's own grip reading is dated its start, inside the window; every other series is empty.
    for k in &r.kpis {
        let assessed = ["grip:", "dead_hang", "thoracic:", "wall_angel"].iter().any(|p| k.id.starts_with(p));
        assert_eq!(k.series.is_empty(), !assessed, "{}: {:?}", k.id, k.series);
        if !assessed {
            assert_eq!(k.trend, Trend::Flat);
        }
    }
    assert!(r.notices.is_empty(), "{:?}", r.notices);
}

#[test]
fn weekly_sets_e1rm_adherence_and_load() {
    let p = profile();
    let plan = engine::plan(&p, 4).unwrap();
    // Week 1: Mon and Wed, 3 rows each at RPE 8. Week 2: Mon only, 4 rows. Week 3: nothing.
    let log = vec![
        session(date(2026, 11, 23), sets("chest-supported-row", 3, 8, 20.0, 8.0)),
        session(date(2026, 11, 25), sets("chest-supported-row", 3, 8, 22.0, 8.0)),
        session(date(2026, 11, 30), sets("chest-supported-row", 4, 8, 24.0, 8.0)),
    ];
    let r = report(Some(Coaching { profile: &p, plan: &plan }), &log, Catalog::builtin(), three_weeks());
    let (w1, w2, w3) = (date(2026, 11, 23), date(2026, 11, 30), date(2026, 12, 7));
    assert_eq!(values(kpi(&r, "weekly_sets:upper_back")), [(w1, 6.0), (w2, 4.0), (w3, 0.0)]);
    assert_eq!(kpi(&r, "weekly_sets:upper_back").trend, Trend::Down);
    // Rear delts are secondary: half a set each.
    assert_eq!(values(kpi(&r, "weekly_sets:rear_deltoids")), [(w1, 3.0), (w2, 2.0), (w3, 0.0)]);
    assert!(!r.kpis.iter().any(|k| k.id == "weekly_sets:glutes"));
    // 8 reps @ RPE 8 is 73.9% of 1RM (k = 18), rounded to 0.1 kg.
    let e1rm = values(kpi(&r, "e1rm:chest-supported-row"));
    let expected: Vec<(Date, f64)> = [(w1, 20.0f64), (date(2026, 11, 25), 22.0), (w2, 24.0)]
        .iter()
        .map(|(d, kg)| (*d, (kg / 0.739 * 10.0).round() / 10.0))
        .collect();
    assert_eq!(e1rm, expected);
    assert_eq!(kpi(&r, "e1rm:chest-supported-row").trend, Trend::Up);
    assert_eq!(kpi(&r, "e1rm:chest-supported-row").unit, "kg");
    // Three sessions planned a week (Mon, Wed, Fri).
    let share = |done: f64| (done / 3.0 * 100.0).round() / 100.0;
    assert_eq!(values(kpi(&r, "adherence")), [(w1, share(2.0)), (w2, share(1.0)), (w3, 0.0)]);
    // Session load: RPE 8 x the planned minutes of each day.
    let minutes = |d: Date| plan.sessions().find(|(_, s)| s.date == d).map(|(_, s)| f64::from(s.minutes)).unwrap();
    let load = values(kpi(&r, "load"));
    assert_eq!(load[0], (w1, 8.0 * (minutes(w1) + minutes(date(2026, 11, 25)))));
    assert_eq!(load[1], (w2, 8.0 * minutes(w2)));
    assert_eq!(load[2], (w3, 0.0));
    // Monotony of week 3 (all rest) is undefined and left out.
    assert_eq!(kpi(&r, "monotony").series.len(), 2);
    // The 24 kg session beat the earlier ones.
    assert_eq!(values(kpi(&r, "prs")), [(w1, 1.0), (w2, 1.0), (w3, 0.0)]);
}

#[test]
fn notices_for_sets_under_target_low_adherence_pressing_and_grip() {
    let mut p = profile();
    // The profile's own reading: 40 and 46 kg at 34 is under the median and 13% apart.
    p.assessment.grip_kg = Some(LeftRight { left: 40.0, right: 46.0 });
    let plan = engine::plan(&p, 4).unwrap();
    let mut monday = sets("chest-supported-row", 3, 8, 20.0, 8.0);
    monday.extend(vec![SetLog { reps: Some(8), ..SetLog::new("Bench Press") }; 5]);
    let log = vec![session(date(2026, 11, 30), monday)];
    let r = report(Some(Coaching { profile: &p, plan: &plan }), &log, Catalog::builtin(), three_weeks());
    let rules: Vec<&str> = r.notices.iter().map(|n| n.rule.as_ref()).collect();
    assert_eq!(rules, ["A5", "A5", "W6", "K7"], "{:#?}", r.notices);
    // Week 3 had no sets, so week 2 (3 sets, under 10 for an intermediate) is not judged; week 3 is empty.
    assert!(!rules.contains(&"B5"));
    assert!(r.notices[2].text.contains("0.60"), "{}", r.notices[2].text);
    assert!(r.notices.iter().any(|n| n.text.contains("J Sport Health Sci 2025")));
    // Weeks before the first log are not counted: two weeks of three planned sessions.
    assert!(
        r.notices[3].text.starts_with("1 of 6 planned sessions logged in the last 2 weeks"),
        "{}",
        r.notices[3].text
    );
    assert_eq!(values(kpi(&r, "pull_push")), [(date(2026, 11, 30), 0.6)]);

    // Every planned session of the last finished week done, but with few sets: B5.
    let day = |d: i8| session(date(2026, 12, d), sets("chest-supported-row", 1, 8, 20.0, 8.0));
    let log = vec![day(7), day(9), day(11)];
    let r = report(Some(Coaching { profile: &p, plan: &plan }), &log, Catalog::builtin(), three_weeks());
    let b5: Vec<&Notice> = r.notices.iter().filter(|n| n.rule == "B5").collect();
    assert_eq!(b5.len(), 1);
    assert!(
        b5[0].text.starts_with("3 hard upper-back sets in the week of 2026-12-07, under the 10-20"),
        "{}",
        b5[0].text
    );
    // The same sets with a session missed: that is adherence, not the plan's volume.
    let r = report(Some(Coaching { profile: &p, plan: &plan }), &log[..2], Catalog::builtin(), three_weeks());
    assert!(!r.notices.iter().any(|n| n.rule == "B5"), "{:#?}", r.notices);
}

#[test]
fn engine_notices_come_from_the_adapted_plan() {
    let p = profile();
    // Soreness of 8 on two check-ins in a row: METHOD R2 cuts the next week's sets.
    let sore = |d: Date| SessionLog {
        checkin: Some(Checkin { soreness: Some(8), ..Checkin::default() }),
        ..session(d, sets("chest-supported-row", 3, 8, 20.0, 8.0))
    };
    let log = vec![sore(date(2026, 12, 7)), sore(date(2026, 12, 9))];
    let today = date(2026, 12, 13);
    let adapted = adapt(&p, &log, today).unwrap();
    assert!(adapted.plan.notices.iter().any(|n| n.rule == "R2"), "{:#?}", adapted.plan.notices);
    let r = report(Some(Coaching { profile: &p, plan: &adapted.plan }), &log, Catalog::builtin(), three_weeks());
    assert!(r.notices.iter().any(|n| n.rule == "R2"));
    assert_eq!(kpi(&r, "soreness").series.len(), 2);
    // Plan notices that are not responses to the log stay in the plan.
    assert!(!r.notices.iter().any(|n| n.rule == "X1" || n.rule == "B1"));
}

#[test]
fn calendar_marks_block_starts_and_deloads() {
    let p = profile();
    let plan = engine::plan(&p, 12).unwrap();
    let w = Window { from: date(2026, 11, 23), to: date(2026, 12, 31) };
    let c = calendar(&plan, w);
    // Blocks of four weeks, the fourth a deload: block 2 starts on 2026-12-21.
    assert_eq!(c.block_starts, [(date(2026, 11, 23), 1), (date(2026, 12, 21), 2)]);
    assert_eq!(c.deloads, [(date(2026, 12, 14), date(2026, 12, 21))]);
}

#[test]
fn the_json_has_the_contract_shape() {
    let p = profile();
    let plan = engine::plan(&p, 4).unwrap();
    let log = vec![session(date(2026, 11, 23), sets("chest-supported-row", 3, 8, 20.0, 8.0))];
    let r = report(Some(Coaching { profile: &p, plan: &plan }), &log, Catalog::builtin(), three_weeks());
    let text = serde_json::to_string(&r).unwrap();
    assert!(
        text.starts_with(r#"{"schema":"backbone.report/1","from":"2026-11-23","to":"2026-12-13","kpis":[{"id":"#),
        "{text}"
    );
    assert!(text.contains(r#"],"notices":["#) && text.ends_with("]}"), "{text}");
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v.as_object().unwrap().len(), 5);
    assert_eq!(v["schema"], "backbone.report/1");
    assert_eq!(v["from"], "2026-11-23");
    let k = &v["kpis"][0];
    assert_eq!(k.as_object().unwrap().len(), 5);
    assert!(text.contains(r#"{"id":"e1rm:chest-supported-row","name":"Chest-supported row e1RM","unit":"kg","trend":"flat","series":[{"date":"2026-11-23","value":27.1}]}"#), "{text}");
    assert_eq!(k["id"], "e1rm:chest-supported-row");
    assert_eq!(k["trend"], "flat");
    assert_eq!(k["series"][0], serde_json::json!({"date": "2026-11-23", "value": 27.1}));
    for k in v["kpis"].as_array().unwrap() {
        assert!(["up", "flat", "down"].contains(&k["trend"].as_str().unwrap()));
    }
    // Weekly series are dated the Monday.
    let weekly = v["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "weekly_sets:upper_back").unwrap();
    for p in weekly["series"].as_array().unwrap() {
        let d: Date = p["date"].as_str().unwrap().parse().unwrap();
        assert_eq!(d.weekday(), jiff::civil::Weekday::Monday);
    }
}

#[test]
fn imported_rows_and_pulldowns_count_as_upper_back_sets_and_pulls() {
    use crate::archive::CustomExercise;
    let p = profile();
    let plan = engine::plan(&p, 4).unwrap();
    let customs = [
        CustomExercise::new("custom-t-bar-row", "T Bar Row"),
        CustomExercise::new("custom-lat-pulldown-machine", "Lat Pulldown (Machine)"),
        CustomExercise::new("custom-bench-press-barbell", "Bench Press (Barbell)"),
    ];
    let mut all = sets("custom-t-bar-row", 3, 10, 40.0, 8.0);
    all.extend(sets("custom-lat-pulldown-machine", 3, 10, 50.0, 8.0));
    all.extend(sets("custom-bench-press-barbell", 3, 8, 60.0, 8.0));
    let log = vec![session(date(2026, 11, 23), all)];
    let catalog = Catalog::builtin().with_customs(&customs);
    let r = report(Some(Coaching { profile: &p, plan: &plan }), &log, &catalog, three_weeks());
    let w1 = date(2026, 11, 23);
    assert_eq!(values(kpi(&r, "weekly_sets:upper_back"))[0], (w1, 6.0));
    assert_eq!(values(kpi(&r, "pull_push"))[0], (w1, 2.0), "6 pulls against 3 presses");
    assert_eq!(kpi(&r, "e1rm:custom-t-bar-row").name, "T Bar Row e1RM");
    let builtin = report(Some(Coaching { profile: &p, plan: &plan }), &log, Catalog::builtin(), three_weeks());
    assert_eq!(values(kpi(&builtin, "weekly_sets:upper_back"))[0], (w1, 0.0), "without the customs, nothing counts");
}

#[test]
fn a_report_from_the_log_alone_has_what_the_log_allows_and_says_what_a_profile_adds() {
    let log = vec![session(date(2026, 11, 23), sets("chest-supported-row", 3, 8, 20.0, 8.0))];
    let r = report(None, &log, Catalog::builtin(), three_weeks());
    let ids: Vec<&str> = r.kpis.iter().map(|k| k.id.as_str()).collect();
    for id in ["e1rm:chest-supported-row", "weekly_sets:upper_back", "pull_push", "prs", "soreness"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    for id in ["adherence", "load"] {
        assert!(!ids.contains(&id), "{id} needs a plan: {ids:?}");
    }
    assert_eq!(r.notices.len(), 1);
    assert!(r.notices[0].text.contains("backbone init"), "{:?}", r.notices);
}

#[test]
fn high_rep_lifts_without_an_e1rm_show_their_best_set() {
    let p = profile();
    let plan = engine::plan(&p, 4).unwrap();
    let mut day1 = sets("band-row", 3, 15, 0.0, 8.0);
    day1.iter_mut().for_each(|s| s.load_kg = None);
    day1[2].reps = Some(17);
    let log = vec![
        session(date(2026, 11, 23), day1),
        session(date(2026, 11, 30), sets("chest-supported-row", 3, 8, 20.0, 8.0)),
    ];
    let r = report(Some(Coaching { profile: &p, plan: &plan }), &log, Catalog::builtin(), three_weeks());
    assert_eq!(values(kpi(&r, "best_reps:band-row")), [(date(2026, 11, 23), 17.0)]);
    assert_eq!(kpi(&r, "best_reps:band-row").unit, "reps");
    assert!(r.kpis.iter().all(|k| k.id != "best_reps:chest-supported-row"), "it has an e1RM");
}

#[test]
fn k7_a_person_who_misses_nothing_is_not_shown_missing_the_days_ahead() {
    let p = profile();
    let plan = engine::plan(&p, 5).unwrap();
    // Every planned session of three weeks done; today is Monday of week 4, its session not yet logged.
    let log: Vec<SessionLog> = plan
        .sessions()
        .map(|(_, s)| s.date)
        .filter(|d| *d < date(2026, 12, 14))
        .map(|d| session(d, sets("chest-supported-row", 3, 8, 20.0, 8.0)))
        .collect();
    let coaching = Some(Coaching { profile: &p, plan: &plan });
    let monday = report(coaching, &log, Catalog::builtin(), Window::weeks_to(date(2026, 12, 14), 4));
    let adherence = kpi(&monday, "adherence");
    assert_eq!(adherence.series.len(), 3, "no point for a week with nothing due yet: {:?}", adherence.series);
    assert_eq!(adherence.latest(), Some(1.0));
    assert_eq!(adherence.thirds(), Some((1.0, 1.0)));
    assert!(monday.notices.iter().all(|n| n.rule != "K7"), "{:?}", monday.notices);
    // Wednesday, Monday's session done and Wednesday's still to come: 1 of 1 so far.
    let mut log = log;
    log.push(session(date(2026, 12, 14), sets("chest-supported-row", 3, 8, 20.0, 8.0)));
    let wednesday = report(coaching, &log, Catalog::builtin(), Window::weeks_to(date(2026, 12, 16), 4));
    assert_eq!(values(kpi(&wednesday, "adherence")).last(), Some(&(date(2026, 12, 14), 1.0)));
}

#[test]
fn k5_a_weighted_pull_up_reports_the_e1rm_of_body_plus_load_or_says_it_needs_the_body_weight() {
    let mut p = profile();
    let plan = engine::plan(&p, 4).unwrap();
    // +4 kg x 5 @ RPE 8: read as the whole load, "Weighted pull-up e1RM 4.9 kg".
    let log = vec![session(date(2026, 11, 23), sets("weighted-pull-up", 3, 5, 4.0, 8.0))];
    p.body_weight_kg = Some(76.0);
    let r = report(Some(Coaching { profile: &p, plan: &plan }), &log, Catalog::builtin(), three_weeks());
    assert_eq!(
        values(kpi(&r, "e1rm:weighted-pull-up")),
        [(date(2026, 11, 23), (80.0 / 0.811 * 10.0f64).round() / 10.0)]
    );
    assert!(r.notices.iter().all(|n| n.rule != "K5"), "{:?}", r.notices);
    // Without a body weight: no e1RM, and a notice that says what brings it.
    p.body_weight_kg = None;
    let r = report(Some(Coaching { profile: &p, plan: &plan }), &log, Catalog::builtin(), three_weeks());
    assert!(r.kpis.iter().all(|k| k.id != "e1rm:weighted-pull-up"));
    let k5: Vec<&str> = r.notices.iter().filter(|n| n.rule == "K5").map(|n| n.text.as_str()).collect();
    assert_eq!(k5.len(), 1, "{:?}", r.notices);
    assert!(k5[0].starts_with("Weighted pull-up has no e1RM") && k5[0].contains("body_weight_kg"), "{}", k5[0]);
    // The log alone (no profile) says so too.
    let r = report(None, &log, Catalog::builtin(), three_weeks());
    assert!(r.kpis.iter().all(|k| k.id != "e1rm:weighted-pull-up"));
    assert!(r.notices.iter().any(|n| n.rule == "K5"), "{:?}", r.notices);
}
