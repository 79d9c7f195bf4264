//! A survey tool's export read through a mapping (`plan_mapped_import`) and preset detection,
//! on arbitrary bytes against a real workspace: every row accepted or rejected (or the file
//! refused) without panicking, every accepted response applies.
//!
//! The first byte picks the preset or a plain mapping (and its date format); the second picks
//! how many header rows to skip. Modes of the rest: the input as the whole file (UTF-8, or as
//! UTF-16 little-endian units behind a BOM), or a valid header then the input, each data line
//! prefixed with a real step's title in the target column.
#![no_main]

use baton_fuzz::{check_import_plan, real_file};
use baton_interop::survey::{
    plan_mapped_import, DateFormat, FieldSource, ImportOptions, Preset, SurveyMapping,
};
use libfuzzer_sys::fuzz_target;

const DATE_FORMATS: [DateFormat; 5] = [
    DateFormat::Iso,
    DateFormat::DayMonthYear,
    DateFormat::MonthDayYear,
    DateFormat::GoogleForms,
    DateFormat::ExcelSerial,
];

fuzz_target!(|data: &[u8]| {
    let real = real_file();
    let [pick, skip, mode, payload @ ..] = data else {
        return;
    };
    let _ = Preset::detect(payload);
    let target = FieldSource::Column("Target".to_owned());
    let metric = FieldSource::Fixed("CSAT".to_owned());
    let mut mapping = match Preset::ALL.get(usize::from(*pick % 8)) {
        Some(preset) => preset.mapping("Rating", target, metric),
        None => SurveyMapping {
            skip_rows: 0,
            target,
            metric,
            value_column: "Rating".to_owned(),
            date_column: "Date".to_owned(),
            date_format: DATE_FORMATS[usize::from(*pick / 8) % DATE_FORMATS.len()],
            respondent_column: Some("Who".to_owned()),
            comment_column: Some("Comment".to_owned()),
            labels: baton_interop::survey::default_labels(),
        },
    };
    mapping.skip_rows = u32::from(*skip % 4);
    let header = format!(
        "Target,Rating,{},Who,Comment\n",
        mapping.date_column.replace('"', "")
    );
    let file = match mode % 3 {
        0 => payload.to_vec(),
        1 => {
            let mut bytes = vec![0xff, 0xfe];
            bytes.extend_from_slice(payload);
            bytes
        }
        _ => {
            let mut csv = header.into_bytes();
            for line in payload.split(|b| *b == b'\n') {
                let (pick, rest) = line.split_first().unwrap_or((&0, line));
                let title = &real.step_titles[usize::from(*pick) % real.step_titles.len()];
                csv.extend_from_slice(format!("\"{title}\",").as_bytes());
                csv.extend_from_slice(rest);
                csv.push(b'\n');
            }
            csv
        }
    };
    let Ok(plan) = plan_mapped_import(&real.workspace, &file, &ImportOptions::default(), &mapping)
    else {
        return;
    };
    check_import_plan(plan);
});
