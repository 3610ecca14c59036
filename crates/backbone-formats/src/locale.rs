//! Dates on screen in the user's locale format (files and JSON always use ISO 8601).

use jiff::civil::Date;

/// How a locale writes a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// 2026-11-23 (C/POSIX, Swedish, Japanese, Chinese, Korean, and when nothing is set).
    Iso,
    /// 11/23/2026 (United States).
    MonthFirst,
    /// 23.11.2026 (German, Russian, Polish and others).
    DayDot,
    /// 23/11/2026 (most other locales).
    DaySlash,
}

impl DateStyle {
    /// The style for a locale name such as `de_DE.UTF-8`.
    pub fn for_locale(name: &str) -> DateStyle {
        let lang = name.split(['.', '@']).next().unwrap_or("");
        if lang.is_empty() || lang == "C" || lang == "POSIX" {
            return DateStyle::Iso;
        }
        let (language, region) = lang.split_once('_').unwrap_or((lang, ""));
        match (language, region) {
            ("en", "US" | "PH") => DateStyle::MonthFirst,
            ("en", "CA") => DateStyle::Iso,
            ("sv" | "ja" | "zh" | "ko" | "hu" | "lt", _) => DateStyle::Iso,
            ("de" | "ru" | "pl" | "cs" | "fi" | "nb" | "no" | "da" | "tr" | "uk" | "sk" | "ro" | "hr" | "sl", _) => {
                DateStyle::DayDot
            }
            _ => DateStyle::DaySlash,
        }
    }

    /// The style the environment asks for: LC_ALL, then LC_TIME, then LANG.
    pub fn from_env() -> DateStyle {
        let name = ["LC_ALL", "LC_TIME", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        DateStyle::for_locale(&name)
    }

    /// A date with its weekday, e.g. "Mon 23.11.2026".
    pub fn format(self, d: Date) -> String {
        let pattern = match self {
            DateStyle::Iso => "%a %Y-%m-%d",
            DateStyle::MonthFirst => "%a %m/%d/%Y",
            DateStyle::DayDot => "%a %d.%m.%Y",
            DateStyle::DaySlash => "%a %d/%m/%Y",
        };
        d.strftime(pattern).to_string()
    }

    /// A date without weekday: "2026-11-23", "11/23/2026", "23.11.2026", "23/11/2026".
    pub fn numeric(self, d: Date) -> String {
        let pattern = match self {
            DateStyle::Iso => "%Y-%m-%d",
            DateStyle::MonthFirst => "%m/%d/%Y",
            DateStyle::DayDot => "%d.%m.%Y",
            DateStyle::DaySlash => "%d/%m/%Y",
        };
        d.strftime(pattern).to_string()
    }

    /// Text with every ISO date in it (as notices carry them) written this style's way.
    pub fn localize(self, text: &str) -> String {
        let b = text.as_bytes();
        let iso = |i: usize| {
            i + 10 <= b.len()
                && (i == 0 || !b[i - 1].is_ascii_digit())
                && b.get(i + 10).is_none_or(|c| !c.is_ascii_digit())
                && (0..10).all(|k| if k == 4 || k == 7 { b[i + k] == b'-' } else { b[i + k].is_ascii_digit() })
        };
        let mut out = String::with_capacity(text.len());
        let mut rest = 0;
        let mut i = 0;
        while i < b.len() {
            if iso(i)
                && let Ok(d) = text[i..i + 10].parse::<Date>()
            {
                out.push_str(&text[rest..i]);
                out.push_str(&self.numeric(d));
                i += 10;
                rest = i;
                continue;
            }
            i += 1;
        }
        out.push_str(&text[rest..]);
        out
    }

    /// A date without weekday or year, for chart axes: "11-23", "11/23", "23.11.", "23/11".
    pub fn short(self, d: Date) -> String {
        let pattern = match self {
            DateStyle::Iso => "%m-%d",
            DateStyle::MonthFirst => "%m/%d",
            DateStyle::DayDot => "%d.%m.",
            DateStyle::DaySlash => "%d/%m",
        };
        d.strftime(pattern).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_pick_their_date_order() {
        let d = jiff::civil::date(2026, 11, 23);
        assert_eq!(DateStyle::for_locale("en_US.UTF-8").format(d), "Mon 11/23/2026");
        assert_eq!(DateStyle::for_locale("de_DE.UTF-8").format(d), "Mon 23.11.2026");
        assert_eq!(DateStyle::for_locale("en_GB.UTF-8").format(d), "Mon 23/11/2026");
        assert_eq!(DateStyle::for_locale("sv_SE.UTF-8").format(d), "Mon 2026-11-23");
        assert_eq!(DateStyle::for_locale("C.UTF-8").format(d), "Mon 2026-11-23");
        assert_eq!(DateStyle::for_locale("").format(d), "Mon 2026-11-23");
        assert_eq!(DateStyle::for_locale("C").short(d), "11-23");
        assert_eq!(DateStyle::for_locale("de_DE").numeric(d), "23.11.2026");
        assert_eq!(DateStyle::for_locale("en_US.UTF-8").short(d), "11/23");
        assert_eq!(DateStyle::for_locale("de_DE.UTF-8").short(d), "23.11.");
        assert_eq!(DateStyle::for_locale("fr_FR.UTF-8").short(d), "23/11");
    }

    #[test]
    fn dates_inside_text_follow_the_locale() {
        let de = DateStyle::for_locale("de_DE.UTF-8");
        assert_eq!(de.localize("2027-01-13: sets cut until 2027-01-18."), "13.01.2027: sets cut until 18.01.2027.");
        // Not dates: longer digit runs, invalid days; text without dates is unchanged, non-ASCII included.
        assert_eq!(de.localize("12027-01-13 2026-02-30 ≥ 7/10"), "12027-01-13 2026-02-30 ≥ 7/10");
        assert_eq!(DateStyle::Iso.localize("week of 2027-01-11"), "week of 2027-01-11");
    }
}
