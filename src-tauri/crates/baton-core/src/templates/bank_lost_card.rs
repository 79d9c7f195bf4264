//! Bank, lost card (seeds 004 and 003): the customer calls, an agent verifies, a blind transfer
//! to the cards team, verification again, a blind transfer to fraud, verification a third time.

use super::builder::{handoff_subject, step_subject, JourneyBuilder, M};
use crate::model::{
    Channel, ContextTransfer, HandoffMode, InitiativeStatus, LaneKind, Sourcing, Visibility, Work,
};

pub(crate) fn build(b: &mut JourneyBuilder<'_>) {
    b.persona(
        "Maya Chen",
        "Retail banking customer",
        "Project manager, 34. Banks in the app and calls only when something is urgent. \
         Expects the bank to know who she is once she has proved it.",
    );
    b.journey(
        "Report a lost card",
        "Maya's debit card is missing and there is a charge she does not recognise. One call \
         passes her from the contact centre to the cards team to fraud, and she proves who she \
         is to each of them.",
    );

    let notice = b.stage("Notice", "The card is gone and a charge looks wrong.");
    let call = b.stage("Call", "Finding the number, the menu, the queue.");
    let verify = b.stage("Verify", "The first agent checks who is calling.");
    let block = b.stage("Block and replace", "The cards team stops the card.");
    let fraud_stage = b.stage("Fraud check", "The unknown charge is disputed.");
    let follow_up = b.stage("Follow up", "Confirmation, new card, refund.");

    let customer = b.lane(LaneKind::Customer, "Maya");
    let agent = b.actor(
        "Contact centre agent",
        "Customer service",
        Sourcing::InHouse,
        Work::Manual,
        Visibility::Frontstage,
    );
    let cards = b.actor(
        "Cards team",
        "Card services",
        Sourcing::InHouse,
        Work::Manual,
        Visibility::Frontstage,
    );
    let fraud = b.actor(
        "Fraud team",
        "Fraud and security",
        Sourcing::InHouse,
        Work::Manual,
        Visibility::Frontstage,
    );
    let core = b.actor(
        "Core banking and notifications",
        "IT",
        Sourcing::InHouse,
        Work::Automated,
        Visibility::Support,
    );
    let emotion = b.lane(LaneKind::Emotion, "Feeling");
    let pains = b.lane(LaneKind::Pains, "Pains");
    let opportunities = b.lane(LaneKind::Opportunities, "Opportunities");

    // Notice
    b.step(
        notice,
        customer,
        "Notices the card is missing at the checkout",
    )
    .notes("Searches her bag twice; sees a €86.40 charge from an online shop she never used.")
    .add();
    let app = b
        .step(notice, customer, "Looks up the lost-card number in the app")
        .touchpoint(Channel::App)
        .notes("The number sits three menus deep, under Help > Cards > Lost or stolen.")
        .add();
    b.feeling(notice, emotion, "Worried", -2);
    b.card(notice, pains, "Lost-card number is hard to find in the app");
    b.card(notice, opportunities, "One-tap freeze card in the app");

    // Call
    b.step(call, customer, "Calls the lost-card line")
        .touchpoint(Channel::Phone)
        .notes("Press 2 for cards, 4 for lost or stolen; 11 minutes in the queue.")
        .add();
    b.step(call, agent, "Agent answers and hears the story")
        .touchpoint(Channel::Phone)
        .add();
    b.feeling(call, emotion, "Impatient in the queue", -2);
    b.card(call, pains, "11 minutes on hold before anyone answers");

    // Verify
    let agent_verifies = b
        .step(
            verify,
            agent,
            "Verifies identity: name, address, date of birth, security question",
        )
        .touchpoint(Channel::Phone)
        .verification()
        .notes("Then explains that cards are handled by another team.")
        .add();
    b.feeling(verify, emotion, "Reassured, someone is on it", 0);

    // Block and replace
    let cards_verifies = b
        .step(block, cards, "Cards team verifies identity again")
        .touchpoint(Channel::Phone)
        .verification()
        .notes("Same questions as the first agent: the verified-caller flag did not travel.")
        .add();
    let cards_blocks = b
        .step(block, cards, "Blocks the card and orders a replacement")
        .touchpoint(Channel::Phone)
        .notes(
            "Maya mentions the unknown charge; the cards team cannot dispute it and, once the \
             card is blocked, can no longer see its pending transactions (seed 003).",
        )
        .add();
    let card_ordered = b
        .step(block, core, "Card blocked, replacement ordered")
        .notes("Card production and dispatch, 5 working days.")
        .add();
    b.feeling(block, emotion, "Annoyed: the same questions again", -1);
    b.card(block, pains, "Asked to verify again by the next team");

    // Fraud check
    let fraud_verifies = b
        .step(
            fraud_stage,
            fraud,
            "Fraud team verifies identity a third time",
        )
        .touchpoint(Channel::Phone)
        .verification()
        .add();
    let dispute = b
        .step(
            fraud_stage,
            fraud,
            "Reviews the unknown charge and opens a dispute",
        )
        .touchpoint(Channel::Phone)
        .resolution()
        .notes("Provisional refund of €86.40 within 2 working days.")
        .add();
    b.feeling(
        fraud_stage,
        emotion,
        "Exasperated: third time proving who she is",
        -3,
    );
    b.card(fraud_stage, pains, "Told the whole story to three teams");
    b.card(
        fraud_stage,
        pains,
        "Security questions asked three times in one call",
    );
    b.card(
        fraud_stage,
        opportunities,
        "Senior agent joins after the second transfer",
    );

    // Follow up
    let confirmation = b
        .step(
            follow_up,
            core,
            "Emails the dispute reference and card dispatch date",
        )
        .touchpoint(Channel::Email)
        .add();
    let new_card = b
        .step(follow_up, customer, "Receives the new card")
        .touchpoint(Channel::Mail)
        .add();
    b.feeling(follow_up, emotion, "Relieved, still annoyed", 0);

    let to_cards = b
        .handoff(&agent_verifies, &cards_verifies, HandoffMode::Blind)
        .context(ContextTransfer::Partial)
        .reverify()
        .customer_repeats()
        .wait(6)
        .sensitive()
        .secure()
        .check("Verified-caller flag passed to the receiving team", false)
        .check("Reason for the call noted in the CRM", true)
        .check("Last four digits of the card noted", true)
        .note("Cold transfer through the ACD queue; the cards agent reads the CRM note, if any.")
        .add();
    let to_fraud = b
        .handoff(&cards_blocks, &fraud_verifies, HandoffMode::Blind)
        .context(ContextTransfer::None)
        .reverify()
        .customer_repeats()
        .wait(14)
        .sensitive()
        .check("Verified-caller flag passed to the receiving team", false)
        .check("Disputed transaction attached", false)
        .note("Transaction details forwarded to fraud by plain internal email.")
        .add();
    b.handoff(&cards_blocks, &card_ordered, HandoffMode::Automated)
        .sensitive()
        .secure()
        .note("Card management system; address taken from the customer record.")
        .add();
    b.handoff(&dispute, &confirmation, HandoffMode::Automated)
        .sensitive()
        .secure()
        .wait(30)
        .add();

    // Figures: benchmarks on every touchpoint (seed 003), last quarter's scores.
    let source = "Post-call IVR survey, last quarter";
    for (step, csat_target, csat) in [
        (&app, 80.0, 66.0),
        (&agent_verifies, 85.0, 78.0),
        (&cards_verifies, 80.0, 57.0),
        (&fraud_verifies, 80.0, 41.0),
        (&dispute, 85.0, 62.0),
        (&confirmation, 85.0, 81.0),
    ] {
        let subject = step_subject(step);
        b.target(&subject, M::Csat, csat_target);
        b.score(&subject, M::Csat, csat, 212, source);
    }
    let dispute_subject = step_subject(&dispute);
    b.target(&dispute_subject, M::Nps, 20.0);
    b.score(&dispute_subject, M::Nps, -18.0, 187, source);
    let card_subject = step_subject(&new_card);
    b.target(&card_subject, M::Csat, 85.0);
    for (handoff, ces) in [(&to_cards, 3.4), (&to_fraud, 2.3)] {
        let subject = handoff_subject(handoff);
        b.target(&subject, M::Ces, 5.5);
        b.score(&subject, M::Ces, ces, 164, source);
    }

    let fraud_subject = step_subject(&fraud_verifies);
    b.response(
        &fraud_subject,
        M::Csat,
        1.0,
        12,
        "C-10482",
        "Third time I was asked my mother's maiden name in one call.",
    );
    b.response(
        &step_subject(&cards_verifies),
        M::Csat,
        3.0,
        9,
        "C-10517",
        "They blocked it quickly, but I had to explain everything again.",
    );
    b.response(
        &dispute_subject,
        M::Nps,
        3.0,
        12,
        "C-10482",
        "I'll think twice before calling you again.",
    );
    b.response(
        &handoff_subject(&to_fraud),
        M::Ces,
        2.0,
        5,
        "C-10533",
        "Why can't you pass me over with my details?",
    );
    b.response(
        &step_subject(&agent_verifies),
        M::Csat,
        5.0,
        3,
        "C-10561",
        "The first agent was lovely and calm.",
    );

    // The plan, across seed 003's three phases.
    b.initiative(0, "Pass the verified-caller flag on internal transfers")
        .description(
            "Consider whether an internal referral can bypass repeated account verification \
             (seed 004): the receiving team sees that the caller is verified.",
        )
        .owner("Head of Contact Centre")
        .rated(InitiativeStatus::InProgress, 5, 2)
        .dates(Some(30), 45)
        .steps(&[&cards_verifies, &fraud_verifies])
        .handoffs(&[&to_cards, &to_fraud])
        .expects(M::Ces, Some(handoff_subject(&to_fraud)), 5.0)
        .add();
    b.initiative(0, "Send fraud referrals through the case system, not email")
        .description("Card and transaction details travel by an approved, secure route.")
        .owner("Information Security")
        .rated(InitiativeStatus::Planned, 3, 1)
        .dates(None, 30)
        .handoffs(&[&to_fraud])
        .add();
    b.initiative(1, "Assisted transfers to cards and fraud")
        .description(
            "The agent stays on the line and briefs the next team before letting go, so the \
             customer tells the story once.",
        )
        .owner("Contact Centre Operations")
        .rated(InitiativeStatus::Planned, 4, 3)
        .dates(None, 120)
        .handoffs(&[&to_cards, &to_fraud])
        .expects(M::Csat, Some(step_subject(&fraud_verifies)), 75.0)
        .add();
    b.initiative(1, "Flag calls after the second transfer to a senior lane")
        .description(
            "The telephony flags any call transferred twice and brings in a senior agent who \
             can block, replace and dispute in one conversation.",
        )
        .owner("Workforce Management")
        .rated(InitiativeStatus::Proposed, 4, 4)
        .dates(None, 180)
        .steps(&[&cards_blocks, &dispute])
        .handoffs(&[&to_fraud])
        .expects(M::Nps, Some(dispute_subject.clone()), 10.0)
        .add();
    b.initiative(2, "Survey every lost-card touchpoint after the call")
        .description("Real-time feedback on each touchpoint, reviewed monthly against targets.")
        .owner("Customer Insight")
        .rated(InitiativeStatus::Proposed, 3, 2)
        .dates(None, 270)
        .steps(&[&app, &agent_verifies, &dispute, &new_card])
        .add();
}
