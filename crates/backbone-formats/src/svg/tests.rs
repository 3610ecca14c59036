//! The chart writer: a snapshot of a typical chart, well-formed XML whatever the text, escaping, and
//! the axis arithmetic.

use jiff::civil::{Date, date};
use quick_xml::Reader;
use quick_xml::events::Event;

use super::*;

fn iso_short(d: Date) -> String {
    d.strftime("%m-%d").to_string()
}

/// Parses the whole document as XML 1.0: tags nest and close, attributes are quoted, unique and
/// unescape, entity references are the predefined ones. Panics at the first error; returns the element
/// names in document order.
fn well_formed(svg: &str) -> Vec<String> {
    let mut reader = Reader::from_str(svg);
    reader.config_mut().check_end_names = true;
    let mut names = Vec::new();
    let mut depth = 0i32;
    let at = |r: &Reader<&[u8]>| r.buffer_position();
    loop {
        let (element, empty) = match reader.read_event() {
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(_)) => {
                depth -= 1;
                continue;
            }
            Ok(Event::GeneralRef(r)) => {
                let name = r.xml10_content();
                assert!(
                    r.is_char_ref() || ["lt", "gt", "amp", "quot", "apos"].contains(&name.as_ref()),
                    "unknown entity &{name}; at {}",
                    at(&reader)
                );
                continue;
            }
            Ok(Event::Eof) => break,
            Ok(_) => continue,
            Err(e) => panic!("not well-formed at {}: {e}\n{svg}", at(&reader)),
        };
        for attr in element.attributes() {
            let attr = attr.unwrap_or_else(|e| panic!("bad attribute at {}: {e}", at(&reader)));
            attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .unwrap_or_else(|e| panic!("bad attribute value at {}: {e}", at(&reader)));
        }
        names.push(element.name().as_ref().to_string());
        if !empty {
            depth += 1;
        }
    }
    assert_eq!(depth, 0, "unclosed elements");
    names
}

fn e1rm_chart(points: &[(Date, f64)]) -> String {
    render(&Chart {
        title: "Chest-supported row e1RM",
        unit: "kg",
        value_unit: " kg",
        x_label: "date",
        from: date(2026, 10, 26),
        to: date(2027, 1, 17),
        points,
        zero_based: false,
        range: None,
        deloads: &[(date(2026, 12, 14), date(2026, 12, 21))],
        block_starts: &[(date(2026, 11, 23), 1), (date(2026, 12, 21), 2)],
        date_label: &iso_short,
        bars: false,
        integer: false,
        band: None,
        markers: &[],
    })
}

