//! The analysis of each chosen journey turned into rows the formats share: scorecard, hotspots,
//! findings. Every figure comes from core (analysis, insights); nothing is recomputed here.

use baton_core::analysis::{FrictionFactor, JourneyAnalysis};
use baton_core::insights::{JourneyScores, ScoreStatus};
use baton_core::{JourneyModel, SubjectKind};

/// One journey's inputs to every plan format.
pub struct JourneyReport {
    pub model: JourneyModel,
    pub analysis: JourneyAnalysis,
    pub scores: JourneyScores,
}

impl JourneyReport {
    pub fn step_title(&self, id: &str) -> &str {
        self.model
            .steps
            .iter()
            .find(|s| s.id == id)
            .map_or("(deleted step)", |s| s.title.as_str())
    }

    /// "Sending step → receiving step".
    pub fn handoff_name(&self, id: &str) -> String {
        match self.model.handoffs.iter().find(|h| h.id == id) {
            Some(h) => format!(
                "{} → {}",
                self.step_title(&h.from_step_id),
                self.step_title(&h.to_step_id)
            ),
            None => "(deleted handoff)".into(),
        }
    }

    fn subject_name(&self, kind: SubjectKind, id: &str) -> String {
        match kind {
            SubjectKind::Step => self.step_title(id).to_owned(),
            SubjectKind::Handoff => self.handoff_name(id),
        }
    }
}

/// A touchpoint or handoff with a target, on one metric.
#[derive(Debug, Clone)]
pub struct ScoreRow {
    pub journey: String,
    pub kind: SubjectKind,
    pub subject: String,
    pub metric: String,
    pub latest: Option<f64>,
    pub target: f64,
    pub gap: Option<f64>,
    pub status: ScoreStatus,
    /// The series' values scaled to 0..1 on the metric's range, oldest first, at most 8.
    pub trend: Vec<f64>,
}

pub fn scorecard(journeys: &[JourneyReport]) -> Vec<ScoreRow> {
    let mut rows = Vec::new();
    for j in journeys {
        for subject in &j.scores.subjects {
            for m in &subject.metrics {
                let Some(target) = m.target else { continue };
                let span = (m.score_max - m.score_min).max(f64::EPSILON);
                let series = &m.series[m.series.len().saturating_sub(8)..];
                rows.push(ScoreRow {
                    journey: j.model.journey.name.clone(),
                    kind: subject.subject.kind,
                    subject: j.subject_name(subject.subject.kind, &subject.subject.id),
                    metric: m.metric_name.clone(),
                    latest: m.latest.as_ref().map(|p| p.value),
                    target,
                    gap: m.gap,
                    status: m.status,
                    trend: series
                        .iter()
                        .map(|p| ((p.value - m.score_min) / span).clamp(0.0, 1.0))
                        .collect(),
                });
            }
        }
    }
    rows
}

/// A handoff with friction, and its breakdown.
#[derive(Debug, Clone)]
pub struct HotspotRow {
    pub journey: String,
    pub handoff: String,
    pub friction: u32,
    pub factors: Vec<(FrictionFactor, u32)>,
}

/// The worst handoffs with friction of every chosen journey, worst first, at most `limit`.
pub fn hotspots(journeys: &[JourneyReport], limit: usize) -> Vec<HotspotRow> {
    let mut rows: Vec<HotspotRow> = journeys
        .iter()
        .flat_map(|j| {
            j.analysis.hotspots.handoffs.iter().filter_map(move |spot| {
                let analysed = j
                    .analysis
                    .handoffs
                    .iter()
                    .find(|h| h.handoff_id == spot.handoff_id)?;
                Some(HotspotRow {
                    journey: j.model.journey.name.clone(),
                    handoff: j.handoff_name(&spot.handoff_id),
                    friction: spot.friction,
                    factors: analysed
                        .friction
                        .items
                        .iter()
                        .map(|i| (i.factor, i.points))
                        .collect(),
                })
            })
        })
        .collect();
    // Stable: journeys keep their own (core's) order among equal friction.
    rows.sort_by_key(|row| std::cmp::Reverse(row.friction));
    rows.truncate(limit);
    rows
}

pub fn factor_label(factor: FrictionFactor) -> &'static str {
    match factor {
        FrictionFactor::Blind => "Blind (cold) transfer",
        FrictionFactor::ContextNone => "No context passed on",
        FrictionFactor::ContextPartial => "Part of the context passed on",
        FrictionFactor::Reverify => "The customer verifies again",
        FrictionFactor::CustomerRepeats => "The customer tells the story again",
        FrictionFactor::Wait => "Waiting",
        FrictionFactor::DepartmentCrossing => "Crosses a department",
        FrictionFactor::SourcingCrossing => "Crosses in-house / outsourced",
        FrictionFactor::AutomationCrossing => "Crosses manual / automated",
        FrictionFactor::SensitiveWithoutSecureChannel => "Sensitive data, no secure channel",
        FrictionFactor::SatisfactionDrop => "Satisfaction drops across it",
    }
}

