//! `baton analyze FILE [--journey NAME_OR_ID] [--json]`: where each journey hurts at its
//! handoffs, how its touchpoints stand against their targets, and what to fix first.
//!
//! The analysis itself is `baton_core::analysis::analyze`; this command only picks the journeys,
//! names the ids it mentions, and prints. The file is only read (never edited).

use std::collections::BTreeMap;
use std::path::PathBuf;

use baton_core::analysis::{
    analyze, FrictionFactor, HandoffAnalysis, JourneyAnalysis, Suggestion, SuggestionRule,
};
use baton_core::{Id, Journey, JourneyState, Workspace};
use serde::Serialize;

use crate::error::CliError;
use crate::output;

/// The `format` of `baton analyze --json`, and its version (bumped on an incompatible change).
pub const FORMAT_NAME: &str = "baton-analysis";
pub const FORMAT_VERSION: u32 = 1;

/// Analyse the journeys of a client file: metrics, hotspots and suggestions with their evidence.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file (only read, never edited).
    file: PathBuf,
    /// Only this journey: its id, or its name (case-insensitive). Default: every journey.
    #[arg(long, value_name = "NAME_OR_ID")]
    journey: Option<String>,
    /// Print JSON: {"format", "version", "file", "journeys": [{"id", "name", "state",
    /// "names", "analysis"}]} (see the README).
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Serialize)]
struct Report {
    format: &'static str,
    version: u32,
    file: String,
    journeys: Vec<JourneyReport>,
}

#[derive(Debug, Serialize)]
struct JourneyReport {
    id: Id,
    name: String,
    state: JourneyState,
    /// A readable name for every id the analysis can mention: steps, handoffs, stages and
    /// lanes of the journey, and every metric.
    names: BTreeMap<Id, String>,
    analysis: JourneyAnalysis,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let document = super::open(&args.file)?;
    let report = gather(&args, &document)?;
    super::close(document)?;
    if args.json {
        output::json(&report)
    } else {
        output::text(&render(&report))
    }
}

fn gather(args: &Args, document: &baton_store::Document) -> Result<Report, CliError> {
    let ws = document.workspace();
    let journeys = super::chosen_journeys(document, args.journey.as_deref())?
        .into_iter()
        .map(|journey| {
            let analysis = analyze(ws, &journey.id).ok_or_else(|| {
                CliError::new(format!(
                    "{}: journey {} vanished while being analysed",
                    output::path(&args.file),
                    output::shown(&journey.id)
                ))
            })?;
            Ok(JourneyReport {
                id: journey.id.clone(),
                name: journey.name.clone(),
                state: journey.state,
                names: names(ws, journey),
                analysis,
            })
        })
        .collect::<Result<_, CliError>>()?;
    Ok(Report {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        file: args.file.display().to_string(),
        journeys,
    })
}

/// Step: `“title” (lane)`; handoff: `“from” → “to”`; stage, lane, metric: the name.
fn names(ws: &Workspace, journey: &Journey) -> BTreeMap<Id, String> {
    let in_journey = |journey_id: &Id| *journey_id == journey.id;
    let step_name = |id: &Id| {
        ws.steps.get(id).map_or_else(
            || id.clone(),
            |step| {
                let lane = ws.lanes.get(&step.lane_id).map(|l| l.name.trim());
                match lane {
                    Some(lane) => format!("“{}” ({lane})", step.title.trim()),
                    None => format!("“{}”", step.title.trim()),
                }
            },
        )
    };
    let mut names = BTreeMap::new();
    for stage in ws.stages.values().filter(|s| in_journey(&s.journey_id)) {
        names.insert(stage.id.clone(), stage.name.trim().to_owned());
    }
    for lane in ws.lanes.values().filter(|l| in_journey(&l.journey_id)) {
        names.insert(lane.id.clone(), lane.name.trim().to_owned());
    }
    for step in ws.steps.values().filter(|s| in_journey(&s.journey_id)) {
        names.insert(step.id.clone(), step_name(&step.id));
    }
    for handoff in ws.handoffs.values().filter(|h| in_journey(&h.journey_id)) {
        let from = step_name(&handoff.from_step_id);
        let to = step_name(&handoff.to_step_id);
        names.insert(handoff.id.clone(), format!("{from} → {to}"));
    }
    for metric in ws.metrics.values() {
        names.insert(metric.id.clone(), metric.name.trim().to_owned());
    }
    names
}

fn render(report: &Report) -> String {
    if report.journeys.is_empty() {
        return format!("{}: no journeys to analyse\n", output::shown(&report.file));
    }
    report
        .journeys
        .iter()
        .map(render_journey)
        .collect::<Vec<_>>()
        .join("\n")
}

