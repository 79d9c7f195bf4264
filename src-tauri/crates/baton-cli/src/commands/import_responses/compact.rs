//! The accepted responses of a survey, kept compactly until they are written: about 100 bytes
//! a row (a `SurveyResponse` costs about 350, with its five strings), so a 3.2-million-row CSV
//! stays well under a gigabyte. Steps, handoffs and metrics are stored once and referred to by
//! number; the id is kept as its 128 bits.

use std::collections::HashMap;

use baton_core::{Id, Subject, SurveyResponse};
use baton_store::{ResponseSource, StoreError};
use chrono::NaiveDate;
use uuid::Uuid;

struct Row {
    id: u128,
    subject: u32,
    metric: u32,
    value: f64,
    date: NaiveDate,
    respondent: Option<Box<str>>,
    comment: Option<Box<str>>,
}

#[derive(Default)]
pub struct CompactResponses {
    subjects: Vec<Subject>,
    subject_numbers: HashMap<Subject, u32>,
    metrics: Vec<Id>,
    metric_numbers: HashMap<Id, u32>,
    rows: Vec<Row>,
    /// Responses whose id is not a UUID (never from the planner, which makes fresh ones): kept
    /// whole, so nothing is lost.
    others: Vec<SurveyResponse>,
}

impl CompactResponses {
    pub fn push(&mut self, response: SurveyResponse) {
        let Ok(id) = Uuid::parse_str(&response.id) else {
            self.others.push(response);
            return;
        };
        // The id must come back exactly as it was given.
        if id.hyphenated().to_string() != response.id {
            self.others.push(response);
            return;
        }
        let subject = number(
            &mut self.subjects,
            &mut self.subject_numbers,
            response.subject,
        );
        let metric = number(
            &mut self.metrics,
            &mut self.metric_numbers,
            response.metric_id,
        );
        self.rows.push(Row {
            id: id.as_u128(),
            subject,
            metric,
            value: response.value,
            date: response.date,
            respondent: response.respondent.map(String::into_boxed_str),
            comment: response.comment.map(String::into_boxed_str),
        });
    }

    pub fn len(&self) -> usize {
        self.rows.len() + self.others.len()
    }

    fn response(&self, row: &Row) -> SurveyResponse {
        SurveyResponse {
            id: Uuid::from_u128(row.id).hyphenated().to_string(),
            subject: self.subjects[row.subject as usize].clone(),
            metric_id: self.metrics[row.metric as usize].clone(),
            value: row.value,
            date: row.date,
            respondent: row.respondent.as_deref().map(str::to_owned),
            comment: row.comment.as_deref().map(str::to_owned),
        }
    }
}

/// The number of `value` in `values`, adding it if new.
fn number<T: Clone + Eq + std::hash::Hash>(
    values: &mut Vec<T>,
    numbers: &mut HashMap<T, u32>,
    value: T,
) -> u32 {
    if let Some(&at) = numbers.get(&value) {
        return at;
    }
    let at = u32::try_from(values.len()).unwrap_or(u32::MAX);
    values.push(value.clone());
    numbers.insert(value, at);
    at
}

impl ResponseSource for CompactResponses {
    fn each(
        &self,
        visit: &mut dyn FnMut(SurveyResponse) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.rows
            .iter()
            .map(|row| self.response(row))
            .chain(self.others.iter().cloned())
            .try_for_each(visit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baton_core::SubjectKind;

    fn response(id: &str, subject: &str, comment: Option<&str>) -> SurveyResponse {
        SurveyResponse {
            id: id.to_owned(),
            subject: Subject {
                kind: SubjectKind::Step,
                id: subject.to_owned(),
            },
            metric_id: "m".to_owned(),
            value: 4.5,
            date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            respondent: Some("r1".to_owned()),
            comment: comment.map(str::to_owned),
        }
    }

    #[test]
    fn gives_back_the_very_responses_it_was_given() {
        let given = vec![
            response(&baton_core::new_id(), "s1", Some("ok")),
            response(&baton_core::new_id(), "s2", None),
            response(&baton_core::new_id(), "s1", Some("")),
            response("not-a-uuid", "s1", None),
        ];
        let mut compact = CompactResponses::default();
        given.iter().cloned().for_each(|r| compact.push(r));
        assert_eq!(compact.len(), 4);
        assert_eq!(compact.subjects.len(), 2);
        for _ in 0..2 {
            let mut back = Vec::new();
            compact
                .each(&mut |r| {
                    back.push(r);
                    Ok(())
                })
                .unwrap();
            assert_eq!(back, given);
        }
    }
}
