//! Invoice payment (seed 000): the budget owner approves, finance pays. The customer here is the
//! supplier waiting for its money.

use super::builder::{handoff_subject, step_subject, JourneyBuilder, M};
use crate::model::{
    Channel, ContextTransfer, HandoffMode, InitiativeStatus, LaneKind, Sourcing, Visibility, Work,
};

pub(crate) fn build(b: &mut JourneyBuilder<'_>) {
    b.persona(
        "Tom Becker",
        "Owner of a small design agency (supplier)",
        "Five-person studio; cash flow depends on being paid within the 30-day terms. Deals \
         with the marketing manager who commissioned the work and knows nobody in finance.",
    );
    b.journey(
        "Get an invoice paid",
        "The budget owner in marketing approves the invoice; the finance shared-service centre \
         matches, verifies and pays it. The supplier only knows the budget owner.",
    );

    let submit = b.stage("Submit", "The supplier sends the invoice.");
    let approve = b.stage("Approve", "The budget owner signs it off.");
    let pay = b.stage("Pay", "Matching, bank details, payment run.");
    let chase = b.stage("Chase", "Where is the money?");
    let paid = b.stage("Paid", "Remittance and money in the bank.");

    let supplier = b.lane(LaneKind::Customer, "Tom");
    let owner = b.actor(
        "Budget owner",
        "Marketing",
        Sourcing::InHouse,
        Work::Manual,
        Visibility::Frontstage,
    );
    let payables = b.actor(
        "Accounts payable",
        "Finance",
        Sourcing::Offshore,
        Work::Manual,
        Visibility::Frontstage,
    );
    let erp = b.actor(
        "ERP payment run",
        "Finance",
        Sourcing::InHouse,
        Work::Automated,
        Visibility::Support,
    );
    let emotion = b.lane(LaneKind::Emotion, "Feeling");
    let pains = b.lane(LaneKind::Pains, "Pains");
    let opportunities = b.lane(LaneKind::Opportunities, "Opportunities");

    // Submit
    let sends = b
        .step(submit, supplier, "Emails the invoice to the budget owner")
        .touchpoint(Channel::Email)
        .notes("PDF invoice, 30-day terms, no PO number: nobody gave him one.")
        .add();
    b.feeling(submit, emotion, "Hopeful", 1);

    // Approve
    let approves = b
        .step(
            approve,
            owner,
            "Approves the invoice and forwards it to finance",
        )
        .touchpoint(Channel::Email)
        .notes("\"Approved, passed to finance\" — a reply to the supplier, then a forward.")
        .add();

    b.feeling(approve, emotion, "Reassured by the approval", 1);

    // Pay
    let matches = b
        .step(pay, payables, "Matches the invoice to a purchase order")
        .notes("No PO number: the invoice goes on hold.")
        .add();
    let asks_po = b
        .step(pay, payables, "Asks the supplier for the PO number")
        .touchpoint(Channel::Email)
        .add();
    let verifies = b
        .step(pay, payables, "Verifies the bank details by call-back")
        .touchpoint(Channel::Phone)
        .verification()
        .notes("Invoice-fraud control for a new supplier.")
        .add();
    let run = b
        .step(pay, erp, "Weekly payment run")
        .notes("Thursdays; approved invoices miss the run if cleared after Tuesday.")
        .add();
    b.feeling(pay, emotion, "Confused: who is this?", -1);
    b.card(pay, pains, "Asked for a PO number nobody gave him");

    // Chase
    let chases = b
        .step(chase, supplier, "Chases the payment with the budget owner")
        .touchpoint(Channel::Email)
        .notes("Day 38: the invoice is overdue.")
        .add();
    let forwards = b
        .step(chase, owner, "Forwards the chase to the finance mailbox")
        .add();
    let replies = b
        .step(chase, payables, "Replies with the payment date")
        .touchpoint(Channel::Email)
        .add();
    b.feeling(chase, emotion, "Anxious about cash flow", -2);
    b.card(
        chase,
        pains,
        "Tells the whole story again to a finance mailbox",
    );
    b.card(chase, opportunities, "Supplier portal with invoice status");

    // Paid
    let remittance = b
        .step(paid, erp, "Sends the remittance advice")
        .touchpoint(Channel::Email)
        .resolution()
        .add();
    b.feeling(paid, emotion, "Paid, 12 days late", 0);

    let approval = b
        .handoff(&approves, &matches, HandoffMode::Blind)
        .context(ContextTransfer::Partial)
        .customer_repeats()
        .wait(2880)
        .sensitive()
        .check("PO number on the invoice", false)
        .check("Approval recorded in the ERP", false)
        .check("Supplier bank details attached", true)
        .note("Forwarded email to the shared-service centre; bank details travel in the PDF.")
        .add();
    let to_run = b
        .handoff(&verifies, &run, HandoffMode::Automated)
        .context(ContextTransfer::Full)
        .wait(4320)
        .sensitive()
        .secure()
        .note("Cleared invoices wait for the next weekly run.")
        .add();
    let chase_forward = b
        .handoff(&forwards, &replies, HandoffMode::Blind)
        .context(ContextTransfer::None)
        .customer_repeats()
        .wait(1440)
        .note("Finance mailbox, answered within one working day.")
        .add();

    let source = "Annual supplier survey";
    for (step, metric, target, score) in [
        (&sends, M::Csat, 85.0, 86.0),
        (&approves, M::Csat, 85.0, 80.0),
        (&asks_po, M::Csat, 75.0, 38.0),
        (&verifies, M::Ces, 5.0, 3.0),
        (&replies, M::Csat, 75.0, 44.0),
        (&remittance, M::Csat, 85.0, 71.0),
        (&remittance, M::Nps, 20.0, -10.0),
    ] {
        let subject = step_subject(step);
        b.target(&subject, metric, target);
        b.score(&subject, metric, score, 63, source);
    }
    let approval_subject = handoff_subject(&approval);
    b.target(&approval_subject, M::Ces, 5.0);
    b.score(&approval_subject, M::Ces, 2.8, 63, source);

    b.response(
        &step_subject(&asks_po),
        M::Csat,
        2.0,
        35,
        "Becker Design",
        "Nobody ever gave me a PO number. I found out when the invoice was already late.",
    );
    b.response(
        &step_subject(&replies),
        M::Csat,
        2.0,
        30,
        "Becker Design",
        "I had to forward the whole thread again to people I have never met.",
    );
    b.response(
        &step_subject(&remittance),
        M::Nps,
        4.0,
        25,
        "Becker Design",
        "",
    );
    b.response(
        &step_subject(&verifies),
        M::Ces,
        6.0,
        44,
        "Studio Nord",
        "The call-back was quick and felt safe.",
    );

    b.initiative(0, "Approve invoices in the ERP, not by email")
        .description(
            "The approval lands where finance works, with the PO attached; no forwarded \
             emails carrying bank details.",
        )
        .owner("Finance Systems")
        .rated(InitiativeStatus::InProgress, 4, 3)
        .dates(Some(45), 30)
        .handoffs(&[&approval])
        .steps(&[&approves, &matches])
        .expects(M::Ces, Some(approval_subject.clone()), 4.5)
        .add();
    b.initiative(0, "Give suppliers a PO number with every order")
        .owner("Procurement")
        .rated(InitiativeStatus::Planned, 4, 1)
        .dates(None, 45)
        .steps(&[&asks_po])
        .expects(M::Csat, Some(step_subject(&asks_po)), 70.0)
        .add();
    b.initiative(1, "Twice-weekly payment runs")
        .owner("Treasury")
        .rated(InitiativeStatus::Proposed, 3, 3)
        .dates(None, 150)
        .handoffs(&[&to_run])
        .add();
    b.initiative(2, "Supplier portal with invoice status")
        .description("Suppliers see where their invoice is instead of chasing the budget owner.")
        .owner("Finance Shared Services")
        .rated(InitiativeStatus::Proposed, 4, 4)
        .dates(None, 300)
        .steps(&[&chases, &replies])
        .handoffs(&[&chase_forward])
        .expects(M::Nps, Some(step_subject(&remittance)), 10.0)
        .add();
}
