//! Verifies a history against the content it belongs to: undo applies
//! `entries[cursor - 1].inverse` to the current content, redo applies `entries[cursor].edit`
//! (both through `Workspace::restore`, as `Document` undoes and redoes).
//! An entry whose inverse disagrees with its edit would make undo change something unrelated
//! under the entry's label, and break redo for good, so an import (and `check`) refuses it,
//! naming the entry.
//!
//! The fast path costs two applies per entry and one copy of the content: undo every applied
//! entry from the current content (each inverse must apply), then redo them all (each edit
//! must apply and its inverse, as the core computes it, must be the stored one), which must
//! give back the current content exactly; then the redo tail is redone the same way. That is
//! sound: each stored inverse is then the exact undo of its edit, so going back down from the
//! (equal) current content retraces the same states. Should anything fail, a slower pass finds
//! the entry at fault (the highest one), checking each entry's inverse and edit in place.

use std::collections::BTreeSet;

use baton_core::{EntityKind, EntityRef, Workspace};

use crate::history::StoredEntry;

/// Which part of an entry is at fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Edit,
    Inverse,
}

/// An entry (0-based index into the entries) that disagrees with the content or itself.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryFault {
    pub index: usize,
    pub part: Part,
    pub message: String,
}

impl HistoryFault {
    /// `$.history.entries[4].inverse`.
    pub fn json_path(&self) -> String {
        let part = match self.part {
            Part::Edit => "edit",
            Part::Inverse => "inverse",
        };
        format!("$.history.entries[{}].{part}", self.index)
    }

    /// The entry's seq (1-based).
    pub fn seq(&self) -> usize {
        self.index + 1
    }
}

fn fault(index: usize, part: Part, message: String) -> HistoryFault {
    HistoryFault {
        index,
        part,
        message,
    }
}

/// Checks `entries` (seq order, `cursor` of them applied) against `current`, the content with
/// them applied. The caller has checked that `cursor <= entries.len()`.
pub fn verify(
    current: &Workspace,
    entries: &[StoredEntry],
    cursor: u32,
) -> Result<(), HistoryFault> {
    let cursor = (cursor as usize).min(entries.len());
    if entries.is_empty() {
        return Ok(());
    }
    let mut ws = current.clone();
    let fast = match undo_all(&mut ws, &entries[..cursor]) {
        Err(()) => Err(None),
        Ok(()) => redo_all(&mut ws, entries, 0..cursor).map_err(Some),
    };
    if let Err(redo_fault) = fast {
        return Err(locate(current, entries, cursor)
            .or(redo_fault)
            .unwrap_or_else(|| {
                fault(
                    cursor.saturating_sub(1),
                    Part::Inverse,
                    "cannot be undone".into(),
                )
            }));
    }
    if ws != *current {
        return Err(locate_divergence(ws, current.clone(), entries, cursor));
    }
    redo_all(&mut ws, entries, cursor..entries.len())
}

/// Applies the inverses of `applied`, newest first.
fn undo_all(ws: &mut Workspace, applied: &[StoredEntry]) -> Result<(), ()> {
    for entry in applied.iter().rev() {
        ws.restore(&entry.inverse).map_err(drop)?;
    }
    Ok(())
}

/// Redoes entries `range` in order: each edit must apply, and its inverse be the stored one.
fn redo_all(
    ws: &mut Workspace,
    entries: &[StoredEntry],
    range: std::ops::Range<usize>,
) -> Result<(), HistoryFault> {
    for index in range {
        let entry = &entries[index];
        let applied = ws.restore(&entry.edit).map_err(|error| {
            fault(
                index,
                Part::Edit,
                format!("cannot be redone: {}", error.message),
            )
        })?;
        if applied.inverse != entry.inverse {
            return Err(not_the_inverse(index));
        }
    }
    Ok(())
}

fn not_the_inverse(index: usize) -> HistoryFault {
    fault(
        index,
        Part::Inverse,
        "is not the inverse of its edit: undoing this entry would not restore what its edit \
         changed"
            .into(),
    )
}

/// The slow pass: from the current content down, each entry's inverse must apply, its edit
/// must apply after it and give back that very inverse. The first entry (from the top) that
/// fails is the one at fault.
fn locate(current: &Workspace, entries: &[StoredEntry], cursor: usize) -> Option<HistoryFault> {
    let mut ws = current.clone();
    for index in (0..cursor).rev() {
        let entry = &entries[index];
        if let Err(error) = ws.restore(&entry.inverse) {
            return Some(fault(
                index,
                Part::Inverse,
                format!(
                    "cannot undo this entry on the content it follows: {}",
                    error.message
                ),
            ));
        }
        match ws.restore(&entry.edit) {
            Err(error) => {
                return Some(fault(
                    index,
                    Part::Inverse,
                    format!(
                        "does not undo its edit: after it, the edit no longer applies ({})",
                        error.message
                    ),
                ))
            }
            Ok(applied) if applied.inverse != entry.inverse => return Some(not_the_inverse(index)),
            Ok(_) => {}
        }
        // The inverse is the exact undo of the edit: back to the state below.
        if ws.restore(&entry.inverse).is_err() {
            return Some(not_the_inverse(index));
        }
    }
    None
}

