//! The date of a response, in the forms survey tools write. Only the day is kept; a time after
//! it must be a whole, valid time (anything else is a bad date, never silently dropped).

use chrono::{Days, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use specta::Type;

/// How a mapped date column is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum DateFormat {
    /// `yyyy-mm-dd` or `yyyy/mm/dd`, optionally with a time, or RFC 3339 (Baton's own CSV).
    #[default]
    Iso,
    /// `dd/mm/yyyy` (also `-` or `.` between the parts), optionally with a time.
    DayMonthYear,
    /// `mm/dd/yyyy` (also `-` or `.`), optionally with a time (`10:23:45 AM` too).
    MonthDayYear,
    /// Google Forms' timestamp: `2026/11/04 10:23:45 AM GMT+1`.
    GoogleForms,
    /// A spreadsheet's day number (1 = 1900-01-01, with Excel's phantom 29 February 1900),
    /// a fraction being the time of day.
    ExcelSerial,
}

impl DateFormat {
    /// The format as the CLI names it.
    pub fn parse_name(name: &str) -> Option<Self> {
        match name.trim().to_lowercase().replace(['-', ' '], "_").as_str() {
            "iso" | "ymd" | "y/m/d" => Some(Self::Iso),
            "dmy" | "d/m/y" | "day_month_year" => Some(Self::DayMonthYear),
            "mdy" | "m/d/y" | "month_day_year" => Some(Self::MonthDayYear),
            "google_forms" | "google" => Some(Self::GoogleForms),
            "excel" | "excel_serial" | "serial" => Some(Self::ExcelSerial),
            _ => None,
        }
    }

    /// The day `text` names in this format, if it is one.
    pub fn parse(self, text: &str) -> Option<NaiveDate> {
        let text = text.trim();
        match self {
            Self::Iso => parse_iso(text),
            Self::DayMonthYear => parse_numeric(text, |a, b| (b, a)),
            Self::MonthDayYear => parse_numeric(text, |a, b| (a, b)),
            Self::GoogleForms => parse_google_forms(text),
            Self::ExcelSerial => parse_excel_serial(text),
        }
    }

    /// The format in words, for a bad date's message.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Iso => "yyyy-mm-dd (optionally followed by a time)",
            Self::DayMonthYear => "dd/mm/yyyy (optionally followed by a time)",
            Self::MonthDayYear => "mm/dd/yyyy (optionally followed by a time)",
            Self::GoogleForms => "Google Forms' yyyy/mm/dd hh:mm:ss AM GMT+1",
            Self::ExcelSerial => "a spreadsheet day number",
        }
    }
}

/// `yyyy-mm-dd` or `yyyy/mm/dd`, alone or followed by a whole, valid time: `T` or a space, then
/// `hh:mm`, `hh:mm:ss` or with fractions, or an RFC 3339 date-time with its offset.
pub(super) fn parse_iso(text: &str) -> Option<NaiveDate> {
    const DAYS: [&str; 2] = ["%Y-%m-%d", "%Y/%m/%d"];
    const TIMES: [&str; 2] = ["%H:%M", "%H:%M:%S%.f"];
    if let Some(day) = DAYS
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
    {
        return Some(day);
    }
    if let Ok(moment) = chrono::DateTime::parse_from_rfc3339(text) {
        return Some(moment.date_naive());
    }
    DAYS.iter()
        .flat_map(|day| {
            ["T", " "]
                .into_iter()
                .flat_map(move |sep| TIMES.map(|time| format!("{day}{sep}{time}")))
        })
        .find_map(|format| chrono::NaiveDateTime::parse_from_str(text, &format).ok())
        .map(|moment| moment.date())
}

/// A time of day: `hh:mm`, `hh:mm:ss`, or either with `AM`/`PM` (12-hour clock).
fn is_time(text: &str) -> bool {
    const FORMATS: [&str; 4] = ["%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M:%S %p"];
    FORMATS
        .iter()
        .any(|f| NaiveTime::parse_from_str(text.trim(), f).is_ok())
}

/// Three numbers separated by one of `/`, `-`, `.` (the same twice), the year last with four
/// digits, optionally followed by a space and a time; `order` turns the first two into
/// (month, day).
fn parse_numeric(text: &str, order: impl Fn(u32, u32) -> (u32, u32)) -> Option<NaiveDate> {
    let (day_part, time) = match text.split_once(' ') {
        Some((day, time)) => (day, Some(time)),
        None => (text, None),
    };
    if time.is_some_and(|t| !is_time(t)) {
        return None;
    }
    let separator = day_part.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = day_part.split(separator).collect();
    let [a, b, year] = parts.as_slice() else {
        return None;
    };
    let short = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    if !short(a) || !short(b) || year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (month, day) = order(a.parse().ok()?, b.parse().ok()?);
    NaiveDate::from_ymd_opt(year.parse().ok()?, month, day)
}

