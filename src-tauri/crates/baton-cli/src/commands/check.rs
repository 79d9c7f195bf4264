//! `baton check FILE [--json]`: is this a sound Baton file? Exit 1 if anything is wrong.
//!
//! The file is opened as the app opens it (which refuses, untouched, anything that is not a
//! Baton file, is truncated or damaged, or comes from a newer Baton), then SQLite's
//! `PRAGMA integrity_check` runs over it. The application id and schema version reported are
//! read from the file's header before it is opened.

use std::path::{Path, PathBuf};

use baton_store::{APPLICATION_ID, SCHEMA_VERSION};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::error::CliError;
use crate::output;

/// Check a client file: Baton's application id, the schema version, SQLite's integrity check.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file.
    file: PathBuf,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Serialize)]
struct Report {
    file: String,
    ok: bool,
    application_id: u32,
    expected_application_id: u32,
    schema_version: u32,
    supported_schema_version: u32,
    /// What `PRAGMA integrity_check` found; empty when the file is sound.
    integrity_problems: Vec<String>,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let header = read_header(&args.file);
    let document = super::open(&args.file)?;
    let problems = document
        .integrity_problems()
        .map_err(|error| CliError::store(&args.file, error))?;
    super::close(document)?;
    // Opening succeeded, so the file is a Baton file this Baton can read; an older one has just
    // been upgraded (after a backup).
    let (application_id, schema_version) = header.unwrap_or((APPLICATION_ID, SCHEMA_VERSION));
    let report = Report {
        file: args.file.display().to_string(),
        ok: problems.is_empty(),
        application_id,
        expected_application_id: APPLICATION_ID,
        schema_version,
        supported_schema_version: SCHEMA_VERSION,
        integrity_problems: problems,
    };
    if args.json {
        output::json(&report)?;
    } else {
        output::text(&render(&report))?;
    }
    if report.ok {
        Ok(())
    } else {
        Err(CliError::new(format!(
            "{}: the integrity check found {} problem(s)",
            report.file,
            report.integrity_problems.len()
        )))
    }
}

/// The file's application id and schema version, read without writing or locking anything.
/// `None` when the file cannot be read as SQLite (opening it then says why).
fn read_header(path: &Path) -> Option<(u32, u32)> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).ok()?;
    let read = |pragma: &str| {
        conn.pragma_query_value(None, pragma, |row| row.get::<_, i64>(0))
            .ok()
            // SQLite stores both as signed 32-bit integers.
            .map(|value| value as i32 as u32)
    };
    Some((read("application_id")?, read("user_version")?))
}

fn render(report: &Report) -> String {
    let verdict = if report.ok { "ok" } else { "PROBLEMS FOUND" };
    let upgraded = if report.schema_version < report.supported_schema_version {
        " (upgraded on opening; a backup was kept)"
    } else {
        ""
    };
    let mut out = format!(
        "{}: {verdict}\n  application id  {:#010x} (Baton)\n  schema version  {} (this Baton: {}){upgraded}\n",
        report.file, report.application_id, report.schema_version, report.supported_schema_version,
    );
    if report.integrity_problems.is_empty() {
        out.push_str("  integrity       ok\n");
    } else {
        out.push_str("  integrity\n");
        for problem in &report.integrity_problems {
            out.push_str(&format!("    {problem}\n"));
        }
    }
    out
}