/// After redoing every applied entry, `redone` differs from `current`: some entry's edit does
/// not lead from the content before it to the content after it. Both go down the history
/// together (each inverse is exact now) until they agree; the entry just undone is at fault.
/// Only the rows that differ, or that an undo touched, are compared at each step.
fn locate_divergence(
    mut redone: Workspace,
    mut current: Workspace,
    entries: &[StoredEntry],
    cursor: usize,
) -> HistoryFault {
    let mut differing = differing_rows(&redone, &current);
    for index in (0..cursor).rev() {
        let inverse = &entries[index].inverse;
        let (Ok(a), Ok(b)) = (redone.restore(inverse), current.restore(inverse)) else {
            return not_the_inverse(index);
        };
        differing.extend(a.touched);
        differing.extend(b.touched);
        differing.retain(|row| !same_row(&redone, &current, row));
        if differing.is_empty() {
            return fault(
                index,
                Part::Edit,
                "does not lead from the content before it to the content after it: redoing \
                 it after an undo would not give back the file's content"
                    .into(),
            );
        }
    }
    fault(
        cursor.saturating_sub(1),
        Part::Edit,
        "does not agree with the file's content".into(),
    )
}

/// Every row that differs between `a` and `b`.
fn differing_rows(a: &Workspace, b: &Workspace) -> BTreeSet<EntityRef> {
    fn diff<T: PartialEq>(
        kind: EntityKind,
        a: &std::collections::BTreeMap<String, T>,
        b: &std::collections::BTreeMap<String, T>,
        out: &mut BTreeSet<EntityRef>,
    ) {
        for (id, value) in a {
            if b.get(id) != Some(value) {
                out.insert(EntityRef::new(kind, id.as_str()));
            }
        }
        for id in b.keys() {
            if !a.contains_key(id) {
                out.insert(EntityRef::new(kind, id.as_str()));
            }
        }
    }
    let mut out = BTreeSet::new();
    if a.info != b.info {
        out.insert(EntityRef::new(EntityKind::Workspace, ""));
    }
    diff(EntityKind::Persona, &a.personas, &b.personas, &mut out);
    diff(EntityKind::Journey, &a.journeys, &b.journeys, &mut out);
    diff(EntityKind::Stage, &a.stages, &b.stages, &mut out);
    diff(EntityKind::Lane, &a.lanes, &b.lanes, &mut out);
    diff(EntityKind::Step, &a.steps, &b.steps, &mut out);
    diff(EntityKind::Handoff, &a.handoffs, &b.handoffs, &mut out);
    diff(EntityKind::Metric, &a.metrics, &b.metrics, &mut out);
    diff(EntityKind::Target, &a.targets, &b.targets, &mut out);
    diff(EntityKind::Response, &a.responses, &b.responses, &mut out);
    diff(EntityKind::Score, &a.scores, &b.scores, &mut out);
    diff(EntityKind::Phase, &a.phases, &b.phases, &mut out);
    diff(
        EntityKind::Initiative,
        &a.initiatives,
        &b.initiatives,
        &mut out,
    );
    diff(EntityKind::Snapshot, &a.snapshots, &b.snapshots, &mut out);
    diff(
        EntityKind::SavedMapping,
        &a.saved_mappings,
        &b.saved_mappings,
        &mut out,
    );
    out
}

/// Whether row `row` is the same in `a` and `b` (both absent counts as the same).
fn same_row(a: &Workspace, b: &Workspace, row: &EntityRef) -> bool {
    let id = &row.id;
    match row.kind {
        EntityKind::Workspace => a.info == b.info,
        EntityKind::Persona => a.personas.get(id) == b.personas.get(id),
        EntityKind::Journey => a.journeys.get(id) == b.journeys.get(id),
        EntityKind::Stage => a.stages.get(id) == b.stages.get(id),
        EntityKind::Lane => a.lanes.get(id) == b.lanes.get(id),
        EntityKind::Step => a.steps.get(id) == b.steps.get(id),
        EntityKind::Handoff => a.handoffs.get(id) == b.handoffs.get(id),
        EntityKind::Metric => a.metrics.get(id) == b.metrics.get(id),
        EntityKind::Target => a.targets.get(id) == b.targets.get(id),
        EntityKind::Response => a.responses.get(id) == b.responses.get(id),
        EntityKind::Score => a.scores.get(id) == b.scores.get(id),
        EntityKind::Phase => a.phases.get(id) == b.phases.get(id),
        EntityKind::Initiative => a.initiatives.get(id) == b.initiatives.get(id),
        EntityKind::Snapshot => a.snapshots.get(id) == b.snapshots.get(id),
        EntityKind::SavedMapping => a.saved_mappings.get(id) == b.saved_mappings.get(id),
        // Checklist items live in their handoff's row, which is touched with them.
        EntityKind::ChecklistItem | EntityKind::Edit => true,
    }
}
