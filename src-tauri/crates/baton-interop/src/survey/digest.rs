//! Duplicate survey responses, found by digest.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hash};

use chrono::NaiveDate;

use baton_core::model::{Subject, SurveyResponse};

/// What makes two responses the same answer: subject, metric, value, date, respondent and
/// comment, as a 128-bit digest (two independent SipHash keys), so that finding duplicates among
/// millions of rows keeps 16 bytes per row rather than a copy of each. Two different answers
/// share a digest with a probability of about n²/2¹²⁹ (10⁻²⁶ for 3 million rows).
pub(super) struct ResponseDigest {
    keys: [RandomState; 2],
}

#[derive(Hash)]
struct ResponseKey<'r> {
    subject: &'r Subject,
    metric_id: &'r str,
    value_bits: u64,
    date: NaiveDate,
    respondent: Option<&'r str>,
    comment: Option<&'r str>,
}

impl ResponseDigest {
    pub(super) fn new() -> Self {
        Self {
            keys: [RandomState::new(), RandomState::new()],
        }
    }

    pub(super) fn of(&self, r: &SurveyResponse) -> u128 {
        let key = ResponseKey {
            subject: &r.subject,
            metric_id: &r.metric_id,
            // -0 and 0 are one answer.
            value_bits: (r.value + 0.0).to_bits(),
            date: r.date,
            respondent: r.respondent.as_deref(),
            comment: r.comment.as_deref(),
        };
        let [high, low] = &self.keys;
        (u128::from(high.hash_one(&key)) << 64) | u128::from(low.hash_one(&key))
    }
}
