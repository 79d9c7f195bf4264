//! The journeys' analyses the Plan view reads (evidence, coverage, draft), kept between edits.
//! The plan is sent again after every edit while it is on screen, and most of those edits are
//! the plan's own (move, rate, date an initiative), which no analysis reads: analysing every
//! journey again after each (19 ms for the 10,000-step journey, more than the plan itself)
//! would be wasted. A change forgets only the analyses it may have changed: those of the
//! journeys its rows belong to, or all of them when a row cannot be placed in one journey (a
//! metric, a deleted row, a failed write).

use std::collections::BTreeSet;

use baton_core::analysis::{analyze_with, AnalysisOptions};
use baton_core::plan::JourneyAnalyses;
use baton_core::scores::Granularity;
use baton_core::{EntityKind, EntityRef, SubjectKind, Workspace};

/// The analyses held, all at one granularity.
#[derive(Default)]
pub struct HeldAnalyses {
    granularity: Granularity,
    analyses: JourneyAnalyses,
    /// How many analyses were made since the file was opened (tests check what is reused).
    made: u64,
}

/// Where a touched row leaves the held analyses.
enum Reach<'w> {
    /// No analysis reads it.
    Nothing,
    /// Only this journey's analysis may have changed.
    Journey(&'w str),
    /// It cannot be placed in one journey: every analysis may have changed.
    Everything,
}

impl HeldAnalyses {
    /// Forgets the analyses that the rows `touched` by a change of `ws` (as it is after the
    /// change) may have changed.
    pub fn note(&mut self, ws: &Workspace, touched: &[EntityRef]) {
        if self.analyses.is_empty() {
            return;
        }
        let mut stale: BTreeSet<&str> = BTreeSet::new();
        for row in touched {
            match reach(ws, row) {
                Reach::Nothing => {}
                Reach::Journey(id) => {
                    stale.insert(id);
                }
                Reach::Everything => {
                    self.analyses.clear();
                    return;
                }
            }
        }
        self.analyses.retain(|id, _| !stale.contains(id.as_str()));
    }

    /// Something changed without a list of rows (a failed write the store rolled back, which
    /// may have read the file again): nothing held is trusted.
    pub fn note_unknown_change(&mut self) {
        self.analyses.clear();
    }

    /// The held analyses at `granularity`, with those of `journeys` not held yet made now (a
    /// journey that no longer exists is skipped).
    pub fn with<'j>(
        &mut self,
        ws: &Workspace,
        journeys: impl IntoIterator<Item = &'j str>,
        granularity: Granularity,
    ) -> &JourneyAnalyses {
        if granularity != self.granularity {
            self.analyses.clear();
            self.granularity = granularity;
        }
        let options = AnalysisOptions {
            granularity,
            ..AnalysisOptions::default()
        };
        for id in journeys {
            if !self.analyses.contains_key(id) {
                if let Some(analysis) = analyze_with(ws, id, &options) {
                    self.made += 1;
                    self.analyses.insert(id.to_owned(), analysis);
                }
            }
        }
        &self.analyses
    }

    /// How many analyses were made since the file was opened.
    #[cfg(test)]
    pub fn made(&self) -> u64 {
        self.made
    }
}

/// Which analyses a touched row of `ws` (after the change) may have changed. Analyses read
/// journeys, stages, lanes, steps (and their checklists), handoffs, metrics, targets, scores
/// and responses; never personas, phases, initiatives, snapshots, saved survey mappings or the
/// file's name. Stages,
/// lanes, steps and handoffs never change journey, nor does a response its subject; a target
/// or an entered score may be moved to another subject (its old journey is unknown here).
fn reach<'w>(ws: &'w Workspace, row: &EntityRef) -> Reach<'w> {
    let id = row.id.as_str();
    let journey = match row.kind {
        EntityKind::Workspace
        | EntityKind::Persona
        | EntityKind::Phase
        | EntityKind::Initiative
        | EntityKind::Snapshot
        | EntityKind::SavedMapping
        | EntityKind::Edit => return Reach::Nothing,
        EntityKind::Metric | EntityKind::ChecklistItem | EntityKind::Target | EntityKind::Score => {
            return Reach::Everything
        }
        EntityKind::Journey => ws.journeys.get_key_value(id).map(|(id, _)| id.as_str()),
        EntityKind::Stage => ws.stages.get(id).map(|s| s.journey_id.as_str()),
        EntityKind::Lane => ws.lanes.get(id).map(|l| l.journey_id.as_str()),
        EntityKind::Step => ws.steps.get(id).map(|s| s.journey_id.as_str()),
        EntityKind::Handoff => ws.handoffs.get(id).map(|h| h.journey_id.as_str()),
        EntityKind::Response => ws
            .responses
            .get(id)
            .and_then(|r| journey_of_subject(ws, r.subject.kind, &r.subject.id)),
    };
    // A row that is gone (deleted) cannot be placed any more.
    journey.map_or(Reach::Everything, Reach::Journey)
}

fn journey_of_subject<'w>(ws: &'w Workspace, kind: SubjectKind, id: &str) -> Option<&'w str> {
    match kind {
        SubjectKind::Step => ws.steps.get(id).map(|s| s.journey_id.as_str()),
        SubjectKind::Handoff => ws.handoffs.get(id).map(|h| h.journey_id.as_str()),
    }
}
