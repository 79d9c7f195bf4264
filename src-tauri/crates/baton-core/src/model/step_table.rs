//! The steps of a workspace with a per-cell index, so that finding a step's siblings (to keep
//! positions dense when a step is created, moved or deleted) costs the size of its cell, not a
//! scan of every step: importing 100,000 steps into one cell is linear, not quadratic.
//!
//! The index is derived: never stored in the file nor compared, and rebuilt from the steps
//! whenever a table is built from them (`FromIterator`, `From<BTreeMap>`). The table can only be
//! changed through [`StepTable::insert`] and [`StepTable::remove`] (it derefs to the read-only
//! map), so the index cannot fall out of step with the steps it indexes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::{Deref, RangeInclusive};

use super::{Id, Step};

/// One cell's steps, ordered as the map shows them: by position, then id.
type Cell = BTreeSet<(u32, Id)>;

/// Every step by id, and the steps of each cell (stage, then lane) in order.
#[derive(Clone, Default)]
pub struct StepTable {
    steps: BTreeMap<Id, Step>,
    cells: BTreeMap<Id, BTreeMap<Id, Cell>>,
}

impl StepTable {
    /// Adds or replaces the step stored under `id`, keeping the index; returns the step it
    /// replaced, like `BTreeMap::insert`.
    pub fn insert(&mut self, id: Id, step: Step) -> Option<Step> {
        let old = self.remove(&id);
        self.index(&id, &step);
        self.steps.insert(id, step);
        old
    }

    /// Removes the step stored under `id`, keeping the index.
    pub fn remove(&mut self, id: &str) -> Option<Step> {
        let step = self.steps.remove(id)?;
        self.unindex(id, &step);
        Some(step)
    }

    /// How many steps the cell holds.
    pub fn cell_len(&self, stage_id: &str, lane_id: &str) -> usize {
        self.cell(stage_id, lane_id).map_or(0, BTreeSet::len)
    }

    /// The steps of one cell, by position (then id).
    pub fn in_cell<'a>(
        &'a self,
        stage_id: &str,
        lane_id: &str,
    ) -> impl Iterator<Item = &'a Step> + 'a {
        self.cell(stage_id, lane_id)
            .into_iter()
            .flatten()
            .filter_map(|(_, id)| self.steps.get(id))
    }

    /// The ids and positions of the steps of one cell whose position lies in `positions`.
    pub(crate) fn in_cell_between(
        &self,
        stage_id: &str,
        lane_id: &str,
        positions: RangeInclusive<u32>,
    ) -> Vec<(Id, u32)> {
        let Some(cell) = self.cell(stage_id, lane_id) else {
            return Vec::new();
        };
        let from = (*positions.start(), Id::new());
        cell.range(from..)
            .take_while(|(position, _)| position <= positions.end())
            .map(|(position, id)| (id.clone(), *position))
            .collect()
    }

    /// Gives the step stored under `id` a new position within its cell.
    pub(crate) fn set_position(&mut self, id: &str, position: u32) {
        let Some(step) = self.steps.get_mut(id) else {
            return;
        };
        let old = step.position;
        step.position = position;
        if let Some(cell) = self
            .cells
            .get_mut(&step.stage_id)
            .and_then(|lanes| lanes.get_mut(&step.lane_id))
        {
            cell.remove(&(old, id.to_owned()));
            cell.insert((position, id.to_owned()));
        }
    }

    /// Whether the index holds exactly what a fresh scan of the steps gives: for the tests,
    /// which check it after random edits and undos.
    pub fn index_is_fresh(&self) -> bool {
        let fresh: StepTable = self.steps.clone().into();
        fresh.cells == self.cells
    }

    fn cell(&self, stage_id: &str, lane_id: &str) -> Option<&Cell> {
        self.cells.get(stage_id)?.get(lane_id)
    }

    fn index(&mut self, id: &str, step: &Step) {
        self.cells
            .entry(step.stage_id.clone())
            .or_default()
            .entry(step.lane_id.clone())
            .or_default()
            .insert((step.position, id.to_owned()));
    }

    /// Drops `id` from its cell, and the cell (and stage) once empty, so that the index of a
    /// table always equals the index built afresh from its steps.
    fn unindex(&mut self, id: &str, step: &Step) {
        let Some(lanes) = self.cells.get_mut(&step.stage_id) else {
            return;
        };
        if let Some(cell) = lanes.get_mut(&step.lane_id) {
            cell.remove(&(step.position, id.to_owned()));
            if cell.is_empty() {
                lanes.remove(&step.lane_id);
            }
        }
        if lanes.is_empty() {
            self.cells.remove(&step.stage_id);
        }
    }
}

impl Deref for StepTable {
    type Target = BTreeMap<Id, Step>;

    fn deref(&self) -> &Self::Target {
        &self.steps
    }
}

impl From<BTreeMap<Id, Step>> for StepTable {
    fn from(steps: BTreeMap<Id, Step>) -> Self {
        let mut table = StepTable {
            steps: BTreeMap::new(),
            cells: BTreeMap::new(),
        };
        for (id, step) in &steps {
            table.index(id, step);
        }
        table.steps = steps;
        table
    }
}

impl FromIterator<(Id, Step)> for StepTable {
    fn from_iter<I: IntoIterator<Item = (Id, Step)>>(iter: I) -> Self {
        BTreeMap::from_iter(iter).into()
    }
}

impl<'a> IntoIterator for &'a StepTable {
    type Item = (&'a Id, &'a Step);
    type IntoIter = std::collections::btree_map::Iter<'a, Id, Step>;

    fn into_iter(self) -> Self::IntoIter {
        self.steps.iter()
    }
}

impl IntoIterator for StepTable {
    type Item = (Id, Step);
    type IntoIter = std::collections::btree_map::IntoIter<Id, Step>;

    fn into_iter(self) -> Self::IntoIter {
        self.steps.into_iter()
    }
}

/// Two tables are equal when their steps are: the index is derived from them.
impl PartialEq for StepTable {
    fn eq(&self, other: &Self) -> bool {
        self.steps == other.steps
    }
}

impl fmt::Debug for StepTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.steps.fmt(f)
    }
}