#[test]
fn a_typical_chart() {
    let points: Vec<(Date, f64)> = (0..24)
        .map(|i| (date(2026, 11, 23).saturating_add(jiff::Span::new().days(i * 2 + i / 3)), 27.0 + f64::from(i) * 0.4))
        .collect();
    let svg = e1rm_chart(&points);
    let names = well_formed(&svg);
    assert_eq!(names[0], "svg");
    assert_eq!(names.iter().filter(|n| *n == "circle").count(), 24);
    assert!(svg.contains(r#"viewBox="0 0 600 400" width="100%""#));
    insta::assert_snapshot!("e1rm", svg);
}

#[test]
fn an_empty_series_says_so() {
    let svg = e1rm_chart(&[]);
    well_formed(&svg);
    assert!(svg.contains("No data in this period"));
    assert!(!svg.contains("<polyline"));
}

#[test]
fn one_point_is_a_dot_and_a_label() {
    let svg = e1rm_chart(&[(date(2026, 12, 1), 31.25)]);
    well_formed(&svg);
    assert!(!svg.contains("<polyline"));
    assert_eq!(svg.matches("<circle").count(), 1);
    assert!(svg.contains(">31.25 kg</tspan> (12-01)</text>"), "{svg}");
}

#[test]
fn text_is_escaped_and_still_well_formed() {
    let nasty = "Row <b>&</b> \"press\" 'n' pull\u{1}]]>";
    let svg = render(&Chart {
        title: nasty,
        unit: "<kg>",
        value_unit: " <kg>",
        x_label: "a & b",
        from: date(2026, 11, 23),
        to: date(2026, 11, 29),
        points: &[(date(2026, 11, 23), 1.0), (date(2026, 11, 25), f64::NAN), (date(2026, 11, 26), 2.0)],
        zero_based: true,
        range: None,
        deloads: &[],
        block_starts: &[],
        date_label: &|_| "<&>".to_string(),
        bars: false,
        integer: false,
        band: None,
        markers: &[],
    });
    well_formed(&svg);
    assert!(!svg.contains("<b>") && !svg.contains("<kg>"));
    assert!(svg.contains("Row &lt;b&gt;&amp;&lt;/b&gt; &quot;press&quot; &#39;n&#39; pull\u{fffd}]]&gt;"));
}

#[test]
fn a_bounded_scale_is_shown_whole() {
    let svg = render(&Chart {
        title: "Soreness",
        unit: "score 0-10",
        value_unit: "/10",
        x_label: "date",
        from: date(2026, 11, 23),
        to: date(2026, 11, 29),
        points: &[(date(2026, 11, 23), 3.0), (date(2026, 11, 26), 4.0)],
        zero_based: true,
        range: Some((0.0, 10.0)),
        deloads: &[],
        block_starts: &[],
        date_label: &iso_short,
        bars: false,
        integer: false,
        band: None,
        markers: &[],
    });
    well_formed(&svg);
    assert!(svg.contains(">10</text>") && svg.contains(">0</text>"), "{svg}");
    assert!(svg.contains(">4/10</tspan>"));
}

#[test]
fn many_points_keep_only_the_last_dot() {
    let points: Vec<(Date, f64)> =
        (0..80).map(|i| (date(2026, 10, 26).saturating_add(jiff::Span::new().days(i)), f64::from(i % 7))).collect();
    let svg = e1rm_chart(&points);
    well_formed(&svg);
    assert_eq!(svg.matches("<circle").count(), 1);
}

#[test]
fn tick_steps_are_round() {
    assert_eq!(nice_step(10.0, 4), 2.5);
    assert_eq!(nice_step(7.0, 4), 2.0);
    assert_eq!(nice_step(0.3, 4), 0.1);
    assert_eq!(nice_step(3000.0, 4), 1000.0);
    assert_eq!(decimals(2.5), 1);
    assert_eq!(decimals(0.05), 2);
    assert_eq!(decimals(20.0), 0);
    assert_eq!(number(2.50, 1), "2.5");
    assert_eq!(number(-0.0, 1), "0");
    assert_eq!(number(22_400.0, 0), "22k");
    // 27.1 to 36.3 padded by 1.82 either side (5% of 36.3 is more than 15% of the range).
    let y = YScale::new(&[27.1, 36.3], false, None, false);
    assert_eq!((y.lo, y.hi, y.step), (25.0, 40.0, 5.0));
    let y = YScale::new(&[0.4, 0.9], true, None, false);
    assert_eq!(y.lo, 0.0);
    let flat = YScale::new(&[5.0, 5.0], true, None, false);
    assert!(flat.hi > 5.0 && flat.lo == 0.0);
    let score = YScale::new(&[1.0, 8.0], false, Some((0.0, 10.0)), false);
    assert_eq!((score.lo, score.hi), (0.0, 10.0));
}

#[test]
fn x_ticks_fall_on_mondays_at_most_five_or_so() {
    let x = XScale::new(date(2026, 10, 26), date(2027, 1, 17));
    let ticks = x.ticks();
    assert!(ticks.iter().all(|d| d.weekday() == jiff::civil::Weekday::Monday));
    assert_eq!(ticks, [date(2026, 10, 26), date(2026, 11, 16), date(2026, 12, 7), date(2026, 12, 28)]);
    // A window that starts mid-week ticks from its first Monday.
    assert_eq!(XScale::new(date(2026, 11, 25), date(2026, 12, 6)).ticks(), [date(2026, 11, 30)]);
}

/// A weekly chart over the window of `e1rm_chart`, as bars or a line.
fn weekly(points: &[(Date, f64)], bars: bool, integer: bool, band: Option<(f64, f64)>, markers: &[Date]) -> String {
    render(&Chart {
        title: "Upper-back sets per week",
        unit: "sets",
        value_unit: " sets",
        x_label: "week of (Monday)",
        from: date(2026, 10, 26),
        to: date(2027, 1, 17),
        points,
        zero_based: true,
        block_starts: &[(date(2027, 1, 16), 3)],
        bars,
        integer,
        band,
        markers,
        ..chart_in_2026()
    })
}

fn mondays(values: &[f64]) -> Vec<(Date, f64)> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| (date(2026, 10, 26).saturating_add(jiff::Span::new().days(7 * i as i64)), *v))
        .collect()
}

