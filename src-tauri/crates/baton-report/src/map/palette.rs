//! The map's colours: the same values as the screen's tokens (`ui/src/styles/tokens.css`), so an
//! exported map looks like the map in the app. Light is for print; dark matches a dark screen.

use baton_core::insights::ScoreStatus;
use baton_core::{HandoffMode, Lane, LaneKind, Visibility};

/// Light for print and documents, dark like the app in a dark OS theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// Colours as CSS hex strings, written into the SVG as they are.
#[derive(Debug, Clone)]
pub struct Palette {
    pub background: &'static str,
    pub lane_odd: &'static str,
    pub header_bg: &'static str,
    pub border: &'static str,
    pub text: &'static str,
    pub text_3: &'static str,
    pub card_bg: &'static str,
    pub card_border: &'static str,
    pub surface: &'static str,
    pub lane_customer: &'static str,
    pub lane_frontstage: &'static str,
    pub lane_backstage: &'static str,
    pub lane_support: &'static str,
    pub lane_emotion: &'static str,
    pub lane_pains: &'static str,
    pub lane_opportunities: &'static str,
    pub lane_thoughts: &'static str,
    pub lane_channels: &'static str,
    pub lane_notes: &'static str,
    pub handoff_assisted: &'static str,
    pub handoff_blind: &'static str,
    pub handoff_automated: &'static str,
    pub badge_verify: &'static str,
    pub badge_resolve: &'static str,
    pub score_meets: &'static str,
    pub score_near: &'static str,
    pub score_misses: &'static str,
    pub score_none: &'static str,
    pub score_on: &'static str,
    pub friction_none: &'static str,
    pub friction_low: &'static str,
    pub friction_medium: &'static str,
    pub friction_high: &'static str,
    pub chains: [&'static str; 3],
}

impl Palette {
    pub fn of(theme: Theme) -> Self {
        match theme {
            Theme::Light => Self::light(),
            Theme::Dark => Self::dark(),
        }
    }

    pub fn light() -> Self {
        Self {
            background: "#f6f7f9",
            lane_odd: "#f2f4f7",
            header_bg: "#eef1f5",
            border: "#d5dae2",
            text: "#1b2330",
            text_3: "#6b7686",
            card_bg: "#ffffff",
            card_border: "#c9d0da",
            surface: "#ffffff",
            lane_customer: "#2f6fde",
            lane_frontstage: "#0f9488",
            lane_backstage: "#5a6b82",
            lane_support: "#8a9099",
            lane_emotion: "#7c4ddb",
            lane_pains: "#d23c3c",
            lane_opportunities: "#2e9a4b",
            lane_thoughts: "#d08a12",
            lane_channels: "#3f7f9f",
            lane_notes: "#8a9099",
            handoff_assisted: "#334155",
            handoff_blind: "#d9480f",
            handoff_automated: "#1c7ed6",
            badge_verify: "#7a4fd6",
            badge_resolve: "#2e9a4b",
            score_meets: "#2b7a3d",
            score_near: "#a15c00",
            score_misses: "#c0352b",
            score_none: "#6b7686",
            score_on: "#ffffff",
            friction_none: "#aeb6c2",
            friction_low: "#e0a100",
            friction_medium: "#e8590c",
            friction_high: "#c92a2a",
            chains: ["#c2255c", "#7048e8", "#0c8599"],
        }
    }

    pub fn dark() -> Self {
        Self {
            background: "#14181f",
            lane_odd: "#1c2129",
            header_bg: "#1c212a",
            border: "#353d4b",
            text: "#e6e9ef",
            text_3: "#8d97a7",
            card_bg: "#242a35",
            card_border: "#4e5869",
            surface: "#1c212a",
            lane_customer: "#5b93f5",
            lane_frontstage: "#2cc0b0",
            lane_backstage: "#8797ad",
            lane_support: "#8f96a1",
            lane_emotion: "#a884f5",
            lane_pains: "#f0706a",
            lane_opportunities: "#4cc06a",
            lane_thoughts: "#f0b140",
            lane_channels: "#63a7c9",
            lane_notes: "#8f96a1",
            handoff_assisted: "#c9d1de",
            handoff_blind: "#ff8a4c",
            handoff_automated: "#5cb3ff",
            badge_verify: "#a884f5",
            badge_resolve: "#4cc06a",
            score_meets: "#5cc878",
            score_near: "#f0b140",
            score_misses: "#ff8078",
            score_none: "#8d97a7",
            score_on: "#10151d",
            friction_none: "#4e5869",
            friction_low: "#f0c040",
            friction_medium: "#ff8a4c",
            friction_high: "#ff5f5f",
            chains: ["#f06595", "#9775fa", "#3bc9db"],
        }
    }

    /// A lane's colour: actor lanes by visibility (frontstage when unset), others by kind.
    pub fn lane(&self, lane: &Lane) -> &'static str {
        match lane.kind {
            LaneKind::Actor => match lane.visibility.unwrap_or(Visibility::Frontstage) {
                Visibility::Frontstage => self.lane_frontstage,
                Visibility::Backstage => self.lane_backstage,
                Visibility::Support => self.lane_support,
            },
            LaneKind::Customer => self.lane_customer,
            LaneKind::Emotion => self.lane_emotion,
            LaneKind::Thoughts => self.lane_thoughts,
            LaneKind::Pains => self.lane_pains,
            LaneKind::Opportunities => self.lane_opportunities,
            LaneKind::Channels => self.lane_channels,
            LaneKind::Notes => self.lane_notes,
        }
    }

    pub fn handoff(&self, mode: HandoffMode) -> &'static str {
        match mode {
            HandoffMode::Assisted => self.handoff_assisted,
            HandoffMode::Blind => self.handoff_blind,
            HandoffMode::Automated => self.handoff_automated,
        }
    }

    pub fn status(&self, status: ScoreStatus) -> &'static str {
        match status {
            ScoreStatus::Meets => self.score_meets,
            ScoreStatus::Near => self.score_near,
            ScoreStatus::Misses => self.score_misses,
            ScoreStatus::NoTarget | ScoreStatus::NoScore => self.score_none,
        }
    }

    pub fn friction(&self, band: FrictionBand) -> &'static str {
        match band {
            FrictionBand::None => self.friction_none,
            FrictionBand::Low => self.friction_low,
            FrictionBand::Medium => self.friction_medium,
            FrictionBand::High => self.friction_high,
        }
    }

    /// Flagged chains are numbered from 1; three colours, then they repeat.
    pub fn chain(&self, chain: usize) -> &'static str {
        self.chains[chain.saturating_sub(1) % self.chains.len()]
    }
}

/// The friction view's colour bands, as on the screen's map (a way of drawing a score, not a
/// rule about it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrictionBand {
    None,
    Low,
    Medium,
    High,
}

impl FrictionBand {
    pub fn of(score: u32) -> Self {
        match score {
            60.. => Self::High,
            30.. => Self::Medium,
            1.. => Self::Low,
            0 => Self::None,
        }
    }
}

/// The friction view's stroke width: 1.5 at 0, 7.5 at 100, as on the screen.
pub fn friction_width(score: u32) -> f32 {
    1.5 + 6.0 * score.min(100) as f32 / 100.0
}
