//! Snapshots and comparisons as the screens see them: take a snapshot of the journey on screen,
//! list them, open one read only on the map, restore one as a new journey, and compare two
//! versions of a journey (snapshots, the journey now, its future-state copy).
//!
//! While a snapshot is on screen the file is read only: every edit, undo and redo is refused
//! here (`read_only`), whatever the screen sends, since a snapshot's cards carry the ids of the
//! journey's live cards and an edit sent from it would change the journey.
//!
//! A comparison reads the analyses the session holds: the journey now's are those the plan
//! keeps (`plan_analyses`), a snapshot's are made once and kept here (a snapshot never changes;
//! only the file's metrics, which its analysis reads, can change under it).

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use baton_core::analysis::{analyze_model, AnalysisOptions, JourneyAnalysis};
use baton_core::compare::{compare_analysed, Comparison, Version};
use baton_core::layout::layout;
use baton_core::plan::JourneyAnalyses;
use baton_core::scores::Granularity;
use baton_core::{EntityKind, EntityRef, Id, JourneyModel, Metric, SnapshotInfo, Workspace};

use crate::compare_map::{diff_map, CompareAnswer};

use crate::documents::OpenDocument;
use crate::error::{AppError, AppResult, ShellErrorKind};
use crate::view_patch::style_for;
use crate::views::JourneyView;

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum VersionRef {
    /// A journey as it is now: the journey on screen, or its future-state copy.
    Journey(Id),
    /// A snapshot's frozen journey.
    Snapshot(Id),
}

/// A snapshot opened on the map: what it is, and its frozen journey ready to draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SnapshotView {
    pub snapshot: SnapshotInfo,
    /// The frozen journey's map; `can_undo` and `can_redo` are false: nothing can be changed.
    pub view: JourneyView,
}

/// The snapshots' analyses, made once each at the default granularity.
#[derive(Default)]
pub(crate) struct HeldSnapshotAnalyses {
    analyses: HashMap<Id, JourneyAnalysis>,
    /// How many analyses were made since the file was opened (tests check what is reused).
    made: u64,
}

impl HeldSnapshotAnalyses {
    /// Forgets what a change that wrote `touched` may have changed: a snapshot deleted (its id
    /// could come back by undo with the same model, but holding it is not worth the doubt) or
    /// any metric (the analysis reads the file's metrics).
    pub fn note(&mut self, touched: &[EntityRef]) {
        if touched.iter().any(|t| t.kind == EntityKind::Metric) {
            self.analyses.clear();
            return;
        }
        for row in touched.iter().filter(|t| t.kind == EntityKind::Snapshot) {
            self.analyses.remove(&row.id);
        }
    }

    pub fn note_unknown_change(&mut self) {
        self.analyses.clear();
    }

    fn of(&mut self, ws: &Workspace, snapshot_id: &str) -> AppResult<&JourneyAnalysis> {
        let snapshot = ws
            .snapshots
            .get(snapshot_id)
            .ok_or_else(|| AppError::not_found(format!("The snapshot {snapshot_id}")))?;
        if !self.analyses.contains_key(snapshot_id) {
            self.made += 1;
            let analysis = analyze_model(&snapshot.model, &ws.metrics, &options());
            self.analyses.insert(snapshot_id.to_owned(), analysis);
        }
        self.analyses
            .get(snapshot_id)
            .ok_or_else(|| AppError::internal("A snapshot's analysis was lost"))
    }

    #[cfg(test)]
    pub fn made(&self) -> u64 {
        self.made
    }
}

/// The default weights and the insights' granularity (month), as the held journeys' analyses
/// are made for the comparison: its figures agree with the insights panel.
fn options() -> AnalysisOptions {
    AnalysisOptions::default()
}

/// A snapshot's default name: the moment it was taken, to the minute (UTC).
pub fn default_snapshot_name(now: DateTime<Utc>) -> String {
    now.format("%Y-%m-%d %H:%M UTC").to_string()
}