#[test]
fn weekly_counts_are_bars_with_the_target_band() {
    let svg = weekly(&mondays(&[4.0, 8.0, 12.0, 0.0, 9.0]), true, false, Some((6.0, 10.0)), &[]);
    well_formed(&svg);
    assert_eq!(svg.matches("<rect x=").count() - svg.matches("fill=\"#d1fae5\"").count(), 5, "one bar a week: {svg}");
    assert!(!svg.contains("<polyline"), "no line through counts");
    assert!(svg.contains("target: 6 to 10 a week (METHOD B5)") && svg.contains(">target band</text>"), "{svg}");
}

#[test]
fn a_line_is_broken_across_a_week_with_no_data() {
    let points = [
        (date(2026, 11, 2), 30.0),
        (date(2026, 11, 5), 31.0),
        (date(2026, 11, 10), 31.5),
        // Nothing in the week of 16 November.
        (date(2026, 11, 24), 32.0),
        (date(2026, 11, 26), 32.5),
    ];
    assert_eq!(segments(&points).iter().map(|r| r.len()).collect::<Vec<_>>(), vec![3, 2]);
    let svg = e1rm_chart(&points);
    well_formed(&svg);
    assert_eq!(svg.matches("<polyline").count(), 2, "{svg}");
}

#[test]
fn the_year_shows_when_the_range_crosses_one() {
    let svg = e1rm_chart(&[(date(2026, 11, 2), 30.0), (date(2027, 1, 4), 32.0)]);
    assert!(svg.contains(">date, 2026-2027</text>"), "{svg}");
    assert!(svg.contains(">2027</text>"), "a mark on 1 January: {svg}");
    let one_year = render(&Chart { from: date(2026, 11, 23), to: date(2026, 12, 13), ..chart_in_2026() });
    assert!(one_year.contains(">date, 2026</text>") && !one_year.contains(">2027</text>"), "{one_year}");
}

fn chart_in_2026() -> Chart<'static> {
    Chart {
        title: "Grip",
        unit: "kg",
        value_unit: " kg",
        x_label: "date",
        from: date(2026, 11, 23),
        to: date(2026, 12, 13),
        points: &[],
        zero_based: false,
        range: None,
        deloads: &[],
        block_starts: &[],
        date_label: &iso_short,
        bars: false,
        integer: false,
        band: None,
        markers: &[],
    }
}

#[test]
fn an_empty_series_has_no_invented_axis() {
    let svg = weekly(&[], true, false, Some((6.0, 10.0)), &[]);
    well_formed(&svg);
    assert!(svg.contains("No data in this period"));
    assert!(!svg.contains(">0.25</text>") && !svg.contains(">sets</text>"), "no ticks, no unit: {svg}");
    assert!(!svg.contains("target band"), "no band over nothing");
}

#[test]
fn counts_get_whole_ticks() {
    let svg = weekly(&mondays(&[0.0, 1.0, 0.0]), true, true, None, &[]);
    assert!(!svg.contains(">0.5</text>") && !svg.contains(">0.25</text>"), "{svg}");
    assert!(svg.contains(">1</text>"), "{svg}");
}

#[test]
fn a_block_label_near_the_right_edge_stays_inside() {
    let late = weekly(&mondays(&[4.0]), true, false, None, &[]);
    let at = late.find(">B3</text>").expect("the label");
    let tag = &late[late[..at].rfind("<text").expect("its tag")..at];
    assert!(tag.contains("text-anchor=\"end\""), "the label goes left of a line near the edge: {tag}");
}

#[test]
fn records_are_marked_on_their_day() {
    let points = [(date(2026, 11, 2), 30.0), (date(2026, 11, 5), 31.0), (date(2026, 11, 10), 31.5)];
    let svg =
        render(&Chart { from: date(2026, 10, 26), points: &points, markers: &[date(2026, 11, 10)], ..chart_in_2026() });
    well_formed(&svg);
    assert_eq!(svg.matches("personal record on 2026-11-10").count(), 1, "{svg}");
    assert!(svg.contains("◆ record"));
}
