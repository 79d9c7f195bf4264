//! Small validation helpers shared by every kind of edit: ids, texts, numbers.

use std::collections::BTreeSet;

use crate::error::{EditError, EditErrorKind};
use crate::model::{EntityKind, EntityRef};

/// The rows an edit changed, collected while it is applied, and whether the edit brings back
/// an earlier state of the file (see `Workspace::restore`).
#[derive(Default)]
pub(crate) struct Touched {
    pub(crate) rows: BTreeSet<EntityRef>,
    pub(crate) restoring: bool,
}

impl Touched {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// For an undo, a redo or a roll back: what was once in the file may come back as it was.
    pub(crate) fn restoring() -> Self {
        Self {
            restoring: true,
            ..Self::default()
        }
    }
}

/// Titles and names: 1 to 200 characters once trimmed.
pub const MAX_NAME_CHARS: usize = 200;
/// Notes, descriptions, goals, comments.
pub const MAX_LONG_TEXT_CHARS: usize = 10_000;
/// One year: a longer wait is a typing mistake, not a handoff.
pub const MAX_WAIT_MINUTES: u32 = 525_600;
/// Initiative impact and effort are rated 1 to 5.
pub(crate) const RATING_RANGE: std::ops::RangeInclusive<u8> = 1..=5;
/// The emotion curve runs from -3 to +3.
pub(crate) const EMOTION_RANGE: std::ops::RangeInclusive<i8> = -3..=3;

pub(crate) fn touch(touched: &mut Touched, kind: EntityKind, id: &str) {
    touched.rows.insert(EntityRef::new(kind, id));
}

/// A lower-case word for the kind, for messages a user reads.
pub(crate) fn noun(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Workspace => "file",
        EntityKind::Persona => "persona",
        EntityKind::Journey => "journey",
        EntityKind::Stage => "stage",
        EntityKind::Lane => "lane",
        EntityKind::Step => "step",
        EntityKind::Handoff => "handoff",
        EntityKind::ChecklistItem => "checklist item",
        EntityKind::Metric => "metric",
        EntityKind::Target => "target",
        EntityKind::Response => "survey response",
        EntityKind::Score => "score",
        EntityKind::Phase => "phase",
        EntityKind::Initiative => "initiative",
        EntityKind::Snapshot => "snapshot",
        EntityKind::SavedMapping => "saved mapping",
        EntityKind::Edit => "edit",
    }
}

pub(crate) fn fail(
    kind: EditErrorKind,
    entity: EntityKind,
    id: &str,
    field: &str,
    message: impl Into<String>,
) -> EditError {
    EditError::new(kind, entity, Some(id), Some(field), message)
}

/// The entity an edit names does not exist.
pub(crate) fn missing(entity: EntityKind, id: &str) -> EditError {
    fail(
        EditErrorKind::NotFound,
        entity,
        id,
        "id",
        format!("The {} {id} does not exist", noun(entity)),
    )
}

/// A reference held in `field` of `entity` names something that does not exist.
pub(crate) fn dangling(
    entity: EntityKind,
    id: &str,
    field: &str,
    target: EntityKind,
    target_id: &str,
) -> EditError {
    fail(
        EditErrorKind::NotFound,
        entity,
        id,
        field,
        format!(
            "The {} {id} refers to the {} {target_id}, which does not exist",
            noun(entity),
            noun(target)
        ),
    )
}

/// The id of a new entity must be a UUID nobody uses yet.
pub(crate) fn fresh_id(entity: EntityKind, id: &str, taken: bool) -> Result<(), EditError> {
    if uuid::Uuid::parse_str(id).is_err() {
        return Err(fail(
            EditErrorKind::InvalidId,
            entity,
            id,
            "id",
            format!("The {} id {id:?} is not a UUID", noun(entity)),
        ));
    }
    if taken {
        return Err(fail(
            EditErrorKind::AlreadyExists,
            entity,
            id,
            "id",
            format!("A {} with the id {id} exists already", noun(entity)),
        ));
    }
    Ok(())
}

