//! Edits on a selection of cards, each built here as ONE edit (one undo step): copy into a
//! clipboard and paste it at a cell (within or across journeys), duplicate, delete, and move a
//! card to the neighbouring position or cell. The builders only read the workspace; the edit
//! they return is validated when applied, like any other.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::edit::Edit;
use crate::error::{EditError, EditErrorKind};
use crate::model::*;

use super::checks::{fail, missing, out_of_range};
use super::lane_kind::fit_step_to_lane;
use super::positions::Positioned;

/// The most cards one copy, paste, duplicate or delete takes (a whole large journey fits).
pub const MAX_SELECTED_CARDS: usize = 10_000;

/// Copied cards with the handoffs among them, independent of any journey: each card keeps its
/// place relative to the copied block's top-left cell, so a paste can put the block anywhere.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Clipboard {
    /// In journey order (stage, lane, position in the cell).
    pub cards: Vec<ClipboardCard>,
    pub handoffs: Vec<ClipboardHandoff>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ClipboardCard {
    /// Stages to the right of the block's first stage.
    pub stage_offset: u32,
    /// Lanes below the block's first lane.
    pub lane_offset: u32,
    /// The card as copied; a paste gives it a new id, journey, cell and position.
    pub step: Step,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ClipboardHandoff {
    /// Indices into `Clipboard::cards`.
    pub from: u32,
    pub to: u32,
    /// The handoff as copied; a paste gives it (and its checklist items) new ids and its ends.
    pub handoff: Handoff,
}

/// Where a paste goes: the cell that receives the block's top-left card. The cards of that
/// cell go in at `position` (the end when none); the block's other cards go at the end of theirs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PasteTarget {
    pub journey_id: Id,
    pub stage_id: Id,
    pub lane_id: Id,
    pub position: Option<u32>,
}

/// Which neighbour a card moves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CardMove {
    /// Earlier in its cell, or at the end of the cell above when it is first.
    Up,
    /// Later in its cell, or first in the cell below when it is last.
    Down,
    /// The previous stage, same lane, same position (or the end).
    Left,
    /// The next stage, same lane, same position (or the end).
    Right,
}

fn selection_error(kind: EditErrorKind, message: impl Into<String>) -> EditError {
    EditError::new(kind, EntityKind::Step, None, Some("selection"), message)
}

fn cards_word(n: usize) -> String {
    if n == 1 {
        "1 card".to_owned()
    } else {
        format!("{n} cards")
    }
}

impl Workspace {
    /// The selected steps, each once, in journey order; all must exist in one journey.
    fn selected_steps(&self, ids: &[Id]) -> Result<Vec<&Step>, EditError> {
        if ids.is_empty() {
            return Err(selection_error(EditErrorKind::Empty, "No card is selected"));
        }
        if ids.len() > MAX_SELECTED_CARDS {
            return Err(selection_error(
                EditErrorKind::TooLong,
                format!(
                    "At most {MAX_SELECTED_CARDS} cards at a time, not {}",
                    ids.len()
                ),
            ));
        }
        let mut seen = HashSet::new();
        let mut steps = Vec::with_capacity(ids.len());
        for id in ids {
            let step = self
                .steps
                .get(id)
                .ok_or_else(|| missing(EntityKind::Step, id))?;
            if seen.insert(id.as_str()) {
                steps.push(step);
            }
        }
        let journey_id = &steps[0].journey_id;
        if let Some(other) = steps.iter().find(|s| &s.journey_id != journey_id) {
            return Err(fail(
                EditErrorKind::CrossJourney,
                EntityKind::Step,
                &other.id,
                "selection",
                "The selected cards belong to different journeys",
            ));
        }
        let place = |s: &Step| {
            let stage = self.stages.get(&s.stage_id).map_or(0, |x| x.position);
            let lane = self.lanes.get(&s.lane_id).map_or(0, |x| x.position);
            (stage, lane, s.position)
        };
        steps.sort_by_key(|s| place(s));
        Ok(steps)
    }