pub fn status_label(status: ScoreStatus) -> &'static str {
    match status {
        ScoreStatus::Meets => "meets",
        ScoreStatus::Near => "near",
        ScoreStatus::Misses => "misses",
        ScoreStatus::NoTarget => "no target",
        ScoreStatus::NoScore => "no score",
    }
}

/// A figure as the report shows it: whole numbers without decimals, others with one.
pub fn figure(value: f64) -> String {
    if (value - value.round()).abs() < 0.05 {
        format!("{}", value.round())
    } else {
        format!("{value:.1}")
    }
}

/// A finding of the summary: a headline with its number, and a sentence of detail.
#[derive(Debug, Clone)]
pub struct Finding {
    pub headline: String,
    pub detail: String,
    /// How much it matters, to keep the top five (higher first).
    pub weight: u32,
}

/// The three to five findings that matter most, written from the analysis: flagged chains,
/// the worst handoff, touchpoints furthest below target, re-verifications, parties.
pub fn findings(journeys: &[JourneyReport]) -> Vec<Finding> {
    let mut out = Vec::new();
    let sum = |f: fn(&JourneyReport) -> u32| journeys.iter().map(f).sum::<u32>();
    let chains = sum(|j| j.analysis.summary.flagged_chains);
    if chains > 0 {
        let longest = journeys
            .iter()
            .map(|j| j.analysis.summary.longest_chain)
            .max()
            .unwrap_or(0);
        out.push(Finding {
            headline: format!(
                "{chains} flagged transfer chain{}: the customer is passed on up to {longest} times in a row",
                plural(chains)
            ),
            detail: "Two transfers or more without the need being met. Flag the case after the second transfer and route it to a senior or special lane.".into(),
            weight: 90 + chains,
        });
    }
    if let Some(worst) = hotspots(journeys, 1).into_iter().next() {
        let mut factors = worst.factors.clone();
        factors.sort_by_key(|factor| std::cmp::Reverse(factor.1));
        let top: Vec<String> = factors
            .iter()
            .take(3)
            .map(|(f, p)| format!("{} (+{p})", factor_label(*f).to_lowercase()))
            .collect();
        out.push(Finding {
            headline: format!(
                "The worst handoff has friction {} of 100: {}",
                worst.friction, worst.handoff
            ),
            detail: format!("In {}. Mostly: {}.", worst.journey, top.join(", ")),
            weight: worst.friction,
        });
    }
    let below: Vec<(&JourneyReport, &baton_core::analysis::TouchpointHotspot)> = journeys
        .iter()
        .flat_map(|j| j.analysis.hotspots.touchpoints.iter().map(move |t| (j, t)))
        .filter(|(_, t)| t.gap < 0.0)
        .collect();
    if let Some((j, t)) = below
        .iter()
        .min_by(|a, b| a.1.normalised_gap.total_cmp(&b.1.normalised_gap))
    {
        out.push(Finding {
            headline: format!(
                "{} touchpoint score{} below target; the furthest: {} at {} against {}",
                below.len(),
                if below.len() == 1 { " is" } else { "s are" },
                j.step_title(&t.step_id),
                figure(t.latest),
                figure(t.target)
            ),
            detail: format!("In {}. A gap of {}.", j.model.journey.name, figure(t.gap)),
            weight: 50 + (-t.normalised_gap * 100.0).round().clamp(0.0, 100.0) as u32,
        });
    }
    let reverifications = sum(|j| j.analysis.summary.reverifications);
    if reverifications > 0 {
        out.push(Finding {
            headline: format!("The customer proves who they are {reverifications} more time{}", plural(reverifications)),
            detail: "Each re-verification after the first one costs time and trust: carry the verification across the internal referral.".into(),
            weight: 40 + 5 * reverifications,
        });
    }
    let parties = journeys
        .iter()
        .map(|j| j.analysis.summary.parties)
        .max()
        .unwrap_or(0);
    if parties > 1 {
        out.push(Finding {
            headline: format!("The customer deals with up to {parties} parties in one journey"),
            detail: "The ideal is one: single interaction resolution. Concentrate touchpoints where a stage spreads them over several teams.".into(),
            weight: 30 + 5 * parties,
        });
    }
    let retellings = sum(|j| j.analysis.summary.retellings);
    if retellings > 0 {
        out.push(Finding {
            headline: format!(
                "The customer tells their story again at {retellings} handoff{}",
                plural(retellings)
            ),
            detail: "Send the notes along with the case.".into(),
            weight: 35 + 5 * retellings,
        });
    }
    out.sort_by_key(|finding| std::cmp::Reverse(finding.weight));
    out.truncate(5);
    out
}

fn plural(n: u32) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
