//! The words of suggestions: sources named by the seed article's title (never "seed 004"), and
//! a referral worded after the parties it crosses (an outsourced courier is no internal referral).
mod support;

use baton_core::analysis::{analyze, source_title, SuggestionRule};
use baton_core::*;
use support::*;

fn reasons(ws: &Workspace, journey: &str, rule: SuggestionRule) -> Vec<String> {
    analyze(ws, journey)
        .unwrap()
        .suggestions
        .into_iter()
        .filter(|s| s.rule == rule)
        .map(|s| s.reason)
        .collect()
}

#[test]
fn every_suggestion_names_its_sources_by_the_article_title() {
    let mut ws = Workspace::new_file("Demo");
    ws.apply(&templates::demo_edit(&ws)).unwrap();
    let mut seen = 0;
    for journey in ws.journeys_in_order() {
        for s in analyze(&ws, &journey.id).unwrap().suggestions {
            assert!(!s.sources.is_empty(), "{} names no source", s.key);
            assert_eq!(s.sources.len(), s.seeds.len());
            for (seed, title) in s.seeds.iter().zip(&s.sources) {
                assert_eq!(Some(title.as_str()), source_title(seed));
                assert!(!title.to_lowercase().contains("seed"), "{title}");
            }
            seen += 1;
        }
    }
    assert!(seen > 5, "the demo should have suggestions");
    assert_eq!(
        source_title("004"),
        Some("Are You Missing an Easy Customer Service Opportunity with the Handoff?")
    );
    assert_eq!(source_title("999"), None);
}

/// The fixture's cards team (who receives the re-verifying handoff) sourced as given.
fn with_cards_team(sourcing: Sourcing) -> Fixture {
    let mut f = fixture();
    let mut cards = f.ws.lanes[&f.lanes[2]].clone();
    cards.sourcing = Some(sourcing);
    cards.name = "Courier".into();
    apply(&mut f.ws, Edit::UpdateLane { lane: cards });
    f
}

#[test]
fn a_referral_to_an_outsourced_party_is_not_called_internal() {
    let f = with_cards_team(Sourcing::Outsourced);
    let reasons = reasons(&f.ws, &f.journey, SuggestionRule::CarryVerification);
    assert!(!reasons.is_empty());
    for reason in &reasons {
        assert!(!reason.contains("internal"), "{reason}");
        assert!(
            reason.ends_with(
                "Carry the verification across the hand-over to the outsourced “Courier”."
            ),
            "{reason}"
        );
    }
    let offshore = with_cards_team(Sourcing::Offshore);
    let offshore = reasons_of(&offshore);
    assert!(
        offshore
            .iter()
            .all(|r| r.contains("the offshore “Courier”")),
        "{offshore:?}"
    );
}

fn reasons_of(f: &Fixture) -> Vec<String> {
    reasons(&f.ws, &f.journey, SuggestionRule::CarryVerification)
}

#[test]
fn a_referral_between_in_house_teams_stays_internal() {
    let f = with_cards_team(Sourcing::InHouse);
    let reasons = reasons_of(&f);
    assert!(!reasons.is_empty());
    assert!(
        reasons
            .iter()
            .all(|r| r.ends_with("Carry the verification across the internal referral.")),
        "{reasons:?}"
    );
}