    /// The handoffs whose both ends are among `steps`, as (from index, to index, handoff).
    fn handoffs_among<'a>(&'a self, steps: &[&Step]) -> Vec<(u32, u32, &'a Handoff)> {
        let index: HashMap<&str, u32> = steps
            .iter()
            .zip(0u32..)
            .map(|(s, i)| (s.id.as_str(), i))
            .collect();
        let journey_id = &steps[0].journey_id;
        let mut among: Vec<(u32, u32, &Handoff)> = self
            .handoffs
            .values()
            .filter(|h| &h.journey_id == journey_id)
            .filter_map(|h| {
                let from = *index.get(h.from_step_id.as_str())?;
                let to = *index.get(h.to_step_id.as_str())?;
                Some((from, to, h))
            })
            .collect();
        among.sort_by(|a, b| (a.0, a.1, &a.2.id).cmp(&(b.0, b.1, &b.2.id)));
        among
    }

    /// The selected cards and the handoffs among them, for a later `paste_cards`.
    pub fn copy_cards(&self, ids: &[Id]) -> Result<Clipboard, EditError> {
        let steps = self.selected_steps(ids)?;
        let position_of = |list: &BTreeMap<Id, u32>, id: &str| list.get(id).copied().unwrap_or(0);
        let stage_at: BTreeMap<Id, u32> = steps
            .iter()
            .filter_map(|s| self.stages.get(&s.stage_id))
            .map(|x| (x.id.clone(), x.position))
            .collect();
        let lane_at: BTreeMap<Id, u32> = steps
            .iter()
            .filter_map(|s| self.lanes.get(&s.lane_id))
            .map(|x| (x.id.clone(), x.position))
            .collect();
        let first_stage = stage_at.values().copied().min().unwrap_or(0);
        let first_lane = lane_at.values().copied().min().unwrap_or(0);
        let cards = steps
            .iter()
            .map(|s| ClipboardCard {
                stage_offset: position_of(&stage_at, &s.stage_id) - first_stage,
                lane_offset: position_of(&lane_at, &s.lane_id) - first_lane,
                step: (*s).clone(),
            })
            .collect();
        let handoffs = self
            .handoffs_among(&steps)
            .into_iter()
            .map(|(from, to, h)| ClipboardHandoff {
                from,
                to,
                handoff: h.clone(),
            })
            .collect();
        Ok(Clipboard { cards, handoffs })
    }

    /// The edit that pastes `clipboard` at `at`: new cards (new ids) placed like the copied
    /// block, fitted to the kinds of the lanes they land on, and the handoffs among them.
    pub fn paste_cards(&self, clipboard: &Clipboard, at: &PasteTarget) -> Result<Edit, EditError> {
        let count = clipboard.cards.len();
        if count == 0 {
            return Err(selection_error(
                EditErrorKind::Empty,
                "Nothing has been copied",
            ));
        }
        if count > MAX_SELECTED_CARDS || clipboard.handoffs.len() > MAX_SELECTED_CARDS {
            return Err(selection_error(
                EditErrorKind::TooLong,
                format!("At most {MAX_SELECTED_CARDS} cards and handoffs at a time"),
            ));
        }
        let (stages, lanes) = self.target_grid(at)?;
        let stage_at = index_of(&stages, &at.stage_id);
        let lane_at = index_of(&lanes, &at.lane_id);
        let mut next_in_cell: HashMap<(usize, usize), u32> = HashMap::new();
        let mut ids = Vec::with_capacity(count);
        let mut edits = Vec::with_capacity(count + clipboard.handoffs.len());
        for card in &clipboard.cards {
            let s = stage_at + card.stage_offset as usize;
            let l = lane_at + card.lane_offset as usize;
            let (Some(stage), Some(lane)) = (stages.get(s), lanes.get(l)) else {
                let past = if s >= stages.len() { "stage" } else { "lane" };
                return Err(EditError::new(
                    EditErrorKind::OutOfRange,
                    EntityKind::Step,
                    None,
                    Some(if s >= stages.len() {
                        "stage_id"
                    } else {
                        "lane_id"
                    }),
                    format!(
                        "The copied cards span {} stages and {} lanes: pasted here they would \
                         run past the journey's last {past}",
                        span(clipboard, |c| c.stage_offset),
                        span(clipboard, |c| c.lane_offset),
                    ),
                ));
            };
            let position = next_in_cell.entry((s, l)).or_insert_with(|| {
                let len =
                    u32::try_from(self.steps.cell_len(&stage.id, &lane.id)).unwrap_or(u32::MAX);
                let anchor = card.stage_offset == 0 && card.lane_offset == 0;
                at.position.filter(|_| anchor).map_or(len, |p| p.min(len))
            });
            let step = Step {
                id: new_id(),
                journey_id: at.journey_id.clone(),
                stage_id: stage.id.clone(),
                lane_id: lane.id.clone(),
                position: *position,
                ..fit_step_to_lane(&card.step, lane.kind)
            };
            *position += 1;
            ids.push(step.id.clone());
            edits.push(Edit::CreateStep { step });
        }
        for copied in &clipboard.handoffs {
            let end = |i: u32, field: &str| {
                ids.get(i as usize).cloned().ok_or_else(|| {
                    out_of_range(
                        EntityKind::Handoff,
                        &copied.handoff.id,
                        field,
                        format!("The copied handoff names card {i} of {count}"),
                    )
                })
            };
            edits.push(Edit::ConnectHandoff {
                handoff: renewed_handoff(
                    &copied.handoff,
                    &at.journey_id,
                    end(copied.from, "from")?,
                    end(copied.to, "to")?,
                ),
            });
        }
        Ok(Edit::Batch {
            label: format!("Paste {}", cards_word(count)),
            edits,
        })
    }

    /// The stages and lanes of the paste's journey, in order, checking that its cell is there.
    fn target_grid(&self, at: &PasteTarget) -> Result<(Vec<&Stage>, Vec<&Lane>), EditError> {
        if !self.journeys.contains_key(&at.journey_id) {
            return Err(missing(EntityKind::Journey, &at.journey_id));
        }
        let stages = self.stages_of(&at.journey_id);
        let lanes = self.lanes_of(&at.journey_id);
        if !stages.iter().any(|s| s.id == at.stage_id) {
            return Err(missing(EntityKind::Stage, &at.stage_id));
        }
        if !lanes.iter().any(|l| l.id == at.lane_id) {
            return Err(missing(EntityKind::Lane, &at.lane_id));
        }
        Ok((stages, lanes))
    }

    /// The edit that copies the selected cards (and the handoffs among them) in place: each copy
    /// right after its original, in the same cell.
    pub fn duplicate_cards(&self, ids: &[Id]) -> Result<Edit, EditError> {
        let steps = self.selected_steps(ids)?;
        // In each cell, the copies of earlier cards push the later originals down by one each.
        let mut by_cell: Vec<&Step> = steps.clone();
        by_cell.sort_by(|a, b| {
            (&a.stage_id, &a.lane_id, a.position).cmp(&(&b.stage_id, &b.lane_id, b.position))
        });
        let copy_ids: Vec<Id> = steps.iter().map(|_| new_id()).collect();
        let index: HashMap<&str, usize> = steps
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let mut copies_in_cell: HashMap<(&str, &str), u32> = HashMap::new();
        let mut edits = Vec::with_capacity(steps.len());
        for original in by_cell {
            let before = copies_in_cell
                .entry((&original.stage_id, &original.lane_id))
                .or_insert(0);
            let copy = Step {
                id: copy_ids[index[original.id.as_str()]].clone(),
                position: original.position + *before + 1,
                ..original.clone()
            };
            *before += 1;
            edits.push(Edit::CreateStep { step: copy });
        }
        // `handoffs_among` numbers the ends by their place in `steps`, as `copy_ids` does.
        for (from, to, handoff) in self.handoffs_among(&steps) {
            let (from, to) = (
                copy_ids[from as usize].clone(),
                copy_ids[to as usize].clone(),
            );
            edits.push(Edit::ConnectHandoff {
                handoff: renewed_handoff(handoff, &handoff.journey_id, from, to),
            });
        }
        Ok(Edit::Batch {
            label: format!("Duplicate {}", cards_word(steps.len())),
            edits,
        })
    }

    /// The edit that deletes the selected cards (and, by cascade, their handoffs and scores).
    pub fn delete_cards(&self, ids: &[Id]) -> Result<Edit, EditError> {
        let steps = self.selected_steps(ids)?;
        Ok(Edit::Batch {
            label: format!("Delete {}", cards_word(steps.len())),
            edits: steps
                .iter()
                .map(|s| Edit::DeleteStep { id: s.id.clone() })
                .collect(),
        })
    }

    /// The edit that moves a card one place `direction`, or none at the grid's edge.
    pub fn move_card(&self, id: &str, direction: CardMove) -> Result<Option<Edit>, EditError> {
        let step = self
            .steps
            .get(id)
            .ok_or_else(|| missing(EntityKind::Step, id))?;
        let stages = self.stages_of(&step.journey_id);
        let lanes = self.lanes_of(&step.journey_id);
        let s = index_of(&stages, &step.stage_id);
        let l = index_of(&lanes, &step.lane_id);
        let cell_len = |s: usize, l: usize| -> Option<u32> {
            let (stage, lane) = (stages.get(s)?, lanes.get(l)?);
            u32::try_from(self.steps.cell_len(&stage.id, &lane.id)).ok()
        };
        let here = cell_len(s, l).unwrap_or(0);
        let (s, l, position) = match direction {
            CardMove::Up if step.position > 0 => (s, l, step.position - 1),
            CardMove::Down if step.position + 1 < here => (s, l, step.position + 1),
            CardMove::Up => match l.checked_sub(1) {
                Some(above) => (s, above, cell_len(s, above).unwrap_or(0)),
                None => return Ok(None),
            },
            CardMove::Down => (s, l + 1, 0),
            CardMove::Left => match s.checked_sub(1) {
                Some(left) => (left, l, step.position.min(cell_len(left, l).unwrap_or(0))),
                None => return Ok(None),
            },
            CardMove::Right => (s + 1, l, step.position.min(cell_len(s + 1, l).unwrap_or(0))),
        };
        let (Some(stage), Some(lane)) = (stages.get(s), lanes.get(l)) else {
            return Ok(None);
        };
        Ok(Some(Edit::MoveStep {
            id: id.to_owned(),
            stage_id: stage.id.clone(),
            lane_id: lane.id.clone(),
            position,
        }))
    }
}

/// Where the item with `id` is in `list` (0 when absent: callers checked it is there).
fn index_of<T: Positioned>(list: &[&T], id: &str) -> usize {
    list.iter().position(|x| x.id() == id).unwrap_or(0)
}

/// How many stages (or lanes) the clipboard's block covers.
fn span(clipboard: &Clipboard, offset: impl Fn(&ClipboardCard) -> u32) -> u32 {
    clipboard.cards.iter().map(offset).max().unwrap_or(0) + 1
}

/// A copy of `handoff` between two new cards, with new ids for it and its checklist items.
fn renewed_handoff(handoff: &Handoff, journey_id: &str, from: Id, to: Id) -> Handoff {
    Handoff {
        id: new_id(),
        journey_id: journey_id.to_owned(),
        from_step_id: from,
        to_step_id: to,
        checklist: handoff
            .checklist
            .iter()
            .map(|item| ChecklistItem {
                id: new_id(),
                ..item.clone()
            })
            .collect(),
        ..handoff.clone()
    }
}
