//! The drafts a `JourneyBuilder` hands out for a card, a handoff or an initiative: set the
//! optional parts, then `add` turns the draft into the builder's edit.

use crate::edit::Edit;
use crate::model::*;

use super::builder::{JourneyBuilder, M};

pub(crate) struct StepDraft<'b, 'c> {
    pub(super) builder: &'b mut JourneyBuilder<'c>,
    pub(super) cell: (usize, usize),
    pub(super) step: Step,
}

impl StepDraft<'_, '_> {
    pub fn notes(mut self, notes: &str) -> Self {
        self.step.notes = notes.into();
        self
    }

    pub fn touchpoint(mut self, channel: Channel) -> Self {
        self.step.touchpoint = Some(channel);
        self
    }

    pub fn verification(mut self) -> Self {
        self.step.verification = true;
        self
    }

    pub fn resolution(mut self) -> Self {
        self.step.resolution = true;
        self
    }

    pub fn add(self) -> Id {
        let id = self.step.id.clone();
        *self.builder.cells.entry(self.cell).or_insert(0) += 1;
        self.builder
            .structure
            .push(Edit::CreateStep { step: self.step });
        id
    }
}

pub(crate) struct HandoffDraft<'b, 'c> {
    pub(super) builder: &'b mut JourneyBuilder<'c>,
    pub(super) handoff: Handoff,
}

impl HandoffDraft<'_, '_> {
    pub fn context(mut self, context: ContextTransfer) -> Self {
        self.handoff.context = context;
        self
    }

    pub fn customer_repeats(mut self) -> Self {
        self.handoff.customer_repeats = true;
        self
    }

    pub fn reverify(mut self) -> Self {
        self.handoff.reverify = true;
        self
    }

    pub fn wait(mut self, minutes: u32) -> Self {
        self.handoff.wait_minutes = minutes;
        self
    }

    /// Personal or regulated data changes hands.
    pub fn sensitive(mut self) -> Self {
        self.handoff.sensitive = true;
        self
    }

    /// It travels by an approved, secure route.
    pub fn secure(mut self) -> Self {
        self.handoff.secure_channel = true;
        self
    }

    pub fn check(mut self, text: &str, done: bool) -> Self {
        self.handoff.checklist.push(ChecklistItem {
            id: new_id(),
            text: text.into(),
            done,
        });
        self
    }

    pub fn note(mut self, note: &str) -> Self {
        self.handoff.note = note.into();
        self
    }

    pub fn add(mut self) -> Id {
        let id = self.handoff.id.clone();
        self.handoff.journey_id = self.builder.journey_id.clone();
        self.builder.structure.push(Edit::ConnectHandoff {
            handoff: self.handoff,
        });
        id
    }
}

pub(crate) struct InitiativeDraft<'b, 'c> {
    pub(super) builder: &'b mut JourneyBuilder<'c>,
    pub(super) phase_id: Option<Id>,
    pub(super) initiative: Initiative,
}

impl InitiativeDraft<'_, '_> {
    pub fn description(mut self, description: &str) -> Self {
        self.initiative.description = description.into();
        self
    }

    pub fn owner(mut self, owner: &str) -> Self {
        self.initiative.owner = owner.into();
        self
    }

    /// Status, impact and effort (1..=5 each).
    pub fn rated(mut self, status: InitiativeStatus, impact: u8, effort: u8) -> Self {
        self.initiative.status = status;
        self.initiative.impact = impact;
        self.initiative.effort = effort;
        self
    }

    /// Started `started_days_ago` days ago (if at all), due in `due_in_days` days.
    pub fn dates(mut self, started_days_ago: Option<u64>, due_in_days: u64) -> Self {
        let ctx = &self.builder.ctx;
        self.initiative.started = started_days_ago.map(|d| ctx.days_ago(d));
        self.initiative.due = Some(ctx.days_ahead(due_in_days));
        self
    }

    pub fn steps(mut self, steps: &[&Id]) -> Self {
        self.initiative.step_ids = steps.iter().map(|id| (*id).clone()).collect();
        self
    }

    pub fn handoffs(mut self, handoffs: &[&Id]) -> Self {
        self.initiative.handoff_ids = handoffs.iter().map(|id| (*id).clone()).collect();
        self
    }

    /// The analysis' suggestions it answers, by key (see [`suggestion_key`]).
    pub fn addresses(mut self, keys: impl IntoIterator<Item = String>) -> Self {
        self.initiative.suggestion_keys.extend(keys);
        self
    }

    /// It answers the analysis' "investigate this touchpoint" suggestion for `step` on
    /// `metric` (nothing when the file lacks the metric).
    pub fn investigates(mut self, step: &Id, metric: M) -> Self {
        if let Some(metric_id) = self.builder.ctx.metric(metric) {
            self.initiative
                .suggestion_keys
                .push(format!("investigate_touchpoint:{step}:{metric_id}"));
        }
        self
    }

    /// What it should achieve: `metric` on `subject` reaches `value`.
    pub fn expects(mut self, metric: M, subject: Option<Subject>, value: f64) -> Self {
        self.initiative.expected_effect =
            self.builder
                .ctx
                .metric(metric)
                .map(|metric_id| ExpectedEffect {
                    metric_id,
                    subject,
                    value,
                });
        self
    }

    pub fn add(mut self) {
        let Some(phase_id) = self.phase_id else {
            return;
        };
        let next = self
            .builder
            .ctx
            .next_initiative
            .entry(phase_id.clone())
            .or_insert(0);
        self.initiative.position = *next;
        *next += 1;
        self.initiative.phase_id = phase_id;
        self.builder.plan.push(Edit::CreateInitiative {
            initiative: self.initiative,
        });
    }
}
