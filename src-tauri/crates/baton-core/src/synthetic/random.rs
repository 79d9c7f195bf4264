//! The synthetic journeys' seeded randomness and the words their titles are made of.

use crate::model::*;

/// splitmix64: tiny, fast and good enough for test data; no dependency.
pub(super) struct Rng {
    state: u64,
}

impl Rng {
    pub(super) fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    pub(super) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`), by multiply-high: no modulo bias worth caring about.
    pub(super) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// True with probability `percent` / 100.
    pub(super) fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A UUID v7 whose timestamp advances by one millisecond per id, so ids sort in creation order.
    pub(super) fn id(&mut self, clock: &mut u64) -> Id {
        *clock += 1;
        let mut random = [0u8; 10];
        random[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        random[8..].copy_from_slice(&self.next_u64().to_le_bytes()[..2]);
        uuid::Builder::from_unix_timestamp_millis(*clock, &random)
            .into_uuid()
            .to_string()
    }
}

/// 2025-01-01T00:00:00Z in milliseconds: the synthetic ids' clock starts here.
pub(super) const ID_CLOCK_START_MS: u64 = 1_735_689_600_000;

pub(super) const DEPARTMENTS: [&str; 8] = [
    "Contact centre",
    "Cards",
    "Fraud",
    "Billing",
    "IT",
    "Logistics",
    "Sales",
    "Customer success",
];

pub(super) const STAGE_NAMES: [&str; 10] = [
    "Notice",
    "Call",
    "Verify",
    "Diagnose",
    "Resolve",
    "Confirm",
    "Deliver",
    "Pay",
    "Follow up",
    "Renew",
];

pub(super) const WORDS: [&str; 32] = [
    "customer",
    "calls",
    "agent",
    "verifies",
    "identity",
    "card",
    "blocked",
    "transfer",
    "to",
    "the",
    "fraud",
    "team",
    "checks",
    "recent",
    "payments",
    "and",
    "sends",
    "a",
    "replacement",
    "by",
    "post",
    "café",
    "Überprüfung",
    "WWW",
    "ill",
    "notifies",
    "escalation",
    "queue",
    "confirms",
    "address",
    "with",
    "system",
];

pub(super) const CHANNELS: [Channel; 9] = [
    Channel::Phone,
    Channel::Chat,
    Channel::Email,
    Channel::Web,
    Channel::App,
    Channel::InPerson,
    Channel::Mail,
    Channel::Social,
    Channel::Other,
];

pub(super) const COMMENTS: [&str; 5] = [
    "Had to explain everything twice.",
    "Quick and friendly.",
    "Nobody called me back.",
    "Asked for my date of birth three times.",
    "Fine.",
];

/// A card title of 1 to 200 characters with no surrounding space: mostly short, some long
/// enough to wrap past four lines.
pub(super) fn title(rng: &mut Rng) -> String {
    let words = if rng.chance(10) {
        15 + rng.below(25)
    } else {
        2 + rng.below(5)
    };
    let mut text = String::new();
    for i in 0..words {
        let word = rng.pick(&WORDS);
        if text.chars().count() + word.chars().count() + 1 > 200 {
            break;
        }
        if i > 0 {
            text.push(' ');
        }
        text.push_str(word);
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Step".to_owned(),
    }
}