/// A title or name: trimmed, then 1 to 200 characters.
pub(crate) fn required_name(
    entity: EntityKind,
    id: &str,
    field: &str,
    text: &str,
) -> Result<String, EditError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(fail(
            EditErrorKind::Empty,
            entity,
            id,
            field,
            format!("The {} {field} cannot be empty", noun(entity)),
        ));
    }
    short_text(entity, id, field, trimmed)
}

/// A short optional text (a role, an owner, a department): trimmed, at most 200 characters.
pub(crate) fn short_text(
    entity: EntityKind,
    id: &str,
    field: &str,
    text: &str,
) -> Result<String, EditError> {
    let trimmed = text.trim();
    if trimmed.chars().count() > MAX_NAME_CHARS {
        return Err(fail(
            EditErrorKind::TooLong,
            entity,
            id,
            field,
            format!(
                "The {} {field} is longer than {MAX_NAME_CHARS} characters",
                noun(entity)
            ),
        ));
    }
    Ok(trimmed.to_owned())
}

/// Notes, descriptions, goals, comments: kept as typed, at most 10,000 characters.
pub(crate) fn long_text(
    entity: EntityKind,
    id: &str,
    field: &str,
    text: &str,
) -> Result<(), EditError> {
    // Counting stops early: a huge paste is rejected without walking all of it.
    if text.chars().nth(MAX_LONG_TEXT_CHARS).is_some() {
        return Err(fail(
            EditErrorKind::TooLong,
            entity,
            id,
            field,
            format!(
                "The {} {field} is longer than {MAX_LONG_TEXT_CHARS} characters",
                noun(entity)
            ),
        ));
    }
    Ok(())
}

/// Not a number or infinite values would make the file unequal to itself and break analysis.
pub(crate) fn finite(
    entity: EntityKind,
    id: &str,
    field: &str,
    value: f64,
) -> Result<(), EditError> {
    if !value.is_finite() {
        return Err(fail(
            EditErrorKind::OutOfRange,
            entity,
            id,
            field,
            format!("The {} {field} must be a finite number", noun(entity)),
        ));
    }
    Ok(())
}

pub(crate) fn out_of_range(
    entity: EntityKind,
    id: &str,
    field: &str,
    message: impl Into<String>,
) -> EditError {
    fail(EditErrorKind::OutOfRange, entity, id, field, message)
}

pub(crate) fn not_allowed(
    entity: EntityKind,
    id: &str,
    field: &str,
    message: impl Into<String>,
) -> EditError {
    fail(EditErrorKind::NotAllowed, entity, id, field, message)
}

/// An `Update*` must keep the entity where it is.
pub(crate) fn same_placement<T: PartialEq>(
    entity: EntityKind,
    id: &str,
    field: &str,
    current: &T,
    proposed: &T,
) -> Result<(), EditError> {
    if current != proposed {
        return Err(fail(
            EditErrorKind::PlacementChanged,
            entity,
            id,
            field,
            format!(
                "An update cannot change the {} {field}: move it instead",
                noun(entity)
            ),
        ));
    }
    Ok(())
}

/// A future-state copy's `origin_id`: a UUID when set (the item it was copied from, which may
/// since have been deleted, so it is not looked up).
pub(crate) fn valid_origin(
    entity: EntityKind,
    id: &str,
    origin: Option<&str>,
) -> Result<(), EditError> {
    match origin {
        Some(origin) if uuid::Uuid::parse_str(origin).is_err() => Err(fail(
            EditErrorKind::InvalidId,
            entity,
            id,
            "origin_id",
            format!("The {} origin {origin:?} is not a UUID", noun(entity)),
        )),
        _ => Ok(()),
    }
}

/// An `Update*` keeps the item's origin: it is set when the item is copied, never changed.
pub(crate) fn same_origin(
    entity: EntityKind,
    id: &str,
    current: Option<&str>,
    proposed: Option<&str>,
) -> Result<(), EditError> {
    if current != proposed {
        return Err(not_allowed(
            entity,
            id,
            "origin_id",
            format!(
                "A {}'s origin is set when it is copied and cannot be changed",
                noun(entity)
            ),
        ));
    }
    Ok(())
}