/// `yyyy/mm/dd hh:mm:ss AM GMT+1` (the zone `GMT`, `GMT+1`, `GMT-5`, `GMT+5:30`, or absent).
fn parse_google_forms(text: &str) -> Option<NaiveDate> {
    let (day, rest) = text.split_once(' ')?;
    let day = NaiveDate::parse_from_str(day, "%Y/%m/%d").ok()?;
    let time = match rest.rsplit_once(' ') {
        Some((time, zone)) if zone.starts_with("GMT") => {
            let offset = &zone[3..];
            let valid_offset = offset.is_empty()
                || (offset.starts_with(['+', '-'])
                    && offset[1..].split(':').count() <= 2
                    && offset[1..].split(':').all(|n| {
                        (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit())
                    }));
            if !valid_offset {
                return None;
            }
            time
        }
        _ => rest,
    };
    is_time(time).then_some(day)
}

/// Excel's day numbers: day 1 is 1900-01-01 and day 60 the 29 February 1900 that never was, so
/// from day 61 on the count starts at 1899-12-30. Day 0 and the phantom day are refused.
fn parse_excel_serial(text: &str) -> Option<NaiveDate> {
    let serial: f64 = text.parse().ok().filter(|v: &f64| v.is_finite())?;
    // 2958465 is 9999-12-31, the last day a spreadsheet shows.
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let whole = serial.floor() as u64;
    let (base, days) = match whole {
        60 => return None,
        1..=59 => (NaiveDate::from_ymd_opt(1899, 12, 31)?, whole),
        _ => (NaiveDate::from_ymd_opt(1899, 12, 30)?, whole),
    };
    base.checked_add_days(Days::new(days))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn day_first_and_month_first_read_the_same_text_differently() {
        assert_eq!(
            DateFormat::DayMonthYear.parse("04/11/2026"),
            day(2026, 11, 4)
        );
        assert_eq!(
            DateFormat::MonthDayYear.parse("04/11/2026"),
            day(2026, 4, 11)
        );
        assert_eq!(
            DateFormat::DayMonthYear.parse("4.11.2026 10:23"),
            day(2026, 11, 4)
        );
        assert_eq!(
            DateFormat::MonthDayYear.parse("11/4/2026 10:23:45 PM"),
            day(2026, 11, 4)
        );
        assert_eq!(DateFormat::DayMonthYear.parse("31/02/2026"), None);
        assert_eq!(DateFormat::MonthDayYear.parse("13/01/2026"), None);
        assert_eq!(DateFormat::DayMonthYear.parse("04/11/26"), None);
        assert_eq!(DateFormat::DayMonthYear.parse("04/11-2026"), None);
        assert_eq!(DateFormat::DayMonthYear.parse("04/11/2026 soon"), None);
    }

    #[test]
    fn google_forms_timestamps() {
        let f = DateFormat::GoogleForms;
        assert_eq!(f.parse("2026/11/04 10:23:45 AM GMT+1"), day(2026, 11, 4));
        assert_eq!(f.parse("2026/11/04 11:59:59 PM GMT-5"), day(2026, 11, 4));
        assert_eq!(f.parse("2026/11/04 10:23:45 AM GMT+5:30"), day(2026, 11, 4));
        assert_eq!(f.parse("2026/11/04 10:23:45 AM GMT"), day(2026, 11, 4));
        assert_eq!(f.parse("2026/11/04 10:23:45"), day(2026, 11, 4));
        assert_eq!(f.parse("2026/11/04 13:23:45 PM GMT+1"), None);
        assert_eq!(f.parse("2026/11/04 10:23:45 AM GMT+x"), None);
        assert_eq!(f.parse("2026/11/04"), None);
    }

    #[test]
    fn excel_serial_days_with_the_phantom_leap_day() {
        let f = DateFormat::ExcelSerial;
        assert_eq!(f.parse("1"), day(1900, 1, 1));
        assert_eq!(f.parse("59"), day(1900, 2, 28));
        assert_eq!(f.parse("60"), None);
        assert_eq!(f.parse("61"), day(1900, 3, 1));
        assert_eq!(f.parse("46330"), day(2026, 11, 4));
        assert_eq!(f.parse("46330.4331"), day(2026, 11, 4));
        assert_eq!(f.parse("2958465"), day(9999, 12, 31));
        for bad in ["0", "-3", "2958466", "NaN", "inf", "1e308", "two"] {
            assert_eq!(f.parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn format_names() {
        assert_eq!(
            DateFormat::parse_name("d/m/y"),
            Some(DateFormat::DayMonthYear)
        );
        assert_eq!(
            DateFormat::parse_name("Google Forms"),
            Some(DateFormat::GoogleForms)
        );
        assert_eq!(
            DateFormat::parse_name("excel"),
            Some(DateFormat::ExcelSerial)
        );
        assert_eq!(DateFormat::parse_name("julian"), None);
    }
}
