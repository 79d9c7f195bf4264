//! `baton history FILE [--json]`: every recorded edit, oldest first.

use std::path::PathBuf;

use baton_store::HistoryEntry;

use crate::error::CliError;
use crate::output;

/// List the history of edits: number, time, label, and whether it is undone.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file.
    file: PathBuf,
    /// Print JSON: [{"seq", "at", "label", "undone"}].
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let document = super::open(&args.file)?;
    let history = document
        .history()
        .map_err(|error| CliError::store(&args.file, error))?;
    super::close(document)?;
    if args.json {
        output::json(&history)
    } else {
        output::text(&render(&args, &history))
    }
}

fn render(args: &Args, history: &[HistoryEntry]) -> String {
    if history.is_empty() {
        return format!("{}: no edits yet\n", output::path(&args.file));
    }
    let width = history
        .last()
        .map_or(1, |entry| entry.seq.to_string().len());
    let mut out = String::new();
    for entry in history {
        let undone = if entry.undone { "  (undone)" } else { "" };
        out.push_str(&format!(
            "{:>width$}  {}  {}{undone}\n",
            entry.seq,
            entry.at.format("%Y-%m-%d %H:%M:%S UTC"),
            output::shown(&entry.label),
        ));
    }
    out
}
