//! `backbone report`: the progress report (CONTRACT "Reports"): KPIs with trends and what the engine
//! will do about them, as JSON, as a one-screen dashboard, and as SVG charts (`--charts DIR`).

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use backbone_core::adapt::adapt_served;
use backbone_core::analytics::{self, Calendar, Coaching, Report, Window};
use backbone_core::catalog::Catalog;
use backbone_core::vocab::{Experience, Units};
use backbone_formats::svg;

use super::{Globals, context, print_json};
use crate::failure::bad;
use crate::render;
use backbone_formats::locale::DateStyle;

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
    let profile = store.profile()?.map(|p| p.profile);
    let today = context::today(globals);
    let sessions = store.sessions()?;
    if profile.is_none() && sessions.is_empty() {
        return Err(bad("nothing to report yet: no profile and no log; start with `backbone init`, or bring your \
                        history with `backbone import FILE`"));
    }
    // Without a profile the report is what the log alone allows (someone who only imported).
    let adapted = match &profile {
        Some(p) => Some(adapt_served(p, &sessions, &store.served()?, today)?),
        None => None,
    };
    let window = Window::weeks_to(today, args.weeks);
    // Names as the screen shows them: nothing a terminal would act on, whenever they were stored.
    let mut stored_customs = store.custom_exercises()?;
    for c in &mut stored_customs {
        c.name = backbone_core::valid::clean_text(&c.name, false);
    }
    let catalog = Catalog::builtin().with_customs(&stored_customs);
    let coaching = profile.as_ref().zip(adapted.as_ref()).map(|(profile, a)| Coaching { profile, plan: &a.plan });
    let mut report = analytics::report(coaching, &sessions, &catalog, window);
    let units = profile.as_ref().map_or(globals.settings.units.value, |p| p.units);
    let customs: HashMap<String, String> = stored_customs.into_iter().map(|c| (c.id, c.name)).collect();
    name_customs(&mut report, &customs);
    let dates = DateStyle::from_env();
    let written = match &args.charts {
        Some(dir) => {
            let calendar = adapted.as_ref().map(|a| analytics::calendar(&a.plan, window)).unwrap_or_default();
            let experience = profile.as_ref().map(|p| p.experience);
            Some((dir, write_charts(&report, &calendar, units, experience, dates, dir)?))
        }
        None => None,
    };
    if globals.json {
        return print_json(&report);
    }
    let mut out = crate::output::buffered();
    let width = crate::output::width();
    let reader =
        render::Reader { profile: profile.as_ref(), units, catalog: &catalog, customs: &customs, dates, width };
    render::dashboard(&report, &reader, &mut out)?;
    if let Some((dir, n)) = written {
        writeln!(
            out,
            "Wrote {n} charts to {}; open {} to see them all.",
            dir.display(),
            dir.join("index.html").display()
        )?;
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

/// Renders every chart first, then writes them, so a bad KPI cannot leave half a folder behind.
fn write_charts(
    report: &Report,
    calendar: &Calendar,
    units: Units,
    experience: Option<Experience>,
    dates: DateStyle,
    dir: &Path,
) -> anyhow::Result<usize> {
    let mut charts: Vec<(String, String)> = report
        .kpis
        .iter()
        .map(|k| (file_name(&k.id), svg::kpi_chart(k, report, calendar, units, dates, experience)))
        .collect();
    let listed: Vec<(&str, &str)> =
        report.kpis.iter().zip(&charts).map(|(k, (f, _))| (k.name.as_str(), f.as_str())).collect();
    let index = svg::index_html(report, &listed);
    charts.push(("index.html".into(), index));
    std::fs::create_dir_all(dir)
        .map_err(|e| bad(format!("{}: cannot create the charts folder: {e}", dir.display())))?;
    for (name, text) in &charts {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| anyhow::anyhow!("{}: cannot write the chart: {e}", path.display()))?;
    }
    // The index is a page, not a chart.
    Ok(charts.len() - 1)
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
