//! The improvement plan, read and drafted (DOMAIN.md, "Improvement plan"). Pure.
//!
//! - `quadrant`: an initiative's priority quadrant from its impact and effort, and the
//!   "by priority" order;
//! - `evidence`: the friction an initiative addresses (its handoffs' friction, its touchpoints'
//!   missed targets);
//! - `progress`: measured progress against the expected effect, from scores, not declarations;
//! - `coverage`: per journey, what the plan addresses and what it leaves out;
//! - `view`: `plan_view`, the whole plan as the board, the CLI and the exports show it;
//! - `draft`: `draft_plan`, one `Edit::Batch` of proposed initiatives from a journey's analysis.

mod coverage;
mod draft;
mod evidence;
mod journeys;
mod progress;
mod quadrant;
mod view;

pub use coverage::{Coverage, LISTED_SUGGESTIONS};
pub use draft::{draft_plan, draft_plan_from, impact_of_evidence};
pub use evidence::{Evidence, HandoffEvidence, TouchpointEvidence};
pub use journeys::{analyse_for_plan, journeys_for_plan, JourneyAnalyses};
pub use progress::{Progress, ProgressState};
pub use quadrant::{quadrant_of, Quadrant};
pub use view::{plan_view, InitiativeView, PhaseView, PlanFilter, PlanView, StatusCounts};