impl OpenDocument {
    /// The edit that takes a snapshot of `journey_id` as it is now, named `name` (the date when
    /// blank), for `change` to apply: one undo step.
    pub fn snapshot_edit(
        &self,
        journey_id: &str,
        name: &str,
        now: DateTime<Utc>,
    ) -> AppResult<baton_core::Edit> {
        let name = match name.trim() {
            "" => default_snapshot_name(now),
            given => given.to_owned(),
        };
        Ok(baton_core::take_snapshot(
            self.workspace(),
            journey_id,
            &name,
            now,
        )?)
    }

    /// The edit that restores the snapshot `snapshot_id` as a new journey: one undo step.
    pub fn restore_edit(&self, snapshot_id: &str) -> AppResult<baton_core::Edit> {
        Ok(baton_core::restore_snapshot(self.workspace(), snapshot_id)?)
    }

    /// The snapshots of `journey_id`, oldest first.
    pub fn snapshots_of(&self, journey_id: &str) -> AppResult<Vec<SnapshotInfo>> {
        let ws = self.workspace();
        if !ws.journeys.contains_key(journey_id) {
            return Err(AppError::not_found(format!("The journey {journey_id}")));
        }
        Ok(ws.snapshot_infos(Some(journey_id)))
    }

    /// Opens the snapshot `snapshot_id` on the map, read only (laid out for presentation mode
    /// when `presentation`): until a journey view or the plan is asked for again, every change
    /// is refused.
    pub fn snapshot_view(
        &mut self,
        snapshot_id: &str,
        presentation: bool,
    ) -> AppResult<SnapshotView> {
        let ws = self.workspace();
        let snapshot = ws
            .snapshots
            .get(snapshot_id)
            .ok_or_else(|| AppError::not_found(format!("The snapshot {snapshot_id}")))?;
        let info = SnapshotInfo {
            id: snapshot.id.clone(),
            journey_id: snapshot.journey_id.clone(),
            name: snapshot.name.clone(),
            created_at: snapshot.created_at,
        };
        let model = &snapshot.model;
        let map = JourneyModel {
            journey: model.journey.clone(),
            stages: model.stages.clone(),
            lanes: model.lanes.clone(),
            steps: model.steps.clone(),
            handoffs: model.handoffs.clone(),
            targets: Vec::new(),
            responses: Vec::new(),
            scores: Vec::new(),
        };
        let view = JourneyView {
            layout: layout(&map, &style_for(presentation)),
            model: map.into(),
            revision: self.revision(),
            can_undo: false,
            can_redo: false,
        };
        self.set_snapshot_on_screen(Some(info.id.clone()));
        Ok(SnapshotView {
            snapshot: info,
            view,
        })
    }

    /// Refuses a change while a snapshot is on screen.
    pub(crate) fn refuse_while_read_only(&self) -> AppResult<()> {
        match self.snapshot_on_screen() {
            Some(id) => {
                let name = self
                    .workspace()
                    .snapshots
                    .get(id)
                    .map_or("A snapshot", |s| s.name.as_str());
                Err(AppError::new(
                    ShellErrorKind::ReadOnly,
                    format!(
                        "\"{}\" is a snapshot, read only: go back to the journey to change it.",
                        shortened(name)
                    ),
                ))
            }
            None => Ok(()),
        }
    }

    /// Compares version `a` (before) with version `b` (after), reading the analyses held.
    pub fn compare(&mut self, a: &VersionRef, b: &VersionRef) -> AppResult<Comparison> {
        self.compare_then(a, b, compare_analysed)
    }

    /// [`Self::compare`] with the map of the differences (`compare_map`), for the Compare view.
    pub fn compare_with_map(&mut self, a: &VersionRef, b: &VersionRef) -> AppResult<CompareAnswer> {
        self.compare_then(a, b, |va, vb, metrics| {
            let mut comparison = compare_analysed(va, vb, metrics);
            // The screen shows a handoff's friction and a touchpoint's readings beside its
            // change, so it gets only those that differ: all of them are a third of the answer
            // on the 10,000-step journey (3.4 of 11 MB). `baton diff` still lists every one.
            comparison.handoffs.retain(|h| h.a != h.b);
            comparison.touchpoints.retain(|t| t.a != t.b);
            let map = diff_map(va.model, vb.model, &comparison);
            CompareAnswer { comparison, map }
        })
    }

