//! Sales to customer success onboarding (seed 002): after the contract is signed, sales hands
//! the client to customer success and an implementation partner.

use super::builder::{handoff_subject, step_subject, JourneyBuilder, M};
use crate::model::{
    Channel, ContextTransfer, HandoffMode, InitiativeStatus, LaneKind, Sourcing, Visibility, Work,
};

pub(crate) fn build(b: &mut JourneyBuilder<'_>) {
    b.persona(
        "Priya Raman",
        "Operations director, new SaaS customer",
        "Chose the product for a 30-day go-live before peak season. Spent six weeks with the \
         sales team explaining her integrations and expects everyone to know them.",
    );
    b.journey(
        "Get onboarded after signing",
        "From the signed contract to go-live: sales hands the account to customer success, \
         which brings in an outsourced implementation partner.",
    );

    let sign = b.stage("Sign", "Contract and closed deal.");
    let handover = b.stage("Handover", "Sales passes the account on.");
    let kickoff = b.stage("Kickoff", "The customer meets the onboarding team.");
    let implement = b.stage("Implementation", "Integrations and configuration.");
    let go_live = b.stage("Go live", "Launch, training, first review.");

    let customer = b.lane(LaneKind::Customer, "Priya");
    let sales = b.actor(
        "Account executive",
        "Sales",
        Sourcing::InHouse,
        Work::Manual,
        Visibility::Frontstage,
    );
    let csm = b.actor(
        "Customer success manager",
        "Customer success",
        Sourcing::InHouse,
        Work::Manual,
        Visibility::Frontstage,
    );
    let partner = b.actor(
        "Implementation partner",
        "Professional services",
        Sourcing::Outsourced,
        Work::Manual,
        Visibility::Frontstage,
    );
    let crm = b.actor(
        "CRM",
        "Revenue operations",
        Sourcing::InHouse,
        Work::Automated,
        Visibility::Support,
    );
    let emotion = b.lane(LaneKind::Emotion, "Feeling");
    let thoughts = b.lane(LaneKind::Thoughts, "Thoughts");
    let pains = b.lane(LaneKind::Pains, "Pains");

    // Sign
    let signs = b
        .step(sign, customer, "Signs the contract")
        .touchpoint(Channel::Email)
        .notes("E-signature, annual plan, 30-day go-live promised in the call.")
        .add();
    let closes = b
        .step(sign, sales, "Closes the deal")
        .touchpoint(Channel::Phone)
        .add();
    let closed_won = b
        .step(
            sign,
            crm,
            "Marks the deal closed-won and opens an onboarding record",
        )
        .add();
    b.feeling(sign, emotion, "Excited", 2);

    // Handover
    let notes = b
        .step(handover, sales, "Writes the handover notes")
        .notes("Free text in the CRM; success criteria and the go-live promise left out.")
        .add();
    b.step(handover, crm, "Assigns a CSM by region").add();
    b.feeling(handover, emotion, "Waiting to hear from someone", 0);
    b.card(handover, thoughts, "Who do I talk to now?");

    // Kickoff
    let kickoff_call = b
        .step(kickoff, csm, "Runs the kickoff call")
        .touchpoint(Channel::Other)
        .notes("Video call; the CSM learns about the 30-day promise here.")
        .add();
    b.step(
        kickoff,
        customer,
        "Re-explains goals and integrations already covered with sales",
    )
    .touchpoint(Channel::Other)
    .add();
    b.feeling(kickoff, emotion, "Deflated: starting over", -1);
    b.card(kickoff, pains, "Six weeks of context lost at the handover");

    // Implementation
    let workshop = b
        .step(implement, partner, "Runs the scoping workshop")
        .touchpoint(Channel::Other)
        .add();
    let credentials = b
        .step(implement, partner, "Requests admin credentials by email")
        .touchpoint(Channel::Email)
        .add();
    let configures = b
        .step(implement, partner, "Configures the integrations")
        .add();
    b.feeling(implement, emotion, "Anxious about the deadline", -1);
    b.card(implement, pains, "Credentials asked for over plain email");
    b.card(
        implement,
        thoughts,
        "Is the partner part of the company or not?",
    );

    // Go live
    let review = b
        .step(go_live, csm, "Go-live review and admin training")
        .touchpoint(Channel::Other)
        .resolution()
        .notes("Live on day 41, eleven days after the promised date.")
        .add();
    b.feeling(go_live, emotion, "Relieved, trust dented", 1);

    b.handoff(&closes, &closed_won, HandoffMode::Automated)
        .add();
    let sales_to_cs = b
        .handoff(&notes, &kickoff_call, HandoffMode::Blind)
        .context(ContextTransfer::Partial)
        .customer_repeats()
        .wait(4320)
        .sensitive()
        .secure()
        .check("Success criteria agreed with the customer", false)
        .check("Stakeholders and decision makers listed", true)
        .check("Promises made during the sale (dates, discounts)", false)
        .check("Technical requirements and integrations", true)
        .check("CSM introduced on a joint call", false)
        .note("Notes in the CRM; no joint call. The CSM reaches out three days after signing.")
        .add();
    let cs_to_partner = b
        .handoff(&kickoff_call, &workshop, HandoffMode::Assisted)
        .context(ContextTransfer::Partial)
        .wait(2880)
        .sensitive()
        .check("Scope and go-live date shared", true)
        .check("Admin credentials through the vault", false)
        .note("The CSM joins the first ten minutes; the customer's architecture diagram goes by email.")
        .add();
    let partner_to_cs = b
        .handoff(&configures, &review, HandoffMode::Assisted)
        .context(ContextTransfer::Full)
        .wait(1440)
        .check("Integration test results", true)
        .check("Open issues list", true)
        .check("Admin training materials", false)
        .add();

    let source = "Onboarding survey, last quarter";
    for (step, metric, target, score, sample) in [
        (&signs, M::Csat, 85.0, 91.0, 46),
        (&kickoff_call, M::Csat, 85.0, 63.0, 44),
        (&credentials, M::Ces, 5.5, 4.1, 39),
        (&review, M::Nps, 40.0, 12.0, 41),
        (&review, M::Csat, 85.0, 74.0, 41),
    ] {
        let subject = step_subject(step);
        b.target(&subject, metric, target);
        b.score(&subject, metric, score, sample, source);
    }
    let handover_subject = handoff_subject(&sales_to_cs);
    b.target(&handover_subject, M::Ces, 5.5);
    b.score(&handover_subject, M::Ces, 3.6, 44, source);

    b.response(
        &step_subject(&kickoff_call),
        M::Csat,
        2.0,
        40,
        "Northwind Logistics",
        "I spent the first hour repeating what I told sales for six weeks.",
    );
    b.response(
        &step_subject(&review),
        M::Nps,
        7.0,
        10,
        "Northwind Logistics",
        "The product is good; the hand-over from sales was not.",
    );
    b.response(
        &step_subject(&review),
        M::Nps,
        9.0,
        16,
        "Bluebell Foods",
        "Our CSM was excellent once we got going.",
    );
    b.response(
        &handover_subject,
        M::Ces,
        3.0,
        40,
        "Northwind Logistics",
        "Nobody knew about the 30-day deadline.",
    );

    b.initiative(0, "Handover checklist required before closed-won")
        .description(
            "Structured protocol (seed 002): the deal cannot close until success criteria, \
             promises and integrations are recorded.",
        )
        .owner("Revenue Operations")
        .rated(InitiativeStatus::InProgress, 5, 2)
        .dates(Some(14), 30)
        .handoffs(&[&sales_to_cs])
        .steps(&[&notes])
        .expects(M::Ces, Some(handover_subject.clone()), 5.0)
        .add();
    b.initiative(0, "Joint introduction call: account executive and CSM")
        .description("Make the handover assisted: sales introduces the CSM before letting go.")
        .owner("VP Sales")
        .rated(InitiativeStatus::Planned, 4, 1)
        .dates(None, 45)
        .handoffs(&[&sales_to_cs])
        .expects(M::Csat, Some(step_subject(&kickoff_call)), 80.0)
        .add();
    b.initiative(1, "Credential vault for partner access")
        .description("No credentials or architecture documents by email (seed 001: compliance).")
        .owner("Security")
        .rated(InitiativeStatus::Planned, 3, 3)
        .dates(None, 120)
        .steps(&[&credentials])
        .handoffs(&[&cs_to_partner])
        .add();
    b.initiative(2, "Onboarding pulse survey at kickoff and go-live")
        .owner("Customer Success Operations")
        .rated(InitiativeStatus::Proposed, 3, 2)
        .dates(None, 240)
        .steps(&[&kickoff_call, &review])
        .handoffs(&[&partner_to_cs])
        .add();
}
