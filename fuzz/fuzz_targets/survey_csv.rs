//! The survey CSV import plan (`plan_import`) on arbitrary bytes, against a real workspace: it
//! must accept or reject every row (or refuse the file) without panicking, and every response
//! it accepts must apply to the workspace.
//!
//! Modes (first byte): 0, the input as the whole file; 1, a valid header then the input; 2, a
//! valid header then one row per input line, each naming a real step (chosen by the line's first
//! byte) before the line's own text.
#![no_main]

use baton_fuzz::{check_import_plan, mode, real_file};
use baton_interop::survey::{plan_import, ImportOptions};
use libfuzzer_sys::fuzz_target;

const HEADER: &[u8] = b"target,metric,value,date,respondent,comment\n";

fuzz_target!(|data: &[u8]| {
    let real = real_file();
    let (mode, payload) = mode(data, 3);
    let csv = match mode {
        0 => payload.to_vec(),
        1 => [HEADER, payload].concat(),
        _ => {
            let mut csv = HEADER.to_vec();
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
    let Ok(plan) = plan_import(&real.workspace, &csv, &ImportOptions::default()) else {
        return;
    };
    check_import_plan(plan);
});
