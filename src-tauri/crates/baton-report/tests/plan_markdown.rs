//! The plan as Markdown, rendered by a CommonMark parser (pulldown-cmark, with tables as GitHub
//! and most wikis read them): the hostile titles come out as the same text, inert, one table row
//! per initiative.

mod common;

use baton_report::plan::markdown::plan_markdown;
use baton_report::plan::{PlanOptions, PlanReport};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn report(ws: &baton_core::Workspace) -> PlanReport {
    let options = PlanOptions {
        date: Some(common::today()),
        ..PlanOptions::default()
    };
    PlanReport::build(ws, &options).unwrap()
}

/// Every table of `markdown` as rows of cell texts (header row first), as the parser reads them.
fn tables(markdown: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableHead | Tag::TableRow) => table.push(Vec::new()),
            Event::Start(Tag::TableCell) => {
                if let Some(row) = table.last_mut() {
                    row.push(String::new());
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(cell) = table.last_mut().and_then(|row| row.last_mut()) {
                    cell.push_str(&text);
                }
            }
            Event::End(TagEnd::Table) => tables.push(std::mem::take(&mut table)),
            _ => {}
        }
    }
    tables
}

/// A title as a table cell shows it: line breaks and tabs as spaces, other control characters
/// replaced (they have no place in a document), trimmed as CommonMark trims cells.
fn as_shown(title: &str) -> String {
    title
        .chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

#[test]
fn hostile_titles_render_as_the_same_text_and_inject_nothing() {
    let ws = common::demo_with_hostile_plan();
    let report = report(&ws);
    let markdown = plan_markdown(&report);
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        Parser::new_ext(&markdown, Options::ENABLE_TABLES),
    );
    for tag in ["<script", "<svg", "<b>", "<i>", "<a ", "<img"] {
        assert!(!html.contains(tag), "{tag} injected");
    }
    // The findings' headlines are bold by design; the `*bold*` of the client's name is not.
    assert!(!html.contains("<em>bold</em>") && !html.contains("<strong>bold</strong>"));

    let plan = tables(&markdown)
        .into_iter()
        .find(|t| t[0][0] == "#")
        .expect("the plan table");
    let rows = report.initiatives();
    assert_eq!(plan.len() - 1, rows.len(), "one row per initiative");
    for (cells, row) in plan[1..].iter().zip(&rows) {
        assert_eq!(cells.len(), 9, "a `|` in a title split no cell: {cells:?}");
        assert_eq!(cells[0], row.number.to_string());
        assert_eq!(cells[2], as_shown(&row.view.initiative.title));
        assert_eq!(cells[3], as_shown(&row.view.initiative.owner));
    }
    let titles: Vec<&str> = rows
        .iter()
        .map(|r| r.view.initiative.title.as_str())
        .collect();
    for hostile in common::hostile_titles() {
        assert!(
            titles.contains(&hostile.as_str()),
            "{hostile:.40} is in the plan"
        );
    }

    // The client's name in the heading is text too.
    let heading: String = Parser::new(&markdown)
        .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.into_string()),
            _ => None,
        })
        .collect();
    assert_eq!(heading, "Improvement plan: <Client> & =2+2 | *bold*");
}

#[test]
fn the_demo_renders_summary_scorecard_hotspots_and_plan_as_tables() {
    let ws = common::demo();
    let report = report(&ws);
    let markdown = plan_markdown(&report);
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        Parser::new_ext(&markdown, Options::ENABLE_TABLES),
    );
    for heading in ["Summary", "Scorecard", "Hotspots", "Plan"] {
        assert!(html.contains(&format!("<h2>{heading}</h2>")), "{heading}");
    }
    let tables = tables(&markdown);
    let card = baton_report::plan::rows::scorecard(&report.journeys);
    let spots = baton_report::plan::rows::hotspots(&report.journeys, 10);
    assert!(!card.is_empty() && !spots.is_empty(), "the demo has both");
    assert_eq!(tables.len(), 3, "scorecard, hotspots, plan");
    assert_eq!(tables[0].len() - 1, card.len());
    assert_eq!(tables[1].len() - 1, spots.len());
    for (cells, spot) in tables[1][1..].iter().zip(&spots) {
        assert_eq!(cells[1], spot.handoff);
        assert_eq!(cells[2], spot.friction.to_string());
    }
    assert_eq!(tables[2].len() - 1, report.initiatives().len());
}