    /// Holds both sides' analyses, then hands both versions to `then`.
    fn compare_then<R>(
        &mut self,
        a: &VersionRef,
        b: &VersionRef,
        then: impl FnOnce(Version<'_>, Version<'_>, &BTreeMap<Id, Metric>) -> R,
    ) -> AppResult<R> {
        // Analyses first (they need the held caches mutably), then the models.
        for side in [a, b] {
            self.hold_analysis(side)?;
        }
        let (ws, journeys, snapshots) = self.workspace_and_all_analyses();
        let journeys = journeys.with(ws, std::iter::empty(), Granularity::default());
        // A journey's side reads a copy of its map (no survey readings); a snapshot's is read
        // in place.
        let map_of = |side: &VersionRef| match side {
            VersionRef::Journey(id) => ws
                .journey_map(id)
                .map(Some)
                .ok_or_else(|| AppError::not_found(format!("The journey {id}"))),
            VersionRef::Snapshot(_) => Ok(None),
        };
        let (a_map, b_map) = (map_of(a)?, map_of(b)?);
        let held = Held {
            ws,
            journeys,
            snapshots,
        };
        let (va, vb) = (
            held.version(a, a_map.as_ref())?,
            held.version(b, b_map.as_ref())?,
        );
        Ok(then(va, vb, &ws.metrics))
    }

    /// Makes (or finds) the analysis of one side.
    fn hold_analysis(&mut self, side: &VersionRef) -> AppResult<()> {
        let (ws, journeys, snapshots) = self.workspace_and_all_analyses();
        match side {
            VersionRef::Journey(id) => {
                if !journeys
                    .with(ws, [id.as_str()], Granularity::default())
                    .contains_key(id)
                {
                    return Err(AppError::not_found(format!("The journey {id}")));
                }
            }
            VersionRef::Snapshot(id) => {
                snapshots.of(ws, id)?;
            }
        }
        Ok(())
    }
}

/// What a comparison reads once both analyses are held.
struct Held<'v> {
    ws: &'v Workspace,
    journeys: &'v JourneyAnalyses,
    snapshots: &'v HeldSnapshotAnalyses,
}

impl<'v> Held<'v> {
    /// One side: a journey's map (`map`, copied) with its held analysis, or a snapshot's frozen
    /// model read in place with its held analysis.
    fn version(&self, side: &VersionRef, map: Option<&'v JourneyModel>) -> AppResult<Version<'v>> {
        Ok(match (side, map) {
            (VersionRef::Journey(id), Some(model)) => Version {
                model,
                analysis: self
                    .journeys
                    .get(id)
                    .ok_or_else(|| AppError::not_found(format!("The journey {id}")))?,
            },
            (VersionRef::Snapshot(id), _) => Version {
                model: &self
                    .ws
                    .snapshots
                    .get(id)
                    .ok_or_else(|| AppError::not_found(format!("The snapshot {id}")))?
                    .model,
                analysis: self.snapshots.held(id)?,
            },
            (VersionRef::Journey(id), None) => {
                return Err(AppError::not_found(format!("The journey {id}")))
            }
        })
    }
}

impl HeldSnapshotAnalyses {
    /// The analysis of a snapshot `of` has made.
    fn held(&self, snapshot_id: &str) -> AppResult<&JourneyAnalysis> {
        self.analyses
            .get(snapshot_id)
            .ok_or_else(|| AppError::internal("A snapshot's analysis was not made"))
    }
}

/// A name as an error message quotes it: at most 60 characters.
pub(crate) fn shortened(name: &str) -> String {
    const MAX: usize = 60;
    if name.chars().count() <= MAX {
        name.to_owned()
    } else {
        let cut: String = name.chars().take(MAX - 1).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
#[path = "snapshots_tests.rs"]
mod tests;
