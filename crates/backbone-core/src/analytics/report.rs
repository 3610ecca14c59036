//! The progress report (CONTRACT "Reports", `backbone.report/1`): every analytic as a KPI with a
//! trend, and notices that say what the engine will do about what the log shows, each with its rule.
//!
//! Field order is output order. Values are kept in SI units (kg, seconds, m/s) and rounded for output;
//! the dashboard converts to pounds for people who asked for them. Weekly series start at the first
//! week anything was logged (`Log::tracked`), so an empty log gives empty series.

use std::borrow::Cow;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use super::strength::Record;
use super::trend::{Trend, trend};
use super::volume::{self, WeekVolume};
use super::{Log, Point, Window, adherence, assessments, monday, session_load, speed, strength, wellness};
use crate::catalog::{Catalog, rule_order};
use crate::load::kg_to_lb;
use crate::log::SessionLog;
use crate::plan::{Notice, Plan};
use crate::profile::Profile;
use crate::vocab::{Muscle, Units};

/// The schema id printed in every report.
pub const SCHEMA: &str = "backbone.report/1";

/// The plan's notices that come from responding to the log (METHOD R1 plateau, R2 soreness, R3 pain,
/// R6 early deload); the report passes them on.
const ENGINE_RULES: &[&str] = &["R1", "R2", "R3", "R6"];

/// Adherence under this share of planned sessions over the last four weeks gets a notice (K7). Our own
/// design value: the engine's B2 stretch asks for three in four sessions logged, the same bar.
pub const LOW_ADHERENCE: f64 = 0.75;

/// Weeks the balance and adherence notices look back over.
const RECENT_WEEKS: usize = 4;

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub schema: Cow<'static, str>,
    pub from: Date,
    pub to: Date,
    pub kpis: Vec<Kpi>,
    pub notices: Vec<Notice>,
    /// Personal records set in the window, for the dashboard (the JSON carries their count per week).
    #[serde(skip)]
    pub records: Vec<Record>,
}

/// Which way is good for a KPI, for the dashboard's "improved" and "stalled". Not part of the JSON:
/// `trend` there is direction only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Better {
    Higher,
    Lower,
    #[default]
    Neither,
}

/// One KPI: a series and where it is going.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kpi {
    pub id: String,
    pub name: String,
    pub unit: &'static str,
    pub trend: Trend,
    pub series: Vec<Point>,
    #[serde(skip)]
    pub better: Better,
}

impl Kpi {
    /// The last value, if any.
    pub fn latest(&self) -> Option<f64> {
        self.series.last().map(|p| p.value)
    }

    /// The means the trend compares: first third and last third of the series.
    pub fn thirds(&self) -> Option<(f64, f64)> {
        let values: Vec<f64> = self.series.iter().map(|p| p.value).collect();
        super::trend::thirds(&values)
    }
}

/// What a KPI is, before its values.
struct Spec {
    id: String,
    name: String,
    unit: &'static str,
    better: Better,
    /// Decimals kept in the output.
    decimals: i32,
    /// The last point is a week still running (a sum so far), left out of the trend.
    partial_last: bool,
}

impl Spec {
    fn new(id: impl Into<String>, name: impl Into<String>, unit: &'static str, better: Better, decimals: i32) -> Spec {
        Spec { id: id.into(), name: name.into(), unit, better, decimals, partial_last: false }
    }

    fn partial(mut self, partial: bool) -> Spec {
        self.partial_last = partial;
        self
    }

    fn kpi(self, series: impl IntoIterator<Item = Point>) -> Kpi {
        let scale = 10f64.powi(self.decimals);
        let series: Vec<Point> = series
            .into_iter()
            .filter(|p| p.value.is_finite())
            .map(|p| Point { date: p.date, value: (p.value * scale).round() / scale })
            .collect();
        let values: Vec<f64> = series.iter().map(|p| p.value).collect();
        let judged = if self.partial_last && values.len() > 1 { &values[..values.len() - 1] } else { &values[..] };
        Kpi { id: self.id, name: self.name, unit: self.unit, trend: trend(judged), series, better: self.better }
    }
}

/// Where blocks start and which weeks are deloads, for charts (METHOD K9).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Calendar {
    /// The first day of each block that starts in the window, with the block's number.
    pub block_starts: Vec<(Date, u32)>,
    /// Deload weeks touching the window: first day and the day after the last.
    pub deloads: Vec<(Date, Date)>,
}

/// Block starts and deload weeks of the adapted plan within the window.
pub fn calendar(plan: &Plan, w: Window) -> Calendar {
    let mut c = Calendar::default();
    let mut previous = None;
    for week in &plan.weeks {
        let end = week.start.saturating_add(7.days());
        if previous != Some(week.block.index) && w.contains(week.start) {
            c.block_starts.push((week.start, week.block.index));
        }
        previous = Some(week.block.index);
        if week.deload && week.start <= w.to && end > w.from {
            c.deloads.push((week.start, end));
        }
    }
    c
}

