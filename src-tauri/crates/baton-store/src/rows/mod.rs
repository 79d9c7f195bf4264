//! Mapping between the domain types and the rows of the file: one table per entity, real
//! columns, enums as their snake_case names, dates as ISO 8601 text, nested lists as JSON.

mod read;
mod write;

pub use read::{load_workspace, load_workspace_leniently};
pub use write::{write_all, write_touched};

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::de::value::StrDeserializer;
use serde::de::{DeserializeOwned, IntoDeserializer};
use serde::Serialize;

/// A row that cannot be turned back into a domain value: the file was changed outside Baton or
/// is damaged.
#[derive(Debug, thiserror::Error)]
pub enum RowError {
    #[error(transparent)]
    Sql(#[from] rusqlite::Error),
    #[error(transparent)]
    Conversion(#[from] rusqlite::types::FromSqlError),
    #[error("table {table}, row {id}, column {column}: {detail}")]
    Bad {
        table: &'static str,
        id: String,
        column: &'static str,
        detail: String,
    },
}

/// The text of a unit-variant enum: its serde name ("in_house").
pub fn enum_text<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(text)) => text,
        // Every enum stored this way has only unit variants, which serialise as strings.
        _ => String::new(),
    }
}

pub fn date_text(date: &NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// RFC 3339 with as many fraction digits as the value has: lossless.
pub fn time_text(time: &DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

pub fn json_text<T: Serialize + ?Sized>(value: &T) -> rusqlite::Result<String> {
    serde_json::to_string(value)
        .map_err(|error| rusqlite::Error::ToSqlConversionFailure(error.into()))
}

/// `YYYY-MM-DD` with four-digit year and two-digit month and day, when it names a real day:
/// what `date_text` writes, and what `parse_from_str(text, "%Y-%m-%d")` gives for it.
fn canonical_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        bytes[range].iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

/// Parses one column of one row, naming the place when it fails.
pub struct Cell<'a> {
    pub table: &'static str,
    pub id: &'a str,
}

impl Cell<'_> {
    fn bad(&self, column: &'static str, detail: impl Into<String>) -> RowError {
        RowError::Bad {
            table: self.table,
            id: self.id.to_owned(),
            column,
            detail: detail.into(),
        }
    }

    /// A unit-variant enum from its serde name, read straight from the column's text (no JSON
    /// value in between: files hold tens of thousands of these).
    pub fn enum_value<T: DeserializeOwned>(
        &self,
        column: &'static str,
        text: &str,
    ) -> Result<T, RowError> {
        let text: StrDeserializer<'_, serde::de::value::Error> = text.into_deserializer();
        T::deserialize(text).map_err(|error| self.bad(column, error.to_string()))
    }

    pub fn optional_enum<T: DeserializeOwned>(
        &self,
        column: &'static str,
        text: Option<&str>,
    ) -> Result<Option<T>, RowError> {
        text.map(|text| self.enum_value(column, text)).transpose()
    }

    /// An ISO 8601 date. The form Baton writes (`YYYY-MM-DD`) is read directly; anything else
    /// goes through chrono's parser, which accepts or refuses it as before.
    pub fn date(&self, column: &'static str, text: &str) -> Result<NaiveDate, RowError> {
        if let Some(date) = canonical_date(text) {
            return Ok(date);
        }
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|error| self.bad(column, format!("{text:?} is not a date: {error}")))
    }

    pub fn optional_date(
        &self,
        column: &'static str,
        text: Option<&str>,
    ) -> Result<Option<NaiveDate>, RowError> {
        text.map(|text| self.date(column, text)).transpose()
    }

    pub fn time(&self, column: &'static str, text: &str) -> Result<DateTime<Utc>, RowError> {
        DateTime::parse_from_rfc3339(text)
            .map(|time| time.with_timezone(&Utc))
            .map_err(|error| self.bad(column, format!("{text:?} is not a time: {error}")))
    }

    pub fn json<T: DeserializeOwned>(
        &self,
        column: &'static str,
        text: &str,
    ) -> Result<T, RowError> {
        serde_json::from_str(text).map_err(|error| self.bad(column, error.to_string()))
    }

    pub fn u32(&self, column: &'static str, value: i64) -> Result<u32, RowError> {
        u32::try_from(value).map_err(|_| self.bad(column, format!("{value} is out of range")))
    }

    pub fn u8(&self, column: &'static str, value: i64) -> Result<u8, RowError> {
        u8::try_from(value).map_err(|_| self.bad(column, format!("{value} is out of range")))
    }

    pub fn i8(&self, column: &'static str, value: i64) -> Result<i8, RowError> {
        i8::try_from(value).map_err(|_| self.bad(column, format!("{value} is out of range")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_direct_date_reading_agrees_with_chrono() {
        let texts = [
            "2025-01-01",
            "2024-02-29",
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-04-31",
            "0000-01-01",
            "9999-12-31",
            "2025-1-01",
            "2025-01-1",
            "25-01-01",
            "abcd-ef-gh",
            "2025/01/01",
            "+10000-01-01",
            "-0001-03-01",
            "2025-01-01 ",
            " 2025-01-01",
            "",
        ];
        let cell = Cell {
            table: "response",
            id: "r1",
        };
        for text in texts {
            let chrono = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
            assert_eq!(cell.date("date", text).ok(), chrono, "{text:?}");
            if let Some(direct) = canonical_date(text) {
                assert_eq!(Some(direct), chrono, "{text:?}");
            }
        }
    }

    #[test]
    fn an_unknown_enum_name_is_reported_as_serde_json_reported_it() {
        let cell = Cell {
            table: "handoff",
            id: "h1",
        };
        let error = cell
            .enum_value::<baton_core::HandoffMode>("mode", "warm")
            .unwrap_err();
        let json_error = serde_json::from_value::<baton_core::HandoffMode>(
            serde_json::Value::String("warm".into()),
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("table handoff, row h1, column mode: {json_error}")
        );
        assert_eq!(
            cell.enum_value::<baton_core::HandoffMode>("mode", "blind")
                .unwrap(),
            baton_core::HandoffMode::Blind
        );
    }
}
