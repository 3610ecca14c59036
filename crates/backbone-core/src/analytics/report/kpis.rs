//! The report's KPIs, one builder per kind of reading: ids, names and units as CONTRACT "Reports"
//! names them, values rounded for output, and the trend of each series.

use jiff::ToSpan;

use super::{Better, Kpi};
use crate::analytics::adherence::WeekAdherence;
use crate::analytics::assessments::Assessments;
use crate::analytics::session_load::WeekLoad;
use crate::analytics::speed::LiftSpeed;
use crate::analytics::strength::{Lift, Record};
use crate::analytics::trend::trend;
use crate::analytics::volume::WeekVolume;
use crate::analytics::wellness::Wellness;
use crate::analytics::{Point, Window};
use crate::catalog::Catalog;
use crate::profile::LeftRight;
use crate::vocab::{Muscle, PassFail};

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
        let partial_last = self.partial_last && values.len() > 1;
        let judged = if partial_last { &values[..values.len() - 1] } else { &values[..] };
        let trend = trend(judged);
        Kpi { id: self.id, name: self.name, unit: self.unit, trend, series, better: self.better, partial_last }
    }
}

/// The exercise's name, or its id for an exercise the catalog does not know.
fn name(catalog: &Catalog, id: &str) -> String {
    catalog.get(id).map_or_else(|| id.to_string(), |e| e.name.clone())
}

