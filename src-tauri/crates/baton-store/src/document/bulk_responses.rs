//! Millions of survey responses as one edit, without holding them in memory:
//! `Document::add_responses_and_close`.
//!
//! `apply` keeps every response four times over while it commits (the edit, the workspace's
//! copy, the edit's JSON and SQLite's copy of it, the inverse and its JSON), about 2 KB a row:
//! a 3.2-million-row survey took 6 GB. Here the caller keeps the responses as it likes (the
//! CLI: about 100 bytes a row) and hands them over as often as needed through a
//! `ResponseSource`: once to validate them (in chunks, by the same rules as an edit) and to
//! measure their JSON, once to write each row and stream the history entry's edit into place
//! through SQLite's incremental blob I/O, once more for the inverse (the ids). The history entry is exactly the one `apply`
//! would write for `Edit::Batch { label, edits: [AddResponses { responses }] }`, except that its
//! two JSON texts are stored as BLOBs holding the UTF-8 text (a TEXT value cannot be streamed);
//! the history readers take either.

use std::io::{BufWriter, Seek, Write};

use baton_core::{Edit, EditError, EditErrorKind, EntityKind, SurveyResponse};
use chrono::Utc;
use rusqlite::{params, MAIN_DB};

use super::Document;
use crate::error::StoreError;
use crate::history::{self, HistoryState};
use crate::rows;
use crate::writing;

/// Responses validated in one go against a scratch workspace.
const CHUNK: usize = 4096;

/// Survey responses to add, handed over in order, the very same ones each time `each` is
/// called (ids included).
pub trait ResponseSource {
    fn each(
        &self,
        visit: &mut dyn FnMut(SurveyResponse) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;
}

impl ResponseSource for Vec<SurveyResponse> {
    fn each(
        &self,
        visit: &mut dyn FnMut(SurveyResponse) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.iter().cloned().try_for_each(visit)
    }
}

/// The text before and after the list of a one-edit batch's JSON: `{"op":"batch",...,"ids":[`
/// and `]}]}`, as serde writes it for the whole edit.
fn frame(edit: &Edit) -> rusqlite::Result<(String, &'static str)> {
    const SUFFIX: &str = "]}]}";
    let json = rows::json_text(edit)?;
    match json.strip_suffix("[]}]}") {
        Some(prefix) => Ok((format!("{prefix}["), SUFFIX)),
        None => Err(json_error(format!("unexpected JSON for a batch: {json}"))),
    }
}

/// A failure to write the history entry's JSON, as `rows::json_text` reports one.
fn json_error(error: impl std::fmt::Display) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(
        format!("cannot write the history entry's JSON: {error}").into(),
    )
}

/// Counts the bytes written to it.
#[derive(Default)]
struct ByteCount(u64);

impl Write for ByteCount {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Document {
    /// `apply(Edit::Batch { label, edits: vec![Edit::AddResponses { responses }] })` followed
    /// by `close`, for more responses than memory holds comfortably: one transaction, one
    /// history entry (undone and redone as any other), memory bounded by a chunk of responses.
    /// The responses are checked by the rules of an edit; on any error nothing is written.
    /// Returns the history entry's number. The document is closed either way: its memory does
    /// not hold the new responses.
    pub fn add_responses_and_close(
        mut self,
        label: &str,
        responses: &dyn ResponseSource,
    ) -> Result<u32, StoreError> {
        let written = self.add_responses(label, responses);
        let closed = self.close();
        let seq = written?;
        closed?;
        Ok(seq)
    }

    fn add_responses(
        &mut self,
        label: &str,
        responses: &dyn ResponseSource,
    ) -> Result<u32, StoreError> {
        let edit_frame = frame(&Edit::Batch {
            label: label.to_owned(),
            edits: vec![Edit::AddResponses { responses: vec![] }],
        })
        .map_err(|error| self.db_error(error))?;
        let inverse_frame = frame(&Edit::Batch {
            label: label.to_owned(),
            edits: vec![Edit::RemoveResponses { ids: vec![] }],
        })
        .map_err(|error| self.db_error(error))?;
        let (count, edit_len, inverse_len) = self.check_and_measure(responses)?;
        if count == 0 {
            return Err(StoreError::Edit(EditError::new(
                EditErrorKind::Empty,
                EntityKind::Response,
                None,
                None,
                "There are no survey responses to add",
            )));
        }
        let framed =
            |frame: &(String, &str), body: u64| frame.0.len() as u64 + body + frame.1.len() as u64;
        let edit_len = framed(&edit_frame, edit_len);
        let inverse_len = framed(&inverse_frame, inverse_len);

        self.check_not_replaced()?;
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|error| writing::write_failed(&self.path, error, Ok(())))?;
        let mut next = self.history;
        next.revision = next.revision.wrapping_add(1);
        next.cursor += 1;
        next.len = next.cursor;
        let written = self.write_entry(
            &next,
            label,
            responses,
            (&edit_frame, edit_len),
            (&inverse_frame, inverse_len),
        );
        match written.and_then(|()| {
            history::write_state(&self.conn, &next).map_err(|error| self.db_error(error))?;
            self.conn
                .execute_batch("COMMIT")
                .map_err(|error| self.db_error(error))
        }) {
            Ok(()) => {
                self.history = next;
                self.check_not_replaced()?;
                Ok(next.cursor)
            }
            Err(error) => {
                let rolled_back = writing::roll_back(&self.conn, &self.path);
                Err(writing::store_write_failed(&self.path, error, rolled_back))
            }
        }
    }

