//! BPMN import in two steps, as the survey's: a preview (the model read and planned, kept under
//! a token: lanes, steps, handoffs and every assumption), where the user may mark another lane
//! as the customer's (`replan_bpmn`), then a commit that creates the journey as ONE edit, which
//! one undo removes.

use std::sync::Arc;

use baton_core::Id;
use baton_interop::bpmn::{plan_import, BpmnError, BpmnOptions, BpmnPlan};
use baton_store::EditOutcome;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::pending::{PendingBpmn, PendingBpmnImports};
use crate::documents::OpenDocument;
use crate::error::{AppError, AppResult, ShellErrorKind};

/// What a BPMN file would create, shown before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct BpmnPreview {
    /// Names this preview in `replan_bpmn_import`, `commit_bpmn_import`, `cancel_bpmn_import`.
    pub token: String,
    pub file_name: String,
    pub plan: BpmnPlan,
}

/// What a committed BPMN import did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct BpmnImported {
    /// The new journey (the screen opens it).
    pub journey_id: Id,
    pub outcome: EditOutcome,
}

/// Reads `bytes` as a BPMN model and keeps its plan under a fresh token. Nothing is written.
pub fn preview_bpmn(
    pending: &PendingBpmnImports,
    doc: &str,
    file_name: &str,
    bytes: Vec<u8>,
) -> AppResult<BpmnPreview> {
    let plan = plan(file_name, &bytes, None)?;
    let token = baton_core::new_id();
    let preview = BpmnPreview {
        token: token.clone(),
        file_name: file_name.to_owned(),
        plan: plan.clone(),
    };
    pending.insert(
        token,
        PendingBpmn {
            doc: doc.to_owned(),
            file_name: file_name.to_owned(),
            bytes: Arc::new(bytes),
            plan,
        },
    )?;
    Ok(preview)
}

/// Plans the kept model again with `customer_lane` as the customer's lane (by name; `None`:
/// the one named Customer or Client, if any). An unknown lane is an error naming the lanes;
/// the preview stays as it was.
pub fn replan_bpmn(
    pending: &PendingBpmnImports,
    doc: &str,
    token: &str,
    customer_lane: Option<String>,
) -> AppResult<BpmnPreview> {
    let mut import = pending.take(doc, token)?;
    let planned = plan(&import.file_name, &import.bytes, customer_lane);
    if let Ok(plan) = &planned {
        import.plan = plan.clone();
    }
    let preview = BpmnPreview {
        token: token.to_owned(),
        file_name: import.file_name.clone(),
        plan: import.plan.clone(),
    };
    pending.put_back(token.to_owned(), import)?;
    planned.map(|_| preview)
}

/// Creates the previewed journey as one edit (after the file's journeys).
pub fn commit_bpmn(
    pending: &PendingBpmnImports,
    document: &mut OpenDocument,
    doc: &str,
    token: &str,
) -> AppResult<BpmnImported> {
    let import = pending.take(doc, token)?;
    let (edit, journey_id) = import.plan.edit(document.workspace());
    match document.apply(edit) {
        Ok(outcome) => Ok(BpmnImported {
            journey_id,
            outcome,
        }),
        Err(e) => {
            pending.put_back(token.to_owned(), import)?;
            Err(e)
        }
    }
}

/// Forgets a preview the user closed without importing.
pub fn cancel_bpmn(pending: &PendingBpmnImports, doc: &str, token: &str) -> AppResult<()> {
    pending.cancel(doc, token)
}

