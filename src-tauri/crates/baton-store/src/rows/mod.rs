//! Mapping between the domain types and the rows of the file: one table per entity, real
//! columns, enums as their snake_case names, dates as ISO 8601 text, nested lists as JSON.

mod read;
mod write;

pub use read::load_workspace;
pub use write::{write_all, write_touched};

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::de::DeserializeOwned;
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

    pub fn enum_value<T: DeserializeOwned>(
        &self,
        column: &'static str,
        text: String,
    ) -> Result<T, RowError> {
        serde_json::from_value(serde_json::Value::String(text))
            .map_err(|error| self.bad(column, error.to_string()))
    }

    pub fn optional_enum<T: DeserializeOwned>(
        &self,
        column: &'static str,
        text: Option<String>,
    ) -> Result<Option<T>, RowError> {
        text.map(|text| self.enum_value(column, text)).transpose()
    }

    pub fn date(&self, column: &'static str, text: &str) -> Result<NaiveDate, RowError> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|error| self.bad(column, format!("{text:?} is not a date: {error}")))
    }

    pub fn optional_date(
        &self,
        column: &'static str,
        text: Option<String>,
    ) -> Result<Option<NaiveDate>, RowError> {
        text.map(|text| self.date(column, &text)).transpose()
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
