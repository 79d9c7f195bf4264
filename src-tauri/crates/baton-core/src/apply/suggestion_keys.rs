//! Suggestion keys as initiatives store them (see `analysis::SuggestionRule`): the rule, then
//! the ids the suggestion is about, joined by `:`. An initiative may only name a key whose rule
//! is known and whose ids exist (the suggestion itself is derived and may come and go with the
//! data); deleting what a key names removes the key from the initiatives (see `cascade`).

use crate::error::EditErrorKind;
use crate::model::*;
use crate::EditError;

use super::checks::fail;

/// What one id of a key must name.
#[derive(Clone, Copy)]
enum Names {
    Step,
    Handoff,
    StepOrHandoff,
    Stage,
    Metric,
}

/// The ids each rule's key carries after the rule, in order.
fn shape(rule: &str) -> Option<&'static [Names]> {
    Some(match rule {
        "flag_chain" | "blind_to_assisted" | "send_notes" | "secure_route" => &[Names::Handoff],
        "carry_verification" => &[Names::StepOrHandoff],
        "concentrate_touchpoints" => &[Names::Stage],
        "measure_touchpoint" => &[Names::Step],
        "investigate_touchpoint" => &[Names::Step, Names::Metric],
        _ => return None,
    })
}

/// The ids a key names (after its rule), whatever its shape.
pub(crate) fn key_ids(key: &str) -> impl Iterator<Item = &str> {
    key.split(':').skip(1)
}

impl Workspace {
    /// The key is `rule:id[:id]` with a known rule, and each id names what the rule says.
    pub(super) fn check_suggestion_key(
        &self,
        initiative_id: &str,
        key: &str,
    ) -> Result<(), EditError> {
        let entity = EntityKind::Initiative;
        let field = "suggestion_keys";
        let mut parts = key.split(':');
        let rule = parts.next().unwrap_or("");
        let ids: Vec<&str> = parts.collect();
        let Some(names) = shape(rule).filter(|names| names.len() == ids.len()) else {
            return Err(fail(
                EditErrorKind::NotAllowed,
                entity,
                initiative_id,
                field,
                format!("{key:?} is not a suggestion key (rule:id, as the analysis names them)"),
            ));
        };
        for (name, id) in names.iter().zip(ids) {
            let exists = match name {
                Names::Step => self.steps.contains_key(id),
                Names::Handoff => self.handoffs.contains_key(id),
                Names::StepOrHandoff => {
                    self.steps.contains_key(id) || self.handoffs.contains_key(id)
                }
                Names::Stage => self.stages.contains_key(id),
                Names::Metric => self.metrics.contains_key(id),
            };
            if !exists {
                return Err(fail(
                    EditErrorKind::NotFound,
                    entity,
                    initiative_id,
                    field,
                    format!(
                        "The suggestion {key:?} is about {id}, which does not exist in this file"
                    ),
                ));
            }
        }
        Ok(())
    }
}
