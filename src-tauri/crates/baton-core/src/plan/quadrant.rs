//! Priority quadrants (impact and effort, 1..5): quick win impact >= 3 and effort <= 2; big bet
//! impact >= 3 and effort >= 3; fill-in impact <= 2 and effort <= 2; money pit impact <= 2 and
//! effort >= 3.

use serde::{Deserialize, Serialize};
use specta::Type;

/// Where an initiative falls on the impact/effort matrix. The variants are in priority order:
/// sorting "by priority" puts quick wins first, money pits last.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// Impact 3 or more, effort 2 or less.
    QuickWin,
    /// Impact 3 or more, effort 3 or more.
    BigBet,
    /// Impact 2 or less, effort 2 or less.
    FillIn,
    /// Impact 2 or less, effort 3 or more.
    MoneyPit,
}

/// The quadrant of an impact and an effort rated 1..5 (values outside, which validation never
/// lets in, fall on the nearer side of the same thresholds).
pub fn quadrant_of(impact: u8, effort: u8) -> Quadrant {
    match (impact >= 3, effort <= 2) {
        (true, true) => Quadrant::QuickWin,
        (true, false) => Quadrant::BigBet,
        (false, true) => Quadrant::FillIn,
        (false, false) => Quadrant::MoneyPit,
    }
}

impl Quadrant {
    /// Words for a reader ("quick win").
    pub fn label(self) -> &'static str {
        match self {
            Quadrant::QuickWin => "quick win",
            Quadrant::BigBet => "big bet",
            Quadrant::FillIn => "fill-in",
            Quadrant::MoneyPit => "money pit",
        }
    }
}
