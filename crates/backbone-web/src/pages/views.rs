//! What each page shows, as display strings, and the templates that lay it out.

use askama::Template;
use backbone_core::adapt::NextSession;
use backbone_core::analytics::{Calendar, Report};
use backbone_core::archive::CustomExercise;
use backbone_core::catalog::{Catalog, Exercise};
use backbone_core::load::{kg_to_lb, shown};
use backbone_core::log::SessionLog;
use backbone_core::plan::{LoadPer, MainItem, Plan, Session, Week};
use backbone_core::profile::Profile;
use backbone_core::vocab::Units;
use backbone_formats::locale::DateStyle;
use jiff::civil::Date;

/// A load in the person's units: "22.5 kg", "50 lb".
pub fn weight(kg: f64, units: Units) -> String {
    format!("{} {}", shown(kg, units), units.as_str())
}

/// A load as the number a form field holds, in the person's units.
fn field(kg: f64, units: Units) -> String {
    shown(kg, units)
}

/// A number to at most two decimals, none when whole.
fn trim(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A closed word of the plan ("HorizontalPull") as words ("horizontal pull").
fn words(debug: String) -> String {
    let mut out = String::new();
    for (i, c) in debug.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

fn name(id: &str) -> String {
    Catalog::builtin().get(id).map_or_else(|| id.to_string(), |e| e.name.clone())
}

/// Plates for each side of a 20 kg (45 lb) bar, heaviest first: "20 + 2.5 per side".
pub fn plates(kg: f64, units: Units) -> Option<String> {
    let (total, bar, sizes): (f64, f64, &[f64]) = match units {
        Units::Kg => (kg, 20.0, &[25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25]),
        Units::Lb => ((kg_to_lb(kg) * 10.0).round() / 10.0, 45.0, &[45.0, 35.0, 25.0, 10.0, 5.0, 2.5]),
    };
    let mut side = (total - bar) / 2.0;
    if side < 0.0 {
        return None;
    }
    let mut parts = Vec::new();
    for &p in sizes {
        while side + 1e-9 >= p {
            parts.push(trim(p));
            side -= p;
        }
    }
    Some(if parts.is_empty() { "the empty bar".into() } else { format!("{} per side", parts.join(" + ")) })
}

/// A dumbbell exercise done with both arms at once.
fn pair_of_dumbbells(ex: &Exercise) -> bool {
    ex.equipment.contains(&backbone_core::vocab::Equipment::Dumbbells) && !ex.unilateral && !ex.adds_to_body
}

/// A prescribed load as the person picks it up: "20 kg each" for a dumbbell or kettlebell (METHOD K10),
/// "+10 kg" for a load added to the body (a weighted pull-up).
fn held_load(kg: f64, units: Units, m: &MainItem, ex: Option<&Exercise>) -> String {
    let added = if ex.is_some_and(|e| e.adds_to_body) { "+" } else { "" };
    match m.load_held(Catalog::builtin()) {
        Some(per) => format!("{added}{} {}", weight(kg, units), per.word()),
        None => format!("{added}{}", weight(kg, units)),
    }
}

/// A rule id with its link to the Rules page.
pub struct RuleLink {
    pub id: String,
}

impl RuleLink {
    fn all(why: &[std::borrow::Cow<'static, str>]) -> Vec<RuleLink> {
        why.iter().map(|r| RuleLink { id: r.to_string() }).collect()
    }
}

pub struct NoticeView {
    pub rule: String,
    pub text: String,
}

/// One set's form, pre-filled from the prescription.
pub struct SetForm {
    pub n: u32,
    pub reps: String,
    pub seconds: String,
    pub load: String,
    pub rpe: String,
    pub key: String,
    pub done: bool,
}

pub struct ItemView {
    pub exercise: String,
    pub name: String,
    pub dose: String,
    pub load: String,
    pub plates: String,
    pub tempo: String,
    pub rest_seconds: u32,
    pub cues: Vec<String>,
    pub why: Vec<RuleLink>,
    pub timed: bool,
    pub sets: Vec<SetForm>,
}

fn dose(m: &MainItem) -> String {
    let work = match (m.reps, m.seconds) {
        (Some(r), _) if r.min != r.max => format!("{} × {} ({}-{})", m.sets, r.target, r.min, r.max),
        (Some(r), _) => format!("{} × {}", m.sets, r.target),
        (None, Some(s)) => format!("{} × {s} s", m.sets),
        (None, None) => format!("{} sets", m.sets),
    };
    format!("{work} @ RPE {}", trim(m.rpe))
}

fn item(m: &MainItem, units: Units, done: usize, stamp: &str) -> ItemView {
    let ex = Catalog::builtin().get(&m.exercise);
    let barbell = ex.is_some_and(|e| e.equipment.contains(&backbone_core::vocab::Equipment::Barbell));
    let sets = (1..=m.sets)
        .map(|n| SetForm {
            n,
            reps: m.reps.map(|r| r.target.to_string()).unwrap_or_default(),
            seconds: m.seconds.map(|s| s.to_string()).unwrap_or_default(),
            load: m.load_kg.map(|kg| field(kg, units)).unwrap_or_default(),
            rpe: trim(m.rpe),
            key: format!("{stamp}-{}-{n}", m.exercise),
            done: (n as usize) <= done,
        })
        .collect();
    ItemView {
        exercise: m.exercise.to_string(),
        name: name(&m.exercise),
        dose: dose(m),
        load: m
            .load_kg
            .map(|kg| held_load(kg, units, m, ex))
            .unwrap_or_else(|| "choose a load you can lift for the reps at that RPE".into()),
        plates: match (m.load_kg, barbell, m.load_held(Catalog::builtin())) {
            (Some(kg), true, _) => plates(kg, units).unwrap_or_default(),
            // Two dumbbells in the hands at once: what the pair weighs. One hand at a time needs no sum,
            // and a kettlebell move is as often one bell in both hands as two.
            (Some(kg), false, Some(LoadPer::Each)) if ex.is_some_and(pair_of_dumbbells) => {
                format!("a pair: {} in all", weight(kg * 2.0, units))
            }
            _ => String::new(),
        },
        tempo: m.tempo.as_deref().unwrap_or("").to_string(),
        rest_seconds: m.rest_seconds,
        cues: ex.map(|e| e.cues.iter().take(3).cloned().collect()).unwrap_or_default(),
        why: RuleLink::all(&m.why),
        timed: m.seconds.is_some(),
        sets,
    }
}

#[derive(Template)]
#[template(path = "today.html")]
pub struct TodayPage {
    pub title: String,
    pub nav: &'static str,
    pub date: String,
    pub is_today: bool,
    pub focus: String,
    pub minutes: u32,
    pub warmup: Vec<String>,
    pub items: Vec<ItemView>,
    pub cooldown: Vec<String>,
    pub notices: Vec<NoticeView>,
    pub units: &'static str,
    pub logged: Vec<String>,
    pub message: Option<String>,
    pub day: String,
    /// Exercises waiting for the person's word that they are pain-free or cleared (METHOD R3): (id, name).
    pub ask_cleared: Vec<(String, String)>,
}

pub fn today(next: &NextSession, profile: &Profile, logged: &[SessionLog], today: Date, style: DateStyle) -> TodayPage {
    let s = &next.session;
    let done = |id: &str| logged.iter().flat_map(|l| &l.sets).filter(|set| *set.exercise == *id).count();
    // Keys for this day's forms; the page's script replaces them with random ones.
    let stamp = format!("{}-{}", s.date, logged.iter().map(|l| l.sets.len()).sum::<usize>());
    TodayPage {
        title: "Today".into(),
        nav: "today",
        date: style.format(s.date),
        is_today: s.date == today,
        focus: words(format!("{:?}", s.focus)),
        minutes: s.minutes,
        warmup: s.warmup.iter().map(|w| format!("{} · {} s", name(&w.exercise), w.seconds)).collect(),
        items: s.main.iter().map(|m| item(m, profile.units, done(&m.exercise), &stamp)).collect(),
        cooldown: s
            .cooldown
            .iter()
            .map(|c| format!("{} · {} × {} s", name(&c.exercise), c.sets, c.hold_seconds))
            .collect(),
        notices: next.notices.iter().map(|n| NoticeView { rule: n.rule.to_string(), text: n.text.clone() }).collect(),
        units: profile.units.as_str(),
        logged: logged.iter().flat_map(|l| &l.sets).map(|set| set_text(set, profile.units)).collect(),
        message: None,
        day: s.date.to_string(),
        ask_cleared: next.ask_cleared.iter().map(|id| (id.clone(), name(id))).collect(),
    }
}

fn set_text(set: &backbone_core::log::SetLog, units: Units) -> String {
    let mut text = name(&set.exercise);
    if let Some(r) = set.reps {
        text.push_str(&format!(" · {r} reps"));
    }
    if let Some(s) = set.seconds {
        text.push_str(&format!(" · {s} s"));
    }
    if let Some(kg) = set.load_kg {
        text.push_str(&format!(" @ {}", weight(kg, units)));
    }
    if let Some(r) = set.rpe {
        text.push_str(&format!(" · RPE {}", trim(r)));
    }
    if let Some(p) = set.pain.filter(|p| *p > 0) {
        text.push_str(&format!(" · pain {p}/10"));
    }
    text
}

#[derive(Template)]
#[template(path = "session.html")]
pub struct SessionPage {
    pub title: String,
    pub nav: &'static str,
    pub date: String,
    pub week: String,
    pub focus: String,
    pub minutes: u32,
    pub warmup: Vec<String>,
    pub items: Vec<ItemView>,
    pub cooldown: Vec<String>,
}

pub fn session_page(week: &Week, s: &Session, profile: &Profile, style: DateStyle) -> SessionPage {
    SessionPage {
        title: format!("Session of {}", style.format(s.date)),
        nav: "plan",
        date: style.format(s.date),
        week: format!(
            "Week {} · block {} ({:?}){}",
            week.index,
            week.block.index,
            week.block.emphasis,
            if week.deload { " · deload" } else { "" }
        ),
        focus: words(format!("{:?}", s.focus)),
        minutes: s.minutes,
        warmup: s.warmup.iter().map(|w| format!("{} · {} s", name(&w.exercise), w.seconds)).collect(),
        items: s.main.iter().map(|m| item(m, profile.units, 0, "plan")).collect(),
        cooldown: s
            .cooldown
            .iter()
            .map(|c| format!("{} · {} × {} s", name(&c.exercise), c.sets, c.hold_seconds))
            .collect(),
    }
}

pub struct DayView {
    pub href: String,
    pub date: String,
    pub label: String,
    pub past: bool,
}

pub struct WeekView {
    pub label: String,
    pub block: String,
    pub deload: bool,
    pub new_block: bool,
    pub unlocks: Vec<String>,
    pub days: Vec<DayView>,
}

#[derive(Template)]
#[template(path = "plan.html")]
pub struct PlanPage {
    pub title: String,
    pub nav: &'static str,
    pub weeks: Vec<WeekView>,
    pub notices: Vec<NoticeView>,
}

pub fn plan(plan: &Plan, today: Date, style: DateStyle) -> PlanPage {
    let mut seen: Vec<String> = Vec::new();
    let mut last_block = 0;
    let weeks = plan
        .weeks
        .iter()
        .map(|w| {
            // A tier unlock shows as the first week an exercise of tier 3 appears (METHOD T4).
            let mut unlocks = Vec::new();
            for s in &w.sessions {
                for m in &s.main {
                    let tier3 = Catalog::builtin().get(&m.exercise).is_some_and(|e| e.tier == Some(3));
                    if tier3 && !seen.contains(&m.exercise.to_string()) {
                        seen.push(m.exercise.to_string());
                        unlocks.push(format!("{} unlocked (tier 3)", name(&m.exercise)));
                    }
                }
            }
            let new_block = w.block.index != last_block;
            last_block = w.block.index;
            WeekView {
                label: format!("Week {} · {}", w.index, style.short(w.start)),
                block: format!("Block {} · {}", w.block.index, words(format!("{:?}", w.block.emphasis))),
                deload: w.deload,
                new_block,
                unlocks,
                days: w
                    .sessions
                    .iter()
                    .map(|s| DayView {
                        href: format!("/plan/{}", s.date),
                        date: style.format(s.date),
                        label: format!("{}{}", words(format!("{:?}", s.focus)), if s.heavy { " · heavy" } else { "" }),
                        past: s.date < today,
                    })
                    .collect(),
            }
        })
        .collect();
    PlanPage {
        title: "Plan".into(),
        nav: "plan",
        weeks,
        notices: plan.notices.iter().map(|n| NoticeView { rule: n.rule.to_string(), text: n.text.clone() }).collect(),
    }
}

pub struct KpiView {
    pub name: String,
    pub latest: String,
    pub trend: String,
    pub chart: String,
}

#[derive(Template)]
#[template(path = "progress.html")]
pub struct ProgressPage {
    pub title: String,
    pub nav: &'static str,
    pub period: String,
    pub kpis: Vec<KpiView>,
    pub notices: Vec<NoticeView>,
    pub records: Vec<String>,
}

pub fn progress(report: &Report, calendar: &Calendar, profile: &Profile, style: DateStyle) -> ProgressPage {
    let kpis = report
        .kpis
        .iter()
        .map(|k| KpiView {
            name: k.name.clone(),
            latest: k
                .series
                .last()
                .map(|p| trim((p.value * 100.0).round() / 100.0))
                .unwrap_or_else(|| "no data yet".into()),
            trend: format!("{:?}", k.trend).to_lowercase(),
            chart: backbone_formats::svg::kpi_chart(
                k,
                report,
                calendar,
                profile.units,
                style,
                Some(profile.experience),
            ),
        })
        .collect();
    ProgressPage {
        title: "Progress".into(),
        nav: "progress",
        period: format!("{} to {}", style.format(report.from), style.format(report.to)),
        kpis,
        notices: report.notices.iter().map(|n| NoticeView { rule: n.rule.to_string(), text: n.text.clone() }).collect(),
        records: report
            .records
            .iter()
            .map(|r| format!("{} · {} · {:?} {}", style.short(r.date), name(&r.exercise), r.kind, trim(r.value)))
            .collect(),
    }
}

pub struct HistoryRow {
    pub id: String,
    pub date: String,
    pub summary: String,
}

#[derive(Template)]
#[template(path = "history.html")]
pub struct HistoryPage {
    pub title: String,
    pub nav: &'static str,
    pub rows: Vec<HistoryRow>,
    pub message: Option<String>,
}

pub fn history(sessions: &[SessionLog], customs: &[CustomExercise], units: Units, style: DateStyle) -> HistoryPage {
    let custom =
        |id: &str| customs.iter().find(|c| c.id == id).map(|c| backbone_core::valid::clean_text(&c.name, false));
    let rows = sessions
        .iter()
        .map(|s| {
            let mut parts: Vec<String> = s
                .sets
                .iter()
                .map(|set| {
                    let text = set_text(set, units);
                    match custom(&set.exercise) {
                        Some(n) => text.replacen(&*set.exercise, &n, 1),
                        None => text,
                    }
                })
                .collect();
            if s.checkin.is_some() {
                parts.push("check-in".into());
            }
            if !s.measurements.is_empty() {
                parts.push("assessment".into());
            }
            HistoryRow { id: s.id.clone(), date: style.format(s.date), summary: parts.join("; ") }
        })
        .collect();
    HistoryPage { title: "History".into(), nav: "history", rows, message: None }
}

pub struct ExerciseRow {
    pub id: String,
    pub name: String,
    pub patterns: String,
    pub equipment: String,
}

#[derive(Template)]
#[template(path = "exercises.html")]
pub struct ExercisesPage {
    pub title: String,
    pub nav: &'static str,
    pub rows: Vec<ExerciseRow>,
    pub patterns: Vec<(String, bool)>,
    pub equipment: Vec<(String, bool)>,
}

pub fn exercises(list: &[&Exercise], pattern: Option<&str>, equipment: Option<&str>) -> ExercisesPage {
    let words = |all: &[&str], chosen: Option<&str>| all.iter().map(|w| (w.to_string(), Some(*w) == chosen)).collect();
    ExercisesPage {
        title: "Exercises".into(),
        nav: "exercises",
        rows: list
            .iter()
            .map(|e| ExerciseRow {
                id: e.id.clone(),
                name: e.name.clone(),
                patterns: e.patterns.iter().map(|p| p.as_str()).collect::<Vec<_>>().join(", "),
                equipment: if e.equipment.is_empty() {
                    "none".into()
                } else {
                    e.equipment.iter().map(|q| q.as_str()).collect::<Vec<_>>().join(", ")
                },
            })
            .collect(),
        patterns: words(backbone_core::vocab::Pattern::WORDS, pattern),
        equipment: words(backbone_core::vocab::Equipment::WORDS, equipment),
    }
}

#[derive(Template)]
#[template(path = "exercise.html")]
pub struct ExercisePage {
    pub title: String,
    pub nav: &'static str,
    pub name: String,
    pub facts: Vec<(String, String)>,
    pub cues: Vec<String>,
    pub substitutes: Vec<(String, String)>,
    pub rules: Vec<RuleLink>,
}

pub fn exercise_card(e: &Exercise) -> ExercisePage {
    let join = |v: Vec<&str>| if v.is_empty() { "none".to_string() } else { v.join(", ") };
    ExercisePage {
        title: e.name.clone(),
        nav: "exercises",
        name: e.name.clone(),
        facts: vec![
            ("Pattern".into(), join(e.patterns.iter().map(|p| p.as_str()).collect())),
            ("Equipment".into(), join(e.equipment.iter().map(|q| q.as_str()).collect())),
            ("Joints it loads".into(), join(e.joints.iter().map(|j| j.as_str()).collect())),
            ("Tier".into(), e.tier.map_or_else(|| "—".into(), |t| format!("T{t}"))),
        ],
        cues: e.cues.clone(),
        substitutes: e.substitutes.iter().map(|s| (s.clone(), name(s))).collect(),
        rules: e.rule_ids().into_iter().map(|id| RuleLink { id }).collect(),
    }
}

pub struct RuleView {
    pub id: String,
    pub title: String,
    pub section: String,
    pub paragraphs: Vec<String>,
}

#[derive(Template)]
#[template(path = "rules.html")]
pub struct RulesPage {
    pub title: String,
    pub nav: &'static str,
    pub rules: Vec<RuleView>,
}

pub fn rules() -> RulesPage {
    let rules = backbone_core::method_doc::entries()
        .iter()
        .map(|e| RuleView {
            id: e.id.to_string(),
            title: e.title.to_string(),
            section: e.section.to_string(),
            paragraphs: e.text.split("\n\n").map(|p| p.replace('\n', " ")).filter(|p| !p.trim().is_empty()).collect(),
        })
        .collect();
    RulesPage { title: "Rules".into(), nav: "rules", rules }
}

#[derive(Template)]
#[template(path = "settings.html")]
pub struct SettingsPage {
    pub title: String,
    pub nav: &'static str,
    pub profile: Vec<(String, String)>,
    pub version: String,
    pub versions: Vec<String>,
    pub message: Option<String>,
}

pub fn settings(
    stored: Option<&backbone_store::StoredProfile>,
    versions: &[backbone_core::archive::ArchivedProfile],
    style: DateStyle,
) -> SettingsPage {
    let profile = stored
        .map(|s| {
            let p = &s.profile;
            vec![
                ("Name".to_string(), p.name.clone()),
                ("Goal".into(), p.goal.as_str().into()),
                ("Experience".into(), p.experience.as_str().into()),
                ("Days a week".into(), p.days_per_week.to_string()),
                ("Minutes a session".into(), p.session_minutes.to_string()),
                ("Units".into(), p.units.as_str().into()),
                ("First day".into(), p.start.to_string()),
            ]
        })
        .unwrap_or_default();
    SettingsPage {
        title: "Settings".into(),
        nav: "settings",
        profile,
        version: stored.map(|s| format!("version {} of {}", s.version, style.format(s.made_on))).unwrap_or_default(),
        versions: versions
            .iter()
            .rev()
            .map(|v| {
                let p = &v.profile;
                format!(
                    "Version {} of {}: {}, {} days a week, {} min, {}",
                    v.version,
                    style.format(v.made_on),
                    p.goal.as_str(),
                    p.days_per_week,
                    p.session_minutes,
                    p.units.as_str()
                )
            })
            .collect(),
        message: None,
    }
}

/// One choice of a form: its word, and whether it is chosen.
pub struct Choice {
    pub word: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "start.html")]
pub struct StartPage {
    pub title: String,
    pub nav: &'static str,
    pub name: String,
    pub experience: Vec<Choice>,
    pub goal: Vec<Choice>,
    pub days: String,
    pub weekdays: Vec<Choice>,
    pub minutes: String,
    pub equipment: Vec<Choice>,
    pub joints: Vec<Choice>,
    pub start: String,
    pub units: Vec<Choice>,
    pub error: Option<String>,
}

fn choices(all: &[&str], chosen: &[&str]) -> Vec<Choice> {
    all.iter().map(|w| Choice { word: w.to_string(), checked: chosen.contains(w) }).collect()
}

pub fn start(profile: Option<&Profile>, today: Date, error: Option<String>) -> StartPage {
    use backbone_core::vocab::{Equipment, Experience, Goal, Joint};
    let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let chosen_days: Vec<String> = profile
        .and_then(|p| p.training_days.clone())
        .map(|d| d.iter().map(|w| w.as_str().to_string()).collect())
        .unwrap_or_default();
    let chosen_days: Vec<&str> = chosen_days.iter().map(String::as_str).collect();
    let equipment: Vec<&str> = profile.map(|p| p.equipment.iter().map(|e| e.as_str()).collect()).unwrap_or_default();
    let joints: Vec<&str> =
        profile.map(|p| p.sensitive_joints.iter().map(|j| j.as_str()).collect()).unwrap_or_default();
    StartPage {
        title: "Start".into(),
        nav: "start",
        name: profile.map(|p| p.name.clone()).unwrap_or_default(),
        experience: choices(Experience::WORDS, &[profile.map_or("beginner", |p| p.experience.as_str())]),
        goal: choices(Goal::WORDS, &[profile.map_or("posture", |p| p.goal.as_str())]),
        days: profile.map_or("2".into(), |p| p.days_per_week.to_string()),
        weekdays: choices(&weekdays, &chosen_days),
        minutes: profile.map_or("30".into(), |p| p.session_minutes.to_string()),
        equipment: choices(Equipment::WORDS, &equipment),
        joints: choices(Joint::WORDS, &joints),
        start: profile.map_or(today, |p| p.start).to_string(),
        units: choices(&["kg", "lb"], &[profile.map_or("kg", |p| p.units.as_str())]),
        error,
    }
}

#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub title: String,
    pub nav: &'static str,
    pub message: String,
    pub back: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plates_per_side_of_a_20_kg_bar() {
        assert_eq!(plates(60.0, Units::Kg).as_deref(), Some("20 per side"));
        assert_eq!(plates(72.5, Units::Kg).as_deref(), Some("25 + 1.25 per side"));
        assert_eq!(plates(20.0, Units::Kg).as_deref(), Some("the empty bar"));
        assert_eq!(plates(10.0, Units::Kg), None);
    }

    fn prescribed(exercise: &'static str, load_kg: f64) -> MainItem {
        MainItem {
            exercise: exercise.into(),
            sets: 3,
            reps: Some(backbone_core::plan::Reps { min: 8, max: 12, target: 10 }),
            seconds: None,
            rpe: 7.0,
            load_kg: Some(load_kg),
            // As a session served before items carried it: the catalog says how it is held.
            load_per: None,
            tempo: None,
            rest_seconds: 90,
            why: Vec::new(),
        }
    }

    #[test]
    fn k10_a_dumbbell_load_says_each_in_kg_and_lb_and_a_pair_gives_its_sum() {
        let row = item(&prescribed("chest-supported-row", 20.0), Units::Kg, 0, "t");
        assert_eq!((row.load.as_str(), row.plates.as_str()), ("20 kg each", "a pair: 40 kg in all"));
        let lb = item(&prescribed("chest-supported-row", 20.0 * 0.45359237), Units::Lb, 0, "t");
        assert_eq!(lb.load, "20 lb each");
        // One arm at a time: the one dumbbell, no sum.
        let one = item(&prescribed("one-arm-dumbbell-row", 24.0), Units::Kg, 0, "t");
        assert_eq!((one.load.as_str(), one.plates.as_str()), ("24 kg each", ""));
        // A load on the body is one weight, added; a barbell's is one number with its plates.
        let pull_up = item(&prescribed("weighted-pull-up", 10.0), Units::Kg, 0, "t");
        assert_eq!((pull_up.load.as_str(), pull_up.plates.as_str()), ("+10 kg", ""));
        let bar = item(&prescribed("barbell-row", 60.0), Units::Kg, 0, "t");
        assert_eq!((bar.load.as_str(), bar.plates.as_str()), ("60 kg", "20 per side"));
    }
}

#[derive(Template)]
#[template(path = "edit.html")]
pub struct EditPage {
    pub title: String,
    pub nav: &'static str,
    pub id: String,
    pub json: String,
    pub editable: bool,
    pub error: Option<String>,
}

/// A session as the session file `log --file` reads (CONTRACT "Keeping a log"), to edit. Sessions with
/// what only an import carries (a title, notes, set kinds, distances) are shown but not editable here.
pub fn edit(s: &SessionLog, error: Option<String>) -> EditPage {
    let editable = s.title.is_none()
        && s.notes.is_none()
        && s.sets.iter().all(|x| x.kind.is_normal() && x.distance_m.is_none() && x.note.is_none());
    let sets: Vec<serde_json::Value> = s
        .sets
        .iter()
        .map(|x| {
            let mut set = serde_json::json!({"exercise": &*x.exercise, "reps": x.reps, "seconds": x.seconds,
                "load_kg": x.load_kg, "rpe": x.rpe, "quality": x.quality, "pain": x.pain, "bar_speed_mps": x.bar_speed_mps});
            if let Some(map) = set.as_object_mut() {
                map.retain(|_, v| !v.is_null());
            }
            set
        })
        .collect();
    let mut file = serde_json::json!({"date": s.date, "sets": sets});
    if let Some(c) = &s.checkin {
        file["checkin"] = serde_json::to_value(c).unwrap_or_default();
    }
    if !s.measurements.is_empty() {
        file["measurements"] = serde_json::to_value(&s.measurements).unwrap_or_default();
    }
    EditPage {
        title: "Edit a session".into(),
        nav: "history",
        id: s.id.clone(),
        json: serde_json::to_string_pretty(&file).unwrap_or_default(),
        editable,
        error,
    }
}
