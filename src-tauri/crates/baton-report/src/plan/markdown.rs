//! The plan as Markdown for a wiki or a chat: summary, scorecard, hotspots and the plan as
//! tables. Every piece of user text is escaped (`safe_text::markdown`), so a `|` cannot break a
//! table and `<script>` or `*` stay text.

use std::fmt::Write;

use super::rows::{factor_label, figure, findings, hotspots, scorecard, status_label};
use super::{
    date_text, progress_text, quadrant_label, status_label as initiative_status, PlanReport,
};
use crate::safe_text::markdown as md;

pub fn plan_markdown(report: &PlanReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Improvement plan: {}\n", md(&report.client));
    let names: Vec<String> = report.journey_names().iter().map(|n| md(n)).collect();
    let _ = writeln!(
        out,
        "Journeys: {}. Date: {}.\n",
        names.join(", "),
        report.date.format("%Y-%m-%d")
    );

    out.push_str("## Summary\n\n");
    let found = findings(&report.journeys);
    if found.is_empty() {
        out.push_str("No finding stands out.\n");
    }
    for f in found {
        let _ = writeln!(out, "- **{}**. {}", md(&f.headline), md(&f.detail));
    }

    out.push_str("\n## Scorecard\n\n");
    let card = scorecard(&report.journeys);
    if card.is_empty() {
        out.push_str("No touchpoint or handoff has a target yet.\n");
    } else {
        out.push_str("| Journey | Subject | Metric | Latest | Target | Gap | Status |\n|---|---|---|---:|---:|---:|---|\n");
        for r in card {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                md(&r.journey),
                md(&r.subject),
                md(&r.metric),
                r.latest.map(figure).unwrap_or_else(|| "none".into()),
                figure(r.target),
                r.gap.map(figure).unwrap_or_default(),
                status_label(r.status)
            );
        }
    }

    out.push_str("\n## Hotspots\n\n");
    let spots = hotspots(&report.journeys, 10);
    if spots.is_empty() {
        out.push_str("No handoff has friction.\n");
    } else {
        out.push_str("| Journey | Handoff | Friction | Made of |\n|---|---|---:|---|\n");
        for s in spots {
            let parts: Vec<String> = s
                .factors
                .iter()
                .map(|(f, p)| format!("{} \\+{p}", factor_label(*f)))
                .collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                md(&s.journey),
                md(&s.handoff),
                s.friction,
                parts.join("; ")
            );
        }
    }

    out.push_str("\n## Plan\n\n");
    let rows = report.initiatives();
    if rows.is_empty() {
        out.push_str("No initiative yet.\n");
    } else {
        out.push_str("| # | Phase | Initiative | Owner | Status | Quadrant | Due | Progress | Evidence |\n|---:|---|---|---|---|---|---|---|---:|\n");
        for r in rows {
            let i = &r.view.initiative;
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                r.number,
                md(r.phase),
                md(&i.title),
                md(&i.owner),
                initiative_status(i.status),
                quadrant_label(r.view.quadrant),
                date_text(i.due),
                progress_text(r.view),
                r.view.evidence.score
            );
        }
    }

    let unaddressed: Vec<_> = report
        .view
        .coverage
        .iter()
        .flat_map(|c| c.unaddressed_suggestions.iter().map(move |s| (c, s)))
        .collect();
    if !unaddressed.is_empty() {
        out.push_str("\n## Suggestions no initiative addresses\n\n");
        for (c, s) in unaddressed {
            let _ = writeln!(out, "- {}: {}", md(&c.journey_name), md(&s.reason));
        }
    }
    out
}
