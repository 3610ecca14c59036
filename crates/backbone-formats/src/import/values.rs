//! The cell parsers every dialect shares: numbers with a decimal point or comma, whole counts, dates and
//! date-times in the forms the apps write, and durations (`1h 26m`, `0:09:21`, `95`); Hevy's dates and
//! Strong's durations are read by jiff (`strptime`, its friendly duration format).
//!
//! Each parser takes one trimmed, non-empty cell and returns `None` when the text is not of its kind; the
//! dialect readers turn that into an error naming the column, the value and what was expected.

use jiff::civil::{Date, DateTime, Time};

/// A decimal number: digits with at most one decimal point or decimal comma (`102,5` in semicolon files),
/// an optional sign. No exponent, no thousands separators, no `inf` or `NaN`, which Rust's own parser
/// would accept.
pub(crate) fn decimal(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let digits = match bytes.first()? {
        b'-' | b'+' => &bytes[1..],
        _ => bytes,
    };
    let mut separators = 0;
    let mut comma = false;
    let mut any_digit = false;
    for &b in digits {
        match b {
            b'0'..=b'9' => any_digit = true,
            b'.' => separators += 1,
            b',' => {
                separators += 1;
                comma = true;
            }
            _ => return None,
        }
    }
    if !any_digit || separators > 1 {
        return None;
    }
    let value: f64 = if comma { text.replacen(',', ".", 1).parse().ok()? } else { text.parse().ok()? };
    value.is_finite().then_some(value)
}

/// A whole count of 0 or more that fits a `u32`; `8.0` is accepted (Strong writes reps as floats), `8.5`
/// is not.
pub(crate) fn count(text: &str) -> Option<u32> {
    let value = decimal(text)?;
    (value >= 0.0 && value.fract() == 0.0 && value <= f64::from(u32::MAX)).then_some(value as u32)
}

/// A number of seconds: a plain number (rounded to the second) or a clock `H:MM:SS` / `M:SS`.
pub(crate) fn seconds(text: &str) -> Option<u32> {
    if text.contains(':') {
        return clock(text);
    }
    let value = decimal(text)?;
    (value >= 0.0 && value < f64::from(u32::MAX)).then_some(value.round() as u32)
}

/// `H:MM:SS` or `M:SS` (FitNotes writes `0:09:21`).
fn clock(text: &str) -> Option<u32> {
    let mut parts = text.split(':');
    let mut total: u64 = 0;
    let mut n = 0;
    for part in parts.by_ref() {
        n += 1;
        if n > 3 || part.is_empty() || part.len() > 6 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let v: u64 = part.parse().ok()?;
        if n > 1 && (part.len() != 2 || v >= 60) {
            return None;
        }
        total = total * 60 + v;
    }
    if n < 2 {
        return None;
    }
    u32::try_from(total).ok()
}

/// A workout duration: seconds as a plain number, a clock, or Strong's words (`55m`, `1h 26m`, `2h`,
/// `55s`, `38min`, `1h 5m 3s`), which jiff's friendly duration format reads.
pub(crate) fn duration(text: &str) -> Option<u32> {
    if let Some(s) = seconds(text) {
        return Some(s);
    }
    let span: jiff::Span = text.trim().parse().ok()?;
    // Hours, minutes and seconds only: a day or a month is no length of a workout (and would need a
    // calendar to count).
    if span.get_years() != 0 || span.get_months() != 0 || span.get_weeks() != 0 || span.get_days() != 0 {
        return None;
    }
    let total = span.total(jiff::Unit::Second).ok()?;
    (total >= 0.0 && total.fract() == 0.0 && total <= f64::from(u32::MAX)).then_some(total as u32)
}

/// English month abbreviations, as Hevy writes them (`30 Jun 2025, 19:56`).
const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// A date with an optional time of day, naive local time:
/// `YYYY-MM-DD`, `YYYY/MM/DD`, either followed by ` HH:MM[:SS[.fff]]` or `THH:MM[:SS]`; or Hevy's
/// `D Mon YYYY, HH:MM[:SS]` (the comma optional; Liftosaur's importer accepts the same forms).
pub(crate) fn date_time(text: &str) -> Option<(Date, Option<DateTime>)> {
    let text = text.trim();
    if text.as_bytes().first()?.is_ascii_digit() && text.as_bytes().get(4).is_some_and(|b| matches!(b, b'-' | b'/')) {
        return iso(text);
    }
    hevy(text)
}

/// `YYYY-MM-DD` with an optional time.
fn iso(text: &str) -> Option<(Date, Option<DateTime>)> {
    let (day, time) = match text.find([' ', 'T']) {
        Some(i) => (&text[..i], Some(text[i + 1..].trim())),
        None => (text, None),
    };
    let sep = *day.as_bytes().get(4)? as char;
    let mut parts = day.split(sep);
    let y = number(parts.next()?, 4, 4)?;
    let m = number(parts.next()?, 1, 2)?;
    let d = number(parts.next()?, 1, 2)?;
    if parts.next().is_some() {
        return None;
    }
    let date = Date::new(y as i16, m as i8, d as i8).ok()?;
    match time {
        None => Some((date, None)),
        Some(t) => Some((date, Some(date.to_datetime(time_of_day(t)?)))),
    }
}

