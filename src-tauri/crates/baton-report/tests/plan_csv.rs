//! The initiatives as CSV, parsed back by the csv crate: BOM, documented columns, every row
//! equal to the plan, formula-looking cells neutralised (OWASP).

mod common;

use baton_report::plan::csv::{plan_csv, COLUMNS};
use baton_report::plan::{status_label, PlanOptions, PlanReport};

#[test]
fn csv_reads_back_equal_with_formulas_neutralised() {
    let options = PlanOptions {
        date: Some(common::today()),
        ..PlanOptions::default()
    };
    for ws in [common::demo(), common::demo_with_hostile_plan()] {
        let report = PlanReport::build(&ws, &options).unwrap();
        let bytes = plan_csv(&report).unwrap();
        assert!(bytes.starts_with("\u{FEFF}".as_bytes()), "a BOM for Excel");
        let mut reader = csv::Reader::from_reader(&bytes[3..]);
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(header, COLUMNS);
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let rows = report.initiatives();
        assert!(!rows.is_empty(), "the demo has initiatives");
        assert_eq!(records.len(), rows.len());
        for (record, row) in records.iter().zip(&rows) {
            let title = &row.view.initiative.title;
            let expected = if title.starts_with(['=', '+', '-', '@']) {
                format!("'{title}")
            } else {
                title.clone()
            };
            assert_eq!(&record[2], expected.as_str());
            assert_eq!(&record[5], status_label(row.view.initiative.status));
            assert_eq!(record[9].parse::<u32>().unwrap(), row.view.evidence.score);
            for cell in record.iter() {
                assert!(!cell.starts_with(['=', '+', '@']), "a formula cell: {cell}");
            }
        }
    }
}
