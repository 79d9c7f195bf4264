//! `baton check FILE [--json]`: is this a sound Baton file, all the way down? Exit 1 if anything
//! is wrong.
//!
//! The store's `check_file` does the work: it opens the file read-only (never upgrading or
//! changing it) and lists every problem it finds (SQLite's integrity check, schema objects
//! Baton does not create, broken references, the meta table, the history, rows that cannot be
//! read, the model re-validated through the rules of an edit). A file that is not a Baton file
//! at all is one `error:` line, as for every command.

use std::path::PathBuf;

use baton_store::{
    check_file, check_file_with_passphrase, CheckArea, CheckProblem, CheckReport, ErrorKind,
    APPLICATION_ID,
};
use serde::Serialize;

use crate::error::CliError;
use crate::output;
use crate::passphrase;

/// Check a client file through and through: integrity, schema, references, history and model.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file.
    file: PathBuf,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Serialize)]
struct Report<'a> {
    file: String,
    ok: bool,
    application_id: u32,
    expected_application_id: u32,
    schema_version: u32,
    supported_schema_version: u32,
    /// What `PRAGMA integrity_check` found; empty when SQLite finds the file sound.
    integrity_problems: Vec<&'a str>,
    /// Every problem found, integrity ones included: `{area, place, message}`.
    problems: &'a [CheckProblem],
}

pub fn run(args: Args) -> Result<(), CliError> {
    let checked = match check_file(&args.file) {
        Err(error) if error.kind() == ErrorKind::PassphraseRequired => {
            let passphrase = passphrase::get(&args.file, passphrase::Wanted::Current, false)?;
            check_file_with_passphrase(&args.file, Some(&passphrase))
        }
        checked => checked,
    }
    .map_err(|error| CliError::store(&args.file, error))?;
    let report = Report {
        file: args.file.display().to_string(),
        ok: checked.is_ok(),
        application_id: checked.application_id,
        expected_application_id: APPLICATION_ID,
        schema_version: checked.schema_version,
        supported_schema_version: checked.supported_schema_version,
        integrity_problems: checked
            .problems
            .iter()
            .filter(|problem| problem.area == CheckArea::Integrity)
            .map(|problem| problem.message.as_str())
            .collect(),
        problems: &checked.problems,
    };
    if args.json {
        output::json(&report)?;
    } else {
        output::text(&render(&report, &checked))?;
    }
    if report.ok {
        Ok(())
    } else {
        Err(CliError::new(format!(
            "{}: the check found {}",
            output::shown(&report.file),
            output::count(checked.problems.len(), "problem", "problems")
        )))
    }
}

fn render(report: &Report<'_>, checked: &CheckReport) -> String {
    let verdict = if report.ok { "ok" } else { "PROBLEMS FOUND" };
    let older = if report.schema_version < report.supported_schema_version {
        " (older: Baton upgrades it when it opens it, after a backup)"
    } else {
        ""
    };
    let mut out = format!(
        "{}: {verdict}\n  application id  {:#010x} (Baton)\n  schema version  {} (this Baton: {}){older}\n",
        output::shown(&report.file),
        report.application_id,
        report.schema_version,
        report.supported_schema_version,
    );
    if checked.problems.is_empty() {
        out.push_str("  integrity, schema, references, history and model  ok\n");
        return out;
    }
    out.push_str(&format!(
        "  {}:\n",
        output::count(checked.problems.len(), "problem", "problems")
    ));
    for problem in &checked.problems {
        out.push_str(&format!(
            "    [{}] {}: {}\n",
            area_name(problem.area),
            output::one_line(&problem.place),
            output::one_line(&problem.message)
        ));
    }
    out
}

fn area_name(area: CheckArea) -> &'static str {
    match area {
        CheckArea::Integrity => "integrity",
        CheckArea::Schema => "schema",
        CheckArea::ForeignKey => "reference",
        CheckArea::Meta => "meta",
        CheckArea::History => "history",
        CheckArea::Rows => "row",
        CheckArea::Model => "model",
    }
}
