//! SVG charts for the progress report (METHOD K9): one series over dates, with deload weeks shaded and
//! a thin line at each block start, axes and units labelled. Weekly counts (sets, records) are bars,
//! with the B5 target band where there is one; continuous measures are lines, broken where a week has
//! no data; personal records are marked; the year shows when the range crosses one.
//!
//! A small hand-written writer rather than a plotting crate (DESIGN.md allows either): the charts are
//! simple and the build stays lean. The chart scales with its container (`viewBox`, `width="100%"`);
//! sizes are chosen so that text stays legible on a 360 px phone screen, where one unit of the 600-unit
//! view box is 0.6 px: 20-unit labels show at 12 px. Every piece of text is escaped.

use std::fmt::Write as _;
use std::io;

use jiff::civil::Date;

/// One KPI of a report as a chart, in the person's units and date style: pounds for lb users, shares as
/// percentages, weekly KPIs dated the Monday of their week, deload weeks and block starts from `calendar`,
/// the B5 band on the upper back's weekly sets when the person's `experience` is known.
pub fn kpi_chart(
    k: &backbone_core::analytics::Kpi,
    report: &backbone_core::analytics::Report,
    calendar: &backbone_core::analytics::Calendar,
    units: backbone_core::vocab::Units,
    dates: crate::locale::DateStyle,
    experience: Option<backbone_core::vocab::Experience>,
) -> String {
    let label = move |d| dates.short(d);
    let (unit, value_unit, points) = display(k, units);
    let markers = record_dates(k, report);
    let band = experience.filter(|_| k.id == "weekly_sets:upper_back").map(|e| {
        let t = backbone_core::analytics::volume::upper_back_target(e);
        (t.low, t.high)
    });
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
        bars: is_count(&k.id),
        integer: matches!(k.unit, "records" | "reps"),
        band,
        markers: &markers,
    };
    render(&chart)
}

