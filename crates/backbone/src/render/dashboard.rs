//! The progress report for people: one screen of headline KPIs with trend arrows and sparklines, what
//! improved, what stalled, and what the engine will do about it (METHOD K9).

use std::collections::HashMap;
use std::io::Write;

use backbone_core::analytics::report::Better;
use backbone_core::analytics::strength::RecordKind;
use backbone_core::analytics::volume::upper_back_target;
use backbone_core::analytics::{Kpi, Report, Trend};
use backbone_core::catalog::Catalog;
use backbone_core::profile::Profile;
use backbone_core::vocab::Units;

use super::weight;
use backbone_formats::locale::DateStyle;

/// Width of the KPI name column.
const NAME: usize = 28;
/// Sparklines show at most this many values (longer series are averaged into this many buckets).
const SPARK: usize = 16;
/// Lines in "improved" and "stalled" before "and N more".
const LIST: usize = 5;
/// Notices wrap at this width.
const WIDTH: usize = 100;
/// Fewer points than this say nothing about a direction.
const ENOUGH: usize = 3;

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Writes the dashboard.
/// `customs` names the custom exercises (imported names the catalog does not know) by id.
pub fn dashboard(
    report: &Report,
    profile: Option<&Profile>,
    units: Units,
    customs: &HashMap<String, String>,
    dates: DateStyle,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let weeks = ((report.to - report.from).get_days() / 7) + 1;
    let (from, to) = (dates.format(report.from), dates.format(report.to));
    match profile {
        Some(p) => writeln!(out, "Progress for {}, {from} to {to} ({weeks} weeks)", p.name)?,
        None => writeln!(out, "Progress from your log alone, {from} to {to} ({weeks} weeks)")?,
    }
    writeln!(out)?;
    writeln!(out, "{:<NAME$} {:>13}  {:<5} over the period", "", "latest", "trend")?;
    // The B5 band needs the person's experience, which only a profile gives.
    let upper = match profile.map(|p| upper_back_target(p.experience)) {
        Some(target) => format!("Upper-back sets/wk ({}-{})", target.low, target.high),
        None => "Upper-back sets/wk".to_string(),
    };
    let fixed: [(&str, String); 8] = [
        ("weekly_sets:upper_back", upper),
        ("adherence", "Sessions done/planned".into()),
        ("load", "Session load/wk".into()),
        ("soreness", "Soreness".into()),
        ("ache", "Everyday ache".into()),
        ("sleep", "Sleep".into()),
        ("grip:left", "Grip, left".into()),
        ("grip:right", "Grip, right".into()),
    ];
    for (id, label) in &fixed {
        if let Some(k) = find(report, id) {
            row(k, label, units, out)?;
        }
    }
    for k in main_lifts(report) {
        row(k, &k.name, units, out)?;
    }
    match find(report, "pull_push") {
        Some(k) if !k.series.is_empty() => row(k, "Pull:push sets", units, out)?,
        _ => writeln!(out, "{:<NAME$} {:>13}", "Pull:push sets", "no pressing logged")?,
    }
    if let Some(k) = find(report, "horizontal_vertical").filter(|k| !k.series.is_empty()) {
        row(k, "Horizontal:vertical pulls", units, out)?;
    }

    writeln!(out)?;
    records(report, units, customs, dates, out)?;
    let (improved, stalled) = directions(report);
    list(out, "Improved (mean of the first third of the period -> of the last third)", &improved, units)?;
    list(out, "Stalled or slipping", &stalled, units)?;

    writeln!(out, "\nWhat the engine will do")?;
    if report.notices.is_empty() {
        writeln!(out, "  Nothing to change: keep training as planned.")?;
    }
    for n in &report.notices {
        wrap(out, &format!("  [{}] ", n.rule), &dates.localize(&n.text), WIDTH)?;
    }
    writeln!(out, "\n`--json` has every KPI; `--charts DIR` draws each one.")?;
    Ok(())
}

fn find<'r>(report: &'r Report, id: &str) -> Option<&'r Kpi> {
    report.kpis.iter().find(|k| k.id == id)
}

/// Up to three e1RM KPIs, the most logged first: the main lifts (METHOD K5).
fn main_lifts(report: &Report) -> Vec<&Kpi> {
    let mut lifts: Vec<&Kpi> = report.kpis.iter().filter(|k| k.id.starts_with("e1rm:")).collect();
    lifts.sort_by(|a, b| b.series.len().cmp(&a.series.len()).then_with(|| a.id.cmp(&b.id)));
    lifts.truncate(3);
    lifts
}

fn row(k: &Kpi, label: &str, units: Units, out: &mut impl Write) -> anyhow::Result<()> {
    let label = cut(label, NAME);
    let Some(latest) = k.latest() else {
        writeln!(out, "{label:<NAME$} {:>13}", "no data yet")?;
        return Ok(());
    };
    let arrow = if k.series.len() >= 2 { k.trend.arrow() } else { ' ' };
    let values: Vec<f64> = k.series.iter().map(|p| p.value).collect();
    writeln!(out, "{label:<NAME$} {:>13}  {arrow:<5} {}", value(k.unit, latest, units), sparkline(&values))?;
    Ok(())
}

/// A value with its unit, in the person's units.
fn value(unit: &str, v: f64, units: Units) -> String {
    match unit {
        "kg" => weight(tenth(v), units),
        "fraction" => format!("{:.0}%", v * 100.0),
        "sets" => format!("{} sets", trim(v, 1)),
        "0-10" => format!("{}/10", trim(v, 1)),
        "h" => format!("{} h", trim(v, 1)),
        "AU" => format!("{v:.0}"),
        "ratio" => format!("{v:.2}"),
        "pass" => if v >= 1.0 { "pass" } else { "fail" }.to_string(),
        "deg" => format!("{v:.0}°"),
        other => format!("{} {other}", trim(v, 3)),
    }
}

