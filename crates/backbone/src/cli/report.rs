//! `backbone report`: the progress report (CONTRACT "Reports"): KPIs with trends and what the engine
//! will do about them, as JSON, as a one-screen dashboard, and as SVG charts (`--charts DIR`).

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use backbone_core::adapt::adapt_served;
use backbone_core::analytics::{self, Calendar, Kpi, Report, Window};
use backbone_core::load::kg_to_lb;
use backbone_core::profile::Profile;
use backbone_core::vocab::Units;
use backbone_formats::svg::{self, Chart};

use super::{Globals, context, print_json};
use crate::failure::bad;
use crate::locale::DateStyle;
use crate::render;

/// The most weeks a report covers: ten years.
const MAX_WEEKS: i64 = 520;

#[derive(Debug, clap::Args)]
#[command(after_help = "Trends compare the last third of each series with the first third: up, flat (within 2%) or \
                        down. A trend is a direction, not a verdict: rising soreness is up.\n\
                        Each notice names the METHOD.md rule behind what the engine will do.")]
pub struct Args {
    /// How many ISO weeks to cover, this one included.
    #[arg(long, default_value_t = 12, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=MAX_WEEKS))]
    pub weeks: u32,
    /// Write one SVG chart per KPI into DIR (created when missing), named after the KPI id with ':' as '_'.
    #[arg(long, value_name = "DIR")]
    pub charts: Option<PathBuf>,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let store = context::open(globals)?;
    let profile = context::stored(&store)?;
    let today = context::today(globals);
    let sessions = store.sessions()?;
    let adapted = adapt_served(&profile, &sessions, &store.served()?, today)?;
    let window = Window::weeks_to(today, args.weeks);
    let mut report = analytics::report(&profile, &sessions, &adapted.plan, window);
    // Names as the screen shows them: nothing a terminal would act on, whenever they were stored.
    let customs: HashMap<String, String> = store
        .custom_exercises()?
        .into_iter()
        .map(|c| (c.id, backbone_core::valid::clean_text(&c.name, false)))
        .collect();
    name_customs(&mut report, &customs);
    let dates = DateStyle::from_env();
    let written = match &args.charts {
        Some(dir) => {
            let calendar = analytics::calendar(&adapted.plan, window);
            Some((dir, write_charts(&report, &calendar, &profile, dates, dir)?))
        }
        None => None,
    };
    if globals.json {
        return print_json(&report);
    }
    let mut out = crate::output::buffered();
    render::dashboard(&report, &profile, &customs, dates, &mut out)?;
    if let Some((dir, n)) = written {
        writeln!(out, "Wrote {n} charts to {}.", dir.display())?;
    }
    out.flush()?;
    Ok(())
}

/// A KPI id as a file name: ':' becomes '_' (CONTRACT ids are kebab-case words otherwise); anything
/// that could leave the folder or trouble a file system (an imported exercise's name) becomes '_' too.
pub fn file_name(id: &str) -> String {
    let safe: String =
        id.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' }).collect();
    format!("{}.svg", safe.trim_start_matches('.'))
}

/// Weekly KPIs are dated the Monday of their week.
fn weekly(id: &str) -> bool {
    id.starts_with("weekly_sets:")
        || matches!(id, "pull_push" | "horizontal_vertical" | "adherence" | "load" | "monotony" | "strain" | "prs")
}

/// Renders every chart first, then writes them, so a bad KPI cannot leave half a folder behind.
fn write_charts(
    report: &Report,
    calendar: &Calendar,
    profile: &Profile,
    dates: DateStyle,
    dir: &Path,
) -> anyhow::Result<usize> {
    let label = move |d| dates.short(d);
    let charts: Vec<(String, String)> = report
        .kpis
        .iter()
        .map(|k| {
            let (unit, value_unit, points) = display(k, profile.units);
            let chart = Chart {
                title: &k.name,
                unit,
                value_unit,
                x_label: if weekly(&k.id) { "week of (Monday)" } else { "date" },
                from: report.from,
                to: report.to,
                points: &points,
                zero_based: !matches!(k.unit, "kg" | "m/s" | "s" | "deg" | "h"),
                range: match k.unit {
                    "0-10" => Some((0.0, 10.0)),
                    "fraction" if k.id == "adherence" => Some((0.0, 100.0)),
                    "pass" => Some((0.0, 1.0)),
                    _ => None,
                },
                deloads: &calendar.deloads,
                block_starts: &calendar.block_starts,
                date_label: &label,
            };
            (file_name(&k.id), svg::render(&chart))
        })
        .collect();
    std::fs::create_dir_all(dir)
        .map_err(|e| bad(format!("{}: cannot create the charts folder: {e}", dir.display())))?;
    for (name, text) in &charts {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| anyhow::anyhow!("{}: cannot write the chart: {e}", path.display()))?;
    }
    Ok(charts.len())
}

/// The series as a person reads it: pounds for lb users, shares as percentages; with the axis's unit
/// and what follows a value.
fn display(k: &Kpi, units: Units) -> (&'static str, &'static str, Vec<(jiff::civil::Date, f64)>) {
    let (unit, after, scale): (&'static str, &'static str, fn(f64) -> f64) = match (k.unit, units) {
        ("kg", Units::Lb) => ("lb", " lb", |v| (kg_to_lb(v) * 10.0).round() / 10.0),
        ("fraction", _) => ("%", "%", |v| (v * 1000.0).round() / 10.0),
        ("0-10", _) => ("score 0-10", "/10", |v| v),
        ("ratio", _) => ("ratio", "", |v| v),
        ("pass", _) => ("1 = pass", "", |v| v),
        ("deg", _) => ("degrees", "°", |v| v),
        ("kg", _) => ("kg", " kg", |v| v),
        ("sets", _) => ("sets", " sets", |v| v),
        ("AU", _) => ("AU", " AU", |v| v),
        ("m/s", _) => ("m/s", " m/s", |v| v),
        ("h", _) => ("h", " h", |v| v),
        ("s", _) => ("s", " s", |v| v),
        ("records", _) => ("records", "", |v| v),
        (other, _) => (other, "", |v| v),
    };
    (unit, after, k.series.iter().map(|p| (p.date, scale(p.value))).collect())
}

/// A KPI of a custom exercise is named after it as the person's app named it ("Bench Press (Barbell)
/// e1RM"), not by its id; the core, which knows only the catalog, names it by id.
fn name_customs(report: &mut Report, customs: &HashMap<String, String>) {
    for kpi in &mut report.kpis {
        if let Some(rest) = kpi.name.strip_prefix(backbone_core::archive::CUSTOM_PREFIX) {
            let id_len = kpi.name.len() - rest.len() + rest.find(' ').unwrap_or(rest.len());
            if let Some(name) = customs.get(&kpi.name[..id_len]) {
                kpi.name = format!("{name}{}", &kpi.name[id_len..]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_replace_colons_and_anything_unsafe() {
        assert_eq!(file_name("e1rm:chest-supported-row"), "e1rm_chest-supported-row.svg");
        assert_eq!(file_name("weekly_sets:upper_back"), "weekly_sets_upper_back.svg");
        assert_eq!(file_name("e1rm:../Bench Press"), "e1rm_.._Bench_Press.svg");
        assert_eq!(file_name("adherence"), "adherence.svg");
    }
}
