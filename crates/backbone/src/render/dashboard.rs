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

/// The widest the KPI name column gets, and the narrowest.
const NAME_MAX: usize = 28;
const NAME_MIN: usize = 14;
/// Sparklines show at most this many values (longer series are averaged into this many buckets).
const SPARK: usize = 16;
/// Columns of a row besides the name and the sparkline: a space, the value (13), two spaces, the
/// arrow (5) and a space.
const ROW_FIXED: usize = 22;
/// Lines in "improved" and "stalled" before "and N more".
const LIST: usize = 5;
/// Fewer points than this say nothing about a direction.
const ENOUGH: usize = 3;

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// How the dashboard is laid out in `width` columns: the name column and the sparkline shrink to fit,
/// and text wraps between words, never inside one.
#[derive(Debug, Clone, Copy)]
struct Layout {
    width: usize,
    name: usize,
    spark: usize,
}

impl Layout {
    fn new(width: usize) -> Layout {
        // Names keep their room before the sparkline does; a sparkline of 8 still shows a direction.
        let name = width.saturating_sub(ROW_FIXED + 8).clamp(NAME_MIN, NAME_MAX);
        let spark = width.saturating_sub(ROW_FIXED + name).min(SPARK);
        Layout { width, name, spark }
    }
}

/// Who the dashboard is for and how it is shown.
pub struct Reader<'a> {
    /// `None` for someone who only imported: no name, no targets.
    pub profile: Option<&'a Profile>,
    pub units: Units,
    /// The catalog with the custom exercises that count, for the headline lifts.
    pub catalog: &'a Catalog,
    /// Custom exercises' names by id (imported names the catalog does not know).
    pub customs: &'a HashMap<String, String>,
    pub dates: DateStyle,
    /// Columns to lay out in (`output::width`).
    pub width: usize,
}

/// Writes the dashboard.
pub fn dashboard(report: &Report, reader: &Reader, out: &mut impl Write) -> anyhow::Result<()> {
    let Reader { profile, units, catalog, customs, dates, width } = *reader;
    let layout = Layout::new(width);
    let weeks = ((report.to - report.from).get_days() / 7) + 1;
    let (from, to) = (dates.format(report.from), dates.format(report.to));
    let title = match profile {
        Some(p) => format!("Progress for {}, {from} to {to} ({weeks} weeks)", p.name),
        None => format!("Progress from your log alone, {from} to {to} ({weeks} weeks)"),
    };
    wrap(out, "", &title, layout.width)?;
    writeln!(out)?;
    let header = format!("{} {:>13}  {:<5}", pad("", layout.name), "latest", "trend");
    let over = if header.len() + " over the period".len() <= layout.width { " over the period" } else { "" };
    writeln!(out, "{}{over}", if over.is_empty() { header.trim_end() } else { &header })?;
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
            row(k, label, units, layout, out)?;
        }
    }
    for k in main_lifts(report, catalog) {
        row(k, &k.name, units, layout, out)?;
    }
    match find(report, "pull_push") {
        Some(k) if !k.series.is_empty() => row(k, "Pull:push sets", units, layout, out)?,
        _ => writeln!(out, "{} {:>13}", pad("Pull:push sets", layout.name), "no pressing logged")?,
    }
    if let Some(k) = find(report, "horizontal_vertical").filter(|k| !k.series.is_empty()) {
        row(k, "Horizontal:vertical pulls", units, layout, out)?;
    }

    writeln!(out)?;
    records(report, units, customs, dates, layout, out)?;
    let (improved, stalled) = directions(report);
    list(out, "Improved (mean of the first third of the period -> of the last third)", &improved, units, layout)?;
    list(out, "Stalled or slipping", &stalled, units, layout)?;

    writeln!(out, "\nWhat the engine will do")?;
    if report.notices.is_empty() {
        writeln!(out, "  Nothing to change: keep training as planned.")?;
    }
    for n in &report.notices {
        wrap(out, &format!("  [{}] ", n.rule), &dates.localize(&n.text), layout.width)?;
    }
    writeln!(out)?;
    wrap(out, "", "`--json` has every KPI; `--charts DIR` draws each one.", layout.width)?;
    Ok(())
}

fn find<'r>(report: &'r Report, id: &str) -> Option<&'r Kpi> {
    report.kpis.iter().find(|k| k.id == id)
}