fn render_journey(journey: &JourneyReport) -> String {
    // Names and ids come from the file: shown escaped and shortened.
    let name = |id: &Id| output::shown(journey.names.get(id).unwrap_or(id));
    let state = match journey.state {
        JourneyState::Current => "current",
        JourneyState::Future => "future",
    };
    let mut out = format!(
        "Journey “{}” ({state} state, id {})\n\n",
        output::shown(&journey.name),
        output::shown(&journey.id)
    );
    out.push_str(&render_summary(&journey.analysis));
    out.push_str(&render_handoff_hotspots(&journey.analysis, &name));
    out.push_str(&render_touchpoint_hotspots(&journey.analysis, &name));
    out.push_str(&render_suggestions(&journey.analysis.suggestions, &name));
    out
}

fn render_summary(analysis: &JourneyAnalysis) -> String {
    let s = &analysis.summary;
    let crossings = &analysis.crossings;
    let chains = analysis.chains.len();
    let mut rows: Vec<(&str, String, String)> = vec![
        ("steps", s.steps.to_string(), String::new()),
        (
            "handoffs",
            s.handoffs.to_string(),
            format!(
                "{} customer-visible; {} blind, {} assisted, {} automated",
                s.customer_visible_handoffs,
                s.blind_handoffs,
                s.assisted_handoffs,
                s.automated_handoffs
            ),
        ),
        ("touchpoints", s.touchpoints.to_string(), String::new()),
        (
            "parties",
            s.parties.to_string(),
            "actor lanes (by department) the customer deals with; one is ideal".to_owned(),
        ),
        (
            "blind share",
            s.blind_share.map_or_else(|| "none".to_owned(), percent),
            "blind / (blind + assisted) handoffs".to_owned(),
        ),
        (
            "re-verifications",
            s.reverifications.to_string(),
            "times the customer proves who they are again".to_owned(),
        ),
        (
            "retellings",
            s.retellings.to_string(),
            "handoffs after which the customer repeats their story".to_owned(),
        ),
        (
            "transfer chains",
            chains.to_string(),
            format!(
                "{} flagged (two transfers or more); longest {}",
                s.flagged_chains, s.longest_chain
            ),
        ),
        (
            "boundary crossings",
            crossings.total.to_string(),
            format!(
                "department {}, sourcing {}, automation {}",
                crossings.department, crossings.sourcing, crossings.automation
            ),
        ),
        (
            "friction",
            s.mean_friction
                .map_or_else(|| "none".to_owned(), |mean| format!("{mean:.1}")),
            if s.handoffs == 0 {
                "no handoffs".to_owned()
            } else {
                format!("mean of 0..100 per handoff; highest {}", s.max_friction)
            },
        ),
    ];
    if !analysis.cycle_breaks.is_empty() {
        rows.push((
            "cycles broken",
            analysis.cycle_breaks.len().to_string(),
            "handoffs closing a loop, ordered last".to_owned(),
        ));
    }
    let label_width = rows
        .iter()
        .map(|(label, ..)| label.len())
        .max()
        .unwrap_or(0);
    let value_width = rows
        .iter()
        .map(|(_, value, _)| value.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::from("Summary\n");
    for (label, value, note) in rows {
        let line = format!("  {label:<label_width$}  {value:>value_width$}  {note}");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn render_handoff_hotspots(analysis: &JourneyAnalysis, name: &dyn Fn(&Id) -> String) -> String {
    let mut out = String::from("\nHandoff hotspots (by friction, 0..100)\n");
    if analysis.hotspots.handoffs.is_empty() {
        out.push_str("  none: no handoff has friction\n");
        return out;
    }
    let by_id: BTreeMap<&Id, &HandoffAnalysis> = analysis
        .handoffs
        .iter()
        .map(|handoff| (&handoff.handoff_id, handoff))
        .collect();
    for hotspot in &analysis.hotspots.handoffs {
        out.push_str(&format!(
            "  {:>3}  {}\n",
            hotspot.friction,
            name(&hotspot.handoff_id)
        ));
        if let Some(handoff) = by_id.get(&hotspot.handoff_id) {
            let items: Vec<String> = handoff
                .friction
                .items
                .iter()
                .map(|item| format!("{} {}", factor_name(item.factor), item.points))
                .collect();
            let capped = if handoff.friction.uncapped > handoff.friction.score {
                format!(" (sum {}, capped)", handoff.friction.uncapped)
            } else {
                String::new()
            };
            out.push_str(&format!("       {}{capped}\n", items.join(", ")));
        }
    }
    out
}

fn render_touchpoint_hotspots(analysis: &JourneyAnalysis, name: &dyn Fn(&Id) -> String) -> String {
    let mut out = String::from(
        "\nTouchpoints by gap to target (worst first; the gap, then as a share of the metric's range)\n",
    );
    let hotspots = &analysis.hotspots.touchpoints;
    if hotspots.is_empty() {
        out.push_str("  none: no touchpoint has both a score and a target\n");
        return out;
    }
    let gaps: Vec<String> = hotspots
        .iter()
        .map(|h| format!("{} ({})", signed(h.gap), signed_percent(h.normalised_gap)))
        .collect();
    let metrics: Vec<String> = hotspots.iter().map(|h| name(&h.metric_id)).collect();
    let gap_width = gaps.iter().map(|g| g.chars().count()).max().unwrap_or(0);
    let metric_width = metrics.iter().map(|m| m.chars().count()).max().unwrap_or(0);
    for ((hotspot, gap), metric) in hotspots.iter().zip(&gaps).zip(&metrics) {
        out.push_str(&format!(
            "  {gap:>gap_width$}  {metric:<metric_width$}  {}: {} against a target of {}\n",
            name(&hotspot.step_id),
            number(hotspot.latest),
            number(hotspot.target),
        ));
    }
    out
}

fn render_suggestions(suggestions: &[Suggestion], name: &dyn Fn(&Id) -> String) -> String {
    let mut out = format!("\nSuggestions ({})\n", suggestions.len());
    if suggestions.is_empty() {
        out.push_str("  none\n");
        return out;
    }
    let number_width = suggestions.len().to_string().len();
    let indent = " ".repeat(number_width + 4);
    for (at, suggestion) in suggestions.iter().enumerate() {
        out.push_str(&format!(
            "  {:>number_width$}. {}\n",
            at + 1,
            rule_name(suggestion.rule),
        ));
        out.push_str(&format!(
            "{indent}{}\n",
            output::one_line(&suggestion.reason)
        ));
        // Sources by the article's title, as the app names them (the seed number is internal).
        if !suggestion.sources.is_empty() {
            let titles: Vec<String> = suggestion
                .sources
                .iter()
                .map(|t| format!("“{}”", output::shown(t)))
                .collect();
            out.push_str(&format!("{indent}from {}\n", titles.join(", ")));
        }
        let evidence = [
            ("handoffs", &suggestion.handoff_ids),
            ("steps", &suggestion.step_ids),
            ("stages", &suggestion.stage_ids),
            ("metrics", &suggestion.metric_ids),
        ];
        for (kind, ids) in evidence {
            if !ids.is_empty() {
                let named: Vec<String> = ids.iter().map(name).collect();
                out.push_str(&format!("{indent}{kind}: {}\n", named.join("; ")));
            }
        }
    }
    out
}

fn factor_name(factor: FrictionFactor) -> &'static str {
    match factor {
        FrictionFactor::Blind => "blind",
        FrictionFactor::ContextNone => "no context",
        FrictionFactor::ContextPartial => "partial context",
        FrictionFactor::Reverify => "re-verify",
        FrictionFactor::CustomerRepeats => "customer repeats",
        FrictionFactor::Wait => "wait",
        FrictionFactor::DepartmentCrossing => "department crossing",
        FrictionFactor::SourcingCrossing => "sourcing crossing",
        FrictionFactor::AutomationCrossing => "automation crossing",
        FrictionFactor::SensitiveWithoutSecureChannel => "sensitive without secure channel",
        FrictionFactor::SatisfactionDrop => "satisfaction drop",
    }
}

fn rule_name(rule: SuggestionRule) -> &'static str {
    match rule {
        SuggestionRule::FlagChain => "Flag the transfer chain",
        SuggestionRule::BlindToAssisted => "Make the blind handoff assisted",
        SuggestionRule::CarryVerification => "Carry the verification across",
        SuggestionRule::SendNotes => "Send the notes along",
        SuggestionRule::ConcentrateTouchpoints => "Concentrate the touchpoints",
        SuggestionRule::SecureRoute => "Fix the route of sensitive data",
        SuggestionRule::MeasureTouchpoint => "Measure the touchpoint",
        SuggestionRule::InvestigateTouchpoint => "Investigate the touchpoint",
    }
}

/// 0.5 → "50%".
fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// Rounded to one decimal, shown without it when whole ("41", "3.4", "3" for 2.96).
fn number(value: f64) -> String {
    // Adding 0 turns -0 into 0, so no "-0" is printed.
    let rounded = (value * 10.0).round() / 10.0 + 0.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// A share with its sign, in whole percent ("-19%").
fn signed_percent(share: f64) -> String {
    let shown = percent(share);
    match shown.as_str() {
        "0%" | "-0%" => "0%".to_owned(),
        _ if share > 0.0 => format!("+{shown}"),
        _ => shown,
    }
}

/// A gap with its sign ("+2", "-39", "-1.1").
fn signed(value: f64) -> String {
    let shown = number(value);
    if value > 0.0 && shown != "0" {
        format!("+{shown}")
    } else {
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_drop_needless_decimals_and_gaps_carry_their_sign() {
        assert_eq!(number(41.0), "41");
        assert_eq!(number(3.44), "3.4");
        assert_eq!(number(2.96), "3");
        assert_eq!(number(-0.01), "0");
        assert_eq!(signed(2.0), "+2");
        assert_eq!(signed(-39.0), "-39");
        assert_eq!(signed(0.0), "0");
        assert_eq!(signed(0.01), "0");
        assert_eq!(percent(2.0 / 3.0), "67%");
        assert_eq!(signed_percent(-0.19), "-19%");
        assert_eq!(signed_percent(0.05), "+5%");
        assert_eq!(signed_percent(-0.001), "0%");
    }
}
