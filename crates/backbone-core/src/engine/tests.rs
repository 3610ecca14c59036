//! Properties of the planner over random valid profiles, one per METHOD rule it implements, named after
//! the rule id.

use std::collections::HashMap;

use jiff::ToSpan;
use jiff::civil::{Date, date};
use proptest::prelude::*;

use super::*;
use crate::catalog::Catalog;
use crate::plan::Plan;
use crate::profile::{Assessment, LeftRight, Profile};
use crate::vocab::{Category, Day, Equipment, Experience, Goal, GripWidth, Joint, PassFail, Sex, Units};

fn cat() -> &'static Catalog {
    Catalog::builtin()
}

fn ex(id: &str) -> &'static crate::catalog::Exercise {
    cat().expect(id)
}

fn subset<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = Vec<T>> {
    proptest::collection::vec(any::<bool>(), all.len())
        .prop_map(move |mask| all.iter().zip(mask).filter(|(_, m)| *m).map(|(x, _)| *x).collect())
}

fn side(lo: f64, hi: f64) -> impl Strategy<Value = Option<LeftRight>> {
    proptest::option::of(
        (lo..hi, lo..hi).prop_map(|(left, right)| LeftRight { left: left.round(), right: right.round() }),
    )
}

fn assessment() -> impl Strategy<Value = Assessment> {
    (
        side(15.0, 70.0),
        proptest::option::of(0.0..90.0f64),
        proptest::option::of(prop_oneof![Just(PassFail::Pass), Just(PassFail::Fail)]),
        proptest::option::of(any::<bool>()),
        side(20.0, 70.0),
        proptest::option::of(prop_oneof![Just(GripWidth::Narrow), Just(GripWidth::Shoulder), Just(GripWidth::Wide)]),
    )
        .prop_map(|(grip_kg, hang, wall_angel, scapular_winging, thoracic_rotation_deg, bench_grip)| Assessment {
            grip_kg,
            dead_hang_seconds: hang.map(f64::round),
            wall_angel,
            scapular_winging,
            thoracic_rotation_deg,
            bench_grip,
        })
}

/// Any profile the parser would accept.
fn profile() -> impl Strategy<Value = Profile> {
    let who = (
        prop_oneof![Just(Experience::Beginner), Just(Experience::Intermediate), Just(Experience::Advanced)],
        prop_oneof![Just(Goal::Posture), Just(Goal::Hypertrophy), Just(Goal::Strength)],
        1u8..=6,
        15u16..=120,
    );
    let kit = (
        subset(Equipment::ALL),
        prop_oneof![3 => Just(vec![]), 3 => subset(Joint::ALL).prop_map(|mut j| { j.truncate(2); j }), 1 => Just(Joint::ALL.to_vec())],
    );
    let when = (0i64..400, any::<bool>(), proptest::collection::vec(any::<bool>(), 7), any::<u64>());
    let body = (
        proptest::option::of(45.0..130.0f64),
        proptest::option::of(prop_oneof![Just(Sex::Male), Just(Sex::Female)]),
        proptest::option::of(16u32..90),
        prop_oneof![Just(Units::Kg), Just(Units::Lb)],
    );
    (who, kit, when, body, assessment()).prop_map(
        |(
            (experience, goal, days, minutes),
            (equipment, joints),
            (offset, pick_days, mask, seed),
            body,
            assessment,
        )| {
            let start = date(2026, 1, 5).saturating_add(offset.days());
            let training_days = pick_days.then(|| pick(days as usize, &mask, seed));
            Profile {
                name: "Test".into(),
                experience,
                goal,
                days_per_week: days,
                session_minutes: minutes,
                equipment,
                sensitive_joints: joints,
                start,
                training_days,
                units: body.3,
                body_weight_kg: body.0.map(f64::round),
                sex: body.1,
                age: body.2,
                assessment,
            }
        },
    )
}

/// `n` distinct weekdays chosen by the mask, topped up in a seed-dependent order.
fn pick(n: usize, mask: &[bool], seed: u64) -> Vec<Day> {
    let mut days: Vec<Day> = Day::ALL.iter().zip(mask).filter(|(_, m)| **m).map(|(d, _)| *d).collect();
    days.truncate(n);
    let mut i = seed as usize;
    while days.len() < n {
        let d = Day::ALL[i % 7];
        if !days.contains(&d) {
            days.push(d);
        }
        i += 1;
    }
    days.sort();
    days
}

