//! The `.baton` client file: one SQLite file per client holding the whole workspace, its
//! snapshots and the history of edits.
//!
//! [`Document`] is an open file: the workspace in memory, the connection holding the file's
//! lock, apply / undo / redo (one transaction each), queries, save-as, snapshots and the JSON
//! export and import. Opening refuses, without writing a byte, any file that is not a sound
//! Baton file this Baton can write ([`StoreError`] says which case it is).

mod check;
mod document;
mod encryption;
mod error;
mod expected_schema;
mod file_check;
mod file_identity;
mod history;
mod history_check;
mod json;
mod lock;
mod new_document;
mod positions_check;
mod queries;
mod registry;
mod replay;
mod rows;
mod schema;
pub mod temp_files;
#[doc(hidden)]
pub mod testing;
mod writing;

pub use check::{check_file, check_file_with_passphrase, CheckArea, CheckProblem, CheckReport};
pub use document::{Document, EditOutcome, ResponseSource};
pub use encryption::Passphrase;
pub use error::{ErrorKind, IpcError, StoreError};
pub use history::HistoryEntry;
pub use json::{FORMAT_NAME, FORMAT_VERSION};
pub use new_document::NewDocument;
pub use queries::PlanPhase;
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};