fn trim(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s }
}

/// At most `max` characters, the last an ellipsis when cut.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max - 1).collect();
    s.push('…');
    s
}

/// ▁▂▃▄▅▆▇█ from the lowest value to the highest; long series averaged into `SPARK` buckets.
pub fn sparkline(values: &[f64]) -> String {
    let values: Vec<f64> = if values.len() > SPARK {
        (0..SPARK)
            .map(|i| {
                let (a, b) = (i * values.len() / SPARK, (i + 1) * values.len() / SPARK);
                values[a..b].iter().sum::<f64>() / (b - a) as f64
            })
            .collect()
    } else {
        values.to_vec()
    };
    let (lo, hi) = values.iter().fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    values
        .iter()
        .map(|v| {
            if hi - lo < 1e-9 {
                return BARS[3];
            }
            let i = ((v - lo) / (hi - lo) * 7.0).round() as usize;
            BARS[i.min(7)]
        })
        .collect()
}

/// The period's personal records: how many, and the latest few.
fn records(
    report: &Report,
    units: Units,
    customs: &HashMap<String, String>,
    dates: DateStyle,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let catalog = Catalog::builtin();
    let n = report.records.len();
    if n == 0 {
        writeln!(out, "Personal records: none in this period.")?;
        return Ok(());
    }
    writeln!(out, "Personal records: {n} in this period; the latest:")?;
    for r in report.records.iter().rev().take(3) {
        let name = match catalog.get(&r.exercise) {
            Some(e) => e.name.as_str(),
            None => customs.get(&r.exercise).map_or(r.exercise.as_str(), String::as_str),
        };
        let what = match (r.kind, r.load_kg) {
            (RecordKind::E1rm, _) => {
                format!("e1RM {} (was {})", weight(tenth(r.value), units), weight(tenth(r.previous), units))
            }
            (RecordKind::Reps, Some(kg)) => {
                format!("{} reps at {} (was {})", r.value, weight(kg, units), r.previous)
            }
            (RecordKind::Reps, None) => format!("{} reps (was {})", r.value, r.previous),
        };
        writeln!(out, "  {}: {name}, {what}", dates.format(r.date))?;
    }
    Ok(())
}

/// Estimates to 0.1 kg: more digits would claim a precision they do not have.
fn tenth(kg: f64) -> f64 {
    (kg * 10.0).round() / 10.0
}

/// KPIs moving the good way, and KPIs stalled or moving the bad way (an e1RM that is flat has stalled).
fn directions(report: &Report) -> (Vec<&Kpi>, Vec<&Kpi>) {
    let mut improved = Vec::new();
    let mut stalled = Vec::new();
    for k in report.kpis.iter().filter(|k| k.series.len() >= ENOUGH) {
        match (k.better, k.trend) {
            (Better::Higher, Trend::Up) | (Better::Lower, Trend::Down) => improved.push(k),
            (Better::Higher, Trend::Down) | (Better::Lower, Trend::Up) => stalled.push(k),
            (Better::Higher, Trend::Flat) if k.id.starts_with("e1rm:") => stalled.push(k),
            _ => {}
        }
    }
    (improved, stalled)
}

fn list(out: &mut impl Write, title: &str, kpis: &[&Kpi], units: Units) -> anyhow::Result<()> {
    writeln!(out, "\n{title}")?;
    if kpis.is_empty() {
        writeln!(out, "  nothing yet")?;
    }
    for k in kpis.iter().take(LIST) {
        let Some((first, last)) = k.thirds() else { continue };
        let flat = if k.trend == Trend::Flat { " (flat)" } else { "" };
        let (from, to) = (value(k.unit, first, units), value(k.unit, last, units));
        writeln!(out, "  {} {}: {from} -> {to}{flat}", k.trend.arrow(), k.name)?;
    }
    if kpis.len() > LIST {
        writeln!(out, "  and {} more", kpis.len() - LIST)?;
    }
    Ok(())
}

/// Writes `text` as lines of at most `width` characters, the first after `first`, the rest indented.
fn wrap(out: &mut impl Write, first: &str, text: &str, width: usize) -> anyhow::Result<()> {
    let indent = " ".repeat(first.chars().count());
    let mut line = first.to_string();
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > width {
            writeln!(out, "{line}")?;
            line = indent.clone();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    writeln!(out, "{line}")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_span_low_to_high() {
        assert_eq!(sparkline(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]), "▁▂▃▄▅▆▇█");
        assert_eq!(sparkline(&[5.0, 5.0]), "▄▄");
        assert_eq!(sparkline(&[]), "");
        // 32 values become 16 bars.
        let long: Vec<f64> = (0..32).map(f64::from).collect();
        assert_eq!(sparkline(&long).chars().count(), 16);
    }

    #[test]
    fn values_in_the_persons_units() {
        assert_eq!(value("kg", 100.0, Units::Lb), "220.5 lb");
        assert_eq!(value("fraction", 0.666, Units::Kg), "67%");
        assert_eq!(value("sets", 14.5, Units::Kg), "14.5 sets");
        assert_eq!(value("0-10", 3.0, Units::Kg), "3/10");
        assert_eq!(value("m/s", 0.578, Units::Kg), "0.578 m/s");
    }

    #[test]
    fn notices_wrap_under_their_rule() {
        let mut out = Vec::new();
        wrap(&mut out, "  [R1] ", "one two three four five six", 20).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "  [R1] one two three\n       four five six\n");
    }
}