/// `D Mon YYYY, HH:MM[:SS]` (the comma and the time optional), read by jiff's `strptime`; the month
/// may be written in full or in any letter case.
fn hevy(text: &str) -> Option<(Date, Option<DateTime>)> {
    let (day, time) = match text.split_once(',') {
        Some((d, t)) => (d.trim(), Some(t.trim())),
        None => {
            // Without the comma the time is the fourth word.
            let mut words = text.splitn(4, ' ');
            let (a, b, c) = (words.next()?, words.next()?, words.next()?);
            let rest = words.next().map(str::trim);
            let day_len = a.len() + b.len() + c.len() + 2;
            (&text[..day_len], rest)
        }
    };
    let mut words = day.split_whitespace();
    let (d, month, y) = (words.next()?, words.next()?, words.next()?);
    if words.next().is_some() || d.len() > 2 || y.len() != 4 || !month.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let month = MONTHS.iter().find(|name| month.to_ascii_lowercase().starts_with(*name) && month.len() >= 3)?;
    let date = Date::strptime("%d %b %Y", format!("{d} {month} {y}")).ok()?;
    match time {
        None | Some("") => Some((date, None)),
        Some(t) => Some((date, Some(date.to_datetime(time_of_day(t)?)))),
    }
}

/// `HH:MM` or `HH:MM:SS`, fractions of a second dropped.
fn time_of_day(text: &str) -> Option<Time> {
    let text = match text.split_once('.') {
        Some((whole, frac)) if !frac.is_empty() && frac.bytes().all(|b| b.is_ascii_digit()) => whole,
        _ => text,
    };
    let mut parts = text.split(':');
    let h = number(parts.next()?, 1, 2)?;
    let min = number(parts.next()?, 2, 2)?;
    let s = match parts.next() {
        Some(p) => number(p, 2, 2)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    Time::new(h as i8, min as i8, s as i8, 0).ok()
}

/// An unsigned decimal integer of `min..=max` digits.
fn number(text: &str, min: usize, max: usize) -> Option<i64> {
    if text.len() < min || text.len() > max || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn decimals() {
        assert_eq!(decimal("102,5"), Some(102.5));
        assert_eq!(decimal("75.0"), Some(75.0));
        assert_eq!(decimal("-5"), Some(-5.0));
        assert_eq!(decimal(".5"), Some(0.5));
        assert_eq!(decimal("6.80388555"), Some(6.80388555));
        for bad in ["", "-", ".", "1.000,5", "1e3", "inf", "NaN", "12kg", "1 000", "+", "0x10"] {
            assert_eq!(decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn counts_and_seconds() {
        assert_eq!(count("8"), Some(8));
        assert_eq!(count("8.0"), Some(8));
        assert_eq!(count("8.5"), None);
        assert_eq!(count("-1"), None);
        assert_eq!(count("99999999999"), None);
        assert_eq!(seconds("180.0"), Some(180));
        assert_eq!(seconds("0:09:21"), Some(561));
        assert_eq!(seconds("1:30"), Some(90));
        assert_eq!(seconds("1:3"), None);
        assert_eq!(seconds("1:60"), None);
        assert_eq!(seconds("::"), None);
    }

    #[test]
    fn durations() {
        assert_eq!(duration("55m"), Some(3300));
        assert_eq!(duration("1h 26m"), Some(5160));
        assert_eq!(duration("2h"), Some(7200));
        assert_eq!(duration("55s"), Some(55));
        assert_eq!(duration("38min"), Some(2280));
        assert_eq!(duration("264h 1m"), Some(950_460));
        assert_eq!(duration("1h 5m 3s"), Some(3903));
        assert_eq!(duration("95"), Some(95));
        assert_eq!(duration("soon"), None);
        assert_eq!(duration("5 parsecs"), None);
        assert_eq!(duration("2 days"), None, "a day is no length of a workout");
        assert_eq!(duration("-5m"), None);
    }

    #[test]
    fn dates() {
        let d = date(2021, 2, 10);
        assert_eq!(date_time("2021-02-10 16:46:13"), Some((d, Some(d.at(16, 46, 13, 0)))));
        assert_eq!(date_time("2021-02-10T16:46"), Some((d, Some(d.at(16, 46, 0, 0)))));
        assert_eq!(date_time("2021-02-10"), Some((d, None)));
        assert_eq!(date_time("2021/2/10"), Some((d, None)));
        let j = date(2025, 6, 30);
        assert_eq!(date_time("30 Jun 2025, 19:56"), Some((j, Some(j.at(19, 56, 0, 0)))));
        assert_eq!(date_time("30 Jun 2025 19:56:07"), Some((j, Some(j.at(19, 56, 7, 0)))));
        assert_eq!(date_time("5 Dec 2025, 11:37"), Some((date(2025, 12, 5), Some(date(2025, 12, 5).at(11, 37, 0, 0)))));
        assert_eq!(date_time("30 june 2025, 19:56"), Some((j, Some(j.at(19, 56, 0, 0)))), "a full month, any case");
        for bad in [
            "",
            "yesterday",
            "2021-02-30",
            "2021-13-01",
            "21-02-10",
            "2021-02-10 25:00",
            "30 Foo 2025, 19:56",
            "31 Jun 2025",
        ] {
            assert_eq!(date_time(bad), None, "{bad}");
        }
    }
}