/// A page that shows every chart written beside it: `charts` are (title, file name) in report order.
/// Plain HTML with no outside asset, dates in ISO 8601 (a file, not a screen).
pub fn index_html(report: &backbone_core::analytics::Report, charts: &[(&str, &str)]) -> String {
    let mut s = String::with_capacity(1024 + charts.len() * 160);
    let period = format!("{} to {}", report.from, report.to);
    let _ = write!(
        s,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>backbone progress, {period}</title>\n<style>body{{font-family:system-ui,sans-serif;margin:1rem;color:#1f2937}}main{{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,420px),1fr));gap:1rem}}figure{{margin:0}}img{{width:100%;height:auto;border:1px solid #e5e7eb}}figcaption{{font-size:.9rem;color:#4b5563}}</style>\n</head>\n<body>\n<h1>Progress, {period}</h1>\n<p>{} charts. Shaded weeks are deloads, dashed lines block starts, the green band the weekly target (METHOD B5), diamonds personal records.</p>\n<main>",
        charts.len()
    );
    for (title, file) in charts {
        let (title, file) = (escape(title), escape(file));
        let _ = write!(
            s,
            "\n<figure><a href=\"{file}\"><img src=\"{file}\" alt=\"{title}\" loading=\"lazy\"></a><figcaption>{title}</figcaption></figure>"
        );
    }
    s.push_str("\n</main>\n</body>\n</html>\n");
    s
}

/// Weekly counts, drawn as bars: a week is a quantity, not a point on a curve.
fn is_count(id: &str) -> bool {
    id.starts_with("weekly_sets:") || id == "prs"
}

/// Days a personal record was set on this KPI's lift (e1RM records on `e1rm:`, rep records on
/// `best_reps:`).
fn record_dates(k: &backbone_core::analytics::Kpi, report: &backbone_core::analytics::Report) -> Vec<Date> {
    use backbone_core::analytics::strength::RecordKind;
    let (kind, exercise) = match k.id.split_once(':') {
        Some(("e1rm", ex)) => (RecordKind::E1rm, ex),
        Some(("best_reps", ex)) => (RecordKind::Reps, ex),
        _ => return Vec::new(),
    };
    let mut days: Vec<Date> =
        report.records.iter().filter(|r| r.kind == kind && r.exercise == exercise).map(|r| r.date).collect();
    days.dedup();
    days
}

/// Weekly KPIs are dated the Monday of their week.
fn weekly(id: &str) -> bool {
    id.starts_with("weekly_sets:")
        || matches!(id, "pull_push" | "horizontal_vertical" | "adherence" | "load" | "monotony" | "strain" | "prs")
}

/// The series as a person reads it: pounds for lb users, shares as percentages; with the axis's unit
/// and what follows a value.
fn display(
    k: &backbone_core::analytics::Kpi,
    units: backbone_core::vocab::Units,
) -> (&'static str, &'static str, Vec<(Date, f64)>) {
    use backbone_core::load::kg_to_lb;
    use backbone_core::vocab::Units;
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
        ("reps", _) => ("reps", " reps", |v| v),
        (other, _) => (other, "", |v| v),
    };
    (unit, after, k.series.iter().map(|p| (p.date, scale(p.value))).collect())
}

/// The view box: 600 x 400 units.
const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 400.0;
/// The plot area's margins: room for the title and legend above, tick labels left and below.
const LEFT: f64 = 72.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 100.0;
const BOTTOM: f64 = 62.0;
/// Font sizes in view-box units (x 0.6 on a 360 px screen).
const TITLE_SIZE: u32 = 24;
const LABEL_SIZE: u32 = 20;
const SMALL_SIZE: u32 = 18;
/// Titles longer than this are cut with an ellipsis so they stay inside the chart.
const TITLE_CHARS: usize = 44;
/// Above this many points, dots would crowd the line; only the last point keeps one.
const MAX_DOTS: usize = 40;

const INK: &str = "#1f2937";
const MUTED: &str = "#4b5563";
const GRID: &str = "#e5e7eb";
const LINE: &str = "#1d4ed8";
const DELOAD: &str = "#fde3c2";
const BLOCK: &str = "#6b7280";
const BAND: &str = "#d1fae5";
const BAND_EDGE: &str = "#059669";
const RECORD: &str = "#b45309";
/// A week's bar takes this share of the week's width.
const BAR_SHARE: f64 = 0.7;

/// What to draw.
pub struct Chart<'a> {
    pub title: &'a str,
    /// The y axis's unit, written above it ("kg", "sets", "score 0-10").
    pub unit: &'a str,
    /// What follows the latest value under the title, spacing included (" kg", "%", "/10").
    pub value_unit: &'a str,
    /// What the x axis shows ("date", "week of").
    pub x_label: &'a str,
    /// The first and last day of the x axis.
    pub from: Date,
    pub to: Date,
    /// The series in date order.
    pub points: &'a [(Date, f64)],
    /// Start the y axis at 0 (counts, shares) rather than near the lowest value (e1RM, grip).
    pub zero_based: bool,
    /// The whole scale of a bounded measure (0-10 scores, 0-100%), shown in full whatever the data.
    pub range: Option<(f64, f64)>,
    /// Deload weeks: first day and the day after the last.
    pub deloads: &'a [(Date, Date)],
    /// First days of blocks, with the block's number.
    pub block_starts: &'a [(Date, u32)],
    /// How a date is written on the x axis (the user's locale).
    pub date_label: &'a dyn Fn(Date) -> String,
    /// Draw each point as a week's bar (counts per week) rather than a line.
    pub bars: bool,
    /// Whole numbers only on the y axis (records, reps): no "0.25 records".
    pub integer: bool,
    /// A target band to draw behind the data (METHOD B5's weekly sets), low and high.
    pub band: Option<(f64, f64)>,
    /// Days a personal record was set, marked on the series.
    pub markers: &'a [Date],
}

/// Writes the chart as a standalone SVG document.
pub fn write_chart(chart: &Chart, out: &mut impl io::Write) -> io::Result<()> {
    out.write_all(render(chart).as_bytes())
}

