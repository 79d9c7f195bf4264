//! The one place the shell touches baton-store: an open client file and the calls the commands
//! make on it. Commands stay thin; this adapter shapes store results into the views.

use std::path::Path;

use baton_core::analysis::{analyze_with, AnalysisOptions};
use baton_core::insights::{journey_scores, subject_scores, MetricScores};
use baton_core::layout::layout;
use baton_core::templates::{demo_edit, template_edit, template_list, TemplateInfo};
use baton_core::{Edit, Subject, SubjectKind, Workspace};
use baton_store::{Document, EditOutcome, NewDocument, Passphrase, StoreError};

use crate::error::{AppError, AppResult};
use crate::plan_analyses::HeldAnalyses;
use crate::snapshots::HeldSnapshotAnalyses;
use crate::view_patch::{style_for, DocState, ViewCache, ViewUpdate};
use crate::views::{JourneyInsights, JourneyView, WorkspaceView};

/// An open `.baton` file. Not `Sync`: the app state keeps each one behind its own mutex and
/// only touches it from blocking tasks, never from the UI thread.
pub struct OpenDocument {
    doc: Document,
    /// The last journey view sent to the screen, to answer the next one with a patch.
    sent_view: ViewCache,
    /// The journeys' analyses the plan reads, kept until a change may alter them.
    plan_analyses: HeldAnalyses,
    /// The snapshots' analyses comparisons read (`snapshots.rs`).
    snapshot_analyses: HeldSnapshotAnalyses,
    /// The snapshot on screen, read only: every change is refused while it is there.
    snapshot_on_screen: Option<String>,
}

impl OpenDocument {
    /// A new, empty client file at `path` for the client `name` (named after the file when
    /// `name` is blank).
    pub fn create(path: &Path, name: &str) -> AppResult<Self> {
        let name = match name.trim() {
            "" => display_name(path),
            given => given.to_owned(),
        };
        let doc = Document::create(path, &name)?;
        Ok(Self::holding(doc))
    }

    pub fn open(path: &Path) -> AppResult<Self> {
        Ok(Self::holding(Document::open(path)?))
    }

    /// Opens a file protected by `passphrase` (`wrong_passphrase` when it is not the file's; a
    /// plain file opens as it is). `open` of an encrypted file is `passphrase_required`.
    pub fn open_with_passphrase(path: &Path, passphrase: Passphrase) -> AppResult<Self> {
        Ok(Self::holding(Document::open_with_passphrase(
            path, passphrase,
        )?))
    }

    /// Whether the file is protected by a passphrase (the recent list shows a lock).
    pub fn is_encrypted(&self) -> bool {
        self.doc.is_encrypted()
    }

    /// The "Protect with a passphrase" action: sets (`current` none, on a plain file), changes
    /// (both given) or removes (`new` none) the passphrase. On an encrypted file `current` must
    /// be its passphrase (`wrong_passphrase` otherwise, nothing changed).
    pub fn protect(
        &mut self,
        current: Option<Passphrase>,
        new: Option<Passphrase>,
    ) -> AppResult<()> {
        let wrong = || StoreError::WrongPassphrase {
            path: self.doc.path().to_owned(),
        };
        match (self.doc.is_encrypted(), current, new) {
            (false, _, Some(new)) => self.doc.set_passphrase(new)?,
            (false, _, None) => {}
            (true, Some(current), Some(new)) => self.doc.change_passphrase(&current, new)?,
            (true, Some(current), None) => self.doc.remove_passphrase(&current)?,
            (true, None, _) => return Err(wrong().into()),
        }
        Ok(())
    }

    fn holding(doc: Document) -> Self {
        Self {
            doc,
            sent_view: ViewCache::default(),
            plan_analyses: HeldAnalyses::default(),
            snapshot_analyses: HeldSnapshotAnalyses::default(),
            snapshot_on_screen: None,
        }
    }

    /// A new file at `path` holding the demo client (all templates, one undo step).
    pub fn create_demo(path: &Path) -> AppResult<Self> {
        Self::create_with(path, |ws| Ok(demo_edit(ws)))
    }

