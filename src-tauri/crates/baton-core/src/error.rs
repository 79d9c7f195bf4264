//! Typed validation errors. Each names the entity, its id and the field at fault, and carries a
//! sentence a user can read.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::model::{EntityKind, Id};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum EditErrorKind {
    /// The entity (or one it refers to) does not exist.
    NotFound,
    /// An entity with this id exists already.
    AlreadyExists,
    /// The id is not a UUID.
    InvalidId,
    /// A required text is empty once trimmed.
    Empty,
    /// A text is longer than allowed.
    TooLong,
    /// A number is outside its range.
    OutOfRange,
    /// The value is not allowed here (an emotion on an actor lane, a handoff within one lane...).
    NotAllowed,
    /// It refers to something of another journey.
    CrossJourney,
    /// An `Update*` tried to change placement (journey, cell, position): use a `Move*` edit.
    PlacementChanged,
    /// It would duplicate something that must be unique (a second target for one subject and metric).
    Duplicate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, thiserror::Error)]
#[error("{message}")]
pub struct EditError {
    pub kind: EditErrorKind,
    pub entity: EntityKind,
    pub id: Option<Id>,
    pub field: Option<String>,
    pub message: String,
}

impl EditError {
    pub fn new(
        kind: EditErrorKind,
        entity: EntityKind,
        id: Option<&str>,
        field: Option<&str>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            kind,
            entity,
            id: id.map(str::to_owned),
            field: field.map(str::to_owned),
            message: message.into(),
        }
    }

    pub fn not_found(entity: EntityKind, id: &str) -> Self {
        Self::new(
            EditErrorKind::NotFound,
            entity,
            Some(id),
            None,
            format!("{entity:?} {id} does not exist"),
        )
    }
}
