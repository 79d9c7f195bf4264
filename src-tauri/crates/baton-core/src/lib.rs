//! Baton's domain: types, edits and their inverses, validation, layout, analysis and templates.
//! Pure Rust: no IO, no SQLite, no Tauri. Everything here is a function of the model.

pub mod analysis;
pub mod apply;
pub mod compare;
pub mod defaults;
pub mod edit;
pub mod error;
pub mod id_map;
pub mod insights;
pub mod layout;
pub mod measures;
pub mod model;
pub mod plan;
pub mod scores;
pub mod synthetic;
pub mod templates;
#[cfg(feature = "testing")]
pub mod testing;

pub use apply::{duplicate_as_future, restore_snapshot, take_snapshot};
pub use edit::{Applied, Edit};
pub use error::{EditError, EditErrorKind};
pub use model::*;
