//! The journey templates of DOMAIN.md, built as `Edit`s like any user edit.
//!
//! A template is one `Edit::Batch` of ordinary edits with fresh ids: applying it is one history
//! entry and one undo step. It uses the file's own built-in metrics (found by kind) and
//! improvement phases (found by position), so its targets, scores, responses and initiatives
//! land on what the file already has. A built-in metric the user deleted is skipped, not an
//! error; initiatives go to the last phase when the file has fewer than three.
//!
//! Figures are dated relative to a day (`today` in the `_on` functions): scores cover the last
//! quarter, responses the last weeks, initiatives are due in the coming months.

mod bank_lost_card;
mod builder;
mod drafts;
mod invoice_payment;
mod outsourced_order_processing;
mod sales_to_cs_onboarding;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::edit::Edit;
use crate::model::Workspace;
use builder::{Context, JourneyBuilder};

/// A template as offered to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TemplateInfo {
    /// Stable identifier, used by the CLI (`--template KEY`) and the app.
    pub key: String,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TemplateError {
    #[error("unknown template \"{key}\" (known: {known})")]
    UnknownTemplate { key: String, known: String },
}

struct Template {
    key: &'static str,
    name: &'static str,
    description: &'static str,
    build: fn(&mut JourneyBuilder<'_>),
}

const TEMPLATES: [Template; 4] = [
    Template {
        key: "bank_lost_card",
        name: "Bank: report a lost card",
        description: "A customer calls about a lost card: an agent verifies, a blind transfer to \
                      the cards team, verification again, a blind transfer to fraud, \
                      verification a third time.",
        build: bank_lost_card::build,
    },
    Template {
        key: "outsourced_order_processing",
        name: "Outsourced order processing",
        description: "An automated rules engine hands the manual steps of a custom order to an \
                      offshore team and takes them back.",
        build: outsourced_order_processing::build,
    },
    Template {
        key: "sales_to_cs_onboarding",
        name: "Sales to customer success onboarding",
        description: "After the contract is signed, sales hands the new client to customer \
                      success and an implementation partner.",
        build: sales_to_cs_onboarding::build,
    },
    Template {
        key: "invoice_payment",
        name: "Invoice payment",
        description: "A supplier's invoice: the budget owner approves, finance pays.",
        build: invoice_payment::build,
    },
];

/// Every template, in the order they are offered.
pub fn template_list() -> Vec<TemplateInfo> {
    TEMPLATES
        .iter()
        .map(|t| TemplateInfo {
            key: t.key.into(),
            name: t.name.into(),
            description: t.description.into(),
        })
        .collect()
}

/// The edit that adds template `key` to `ws`, with figures dated from today.
pub fn template_edit(key: &str, ws: &Workspace) -> Result<Edit, TemplateError> {
    template_edit_on(key, ws, today())
}

/// The edit that adds template `key` to `ws`, with figures dated from `today`.
pub fn template_edit_on(
    key: &str,
    ws: &Workspace,
    today: NaiveDate,
) -> Result<Edit, TemplateError> {
    let template =
        TEMPLATES
            .iter()
            .find(|t| t.key == key)
            .ok_or_else(|| TemplateError::UnknownTemplate {
                key: key.into(),
                known: TEMPLATES.map(|t| t.key).join(", "),
            })?;
    let mut ctx = Context::new(ws, today);
    Ok(Edit::Batch {
        label: format!("Add template: {}", template.name),
        edits: build(template, &mut ctx),
    })
}

/// All four templates in one batch (one undo step), with figures dated from today.
pub fn demo_edit(ws: &Workspace) -> Edit {
    demo_edit_on(ws, today())
}

/// All four templates in one batch, with figures dated from `today`.
pub fn demo_edit_on(ws: &Workspace, today: NaiveDate) -> Edit {
    let mut ctx = Context::new(ws, today);
    Edit::Batch {
        label: "Add the demo journeys".into(),
        edits: TEMPLATES
            .iter()
            .flat_map(|template| build(template, &mut ctx))
            .collect(),
    }
}

fn build(template: &Template, ctx: &mut Context) -> Vec<Edit> {
    let mut builder = JourneyBuilder::new(ctx);
    (template.build)(&mut builder);
    builder.finish()
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

#[cfg(test)]
mod tests;