/// The chart as an SVG document.
pub fn render(chart: &Chart) -> String {
    let mut s = String::with_capacity(8 * 1024);
    // `write!` into a String cannot fail; the results are ignored for that reason.
    let x = XScale::new(chart.from, chart.to);
    let pts: Vec<(Date, f64)> =
        chart.points.iter().copied().filter(|p| p.1.is_finite() && p.0 >= chart.from && p.0 <= chart.to).collect();
    let mut values: Vec<f64> = pts.iter().map(|p| p.1).collect();
    if let Some((lo, hi)) = chart.band.filter(|_| !values.is_empty()) {
        values.extend([lo, hi]);
    }
    let y = YScale::new(&values, chart.zero_based, chart.range, chart.integer);
    head(chart, &mut s);
    legend(chart, &x, &mut s);
    let (top, bottom) = (TOP, HEIGHT - BOTTOM);
    calendar_marks(chart, &x, &mut s);
    years(chart, &x, &mut s);
    if pts.is_empty() {
        // No axis is invented for nothing: the frame and a sentence.
        axes(chart, &x, &mut s);
        let _ = write!(
            s,
            "\n<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{LABEL_SIZE}\" text-anchor=\"middle\" fill=\"{MUTED}\">No data in this period</text>",
            (LEFT + WIDTH - RIGHT) / 2.0,
            (top + bottom) / 2.0
        );
        s.push_str("\n</svg>\n");
        return s;
    }
    if let Some(band) = chart.band {
        target_band(band, &y, &mut s);
    }
    y_axis(chart, &y, &mut s);
    axes(chart, &x, &mut s);
    if chart.bars {
        bars(&pts, &x, &y, &mut s);
    } else {
        line(&pts, &x, &y, &mut s);
    }
    records(chart, &pts, &x, &y, &mut s);
    latest(chart, pts[pts.len() - 1], &mut s);
    s.push_str("\n</svg>\n");
    s
}

/// The document's opening, its accessible title and description, the background and the title.
fn head(chart: &Chart, s: &mut String) {
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" aria-labelledby="title desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">"#
    );
    let _ = write!(s, "\n<title id=\"title\">{}</title>", escape(chart.title));
    let band =
        chart.band.map_or(String::new(), |(lo, hi)| format!("; target {} to {} a week", number(lo, 1), number(hi, 1)));
    let _ = write!(
        s,
        "\n<desc id=\"desc\">{}, {} from {} to {}; {} points{band}.</desc>",
        escape(chart.title),
        escape(chart.unit),
        chart.from,
        chart.to,
        chart.points.len()
    );
    let _ = write!(s, "\n<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>");
    let _ = write!(
        s,
        "\n<text x=\"16\" y=\"34\" font-size=\"{TITLE_SIZE}\" font-weight=\"600\" fill=\"{INK}\">{}</text>",
        escape(&shorten(chart.title, TITLE_CHARS))
    );
}

/// Deload weeks shaded behind everything else, then a dashed line at each block start with its label,
/// kept inside the plot (to the line's left near the right edge).
fn calendar_marks(chart: &Chart, x: &XScale, s: &mut String) {
    let (top, bottom) = (TOP, HEIGHT - BOTTOM);
    for &(start, end) in chart.deloads {
        // `end` is the day after the deload: its left edge is the deload's right edge.
        let (a, b) = (x.at(start.max(chart.from)), x.at(end.min(x.end)));
        if b > a {
            let _ = write!(
                s,
                "\n<rect x=\"{a:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{DELOAD}\"><title>deload week from {start}</title></rect>",
                b - a,
                bottom - top
            );
        }
    }
    for &(start, block) in chart.block_starts {
        if start < chart.from || start > chart.to {
            continue;
        }
        let bx = x.at(start);
        let _ = write!(
            s,
            "\n<line x1=\"{bx:.1}\" y1=\"{top:.1}\" x2=\"{bx:.1}\" y2=\"{bottom:.1}\" stroke=\"{BLOCK}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>"
        );
        let label = format!("B{block}");
        let (lx, anchor) = inside(bx, &label, SMALL_SIZE);
        let _ = write!(
            s,
            "\n<text x=\"{lx:.1}\" y=\"{:.1}\" font-size=\"{SMALL_SIZE}\" text-anchor=\"{anchor}\" fill=\"{MUTED}\" stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\">{label}</text>",
            top + 18.0
        );
    }
}