    /// A new file at `path` holding the journey template `key`.
    pub fn create_from_template(path: &Path, key: &str) -> AppResult<Self> {
        Self::create_with(path, |ws| {
            template_edit(key, ws).map_err(|e| AppError::not_found(e.to_string()))
        })
    }

    /// Builds the file beside `path` with `content` as its first edit, and moves it into place
    /// only once complete: a failure, or a kill, never leaves a half-made file at `path`.
    fn create_with(
        path: &Path,
        content: impl FnOnce(&baton_core::Workspace) -> AppResult<Edit>,
    ) -> AppResult<Self> {
        // Dropped on an error, the unplaced file is removed.
        let mut building = NewDocument::create(path, &display_name(path))?;
        let edit = content(building.document().workspace())?;
        building.document_mut().apply(edit)?;
        Ok(Self::holding(building.place(false)?))
    }

    pub fn path(&self) -> &Path {
        self.doc.path()
    }

    pub fn name(&self) -> String {
        display_name(self.doc.path())
    }

    pub fn apply(&mut self, edit: Edit) -> AppResult<EditOutcome> {
        self.refuse_while_read_only()?;
        let result = self.doc.apply(edit);
        self.noted(result)
    }

    pub fn undo(&mut self) -> AppResult<EditOutcome> {
        self.refuse_while_read_only()?;
        let result = self.doc.undo();
        self.noted(result)
    }

    pub fn redo(&mut self) -> AppResult<EditOutcome> {
        self.refuse_while_read_only()?;
        let result = self.doc.redo();
        self.noted(result)
    }

    /// Every change goes through here, so the next view can be patched from its rows. After a
    /// failure the store has put its memory back (or read the file again), and the next view is
    /// rebuilt rather than trusted to a patch.
    fn noted(&mut self, result: Result<EditOutcome, StoreError>) -> AppResult<EditOutcome> {
        match result {
            Ok(outcome) => {
                self.sent_view.note(&outcome.touched);
                self.plan_analyses
                    .note(self.doc.workspace(), &outcome.touched);
                self.snapshot_analyses.note(&outcome.touched);
                Ok(outcome)
            }
            Err(error) => {
                self.sent_view.note_unknown_change();
                self.plan_analyses.note_unknown_change();
                self.snapshot_analyses.note_unknown_change();
                Err(error.into())
            }
        }
    }

    pub(crate) fn state(&self) -> DocState {
        DocState {
            revision: self.doc.revision(),
            can_undo: self.doc.can_undo(),
            can_redo: self.doc.can_redo(),
        }
    }

    /// The file's content as it is now, for commands that plan an edit from it (survey
    /// import, duplicate as future state).
    pub fn workspace(&self) -> &baton_core::Workspace {
        self.doc.workspace()
    }

    /// The file's content and the journeys' analyses held for the plan (`plan.rs`).
    pub(crate) fn workspace_and_analyses(&mut self) -> (&Workspace, &mut HeldAnalyses) {
        (self.doc.workspace(), &mut self.plan_analyses)
    }

    /// The file's content with the journeys' and the snapshots' held analyses (`snapshots.rs`).
    pub(crate) fn workspace_and_all_analyses(
        &mut self,
    ) -> (&Workspace, &mut HeldAnalyses, &mut HeldSnapshotAnalyses) {
        (
            self.doc.workspace(),
            &mut self.plan_analyses,
            &mut self.snapshot_analyses,
        )
    }

    /// The snapshot on screen (read only), if one is.
    pub fn snapshot_on_screen(&self) -> Option<&str> {
        self.snapshot_on_screen.as_deref()
    }

    /// Puts a snapshot on screen (the file turns read only) or takes it off (`None`).
    pub fn set_snapshot_on_screen(&mut self, snapshot_id: Option<String>) {
        self.snapshot_on_screen = snapshot_id;
    }

    /// Bumped by every change of the file's content.
    pub fn revision(&self) -> u32 {
        self.doc.revision()
    }

    /// Copies the file to `path`; editing then continues there.
    pub fn save_as(&mut self, path: &Path) -> AppResult<()> {
        Ok(self.doc.save_as(path)?)
    }

    /// The whole file (history included) as Baton's lossless JSON: the Export dialog's JSON.
    pub fn export_json(&self) -> AppResult<String> {
        Ok(self.doc.export_json()?)
    }