/// The report for the window, from the log and the plan adapted to it (`adapt(profile, log, today)`).
pub fn report(profile: &Profile, sessions: &[SessionLog], plan: &Plan, w: Window) -> Report {
    let catalog = Catalog::builtin();
    let log = Log::new(sessions);
    let tracked = log.tracked(w);
    let running = !w.week_complete(monday(w.to));
    let name = |id: &str| catalog.get(id).map_or_else(|| id.to_string(), |e| e.name.clone());
    let mut kpis = Vec::new();

    for lift in strength::e1rm_by_lift(&log, w) {
        let spec = Spec::new(
            format!("e1rm:{}", lift.exercise),
            format!("{} e1RM", name(lift.exercise)),
            "kg",
            Better::Higher,
            1,
        );
        kpis.push(spec.kpi(lift.points.iter().map(|p| Point { date: p.date, value: p.kg })));
    }

    let volume = tracked.map(|t| volume::weekly_volume(&log, t, catalog)).unwrap_or_default();
    let per_week = |f: &dyn Fn(&WeekVolume) -> Option<f64>| -> Vec<Point> {
        volume.iter().filter_map(|v| f(v).map(|value| Point { date: v.monday, value })).collect()
    };
    let sets = Spec::new("weekly_sets:upper_back", "Upper-back hard sets per week", "sets", Better::Neither, 1);
    kpis.push(sets.partial(running).kpi(per_week(&|v| Some(v.upper_back))));
    for &m in Muscle::ALL {
        if volume.iter().any(|v| v.muscle(m) > 0.0) {
            let spec = Spec::new(
                format!("weekly_sets:{m}"),
                format!("{} hard sets per week", words(m.as_str())),
                "sets",
                Better::Neither,
                1,
            );
            kpis.push(spec.partial(running).kpi(per_week(&|v| Some(v.muscle(m)))));
        }
    }
    kpis.push(
        Spec::new("pull_push", "Pulling sets per pressing set", "ratio", Better::Neither, 2)
            .kpi(per_week(&|v| v.pull_push())),
    );
    kpis.push(
        Spec::new("horizontal_vertical", "Horizontal per vertical pulling sets", "ratio", Better::Neither, 2)
            .kpi(per_week(&|v| v.horizontal_vertical())),
    );

    let readings = assessments::over_time(profile, &log, w);
    let grip = |f: fn(&crate::profile::LeftRight) -> f64| -> Vec<Point> {
        readings.grip_kg.iter().map(|r| Point { date: r.date, value: f(&r.value) }).collect()
    };
    kpis.push(Spec::new("grip:left", "Grip, left hand", "kg", Better::Higher, 1).kpi(grip(|g| g.left)));
    kpis.push(Spec::new("grip:right", "Grip, right hand", "kg", Better::Higher, 1).kpi(grip(|g| g.right)));
    if !readings.grip_kg.is_empty() {
        let gap = |g: &crate::profile::LeftRight| {
            let stronger = g.left.max(g.right);
            if stronger > 0.0 { (g.left - g.right).abs() / stronger } else { 0.0 }
        };
        kpis.push(Spec::new("grip:asymmetry", "Grip gap between hands", "fraction", Better::Lower, 3).kpi(grip(gap)));
    }
    if !readings.dead_hang_seconds.is_empty() {
        let series = readings.dead_hang_seconds.iter().map(|r| Point { date: r.date, value: r.value });
        kpis.push(Spec::new("dead_hang", "Dead hang", "s", Better::Higher, 0).kpi(series));
    }
    for (side, pick) in [("left", 0), ("right", 1)] {
        if !readings.thoracic_rotation_deg.is_empty() {
            let series = readings
                .thoracic_rotation_deg
                .iter()
                .map(|r| Point { date: r.date, value: if pick == 0 { r.value.left } else { r.value.right } });
            let spec =
                Spec::new(format!("thoracic:{side}"), format!("Thoracic rotation, {side}"), "deg", Better::Higher, 0);
            kpis.push(spec.kpi(series));
        }
    }
    if !readings.wall_angel.is_empty() {
        let series = readings
            .wall_angel
            .iter()
            .map(|r| Point { date: r.date, value: if r.value == crate::vocab::PassFail::Pass { 1.0 } else { 0.0 } });
        kpis.push(Spec::new("wall_angel", "Wall angel test (1 = pass)", "pass", Better::Higher, 0).kpi(series));
    }

    let speeds = speed::bar_speed(&log, w);
    for lift in &speeds {
        let spec = Spec::new(
            format!("bar_speed:{}", lift.exercise),
            format!("{} bar speed", name(lift.exercise)),
            "m/s",
            Better::Higher,
            3,
        );
        kpis.push(spec.kpi(lift.points.iter().map(|p| Point { date: p.date, value: p.mean_mps })));
    }
    for lift in &speeds {
        let losses: Vec<Point> =
            lift.points.iter().filter_map(|p| p.velocity_loss.map(|value| Point { date: p.date, value })).collect();
        if !losses.is_empty() {
            let spec = Spec::new(
                format!("velocity_loss:{}", lift.exercise),
                format!("{} velocity loss in a session", name(lift.exercise)),
                "fraction",
                Better::Neither,
                3,
            );
            kpis.push(spec.kpi(losses));
        }
    }

    let adherence = tracked.map(|t| adherence::adherence(plan, &log, t)).unwrap_or_default();
    let shares = adherence.iter().filter_map(|a| a.share().map(|value| Point { date: a.monday, value }));
    kpis.push(Spec::new("adherence", "Sessions done per planned", "fraction", Better::Higher, 2).kpi(shares));

    let well = wellness::wellness(&log, w);
    kpis.push(Spec::new("soreness", "Soreness", "0-10", Better::Lower, 1).kpi(well.soreness.iter().copied()));
    kpis.push(Spec::new("ache", "Everyday upper-back ache", "0-10", Better::Lower, 1).kpi(well.ache.iter().copied()));
    kpis.push(Spec::new("sleep", "Sleep", "h", Better::Higher, 1).kpi(well.sleep_hours.iter().copied()));
    if !well.stress.is_empty() {
        kpis.push(Spec::new("stress", "Stress", "0-10", Better::Lower, 1).kpi(well.stress.iter().copied()));
    }
    if !well.energy.is_empty() {
        kpis.push(Spec::new("energy", "Energy", "0-10", Better::Higher, 1).kpi(well.energy.iter().copied()));
    }

    let week_loads = tracked.map(|t| session_load::weekly_loads(plan, &log, t)).unwrap_or_default();
    let loads = week_loads.iter().map(|l| Point { date: l.monday, value: l.load });
    kpis.push(
        Spec::new("load", "Session load per week (RPE x minutes)", "AU", Better::Neither, 0)
            .partial(running)
            .kpi(loads),
    );
    let monotony = week_loads.iter().filter_map(|l| l.monotony.map(|value| Point { date: l.monday, value }));
    kpis.push(Spec::new("monotony", "Monotony (mean / SD of daily load)", "ratio", Better::Neither, 2).kpi(monotony));
    let strain = week_loads.iter().filter_map(|l| l.strain.map(|value| Point { date: l.monday, value }));
    kpis.push(Spec::new("strain", "Strain (weekly load x monotony)", "AU", Better::Neither, 0).kpi(strain));

    let records = strength::personal_records(&log, w);
    let prs = tracked.map_or_else(Vec::new, |t| t.mondays()).into_iter().map(|m| {
        let end = m.saturating_add(6.days());
        Point { date: m, value: records.iter().filter(|r| r.date >= m && r.date <= end).count() as f64 }
    });
    kpis.push(Spec::new("prs", "Personal records per week", "records", Better::Higher, 0).partial(running).kpi(prs));

    let notices = notices(profile, plan, &log, w, &volume, &adherence);
    Report { schema: Cow::Borrowed(SCHEMA), from: w.from, to: w.to, kpis, notices, records }
}