/// Where a label beside a vertical line at `at` goes so that it stays in the plot: right of the line,
/// or left of it when it would run past the right edge.
fn inside(at: f64, label: &str, size: u32) -> (f64, &'static str) {
    // Sans-serif digits and capitals are about 0.62 of the font size wide.
    let width = label.chars().count() as f64 * f64::from(size) * 0.62;
    if at + 4.0 + width > WIDTH - RIGHT { (at - 4.0, "end") } else { (at + 4.0, "start") }
}

/// When the range crosses a year: a faint line on each 1 January in it, labelled with the year.
fn years(chart: &Chart, x: &XScale, s: &mut String) {
    if chart.from.year() == chart.to.year() {
        return;
    }
    let bottom = HEIGHT - BOTTOM;
    for year in chart.from.year() + 1..=chart.to.year() {
        let Ok(first) = Date::new(year, 1, 1) else { continue };
        let jx = x.at(first);
        let label = year.to_string();
        let (lx, anchor) = inside(jx, &label, SMALL_SIZE);
        let _ = write!(
            s,
            "\n<line x1=\"{jx:.1}\" y1=\"{TOP:.1}\" x2=\"{jx:.1}\" y2=\"{bottom:.1}\" stroke=\"{GRID}\" stroke-width=\"2\"/>\n<text x=\"{lx:.1}\" y=\"{:.1}\" font-size=\"{SMALL_SIZE}\" text-anchor=\"{anchor}\" fill=\"{MUTED}\" stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\">{label}</text>",
            bottom - 8.0
        );
    }
}

/// The target band, behind the data, edged top and bottom.
fn target_band((lo, hi): (f64, f64), y: &YScale, s: &mut String) {
    let (a, b) = (y.at(hi), y.at(lo));
    let right = WIDTH - RIGHT;
    let _ = write!(
        s,
        "\n<rect x=\"{LEFT}\" y=\"{a:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{BAND}\"><title>target: {} to {} a week (METHOD B5)</title></rect>",
        right - LEFT,
        b - a,
        number(lo, 1),
        number(hi, 1)
    );
    for edge in [a, b] {
        let _ = write!(
            s,
            "\n<line x1=\"{LEFT}\" y1=\"{edge:.1}\" x2=\"{right:.1}\" y2=\"{edge:.1}\" stroke=\"{BAND_EDGE}\" stroke-width=\"1\" stroke-dasharray=\"2 3\"/>"
        );
    }
}

/// Grid lines, y tick labels and the unit (from the left edge, so a long unit is not cut).
fn y_axis(chart: &Chart, y: &YScale, s: &mut String) {
    for (v, label) in y.ticks() {
        let ty = y.at(v);
        let _ = write!(
            s,
            "\n<line x1=\"{LEFT}\" y1=\"{ty:.1}\" x2=\"{:.1}\" y2=\"{ty:.1}\" stroke=\"{GRID}\" stroke-width=\"1\"/>",
            WIDTH - RIGHT
        );
        let _ = write!(
            s,
            "\n<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{LABEL_SIZE}\" text-anchor=\"end\" fill=\"{MUTED}\">{}</text>",
            LEFT - 8.0,
            ty + 7.0,
            escape(&label)
        );
    }
    let _ = write!(
        s,
        "\n<text x=\"16\" y=\"{:.1}\" font-size=\"{LABEL_SIZE}\" fill=\"{INK}\">{}</text>",
        TOP - 12.0,
        escape(chart.unit)
    );
}