/// The method's headline lifts (METHOD K5, W2): a row, a vertical pull, a hinge and a carry, each the
/// most logged of its kind (e1RM, or the best set of a lift done for 11-20 reps), not whatever was
/// logged most (which can be an arm exercise from another app).
fn main_lifts<'r>(report: &'r Report, catalog: &Catalog) -> Vec<&'r Kpi> {
    use backbone_core::vocab::Pattern;
    let exercise = |k: &Kpi| {
        let id = k.id.strip_prefix("e1rm:").or_else(|| k.id.strip_prefix("best_reps:"))?;
        catalog.get(id).filter(|e| e.category.is_work())
    };
    let mut lifts = Vec::new();
    for family in [Pattern::HorizontalPull, Pattern::VerticalPull, Pattern::Hinge, Pattern::Carry] {
        let best = report
            .kpis
            .iter()
            .filter(|k| exercise(k).is_some_and(|e| e.patterns.first() == Some(&family)))
            .max_by(|a, b| a.series.len().cmp(&b.series.len()).then_with(|| b.id.cmp(&a.id)));
        lifts.extend(best);
    }
    lifts
}

fn row(k: &Kpi, label: &str, units: Units, layout: Layout, out: &mut impl Write) -> anyhow::Result<()> {
    let label = pad(&cut(label, layout.name), layout.name);
    let Some(latest) = k.latest() else {
        writeln!(out, "{label} {:>13}", "no data yet")?;
        return Ok(());
    };
    let arrow = if k.series.len() >= 2 { k.trend.arrow() } else { ' ' };
    let values: Vec<f64> = k.series.iter().map(|p| p.value).collect();
    let spark = sparkline(&values, layout.spark);
    writeln!(out, "{label} {:>13}  {arrow:<5} {spark}", value(k.unit, latest, units))?;
    Ok(())
}

/// `text` padded with spaces to `width` columns of display width (a name with "é" or a wide character
/// lines up as one of ASCII does).
fn pad(text: &str, width: usize) -> String {
    let shown = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(shown)))
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

/// At most `max` columns of display width, the last an ellipsis when cut.
fn cut(text: &str, max: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= max {
        return text.to_string();
    }
    let mut s = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        s.push(c);
        used += w;
    }
    s.push('…');
    s
}

/// ▁▂▃▄▅▆▇█ from the lowest value to the highest, at most `n` bars (long series averaged into `n`
/// buckets; none when `n` is 0: a narrow terminal drops it).
fn sparkline(values: &[f64], n: usize) -> String {
    if n == 0 {
        return String::new();
    }
    let values: Vec<f64> = if values.len() > n {
        (0..n)
            .map(|i| {
                let (a, b) = (i * values.len() / n, (i + 1) * values.len() / n);
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
    layout: Layout,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let catalog = Catalog::builtin();
    let n = report.records.len();
    // A weighted pull-up logs the load added to the body: "+10 kg", not a 10 kg pull-up.
    let added = |id: &str| if catalog.get(id).is_some_and(|e| e.adds_to_body) { "+" } else { "" };
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
                format!("{} reps at {}{} (was {})", r.value, added(&r.exercise), weight(kg, units), r.previous)
            }
            (RecordKind::Reps, None) => format!("{} reps (was {})", r.value, r.previous),
        };
        let first = format!("  {}: ", dates.format(r.date));
        wrap(out, &first, &format!("{name}, {what}"), layout.width)?;
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

fn list(out: &mut impl Write, title: &str, kpis: &[&Kpi], units: Units, layout: Layout) -> anyhow::Result<()> {
    writeln!(out)?;
    wrap(out, "", title, layout.width)?;
    if kpis.is_empty() {
        writeln!(out, "  nothing yet")?;
    }
    for k in kpis.iter().take(LIST) {
        let Some((first, last)) = k.thirds() else { continue };
        let flat = if k.trend == Trend::Flat { " (flat)" } else { "" };
        let (from, to) = (value(k.unit, first, units), value(k.unit, last, units));
        let first = format!("  {} ", k.trend.arrow());
        wrap(out, &first, &format!("{}: {from} -> {to}{flat}", k.name), layout.width)?;
    }
    if kpis.len() > LIST {
        writeln!(out, "  and {} more", kpis.len() - LIST)?;
    }
    Ok(())
}

/// Writes `text` in lines of at most `width` columns (display width), the first after `first`, the rest
/// indented under it; lines break between words only (a word longer than a line stands alone).
fn wrap(out: &mut impl Write, first: &str, text: &str, width: usize) -> anyhow::Result<()> {
    let indent = " ".repeat(unicode_width::UnicodeWidthStr::width(first));
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(&indent)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for line in textwrap::wrap(text, options) {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_span_low_to_high() {
        assert_eq!(sparkline(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0], SPARK), "▁▂▃▄▅▆▇█");
        assert_eq!(sparkline(&[5.0, 5.0], SPARK), "▄▄");
        assert_eq!(sparkline(&[], SPARK), "");
        // 32 values become 16 bars, or as few as the width leaves.
        let long: Vec<f64> = (0..32).map(f64::from).collect();
        assert_eq!(sparkline(&long, SPARK).chars().count(), 16);
        assert_eq!(sparkline(&long, 6).chars().count(), 6);
        assert_eq!(sparkline(&long, 0), "");
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
