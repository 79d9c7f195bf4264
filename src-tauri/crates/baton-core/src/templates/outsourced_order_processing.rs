//! Outsourced order processing (seed 000): an automated rules engine hands the manual steps to
//! an offshore team and takes them back.

use super::builder::{handoff_subject, step_subject, JourneyBuilder, M};
use crate::model::{
    Channel, ContextTransfer, HandoffMode, InitiativeStatus, LaneKind, Sourcing, Visibility, Work,
};

pub(crate) fn build(b: &mut JourneyBuilder<'_>) {
    b.persona(
        "Daniel Okafor",
        "Procurement manager, B2B customer",
        "Buys packaging and display stock for a chain of 40 garden centres. Orders in bulk, \
         often with custom packaging, and needs firm delivery dates for store openings.",
    );
    b.journey(
        "Place a custom bulk order",
        "A bulk order with custom packaging: the rules engine validates what it can, the \
         offshore order desk handles the exception by hand, and the engine takes the order back \
         for pricing and release to the outsourced warehouse.",
    );

    let order = b.stage("Order", "The customer submits the order online.");
    let validate = b.stage("Validate", "Automated checks of items, prices and credit.");
    let exception = b.stage(
        "Exception",
        "Manual handling of what the rules cannot decide.",
    );
    let fulfil = b.stage("Fulfil", "Pricing, release, picking and shipping.");
    let confirm = b.stage("Confirm", "Shipping confirmation and delivery date.");

    let customer = b.lane(LaneKind::Customer, "Daniel");
    let engine = b.actor(
        "Order rules engine",
        "Order management",
        Sourcing::InHouse,
        Work::Automated,
        Visibility::Backstage,
    );
    let desk = b.actor(
        "Offshore order desk",
        "Order management",
        Sourcing::Offshore,
        Work::Manual,
        Visibility::Frontstage,
    );
    let warehouse = b.actor(
        "Warehouse (3PL)",
        "Logistics",
        Sourcing::Outsourced,
        Work::Manual,
        Visibility::Backstage,
    );
    let account = b.actor(
        "Account manager",
        "Sales",
        Sourcing::InHouse,
        Work::Manual,
        Visibility::Frontstage,
    );
    let emotion = b.lane(LaneKind::Emotion, "Feeling");
    let pains = b.lane(LaneKind::Pains, "Pains");
    let opportunities = b.lane(LaneKind::Opportunities, "Opportunities");

    // Order
    let submits = b
        .step(
            order,
            customer,
            "Submits a bulk order with custom packaging",
        )
        .touchpoint(Channel::Web)
        .notes("2,400 units; packaging spec attached as a PDF to the order form.")
        .add();
    b.feeling(order, emotion, "Confident", 1);

    // Validate
    let validates = b
        .step(validate, engine, "Validates items, prices and credit limit")
        .add();
    let flags = b
        .step(
            validate,
            engine,
            "Flags the custom packaging as an exception",
        )
        .notes("Exception code PKG-07: non-standard packaging; the attachment is not forwarded.")
        .add();
    b.feeling(validate, emotion, "Waiting, no news", 0);

    // Exception
    let reviews = b
        .step(exception, desk, "Reviews the exception by hand")
        .notes("Picked up the next morning, offshore time.")
        .add();
    let asks = b
        .step(
            exception,
            desk,
            "Emails the customer to confirm the packaging spec",
        )
        .touchpoint(Channel::Email)
        .add();
    b.step(
        exception,
        customer,
        "Explains the packaging requirements again",
    )
    .touchpoint(Channel::Email)
    .notes("Re-sends the PDF that was already on the order.")
    .add();
    let keys_in = b
        .step(exception, desk, "Keys the corrected order back in")
        .add();
    b.feeling(exception, emotion, "Irritated: it was all on the order", -2);
    b.card(
        exception,
        pains,
        "Asked for details already on the order form",
    );
    b.card(exception, pains, "A day lost to the time-zone gap");
    b.card(
        exception,
        opportunities,
        "Let the rules accept standard packaging codes",
    );

    // Fulfil
    let releases = b
        .step(
            fulfil,
            engine,
            "Re-prices and releases the order to the warehouse",
        )
        .add();
    let ships = b
        .step(fulfil, warehouse, "Picks, packs and ships")
        .notes("Custom packaging assembled by the 3PL.")
        .add();
    b.feeling(fulfil, emotion, "Unsure when it will arrive", -1);

    // Confirm
    let confirmation = b
        .step(confirm, engine, "Sends the shipping confirmation")
        .touchpoint(Channel::Email)
        .notes("The delivery date shown is the standard lead time, not the 3PL's date.")
        .add();
    b.step(
        confirm,
        customer,
        "Calls the account manager: the date is wrong",
    )
    .touchpoint(Channel::Phone)
    .add();
    let chases = b
        .step(
            confirm,
            account,
            "Asks the order desk for the real delivery date",
        )
        .add();
    let answers = b
        .step(confirm, desk, "Looks up the 3PL booking and replies")
        .add();
    let confirms = b
        .step(
            confirm,
            account,
            "Confirms the delivery date to the customer",
        )
        .touchpoint(Channel::Phone)
        .resolution()
        .add();
    b.feeling(confirm, emotion, "Relieved once the date is firm", 1);
    b.card(confirm, pains, "Three parties to talk to about one order");

    b.handoff(&submits, &validates, HandoffMode::Automated)
        .sensitive()
        .secure()
        .add();
    let to_desk = b
        .handoff(&flags, &reviews, HandoffMode::Automated)
        .context(ContextTransfer::Partial)
        .customer_repeats()
        .wait(720)
        .check("Order form attachments travel with the exception", false)
        .check("Exception code explained in plain words", true)
        .note("Exception queue; only the code and the order lines cross over.")
        .add();
    let back_to_engine = b
        .handoff(&keys_in, &releases, HandoffMode::Automated)
        .context(ContextTransfer::Partial)
        .wait(240)
        .check("Packaging spec attached to the order", false)
        .check("Customer confirmation saved to the order", true)
        .note(
            "Back into the engine through the re-submission screen; picked up by the hourly batch.",
        )
        .add();
    let to_warehouse = b
        .handoff(&releases, &ships, HandoffMode::Automated)
        .wait(60)
        .sensitive()
        .secure()
        .note("EDI to the 3PL, with the delivery address and contact.")
        .add();
    let chase = b
        .handoff(&chases, &answers, HandoffMode::Blind)
        .context(ContextTransfer::Partial)
        .wait(960)
        .note("Shared mailbox; the answer arrives the next morning.")
        .add();
    let reply = b
        .handoff(&answers, &confirms, HandoffMode::Assisted)
        .context(ContextTransfer::Full)
        .wait(30)
        .add();

    let source = "Quarterly B2B order survey";
    for (step, metric, target, score) in [
        (&submits, M::Csat, 85.0, 82.0),
        (&asks, M::Csat, 80.0, 54.0),
        (&asks, M::Ces, 5.5, 3.2),
        (&confirmation, M::Csat, 85.0, 70.0),
        (&confirms, M::Nps, 30.0, 5.0),
    ] {
        let subject = step_subject(step);
        b.target(&subject, metric, target);
        b.score(&subject, metric, score, 58, source);
    }
    let desk_subject = handoff_subject(&to_desk);
    b.target(&desk_subject, M::Csat, 75.0);
    b.score(&desk_subject, M::Csat, 48.0, 31, "Exception case survey");

    b.response(
        &step_subject(&asks),
        M::Csat,
        2.0,
        20,
        "Greenway Garden Centres",
        "The spec was attached to the order. Why ask me again a day later?",
    );
    b.response(
        &step_subject(&asks),
        M::Ces,
        3.0,
        20,
        "Greenway Garden Centres",
        "",
    );
    b.response(
        &step_subject(&confirms),
        M::Nps,
        6.0,
        14,
        "Greenway Garden Centres",
        "Good product, but I never know who is handling my order.",
    );
    b.response(
        &step_subject(&submits),
        M::Csat,
        4.0,
        27,
        "Hillside Nurseries",
        "Ordering online is quick.",
    );

    b.initiative(0, "Carry order-form attachments into the exception queue")
        .description(
            "The offshore desk sees everything the customer sent, so nobody asks twice \
             (seed 000: document before the handoff).",
        )
        .owner("Order Management Lead")
        .rated(InitiativeStatus::InProgress, 4, 2)
        .dates(Some(21), 30)
        .handoffs(&[&to_desk])
        .steps(&[&asks])
        .expects(M::Csat, Some(step_subject(&asks)), 75.0)
        .add();
    b.initiative(0, "Show the 3PL's booked date in the shipping confirmation")
        .owner("Logistics")
        .rated(InitiativeStatus::Planned, 3, 2)
        .dates(None, 60)
        .steps(&[&confirmation])
        .handoffs(&[&to_warehouse])
        .add();
    b.initiative(
        1,
        "Let the rules engine accept standard custom-packaging codes",
    )
    .description("Fewer manual steps: the common packaging variants never leave the engine.")
    .owner("Business Systems")
    .rated(InitiativeStatus::Proposed, 4, 4)
    .dates(None, 150)
    .steps(&[&flags, &reviews, &keys_in])
    .handoffs(&[&to_desk, &back_to_engine])
    .add();
    b.initiative(
        1,
        "One point of contact: the account manager owns the customer conversation",
    )
    .description(
        "Concentrate the touchpoints (seed 000): the desk works through the account \
             manager instead of emailing the customer directly.",
    )
    .owner("Head of Sales")
    .rated(InitiativeStatus::Proposed, 4, 3)
    .dates(None, 180)
    .steps(&[&asks, &confirms])
    .handoffs(&[&chase, &reply])
    .expects(M::Nps, Some(step_subject(&confirms)), 25.0)
    .add();
    b.initiative(2, "Monthly exception review with the offshore partner")
        .owner("Vendor Management")
        .rated(InitiativeStatus::Planned, 2, 1)
        .dates(None, 240)
        .handoffs(&[&to_desk, &back_to_engine])
        .add();
}
