//! What the map shows of the plan: which of a journey's cards and handoffs a non-dropped
//! initiative addresses (they carry a small marker), and which initiatives those are (the
//! inspector lists them for the selection). Read from the stored links alone, without the
//! analysis, so it costs a pass over the initiatives and may follow every edit.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use specta::Type;

use baton_core::{Id, InitiativeStatus, SubjectKind, Workspace};

use crate::error::{AppError, AppResult};

/// An initiative as a marker's list names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct InitiativeRef {
    pub id: Id,
    pub title: String,
    pub status: InitiativeStatus,
}

/// A card or handoff of the journey and the non-dropped initiatives that link it, in plan
/// order (phase, then position).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct AddressedItem {
    pub kind: SubjectKind,
    pub id: Id,
    pub initiatives: Vec<InitiativeRef>,
}

/// The journey's addressed cards and handoffs, by kind then id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PlanLinks {
    pub journey_id: Id,
    pub items: Vec<AddressedItem>,
    pub revision: u32,
}

/// The plan's links into `journey_id` of `ws` (the file at `revision`).
pub fn plan_links(ws: &Workspace, journey_id: &str, revision: u32) -> AppResult<PlanLinks> {
    if !ws.journeys.contains_key(journey_id) {
        return Err(AppError::not_found(format!("The journey {journey_id}")));
    }
    let in_journey = |kind: SubjectKind, id: &str| match kind {
        SubjectKind::Step => ws.steps.get(id).is_some_and(|s| s.journey_id == journey_id),
        SubjectKind::Handoff => ws
            .handoffs
            .get(id)
            .is_some_and(|h| h.journey_id == journey_id),
    };
    let mut items: BTreeMap<(SubjectKind, Id), Vec<InitiativeRef>> = BTreeMap::new();
    for initiative in ws.initiatives_in_order() {
        if initiative.status == InitiativeStatus::Dropped {
            continue;
        }
        let linked = initiative
            .step_ids
            .iter()
            .map(|id| (SubjectKind::Step, id))
            .chain(
                initiative
                    .handoff_ids
                    .iter()
                    .map(|id| (SubjectKind::Handoff, id)),
            );
        for (kind, id) in linked {
            if !in_journey(kind, id) {
                continue;
            }
            let list = items.entry((kind, id.clone())).or_default();
            // A link listed twice names its initiative once.
            if list.last().is_none_or(|last| last.id != initiative.id) {
                list.push(InitiativeRef {
                    id: initiative.id.clone(),
                    title: initiative.title.clone(),
                    status: initiative.status,
                });
            }
        }
    }
    Ok(PlanLinks {
        journey_id: journey_id.to_owned(),
        items: items
            .into_iter()
            .map(|((kind, id), initiatives)| AddressedItem {
                kind,
                id,
                initiatives,
            })
            .collect(),
        revision,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::testing::bank_document;
    use baton_core::Edit;

    /// Every card or handoff a non-dropped initiative of the bank template links is listed with
    /// it; dropping the initiative takes its marks away; undo brings them back.
    #[test]
    fn links_follow_the_initiatives_and_ignore_dropped_ones() {
        let (_dir, mut doc, journey) = bank_document();
        let before = plan_links(doc.workspace(), &journey, doc.revision()).unwrap();
        let linking = doc
            .workspace()
            .initiatives_in_order()
            .into_iter()
            .find(|i| !i.handoff_ids.is_empty() && i.status != InitiativeStatus::Dropped)
            .cloned()
            .expect("the template links a handoff");
        let handoff = linking.handoff_ids[0].clone();
        let listed = |links: &PlanLinks| {
            links
                .items
                .iter()
                .find(|item| item.kind == SubjectKind::Handoff && item.id == handoff)
                .map(|item| item.initiatives.iter().any(|r| r.id == linking.id))
                .unwrap_or(false)
        };
        assert!(listed(&before));
        let dropped = baton_core::Initiative {
            status: InitiativeStatus::Dropped,
            ..linking.clone()
        };
        doc.apply(Edit::UpdateInitiative {
            initiative: dropped,
        })
        .unwrap();
        let after = plan_links(doc.workspace(), &journey, doc.revision()).unwrap();
        assert!(!listed(&after));
        doc.undo().unwrap();
        let undone = plan_links(doc.workspace(), &journey, doc.revision()).unwrap();
        assert_eq!(undone.items, before.items);
        assert!(plan_links(doc.workspace(), "no-such-journey", 0).is_err());
    }
}