    /// Validates every response by the rules of an edit, on a copy of the workspace without its
    /// responses, a chunk at a time; returns their number and the length of their JSON in the
    /// edit (the responses, comma-separated) and in the inverse (their ids).
    fn check_and_measure(
        &mut self,
        responses: &dyn ResponseSource,
    ) -> Result<(usize, u64, u64), StoreError> {
        // The file's own responses are not copied: an id they hold is refused by the table's
        // primary key when the row is written.
        let existing = std::mem::take(&mut self.workspace.responses);
        let mut scratch = self.workspace.clone();
        self.workspace.responses = existing;
        let json = |error| self.db_error(json_error(error));
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut count = 0usize;
        let (mut edit_len, mut inverse_len) = (ByteCount::default(), ByteCount::default());
        let mut check = |chunk: &mut Vec<SurveyResponse>| -> Result<(), StoreError> {
            scratch.apply(&Edit::AddResponses {
                responses: std::mem::take(chunk),
            })?;
            scratch.responses.clear();
            Ok(())
        };
        responses.each(&mut |response| {
            let comma = u64::from(count > 0);
            edit_len.0 += comma;
            inverse_len.0 += comma;
            serde_json::to_writer(&mut edit_len, &response).map_err(json)?;
            serde_json::to_writer(&mut inverse_len, &response.id).map_err(json)?;
            count += 1;
            chunk.push(response);
            if chunk.len() == CHUNK {
                check(&mut chunk)?;
            }
            Ok(())
        })?;
        check(&mut chunk)?;
        Ok((count, edit_len.0, inverse_len.0))
    }

    /// Inside the transaction: each response's row, then the history entry, its edit and
    /// inverse streamed into blobs of the measured lengths.
    fn write_entry(
        &self,
        next: &HistoryState,
        label: &str,
        responses: &dyn ResponseSource,
        (edit_frame, edit_len): (&(String, &str), u64),
        (inverse_frame, inverse_len): (&(String, &str), u64),
    ) -> Result<(), StoreError> {
        let db = |error| self.db_error(error);
        let seq = next.cursor;
        self.conn
            .prepare_cached("DELETE FROM history WHERE seq >= ?1")
            .and_then(|mut statement| statement.execute([seq]))
            .map_err(db)?;
        self.conn
            .prepare_cached(
                "INSERT INTO history (seq, at, label, edit, inverse) \
                 VALUES (?1, ?2, ?3, zeroblob(?4), zeroblob(?5))",
            )
            .and_then(|mut statement| {
                statement.execute(params![
                    seq,
                    rows::time_text(&Utc::now()),
                    label,
                    i64::try_from(edit_len).unwrap_or(i64::MAX),
                    i64::try_from(inverse_len).unwrap_or(i64::MAX)
                ])
            })
            .map_err(db)?;
        let open = |column| {
            self.conn
                .blob_open(MAIN_DB, "history", column, i64::from(seq), false)
                .map_err(db)
        };
        let io = |error: std::io::Error| self.db_error(json_error(error));
        let json = |error: serde_json::Error| self.db_error(json_error(error));
        // One blob open at a time: a write through one blob handle resets the overflow-page
        // cache of every other handle on the table, and each write would then walk its blob's
        // page chain from the start (quadratic: hours for a 600 MB entry).
        let mut edit = BufWriter::with_capacity(1 << 20, open("edit")?);
        edit.write_all(edit_frame.0.as_bytes()).map_err(io)?;
        let mut insert = self
            .conn
            .prepare_cached(
                "INSERT INTO response (id, subject_kind, subject_id, metric_id, value, date, \
                 respondent, comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .map_err(db)?;
        let mut first = true;
        responses.each(&mut |response| {
            insert
                .execute(params![
                    response.id,
                    rows::enum_text(&response.subject.kind),
                    response.subject.id,
                    response.metric_id,
                    response.value,
                    rows::date_text(&response.date),
                    response.respondent,
                    response.comment,
                ])
                .map_err(db)?;
            if !std::mem::take(&mut first) {
                edit.write_all(b",").map_err(io)?;
            }
            serde_json::to_writer(&mut edit, &response).map_err(json)
        })?;
        edit.write_all(edit_frame.1.as_bytes()).map_err(io)?;
        finish(edit, edit_len).map_err(io)?;

        let mut inverse = BufWriter::with_capacity(1 << 20, open("inverse")?);
        inverse.write_all(inverse_frame.0.as_bytes()).map_err(io)?;
        let mut first = true;
        responses.each(&mut |response| {
            if !std::mem::take(&mut first) {
                inverse.write_all(b",").map_err(io)?;
            }
            serde_json::to_writer(&mut inverse, &response.id).map_err(json)
        })?;
        inverse.write_all(inverse_frame.1.as_bytes()).map_err(io)?;
        finish(inverse, inverse_len).map_err(io)
    }
}

/// Flushes `writer` and closes its blob, checking that exactly `expected` bytes were written. A
/// blob cannot grow: a response that serialised longer the second time fails a write; one that
/// serialised shorter would leave zeros, caught here.
fn finish(writer: BufWriter<rusqlite::blob::Blob<'_>>, expected: u64) -> std::io::Result<()> {
    let mut blob = writer.into_inner().map_err(|error| error.into_error())?;
    if blob.stream_position()? != expected {
        return Err(std::io::Error::other(
            "the responses changed while they were written",
        ));
    }
    blob.close().map_err(std::io::Error::other)
}