/// The axes, the date ticks and the x label (with the years when the range crosses one).
fn axes(chart: &Chart, x: &XScale, s: &mut String) {
    let (top, bottom) = (TOP, HEIGHT - BOTTOM);
    let _ = write!(
        s,
        "\n<path d=\"M{LEFT} {top:.1}V{bottom:.1}H{:.1}\" fill=\"none\" stroke=\"{INK}\" stroke-width=\"1.5\"/>",
        WIDTH - RIGHT
    );
    for d in x.ticks() {
        let tx = x.at(d);
        let _ = write!(
            s,
            "\n<line x1=\"{tx:.1}\" y1=\"{bottom:.1}\" x2=\"{tx:.1}\" y2=\"{:.1}\" stroke=\"{INK}\" stroke-width=\"1.5\"/>",
            bottom + 6.0
        );
        let _ = write!(
            s,
            "\n<text x=\"{tx:.1}\" y=\"{:.1}\" font-size=\"{LABEL_SIZE}\" text-anchor=\"middle\" fill=\"{MUTED}\">{}</text>",
            bottom + 28.0,
            escape(&(chart.date_label)(d))
        );
    }
    let x_label = if chart.from.year() == chart.to.year() {
        format!("{}, {}", chart.x_label, chart.from.year())
    } else {
        format!("{}, {}-{}", chart.x_label, chart.from.year(), chart.to.year())
    };
    let _ = write!(
        s,
        "\n<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{SMALL_SIZE}\" text-anchor=\"end\" fill=\"{MUTED}\">{}</text>",
        WIDTH - RIGHT,
        HEIGHT - 6.0,
        escape(&x_label)
    );
}

/// A continuous measure: a line through its points, broken where a whole ISO week has no data (no line
/// drawn across weeks nothing was measured), with a dot on each point when there are few.
fn line(pts: &[(Date, f64)], x: &XScale, y: &YScale, s: &mut String) {
    for run in segments(pts) {
        if run.len() > 1 {
            let path: Vec<String> = run.iter().map(|&(d, v)| format!("{:.1},{:.1}", x.at(d), y.at(v))).collect();
            let _ = write!(
                s,
                "\n<polyline points=\"{}\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"3\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>",
                path.join(" ")
            );
        }
    }
    let dots = if pts.len() <= MAX_DOTS { pts } else { &pts[pts.len() - 1..] };
    for &(d, v) in dots {
        let _ = write!(s, "\n<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4.5\" fill=\"{LINE}\"/>", x.at(d), y.at(v));
    }
}

/// The points in runs with no empty ISO week between neighbours.
fn segments(pts: &[(Date, f64)]) -> Vec<&[(Date, f64)]> {
    let monday = |d: Date| d.saturating_sub(jiff::Span::new().days(i64::from(d.weekday().to_monday_zero_offset())));
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..pts.len() {
        if (monday(pts[i].0) - monday(pts[i - 1].0)).get_days() > 7 {
            out.push(&pts[start..i]);
            start = i;
        }
    }
    if !pts.is_empty() {
        out.push(&pts[start..]);
    }
    out
}

/// A weekly count: one bar per week from zero, centred in the week its Monday starts.
fn bars(pts: &[(Date, f64)], x: &XScale, y: &YScale, s: &mut String) {
    let week = (x.at(x.from.saturating_add(jiff::Span::new().days(7))) - x.at(x.from)).max(1.0);
    let width = week * BAR_SHARE;
    let base = y.at(0.0f64.max(y.lo));
    for &(d, v) in pts {
        let left = x.at(d) + (week - width) / 2.0;
        let right = (left + width).min(WIDTH - RIGHT);
        let top = y.at(v);
        let (yy, h) = if top <= base { (top, base - top) } else { (base, top - base) };
        let _ = write!(
            s,
            "\n<rect x=\"{left:.1}\" y=\"{yy:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"{LINE}\"><title>week of {d}: {}</title></rect>",
            (right - left).max(1.0),
            number(v, 2)
        );
    }
}

/// A marker over each point on a day a personal record was set.
fn records(chart: &Chart, pts: &[(Date, f64)], x: &XScale, y: &YScale, s: &mut String) {
    for &(d, v) in pts.iter().filter(|p| chart.markers.contains(&p.0)) {
        let (px, py) = (x.at(d), y.at(v) - 12.0);
        let _ = write!(
            s,
            "\n<path d=\"M{px:.1} {:.1}L{:.1} {py:.1}L{px:.1} {:.1}L{:.1} {py:.1}Z\" fill=\"{RECORD}\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>personal record on {d}</title></path>",
            py - 8.0,
            px + 7.0,
            py + 8.0,
            px - 7.0
        );
    }
}