/// The last time an exercise was seen: date, last step, sets, target, load, block.
type Exposure = (Date, Option<Date>, u32, u32, Option<f64>, u32);

fn make(p: &Profile, weeks: u32) -> Plan {
    plan(p, weeks).expect("valid weeks")
}

fn rpe_ok(p: &Plan) -> bool {
    p.sessions().all(|(_, s)| s.main.iter().all(|m| (1.0..=10.0).contains(&m.rpe)))
}

fn config() -> ProptestConfig {
    // 64 cases keep `cargo xtask test` quick; PROPTEST_CASES=5000 searches harder.
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

/// Every exercise's equipment is owned, ids exist, and every item says why.
fn check_items(p: &Profile, plan: &Plan) -> Result<(), TestCaseError> {
    for (_, s) in plan.sessions() {
        let ids = s
            .warmup
            .iter()
            .map(|w| (&w.exercise, &w.why))
            .chain(s.main.iter().map(|m| (&m.exercise, &m.why)))
            .chain(s.cooldown.iter().map(|c| (&c.exercise, &c.why)));
        for (id, why) in ids {
            let e = cat().get(id);
            prop_assert!(e.is_some(), "unknown exercise {id}");
            prop_assert!(e.is_some_and(|e| e.fits(&p.equipment)), "{id} needs equipment {:?} lacks", p.equipment);
            prop_assert!(!why.is_empty(), "{id} has no why");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn same_input_gives_the_same_bytes(p in profile()) {
        let a = serde_json::to_string(&make(&p, 12)).unwrap();
        let b = serde_json::to_string(&make(&p, 12)).unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn every_item_exists_fits_the_equipment_and_carries_why(p in profile()) {
        let plan = make(&p, 12);
        check_items(&p, &plan)?;
        prop_assert!(rpe_ok(&plan));
    }

    #[test]
    fn weeks_start_seven_days_apart_and_sessions_fall_inside_their_week(p in profile(), n in 1u32..=20) {
        let plan = make(&p, n);
        prop_assert_eq!(plan.weeks.len(), n as usize);
        for (i, w) in plan.weeks.iter().enumerate() {
            prop_assert_eq!(w.index, i as u32 + 1);
            prop_assert_eq!(w.start, p.start.saturating_add((7 * i as i64).days()));
            for s in &w.sessions {
                prop_assert!(s.date >= w.start && s.date < w.start.saturating_add(7.days()));
            }
            let mut dates: Vec<Date> = w.sessions.iter().map(|s| s.date).collect();
            dates.dedup();
            prop_assert_eq!(dates.len(), w.sessions.len(), "one session a day");
        }
    }

    #[test]
    fn training_days_are_honoured(p in profile()) {
        let plan = make(&p, 8);
        if let Some(days) = &p.training_days {
            for (_, s) in plan.sessions() {
                let day = Day::ALL[s.date.weekday().to_monday_zero_offset() as usize];
                prop_assert!(days.contains(&day), "{} is not a training day", s.date);
            }
        }
        for w in &plan.weeks {
            prop_assert!(w.sessions.len() <= p.days_per_week as usize);
        }
    }

    #[test]
    fn s1_warmup_is_dynamic_and_lasts_at_least_five_minutes(p in profile()) {
        for (_, s) in make(&p, 8).sessions() {
            let total: u32 = s.warmup.iter().map(|w| w.seconds).sum();
            prop_assert!(total >= 300, "warm-up of {total} s");
            for w in &s.warmup {
                prop_assert!(ex(&w.exercise).category != Category::Stretch, "static stretch {} in the warm-up", w.exercise);
                prop_assert!(w.why.iter().any(|r| r == "S1"));
            }
        }
    }

    #[test]
    fn s2_three_to_five_upper_back_moves_with_a_row_and_a_posture_move(p in profile()) {
        for (_, s) in make(&p, 8).sessions() {
            let upper = s.main.iter().filter(|m| ex(&m.exercise).is_upper_back()).count();
            let extras = s.main.len() - upper;
            prop_assert!((3..=5).contains(&upper), "{upper} upper-back moves on {}", s.date);
            prop_assert!(s.main.iter().any(|m| ex(&m.exercise).is_row()), "no row on {}", s.date);
            prop_assert!(s.main.iter().any(|m| ex(&m.exercise).is_posture()), "no posture move on {}", s.date);
            prop_assert!(extras <= 3, "{extras} extras");
        }
    }

    #[test]
    fn s2a_with_no_equipment_a_session_still_has_a_row_and_posture_work(mut p in profile()) {
        p.equipment.clear();
        for (_, s) in make(&p, 4).sessions() {
            prop_assert!(s.main.iter().any(|m| ex(&m.exercise).is_row() && ex(&m.exercise).equipment.is_empty()));
            prop_assert!(s.main.iter().any(|m| ex(&m.exercise).is_posture() && ex(&m.exercise).equipment.is_empty()));
        }
    }

    #[test]
    fn s3_three_to_five_static_stretches_held_15_to_20_seconds_two_or_three_times(p in profile()) {
        for (_, s) in make(&p, 8).sessions() {
            prop_assert!((3..=5).contains(&s.cooldown.len()));
            for c in &s.cooldown {
                prop_assert_eq!(ex(&c.exercise).category, Category::Stretch);
                prop_assert!((15..=20).contains(&c.hold_seconds) && (2..=3).contains(&c.sets));
            }
        }
    }

    #[test]
    fn s4_main_lift_first_then_accessories_then_posture_work(p in profile()) {
        for (_, s) in make(&p, 8).sessions() {
            let first = ex(&s.main[0].exercise);
            prop_assert!(matches!(first.category, Category::Strength | Category::Hinge), "{} opens the session", first.id);
            let last_non_posture = s.main.iter().rposition(|m| !ex(&m.exercise).is_posture());
            let first_posture = s.main.iter().position(|m| ex(&m.exercise).is_posture());
            if let (Some(a), Some(b)) = (last_non_posture, first_posture) {
                prop_assert!(a < b, "posture work before an accessory on {}", s.date);
            }
        }
    }

    #[test]
    fn s5_every_session_fits_the_time_budget(p in profile()) {
        for (_, s) in make(&p, 16).sessions() {
            prop_assert!(s.minutes <= p.session_minutes as u32, "{} min > {}", s.minutes, p.session_minutes);
            prop_assert_eq!(s.minutes, timing::session_minutes(s, cat()));
        }
    }

    #[test]
    fn w1_beginners_train_at_most_two_days_in_the_first_block_then_three(mut p in profile()) {
        p.experience = Experience::Beginner;
        for w in &make(&p, 12).weeks {
            let cap = if w.block.index == 1 { 2 } else { 3 };
            prop_assert!(w.sessions.len() <= cap && w.sessions.len() == (p.days_per_week as usize).min(cap));
        }
    }

    #[test]
    fn w2_lifters_get_a_row_day_a_vertical_pull_and_hinge_work_every_week(mut p in profile()) {
        p.goal = Goal::Strength;
        p.session_minutes = p.session_minutes.max(60);
        for w in &make(&p, 8).weeks {
            let items: Vec<&crate::catalog::Exercise> = w.sessions.iter().flat_map(|s| &s.main).map(|m| ex(&m.exercise)).collect();
            prop_assert!(items.iter().any(|e| e.patterns.contains(&crate::vocab::Pattern::VerticalPull)) || !cat().all().iter().any(|e| e.patterns.contains(&crate::vocab::Pattern::VerticalPull) && e.category == Category::Strength && super::select::Chooser { catalog: cat(), owned: &p.equipment, sensitive: &p.sensitive_joints }.allows(e)), "no vertical pull in week {}", w.index);
            let hinge_possible = hinge_possible(&p);
            prop_assert!(!hinge_possible || items.iter().any(|e| e.category == Category::Hinge), "no hinge in week {}", w.index);
            if w.sessions.len() >= 2 {
                prop_assert!(w.sessions.iter().any(|s| s.focus == Focus::HorizontalPull || s.focus == Focus::Hinge));
                prop_assert!(w.sessions.iter().any(|s| s.focus == Focus::VerticalPull));
            }
            let has_carry_kit = p.equipment.contains(&Equipment::Dumbbells) || p.equipment.contains(&Equipment::Kettlebell);
            let carry_ok = cat().all().iter().any(|e| e.category == Category::Carry && e.fits(&p.equipment) && e.loads_any(&p.sensitive_joints).next().is_none());
            if has_carry_kit && carry_ok && w.sessions.len() >= 2 {
                prop_assert!(items.iter().any(|e| e.category == Category::Carry), "no carry in week {}", w.index);
            }
        }
    }

    #[test]
    fn w3_no_heavy_upper_back_days_back_to_back(p in profile()) {
        let plan = make(&p, 16);
        let heavy: Vec<Date> = plan.sessions().filter(|(_, s)| s.heavy).map(|(_, s)| s.date).collect();
        for pair in heavy.windows(2) {
            prop_assert!(pair[1] > pair[0].saturating_add(1.days()), "heavy on {} and {}", pair[0], pair[1]);
        }
    }

    #[test]
    fn b1_four_week_blocks_in_the_method_order(p in profile()) {
        let plan = make(&p, 24);
        let technique_first = p.is_beginner() || !p.is_lifter();
        for w in &plan.weeks {
            prop_assert_eq!(w.block.index, (w.index - 1) / 4 + 1);
            if !w.deload {
                let order = [Emphasis::Hypertrophy, Emphasis::Strength, Emphasis::Technique];
                let expected = match (technique_first, w.block.index) {
                    (true, 1) => Emphasis::Technique,
                    (true, b) => order[((b - 2) % 3) as usize],
                    (false, b) => order[((b - 1) % 3) as usize],
                };
                prop_assert_eq!(w.block.emphasis, expected);
            }
        }
    }

    #[test]
    fn b2_every_fourth_week_is_a_deload_with_the_same_movements_fewer_sets_and_rpe_5_to_6(p in profile()) {
        let plan = make(&p, 16);
        for pair in plan.weeks.windows(2) {
            let (before, deload) = (&pair[0], &pair[1]);
            prop_assert_eq!(deload.deload, deload.index % 4 == 0);
            if !deload.deload { continue; }
            prop_assert_eq!(deload.block.emphasis, Emphasis::Deload);
            prop_assert_eq!(deload.block.index, before.block.index);
            prop_assert_eq!(deload.sessions.len(), before.sessions.len());
            let sets = |w: &Week| w.sessions.iter().flat_map(|s| &s.main).map(|m| m.sets).sum::<u32>();
            let singles = before.sessions.iter().flat_map(|s| &s.main).filter(|m| m.sets == 1).count() as u32;
            prop_assert!(sets(deload) * 10 <= sets(before) * 6 + singles * 10, "{} vs {}", sets(deload), sets(before));
            for (a, b) in before.sessions.iter().zip(&deload.sessions) {
                let ids = |s: &Session| s.main.iter().map(|m| m.exercise.clone()).collect::<Vec<_>>();
                prop_assert_eq!(ids(a), ids(b));
                prop_assert!(b.main.iter().all(|m| (5.0..=6.0).contains(&m.rpe) && m.why.iter().any(|r| r == "B2")));
                prop_assert!(!b.heavy || b.main[0].reps.is_some_and(|r| r.target <= 6));
            }
        }
    }

    #[test]
    fn b3_rep_ranges_and_rpe_follow_the_block_emphasis(p in profile()) {
        let gentle = p.is_beginner() || !p.is_lifter();
        for (w, s) in make(&p, 24).sessions() {
            if w.deload { continue; }
            for (i, m) in s.main.iter().enumerate() {
                let e = ex(&m.exercise);
                let Some(r) = m.reps else { continue };
                prop_assert!(r.min <= r.target && r.target <= r.max);
                if e.is_posture() {
                    prop_assert_eq!((r.min, r.max), (12, 20));
                    continue;
                }
                let efficiency = m.why.iter().any(|x| x == "B4");
                match w.block.emphasis {
                    Emphasis::Technique => prop_assert!((r.min, r.max) == (8, 12) && (6.0..=7.0).contains(&m.rpe)),
                    Emphasis::Hypertrophy => prop_assert!((7.0..=9.0).contains(&m.rpe) && (efficiency || (r.min, r.max) == (8, 15))),
                    Emphasis::Strength => {
                        prop_assert!((7.0..=9.0).contains(&m.rpe));
                        let main_compound = i == 0 && e.compound && matches!(e.tier, Some(2 | 3)) && s.heavy;
                        if main_compound && !efficiency {
                            let expected = if gentle { (6, 10) } else { (3, 6) };
                            prop_assert_eq!((r.min, r.max), expected);
                        } else if !efficiency {
                            prop_assert!(r.min >= 6 && r.max <= 12);
                        }
                    }
                    Emphasis::Deload => unreachable!(),
                }
            }
        }
    }

    #[test]
    fn t4_t3_is_never_in_a_beginners_first_block_nor_after_a_failed_wall_angel(p in profile()) {
        let plan = make(&p, 16);
        for (w, s) in plan.sessions() {
            let t3 = s.main.iter().any(|m| ex(&m.exercise).tier == Some(3));
            if p.assessment.wall_angel == Some(PassFail::Fail) {
                prop_assert!(!t3, "T3 after a failed wall angel test");
            }
            if p.is_beginner() && w.block.index == 1 {
                prop_assert!(!t3, "T3 in a beginner's first block");
            }
            if w.index <= 2 {
                prop_assert!(!t3, "T3 before any tolerance was shown");
            }
        }
    }

    #[test]
    fn t4_once_t3_is_open_it_leads_a_session_every_week(p in profile()) {
        let plan = make(&p, 16);
        let first = plan.weeks.iter().position(|w| w.sessions.iter().any(|s| s.main.first().is_some_and(|m| ex(&m.exercise).tier == Some(3))));
        if let Some(first) = first {
            for w in &plan.weeks[first + 1..] {
                prop_assert!(w.sessions.iter().any(|s| s.main.first().is_some_and(|m| ex(&m.exercise).tier == Some(3))), "week {} lost T3", w.index);
            }
        }
    }

    #[test]
    fn p1_at_most_one_step_per_exercise_in_two_weeks_and_one_change_at_a_time(mut p in profile()) {
        p.session_minutes = p.session_minutes.max(60);
        let plan = make(&p, 24);
        let mut last: HashMap<String, Exposure> = HashMap::new();
        for (w, s) in plan.sessions() {
            if w.deload { continue; }
            for m in &s.main {
                if m.why.iter().any(|x| x == "B4") { continue; }
                let target = m.reps.map_or(m.seconds.unwrap_or(0), |r| r.target);
                let range = m.reps.map_or(0, |r| r.min * 100 + r.max);
                let key = format!("{}:{}:{}", m.exercise, range, m.rpe);
                if let Some((_, last_step, sets, reps, load, blk)) = last.get(&key).cloned()
                    && blk == w.block.index {
                        let more_sets = m.sets > sets;
                        let more_reps = target > reps;
                        let more_load = m.load_kg.unwrap_or(0.0) > load.unwrap_or(0.0) + 1e-9;
                        let changes = [more_sets, more_reps, more_load].iter().filter(|c| **c).count();
                        prop_assert!(changes <= 1, "P2: {} changed {changes} things on {}", m.exercise, s.date);
                        if changes == 1 {
                            if let Some(prev) = last_step {
                                prop_assert!(s.date >= prev.saturating_add(14.days()), "{} stepped on {} and {}", m.exercise, prev, s.date);
                            }
                            last.insert(key.clone(), (s.date, Some(s.date), m.sets, target, m.load_kg, w.block.index));
                            continue;
                        }
                    }
                let step = last.get(&key).and_then(|v| v.1);
                last.insert(key, (s.date, step, m.sets, target, m.load_kg, w.block.index));
            }
        }
    }

    #[test]
    fn r4_no_exercise_loads_a_sensitive_joint_unless_a_notice_says_so(p in profile()) {
        let plan = make(&p, 8);
        let forced = plan.notices.iter().any(|n| n.rule == "R4" && n.text.contains("loads the fewest"));
        for (_, s) in plan.sessions() {
            for m in &s.main {
                let hits: Vec<Joint> = ex(&m.exercise).loads_any(&p.sensitive_joints).collect();
                prop_assert!(hits.is_empty() || forced, "{} loads {hits:?}", m.exercise);
            }
        }
        if !p.sensitive_joints.is_empty() {
            prop_assert!(plan.notices.iter().any(|n| n.rule == "X3" && n.text.contains("not medical advice")));
        }
    }

    #[test]
    fn a5_failed_wall_angel_adds_foundational_scapular_work_to_every_session(mut p in profile()) {
        p.assessment.wall_angel = Some(PassFail::Fail);
        let plan = make(&p, 8);
        prop_assert!(plan.notices.iter().any(|n| n.rule == "A5"));
        let foundational = &Slots::builtin().posture_foundational;
        for (_, s) in plan.sessions() {
            prop_assert!(s.main.iter().any(|m| foundational.iter().any(|f| *f == m.exercise) || m.why.iter().any(|r| r == "A5")));
        }
    }

    #[test]
    fn a5_limited_thoracic_rotation_puts_a_thoracic_drill_in_every_warmup(mut p in profile(), l in 10.0..44.0f64) {
        p.assessment.thoracic_rotation_deg = Some(LeftRight { left: l.round(), right: 50.0 });
        let drills = &Slots::builtin().warmup_thoracic;
        let possible = drills.iter().any(|d| super::select::Chooser { catalog: cat(), owned: &p.equipment, sensitive: &p.sensitive_joints }.allows(ex(d)));
        for (_, s) in make(&p, 8).sessions() {
            prop_assert!(!possible || s.warmup.iter().any(|w| drills.iter().any(|d| *d == w.exercise)));
        }
    }

    #[test]
    fn a5_a_weak_grip_gets_grip_work_every_week(mut p in profile()) {
        p.assessment.grip_kg = Some(LeftRight { left: 20.0, right: 30.0 });
        let plan = make(&p, 8);
        prop_assert!(plan.notices.iter().any(|n| n.rule == "A5" && n.text.contains("Grip")));
        for w in &plan.weeks {
            let grip = w.sessions.iter().flat_map(|s| &s.main).any(|m| {
                let e = ex(&m.exercise);
                matches!(e.category, Category::Grip | Category::Carry) || (e.unilateral && e.is_row())
            });
            prop_assert!(grip, "no grip work in week {}", w.index);
        }
    }

    #[test]
    fn contract_focus_and_heavy_follow_the_main_lift(p in profile()) {
        for (_, s) in make(&p, 8).sessions() {
            let m = &s.main[0];
            prop_assert_eq!(s.heavy, m.rpe >= 8.0 || m.reps.is_some_and(|r| r.target <= 6));
        }
    }
}

/// Whether any hinge the slot lists could be given to this person.
fn hinge_possible(p: &Profile) -> bool {
    let chooser = super::select::Chooser { catalog: cat(), owned: &p.equipment, sensitive: &p.sensitive_joints };
    Slots::builtin().hinge.iter().filter_map(|id| cat().get(id)).any(|e| chooser.allows(e))
}

#[test]
fn slot_lists_name_real_exercises_of_the_right_kind() {
    for (name, list) in Slots::builtin().lists() {
        for id in list {
            let e = cat().get(id);
            assert!(e.is_some(), "slot {name}: unknown exercise {id}");
        }
    }
    assert!(Slots::builtin().posture.iter().all(|id| ex(id).is_posture()));
    assert!(Slots::builtin().light_row.iter().all(|id| ex(id).is_row() && ex(id).tier == Some(1)));
    assert!(Slots::builtin().stretch.iter().all(|id| ex(id).category == Category::Stretch));
}

#[test]
fn weeks_out_of_range_are_refused() {
    let p = Profile::parse(
        "name='a'\nexperience='beginner'\ngoal='posture'\ndays_per_week=2\nsession_minutes=30\nequipment=[]\nstart='2026-11-23'",
        "t",
    )
    .unwrap();
    assert_eq!(plan(&p, 0), Err(PlanError::Weeks(0)));
    assert_eq!(plan(&p, 53), Err(PlanError::Weeks(53)));
}
