//! Analytics over the training log (METHOD K1-K9): series and findings for the progress report.
//!
//! Pure like the rest of the core: the report window (`Window`, which holds today) and the adapted plan
//! are parameters, nothing reads the clock. Each submodule holds one kind of reading; `report.rs` turns
//! them into the KPIs and notices of CONTRACT "Reports" (`backbone.report/1`).

pub mod adherence;
pub mod assessments;
pub mod report;
pub mod session_load;
pub mod speed;
pub mod strength;
pub mod trend;
pub mod volume;
pub mod wellness;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::log::SessionLog;

pub use report::{Calendar, Coaching, Kpi, Report, calendar, report};
pub use trend::Trend;

/// A dated value, as the report's series carry them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    pub date: Date,
    pub value: f64,
}

/// The Monday of the ISO week a day falls in.
pub fn monday(day: Date) -> Date {
    day.saturating_sub(i64::from(day.weekday().to_monday_zero_offset()).days())
}

/// The days a report covers: whole ISO weeks from a Monday up to today (`to`), today's week included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: Date,
    pub to: Date,
}

impl Window {
    /// The last `weeks` ISO weeks up to `today`: from the Monday `weeks - 1` weeks before this week's
    /// Monday (CONTRACT example: 12 weeks to Sun 2026-11-22 start on Mon 2026-08-31). `weeks` of 0 counts as 1.
    pub fn weeks_to(today: Date, weeks: u32) -> Window {
        let back = i64::from(weeks.max(1) - 1) * 7;
        Window { from: monday(today).saturating_sub(back.days()), to: today }
    }

    pub fn contains(&self, day: Date) -> bool {
        self.from <= day && day <= self.to
    }

    /// The Mondays of the ISO weeks the window touches, in order.
    pub fn mondays(&self) -> Vec<Date> {
        let last = monday(self.to);
        let mut out = Vec::new();
        let mut d = monday(self.from);
        while d <= last {
            out.push(d);
            let next = d.saturating_add(7.days());
            if next == d {
                break;
            }
            d = next;
        }
        out
    }

    /// The days of the week starting `monday` that lie in the window: (first, last).
    pub fn week(&self, monday: Date) -> (Date, Date) {
        (monday.max(self.from), monday.saturating_add(6.days()).min(self.to))
    }

    /// True when the week starting `monday` is over by `to` (its Sunday is on or before today).
    pub fn week_complete(&self, monday: Date) -> bool {
        monday.saturating_add(6.days()) <= self.to
    }
}

/// The log sorted by date for range reads; built once per report.
#[derive(Debug, Clone)]
pub struct Log<'a> {
    sessions: Vec<&'a SessionLog>,
}

impl<'a> Log<'a> {
    /// Indexes sessions given in any order; sessions of one day keep the order they came in.
    pub fn new(sessions: &'a [SessionLog]) -> Log<'a> {
        let mut sorted: Vec<&SessionLog> = sessions.iter().collect();
        sorted.sort_by_key(|s| s.date);
        Log { sessions: sorted }
    }

    /// Sessions dated `from..=to`.
    pub fn between(&self, from: Date, to: Date) -> &[&'a SessionLog] {
        let lo = self.sessions.partition_point(|s| s.date < from);
        let hi = self.sessions.partition_point(|s| s.date <= to);
        &self.sessions[lo..hi.max(lo)]
    }

    /// Sessions dated on or before `to`.
    pub fn through(&self, to: Date) -> &[&'a SessionLog] {
        self.between(Date::MIN, to)
    }

    /// The part of the window that was tracked: from the Monday of the first logged day on. Weeks before
    /// anything was logged are not weeks of zero sets, they are weeks nobody kept a log, so weekly series
    /// start here. `None` when nothing was logged by the window's end.
    pub fn tracked(&self, w: Window) -> Option<Window> {
        let first = self.sessions.first().map(|s| s.date).filter(|d| *d <= w.to)?;
        Some(Window { from: w.from.max(monday(first)), to: w.to })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_contract_window_is_twelve_iso_weeks_to_today() {
        let w = Window::weeks_to(date(2026, 11, 22), 12);
        assert_eq!(w.from, date(2026, 8, 31));
        assert_eq!(w.mondays().len(), 12);
        assert_eq!(w.mondays().last(), Some(&date(2026, 11, 16)));
        // Mid-week, the current week counts as one of the N.
        let w = Window::weeks_to(date(2026, 11, 25), 2);
        assert_eq!(w.from, date(2026, 11, 16));
        assert_eq!(w.mondays(), [date(2026, 11, 16), date(2026, 11, 23)]);
        assert!(w.week_complete(date(2026, 11, 16)));
        assert!(!w.week_complete(date(2026, 11, 23)));
        assert_eq!(w.week(date(2026, 11, 23)), (date(2026, 11, 23), date(2026, 11, 25)));
    }

    #[test]
    fn monday_of_any_day() {
        assert_eq!(monday(date(2026, 11, 23)), date(2026, 11, 23));
        assert_eq!(monday(date(2026, 11, 29)), date(2026, 11, 23));
        assert_eq!(monday(date(2027, 1, 1)), date(2026, 12, 28));
    }
}