/// The latest value under the title, where a reader looks first (beside the point it would collide
/// with the line). Values come rounded for output already; three decimals keep what is there (0.578 m/s,
/// 31.25 kg).
fn latest(chart: &Chart, (date, value): (Date, f64), s: &mut String) {
    let _ = write!(
        s,
        "\n<text x=\"16\" y=\"62\" font-size=\"{LABEL_SIZE}\" fill=\"{MUTED}\">latest <tspan font-weight=\"600\" fill=\"{LINE}\">{}{}</tspan> ({})</text>",
        escape(&number(value, 3)),
        escape(chart.value_unit),
        escape(&(chart.date_label)(date))
    );
}

/// The key to the shading and the dashed lines, top right, when the chart has either.
fn legend(chart: &Chart, x: &XScale, s: &mut String) {
    let has_deload = chart.deloads.iter().any(|&(a, b)| b > chart.from && a <= x.end);
    let has_block = chart.block_starts.iter().any(|&(d, _)| d >= chart.from && d <= chart.to);
    let mut right = WIDTH - RIGHT;
    let y = 62.0;
    // A second row, just above the plot: the band's and the records' keys.
    let mut r2 = WIDTH - RIGHT;
    let y2 = TOP - 12.0;
    if chart.band.is_some() && !chart.points.is_empty() {
        let _ = write!(
            s,
            "\n<text x=\"{r2:.1}\" y=\"{y2:.1}\" font-size=\"{SMALL_SIZE}\" text-anchor=\"end\" fill=\"{MUTED}\">target band</text>\n<rect x=\"{:.1}\" y=\"{:.1}\" width=\"18\" height=\"18\" fill=\"{BAND}\" stroke=\"{BAND_EDGE}\"/>",
            r2 - 130.0,
            y2 - 15.0
        );
        r2 -= 150.0;
    }
    if !chart.markers.is_empty() {
        let _ = write!(
            s,
            "\n<text x=\"{r2:.1}\" y=\"{y2:.1}\" font-size=\"{SMALL_SIZE}\" text-anchor=\"end\" fill=\"{RECORD}\">◆ record</text>"
        );
    }
    if has_block {
        let _ = write!(
            s,
            "\n<text x=\"{right:.1}\" y=\"{y:.1}\" font-size=\"{SMALL_SIZE}\" text-anchor=\"end\" fill=\"{MUTED}\">block start</text>"
        );
        right -= 112.0;
        let _ = write!(
            s,
            "\n<line x1=\"{right:.1}\" y1=\"{:.1}\" x2=\"{right:.1}\" y2=\"{:.1}\" stroke=\"{BLOCK}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>",
            y - 16.0,
            y + 4.0
        );
        right -= 16.0;
    }
    if has_deload {
        let _ = write!(
            s,
            "\n<text x=\"{right:.1}\" y=\"{y:.1}\" font-size=\"{SMALL_SIZE}\" text-anchor=\"end\" fill=\"{MUTED}\">deload week</text>"
        );
        right -= 122.0;
        let _ = write!(
            s,
            "\n<rect x=\"{:.1}\" y=\"{:.1}\" width=\"18\" height=\"18\" fill=\"{DELOAD}\" stroke=\"#e0b98a\"/>",
            right - 18.0,
            y - 15.0
        );
    }
}

/// Dates to x: each day is a slot, `to` included.
struct XScale {
    from: Date,
    /// The day after `to`: the right edge.
    end: Date,
    days: f64,
}

impl XScale {
    fn new(from: Date, to: Date) -> XScale {
        let to = to.max(from);
        let end = to.tomorrow().unwrap_or(to);
        let days = f64::from((end - from).get_days().max(1));
        XScale { from, end, days }
    }

    /// The left edge of a day.
    fn at(&self, d: Date) -> f64 {
        let offset = f64::from((d - self.from).get_days());
        LEFT + (WIDTH - LEFT - RIGHT) * (offset / self.days).clamp(0.0, 1.0)
    }