    /// Closes the file, releasing its lock.
    pub fn close(self) -> AppResult<()> {
        Ok(self.doc.close()?)
    }

    pub fn journey_view(&self, journey_id: &str, presentation: bool) -> AppResult<JourneyView> {
        let model = self.doc.journey_map(journey_id)?;
        let state = self.state();
        Ok(JourneyView {
            layout: layout(&model, &style_for(presentation)),
            model: model.into(),
            revision: state.revision,
            can_undo: state.can_undo,
            can_redo: state.can_redo,
        })
    }

    /// The scores of one step or handoff with their history and verbatims, at the insights'
    /// granularity: what the inspector shows of the selected item.
    pub fn subject_scores(&self, subject: &Subject) -> AppResult<Vec<MetricScores>> {
        let ws = self.doc.workspace();
        let exists = match subject.kind {
            SubjectKind::Step => ws.steps.contains_key(&subject.id),
            SubjectKind::Handoff => ws.handoffs.contains_key(&subject.id),
        };
        if !exists {
            return Err(AppError::not_found(format!(
                "The card or handoff {}",
                subject.id
            )));
        }
        Ok(subject_scores(
            ws,
            subject,
            AnalysisOptions::default().granularity,
        ))
    }

    /// The journey's insights as the file is now (see [`journey_insights`]).
    pub fn journey_insights(&self, journey_id: &str) -> AppResult<JourneyInsights> {
        journey_insights(self.doc.workspace(), journey_id, self.doc.revision())
    }

    /// A copy of the file's content and its revision, for work that need not keep the file
    /// locked while it runs (insights: copying a 10,000-step file takes about 25 ms, analysing
    /// and scoring it about 115).
    pub fn snapshot(&self) -> (Workspace, u32) {
        (self.doc.workspace().clone(), self.doc.revision())
    }

    /// The journey's view as a patch on the view the screen holds (`held`, the token of the
    /// last view it received), or whole when it holds none, another journey's or another
    /// style's.
    pub fn journey_view_update(
        &mut self,
        journey_id: &str,
        presentation: bool,
        held: Option<u32>,
    ) -> AppResult<ViewUpdate> {
        // A journey back on screen: the snapshot shown before is gone, the file is editable.
        self.snapshot_on_screen = None;
        let state = self.state();
        let ws = self.doc.workspace();
        if let Some(update) =
            self.sent_view
                .update_from_rows(ws, journey_id, presentation, held, state)
        {
            return Ok(update);
        }
        let fresh = self.journey_view(journey_id, presentation)?;
        Ok(self.sent_view.update(journey_id, presentation, held, fresh))
    }

    pub fn workspace_view(&self) -> AppResult<WorkspaceView> {
        let doc = &self.doc;
        Ok(WorkspaceView {
            path: doc.path().display().to_string(),
            info: doc.info().clone(),
            journeys: doc.journeys().into_iter().cloned().collect(),
            personas: doc.personas().into_iter().cloned().collect(),
            metrics: doc.metrics().into_iter().cloned().collect(),
            phases: doc.plan().into_iter().map(|p| p.phase).collect(),
            revision: doc.revision(),
            can_undo: doc.can_undo(),
            can_redo: doc.can_redo(),
        })
    }
}

/// The analysis and satisfaction readings of `journey_id` in `ws` (the file at `revision`),
/// both at the default granularity (month), so a badge and the analysis's hotspots agree on
/// what "latest" is.
pub fn journey_insights(
    ws: &Workspace,
    journey_id: &str,
    revision: u32,
) -> AppResult<JourneyInsights> {
    let model = ws
        .journey_model(journey_id)
        .ok_or_else(|| AppError::not_found(format!("The journey {journey_id}")))?;
    let options = AnalysisOptions::default();
    let analysis = analyze_with(ws, journey_id, &options)
        .ok_or_else(|| AppError::not_found(format!("The journey {journey_id}")))?;
    Ok(JourneyInsights {
        journey_id: journey_id.to_owned(),
        scores: journey_scores(&model, &ws.metrics, options.granularity).summary(),
        analysis: analysis.into(),
        revision,
    })
}

/// The journey templates a file can start from.
pub fn template_infos() -> AppResult<Vec<TemplateInfo>> {
    Ok(template_list())
}

