//! Insights (analysis and scores) are computed again whenever edits pause, and for a big journey
//! they are megabytes of JSON (10,000 steps: 11 MB) that the page parses on its main thread,
//! just when the next gesture may come: an edit made then took half as long again. An edit
//! changes a few of them, so the app keeps the last insights it sent for each open document and
//! answers with what changed, as it does for the view (`view_patch.rs`): keyed lists become list
//! patches, ranked lists are sent only when they changed.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use specta::Type;

use baton_core::analysis::{
    CrossingTotals, HandoffAnalysis, Hotspots, Suggestion, Summary, TransferChain,
};
use baton_core::insights::SubjectScores;
use baton_core::scores::Granularity;
use baton_core::Id;

use crate::list_patch::{diff, ListPatch};
use crate::views::JourneyInsights;

/// What changed in a journey's insights since the insights the screen holds (`base`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct InsightsPatch {
    /// The insights this patch applies to.
    pub base: u32,
    pub revision: u32,
    pub summary: Summary,
    pub crossings: CrossingTotals,
    pub handoffs: ListPatch<HandoffAnalysis>,
    /// The transfer chains, when they changed (`null`: as before).
    pub chains: Option<Vec<TransferChain>>,
    /// The hotspots, when they changed (`null`: as before).
    pub hotspots: Option<Hotspots>,
    pub suggestions: ListPatch<Suggestion>,
    pub granularity: Granularity,
    pub subjects: ListPatch<SubjectScores>,
}

/// The answer to "my insights are `token`, what are they now?".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum InsightsUpdate {
    /// The whole insights (the first ones, another journey's, or a token no longer held).
    Full {
        token: u32,
        insights: JourneyInsights,
    },
    /// What changed since the insights the screen holds.
    Patch { token: u32, patch: InsightsPatch },
}

/// The last insights sent for one open document, under their token.
#[derive(Default)]
pub struct InsightsCache {
    sent: Option<Sent>,
    next_token: u32,
}

struct Sent {
    token: u32,
    insights: JourneyInsights,
    /// Whether its keyed lists name each item once, so a patch can be made on it.
    keys_unique: bool,
}

impl InsightsCache {
    /// `fresh` are the insights now; `held` the token of those the screen holds, if any. The
    /// answer is a patch on them when they are the last sent and of the same journey, else whole.
    pub fn update(&mut self, held: Option<u32>, fresh: JourneyInsights) -> InsightsUpdate {
        self.next_token = self.next_token.wrapping_add(1);
        let token = self.next_token;
        let keys_unique = keys_unique(&fresh);
        let base = self.sent.as_ref().filter(|sent| {
            Some(sent.token) == held
                && sent.insights.journey_id == fresh.journey_id
                && sent.keys_unique
                && keys_unique
        });
        let answer = match base {
            Some(sent) => InsightsUpdate::Patch {
                token,
                patch: patch(sent.token, &sent.insights, &fresh),
            },
            None => InsightsUpdate::Full {
                token,
                insights: fresh.clone(),
            },
        };
        self.sent = Some(Sent {
            token,
            insights: fresh,
            keys_unique,
        });
        answer
    }
}

/// Whether the keyed lists name each item once: a patch could not name repeated items, so
/// insights with a repeated key go whole.
fn keys_unique(insights: &JourneyInsights) -> bool {
    unique(&insights.analysis.handoffs, |h| &h.handoff_id)
        && unique(&insights.analysis.suggestions, |s| &s.key)
        && unique(&insights.scores.subjects, |s| &s.subject.id)
}

/// `new` as a patch on `old` (both with unique keys).
fn patch(base: u32, old: &JourneyInsights, new: &JourneyInsights) -> InsightsPatch {
    let (a, b) = (&old.analysis, &new.analysis);
    InsightsPatch {
        base,
        revision: new.revision,
        summary: b.summary.clone(),
        crossings: b.crossings.clone(),
        handoffs: diff(&a.handoffs, &b.handoffs, |h| &h.handoff_id),
        chains: if_changed(&a.chains, &b.chains),
        hotspots: if_changed(&a.hotspots, &b.hotspots),
        suggestions: diff(&a.suggestions, &b.suggestions, |s| &s.key),
        granularity: new.scores.granularity,
        subjects: diff(&old.scores.subjects, &new.scores.subjects, |s| {
            &s.subject.id
        }),
    }
}

fn if_changed<T: PartialEq + Clone>(before: &T, after: &T) -> Option<T> {
    (before != after).then(|| after.clone())
}