fn plan(file_name: &str, bytes: &[u8], customer_lane: Option<String>) -> AppResult<BpmnPlan> {
    plan_import(bytes, &BpmnOptions { customer_lane }).map_err(|e| {
        let field = matches!(e, BpmnError::UnknownCustomerLane { .. }).then_some("customer_lane");
        AppError {
            field: field.map(str::to_owned),
            ..AppError::new(ShellErrorKind::BpmnUnreadable, format!("{file_name}: {e}"))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::AppErrorKind;

    /// A model with a customer pool and two lanes: the customer calls, the agent hands over
    /// to the back office.
    fn model(customer: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <process id="p">
    <laneSet id="ls">
      <lane id="l1" name="{customer}"><flowNodeRef>t1</flowNodeRef></lane>
      <lane id="l2" name="Agent"><flowNodeRef>t2</flowNodeRef></lane>
      <lane id="l3" name="Back office"><flowNodeRef>t3</flowNodeRef></lane>
    </laneSet>
    <task id="t1" name="Calls about the lost card"/>
    <task id="t2" name="Blocks the card"/>
    <task id="t3" name="Sends a new card"/>
    <sequenceFlow id="f1" sourceRef="t1" targetRef="t2"/>
    <sequenceFlow id="f2" sourceRef="t2" targetRef="t3"/>
  </process>
</definitions>"#
        )
    }

    fn journeys(document: &OpenDocument) -> usize {
        document.workspace().journeys.len()
    }

    #[test]
    fn a_model_is_previewed_then_imported_as_one_edit_that_one_undo_removes() {
        let (_dir, mut document, _) = crate::documents::testing::bank_document();
        let pending = PendingBpmnImports::default();
        let before = (journeys(&document), document.revision());
        let p = preview_bpmn(&pending, "d1", "lost.bpmn", model("Customer").into_bytes()).unwrap();
        assert_eq!(p.file_name, "lost.bpmn");
        let lanes: Vec<(&str, bool)> = p
            .plan
            .lanes
            .iter()
            .map(|l| (l.name.as_str(), l.customer))
            .collect();
        assert_eq!(
            lanes,
            [("Customer", true), ("Agent", false), ("Back office", false)]
        );
        assert_eq!((p.plan.steps.len(), p.plan.handoffs.len()), (3, 2));
        assert!(
            p.plan.assumptions.iter().any(|a| a.contains("customer")),
            "{:?}",
            p.plan.assumptions
        );
        assert_eq!(
            (journeys(&document), document.revision()),
            before,
            "a preview writes nothing"
        );

        let done = commit_bpmn(&pending, &mut document, "d1", &p.token).unwrap();
        let ws = document.workspace();
        assert_eq!(journeys(&document), before.0 + 1);
        let created = &ws.journeys[&done.journey_id];
        let steps = ws
            .steps
            .values()
            .filter(|s| s.journey_id == created.id)
            .count();
        assert_eq!(steps, 3);
        assert!(pending.is_empty().unwrap());

        document.undo().unwrap();
        assert_eq!(
            journeys(&document),
            before.0,
            "one undo removes the journey"
        );
        assert!(!document.workspace().journeys.contains_key(&done.journey_id));
    }

    #[test]
    fn the_user_marks_another_lane_as_the_customers() {
        let (_dir, mut document, _) = crate::documents::testing::bank_document();
        let pending = PendingBpmnImports::default();
        let p = preview_bpmn(&pending, "d1", "m.bpmn", model("Caller").into_bytes()).unwrap();
        assert!(
            p.plan.lanes.iter().all(|l| !l.customer),
            "no lane is named so"
        );
        let again = replan_bpmn(&pending, "d1", &p.token, Some("caller".into())).unwrap();
        assert_eq!(again.token, p.token);
        assert!(again.plan.lanes[0].customer);
        assert!(!again.plan.lanes[1].customer);

        let e = replan_bpmn(&pending, "d1", &p.token, Some("Nobody".into())).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("customer_lane"));
        assert!(e.message.contains("\"Agent\""), "{}", e.message);

        let done = commit_bpmn(&pending, &mut document, "d1", &p.token).unwrap();
        let ws = document.workspace();
        let customer_lanes: Vec<&str> = ws
            .lanes
            .values()
            .filter(|l| l.journey_id == done.journey_id)
            .filter(|l| l.kind == baton_core::LaneKind::Customer)
            .map(|l| l.name.as_str())
            .collect();
        assert_eq!(
            customer_lanes,
            ["Caller"],
            "the refused choice left the last good one"
        );
    }

    #[test]
    fn a_file_that_is_not_bpmn_is_refused_naming_it_and_nothing_is_kept() {
        let (_dir, mut document, _) = crate::documents::testing::bank_document();
        let pending = PendingBpmnImports::default();
        for bytes in [
            b"not xml at all".to_vec(),
            b"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>".to_vec(),
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec(),
        ] {
            let e = preview_bpmn(&pending, "d1", "odd.bpmn", bytes).unwrap_err();
            assert_eq!(e.kind, AppErrorKind::Shell(ShellErrorKind::BpmnUnreadable));
            assert!(e.message.starts_with("odd.bpmn: "), "{}", e.message);
        }
        assert!(pending.is_empty().unwrap());
        let e = commit_bpmn(&pending, &mut document, "d1", "nope").unwrap_err();
        assert_eq!(
            e.kind,
            AppErrorKind::Store(baton_store::ErrorKind::NotFound)
        );
    }
}