/// "latissimus_dorsi" -> "Latissimus dorsi".
fn words(word: &str) -> String {
    let spaced = word.replace('_', " ");
    let mut chars = spaced.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// `e1rm:<exercise id>`: the day's best estimate of each lift (METHOD K5).
pub fn strength(kpis: &mut Vec<Kpi>, lifts: &[Lift], catalog: &Catalog) {
    for lift in lifts {
        let id = format!("e1rm:{}", lift.exercise);
        let spec = Spec::new(id, format!("{} e1RM", name(catalog, lift.exercise)), "kg", Better::Higher, 1);
        kpis.push(spec.kpi(lift.points.iter().map(|p| Point { date: p.date, value: p.kg })));
    }
}

/// `best_reps:<exercise id>`: the most reps in a set of the day, for lifts done for 11-20 reps that have
/// no e1RM (METHOD S4, K5).
pub fn best_reps(kpis: &mut Vec<Kpi>, lifts: &[(&str, Vec<Point>)], catalog: &Catalog) {
    for (exercise, points) in lifts {
        let spec = Spec::new(
            format!("best_reps:{exercise}"),
            format!("{} best set", name(catalog, exercise)),
            "reps",
            Better::Higher,
            0,
        );
        kpis.push(spec.kpi(points.iter().copied()));
    }
}

/// `weekly_sets:upper_back` and `weekly_sets:<muscle>` for every muscle worked (K6), `pull_push` (W6)
/// and `horizontal_vertical` (W2), per ISO week dated the Monday. `running`: the last week is not over.
pub fn volume(kpis: &mut Vec<Kpi>, weeks: &[WeekVolume], running: bool) {
    let per_week = |f: &dyn Fn(&WeekVolume) -> Option<f64>| -> Vec<Point> {
        weeks.iter().filter_map(|v| f(v).map(|value| Point { date: v.monday, value })).collect()
    };
    let sets = Spec::new("weekly_sets:upper_back", "Upper-back hard sets per week", "sets", Better::Neither, 1);
    kpis.push(sets.partial(running).kpi(per_week(&|v| Some(v.upper_back))));
    for &m in Muscle::ALL {
        if weeks.iter().any(|v| v.muscle(m) > 0.0) {
            let name = format!("{} hard sets per week", words(m.as_str()));
            let spec = Spec::new(format!("weekly_sets:{m}"), name, "sets", Better::Neither, 1);
            kpis.push(spec.partial(running).kpi(per_week(&|v| Some(v.muscle(m)))));
        }
    }
    // No pressing logged: no ratio, so an empty series (the analytics' `None`).
    let pull_push = Spec::new("pull_push", "Pulling sets per pressing set", "ratio", Better::Neither, 2);
    kpis.push(pull_push.kpi(per_week(&|v| v.pull_push())));
    let hv = Spec::new("horizontal_vertical", "Horizontal per vertical pulling sets", "ratio", Better::Neither, 2);
    kpis.push(hv.kpi(per_week(&|v| v.horizontal_vertical())));
}

/// `grip:left`, `grip:right` (K1) and the gap between them; dead hang, thoracic rotation and the wall
/// angel test when they were measured (K8).
pub fn assessments(kpis: &mut Vec<Kpi>, readings: &Assessments) {
    let sides = |list: &[crate::analytics::assessments::Dated<LeftRight>], f: fn(&LeftRight) -> f64| -> Vec<Point> {
        list.iter().map(|r| Point { date: r.date, value: f(&r.value) }).collect()
    };
    let grip = &readings.grip_kg;
    kpis.push(Spec::new("grip:left", "Grip, left hand", "kg", Better::Higher, 1).kpi(sides(grip, |g| g.left)));
    kpis.push(Spec::new("grip:right", "Grip, right hand", "kg", Better::Higher, 1).kpi(sides(grip, |g| g.right)));
    if !grip.is_empty() {
        let gap = |g: &LeftRight| {
            let stronger = g.left.max(g.right);
            if stronger > 0.0 { (g.left - g.right).abs() / stronger } else { 0.0 }
        };
        let spec = Spec::new("grip:asymmetry", "Grip gap between hands", "fraction", Better::Lower, 3);
        kpis.push(spec.kpi(sides(grip, gap)));
    }
    if !readings.dead_hang_seconds.is_empty() {
        let series = readings.dead_hang_seconds.iter().map(|r| Point { date: r.date, value: r.value });
        kpis.push(Spec::new("dead_hang", "Dead hang", "s", Better::Higher, 0).kpi(series));
    }
    let thoracic = &readings.thoracic_rotation_deg;
    if !thoracic.is_empty() {
        let left = Spec::new("thoracic:left", "Thoracic rotation, left", "deg", Better::Higher, 0);
        kpis.push(left.kpi(sides(thoracic, |t| t.left)));
        let right = Spec::new("thoracic:right", "Thoracic rotation, right", "deg", Better::Higher, 0);
        kpis.push(right.kpi(sides(thoracic, |t| t.right)));
    }
    if !readings.wall_angel.is_empty() {
        let pass = |r: &PassFail| if *r == PassFail::Pass { 1.0 } else { 0.0 };
        let series = readings.wall_angel.iter().map(|r| Point { date: r.date, value: pass(&r.value) });
        kpis.push(Spec::new("wall_angel", "Wall angel test (1 = pass)", "pass", Better::Higher, 0).kpi(series));
    }
}

/// `bar_speed:<exercise id>` (K2) and the velocity lost within each session.
pub fn speed(kpis: &mut Vec<Kpi>, lifts: &[LiftSpeed], catalog: &Catalog) {
    for lift in lifts {
        let name = format!("{} bar speed", name(catalog, lift.exercise));
        let spec = Spec::new(format!("bar_speed:{}", lift.exercise), name, "m/s", Better::Higher, 3);
        kpis.push(spec.kpi(lift.points.iter().map(|p| Point { date: p.date, value: p.mean_mps })));
    }
    for lift in lifts {
        let losses: Vec<Point> =
            lift.points.iter().filter_map(|p| p.velocity_loss.map(|value| Point { date: p.date, value })).collect();
        if !losses.is_empty() {
            let name = format!("{} velocity loss in a session", name(catalog, lift.exercise));
            let spec = Spec::new(format!("velocity_loss:{}", lift.exercise), name, "fraction", Better::Neither, 3);
            kpis.push(spec.kpi(losses));
        }
    }
}

/// `adherence`: sessions done per planned, per ISO week (K7).
pub fn adherence(kpis: &mut Vec<Kpi>, weeks: &[WeekAdherence]) {
    let shares = weeks.iter().filter_map(|a| a.share().map(|value| Point { date: a.monday, value }));
    kpis.push(Spec::new("adherence", "Sessions done per planned", "fraction", Better::Higher, 2).kpi(shares));
}

/// `soreness`, `ache` and `sleep` (K4), and stress and energy when they were logged.
pub fn wellness(kpis: &mut Vec<Kpi>, well: &Wellness) {
    let series = |s: &[Point]| s.to_vec();
    kpis.push(Spec::new("soreness", "Soreness", "0-10", Better::Lower, 1).kpi(series(&well.soreness)));
    kpis.push(Spec::new("ache", "Everyday upper-back ache", "0-10", Better::Lower, 1).kpi(series(&well.ache)));
    kpis.push(Spec::new("sleep", "Sleep", "h", Better::Higher, 1).kpi(series(&well.sleep_hours)));
    if !well.stress.is_empty() {
        kpis.push(Spec::new("stress", "Stress", "0-10", Better::Lower, 1).kpi(series(&well.stress)));
    }
    if !well.energy.is_empty() {
        kpis.push(Spec::new("energy", "Energy", "0-10", Better::Higher, 1).kpi(series(&well.energy)));
    }
}

/// `load` (session RPE x minutes per week), `monotony` and `strain` (METHOD-SOURCES 3.3).
pub fn load(kpis: &mut Vec<Kpi>, weeks: &[WeekLoad], running: bool) {
    let loads = weeks.iter().map(|l| Point { date: l.monday, value: l.load });
    let load = Spec::new("load", "Session load per week (RPE x minutes)", "AU", Better::Neither, 0);
    kpis.push(load.partial(running).kpi(loads));
    let monotony = weeks.iter().filter_map(|l| l.monotony.map(|value| Point { date: l.monday, value }));
    kpis.push(Spec::new("monotony", "Monotony (mean / SD of daily load)", "ratio", Better::Neither, 2).kpi(monotony));
    let strain = weeks.iter().filter_map(|l| l.strain.map(|value| Point { date: l.monday, value }));
    kpis.push(Spec::new("strain", "Strain (weekly load x monotony)", "AU", Better::Neither, 0).kpi(strain));
}

/// `prs`: personal records set per ISO week of the tracked window.
pub fn records(kpis: &mut Vec<Kpi>, records: &[Record], tracked: Option<Window>, running: bool) {
    let mondays = tracked.map_or_else(Vec::new, |t| t.mondays());
    let prs = mondays.into_iter().map(|m| {
        let end = m.saturating_add(6.days());
        Point { date: m, value: records.iter().filter(|r| r.date >= m && r.date <= end).count() as f64 }
    });
    kpis.push(Spec::new("prs", "Personal records per week", "records", Better::Higher, 0).partial(running).kpi(prs));
}