fn unique<T>(list: &[T], key: fn(&T) -> &Id) -> bool {
    let mut seen = HashSet::with_capacity(list.len());
    list.iter().all(|x| seen.insert(key(x)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::testing::{apply_or_undo, bank_document};
    use crate::list_patch::apply_list_patch as apply;
    use baton_core::{new_id, Edit, HandoffMode, Subject, SubjectKind, SurveyResponse};

    /// The insights the screen holds with `patch` applied, read as the UI reads it
    /// (ui/src/lib/insightsPatch.ts).
    fn patched(held: &JourneyInsights, patch: InsightsPatch) -> JourneyInsights {
        let mut out = held.clone();
        let a = &mut out.analysis;
        a.summary = patch.summary;
        a.crossings = patch.crossings;
        a.handoffs = apply(&held.analysis.handoffs, &patch.handoffs, |h| &h.handoff_id);
        if let Some(chains) = patch.chains {
            a.chains = chains;
        }
        if let Some(hotspots) = patch.hotspots {
            a.hotspots = hotspots;
        }
        a.suggestions = apply(&held.analysis.suggestions, &patch.suggestions, |s| &s.key);
        out.scores.granularity = patch.granularity;
        out.scores.subjects = apply(&held.scores.subjects, &patch.subjects, |s| &s.subject.id);
        out.revision = patch.revision;
        out
    }

    fn whole(update: InsightsUpdate) -> (u32, JourneyInsights) {
        match update {
            InsightsUpdate::Full { token, insights } => (token, insights),
            InsightsUpdate::Patch { .. } => panic!("expected the insights whole"),
        }
    }

    #[test]
    fn patches_keep_the_screens_insights_equal_to_fresh_ones() {
        let (_dir, mut doc, journey) = bank_document();
        let mut cache = InsightsCache::default();
        let (mut token, mut held) =
            whole(cache.update(None, doc.journey_insights(&journey).unwrap()));
        let view = doc.journey_view(&journey, false).unwrap();
        let step = view.model.steps[3].clone();
        let mut blind = view.model.handoffs[0].clone();
        blind.mode = HandoffMode::Blind;
        blind.context = baton_core::ContextTransfer::None;
        let csat = doc.workspace_view().unwrap().metrics[0].id.clone();
        let response = SurveyResponse {
            id: new_id(),
            subject: Subject {
                kind: SubjectKind::Step,
                id: step.id.clone(),
            },
            metric_id: csat,
            value: 1.0,
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            respondent: None,
            comment: None,
        };
        let edits: Vec<(&str, Option<Edit>)> = vec![
            ("blind", Some(Edit::UpdateHandoff { handoff: blind })),
            (
                "a low score",
                Some(Edit::AddResponses {
                    responses: vec![response],
                }),
            ),
            ("delete a card", Some(Edit::DeleteStep { id: step.id })),
            ("undo", None),
            ("undo", None),
        ];
        for (what, edit) in edits {
            apply_or_undo(&mut doc, edit);
            let fresh = doc.journey_insights(&journey).unwrap();
            let InsightsUpdate::Patch { token: next, patch } =
                cache.update(Some(token), fresh.clone())
            else {
                panic!("{what}: the screen holds the last insights, a patch is due")
            };
            assert_eq!(patch.base, token);
            assert_eq!(patched(&held, patch), fresh, "{what}");
            (token, held) = (next, fresh);
        }
    }

    #[test]
    fn unchanged_insights_are_an_empty_patch() {
        let (_dir, doc, journey) = bank_document();
        let mut cache = InsightsCache::default();
        let fresh = doc.journey_insights(&journey).unwrap();
        let (token, _) = whole(cache.update(None, fresh.clone()));
        let InsightsUpdate::Patch { patch, .. } = cache.update(Some(token), fresh) else {
            panic!("a patch is due")
        };
        assert!(patch.chains.is_none() && patch.hotspots.is_none());
        for list in [
            (patch.handoffs.upserts.len(), patch.handoffs.removed.len()),
            (
                patch.suggestions.upserts.len(),
                patch.suggestions.removed.len(),
            ),
            (patch.subjects.upserts.len(), patch.subjects.removed.len()),
        ] {
            assert_eq!(list, (0, 0));
        }
    }

    #[test]
    fn insights_go_whole_unless_the_screen_holds_the_last_ones_sent() {
        let (_dir, doc, journey) = bank_document();
        let mut cache = InsightsCache::default();
        let fresh = doc.journey_insights(&journey).unwrap();
        let (first, _) = whole(cache.update(None, fresh.clone()));
        // A token never sent, then one no longer the last.
        let (second, _) = whole(cache.update(Some(first + 7), fresh.clone()));
        let (third, _) = whole(cache.update(Some(first), fresh.clone()));
        // The last token, but another journey's insights now.
        let mut other = fresh.clone();
        other.journey_id = new_id();
        let (fourth, _) = whole(cache.update(Some(third), other.clone()));
        let tokens = HashSet::from([first, second, third, fourth]);
        assert_eq!(tokens.len(), 4, "every answer has a token of its own");
        assert!(matches!(
            cache.update(Some(fourth), other),
            InsightsUpdate::Patch { patch, .. } if patch.base == fourth
        ));
    }

    #[test]
    fn a_repeated_suggestion_key_sends_the_insights_whole() {
        let (_dir, doc, journey) = bank_document();
        let mut cache = InsightsCache::default();
        let fresh = doc.journey_insights(&journey).unwrap();
        let (token, _) = whole(cache.update(None, fresh.clone()));
        let mut repeated = fresh;
        let first = repeated.analysis.suggestions[0].clone();
        repeated.analysis.suggestions.push(first);
        whole(cache.update(Some(token), repeated));
    }
}