    /// Mondays (or, for spans under two weeks, the first day) at most five apart on the axis.
    fn ticks(&self) -> Vec<Date> {
        let weeks = (self.days / 7.0).ceil().max(1.0);
        let every = (weeks / 5.0).ceil().max(1.0) as i64;
        let offset = i64::from(self.from.weekday().to_monday_zero_offset());
        let mut d = if offset == 0 { self.from } else { self.from.saturating_add(jiff::Span::new().days(7 - offset)) };
        let mut out = Vec::new();
        while d < self.end {
            out.push(d);
            let next = d.saturating_add(jiff::Span::new().days(7 * every));
            if next == d {
                break;
            }
            d = next;
        }
        if out.is_empty() {
            out.push(self.from);
        }
        out
    }
}

/// Values to y, with round tick steps.
struct YScale {
    lo: f64,
    hi: f64,
    step: f64,
    decimals: usize,
}

impl YScale {
    fn new(values: &[f64], zero_based: bool, range: Option<(f64, f64)>, integer: bool) -> YScale {
        let (mut min, mut max) = values.iter().fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
        if values.is_empty() {
            (min, max) = (0.0, 1.0);
        }
        if let Some((lo, hi)) = range {
            // The whole scale, widened only if the data go past it.
            (min, max) = (min.min(lo), max.max(hi));
        } else if zero_based {
            min = min.min(0.0);
            max = max.max(0.0);
        }
        if max - min < 1e-9 {
            let pad = if max.abs() > 1e-9 { max.abs() * 0.1 } else { 1.0 };
            (min, max) = (if zero_based && min >= 0.0 { 0.0 } else { min - pad }, max + pad);
        } else if !zero_based && range.is_none() {
            // Room around the data, and at least 5% of its size, so that 44 -> 46 kg of grip does not
            // fill the plot as if it had doubled.
            let pad = ((max - min) * 0.15).max(max.abs().max(min.abs()) * 0.05);
            (min, max) = (min - pad, max + pad);
        }
        let step = nice_step(max - min, 4);
        // A count has no quarter records: whole steps.
        let step = if integer { step.max(1.0).ceil() } else { step };
        let lo = (min / step).floor() * step;
        let hi = ((max / step).ceil() * step).max(lo + step);
        YScale { lo, hi, step, decimals: decimals(step) }
    }

    fn at(&self, v: f64) -> f64 {
        let t = ((v - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0);
        HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * t
    }

    fn ticks(&self) -> Vec<(f64, String)> {
        let n = ((self.hi - self.lo) / self.step).round() as usize;
        (0..=n).map(|i| self.lo + self.step * i as f64).map(|v| (v, number(v, self.decimals))).collect()
    }
}

/// A round step (1, 2, 2.5 or 5 times a power of ten) giving about `target` intervals over `range`.
fn nice_step(range: f64, target: u32) -> f64 {
    let raw = range / f64::from(target);
    let magnitude = 10f64.powf(raw.log10().floor());
    let norm = raw / magnitude;
    let nice = match norm {
        n if n <= 1.0 => 1.0,
        n if n <= 2.0 => 2.0,
        n if n <= 2.5 => 2.5,
        n if n <= 5.0 => 5.0,
        _ => 10.0,
    };
    nice * magnitude
}

/// Decimals that show a step exactly (2.5 -> 1, 0.05 -> 2, 20 -> 0).
fn decimals(step: f64) -> usize {
    (0..6)
        .find(|d| {
            let scaled = step * 10f64.powi(*d as i32);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(6)
}

/// A number with at most `decimals` decimals, trailing zeros dropped; 10,000 and more as "12k".
fn number(v: f64, decimals: usize) -> String {
    if v.abs() >= 10_000.0 {
        return format!("{}k", (v / 1000.0).round());
    }
    let s = format!("{v:.decimals$}");
    let s = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s };
    if s == "-0" { "0".into() } else { s }
}

/// At most `max` characters, the last an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

/// Text as XML character data or attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0 at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