/// The file's name without its folder and `.baton` extension, as the UI shows it.
pub fn display_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Fixtures for the app's unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::OpenDocument;
    use baton_core::{Edit, Id};

    /// A new file in a temp dir (gone with the returned `TempDir`) holding the bank template, and
    /// the id of its journey.
    pub fn bank_document() -> (tempfile::TempDir, OpenDocument, Id) {
        let dir = tempfile::tempdir().unwrap();
        let doc =
            OpenDocument::create_from_template(&dir.path().join("Bank.baton"), "bank_lost_card")
                .unwrap();
        let journey = doc.workspace_view().unwrap().journeys[0].id.clone();
        (dir, doc, journey)
    }

    /// Applies `edit`, or undoes the last change when there is none: tests replay lists of both.
    pub fn apply_or_undo(doc: &mut OpenDocument, edit: Option<Edit>) {
        match edit {
            Some(edit) => doc.apply(edit).map(|_| ()).unwrap(),
            None => doc.undo().map(|_| ()).unwrap(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::bank_document;
    use super::*;

    #[test]
    fn the_demo_holds_every_template_as_one_undo_step() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Demo.baton");
        let mut demo = OpenDocument::create_demo(&path).unwrap();
        let view = demo.workspace_view().unwrap();
        assert_eq!(view.journeys.len(), template_list().len());
        assert_eq!(view.info.name, "Demo");
        assert!(view.can_undo);
        demo.undo().unwrap();
        assert!(demo.workspace_view().unwrap().journeys.is_empty());
    }

    #[test]
    fn a_protected_file_asks_for_its_passphrase_and_the_passphrase_can_change_and_go() {
        use baton_store::ErrorKind;
        let pass = |text: &str| Passphrase::new(text).unwrap();
        let kind = |error: AppError| error.kind;
        let (dir, mut doc, journey) = bank_document();
        let path = dir.path().join("Bank.baton");
        assert!(!doc.is_encrypted());
        doc.protect(None, Some(pass("first"))).unwrap();
        assert!(doc.is_encrypted());
        doc.close().unwrap();
        let store = |kind| crate::error::AppErrorKind::Store(kind);
        assert_eq!(
            kind(OpenDocument::open(&path).err().unwrap()),
            store(ErrorKind::PassphraseRequired)
        );
        assert_eq!(
            kind(
                OpenDocument::open_with_passphrase(&path, pass("nope"))
                    .err()
                    .unwrap()
            ),
            store(ErrorKind::WrongPassphrase)
        );
        let mut doc = OpenDocument::open_with_passphrase(&path, pass("first")).unwrap();
        assert!(doc.journey_view(&journey, false).is_ok());
        assert_eq!(
            kind(doc.protect(None, Some(pass("x"))).err().unwrap()),
            store(ErrorKind::WrongPassphrase)
        );
        doc.protect(Some(pass("first")), Some(pass("second")))
            .unwrap();
        doc.protect(Some(pass("second")), None).unwrap();
        assert!(!doc.is_encrypted());
        doc.close().unwrap();
        assert!(OpenDocument::open(&path).is_ok());
    }

    #[test]
    fn an_unknown_template_leaves_no_file_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.baton");
        let e = OpenDocument::create_from_template(&path, "no_such_template")
            .err()
            .unwrap();
        assert!(e.message.contains("no_such_template"), "{}", e.message);
        assert!(!path.exists());
    }

    #[test]
    fn a_journey_view_survives_closing_and_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Bank.baton");
        let doc = OpenDocument::create_from_template(&path, "bank_lost_card").unwrap();
        let journey = doc.workspace_view().unwrap().journeys[0].id.clone();
        let before = doc.journey_view(&journey, false).unwrap();
        assert!(!before.model.handoffs.is_empty());
        doc.close().unwrap();
        let reopened = OpenDocument::open(&path).unwrap();
        let after = reopened.journey_view(&journey, false).unwrap();
        assert_eq!(after.model, before.model);
        assert!(after.can_undo, "history lives in the file");
    }

    #[test]
    fn an_unknown_journey_is_a_typed_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let doc = OpenDocument::create(&dir.path().join("a.baton"), "Client A").unwrap();
        let e = doc.journey_view("nope", false).err().unwrap();
        assert_eq!(
            e.kind,
            crate::error::AppErrorKind::Store(baton_store::ErrorKind::NotFound)
        );
    }

    #[test]
    fn journey_insights_carry_the_analysis_and_the_scores_of_the_bank_journey() {
        let (_dir, doc, journey) = bank_document();
        let insights = doc.journey_insights(&journey).unwrap();
        assert_eq!(insights.journey_id, journey);
        // Two blind transfers in one call: the template's chain is flagged (seed 004).
        assert!(insights.analysis.summary.flagged_chains >= 1);
        assert!(!insights.analysis.suggestions.is_empty());
        // Every touchpoint has a CSAT target and score (seed 003), so there are badges to show.
        assert!(insights.scores.subjects.iter().any(|s| s
            .metrics
            .iter()
            .any(|m| m.latest.is_some() && m.target.is_some())));
        assert_eq!(insights.revision, doc.workspace_view().unwrap().revision);
    }

    #[test]
    fn insights_of_a_snapshot_are_the_documents_until_it_changes() {
        let (_dir, mut doc, journey) = bank_document();
        let (ws, revision) = doc.snapshot();
        assert_eq!(revision, doc.revision());
        let from_snapshot = journey_insights(&ws, &journey, revision).unwrap();
        assert_eq!(from_snapshot, doc.journey_insights(&journey).unwrap());
        // The document moves on; the snapshot's answer says which revision it is of.
        let stage = doc.journey_view(&journey, false).unwrap().model.stages[0]
            .id
            .clone();
        doc.apply(Edit::DeleteStage { id: stage }).unwrap();
        assert!(doc.revision() > from_snapshot.revision);
        assert_ne!(doc.journey_insights(&journey).unwrap(), from_snapshot);
    }

    #[test]
    fn journey_insights_follow_an_edit() {
        use baton_core::{new_id, Edit, Subject, SubjectKind, SurveyResponse};
        let (_dir, mut doc, journey) = bank_document();
        let view = doc.journey_view(&journey, false).unwrap();
        let step = view.model.steps[0].id.clone();
        let csat = doc.workspace_view().unwrap().metrics[0].id.clone();
        let before = doc.journey_insights(&journey).unwrap();
        doc.apply(Edit::AddResponses {
            responses: vec![SurveyResponse {
                id: new_id(),
                subject: Subject {
                    kind: SubjectKind::Step,
                    id: step.clone(),
                },
                metric_id: csat.clone(),
                value: 2.0,
                date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
                respondent: Some("cust-9".into()),
                comment: Some("Nobody knew my case".into()),
            }],
        })
        .unwrap();
        let after = doc.journey_insights(&journey).unwrap();
        assert!(after.revision > before.revision);
        let scored = after
            .scores
            .subjects
            .iter()
            .find(|s| s.subject.id == step)
            .and_then(|s| s.metrics.iter().find(|m| m.metric_id == csat))
            .unwrap();
        // The journey's insights carry the latest reading; the verbatim comes with the item.
        assert!(scored.latest.is_some());
        assert_eq!((scored.verbatim_count, scored.verbatims.len()), (1, 0));
        let subject = Subject {
            kind: SubjectKind::Step,
            id: step.clone(),
        };
        let whole = doc.subject_scores(&subject).unwrap();
        let whole = whole.iter().find(|m| m.metric_id == csat).unwrap();
        assert_eq!(whole.verbatims[0].comment, "Nobody knew my case");
        assert_eq!(whole.latest, scored.latest);
        let missing = Subject {
            kind: SubjectKind::Handoff,
            id: step,
        };
        let e = doc.subject_scores(&missing).err().unwrap();
        assert_eq!(
            e.kind,
            crate::error::AppErrorKind::Store(baton_store::ErrorKind::NotFound)
        );
    }

    #[test]
    fn insights_of_an_unknown_journey_are_a_typed_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let doc = OpenDocument::create(&dir.path().join("a.baton"), "Client A").unwrap();
        let e = doc.journey_insights("nope").err().unwrap();
        assert_eq!(
            e.kind,
            crate::error::AppErrorKind::Store(baton_store::ErrorKind::NotFound)
        );
    }
}
