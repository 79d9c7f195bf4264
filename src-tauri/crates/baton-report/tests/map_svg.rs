//! The map SVG read back by an XML parser: well-formed, every card's title there as text, user
//! text inert, options honoured.

mod common;

use baton_core::layout::{layout, LayoutStyle};
use baton_report::{map_svg, map_svg_of, MapOptions, Theme};

/// The text of each `<text>` element (its tspans joined by spaces).
fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let spans: Vec<&str> = n
                .children()
                .filter(|c| c.has_tag_name("tspan"))
                .filter_map(|c| c.text())
                .collect();
            if spans.is_empty() {
                n.text().unwrap_or("").to_owned()
            } else {
                spans.join(" ")
            }
        })
        .collect()
}

#[test]
fn every_card_of_every_demo_journey_is_drawn_with_its_wrapped_title() {
    let ws = common::demo();
    for journey in ws.journeys.values() {
        let drawing = map_svg(&ws, &journey.id, &MapOptions::default()).unwrap();
        let model = ws.journey_model(&journey.id).unwrap();
        let layout = layout(&model, &LayoutStyle::default());
        assert!(!layout.cards.is_empty(), "{} has cards", journey.name);
        assert_eq!(drawing.width, layout.width);
        let shown = texts(&drawing.svg);
        for card in &layout.cards {
            let wanted = card.lines.join(" ");
            assert!(shown.contains(&wanted), "card text {wanted:?} missing");
        }
        // Headers show the whole name, or its start and an ellipsis when it is too wide.
        let shown_whole_or_cut = |name: &str| {
            shown.iter().any(|t| {
                t == name
                    || t.strip_suffix('…')
                        .is_some_and(|start| start.chars().count() >= 8 && name.starts_with(start))
            })
        };
        for stage in &model.stages {
            assert!(shown_whole_or_cut(&stage.name), "stage {}", stage.name);
        }
        for lane in &model.lanes {
            assert!(shown_whole_or_cut(&lane.name), "lane {}", lane.name);
        }
    }
}

#[test]
fn hostile_titles_stay_text() {
    let ws = common::demo();
    let model = common::with_hostile_titles(common::first_journey(&ws));
    let drawing = map_svg_of(&model, &ws.metrics, None, &MapOptions::default());
    let doc = roxmltree::Document::parse(&drawing.svg).expect("well-formed despite the titles");
    let names: Vec<&str> = doc.descendants().map(|n| n.tag_name().name()).collect();
    for bad in ["script", "b", "i", "foreignObject"] {
        assert!(!names.contains(&bad), "an element <{bad}> was injected");
    }
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("svg")).count(),
        1
    );
    assert!(doc
        .descendants()
        .all(|n| n.attributes().all(|a| !a.name().starts_with("on"))));
    let shown = texts(&drawing.svg).join("\n");
    assert!(shown.contains("<script>alert(1)</script>"));
    assert!(shown.contains("]]><svg onload=alert(1)>"));
    assert!(shown.contains("Tom & Jerry's \"quote\""));
    assert!(shown.contains("مرحبا"));
    assert!(shown.contains("👩"));
    assert!(!shown.contains('\u{1b}'), "control characters are replaced");
    assert!(shown.contains("<b>stage</b>") || shown.contains("<b>stage</b> & =1…"));
    let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(title.text(), Some("<title>journey</title>"));
}

#[test]
fn friction_view_shows_each_handoffs_friction_and_scores_can_be_left_out() {
    let ws = common::demo();
    let journey = common::first_journey(&ws).journey;
    let analysis = baton_core::analysis::analyze(&ws, &journey.id).unwrap();
    let worst = analysis
        .hotspots
        .handoffs
        .first()
        .expect("the demo has friction");
    let plain = MapOptions {
        scores: false,
        friction: false,
        chains: false,
        theme: Theme::Light,
    };
    let friction = MapOptions {
        friction: true,
        ..plain.clone()
    };
    let shown_plain = texts(&map_svg(&ws, &journey.id, &plain).unwrap().svg);
    let shown_friction = texts(&map_svg(&ws, &journey.id, &friction).unwrap().svg);
    let label = worst.friction.to_string();
    let count = |shown: &[String]| shown.iter().filter(|t| **t == label).count();
    assert!(count(&shown_friction) > count(&shown_plain));
    let with_scores = texts(
        &map_svg(&ws, &journey.id, &MapOptions::default())
            .unwrap()
            .svg,
    );
    let metric_pills = |shown: &[String]| {
        shown
            .iter()
            .filter(|t| t.starts_with("CSAT ") || t.starts_with("CES ") || t.starts_with("NPS "))
            .count()
    };
    assert!(metric_pills(&with_scores) > 0, "the demo has scores");
    assert_eq!(metric_pills(&shown_plain), 0);
}

#[test]
fn chain_marks_follow_the_flagged_chains() {
    let ws = common::demo();
    let with_chain = ws.journeys.values().find_map(|j| {
        let a = baton_core::analysis::analyze(&ws, &j.id)?;
        let chain = a.chains.iter().find(|c| c.flagged)?.clone();
        Some((j.id.clone(), chain))
    });
    let (journey_id, chain) = with_chain.expect("the demo has a flagged chain");
    let on = map_svg(&ws, &journey_id, &MapOptions::default()).unwrap();
    let off = MapOptions {
        chains: false,
        ..MapOptions::default()
    };
    let off = map_svg(&ws, &journey_id, &off).unwrap();
    let mark = format!("1/{}", chain.handoff_ids.len());
    assert!(texts(&on.svg).contains(&mark));
    assert!(!texts(&off.svg).contains(&mark));
}

#[test]
fn the_dark_theme_changes_the_background() {
    let ws = common::demo();
    let id = common::first_journey(&ws).journey.id;
    let light = map_svg(&ws, &id, &MapOptions::default()).unwrap();
    let dark = MapOptions {
        theme: Theme::Dark,
        ..MapOptions::default()
    };
    let dark = map_svg(&ws, &id, &dark).unwrap();
    assert!(light.svg.contains("fill=\"#f6f7f9\""));
    assert!(dark.svg.contains("fill=\"#14181f\""));
    assert!(!dark.svg.contains("fill=\"#f6f7f9\""));
}

#[test]
fn an_unknown_journey_is_an_error() {
    let ws = common::demo();
    let error = map_svg(&ws, "nope", &MapOptions::default()).unwrap_err();
    assert_eq!(error.kind, baton_report::ReportErrorKind::JourneyNotFound);
}