/// "latissimus_dorsi" -> "Latissimus dorsi".
fn words(word: &str) -> String {
    let spaced = word.replace('_', " ");
    let mut chars = spaced.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A mass in the person's units, for notice texts.
fn mass(kg: f64, units: Units) -> String {
    let (v, unit) = match units {
        Units::Kg => (kg, "kg"),
        Units::Lb => (kg_to_lb(kg), "lb"),
    };
    format!("{} {unit}", trim((v * 10.0).round() / 10.0))
}

/// At most one decimal, none when whole.
fn trim(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

/// What the engine will do about what the report shows (or what the person can do, where the engine
/// cannot see it), each with its METHOD rule, in METHOD order.
fn notices(
    profile: &Profile,
    plan: &Plan,
    log: &Log,
    w: Window,
    volume: &[WeekVolume],
    adherence: &[adherence::WeekAdherence],
) -> Vec<Notice> {
    let mut out: Vec<Notice> =
        plan.notices.iter().filter(|n| ENGINE_RULES.contains(&n.rule.as_ref())).cloned().collect();

    // METHOD B5 on the last finished week that was not a deload. Under the target only counts when the
    // week's planned sessions were all done: sets missed with their sessions are adherence (K7) instead.
    let all_done = |m: Date| adherence.iter().find(|a| a.monday == m).is_none_or(|a| a.done >= a.planned);
    let deload = |m: Date| {
        let mid = m.saturating_add(3.days());
        plan.weeks.iter().any(|wk| wk.deload && wk.start <= mid && mid < wk.start.saturating_add(7.days()))
    };
    let target = volume::upper_back_target(profile.experience);
    let judged = volume
        .iter()
        .rev()
        .find(|v| w.week_complete(v.monday) && !deload(v.monday) && v.monday >= monday(profile.start));
    if let Some(v) = judged {
        let sets = trim(v.upper_back);
        if v.upper_back > target.cap {
            out.push(Notice::new(
                "B5",
                format!(
                    "{sets} hard upper-back sets in the week of {}: over the cap of {} a week. Keep to the planned \
                     sets; extra sets add fatigue faster than progress.",
                    v.monday, target.cap
                ),
            ));
        } else if v.upper_back > 0.0 && v.upper_back < target.low && all_done(v.monday) {
            out.push(Notice::new(
                "B5",
                format!(
                    "{sets} hard upper-back sets in the week of {}, under the {}-{} a week to work in: the plan \
                     adds them through progression, one rep or one set at a time (P1), not in jumps. Log every \
                     planned session so the steps can happen.",
                    v.monday, target.low, target.high
                ),
            ));
        }
    }

    // METHOD W6 and W2 over the last four weeks.
    let recent = volume::total(&volume[volume.len().saturating_sub(RECENT_WEEKS)..]);
    if let Some(ratio) = recent.pull_push().filter(|r| *r < 1.0) {
        out.push(Notice::new(
            "W6",
            format!(
                "Pull:push is {ratio:.2} over the last {RECENT_WEEKS} weeks ({} pulling against {} pressing sets): \
                 pulling sets should at least equal pressing sets. The plan's pulling stays as it is, so trim \
                 pressing sets or add a row to your other training.",
                trim(recent.pull),
                trim(recent.push)
            ),
        ));
    }
    if recent.vertical > recent.horizontal {
        out.push(Notice::new(
            "W2",
            format!(
                "More vertical than horizontal pulling over the last {RECENT_WEEKS} weeks ({} against {} sets): \
                 the plan keeps a row-emphasis day every week; do its rows first.",
                trim(recent.vertical),
                trim(recent.horizontal)
            ),
        ));
    }

    // METHOD A5 on the latest grip reading.
    if let Some(g) = assessments::grip_status(profile, log, w.to) {
        let action = "the plan adds carries or dead hangs and a one-arm row or a carry every week (A5) until a \
                      re-assessment shows it";
        if let (Some(true), Some(norm), Some(sex), Some(age)) =
            (g.finding.below_norm, g.finding.norm, profile.sex, profile.age)
        {
            out.push(Notice::new(
                "A5",
                format!(
                    "Grip {} (stronger hand, {}) is under the median of {} for a {age}-year-old {} ({}): {action}.",
                    mass(g.left.max(g.right), profile.units),
                    g.date,
                    mass(norm.p50, profile.units),
                    if sex == crate::vocab::Sex::Male { "man" } else { "woman" },
                    g.source
                ),
            ));
        }
        if g.finding.asymmetric {
            out.push(Notice::new(
                "A5",
                format!(
                    "Grip left {}, right {} ({}): a gap of {:.0}% of the stronger hand, over 10%: {action}.",
                    mass(g.left, profile.units),
                    mass(g.right, profile.units),
                    g.date,
                    g.finding.asymmetry * 100.0
                ),
            ));
        }
    }

    // METHOD K7 over the last four weeks with sessions planned.
    let planned: Vec<&adherence::WeekAdherence> = adherence.iter().filter(|a| a.planned > 0).collect();
    let recent = &planned[planned.len().saturating_sub(RECENT_WEEKS)..];
    // An extra day in one week does not make up for a missed one in another.
    let done: u32 = recent.iter().map(|a| a.done.min(a.planned)).sum();
    let due: u32 = recent.iter().map(|a| a.planned).sum();
    if due >= 2 && f64::from(done) < LOW_ADHERENCE * f64::from(due) {
        out.push(Notice::new(
            "K7",
            format!(
                "{done} of {due} planned sessions logged in the last {} weeks: progression steps only after a \
                 logged success (P1), so loads hold where they are. If the schedule is too much, lower \
                 days_per_week in your profile.",
                recent.len()
            ),
        ));
    }

    out.sort_by(|a, b| rule_order(&a.rule).cmp(&rule_order(&b.rule)).then_with(|| a.text.cmp(&b.text)));
    out.dedup();
    out
}

#[cfg(test)]
mod tests;
